//! `doccano`: `{"id","text","label":[[start,end,"LABEL"]]}` with offsets in UTF-16 code units (doccano's unit).

use serde::Serialize;

use super::options::{ExportOptions, OffsetUnit};
use super::select::Doc;
use super::sink::Sink;
use super::units::Units;
use crate::error::Result;

#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
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
    let rec = Record {
        id: &doc.article.ext_id,
        text: &doc.article.text,
        label: spans
            .iter()
            .map(|s| (units.at(s.start), units.at(s.end), s.label.as_str()))
            .collect(),
    };
    sink.json_line(&rec)
}
