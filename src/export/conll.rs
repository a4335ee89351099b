//! `conll`: CoNLL-2003-style `token TAG` lines (IOB2), a blank line after each sentence, `-DOCSTART- O` per article.

use super::align::token_doc;
use super::options::ExportOptions;
use super::select::Doc;
use super::sink::Sink;
use crate::error::Result;

pub fn write(doc: &Doc, o: &ExportOptions, sink: &mut Sink) -> Result<()> {
    let td = token_doc(doc, o, &mut sink.tally)?;
    let al = &td.al;
    let tags = al.iob();
    let mut buf = String::from("-DOCSTART- O\n\n");
    for (a, b) in al.sentence_ranges() {
        for (t, tag) in al.tokens[a..b].iter().zip(&tags[a..b]) {
            buf.push_str(td.text(t));
            buf.push(' ');
            buf.push_str(tag);
            buf.push('\n');
        }
        buf.push('\n');
    }
    sink.records += 1;
    sink.bytes(buf.as_bytes())
}
