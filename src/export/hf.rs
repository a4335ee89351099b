//! `hf`: Hugging Face token classification JSONL, one sentence per line: `{"id","tokens","ner_tags"}` (IOB2).

use serde::Serialize;

use super::align::token_doc;
use super::options::ExportOptions;
use super::select::Doc;
use super::sink::Sink;
use crate::error::Result;

#[derive(Serialize)]
struct Record<'a> {
    id: String,
    tokens: Vec<&'a str>,
    ner_tags: Vec<&'a str>,
}

pub fn write(doc: &Doc, o: &ExportOptions, sink: &mut Sink) -> Result<()> {
    let td = token_doc(doc, o, &mut sink.tally)?;
    let al = &td.al;
    let tags = al.iob();
    for (k, (a, b)) in al.sentence_ranges().into_iter().enumerate() {
        let tokens = al.tokens[a..b].iter().map(|t| td.text(t)).collect();
        sink.json_line(&Record {
            id: format!("{}:{k}", doc.article.ext_id),
            tokens,
            ner_tags: tags.range(a, b),
        })?;
    }
    Ok(())
}
