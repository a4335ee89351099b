//! `doccano`: `{"id","text","label":[[start,end,"LABEL"]]}` with offsets in UTF-16 code units (doccano's unit).

use serde::Serialize;

use super::options::{ExportOptions, OffsetUnit};
use super::select::Doc;
use super::sink::Sink;
use crate::error::Result;
use crate::units::Units;

#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
    /// doccano's relation shape, written beside `label` when the article has relations: the spans
    /// with ids (0, 1, …) and the relations between them.
    #[serde(skip_serializing_if = "Option::is_none")]
    entities: Option<Vec<Entity<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relations: Option<Vec<RelationOut>>,
}

#[derive(Serialize)]
struct Entity<'a> {
    id: usize,
    start_offset: usize,
    end_offset: usize,
    label: &'a str,
}

#[derive(Serialize)]
struct RelationOut {
    id: usize,
    from_id: usize,
    to_id: usize,
    #[serde(rename = "type")]
    rtype: String,
}

pub fn write(doc: &Doc, _o: &ExportOptions, sink: &mut Sink) -> Result<()> {
    sink.tally.notes_not_kept += doc.spans.iter().filter(|s| !s.note.is_empty()).count() as u64;
    sink.tally.tags_not_kept += doc.tags.len() as u64;
    let (spans, merged) = doc.unique_spans();
    sink.tally.duplicates_merged += merged;
    // doccano's importer drops overlapping spans unless the project allows them: count them.
    let mut reach = 0;
    for s in &spans {
        if s.start < reach {
            sink.tally.overlapping_written += 1;
        }
        reach = reach.max(s.end);
        sink.tally.count_span(&s.label);
    }
    let units = Units::new(&doc.article.text, OffsetUnit::Utf16);
    let relations: Vec<RelationOut> = doc
        .unique_relations(&spans)
        .into_iter()
        .enumerate()
        .map(|(id, (from_id, to_id, rtype))| RelationOut { id, from_id, to_id, rtype })
        .collect();
    sink.tally.relations += relations.len() as u64;
    let entities = (!relations.is_empty()).then(|| {
        spans
            .iter()
            .enumerate()
            .map(|(id, s)| Entity {
                id,
                start_offset: units.from_cp(s.start),
                end_offset: units.from_cp(s.end),
                label: &s.label,
            })
            .collect()
    });
    let rec = Record {
        id: &doc.article.ext_id,
        text: &doc.article.text,
        label: spans
            .iter()
            .map(|s| (units.from_cp(s.start), units.from_cp(s.end), s.label.as_str()))
            .collect(),
        entities,
        relations: (!relations.is_empty()).then_some(relations),
    };
    sink.json_line(&rec)
}
