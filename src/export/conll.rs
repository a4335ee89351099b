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
    sink.bytes(b"-DOCSTART- O\n\n")?;
    // One sentence at a time: a long article's output is never held whole.
    let mut buf = String::new();
    for (a, b) in al.sentence_ranges() {
        buf.clear();
        for (k, t) in al.tokens[a..b].iter().enumerate() {
            buf.push_str(td.text(t));
            buf.push(' ');
            buf.push_str(tags.get(a + k));
            buf.push('\n');
        }
        buf.push('\n');
        sink.bytes(buf.as_bytes())?;
    }
    sink.records += 1;
    Ok(())
}
