//! Native JSONL export: every article with all its spans, tags and statuses (lossless).

use std::io::Write;

use rusqlite::Connection;

use super::ExportCounts;
use crate::annotations;
use crate::articles;
use crate::error::{Error, Result};
use crate::model::Article;
use crate::native::{NativeRecord, NativeSpan, NativeStatus, NativeTag};

/// The native record of one stored article.
pub fn native_record(conn: &Connection, a: Article) -> Result<NativeRecord> {
    let spans = annotations::spans_of(conn, a.id, &a.text)?
        .into_iter()
        .map(|s| NativeSpan {
            start: s.start,
            end: s.end,
            label: s.label,
            text: Some(s.text),
            annotator: Some(s.annotator),
            note: Some(s.note),
            created_at: Some(s.created_at),
        })
        .collect();
    let tags = annotations::tags_of(conn, a.id)?
        .into_iter()
        .map(|t| NativeTag { label: t.label, annotator: Some(t.annotator), created_at: Some(t.created_at) })
        .collect();
    let status = annotations::statuses_of(conn, a.id)?
        .into_iter()
        .map(|s| NativeStatus { annotator: s.annotator, status: s.status.as_str().to_string(), updated_at: Some(s.updated_at) })
        .collect();
    let meta = match a.meta {
        serde_json::Value::Object(m) => m,
        _ => serde_json::Map::new(),
    };
    Ok(NativeRecord {
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
    })
}

/// Stream the whole project as native JSONL, one article per line.
pub fn write_native_jsonl(conn: &Connection, out: &mut dyn Write) -> Result<ExportCounts> {
    let mut counts = ExportCounts::default();
    articles::for_each(conn, |a| {
        let rec = native_record(conn, a)?;
        counts.articles += 1;
        counts.spans += rec.spans.len() as u64;
        counts.tags += rec.tags.len() as u64;
        serde_json::to_writer(&mut *out, &rec)?;
        out.write_all(b"\n").map_err(|e| Error::io("cannot write the export", e))?;
        Ok(())
    })?;
    out.flush().map_err(|e| Error::io("cannot write the export", e))?;
    Ok(counts)
}
