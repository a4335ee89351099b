//! The gold layer beyond spans: relations between gold spans, gold spans' attribute values and
//! entity links, adjudicated from the analysts' versions and logged like span decisions.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::gold::{accept_span, log_detail, source, Decision};
use crate::entities::current_key as entity_key;
use crate::error::{Error, Result};
use crate::model::{Relation, Span};
use crate::{relation_types, relations};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct GoldRelation {
    pub id: i64,
    pub article_id: i64,
    /// The source gold span's id.
    pub from: i64,
    /// The target gold span's id.
    pub to: i64,
    #[serde(rename = "type")]
    #[ts(rename = "type")]
    pub rtype: String,
    pub reviewer: String,
    /// "accepted" or "added".
    pub decision: String,
    /// The analyst's relation it came from, if any.
    pub source_relation_id: Option<i64>,
    pub created_at: String,
}

impl GoldRelation {
    /// As an analyst's relation (the reviewer as its annotator), for exports.
    pub fn as_relation(&self) -> Relation {
        Relation {
            id: self.id,
            article_id: self.article_id,
            from: self.from,
            to: self.to,
            rtype: self.rtype.clone(),
            annotator: self.reviewer.clone(),
            note: String::new(),
            created_at: self.created_at.clone(),
            updated_at: self.created_at.clone(),
        }
    }
}

