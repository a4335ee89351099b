//! The relation types and span attributes of the label schema (kept apart from `labels.rs`, which
//! holds the span and tag labels): listing, checking, saving and deleting them.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::{AttrKind, LabelKind, RelationType, SpanAttribute};

/// One default relation type: (name, colour, hotkey, description, directed, from labels, to labels).
pub type DefaultType = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
    &'static [&'static str],
    &'static [&'static str],
);

/// Default relation types for news.
pub const DEFAULT_RELATION_TYPES: &[DefaultType] = &[
    ("MEETS", "#c92a2a", "m", "Two people meet (يلتقي)", false, &["PER"], &["PER"]),
    ("VISITS", "#2b8a3e", "v", "A person visits a place (يزور)", true, &["PER"], &["LOC"]),
    ("LEADS", "#1864ab", "", "A person leads an organisation (يرأس)", true, &["PER"], &["ORG"]),
];

/// Every relation type and every span attribute: the parts of the schema beside the labels.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct RelationSchema {
    pub relation_types: Vec<RelationType>,
    pub attributes: Vec<SpanAttribute>,
}

pub fn schema(conn: &Connection) -> Result<RelationSchema> {
    Ok(RelationSchema { relation_types: list(conn)?, attributes: attributes(conn)? })
}

fn json_list(s: &str) -> Vec<String> {
    serde_json::from_str(s).unwrap_or_default()
}

fn json_of(v: &[String]) -> Result<String> {
    Ok(serde_json::to_string(v)?)
}

fn type_from_row(r: &Row) -> rusqlite::Result<RelationType> {
    Ok(RelationType {
        id: r.get(0)?,
        name: r.get(1)?,
        color: r.get(2)?,
        hotkey: r.get(3)?,
        description: r.get(4)?,
        directed: r.get(5)?,
        from_labels: json_list(&r.get::<_, String>(6)?),
        to_labels: json_list(&r.get::<_, String>(7)?),
    })
}

const TYPE_COLS: &str = "id, name, color, hotkey, description, directed, from_labels, to_labels";

