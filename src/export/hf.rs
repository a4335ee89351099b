//! `hf`: Hugging Face token classification JSONL, one sentence per line: `{"id","tokens","ner_tags"}` (IOB2),
//! `ner_tags` as class ids into `FILE.labels.json` (or, with `--hf-tags strings`, the tag names).

use std::collections::HashMap;

use serde::Serialize;

use super::align::token_doc;
use super::options::ExportOptions;
use super::select::Doc;
use super::sink::Sink;
use crate::error::{Error, Result};

#[derive(Serialize)]
struct Record<'a, T> {
    id: String,
    tokens: Vec<&'a str>,
    ner_tags: Vec<T>,
}

/// The class id of every IOB2 tag name: its place in the label list (`report::iob_tags`).
pub fn tag_ids(tags: &[String]) -> HashMap<String, u32> {
    tags.iter().enumerate().map(|(i, t)| (t.clone(), i as u32)).collect()
}

/// Write one article's sentences; `ids` maps tag names to class ids (absent: write the names).
pub fn write(
    doc: &Doc,
    o: &ExportOptions,
    ids: Option<&HashMap<String, u32>>,
    sink: &mut Sink,
) -> Result<()> {
    let td = token_doc(doc, o, &mut sink.tally)?;
    let al = &td.al;
    let tags = al.iob();
    for (k, (a, b)) in al.sentence_ranges().into_iter().enumerate() {
        let tokens = al.tokens[a..b].iter().map(|t| td.text(t)).collect();
        let id = format!("{}:{k}", doc.article.ext_id);
        let names = tags.range(a, b);
        match ids {
            None => sink.json_line(&Record { id, tokens, ner_tags: names })?,
            Some(ids) => {
                let ner_tags = names
                    .iter()
                    .map(|n| {
                        ids.get(*n).copied().ok_or_else(|| {
                            Error::Invalid(format!(
                                "article {}: the tag {n} is not in the label list",
                                doc.article.ext_id
                            ))
                        })
                    })
                    .collect::<Result<Vec<u32>>>()?;
                sink.json_line(&Record { id, tokens, ner_tags })?
            }
        }
    }
    Ok(())
}
