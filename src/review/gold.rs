//! The adjudicated gold layer: a reviewer accepts, edits, rejects or adds spans and tags, and marks
//! articles adjudicated. Every decision is logged with reviewer and time; analysts' spans stay untouched.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::annotations::{self, annotator_id};
use crate::articles;
use crate::error::{Error, Result};
use crate::labels;
use crate::model::{Attrs, LabelKind};
use crate::text::CharIndex;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct GoldSpan {
    pub id: i64,
    pub article_id: i64,
    pub start: i64,
    pub end: i64,
    pub label: String,
    pub text: String,
    pub reviewer: String,
    /// "accepted", "edited" or "added".
    pub decision: String,
    /// The analyst's span it came from, if any.
    pub source_span_id: Option<i64>,
    pub created_at: String,
    /// Attribute values the reviewer settled (taken from the accepted span, then adjudicated).
    #[ts(type = "Record<string, boolean | string>")]
    pub attrs: Attrs,
    /// The entity the gold span is linked to (its id in the registry), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub entity: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ReviewComment {
    pub id: i64,
    pub span_id: Option<i64>,
    pub author: String,
    pub text: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DecisionLog {
    pub reviewer: String,
    pub decision: String,
    pub source_span_id: Option<i64>,
    pub start: Option<i64>,
    pub end: Option<i64>,
    pub label: Option<String>,
    pub created_at: String,
    /// What a relation, attribute or entity decision was about (`MEETS [0, 4) PER – [9, 14) PER`,
    /// `certainty = "reported"`, `entity E1-…`); empty for span decisions.
    pub detail: String,
}

/// What a reviewer decides about one span.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Decision {
    /// An analyst's span goes into the gold layer as it is.
    Accept { span_id: i64 },
    /// An analyst's span, changed, goes into the gold layer.
    Edit { span_id: i64, start: i64, end: i64, label: String },
    /// An analyst's span is not gold (removes the same span from the gold layer if it was there).
    Reject { span_id: i64 },
    /// A span nobody marked goes into the gold layer.
    Add { start: i64, end: i64, label: String },
    /// Take a span out of the gold layer.
    Remove { gold_id: i64 },
    /// An analyst's relation goes into the gold layer (its two ends too, when not there yet).
    AcceptRelation { relation_id: i64 },
    /// An analyst's relation is not gold (removes the same relation from the gold layer if it was there).
    RejectRelation { relation_id: i64 },
    /// A relation nobody marked, between two gold spans.
    AddRelation {
        from_gold: i64,
        to_gold: i64,
        #[serde(rename = "type")]
        #[ts(rename = "type")]
        rtype: String,
    },
    /// Take a relation out of the gold layer.
    RemoveRelation { gold_relation_id: i64 },
    /// The gold span at an analyst's span's place takes that span's value of one attribute (absent
    /// there: absent in gold). The span goes into the gold layer when it is not there yet.
    TakeAttribute { span_id: i64, name: String },
    /// Set (or, with no value, clear) one attribute of a gold span.
    SetAttribute {
        gold_id: i64,
        name: String,
        #[serde(default)]
        #[ts(optional, type = "boolean | string")]
        value: Option<serde_json::Value>,
    },
    /// The gold span at an analyst's span's place takes that span's entity link (or none).
    TakeEntity { span_id: i64 },
    /// Link a gold span to an entity of its type, or (no entity) unlink it.
    SetEntity {
        gold_id: i64,
        #[serde(default)]
        #[ts(optional)]
        entity: Option<String>,
    },
}

pub(super) fn source(
    tx: &Transaction,
    article_id: i64,
    span_id: i64,
) -> Result<crate::model::Span> {
    let s = annotations::get_span(tx, span_id)?;
    if s.article_id != article_id {
        return Err(Error::Invalid(format!("span {span_id} is not on article {article_id}")));
    }
    Ok(s)
}

