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

/// The default labels' descriptions in Arabic.
pub const DEFAULT_DESCRIPTIONS_AR: &[(&str, &str)] = &[
    ("PER", "شخص: فرد مسمّى باسمه"),
    ("ORG", "منظمة: هيئة أو شركة أو مؤسسة أو فريق"),
    ("LOC", "مكان: بلد أو مدينة أو منطقة أو موقع"),
    ("EVENT", "حدث: مؤتمر أو معرض أو بطولة أو عملية"),
    ("DATE", "تاريخ أو مدة: يوم أو شهر أو سنة"),
    ("security", "الأمن والشرطة والدفاع"),
    ("politics", "السياسة والدبلوماسية"),
    ("economy", "الاقتصاد والأعمال"),
    ("sports", "الرياضة"),
    ("irrelevant", "ليس مقالًا إخباريًا، أو خارج الموضوع"),
];

/// Colours given to labels that arrive from imported data.
const PALETTE: &[&str] =
    &["#0c8599", "#a61e4d", "#5c940d", "#364fc7", "#862e9c", "#e67700", "#0b7285", "#c92a2a"];

fn from_row(r: &Row) -> rusqlite::Result<Label> {
    let kind: String = r.get(1)?;
    Ok(Label {
        id: r.get(0)?,
        kind: if kind == "tag" { LabelKind::Tag } else { LabelKind::Span },
        name: r.get(2)?,
        color: r.get(3)?,
        hotkey: r.get(4)?,
        description: r.get(5)?,
        description_ar: r.get(6)?,
        parent: r.get(7)?,
    })
}

const COLS: &str = "id, kind, name, color, hotkey, description, description_ar, parent";

