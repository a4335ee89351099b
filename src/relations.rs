//! Relations between two spans of one analyst, and span attribute values: checked against the
//! schema, stored with annotator and UTC time; an analyst changes only their own.

pub use crate::annotations::write_attrs;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::annotations::{annotator_id, normalise_time, Added};
use crate::error::{Error, Result};
use crate::model::{AttrKind, Attrs, Relation, SpanAttribute};
use crate::relation_types;

/// A relation to add between two spans (by id) of the same article and annotator.
#[derive(Debug, Clone)]
pub struct NewRelation<'a> {
    pub from: i64,
    pub to: i64,
    pub rtype: &'a str,
    pub annotator: &'a str,
    pub note: &'a str,
    /// Keep an imported creation time; `None` means now.
    pub created_at: Option<&'a str>,
}

struct End {
    article_id: i64,
    label: String,
    owner: String,
}

fn end(conn: &Connection, id: i64, which: &str) -> Result<End> {
    conn.prepare_cached(
        "SELECT s.article_id, l.name, n.name FROM spans s JOIN labels l ON l.id = s.label_id
         JOIN annotators n ON n.id = s.annotator_id WHERE s.id = ?1",
    )?
    .query_row([id], |r| Ok(End { article_id: r.get(0)?, label: r.get(1)?, owner: r.get(2)? }))
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("the {which} span {id} of the relation does not exist")))
}

/// Add a relation after checking it: both spans exist, are different, belong to one article and to
/// the relation's annotator, and their labels fit the type's ends. The same relation (for a symmetric
/// type also the reverse one) is kept once. An unknown type is an error unless `add_missing_type`.
pub fn add_relation(tx: &Transaction, r: &NewRelation, add_missing_type: bool) -> Result<Added> {
    if r.from == r.to {
        return Err(Error::Invalid("a relation needs two different spans".into()));
    }
    let (from, to) = (end(tx, r.from, "source")?, end(tx, r.to, "target")?);
    if from.article_id != to.article_id {
        return Err(Error::Invalid(
            "the two spans of a relation must be in the same article".into(),
        ));
    }
    let who = r.annotator.trim();
    for (e, which) in [(&from, "source"), (&to, "target")] {
        if e.owner != who {
            return Err(Error::Forbidden(format!(
                "the {which} span belongs to {}; {who} can relate only their own spans",
                e.owner
            )));
        }
    }
    let t = if add_missing_type {
        relation_types::ensure(tx, r.rtype)?.0
    } else {
        relation_types::require(tx, r.rtype)?
    };
    relation_types::check_ends(&t, &from.label, &to.label).map_err(Error::Invalid)?;
    let existing: Option<i64> = tx
        .prepare_cached(
            "SELECT id FROM relations WHERE type_id = ?1 AND
             ((from_span = ?2 AND to_span = ?3) OR (?4 = 0 AND from_span = ?3 AND to_span = ?2))",
        )?
        .query_row(params![t.id, r.from, r.to, t.directed], |row| row.get(0))
        .optional()?;
    if let Some(id) = existing {
        return Ok(Added::Existing(id));
    }
    let created = match r.created_at {
        Some(c) => normalise_time(c)?,
        None => crate::db::now(),
    };
    let annotator = annotator_id(tx, who)?;
    tx.prepare_cached(
        "INSERT INTO relations (article_id, type_id, annotator_id, from_span, to_span, note, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
    )?
    .execute(params![from.article_id, t.id, annotator, r.from, r.to, r.note, created])?;
    Ok(Added::New(tx.last_insert_rowid()))
}

/// Changes to a relation; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct RelationChange<'a> {
    pub rtype: Option<&'a str>,
    pub note: Option<&'a str>,
    /// Swap source and target.
    pub reverse: bool,
}

fn owner_of(conn: &Connection, id: i64) -> Result<(String, i64, i64)> {
    conn.query_row(
        "SELECT n.name, r.from_span, r.to_span FROM relations r JOIN annotators n ON n.id = r.annotator_id WHERE r.id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("there is no relation with id {id}")))
}

fn require_owner(owner: &str, annotator: &str, what: &str) -> Result<()> {
    if owner != annotator.trim() {
        return Err(Error::Forbidden(format!(
            "this relation belongs to {owner}; {annotator} cannot {what} another analyst's work"
        )));
    }
    Ok(())
}

/// Change the type, note or direction of one's own relation (the new ends are checked again).
pub fn update_relation(
    tx: &Transaction,
    id: i64,
    annotator: &str,
    c: &RelationChange,
) -> Result<Relation> {
    let (owner, mut from, mut to) = owner_of(tx, id)?;
    require_owner(&owner, annotator, "change")?;
    let old = get_relation(tx, id)?;
    if c.reverse {
        std::mem::swap(&mut from, &mut to);
    }
    let t = relation_types::require(tx, c.rtype.unwrap_or(&old.rtype))?;
    let (fl, tl) = (end(tx, from, "source")?.label, end(tx, to, "target")?.label);
    relation_types::check_ends(&t, &fl, &tl).map_err(Error::Invalid)?;
    let updated = tx.execute(
        "UPDATE relations SET type_id = ?2, from_span = ?3, to_span = ?4, note = coalesce(?5, note), updated_at = ?6 WHERE id = ?1",
        params![id, t.id, from, to, c.note, crate::db::now()],
    );
    match updated {
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            return Err(Error::Conflict(
                "you already have that relation between these spans".into(),
            ))
        }
        other => other?,
    };
    get_relation(tx, id)
}

pub fn delete_relation(tx: &Transaction, id: i64, annotator: &str) -> Result<()> {
    let (owner, _, _) = owner_of(tx, id)?;
    require_owner(&owner, annotator, "delete")?;
    tx.execute("DELETE FROM relations WHERE id = ?1", [id])?;
    Ok(())
}