/// All relation types, in schema order.
pub fn list(conn: &Connection) -> Result<Vec<RelationType>> {
    let mut st = conn
        .prepare_cached(&format!("SELECT {TYPE_COLS} FROM relation_types ORDER BY position, id"))?;
    let rows = st.query_map([], type_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn find(conn: &Connection, name: &str) -> Result<Option<RelationType>> {
    let mut st =
        conn.prepare_cached(&format!("SELECT {TYPE_COLS} FROM relation_types WHERE name = ?1"))?;
    Ok(st.query_row([name], type_from_row).optional()?)
}

pub fn require(conn: &Connection, name: &str) -> Result<RelationType> {
    find(conn, name)?.ok_or_else(|| {
        Error::NotFound(format!("there is no relation type named {name:?} in this project"))
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<RelationType> {
    conn.query_row(
        &format!("SELECT {TYPE_COLS} FROM relation_types WHERE id = ?1"),
        [id],
        type_from_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("there is no relation type with id {id}")))
}

/// Whether a relation of type `t` may go from a span labelled `from` to one labelled `to`; the
/// reason when not. A symmetric type accepts its ends either way round.
pub fn check_ends(t: &RelationType, from: &str, to: &str) -> std::result::Result<(), String> {
    let ok = |allowed: &[String], l: &str| allowed.is_empty() || allowed.iter().any(|a| a == l);
    let fits = ok(&t.from_labels, from) && ok(&t.to_labels, to);
    let fits_reversed = !t.directed && ok(&t.from_labels, to) && ok(&t.to_labels, from);
    if fits || fits_reversed {
        return Ok(());
    }
    let names = |v: &[String]| if v.is_empty() { "any label".to_string() } else { v.join("|") };
    let arrow = if t.directed { "→" } else { "–" };
    Err(format!(
        "a {} relation goes {} {arrow} {}, not {from} {arrow} {to}",
        t.name,
        names(&t.from_labels),
        names(&t.to_labels)
    ))
}

/// Add a relation type, or the default ones (once, to a new project).
pub fn seed_defaults(tx: &Transaction) -> Result<()> {
    let n: i64 = tx.query_row("SELECT count(*) FROM relation_types", [], |r| r.get(0))?;
    if n > 0 {
        return Ok(());
    }
    for (name, color, hotkey, description, directed, from, to) in DEFAULT_RELATION_TYPES {
        let list = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        save(
            tx,
            &RelationTypeEdit {
                id: None,
                name: name.to_string(),
                color: color.to_string(),
                hotkey: hotkey.to_string(),
                description: description.to_string(),
                directed: *directed,
                from_labels: list(from),
                to_labels: list(to),
            },
        )?;
    }
    Ok(())
}

/// A relation type as the schema editor sends it; `id` absent for a new one.
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
pub struct RelationTypeEdit {
    #[serde(default)]
    #[ts(optional)]
    pub id: Option<i64>,
    pub name: String,
    pub color: String,
    #[serde(default)]
    pub hotkey: String,
    #[serde(default)]
    pub description: String,
    #[serde(default = "yes")]
    pub directed: bool,
    #[serde(default)]
    pub from_labels: Vec<String>,
    #[serde(default)]
    pub to_labels: Vec<String>,
}

fn yes() -> bool {
    true
}

fn check_colour_and_key(color: &str, hotkey: &str) -> Result<()> {
    let hex = color
        .strip_prefix('#')
        .filter(|h| h.len() == 6 && h.chars().all(|c| c.is_ascii_hexdigit()));
    if hex.is_none() {
        return Err(Error::Invalid(format!("colour {color:?} must look like #1a2b3c")));
    }
    if hotkey.chars().count() > 1 || hotkey.chars().any(char::is_whitespace) {
        return Err(Error::Invalid(format!("hotkey {hotkey:?} must be one key (or empty)")));
    }
    Ok(())
}

fn check_name(name: &str, what: &str) -> Result<()> {
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err(Error::Invalid(format!("a {what} needs a name without control characters")));
    }
    Ok(())
}

/// Add a relation type, or change one (a rename keeps every relation: they refer to its id).
pub fn save(tx: &Transaction, e: &RelationTypeEdit) -> Result<RelationType> {
    let name = e.name.trim();
    check_name(name, "relation type")?;
    check_colour_and_key(&e.color, &e.hotkey)?;
    for l in e.from_labels.iter().chain(&e.to_labels) {
        span_label_id(tx, l)?;
    }
    for other in list(tx)? {
        if Some(other.id) == e.id {
            continue;
        }
        if other.name == name {
            return Err(Error::Conflict(format!(
                "there is already a relation type named {name:?}"
            )));
        }
        if !e.hotkey.is_empty() && other.hotkey.eq_ignore_ascii_case(&e.hotkey) {
            return Err(Error::Conflict(format!(
                "the key {:?} already belongs to the relation type {}",
                e.hotkey, other.name
            )));
        }
    }
    let (from, to) = (json_of(&e.from_labels)?, json_of(&e.to_labels)?);
    let color = e.color.to_ascii_lowercase();
    match e.id {
        Some(id) => {
            get(tx, id)?;
            tx.execute(
                "UPDATE relation_types SET name = ?2, color = ?3, hotkey = ?4, description = ?5,
                 directed = ?6, from_labels = ?7, to_labels = ?8 WHERE id = ?1",
                params![id, name, color, e.hotkey, e.description, e.directed, from, to],
            )?;
            get(tx, id)
        }
        None => {
            tx.execute(
                "INSERT INTO relation_types (name, color, hotkey, description, directed, from_labels, to_labels, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT coalesce(max(position), 0) + 1 FROM relation_types))",
                params![name, color, e.hotkey, e.description, e.directed, from, to],
            )?;
            get(tx, tx.last_insert_rowid())
        }
    }
}

/// Find a relation type, adding it (any ends, directed) if the project does not know it yet (imports).
pub fn ensure(tx: &Transaction, name: &str) -> Result<(RelationType, bool)> {
    if let Some(t) = find(tx, name)? {
        return Ok((t, false));
    }
    let n: i64 = tx.query_row("SELECT count(*) FROM relation_types", [], |r| r.get(0))?;
    const COLOURS: &[&str] = &["#c92a2a", "#2b8a3e", "#1864ab", "#e67700", "#862e9c", "#0b7285"];
    let e = RelationTypeEdit {
        id: None,
        name: name.to_string(),
        color: COLOURS[n as usize % COLOURS.len()].to_string(),
        hotkey: String::new(),
        description: String::new(),
        directed: true,
        from_labels: vec![],
        to_labels: vec![],
    };
    Ok((save(tx, &e)?, true))
}

/// How many relations (analysts' and gold) use a relation type.
pub fn usage(conn: &Connection, id: i64) -> Result<i64> {
    get(conn, id)?;
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM relations WHERE type_id = ?1)
              + (SELECT count(*) FROM gold_relations WHERE type_id = ?1)",
        [id],
        |r| r.get(0),
    )?)
}

