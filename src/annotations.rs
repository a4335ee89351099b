//! Annotations: spans, article tags and per-annotator status. Each records its author and time;
//! an analyst may change only their own.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::{Error, Result};
use crate::labels;
use crate::model::{AnnotatorStatus, LabelKind, Span, Status, Tag};
use crate::text::{self, CharIndex};

/// The id of an annotator, created on first use.
pub fn annotator_id(tx: &Transaction, name: &str) -> Result<i64> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::Invalid("an annotator name is required".into()));
    }
    let mut find = tx.prepare_cached("SELECT id FROM annotators WHERE name = ?1")?;
    if let Some(id) = find.query_row([name], |r| r.get(0)).optional()? {
        return Ok(id);
    }
    tx.prepare_cached("INSERT INTO annotators (name, created_at) VALUES (?1, ?2)")?
        .execute(params![name, crate::db::now()])?;
    Ok(tx.last_insert_rowid())
}

pub fn annotator_names(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare("SELECT name FROM annotators ORDER BY name")?;
    let rows = st.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
}

/// Annotators with spans, tags or statuses of their own (not reviewers who only adjudicated).
pub fn analyst_names(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare(
        "SELECT name FROM annotators n WHERE EXISTS (SELECT 1 FROM spans WHERE annotator_id = n.id)
            OR EXISTS (SELECT 1 FROM article_tags WHERE annotator_id = n.id)
            OR EXISTS (SELECT 1 FROM article_status WHERE annotator_id = n.id)
         ORDER BY name",
    )?;
    let rows = st.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
}

/// A span to add. Offsets are code points into the article text.
#[derive(Debug, Clone)]
pub struct NewSpan<'a> {
    pub article_id: i64,
    pub start: usize,
    pub end: usize,
    pub label: &'a str,
    pub annotator: &'a str,
    pub note: &'a str,
    /// Keep an imported creation time; `None` means now.
    pub created_at: Option<&'a str>,
}

/// Whether [`add_span`] stored a new span or found the same one already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    New(i64),
    Existing(i64),
}

impl Added {
    pub fn id(self) -> i64 {
        match self {
            Added::New(id) | Added::Existing(id) => id,
        }
    }
}

/// Add a span after checking it against the article's text (range and grapheme boundaries).
/// The label must exist unless `add_missing_label`; the same span by the same annotator is not duplicated.
pub fn add_span(
    tx: &Transaction,
    article: &CharIndex,
    s: &NewSpan,
    add_missing_label: bool,
) -> Result<Added> {
    article.check_span(s.start, s.end).map_err(Error::Invalid)?;
    let label = if add_missing_label {
        labels::ensure(tx, LabelKind::Span, s.label)?.0
    } else {
        labels::require(tx, LabelKind::Span, s.label)?
    };
    let who = annotator_id(tx, s.annotator)?;
    let existing: Option<i64> = tx
        .prepare_cached("SELECT id FROM spans WHERE article_id = ?1 AND annotator_id = ?2 AND start = ?3 AND end = ?4 AND label_id = ?5")?
        .query_row(params![s.article_id, who, s.start as i64, s.end as i64, label.id], |r| r.get(0))
        .optional()?;
    if let Some(id) = existing {
        return Ok(Added::Existing(id));
    }
    let created = match s.created_at {
        Some(t) => normalise_time(t)?,
        None => crate::db::now(),
    };
    tx.prepare_cached(
        "INSERT INTO spans (article_id, label_id, annotator_id, start, end, note, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
    )?
    .execute(params![s.article_id, label.id, who, s.start as i64, s.end as i64, s.note, created])?;
    Ok(Added::New(tx.last_insert_rowid()))
}

/// Store a span already checked against its text, by label and annotator ids (bulk import).
/// Returns whether it is new: the same span by the same annotator is kept once.
#[allow(clippy::too_many_arguments)]
pub fn insert_checked_span(
    tx: &Transaction,
    article_id: i64,
    label_id: i64,
    annotator_id: i64,
    start: usize,
    end: usize,
    note: &str,
    created_at: &str,
    origin: Option<&str>,
) -> Result<bool> {
    let origin = match origin {
        None | Some("analyst") => "analyst",
        Some("suggestion") => "suggestion",
        Some(o) => {
            return Err(Error::Invalid(format!(
                "a span's origin is \"analyst\" or \"suggestion\", not {o:?}"
            )))
        }
    };
    let n = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO spans (article_id, label_id, annotator_id, start, end, note, created_at, updated_at, origin)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
        )?
        .execute(params![article_id, label_id, annotator_id, start as i64, end as i64, note, created_at, origin])?;
    Ok(n == 1)
}

