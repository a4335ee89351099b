//! The schema file's relation types, span attributes and label parents: read from the project into
//! a [`SchemaFile`], and applied to a project (added or updated, never deleted; a bad entry stops
//! the whole import with an error naming it).

use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};

use super::{Applied, SchemaFile};
use crate::error::{Error, Result};
use crate::labels::{self, LabelEdit};
use crate::model::{AttrKind, LabelKind};
use crate::relation_types::{self, AttributeEdit, RelationTypeEdit};

/// A relation type as the schema file holds it (the project's fields without its id).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SchemaRelationType {
    pub name: String,
    /// `#rrggbb`.
    pub color: String,
    #[serde(default)]
    pub hotkey: String,
    #[serde(default)]
    pub description: String,
    /// false: symmetric (its ends either way round).
    #[serde(default = "yes")]
    pub directed: bool,
    /// Span labels allowed at the source end ([] allows any).
    #[serde(default)]
    pub from_labels: Vec<String>,
    /// Span labels allowed at the target end ([] allows any).
    #[serde(default)]
    pub to_labels: Vec<String>,
}

fn yes() -> bool {
    true
}

/// A span attribute of one label, as the schema file holds it (under its label).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SchemaAttribute {
    pub name: String,
    /// "bool", "choice" or "text".
    pub kind: AttrKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub default: String,
    /// One key for a yes/no attribute, one per choice of a list; empty strings for none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<String>,
}

/// Fill in the relation types, each span label's attributes and parents from the project.
pub fn read_into(conn: &Connection, out: &mut SchemaFile) -> Result<()> {
    out.relation_types = relation_types::list(conn)?
        .into_iter()
        .map(|t| SchemaRelationType {
            name: t.name,
            color: t.color,
            hotkey: t.hotkey,
            description: t.description,
            directed: t.directed,
            from_labels: t.from_labels,
            to_labels: t.to_labels,
        })
        .collect();
    let attrs = relation_types::attributes(conn)?;
    for l in &mut out.labels {
        l.attributes = attrs
            .iter()
            .filter(|a| a.label == l.name)
            .map(|a| SchemaAttribute {
                name: a.name.clone(),
                kind: a.kind,
                choices: a.choices.clone(),
                default: a.default.clone(),
                keys: a.keys.clone(),
            })
            .collect();
    }
    Ok(())
}

/// Set the file's label parents (after every label of the file exists), then its relation types and
/// span attributes. Adds to `done`; a bad entry is an error naming it.
pub fn apply(tx: &Transaction, schema: &SchemaFile, done: &mut Applied) -> Result<()> {
    for (kind, list) in [(LabelKind::Span, &schema.labels), (LabelKind::Tag, &schema.tags)] {
        for l in list.iter().filter(|l| !l.parent.trim().is_empty()) {
            let name = l.name.trim();
            let what = format!("{} {name:?}", kind.as_str());
            let current = labels::require(tx, kind, name)?;
            if current.parent == l.parent.trim() {
                continue;
            }
            let edit = LabelEdit {
                id: Some(current.id),
                kind,
                name: current.name.clone(),
                color: current.color.clone(),
                hotkey: current.hotkey.clone(),
                description: current.description.clone(),
                description_ar: None,
                parent: Some(l.parent.trim().to_string()),
            };
            labels::save(tx, &edit).map_err(|e| Error::Invalid(format!("{what}: {e}")))?;
            if !done.added.iter().any(|a| a == name) && !done.updated.iter().any(|a| a == name) {
                done.unchanged.retain(|u| u != name);
                done.updated.push(name.to_string());
            }
        }
        if kind == LabelKind::Tag {
            if let Some(t) = list.iter().find(|t| !t.attributes.is_empty()) {
                return Err(Error::Invalid(format!(
                    "tag {:?}: only span labels have attributes",
                    t.name
                )));
            }
        }
    }
    for t in &schema.relation_types {
        relation_type(tx, t, done)?;
    }
    for l in &schema.labels {
        for a in &l.attributes {
            attribute(tx, l.name.trim(), a, done)?;
        }
    }
    Ok(())
}

fn relation_type(tx: &Transaction, t: &SchemaRelationType, done: &mut Applied) -> Result<()> {
    let name = t.name.trim();
    let entry = format!("relation type {name}");
    let existing = relation_types::find(tx, name)?;
    let edit = RelationTypeEdit {
        id: existing.as_ref().map(|e| e.id),
        name: name.to_string(),
        color: t.color.to_ascii_lowercase(),
        hotkey: t.hotkey.to_lowercase(),
        description: t.description.clone(),
        directed: t.directed,
        from_labels: t.from_labels.iter().map(|l| l.trim().to_string()).collect(),
        to_labels: t.to_labels.iter().map(|l| l.trim().to_string()).collect(),
    };
    let same = existing.as_ref().is_some_and(|e| {
        (&e.color, &e.hotkey, &e.description, e.directed, &e.from_labels, &e.to_labels)
            == (
                &edit.color,
                &edit.hotkey,
                &edit.description,
                edit.directed,
                &edit.from_labels,
                &edit.to_labels,
            )
    });
    if same {
        done.unchanged.push(entry);
        return Ok(());
    }
    relation_types::save(tx, &edit)
        .map_err(|e| Error::Invalid(format!("relation type {name:?}: {e}")))?;
    if existing.is_some() {
        done.updated.push(entry);
    } else {
        done.added.push(entry);
    }
    Ok(())
}

fn attribute(tx: &Transaction, label: &str, a: &SchemaAttribute, done: &mut Applied) -> Result<()> {
    let name = a.name.trim();
    let entry = format!("attribute {label}.{name}");
    let existing = relation_types::attributes_of(tx, label)
        .map_err(|e| Error::Invalid(format!("attribute {name:?} of {label:?}: {e}")))?
        .into_iter()
        .find(|x| x.name == name);
    let edit = AttributeEdit {
        id: existing.as_ref().map(|e| e.id),
        label: label.to_string(),
        name: name.to_string(),
        kind: a.kind,
        choices: a.choices.clone(),
        default: a.default.clone(),
        keys: a.keys.clone(),
    };
    let same = existing.as_ref().is_some_and(|e| {
        (e.kind, &e.choices, &e.default, &e.keys)
            == (edit.kind, &edit.choices, &edit.default, &edit.keys)
    });
    if same {
        done.unchanged.push(entry);
        return Ok(());
    }
    relation_types::save_attribute(tx, &edit)
        .map_err(|e| Error::Invalid(format!("attribute {name:?} of {label:?}: {e}")))?;
    if existing.is_some() {
        done.updated.push(entry);
    } else {
        done.added.push(entry);
    }
    Ok(())
}
