//! Native JSONL export: every article with all its spans, tags and statuses (lossless).

use std::io::Write;

use rusqlite::Connection;

use super::options::{ExportOptions, OffsetUnit};
use super::select::{self, Doc};
use super::sink::Sink;
use super::ExportCounts;
use crate::annotations;
use crate::error::{Error, Result};
use crate::model::Article;
use crate::native::{NativeRecord, NativeRelation, NativeSpan, NativeStatus, NativeTag};
use crate::units::Units;

/// The native record of one stored article.
pub fn native_record(conn: &Connection, a: Article) -> Result<NativeRecord> {
    let spans = annotations::spans_of(conn, a.id, &a.text)?;
    let doc = Doc {
        tags: annotations::tags_of(conn, a.id)?,
        statuses: annotations::statuses_of(conn, a.id)?,
        relations: crate::relations::relations_of(conn, a.id)?,
        spans,
        article: a,
        dropped_by_label: 0,
        schema: Default::default(),
    };
    Ok(record_of(doc, OffsetUnit::Codepoint))
}

/// The native record of a selected article, offsets in `unit`.
pub fn record_of(doc: Doc, unit: OffsetUnit) -> NativeRecord {
    let units = Units::new(&doc.article.text, unit);
    // Spans are named by their place in the line (1, 2, …) when relations refer to them.
    let relations: Vec<NativeRelation> = doc
        .relation_ends()
        .into_iter()
        .enumerate()
        .map(|(k, (from, to, r))| NativeRelation {
            id: Some((k + 1).into()),
            from: (from + 1).into(),
            to: (to + 1).into(),
            rtype: r.rtype.clone(),
            annotator: Some(r.annotator.clone()),
            note: Some(r.note.clone()),
            created_at: Some(r.created_at.clone()),
        })
        .collect();
    let with_ids = !relations.is_empty();
    let spans = doc
        .spans
        .into_iter()
        .enumerate()
        .map(|(k, s)| NativeSpan {
            id: with_ids.then(|| (k + 1).into()),
            attrs: (!s.attrs.is_empty()).then_some(s.attrs),
            start: units.from_cp(s.start as usize) as i64,
            end: units.from_cp(s.end as usize) as i64,
            label: s.label,
            text: Some(s.text),
            annotator: Some(s.annotator),
            note: Some(s.note),
            created_at: Some(s.created_at),
            origin: s.origin,
            entity: s.entity,
        })
        .collect();
    let tags = doc
        .tags
        .into_iter()
        .map(|t| NativeTag {
            label: t.label,
            annotator: Some(t.annotator),
            created_at: Some(t.created_at),
        })
        .collect();
    let status = doc
        .statuses
        .into_iter()
        .map(|s| NativeStatus {
            annotator: s.annotator,
            status: s.status.as_str().to_string(),
            updated_at: Some(s.updated_at),
        })
        .collect();
    let a = doc.article;
    let meta = match a.meta {
        serde_json::Value::Object(m) => m,
        _ => serde_json::Map::new(),
    };
    NativeRecord {
        id: Some(a.ext_id),
        title: Some(a.title),
        text: a.text,
        source: Some(a.source),
        url: Some(a.url),
        published_at: Some(a.published_at),
        meta: Some(meta),
        tags,
        spans,
        status,
        relations,
    }
}

/// One article as a native JSONL line.
pub fn write(doc: Doc, o: &ExportOptions, sink: &mut Sink) -> Result<()> {
    let rec = record_of(doc, o.offsets);
    for s in &rec.spans {
        sink.tally.count_span(&s.label);
    }
    sink.tally.tags += rec.tags.len() as u64;
    sink.tally.relations += rec.relations.len() as u64;
    sink.json_line(&rec)
}

/// Stream the whole project as native JSONL, one article per line.
pub fn write_native_jsonl(conn: &Connection, out: &mut dyn Write) -> Result<ExportCounts> {
    let o = ExportOptions::default();
    let mut sink = Sink::new(out);
    select::for_each_doc(conn, &o, true, |doc| {
        sink.tally.articles += 1;
        write(doc, &o, &mut sink)
    })?;
    sink.out.flush().map_err(|e| Error::io("cannot write the export", e))?;
    Ok(ExportCounts {
        articles: sink.tally.articles,
        spans: sink.tally.spans,
        tags: sink.tally.tags,
    })
}
