//! `conll`: CoNLL-2003-style `token TAG` lines (IOB2), a blank line after each sentence, `-DOCSTART- O` per article.

use super::align::align;
use super::options::ExportOptions;
use super::select::Doc;
use super::sink::Sink;
use crate::error::Result;

pub fn write(doc: &Doc, o: &ExportOptions, sink: &mut Sink) -> Result<()> {
    let al = align(doc, o, &mut sink.tally)?;
    let text = &doc.article.text;
    let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect();
    let tags = al.iob();
    for s in &al.spans {
        sink.tally.count_span(&s.label);
    }
    let mut buf = String::from("-DOCSTART- O\n\n");
    for (a, b) in al.sentence_ranges() {
        for (t, tag) in al.tokens[a..b].iter().zip(&tags[a..b]) {
            buf.push_str(&text[bytes[t.start]..bytes[t.end]]);
            buf.push(' ');
            buf.push_str(tag);
            buf.push('\n');
        }
        buf.push('\n');
    }
    sink.records += 1;
    sink.bytes(buf.as_bytes())
}
