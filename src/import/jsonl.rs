//! Native JSONL import: one article per line with its spans, tags and status.
//! Every span is checked against the text (range, grapheme boundaries, `text` equal to the slice)
//! before anything from its line is written.

use std::io::BufRead;

use rusqlite::Transaction;

use super::{Ids, ImportOptions, ImportReport, ImportedArticle, OffsetUnit};
use crate::annotations;
use crate::articles::{self, Inserted, NewArticle};
use crate::error::{Error, Result};
use crate::model::{LabelKind, Status};
use crate::native::NativeRecord;
use crate::store::Store;
use crate::text;

pub(super) fn import_jsonl(
    tx: &Transaction,
    name: &str,
    content: &str,
    opts: &ImportOptions,
    report: &mut ImportReport,
) -> Result<()> {
    let mut ids = Ids::default();
    for (i, line) in content.lines().enumerate() {
        import_line(tx, name, i + 1, line, opts, &mut ids, report)?;
    }
    Ok(())
}

/// Hand each line of a UTF-8 stream (without its line ending; a BOM dropped) to `f`, with its number
/// counted from 1. A line that is not UTF-8 is rejected here.
pub(super) fn read_lines(
    name: &str,
    reader: &mut dyn BufRead,
    report: &mut ImportReport,
    mut f: impl FnMut(usize, &str, &mut ImportReport) -> Result<()>,
) -> Result<()> {
    let mut buf = Vec::new();
    let mut lineno = 0;
    loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| Error::io(format!("cannot read {name}"), e))?;
        if n == 0 {
            return Ok(());
        }
        lineno += 1;
        let mut bytes = buf.strip_suffix(b"\n").unwrap_or(&buf);
        bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        if lineno == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        match std::str::from_utf8(bytes) {
            Ok(line) => f(lineno, line, report)?,
            Err(e) => report.reject(
                name,
                Some(lineno),
                format!("not valid UTF-8 (bad byte at column {})", e.valid_up_to() + 1),
            ),
        }
    }
}

/// Import one line (`lineno` counts from 1); blank lines are skipped.
pub(super) fn import_line(
    tx: &Transaction,
    name: &str,
    lineno: usize,
    line: &str,
    opts: &ImportOptions,
    ids: &mut Ids,
    report: &mut ImportReport,
) -> Result<()> {
    if line.trim().is_empty() {
        return Ok(());
    }
    opts.control.step()?;
    let mut rec: NativeRecord = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => {
            report.reject(name, Some(lineno), format!("not a valid article record: {e}"));
            return Ok(());
        }
    };
    if let Some(unit) = opts.offsets.filter(|u| *u != OffsetUnit::Codepoint) {
        if let Err(reason) = super::convert::native_from(&mut rec, unit) {
            report.reject(name, Some(lineno), reason);
            return Ok(());
        }
    }
    import_record(tx, name, lineno, &rec, opts, ids, report)
}

/// Check and store one record inside a savepoint: a rejected record leaves nothing behind.
pub(super) fn import_record(
    tx: &Transaction,
    name: &str,
    lineno: usize,
    rec: &NativeRecord,
    opts: &ImportOptions,
    ids: &mut Ids,
    report: &mut ImportReport,
) -> Result<()> {
    tx.execute_batch("SAVEPOINT line")?;
    let mut line_report = ImportReport::default();
    match apply(tx, name, lineno, rec, opts, ids, &mut line_report) {
        Ok(()) => {
            tx.execute_batch("RELEASE line")?;
            report.merge(line_report);
        }
        Err(Error::Invalid(reason)) | Err(Error::NotFound(reason)) => {
            tx.execute_batch("ROLLBACK TO line; RELEASE line")?;
            ids.clear();
            report.reject(name, Some(lineno), reason);
        }
        Err(e) => return Err(e),
    }
    Ok(())
}

