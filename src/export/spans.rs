//! `spans`: generic training JSONL `{"id","text","spans":[{"start","end","label"}],"tags":[…]}`.

use serde::Serialize;

use super::options::ExportOptions;
use super::select::Doc;
use super::sink::Sink;
use crate::error::Result;
use crate::units::Units;

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
    /// "suggestion" when every analyst's span at this place came from an accepted suggestion.
    #[serde(skip_serializing_if = "Option::is_none")]
    origin: Option<&'static str>,
    /// The entity an analyst linked this span to (an id of the registry), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    entity: Option<&'a str>,
}

pub fn write(doc: &Doc, o: &ExportOptions, sink: &mut Sink) -> Result<()> {
    let (spans, merged) = doc.unique_spans();
    sink.tally.duplicates_merged += merged;
    let units = Units::new(&doc.article.text, o.offsets);
    let by_hand: Vec<(usize, usize, &str)> = doc
        .spans
        .iter()
        .filter(|s| s.origin.is_none())
        .map(|s| (s.start as usize, s.end as usize, s.label.as_str()))
        .collect();
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
            .map(|s| SpanOut {
                start: units.from_cp(s.start),
                end: units.from_cp(s.end),
                label: &s.label,
                origin: by_hand
                    .iter()
                    .all(|h| *h != (s.start, s.end, s.label.as_str()))
                    .then_some("suggestion"),
                entity: doc
                    .spans
                    .iter()
                    .find(|d| {
                        d.start as usize == s.start && d.end as usize == s.end && d.label == s.label
                    })
                    .and_then(|d| d.entity.as_deref()),
            })
            .collect(),
        tags,
        relations,
    };
    sink.json_line(&rec)
}