/// The id of a stored span, found by its place, label and annotator (unique).
pub fn span_id(
    tx: &Transaction,
    article_id: i64,
    annotator_id: i64,
    start: usize,
    end: usize,
    label_id: i64,
) -> Result<i64> {
    Ok(tx
        .prepare_cached("SELECT id FROM spans WHERE article_id = ?1 AND annotator_id = ?2 AND start = ?3 AND end = ?4 AND label_id = ?5")?
        .query_row(params![article_id, annotator_id, start as i64, end as i64, label_id], |r| r.get(0))?)
}

/// Parse an RFC 3339 time and store it in UTC with milliseconds.
pub fn normalise_time(t: &str) -> Result<String> {
    let parsed = chrono::DateTime::parse_from_rfc3339(t)
        .map_err(|e| Error::Invalid(format!("created_at {t:?} is not an RFC 3339 time: {e}")))?;
    Ok(parsed.with_timezone(&chrono::Utc).to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
}

/// Changes to a span; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct SpanChange<'a> {
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub label: Option<&'a str>,
    pub note: Option<&'a str>,
}

struct SpanRow {
    article_id: i64,
    start: i64,
    end: i64,
    label_id: i64,
    owner: String,
}

fn span_row(conn: &Connection, id: i64) -> Result<SpanRow> {
    conn.query_row(
        "SELECT s.article_id, s.start, s.end, s.label_id, n.name FROM spans s JOIN annotators n ON n.id = s.annotator_id WHERE s.id = ?1",
        [id],
        |r| Ok(SpanRow { article_id: r.get(0)?, start: r.get(1)?, end: r.get(2)?, label_id: r.get(3)?, owner: r.get(4)? }),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("there is no span with id {id}")))
}

fn require_owner(row: &SpanRow, annotator: &str, what: &str) -> Result<()> {
    if row.owner != annotator.trim() {
        return Err(Error::Forbidden(format!(
            "this span belongs to {}; {} cannot {what} another analyst's work",
            row.owner, annotator
        )));
    }
    Ok(())
}

/// Relabel, resize or annotate one's own span.
pub fn update_span(tx: &Transaction, id: i64, annotator: &str, c: &SpanChange) -> Result<Span> {
    let row = span_row(tx, id)?;
    require_owner(&row, annotator, "change")?;
    let start = c.start.map(|v| v as i64).unwrap_or(row.start);
    let end = c.end.map(|v| v as i64).unwrap_or(row.end);
    if start != row.start || end != row.end {
        let t = crate::articles::text_of(tx, row.article_id)?;
        text::check_span(&t, start as usize, end as usize).map_err(Error::Invalid)?;
    }
    let label_id = match c.label {
        Some(name) => labels::require(tx, LabelKind::Span, name)?.id,
        None => row.label_id,
    };
    if label_id != row.label_id {
        // Relations must still fit their types, and values of the old label's attributes that the
        // new label lacks go.
        let name = labels::get(tx, label_id)?.name;
        let mut st = tx.prepare_cached(
            "SELECT t.name, r.from_span, r.to_span FROM relations r JOIN relation_types t ON t.id = r.type_id
             WHERE r.from_span = ?1 OR r.to_span = ?1 ORDER BY r.id",
        )?;
        let ends = st
            .query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<Vec<(String, i64, i64)>>>()?;
        for (rtype, from, to) in ends {
            let t = crate::relation_types::require(tx, &rtype)?;
            let other = |sid: i64| -> Result<String> {
                if sid == id {
                    return Ok(name.clone());
                }
                Ok(get_span(tx, sid)?.label)
            };
            crate::relation_types::check_ends(&t, &other(from)?, &other(to)?)
                .map_err(|e| Error::Invalid(format!("this span's relation no longer fits: {e}")))?;
        }
        let defs = crate::relation_types::attributes_of(tx, &name)?;
        let mut attrs = get_span(tx, id)?.attrs;
        attrs.retain(|k, _| defs.iter().any(|d| &d.name == k));
        write_attrs(tx, id, &attrs)?;
    }
    let updated = tx.execute(
        "UPDATE spans SET start = ?2, end = ?3, label_id = ?4, note = coalesce(?5, note), updated_at = ?6 WHERE id = ?1",
        params![id, start, end, label_id, c.note, crate::db::now()],
    );
    match updated {
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            return Err(Error::Conflict(
                "you already have a span with that label at that place".into(),
            ))
        }
        other => other?,
    };
    get_span(tx, id)
}