/// Delete a relation type and its relations (gold ones too); `expected` must equal their current count.
pub fn delete(tx: &Transaction, id: i64, expected: i64) -> Result<i64> {
    let n = usage(tx, id)?;
    if n != expected {
        return Err(Error::Conflict(format!(
            "this relation type is now used by {n} relations, not {expected}: look again before deleting it"
        )));
    }
    tx.execute("DELETE FROM relations WHERE type_id = ?1", [id])?;
    tx.execute("DELETE FROM gold_relations WHERE type_id = ?1", [id])?;
    tx.execute("DELETE FROM relation_types WHERE id = ?1", [id])?;
    Ok(n)
}

/// A span label was renamed (or deleted: `new` empty): the ends of every relation type follow.
pub fn rename_label(tx: &Transaction, old: &str, new: &str) -> Result<()> {
    for t in list(tx)? {
        let swap = |v: &[String]| -> Vec<String> {
            v.iter()
                .filter_map(|l| {
                    if l == old {
                        (!new.is_empty()).then(|| new.to_string())
                    } else {
                        Some(l.clone())
                    }
                })
                .collect()
        };
        let (from, to) = (swap(&t.from_labels), swap(&t.to_labels));
        if from != t.from_labels || to != t.to_labels {
            tx.execute(
                "UPDATE relation_types SET from_labels = ?2, to_labels = ?3 WHERE id = ?1",
                params![t.id, json_of(&from)?, json_of(&to)?],
            )?;
        }
    }
    Ok(())
}

fn attr_from_row(r: &Row) -> rusqlite::Result<SpanAttribute> {
    let kind: String = r.get(3)?;
    Ok(SpanAttribute {
        id: r.get(0)?,
        label: r.get(1)?,
        name: r.get(2)?,
        kind: AttrKind::parse(&kind).unwrap_or(AttrKind::Text),
        choices: json_list(&r.get::<_, String>(4)?),
        default: r.get(5)?,
        keys: json_list(&r.get::<_, String>(6)?),
    })
}

const ATTR_SELECT: &str = "SELECT a.id, l.name, a.name, a.kind, a.choices, a.default_value, a.keys
     FROM span_attributes a JOIN labels l ON l.id = a.label_id";

