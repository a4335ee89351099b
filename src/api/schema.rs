//! Label schema and project settings commands of the command API.

use serde::Deserialize;
use serde_json::Value;
use ts_rs::TS;

use crate::api::{args, to_json};
use crate::error::Result;
use crate::labels::{self, LabelEdit};
use crate::relation_types::{self, AttributeEdit, RelationTypeEdit};
use crate::settings;
use crate::store::Store;

#[derive(Debug, Clone, Deserialize, TS)]
pub struct LabelIdReq {
    pub id: i64,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct DeleteLabelReq {
    pub id: i64,
    /// The usage total the analyst was shown and confirmed (see `label_usage`).
    pub expected_annotations: i64,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct SetSettingsReq {
    #[serde(default)]
    #[ts(optional)]
    pub guidelines: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub clitics: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct DeleteRelationTypeReq {
    pub id: i64,
    /// The number of relations the analyst was shown and confirmed (see `relation_type_usage`).
    pub expected_relations: i64,
}

pub const SCHEMA_COMMANDS: &[(&str, &str, &str)] = &[
    ("save_label", "LabelEdit", "Array<Label>"),
    ("label_usage", "LabelIdReq", "Usage"),
    ("delete_label", "DeleteLabelReq", "Array<Label>"),
    ("get_settings", "Record<string, never>", "Settings"),
    ("set_settings", "SetSettingsReq", "Settings"),
    ("relation_schema", "Record<string, never>", "RelationSchema"),
    ("save_relation_type", "RelationTypeEdit", "RelationSchema"),
    ("relation_type_usage", "LabelIdReq", "number"),
    ("delete_relation_type", "DeleteRelationTypeReq", "RelationSchema"),
    ("save_attribute", "AttributeEdit", "RelationSchema"),
    ("delete_attribute", "LabelIdReq", "RelationSchema"),
];

pub const SCHEMA_WRITES: &[&str] = &[
    "save_label",
    "delete_label",
    "set_settings",
    "save_relation_type",
    "delete_relation_type",
    "save_attribute",
    "delete_attribute",
];

/// Run a schema or settings command; `None` if `cmd` is not one.
pub(crate) fn run(store: &mut Store, cmd: &str, a: Value) -> Option<Result<Value>> {
    Some(match cmd {
        "save_label" => args::<LabelEdit>(cmd, a).and_then(|e| {
            store.with_tx(|tx| labels::save(tx, &e))?;
            to_json(labels::list(store.conn())?)
        }),
        "label_usage" => {
            args::<LabelIdReq>(cmd, a).and_then(|r| to_json(labels::usage(store.conn(), r.id)?))
        }
        "delete_label" => args::<DeleteLabelReq>(cmd, a).and_then(|r| {
            store.with_tx(|tx| labels::delete(tx, r.id, r.expected_annotations))?;
            to_json(labels::list(store.conn())?)
        }),
        "get_settings" => settings::get(store.conn()).and_then(to_json),
        "set_settings" => {
            args::<SetSettingsReq>(cmd, a).and_then(|r| {
                to_json(store.with_tx(|tx| {
                    settings::set(tx, r.guidelines.as_deref(), r.clitics.as_deref())
                })?)
            })
        }
        _ => return run_relation_schema(store, cmd, a),
    })
}

/// The relation types and span attributes part of the schema; `None` if `cmd` is not one of those.
fn run_relation_schema(store: &mut Store, cmd: &str, a: Value) -> Option<Result<Value>> {
    let schema = |store: &Store| relation_types::schema(store.conn()).and_then(to_json);
    Some(match cmd {
        "relation_schema" => schema(store),
        "save_relation_type" => args::<RelationTypeEdit>(cmd, a).and_then(|e| {
            store.with_tx(|tx| relation_types::save(tx, &e))?;
            schema(store)
        }),
        "relation_type_usage" => args::<LabelIdReq>(cmd, a)
            .and_then(|r| to_json(relation_types::usage(store.conn(), r.id)?)),
        "delete_relation_type" => args::<DeleteRelationTypeReq>(cmd, a).and_then(|r| {
            store.with_tx(|tx| relation_types::delete(tx, r.id, r.expected_relations))?;
            schema(store)
        }),
        "save_attribute" => args::<AttributeEdit>(cmd, a).and_then(|e| {
            store.with_tx(|tx| relation_types::save_attribute(tx, &e))?;
            schema(store)
        }),
        "delete_attribute" => args::<LabelIdReq>(cmd, a).and_then(|r| {
            store.with_tx(|tx| relation_types::delete_attribute(tx, r.id))?;
            schema(store)
        }),
        _ => return None,
    })
}
