//! `hf`: Hugging Face token classification JSONL, one sentence per line: `{"id","tokens","ner_tags"}` (IOB2).

use serde::Serialize;

use super::align::align;
use super::options::ExportOptions;
use super::select::Doc;
use super::sink::Sink;
use crate::error::Result;

#[derive(Serialize)]
struct Record<'a> {
    id: String,
    tokens: Vec<&'a str>,
    ner_tags: &'a [String],
}

pub fn write(doc: &Doc, o: &ExportOptions, sink: &mut Sink) -> Result<()> {
    let al = align(doc, o, &mut sink.tally)?;
    let text = &doc.article.text;
    let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect();
    let tags = al.iob();
    for s in &al.spans {
        sink.tally.count_span(&s.label);
    }
    for (k, (a, b)) in al.sentence_ranges().into_iter().enumerate() {
        let tokens = al.tokens[a..b].iter().map(|t| &text[bytes[t.start]..bytes[t.end]]).collect();
        sink.json_line(&Record { id: format!("{}:{k}", doc.article.ext_id), tokens, ner_tags: &tags[a..b] })?;
    }
    Ok(())
}