/// Delete one's own span; one with relations is refused (see [`delete_span_and_relations`]).
pub fn delete_span(tx: &Transaction, id: i64, annotator: &str) -> Result<()> {
    delete_span_and_relations(tx, id, annotator, false)
}

/// Delete one's own span. A span with relations is refused unless `with_relations` confirms that
/// they go too (in the same step; they are the analyst's own, as relations link only one's own spans).
pub fn delete_span_and_relations(
    tx: &Transaction,
    id: i64,
    annotator: &str,
    with_relations: bool,
) -> Result<()> {
    let row = span_row(tx, id)?;
    require_owner(&row, annotator, "delete")?;
    let n: i64 = tx
        .prepare_cached("SELECT count(*) FROM relations WHERE from_span = ?1 OR to_span = ?1")?
        .query_row([id], |r| r.get(0))?;
    if n > 0 && !with_relations {
        return Err(Error::Conflict(format!(
            "this span has {n} relation{}: confirm to delete {} with it",
            if n == 1 { "" } else { "s" },
            if n == 1 { "it" } else { "them" }
        )));
    }
    tx.execute("DELETE FROM relations WHERE from_span = ?1 OR to_span = ?1", [id])?;
    tx.execute("DELETE FROM spans WHERE id = ?1", [id])?;
    Ok(())
}

/// Store a span's attribute values (checked by the caller against its label's attributes).
pub fn write_attrs(tx: &Transaction, span_id: i64, attrs: &crate::model::Attrs) -> Result<()> {
    tx.prepare_cached("UPDATE spans SET attrs = ?2 WHERE id = ?1")?
        .execute(params![span_id, serde_json::to_string(attrs)?])?;
    Ok(())
}

const SPAN_SELECT: &str =
    "SELECT s.id, s.article_id, s.start, s.end, l.name, n.name, s.note, s.created_at, s.updated_at, s.origin,
            e.key, s.attrs
     FROM spans s JOIN labels l ON l.id = s.label_id JOIN annotators n ON n.id = s.annotator_id
     LEFT JOIN span_entities se ON se.span_id = s.id LEFT JOIN entities e ON e.id = se.entity_id";

fn span_from_row(r: &rusqlite::Row, text: &CharIndex) -> rusqlite::Result<Span> {
    let start: i64 = r.get(2)?;
    let end: i64 = r.get(3)?;
    Ok(Span {
        id: r.get(0)?,
        article_id: r.get(1)?,
        start,
        end,
        label: r.get(4)?,
        annotator: r.get(5)?,
        text: text.slice(start as usize, end as usize).unwrap_or("").to_string(),
        note: r.get(6)?,
        created_at: r.get(7)?,
        updated_at: r.get(8)?,
        origin: r.get::<_, String>(9).map(|o| (o != "analyst").then_some(o))?,
        entity: r.get(10)?,
        attrs: attrs_of_json(&r.get::<_, String>(11)?),
    })
}

/// A span's stored attribute values (`{}` and anything unreadable give none).
pub fn attrs_of_json(s: &str) -> crate::model::Attrs {
    if s == "{}" {
        return Default::default();
    }
    serde_json::from_str(s).unwrap_or_default()
}

pub fn get_span(conn: &Connection, id: i64) -> Result<Span> {
    let article_id: i64 = conn
        .query_row("SELECT article_id FROM spans WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("there is no span with id {id}")))?;
    let t = crate::articles::text_of(conn, article_id)?;
    let idx = CharIndex::new(&t);
    Ok(conn
        .query_row(&format!("{SPAN_SELECT} WHERE s.id = ?1"), [id], |r| span_from_row(r, &idx))?)
}

/// The length of the longest span any analyst has, in code points (0 when there is none).
pub fn longest_span(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT COALESCE(MAX(end - start), 0) FROM spans", [], |r| r.get(0))?)
}

/// One span, its text sliced from `article` (the span's article text, already indexed).
pub fn get_span_in(conn: &Connection, id: i64, article: &CharIndex) -> Result<Span> {
    conn.prepare_cached(&format!("{SPAN_SELECT} WHERE s.id = ?1"))?
        .query_row([id], |r| span_from_row(r, article))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("there is no span with id {id}")))
}