/// The gold relations of an article, in the order they were decided.
pub fn gold_relations(conn: &Connection, article_id: i64) -> Result<Vec<GoldRelation>> {
    let mut st = conn.prepare_cached(
        "SELECT g.id, g.from_gold, g.to_gold, t.name, n.name, g.decision, g.source_relation_id, g.created_at
         FROM gold_relations g JOIN relation_types t ON t.id = g.type_id
         JOIN annotators n ON n.id = g.reviewer_id WHERE g.article_id = ?1 ORDER BY g.id",
    )?;
    let rows = st.query_map([article_id], |r| {
        Ok(GoldRelation {
            id: r.get(0)?,
            article_id,
            from: r.get(1)?,
            to: r.get(2)?,
            rtype: r.get(3)?,
            reviewer: r.get(4)?,
            decision: r.get(5)?,
            source_relation_id: r.get(6)?,
            created_at: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A gold span's place and label.
struct GoldEnd {
    start: i64,
    end: i64,
    label: String,
}

fn gold_end(tx: &Transaction, article_id: i64, gold_id: i64) -> Result<GoldEnd> {
    tx.query_row(
        "SELECT g.start, g.end, l.name FROM gold_spans g JOIN labels l ON l.id = g.label_id
         WHERE g.id = ?1 AND g.article_id = ?2",
        params![gold_id, article_id],
        |r| Ok(GoldEnd { start: r.get(0)?, end: r.get(1)?, label: r.get(2)? }),
    )
    .optional()?
    .ok_or_else(|| {
        Error::NotFound(format!("there is no gold span {gold_id} on article {article_id}"))
    })
}

/// The gold span at a span's place with its label, if the gold layer has one.
fn gold_at(tx: &Transaction, s: &Span) -> Result<Option<i64>> {
    Ok(tx
        .query_row(
            "SELECT g.id FROM gold_spans g JOIN labels l ON l.id = g.label_id
             WHERE g.article_id = ?1 AND g.start = ?2 AND g.end = ?3 AND l.kind = 'span' AND l.name = ?4",
            params![s.article_id, s.start, s.end, s.label],
            |r| r.get(0),
        )
        .optional()?)
}

fn relation_detail(
    rtype: &str,
    directed: bool,
    f: (i64, i64, &str),
    t: (i64, i64, &str),
) -> String {
    let arrow = if directed { "→" } else { "–" };
    format!("{rtype} [{}, {}) {} {arrow} [{}, {}) {}", f.0, f.1, f.2, t.0, t.1, t.2)
}

/// The gold relation of type `type_id` between two gold spans (either way round when symmetric).
fn find_relation(
    tx: &Transaction,
    from: i64,
    to: i64,
    type_id: i64,
    directed: bool,
) -> Result<Option<i64>> {
    Ok(tx
        .query_row(
            "SELECT id FROM gold_relations WHERE type_id = ?3
               AND ((from_gold = ?1 AND to_gold = ?2) OR (?4 = 0 AND from_gold = ?2 AND to_gold = ?1))",
            params![from, to, type_id, directed],
            |r| r.get(0),
        )
        .optional()?)
}

fn insert_relation(
    tx: &Transaction,
    article_id: i64,
    (from, to, type_id): (i64, i64, i64),
    who: i64,
    decision: &str,
    src: Option<i64>,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO gold_relations (article_id, type_id, from_gold, to_gold, reviewer_id, decision, source_relation_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![article_id, type_id, from, to, who, decision, src, crate::db::now()],
    )?;
    Ok(tx.last_insert_rowid())
}

/// An analyst's relation of this article with its two ends.
fn source_relation(tx: &Transaction, article_id: i64, id: i64) -> Result<(Relation, Span, Span)> {
    let r = relations::get_relation(tx, id)?;
    if r.article_id != article_id {
        return Err(Error::Invalid(format!("relation {id} is not on article {article_id}")));
    }
    let (f, t) = (source(tx, article_id, r.from)?, source(tx, article_id, r.to)?);
    Ok((r, f, t))
}

fn place(s: &Span) -> (i64, i64, &str) {
    (s.start, s.end, &s.label)
}

/// Store one attribute value (or none) on a gold span, checked against its label's attributes.
fn write_attr(
    tx: &Transaction,
    gold_id: i64,
    label: &str,
    name: &str,
    value: Option<&serde_json::Value>,
) -> Result<String> {
    let defs = relation_types::attributes_of(tx, label)?;
    if !defs.iter().any(|d| d.name == name) {
        return Err(Error::Invalid(format!("{label} has no attribute named {name:?}")));
    }
    let json: String =
        tx.query_row("SELECT attrs FROM gold_spans WHERE id = ?1", [gold_id], |r| r.get(0))?;
    let mut attrs = crate::annotations::attrs_of_json(&json);
    match value {
        Some(v) => {
            attrs.insert(name.to_string(), v.clone());
        }
        None => {
            attrs.remove(name);
        }
    }
    relations::check_attrs(&defs, label, &attrs)?;
    tx.execute(
        "UPDATE gold_spans SET attrs = ?2 WHERE id = ?1",
        params![gold_id, serde_json::to_string(&attrs)?],
    )?;
    Ok(match value {
        Some(v) => format!("{name} = {v}"),
        None => format!("{name}: none"),
    })
}

/// Link a gold span to an entity (its key; `None` unlinks), checking the entity's type.
fn write_entity(tx: &Transaction, gold_id: i64, label: &str, key: Option<&str>) -> Result<String> {
    let row = match key {
        None => None,
        Some(k) => {
            let id = crate::entities::row_id(tx, k)?;
            let e = crate::entities::get(tx, &entity_key(tx, id)?)?;
            if e.label != label {
                return Err(Error::Invalid(format!(
                    "{} is a {} entity; this gold span is {label}",
                    e.name, e.label
                )));
            }
            Some(id)
        }
    };
    tx.execute("UPDATE gold_spans SET entity_id = ?2 WHERE id = ?1", params![gold_id, row])?;
    Ok(match row {
        Some(id) => format!("entity {}", entity_key(tx, id)?),
        None => "entity: none".to_string(),
    })
}

/// Apply a relation, attribute or entity decision (span decisions are `gold::decide_span`'s).
pub(super) fn decide(tx: &Transaction, article_id: i64, who: i64, d: &Decision) -> Result<()> {
    match d {
        Decision::AcceptRelation { relation_id } => {
            let (r, f, t) = source_relation(tx, article_id, *relation_id)?;
            let rt = relation_types::require(tx, &r.rtype)?;
            let (gf, gt) =
                (accept_span(tx, article_id, who, &f)?, accept_span(tx, article_id, who, &t)?);
            let g = match find_relation(tx, gf, gt, rt.id, rt.directed)? {
                Some(g) => g,
                None => {
                    insert_relation(tx, article_id, (gf, gt, rt.id), who, "accepted", Some(r.id))?
                }
            };
            let detail = relation_detail(&r.rtype, rt.directed, place(&f), place(&t));
            log_detail(
                tx,
                article_id,
                who,
                "relation_accepted",
                Some(f.id),
                Some(g),
                Some(place(&f)),
                &detail,
            )
        }
        Decision::RejectRelation { relation_id } => {
            let (r, f, t) = source_relation(tx, article_id, *relation_id)?;
            let rt = relation_types::require(tx, &r.rtype)?;
            let mut gone = None;
            if let (Some(gf), Some(gt)) = (gold_at(tx, &f)?, gold_at(tx, &t)?) {
                if let Some(g) = find_relation(tx, gf, gt, rt.id, rt.directed)? {
                    tx.execute("DELETE FROM gold_relations WHERE id = ?1", [g])?;
                    gone = Some(g);
                }
            }
            let detail = relation_detail(&r.rtype, rt.directed, place(&f), place(&t));
            log_detail(
                tx,
                article_id,
                who,
                "relation_rejected",
                Some(f.id),
                gone,
                Some(place(&f)),
                &detail,
            )
        }
        Decision::AddRelation { from_gold, to_gold, rtype } => {
            if from_gold == to_gold {
                return Err(Error::Invalid("a relation needs two different spans".into()));
            }
            let (f, t) =
                (gold_end(tx, article_id, *from_gold)?, gold_end(tx, article_id, *to_gold)?);
            let rt = relation_types::require(tx, rtype)?;
            relation_types::check_ends(&rt, &f.label, &t.label).map_err(Error::Invalid)?;
            let g = match find_relation(tx, *from_gold, *to_gold, rt.id, rt.directed)? {
                Some(g) => g,
                None => insert_relation(
                    tx,
                    article_id,
                    (*from_gold, *to_gold, rt.id),
                    who,
                    "added",
                    None,
                )?,
            };
            let (fp, tp) = ((f.start, f.end, f.label.as_str()), (t.start, t.end, t.label.as_str()));
            let detail = relation_detail(rtype, rt.directed, fp, tp);
            log_detail(tx, article_id, who, "relation_added", None, Some(g), Some(fp), &detail)
        }
        Decision::RemoveRelation { gold_relation_id } => {
            let found: Option<(i64, i64, String, bool)> = tx
                .query_row(
                    "SELECT g.from_gold, g.to_gold, t.name, t.directed FROM gold_relations g
                     JOIN relation_types t ON t.id = g.type_id WHERE g.id = ?1 AND g.article_id = ?2",
                    params![gold_relation_id, article_id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?;
            let Some((from, to, rtype, directed)) = found else {
                return Err(Error::NotFound(format!(
                    "there is no gold relation {gold_relation_id} on article {article_id}"
                )));
            };
            let (f, t) = (gold_end(tx, article_id, from)?, gold_end(tx, article_id, to)?);
            tx.execute("DELETE FROM gold_relations WHERE id = ?1", [gold_relation_id])?;
            let (fp, tp) = ((f.start, f.end, f.label.as_str()), (t.start, t.end, t.label.as_str()));
            let detail = relation_detail(&rtype, directed, fp, tp);
            log_detail(
                tx,
                article_id,
                who,
                "relation_removed",
                None,
                Some(*gold_relation_id),
                Some(fp),
                &detail,
            )
        }
        Decision::TakeAttribute { span_id, name } => {
            let s = source(tx, article_id, *span_id)?;
            let g = accept_span(tx, article_id, who, &s)?;
            let detail = write_attr(tx, g, &s.label, name, s.attrs.get(name))?;
            let p = Some(place(&s));
            log_detail(tx, article_id, who, "attribute_set", Some(s.id), Some(g), p, &detail)
        }
        Decision::SetAttribute { gold_id, name, value } => {
            let e = gold_end(tx, article_id, *gold_id)?;
            let detail = write_attr(tx, *gold_id, &e.label, name, value.as_ref())?;
            let p = Some((e.start, e.end, e.label.as_str()));
            log_detail(tx, article_id, who, "attribute_set", None, Some(*gold_id), p, &detail)
        }
        Decision::TakeEntity { span_id } => {
            let s = source(tx, article_id, *span_id)?;
            let g = accept_span(tx, article_id, who, &s)?;
            let detail = write_entity(tx, g, &s.label, s.entity.as_deref())?;
            let p = Some(place(&s));
            log_detail(tx, article_id, who, "entity_set", Some(s.id), Some(g), p, &detail)
        }
        Decision::SetEntity { gold_id, entity } => {
            let e = gold_end(tx, article_id, *gold_id)?;
            let detail = write_entity(tx, *gold_id, &e.label, entity.as_deref())?;
            let p = Some((e.start, e.end, e.label.as_str()));
            log_detail(tx, article_id, who, "entity_set", None, Some(*gold_id), p, &detail)
        }
        Decision::Accept { .. }
        | Decision::Edit { .. }
        | Decision::Reject { .. }
        | Decision::Add { .. }
        | Decision::Remove { .. } => {
            Err(Error::Invalid("a span decision is not a relation decision".into()))
        }
    }
}
