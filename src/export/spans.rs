//! `spans`: generic training JSONL `{"id","text","spans":[{"start","end","label"}],"tags":[…]}`.

use serde::Serialize;

use super::options::ExportOptions;
use super::select::Doc;
use super::sink::Sink;
use super::units::Units;
use crate::error::Result;

#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    text: &'a str,
    spans: Vec<SpanOut<'a>>,
    tags: Vec<String>,
    /// Relations by index into `spans`; absent when the article has none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    relations: Vec<RelationOut>,
}

#[derive(Serialize)]
struct RelationOut {
    from: usize,
    to: usize,
    #[serde(rename = "type")]
    rtype: String,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    label: &'a str,
}

pub fn write(doc: &Doc, o: &ExportOptions, sink: &mut Sink) -> Result<()> {
    let (spans, merged) = doc.unique_spans();
    sink.tally.duplicates_merged += merged;
    let units = Units::new(&doc.article.text, o.offsets);
    let tags = doc.tag_labels();
    sink.tally.tags += tags.len() as u64;
    for s in &spans {
        sink.tally.count_span(&s.label);
    }
    let relations: Vec<RelationOut> = doc
        .unique_relations(&spans)
        .into_iter()
        .map(|(from, to, rtype)| RelationOut { from, to, rtype })
        .collect();
    sink.tally.relations += relations.len() as u64;
    let rec = Record {
        id: &doc.article.ext_id,
        text: &doc.article.text,
        spans: spans
            .iter()
            .map(|s| SpanOut { start: units.at(s.start), end: units.at(s.end), label: &s.label })
            .collect(),
        tags,
        relations,
    };
    sink.json_line(&rec)
}