/// All labels, span labels first, in schema order.
pub fn list(conn: &Connection) -> Result<Vec<Label>> {
    let mut st = conn.prepare(&format!("SELECT {COLS} FROM labels ORDER BY kind, position, id"))?;
    let rows = st.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn find(conn: &Connection, kind: LabelKind, name: &str) -> Result<Option<Label>> {
    let mut st =
        conn.prepare_cached(&format!("SELECT {COLS} FROM labels WHERE kind = ?1 AND name = ?2"))?;
    Ok(st.query_row(params![kind.as_str(), name], from_row).optional()?)
}

/// Find a label that must exist (the analyst picked it from the schema).
pub fn require(conn: &Connection, kind: LabelKind, name: &str) -> Result<Label> {
    find(conn, kind, name)?.ok_or_else(|| {
        Error::NotFound(format!(
            "there is no {} label named {name:?} in this project",
            kind.as_str()
        ))
    })
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

fn insert(
    tx: &Transaction,
    kind: LabelKind,
    name: &str,
    color: &str,
    hotkey: &str,
    description: &str,
) -> Result<()> {
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
    for (kind, set) in
        [(LabelKind::Span, DEFAULT_SPAN_LABELS), (LabelKind::Tag, DEFAULT_TAG_LABELS)]
    {
        for (name, color, hotkey, desc) in set {
            insert(tx, kind, name, color, hotkey, desc)?;
        }
    }
    // The Arabic descriptions of the defaults (as migration 0006 gives older projects).
    for (name, ar) in DEFAULT_DESCRIPTIONS_AR {
        tx.execute("UPDATE labels SET description_ar = ?2 WHERE name = ?1", params![name, ar])?;
    }
    crate::relation_types::seed_defaults(tx)
}

/// The label `name` seen at `depth` of the hierarchy (1: its top-level ancestor): the ancestor that
/// many levels down from the top, or the label itself when it is no deeper. `all` is the schema.
pub fn at_depth(all: &[Label], kind: LabelKind, name: &str, depth: usize) -> String {
    let mut chain = vec![name.to_string()];
    while chain.len() <= all.len() {
        let last = chain.last().map(String::as_str).unwrap_or("");
        match all.iter().find(|l| l.kind == kind && l.name == last) {
            Some(l) if !l.parent.is_empty() && !chain.contains(&l.parent) => {
                chain.push(l.parent.clone())
            }
            _ => break,
        }
    }
    chain.reverse();
    chain.get(depth.max(1) - 1).cloned().unwrap_or_else(|| name.to_string())
}

/// How many annotations use a label (what deleting it would take with it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct Usage {
    pub spans: i64,
    pub tags: i64,
    pub gold_spans: i64,
    pub gold_tags: i64,
    /// Relations at either end of a span with this label (they go with their spans); absent when none.
    #[serde(skip_serializing_if = "is_zero")]
    #[ts(type = "number | undefined")]
    pub relations: i64,
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}

impl Usage {
    pub fn total(&self) -> i64 {
        self.spans + self.tags + self.gold_spans + self.gold_tags + self.relations
    }
}

pub fn get(conn: &Connection, id: i64) -> Result<Label> {
    conn.query_row(&format!("SELECT {COLS} FROM labels WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("there is no label with id {id}")))
}

pub fn usage(conn: &Connection, id: i64) -> Result<Usage> {
    get(conn, id)?;
    let n = |sql: &str| -> Result<i64> { Ok(conn.query_row(sql, [id], |r| r.get(0))?) };
    Ok(Usage {
        spans: n("SELECT count(*) FROM spans WHERE label_id = ?1")?,
        tags: n("SELECT count(*) FROM article_tags WHERE label_id = ?1")?,
        gold_spans: n("SELECT count(*) FROM gold_spans WHERE label_id = ?1")?,
        gold_tags: n("SELECT count(*) FROM gold_tags WHERE label_id = ?1")?,
        relations: n("SELECT count(*) FROM relations r WHERE EXISTS (SELECT 1 FROM spans s
                      WHERE s.label_id = ?1 AND (s.id = r.from_span OR s.id = r.to_span))")?,
    })
}

/// A label as the schema editor sends it; `id` absent for a new one.
#[derive(Debug, Clone, serde::Deserialize, ts_rs::TS)]
pub struct LabelEdit {
    #[serde(default)]
    #[ts(optional)]
    pub id: Option<i64>,
    pub kind: LabelKind,
    pub name: String,
    pub color: String,
    #[serde(default)]
    pub hotkey: String,
    #[serde(default)]
    pub description: String,
    /// The Arabic description (absent: unchanged on an edit, empty on a new label).
    #[serde(default)]
    #[ts(optional)]
    pub description_ar: Option<String>,
    /// The label this one sits under (same kind); empty or absent for a top-level label.
    #[serde(default)]
    #[ts(optional)]
    pub parent: Option<String>,
}

/// A parent must be another label of the same kind, and the chain of parents must not loop.
fn check_parent(conn: &Connection, e: &LabelEdit, name: &str) -> Result<()> {
    let parent = e.parent.as_deref().map(str::trim).unwrap_or("");
    if parent.is_empty() {
        return Ok(());
    }
    let all = list(conn)?;
    let mut at = parent.to_string();
    for _ in 0..=all.len() {
        if at == name {
            return Err(Error::Invalid(format!(
                "label {name:?} cannot sit under {parent:?}: the parents would go round in a circle"
            )));
        }
        let up = all.iter().find(|l| l.kind == e.kind && l.name == at && Some(l.id) != e.id);
        match up {
            Some(l) if l.parent.is_empty() => return Ok(()),
            Some(l) => at = l.parent.clone(),
            None if at == parent => {
                return Err(Error::NotFound(format!(
                    "the parent {parent:?} of label {name:?} is not a {} label of this project",
                    e.kind.as_str()
                )))
            }
            None => return Ok(()),
        }
    }
    Ok(())
}

fn check_edit(conn: &Connection, e: &LabelEdit) -> Result<()> {
    let name = e.name.trim();
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err(Error::Invalid("a label needs a name without control characters".into()));
    }
    let hex = e
        .color
        .strip_prefix('#')
        .filter(|h| h.len() == 6 && h.chars().all(|c| c.is_ascii_hexdigit()));
    if hex.is_none() {
        return Err(Error::Invalid(format!("colour {:?} must look like #1a2b3c", e.color)));
    }
    if e.hotkey.chars().count() > 1 || e.hotkey.chars().any(char::is_whitespace) {
        return Err(Error::Invalid(format!("hotkey {:?} must be one key (or empty)", e.hotkey)));
    }
    for other in list(conn)? {
        if Some(other.id) == e.id {
            continue;
        }
        if other.kind == e.kind && other.name == name {
            return Err(Error::Conflict(format!(
                "there is already a {} label named {name:?}",
                e.kind.as_str()
            )));
        }
        if !e.hotkey.is_empty() && other.hotkey.eq_ignore_ascii_case(&e.hotkey) {
            return Err(Error::Conflict(format!(
                "the key {:?} already belongs to {}",
                e.hotkey, other.name
            )));
        }
    }
    check_parent(conn, e, name)
}

/// Add a label, or change one (a rename keeps every annotation: they refer to the label's id).
pub fn save(tx: &Transaction, e: &LabelEdit) -> Result<Label> {
    check_edit(tx, e)?;
    let name = e.name.trim();
    match e.id {
        Some(id) => {
            let old = get(tx, id)?;
            if old.kind != e.kind {
                return Err(Error::Invalid("a label cannot change between span and tag".into()));
            }
            tx.execute(
                "UPDATE labels SET name = ?2, color = ?3, hotkey = ?4, description = ?5 WHERE id = ?1",
                params![id, name, e.color.to_ascii_lowercase(), e.hotkey, e.description],
            )?;
            if let Some(ar) = &e.description_ar {
                tx.execute("UPDATE labels SET description_ar = ?2 WHERE id = ?1", params![id, ar])?;
            }
            if old.name != name {
                // Children and relation types name their parent and allowed ends by name.
                tx.execute(
                    "UPDATE labels SET parent = ?2 WHERE kind = ?3 AND parent = ?1",
                    params![old.name, name, e.kind.as_str()],
                )?;
                if e.kind == LabelKind::Span {
                    crate::relation_types::rename_label(tx, &old.name, name)?;
                }
            }
            set_parent(tx, id, e.parent.as_deref())?;
            get(tx, id)
        }
        None => {
            insert(tx, e.kind, name, &e.color.to_ascii_lowercase(), &e.hotkey, &e.description)?;
            let label = require(tx, e.kind, name)?;
            if let Some(ar) = &e.description_ar {
                tx.execute(
                    "UPDATE labels SET description_ar = ?2 WHERE id = ?1",
                    params![label.id, ar],
                )?;
            }
            set_parent(tx, label.id, e.parent.as_deref())?;
            get(tx, label.id)
        }
    }
}

fn set_parent(tx: &Transaction, id: i64, parent: Option<&str>) -> Result<()> {
    if let Some(p) = parent {
        tx.execute("UPDATE labels SET parent = ?2 WHERE id = ?1", params![id, p.trim()])?;
    }
    Ok(())
}

/// Delete a label and every annotation that uses it. `expected` must equal its current usage, so a
/// caller deletes only what it showed the analyst.
pub fn delete(tx: &Transaction, id: i64, expected: i64) -> Result<Usage> {
    let label = get(tx, id)?;
    let u = usage(tx, id)?;
    if u.total() != expected {
        return Err(Error::Conflict(format!(
            "this label is now used by {} annotations, not {expected}: look again before deleting it",
            u.total()
        )));
    }
    for sql in [
        "DELETE FROM gold_spans WHERE label_id = ?1",
        "DELETE FROM gold_tags WHERE label_id = ?1",
        "DELETE FROM spans WHERE label_id = ?1",
        "DELETE FROM article_tags WHERE label_id = ?1",
        "DELETE FROM labels WHERE id = ?1",
    ] {
        tx.execute(sql, [id])?;
    }
    // Its children become top-level labels; relation types no longer name it at their ends.
    tx.execute(
        "UPDATE labels SET parent = '' WHERE kind = ?1 AND parent = ?2",
        params![label.kind.as_str(), label.name],
    )?;
    if label.kind == LabelKind::Span {
        crate::relation_types::rename_label(tx, &label.name, "")?;
    }
    Ok(u)
}