const SELECT: &str = "SELECT r.id, r.article_id, r.from_span, r.to_span, t.name, n.name, r.note, r.created_at, r.updated_at
     FROM relations r JOIN relation_types t ON t.id = r.type_id JOIN annotators n ON n.id = r.annotator_id";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Relation> {
    Ok(Relation {
        id: r.get(0)?,
        article_id: r.get(1)?,
        from: r.get(2)?,
        to: r.get(3)?,
        rtype: r.get(4)?,
        annotator: r.get(5)?,
        note: r.get(6)?,
        created_at: r.get(7)?,
        updated_at: r.get(8)?,
    })
}

pub fn get_relation(conn: &Connection, id: i64) -> Result<Relation> {
    conn.query_row(&format!("{SELECT} WHERE r.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("there is no relation with id {id}")))
}

/// Every relation of an article, by every annotator, in the order they were made.
pub fn relations_of(conn: &Connection, article_id: i64) -> Result<Vec<Relation>> {
    let mut st = conn.prepare_cached(&format!("{SELECT} WHERE r.article_id = ?1 ORDER BY r.id"))?;
    let rows = st.query_map([article_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The relations at either end of a span.
pub fn relations_of_span(conn: &Connection, span_id: i64) -> Result<Vec<Relation>> {
    let mut st = conn.prepare_cached(&format!(
        "{SELECT} WHERE r.from_span = ?1 OR r.to_span = ?1 ORDER BY r.id"
    ))?;
    let rows = st.query_map([span_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Check attribute values against a label's attributes: every name known, every value of its kind.
pub fn check_attrs(defs: &[SpanAttribute], label: &str, attrs: &Attrs) -> Result<()> {
    for (name, v) in attrs {
        let def = defs
            .iter()
            .find(|d| &d.name == name)
            .ok_or_else(|| Error::Invalid(format!("{label} has no attribute named {name:?}")))?;
        let ok = match def.kind {
            AttrKind::Bool => v.is_boolean(),
            AttrKind::Text => v.is_string(),
            AttrKind::Choice => v.as_str().is_some_and(|s| def.choices.iter().any(|c| c == s)),
        };
        if !ok {
            let expected = match def.kind {
                AttrKind::Bool => "true or false".to_string(),
                AttrKind::Text => "a string".to_string(),
                AttrKind::Choice => format!("one of {}", def.choices.join("|")),
            };
            return Err(Error::Invalid(format!(
                "attribute {name:?} of {label} is {expected}, not {v}"
            )));
        }
    }
    Ok(())
}

/// The values a new span of `label` starts with (its attributes' defaults).
pub fn default_attrs(conn: &Connection, label: &str) -> Result<Attrs> {
    let mut out = Attrs::new();
    for d in relation_types::attributes_of(conn, label)? {
        let v = match (d.kind, d.default.as_str()) {
            (_, "") => continue,
            (AttrKind::Bool, b) => serde_json::Value::Bool(b == "true"),
            (_, s) => serde_json::Value::String(s.to_string()),
        };
        out.insert(d.name, v);
    }
    Ok(out)
}

/// Import: add an attribute the project does not know yet (yes/no for a boolean, else free text),
/// so a file from another project keeps every value. Returns the label's attributes afterwards.
pub fn ensure_attrs(tx: &Transaction, label: &str, attrs: &Attrs) -> Result<Vec<SpanAttribute>> {
    let mut defs = relation_types::attributes_of(tx, label)?;
    for (name, v) in attrs {
        if defs.iter().any(|d| &d.name == name) {
            continue;
        }
        let kind = if v.is_boolean() { AttrKind::Bool } else { AttrKind::Text };
        let e = relation_types::AttributeEdit {
            id: None,
            label: label.to_string(),
            name: name.clone(),
            kind,
            choices: vec![],
            default: String::new(),
            keys: vec![],
        };
        defs.push(relation_types::save_attribute(tx, &e)?);
    }
    Ok(defs)
}

/// Set the attribute values of one's own span (the whole set: a value left out is removed).
pub fn set_span_attrs(
    tx: &Transaction,
    span_id: i64,
    annotator: &str,
    attrs: &Attrs,
) -> Result<()> {
    let e = end(tx, span_id, "")
        .map_err(|_| Error::NotFound(format!("there is no span with id {span_id}")))?;
    if e.owner != annotator.trim() {
        return Err(Error::Forbidden(format!(
            "this span belongs to {}; {annotator} cannot change another analyst's work",
            e.owner
        )));
    }
    check_attrs(&relation_types::attributes_of(tx, &e.label)?, &e.label, attrs)?;
    write_attrs(tx, span_id, attrs)?;
    tx.execute(
        "UPDATE spans SET updated_at = ?2 WHERE id = ?1",
        params![span_id, crate::db::now()],
    )?;
    Ok(())
}

/// Import: store the values of a new span, adding attributes the project lacks. A "true"/"false"
/// string for a yes/no attribute (tools that only know lists) is read as a boolean.
pub fn import_attrs(tx: &Transaction, span_id: i64, label: &str, attrs: &Attrs) -> Result<()> {
    let defs = ensure_attrs(tx, label, attrs)?;
    let mut attrs = attrs.clone();
    for (name, v) in attrs.iter_mut() {
        let is_bool = defs.iter().any(|d| &d.name == name && d.kind == AttrKind::Bool);
        if let (true, Some(b @ ("true" | "false"))) = (is_bool, v.as_str()) {
            *v = serde_json::Value::Bool(b == "true");
        }
    }
    check_attrs(&defs, label, &attrs)?;
    write_attrs(tx, span_id, &attrs)
}
