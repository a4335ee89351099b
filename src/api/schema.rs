//! Label schema and project settings commands of the command API.

use serde::Deserialize;
use ts_rs::TS;

use crate::api::registry::{command, Command};
use crate::api::NoArgs;
use crate::error::Result;
use crate::labels::{self, LabelEdit, Usage};
use crate::model::Label;
use crate::relation_types::{self, AttributeEdit, RelationSchema, RelationTypeEdit};
use crate::settings::{self, Settings};
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
    #[serde(default)]
    #[ts(optional)]
    pub blind: Option<bool>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct DeleteRelationTypeReq {
    pub id: i64,
    /// The number of relations the analyst was shown and confirmed (see `relation_type_usage`).
    pub expected_relations: i64,
}

/// The label schema and settings commands.
pub const COMMANDS: &[Command] = &[
    command!(Store, "save_label", LabelEdit => "Array<Label>", save_label),
    command!(Store, "label_usage", LabelIdReq => Usage, label_usage),
    command!(Store, "delete_label", DeleteLabelReq => "Array<Label>", delete_label),
    command!(Store, "get_settings", "Record<string, never>" => Settings, get_settings),
    command!(Store, "set_settings", SetSettingsReq => Settings, set_settings),
    command!(Store, "relation_schema", "Record<string, never>" => RelationSchema, relation_schema),
    command!(Store, "save_relation_type", RelationTypeEdit => RelationSchema, save_relation_type),
    command!(Store, "relation_type_usage", LabelIdReq => "number", relation_type_usage),
    command!(Store, "delete_relation_type", DeleteRelationTypeReq => RelationSchema, delete_relation_type),
    command!(Store, "save_attribute", AttributeEdit => RelationSchema, save_attribute),
    command!(Store, "delete_attribute", LabelIdReq => RelationSchema, delete_attribute),
];

fn save_label(store: &mut Store, e: LabelEdit) -> Result<Vec<Label>> {
    store.with_tx(|tx| labels::save(tx, &e))?;
    labels::list(store.conn())
}

fn label_usage(store: &mut Store, r: LabelIdReq) -> Result<Usage> {
    labels::usage(store.conn(), r.id)
}

fn delete_label(store: &mut Store, r: DeleteLabelReq) -> Result<Vec<Label>> {
    store.with_tx(|tx| labels::delete(tx, r.id, r.expected_annotations))?;
    labels::list(store.conn())
}

fn get_settings(store: &mut Store, _: NoArgs) -> Result<Settings> {
    settings::get(store.conn())
}

fn set_settings(store: &mut Store, r: SetSettingsReq) -> Result<Settings> {
    store.with_tx(|tx| settings::set(tx, r.guidelines.as_deref(), r.clitics.as_deref(), r.blind))
}

fn relation_schema(store: &mut Store, _: NoArgs) -> Result<RelationSchema> {
    relation_types::schema(store.conn())
}

fn save_relation_type(store: &mut Store, e: RelationTypeEdit) -> Result<RelationSchema> {
    store.with_tx(|tx| relation_types::save(tx, &e))?;
    relation_types::schema(store.conn())
}

fn relation_type_usage(store: &mut Store, r: LabelIdReq) -> Result<i64> {
    relation_types::usage(store.conn(), r.id)
}

fn delete_relation_type(store: &mut Store, r: DeleteRelationTypeReq) -> Result<RelationSchema> {
    store.with_tx(|tx| relation_types::delete(tx, r.id, r.expected_relations))?;
    relation_types::schema(store.conn())
}

fn save_attribute(store: &mut Store, e: AttributeEdit) -> Result<RelationSchema> {
    store.with_tx(|tx| relation_types::save_attribute(tx, &e))?;
    relation_types::schema(store.conn())
}

fn delete_attribute(store: &mut Store, r: LabelIdReq) -> Result<RelationSchema> {
    store.with_tx(|tx| relation_types::delete_attribute(tx, r.id))?;
    relation_types::schema(store.conn())
}
