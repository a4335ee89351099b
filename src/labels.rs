//! The label schema: span labels and article-tag labels, with the default schema for news.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::error::{Error, Result};
use crate::model::{Label, LabelKind};

/// Default span labels for news: (name, colour, hotkey, description).
pub const DEFAULT_SPAN_LABELS: &[(&str, &str, &str, &str)] = &[
    ("PER", "#e8590c", "p", "Person: a named individual (شخص)"),
    ("ORG", "#1971c2", "o", "Organisation: agency, company, institution, team (منظمة)"),
    ("LOC", "#2f9e44", "l", "Place: country, city, region, site (مكان)"),
    ("EVENT", "#9c36b5", "e", "Event: conference, exhibition, tournament, operation (حدث)"),
    ("DATE", "#c2255c", "d", "Date or period: day, month, year (تاريخ)"),
];

/// Default article tags for news.
pub const DEFAULT_TAG_LABELS: &[(&str, &str, &str, &str)] = &[
    ("security", "#495057", "1", "Security, policing, defence"),
    ("politics", "#5f3dc4", "2", "Politics and diplomacy"),
    ("economy", "#087f5b", "3", "Economy and business"),
    ("sports", "#d9480f", "4", "Sports"),
    ("irrelevant", "#868e96", "0", "Not a news article, or off-topic"),
];

/// Colours given to labels that arrive from imported data.
const PALETTE: &[&str] = &["#0c8599", "#a61e4d", "#5c940d", "#364fc7", "#862e9c", "#e67700", "#0b7285", "#c92a2a"];

fn from_row(r: &Row) -> rusqlite::Result<Label> {
    let kind: String = r.get(1)?;
    Ok(Label {
        id: r.get(0)?,
        kind: if kind == "tag" { LabelKind::Tag } else { LabelKind::Span },
        name: r.get(2)?,
        color: r.get(3)?,
        hotkey: r.get(4)?,
        description: r.get(5)?,
    })
}

const COLS: &str = "id, kind, name, color, hotkey, description";

/// All labels, span labels first, in schema order.
pub fn list(conn: &Connection) -> Result<Vec<Label>> {
    let mut st = conn.prepare(&format!("SELECT {COLS} FROM labels ORDER BY kind, position, id"))?;
    let rows = st.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn find(conn: &Connection, kind: LabelKind, name: &str) -> Result<Option<Label>> {
    let mut st = conn.prepare_cached(&format!("SELECT {COLS} FROM labels WHERE kind = ?1 AND name = ?2"))?;
    Ok(st.query_row(params![kind.as_str(), name], from_row).optional()?)
}

/// Find a label that must exist (the analyst picked it from the schema).
pub fn require(conn: &Connection, kind: LabelKind, name: &str) -> Result<Label> {
    find(conn, kind, name)?.ok_or_else(|| Error::NotFound(format!("there is no {} label named {name:?} in this project", kind.as_str())))
}

/// Find a label, adding it to the schema if the project does not know it yet.
/// Returns the label and whether it was added.
pub fn ensure(tx: &Transaction, kind: LabelKind, name: &str) -> Result<(Label, bool)> {
    if let Some(l) = find(tx, kind, name)? {
        return Ok((l, false));
    }
    if name.trim().is_empty() {
        return Err(Error::Invalid("a label name may not be empty".into()));
    }
    let n: i64 = tx.query_row("SELECT count(*) FROM labels", [], |r| r.get(0))?;
    let color = PALETTE[(n as usize) % PALETTE.len()];
    insert(tx, kind, name, color, "", "")?;
    Ok((require(tx, kind, name)?, true))
}

fn insert(tx: &Transaction, kind: LabelKind, name: &str, color: &str, hotkey: &str, description: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO labels (kind, name, color, hotkey, description, position)
         VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(position), 0) + 1 FROM labels WHERE kind = ?1))",
        params![kind.as_str(), name, color, hotkey, description],
    )?;
    Ok(())
}

/// Give a new project the default news schema (does nothing if any label exists).
pub fn seed_defaults(tx: &Transaction) -> Result<()> {
    let n: i64 = tx.query_row("SELECT count(*) FROM labels", [], |r| r.get(0))?;
    if n > 0 {
        return Ok(());
    }
    for (kind, set) in [(LabelKind::Span, DEFAULT_SPAN_LABELS), (LabelKind::Tag, DEFAULT_TAG_LABELS)] {
        for (name, color, hotkey, desc) in set {
            insert(tx, kind, name, color, hotkey, desc)?;
        }
    }
    Ok(())
}