/// Check a record completely, then write it. Returns `Invalid` for anything wrong with the data.
#[allow(clippy::too_many_arguments)]
fn apply(
    tx: &Transaction,
    name: &str,
    lineno: usize,
    rec: &NativeRecord,
    opts: &ImportOptions,
    ids: &mut Ids,
    report: &mut ImportReport,
) -> Result<()> {
    if rec.text.is_empty() {
        return Err(Error::Invalid("the article text is empty".into()));
    }
    let default_annotator = opts.annotator.as_deref().map(str::trim).filter(|a| !a.is_empty());
    let who = |given: &Option<String>, what: &str| -> Result<String> {
        given
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .or(default_annotator)
            .map(str::to_string)
            .ok_or_else(|| {
                Error::Invalid(format!("{what} names no annotator; pass --annotator NAME"))
            })
    };
    // Check every span before writing anything.
    let now = crate::db::now();
    let idx = text::CharIndex::new(&rec.text);
    let mut spans = Vec::with_capacity(rec.spans.len());
    for (k, s) in rec.spans.iter().enumerate() {
        let what = format!("span #{} [{}, {}) {}", k + 1, s.start, s.end, s.label);
        if s.start < 0 || s.end < 0 {
            return Err(Error::Invalid(format!("{what}: offsets must not be negative")));
        }
        let (start, end) = (s.start as usize, s.end as usize);
        if let Some(expected) = &s.text {
            let by_cp = idx.slice(start, end);
            if by_cp != Some(expected.as_str())
                && text::slice_utf16(&rec.text, start, end).as_deref() == Some(expected.as_str())
            {
                return Err(Error::Invalid(format!(
                    "{what}: the offsets count UTF-16 code units (JavaScript string indices), \
                     but Hashiya's offsets count Unicode code points (Python string indices)"
                )));
            }
        }
        idx.check_span(start, end).map_err(|e| Error::Invalid(format!("{what}: {e}")))?;
        let slice = idx.slice(start, end).unwrap_or_default();
        if let Some(expected) = &s.text {
            if expected != slice {
                return Err(Error::Invalid(format!(
                    "{what}: its text {expected:?} differs from the article text at those offsets {slice:?} \
                     (offsets must count Unicode code points)"
                )));
            }
        }
        if s.label.trim().is_empty() {
            return Err(Error::Invalid(format!("{what}: the label is empty")));
        }
        let created = match &s.created_at {
            Some(t) => annotations::normalise_time(t)
                .map_err(|e| Error::Invalid(format!("{what}: {e}")))?,
            None => now.clone(),
        };
        spans.push((start, end, who(&s.annotator, &what)?, created));
    }
    // Relations name spans of this line by their `id`, and must be their annotator's.
    let mut relations = Vec::with_capacity(rec.relations.len());
    for (k, r) in rec.relations.iter().enumerate() {
        let what = format!("relation #{} ({} from {} to {})", k + 1, r.rtype, r.from, r.to);
        let find = |id: &serde_json::Value| {
            rec.spans.iter().position(|s| s.id.as_ref() == Some(id)).ok_or_else(|| {
                Error::Invalid(format!("{what}: no span of this line has the id {id}"))
            })
        };
        let (from, to) = (find(&r.from)?, find(&r.to)?);
        if r.rtype.trim().is_empty() {
            return Err(Error::Invalid(format!("{what}: the type is empty")));
        }
        let annotator = who(&r.annotator, &what)?;
        for end in [from, to] {
            if spans[end].2 != annotator {
                return Err(Error::Invalid(format!(
                    "{what}: the span {} is {}'s, but the relation is {annotator}'s (a relation links its analyst's own spans)",
                    rec.spans[end].id.as_ref().map(|v| v.to_string()).unwrap_or_default(),
                    spans[end].2
                )));
            }
        }
        if let Some(t) = &r.created_at {
            annotations::normalise_time(t).map_err(|e| Error::Invalid(format!("{what}: {e}")))?;
        }
        relations.push((from, to, annotator, what));
    }
    let mut tags = Vec::with_capacity(rec.tags.len());
    for t in &rec.tags {
        tags.push(who(&t.annotator, &format!("tag {}", t.label))?);
    }
    let mut statuses = Vec::with_capacity(rec.status.len());
    for s in &rec.status {
        let st = Status::parse(&s.status).ok_or_else(|| {
            Error::Invalid(format!(
                "status {:?} of {} is not one of todo, in_progress, done",
                s.status, s.annotator
            ))
        })?;
        statuses.push(st);
    }

    let article = NewArticle {
        ext_id: rec.id.clone(),
        title: rec.title.clone().unwrap_or_default(),
        text: rec.text.clone(),
        source: rec.source.clone().unwrap_or_default(),
        url: rec.url.clone().unwrap_or_default(),
        published_at: rec.published_at.clone().unwrap_or_default(),
        meta: rec.meta.clone().unwrap_or_default(),
    };
    let inserted = super::staging::insert_article(tx, &article)?;
    let article_id = inserted.id();
    let mut item = ImportedArticle {
        file: name.to_string(),
        line: Some(lineno as i64),
        article_id,
        title: if article.title.trim().is_empty() {
            articles::title_from_text(&article.text)
        } else {
            article.title.clone()
        },
        new_spans: 0,
        new_tags: 0,
        encoding: String::new(),
    };
    let mut new_labels = Vec::new();
    let need_ids = !relations.is_empty();
    let mut span_ids = Vec::with_capacity(if need_ids { spans.len() } else { 0 });
    for (k, (s, (start, end, annotator, created))) in rec.spans.iter().zip(&spans).enumerate() {
        let label_id = ids.label(tx, LabelKind::Span, &s.label, report)?;
        let who = ids.annotator(tx, annotator)?;
        let new = annotations::insert_checked_span(
            tx,
            article_id,
            label_id,
            who,
            *start,
            *end,
            s.note.as_deref().unwrap_or(""),
            created,
            s.origin.as_deref(),
        )?;
        if new {
            item.new_spans += 1;
            new_labels.push(s.label.as_str());
        }
        if let Some(key) = s.entity.as_deref().filter(|k| !k.trim().is_empty()) {
            let slice = idx.slice(*start, *end).unwrap_or_default();
            let span = (article_id, label_id, who, *start, *end);
            crate::entities::link_imported(tx, span, key, &s.label, slice, annotator)?;
        }
        let attrs = s.attrs.as_ref().filter(|a| !a.is_empty());
        if need_ids || (new && attrs.is_some()) {
            let id = annotations::span_id(tx, article_id, who, *start, *end, label_id)?;
            if let (true, Some(attrs)) = (new, attrs) {
                let what = format!("span #{} [{}, {}) {}", k + 1, s.start, s.end, s.label);
                crate::relations::import_attrs(tx, id, &s.label, attrs)
                    .map_err(|e| Error::Invalid(format!("{what}: {e}")))?;
            }
            span_ids.push(id);
        }
    }
    for (r, (from, to, annotator, what)) in rec.relations.iter().zip(&relations) {
        let new = crate::relations::NewRelation {
            from: span_ids[*from],
            to: span_ids[*to],
            rtype: r.rtype.trim(),
            annotator,
            note: r.note.as_deref().unwrap_or(""),
            created_at: r.created_at.as_deref(),
        };
        crate::relations::add_relation(tx, &new, true).map_err(|e| match e {
            Error::Invalid(m) | Error::NotFound(m) | Error::Forbidden(m) | Error::Conflict(m) => {
                Error::Invalid(format!("{what}: {m}"))
            }
            other => other,
        })?;
    }
    for (t, annotator) in rec.tags.iter().zip(&tags) {
        ids.label(tx, LabelKind::Tag, &t.label, report)?;
        if annotations::set_tag(
            tx,
            article_id,
            annotator,
            &t.label,
            true,
            false,
            t.created_at.as_deref(),
        )? {
            item.new_tags += 1;
        }
    }
    for (s, st) in rec.status.iter().zip(statuses) {
        annotations::set_status(tx, article_id, &s.annotator, st, s.updated_at.as_deref())?;
    }
    report.spans_added += item.new_spans;
    report.tags_added += item.new_tags;
    for label in new_labels {
        report.count_entity(label);
    }
    match inserted {
        Inserted::New(_) => report.imported.push(item),
        Inserted::Duplicate(_) => report.duplicates.push(item),
    }
    Ok(())
}

/// Import native JSONL held in memory (tests, the UI's file picker).
pub fn import_jsonl_str(
    store: &mut Store,
    name: &str,
    content: &str,
    opts: &ImportOptions,
) -> Result<ImportReport> {
    let mut report = ImportReport::default();
    super::staging::import_file(store, content.len() as u64, &mut report, |tx, r| {
        import_jsonl(tx, name, content, opts, r)
    })?;
    for item in report.imported.iter_mut().chain(report.duplicates.iter_mut()) {
        item.encoding = "UTF-8".into();
    }
    Ok(report)
}