fn log(
    tx: &Transaction,
    article_id: i64,
    reviewer: i64,
    decision: &str,
    src: Option<i64>,
    gold: Option<i64>,
    place: Option<(i64, i64, &str)>,
) -> Result<()> {
    log_detail(tx, article_id, reviewer, decision, src, gold, place, "")
}

/// Record one decision in the log; `detail` says what a non-span decision was about.
// Every column of the log is one argument: a struct would only be built to be taken apart.
#[allow(clippy::too_many_arguments)]
pub(super) fn log_detail(
    tx: &Transaction,
    article_id: i64,
    reviewer: i64,
    decision: &str,
    src: Option<i64>,
    gold: Option<i64>,
    place: Option<(i64, i64, &str)>,
    detail: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO review_decisions (article_id, reviewer_id, decision, source_span_id, gold_span_id, start, end, label, created_at, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![article_id, reviewer, decision, src, gold, place.map(|p| p.0), place.map(|p| p.1), place.map(|p| p.2), crate::db::now(), detail],
    )?;
    Ok(())
}

/// Put `[start, end) label` into the gold layer (or find it there). Returns its id and whether it is new.
// Every column of a gold span is one argument: a struct would only be built to be taken apart.
#[allow(clippy::too_many_arguments)]
fn put(
    tx: &Transaction,
    article_id: i64,
    reviewer: i64,
    start: i64,
    end: i64,
    label: &str,
    decision: &str,
    src: Option<i64>,
) -> Result<(i64, bool)> {
    let text = articles::text_of(tx, article_id)?;
    let (s, e) = (usize::try_from(start), usize::try_from(end));
    let (Ok(s), Ok(e)) = (s, e) else {
        return Err(Error::Invalid(format!("span [{start}, {end}) has a negative offset")));
    };
    CharIndex::new(&text).check_span(s, e).map_err(Error::Invalid)?;
    let label_id = labels::require(tx, LabelKind::Span, label)?.id;
    let existing: Option<i64> = tx
        .query_row(
            "SELECT id FROM gold_spans WHERE article_id = ?1 AND start = ?2 AND end = ?3 AND label_id = ?4",
            params![article_id, start, end, label_id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = existing {
        return Ok((id, false));
    }
    tx.execute(
        "INSERT INTO gold_spans (article_id, label_id, start, end, reviewer_id, decision, source_span_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![article_id, label_id, start, end, reviewer, decision, src, crate::db::now()],
    )?;
    Ok((tx.last_insert_rowid(), true))
}

/// A new gold span made from an analyst's span of the same label keeps its attribute values and
/// entity link (the reviewer adjudicates them afterwards).
fn inherit(tx: &Transaction, gold_id: i64, s: &crate::model::Span) -> Result<()> {
    let entity = match &s.entity {
        Some(k) => Some(crate::entities::row_id(tx, k)?),
        None => None,
    };
    tx.execute(
        "UPDATE gold_spans SET attrs = ?2, entity_id = ?3 WHERE id = ?1",
        params![gold_id, serde_json::to_string(&s.attrs)?, entity],
    )?;
    Ok(())
}

/// Put an analyst's span into the gold layer as it is (logged as accepted when it was not there).
/// Returns the gold span's id.
pub(super) fn accept_span(
    tx: &Transaction,
    article_id: i64,
    who: i64,
    s: &crate::model::Span,
) -> Result<i64> {
    let (g, new) = put(tx, article_id, who, s.start, s.end, &s.label, "accepted", Some(s.id))?;
    if new {
        inherit(tx, g, s)?;
        log(
            tx,
            article_id,
            who,
            "accepted",
            Some(s.id),
            Some(g),
            Some((s.start, s.end, &s.label)),
        )?;
    }
    Ok(g)
}

/// Apply one span decision of reviewer `who` (relation, attribute and entity decisions are
/// `gold_relations::decide`'s; `adjudicate::decide` sends each where it belongs).
pub(super) fn decide_span(tx: &Transaction, article_id: i64, who: i64, d: &Decision) -> Result<()> {
    match d {
        Decision::Accept { span_id } => {
            let s = source(tx, article_id, *span_id)?;
            let (g, new) =
                put(tx, article_id, who, s.start, s.end, &s.label, "accepted", Some(s.id))?;
            if new {
                inherit(tx, g, &s)?;
            }
            log(
                tx,
                article_id,
                who,
                "accepted",
                Some(s.id),
                Some(g),
                Some((s.start, s.end, &s.label)),
            )
        }
        Decision::Edit { span_id, start, end, label } => {
            let s = source(tx, article_id, *span_id)?;
            let (g, new) = put(tx, article_id, who, *start, *end, label, "edited", Some(s.id))?;
            if new && *label == s.label {
                inherit(tx, g, &s)?;
            }
            log(tx, article_id, who, "edited", Some(s.id), Some(g), Some((*start, *end, label)))
        }
        Decision::Reject { span_id } => {
            let s = source(tx, article_id, *span_id)?;
            tx.execute(
                "DELETE FROM gold_spans WHERE article_id = ?1 AND start = ?2 AND end = ?3
                   AND label_id = (SELECT id FROM labels WHERE kind = 'span' AND name = ?4)",
                params![article_id, s.start, s.end, s.label],
            )?;
            log(tx, article_id, who, "rejected", Some(s.id), None, Some((s.start, s.end, &s.label)))
        }
        Decision::Add { start, end, label } => {
            let (g, _) = put(tx, article_id, who, *start, *end, label, "added", None)?;
            log(tx, article_id, who, "added", None, Some(g), Some((*start, *end, label)))
        }
        Decision::Remove { gold_id } => {
            let n = tx.execute(
                "DELETE FROM gold_spans WHERE id = ?1 AND article_id = ?2",
                params![gold_id, article_id],
            )?;
            if n == 0 {
                return Err(Error::NotFound(format!(
                    "there is no gold span {gold_id} on article {article_id}"
                )));
            }
            log(tx, article_id, who, "removed", None, Some(*gold_id), None)
        }
        other => Err(Error::Invalid(format!("{other:?} is not a decision on a span"))),
    }
}

pub fn gold_spans(conn: &Connection, article_id: i64) -> Result<Vec<GoldSpan>> {
    let text = articles::text_of(conn, article_id)?;
    let idx = CharIndex::new(&text);
    let mut st = conn.prepare_cached(
        "SELECT g.id, g.start, g.end, l.name, n.name, g.decision, g.source_span_id, g.created_at,
                g.attrs, g.entity_id
         FROM gold_spans g JOIN labels l ON l.id = g.label_id JOIN annotators n ON n.id = g.reviewer_id
         WHERE g.article_id = ?1 ORDER BY g.start, g.end, l.name",
    )?;
    let rows = st.query_map([article_id], |r| {
        let (start, end): (i64, i64) = (r.get(1)?, r.get(2)?);
        let g = GoldSpan {
            id: r.get(0)?,
            article_id,
            start,
            end,
            label: r.get(3)?,
            text: idx.slice(start as usize, end as usize).unwrap_or("").to_string(),
            reviewer: r.get(4)?,
            decision: r.get(5)?,
            source_span_id: r.get(6)?,
            created_at: r.get(7)?,
            attrs: annotations::attrs_of_json(&r.get::<_, String>(8)?),
            entity: None,
        };
        Ok((g, r.get::<_, Option<i64>>(9)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        // The entity column holds a row id; show the entity's key, following merges.
        let (mut g, entity) = row?;
        if let Some(id) = entity {
            g.entity = Some(crate::entities::current_key(conn, id)?);
        }
        out.push(g);
    }
    Ok(out)
}

pub fn set_gold_tag(
    tx: &Transaction,
    article_id: i64,
    reviewer: &str,
    label: &str,
    on: bool,
) -> Result<()> {
    articles::text_of(tx, article_id)?;
    let who = annotator_id(tx, reviewer)?;
    let label_id = labels::require(tx, LabelKind::Tag, label)?.id;
    if on {
        tx.execute(
            "INSERT OR IGNORE INTO gold_tags (article_id, label_id, reviewer_id, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![article_id, label_id, who, crate::db::now()],
        )?;
    } else {
        tx.execute(
            "DELETE FROM gold_tags WHERE article_id = ?1 AND label_id = ?2",
            params![article_id, label_id],
        )?;
    }
    Ok(())
}

pub fn gold_tags(conn: &Connection, article_id: i64) -> Result<Vec<String>> {
    let mut st = conn.prepare_cached("SELECT l.name FROM gold_tags g JOIN labels l ON l.id = g.label_id WHERE g.article_id = ?1 ORDER BY l.name")?;
    let rows = st.query_map([article_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
}

/// Mark an article's adjudication finished (or reopen it).
pub fn set_adjudicated(
    tx: &Transaction,
    article_id: i64,
    reviewer: &str,
    done: bool,
) -> Result<()> {
    articles::text_of(tx, article_id)?;
    let who = annotator_id(tx, reviewer)?;
    if done {
        tx.execute(
            "INSERT INTO gold_articles (article_id, reviewer_id, adjudicated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (article_id) DO UPDATE SET reviewer_id = excluded.reviewer_id, adjudicated_at = excluded.adjudicated_at",
            params![article_id, who, crate::db::now()],
        )?;
    } else {
        tx.execute("DELETE FROM gold_articles WHERE article_id = ?1", [article_id])?;
    }
    Ok(())
}

pub fn is_adjudicated(conn: &Connection, article_id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT count(*) FROM gold_articles WHERE article_id = ?1",
        [article_id],
        |r| r.get::<_, i64>(0),
    )? > 0)
}

pub fn add_comment(
    tx: &Transaction,
    article_id: i64,
    span_id: Option<i64>,
    author: &str,
    text: &str,
) -> Result<i64> {
    if text.trim().is_empty() {
        return Err(Error::Invalid("a comment may not be empty".into()));
    }
    articles::text_of(tx, article_id)?;
    if let Some(id) = span_id {
        source(tx, article_id, id)?;
    }
    let who = annotator_id(tx, author)?;
    tx.execute(
        "INSERT INTO review_comments (article_id, span_id, author_id, text, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![article_id, span_id, who, text, crate::db::now()],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn comments_of(conn: &Connection, article_id: i64) -> Result<Vec<ReviewComment>> {
    let mut st = conn.prepare_cached(
        "SELECT c.id, c.span_id, n.name, c.text, c.created_at FROM review_comments c JOIN annotators n ON n.id = c.author_id
         WHERE c.article_id = ?1 ORDER BY c.id",
    )?;
    let rows = st.query_map([article_id], |r| {
        Ok(ReviewComment {
            id: r.get(0)?,
            span_id: r.get(1)?,
            author: r.get(2)?,
            text: r.get(3)?,
            created_at: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn decisions_of(conn: &Connection, article_id: i64) -> Result<Vec<DecisionLog>> {
    let mut st = conn.prepare_cached(
        "SELECT n.name, d.decision, d.source_span_id, d.start, d.end, d.label, d.created_at, d.detail FROM review_decisions d
         JOIN annotators n ON n.id = d.reviewer_id WHERE d.article_id = ?1 ORDER BY d.id",
    )?;
    let rows = st.query_map([article_id], |r| {
        Ok(DecisionLog {
            reviewer: r.get(0)?,
            decision: r.get(1)?,
            source_span_id: r.get(2)?,
            start: r.get(3)?,
            end: r.get(4)?,
            label: r.get(5)?,
            created_at: r.get(6)?,
            detail: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