/// Every span of an article, by every annotator, ordered by position.
pub fn spans_of(conn: &Connection, article_id: i64, article_text: &str) -> Result<Vec<Span>> {
    let mut st = conn.prepare_cached(&format!(
        "{SPAN_SELECT} WHERE s.article_id = ?1 ORDER BY s.start, s.end, n.name, l.name"
    ))?;
    let idx = CharIndex::new(article_text);
    let rows = st.query_map([article_id], |r| span_from_row(r, &idx))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Put a tag on (or take it off) an article, as one annotator. Returns whether anything changed.
pub fn set_tag(
    tx: &Transaction,
    article_id: i64,
    annotator: &str,
    label: &str,
    on: bool,
    add_missing_label: bool,
    created_at: Option<&str>,
) -> Result<bool> {
    crate::articles::text_of(tx, article_id)?;
    let label = if add_missing_label {
        labels::ensure(tx, LabelKind::Tag, label)?.0
    } else {
        labels::require(tx, LabelKind::Tag, label)?
    };
    let who = annotator_id(tx, annotator)?;
    let changed = if on {
        let created = match created_at {
            Some(t) => normalise_time(t)?,
            None => crate::db::now(),
        };
        tx.execute(
            "INSERT OR IGNORE INTO article_tags (article_id, label_id, annotator_id, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![article_id, label.id, who, created],
        )?
    } else {
        tx.execute("DELETE FROM article_tags WHERE article_id = ?1 AND label_id = ?2 AND annotator_id = ?3", params![article_id, label.id, who])?
    };
    Ok(changed > 0)
}

pub fn tags_of(conn: &Connection, article_id: i64) -> Result<Vec<Tag>> {
    let mut st = conn.prepare_cached(
        "SELECT l.name, n.name, t.created_at FROM article_tags t JOIN labels l ON l.id = t.label_id
         JOIN annotators n ON n.id = t.annotator_id WHERE t.article_id = ?1 ORDER BY n.name, l.name",
    )?;
    let rows = st.query_map([article_id], |r| {
        Ok(Tag { label: r.get(0)?, annotator: r.get(1)?, created_at: r.get(2)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Record an annotator's progress on an article. An existing status with a later time is kept,
/// so importing an older file never rolls work back.
pub fn set_status(
    tx: &Transaction,
    article_id: i64,
    annotator: &str,
    status: Status,
    at: Option<&str>,
) -> Result<()> {
    crate::articles::text_of(tx, article_id)?;
    let who = annotator_id(tx, annotator)?;
    let when = match at {
        Some(t) => normalise_time(t)?,
        None => crate::db::now(),
    };
    tx.execute(
        "INSERT INTO article_status (article_id, annotator_id, status, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (article_id, annotator_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at
         WHERE excluded.updated_at >= article_status.updated_at",
        params![article_id, who, status.as_str(), when],
    )?;
    Ok(())
}

/// The analyst started work on an article (a span or a tag of theirs): a to-do status (none stored)
/// becomes in progress; any status already set stays. Opening or reading an article changes nothing.
pub fn mark_started(tx: &Transaction, article_id: i64, annotator: &str) -> Result<()> {
    let who = annotator_id(tx, annotator)?;
    tx.prepare_cached(
        "INSERT INTO article_status (article_id, annotator_id, status, updated_at) VALUES (?1, ?2, 'in_progress', ?3)
         ON CONFLICT (article_id, annotator_id) DO UPDATE SET status = 'in_progress', updated_at = excluded.updated_at
         WHERE article_status.status = 'todo'",
    )?
    .execute(params![article_id, who, crate::db::now()])?;
    Ok(())
}

pub fn statuses_of(conn: &Connection, article_id: i64) -> Result<Vec<AnnotatorStatus>> {
    let mut st = conn.prepare_cached(
        "SELECT n.name, s.status, s.updated_at FROM article_status s JOIN annotators n ON n.id = s.annotator_id
         WHERE s.article_id = ?1 ORDER BY n.name",
    )?;
    let rows = st.query_map([article_id], |r| {
        let s: String = r.get(1)?;
        Ok(AnnotatorStatus {
            annotator: r.get(0)?,
            status: Status::parse(&s).unwrap_or(Status::Todo),
            updated_at: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