/// Every span attribute, by label (in schema order), then in their own order.
pub fn attributes(conn: &Connection) -> Result<Vec<SpanAttribute>> {
    let mut st =
        conn.prepare_cached(&format!("{ATTR_SELECT} ORDER BY l.position, l.id, a.position, a.id"))?;
    let rows = st.query_map([], attr_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The attributes of one span label.
pub fn attributes_of(conn: &Connection, label: &str) -> Result<Vec<SpanAttribute>> {
    let mut st = conn.prepare_cached(&format!(
        "{ATTR_SELECT} WHERE l.kind = 'span' AND l.name = ?1 ORDER BY a.position, a.id"
    ))?;
    let rows = st.query_map([label], attr_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn get_attribute(conn: &Connection, id: i64) -> Result<SpanAttribute> {
    conn.query_row(&format!("{ATTR_SELECT} WHERE a.id = ?1"), [id], attr_from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("there is no span attribute with id {id}")))
}

/// A span attribute as the schema editor sends it; `id` absent for a new one.
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
pub struct AttributeEdit {
    #[serde(default)]
    #[ts(optional)]
    pub id: Option<i64>,
    /// The span label whose spans carry it.
    pub label: String,
    pub name: String,
    pub kind: AttrKind,
    #[serde(default)]
    pub choices: Vec<String>,
    #[serde(default)]
    pub default: String,
    #[serde(default)]
    pub keys: Vec<String>,
}

fn check_attribute(e: &AttributeEdit) -> Result<()> {
    let what = format!("attribute {:?} of {}", e.name, e.label);
    check_name(e.name.trim(), "span attribute")?;
    match e.kind {
        AttrKind::Choice => {
            if e.choices.is_empty() || e.choices.iter().any(|c| c.trim().is_empty()) {
                return Err(Error::Invalid(format!(
                    "{what}: a list attribute needs non-empty values"
                )));
            }
            if !e.default.is_empty() && !e.choices.contains(&e.default) {
                return Err(Error::Invalid(format!(
                    "{what}: the default {:?} is not one of {}",
                    e.default,
                    e.choices.join("|")
                )));
            }
        }
        AttrKind::Bool => {
            if !matches!(e.default.as_str(), "" | "true" | "false") {
                return Err(Error::Invalid(format!("{what}: a yes/no default is true or false")));
            }
        }
        AttrKind::Text => {}
    }
    let max_keys = match e.kind {
        AttrKind::Bool => 1,
        AttrKind::Choice => e.choices.len(),
        AttrKind::Text => 0,
    };
    if e.keys.len() > max_keys {
        return Err(Error::Invalid(format!("{what}: at most {max_keys} keys")));
    }
    for k in &e.keys {
        check_colour_and_key("#000000", k)?;
    }
    Ok(())
}

/// The id of the span label `name`. Read here rather than through `labels.rs`, which cascades a
/// label's rename into relation types and so sits above this module.
fn span_label_id(conn: &Connection, name: &str) -> Result<i64> {
    conn.prepare_cached("SELECT id FROM labels WHERE kind = ?1 AND name = ?2")?
        .query_row(params![LabelKind::Span.as_str(), name], |r| r.get(0))
        .optional()?
        .ok_or_else(|| {
            Error::NotFound(format!("there is no span label named {name:?} in this project"))
        })
}

/// Add a span attribute, or change one. Values spans already hold are kept as they are.
pub fn save_attribute(tx: &Transaction, e: &AttributeEdit) -> Result<SpanAttribute> {
    check_attribute(e)?;
    let label_id = span_label_id(tx, &e.label)?;
    let name = e.name.trim();
    let clash: Option<i64> = tx
        .query_row(
            "SELECT id FROM span_attributes WHERE label_id = ?1 AND name = ?2",
            params![label_id, name],
            |r| r.get(0),
        )
        .optional()?;
    if clash.is_some() && clash != e.id {
        return Err(Error::Conflict(format!(
            "{} already has an attribute named {name:?}",
            e.label
        )));
    }
    let (choices, keys) = (json_of(&e.choices)?, json_of(&e.keys)?);
    match e.id {
        Some(id) => {
            get_attribute(tx, id)?;
            tx.execute(
                "UPDATE span_attributes SET label_id = ?2, name = ?3, kind = ?4, choices = ?5,
                 default_value = ?6, keys = ?7 WHERE id = ?1",
                params![id, label_id, name, e.kind.as_str(), choices, e.default, keys],
            )?;
            get_attribute(tx, id)
        }
        None => {
            tx.execute(
                "INSERT INTO span_attributes (label_id, name, kind, choices, default_value, keys, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT coalesce(max(position), 0) + 1 FROM span_attributes WHERE label_id = ?1))",
                params![label_id, name, e.kind.as_str(), choices, e.default, keys],
            )?;
            get_attribute(tx, tx.last_insert_rowid())
        }
    }
}

/// Delete a span attribute. The values spans hold stay in the project (and in exports) untouched.
pub fn delete_attribute(tx: &Transaction, id: i64) -> Result<()> {
    get_attribute(tx, id)?;
    tx.execute("DELETE FROM span_attributes WHERE id = ?1", [id])?;
    Ok(())
}
