//! Label schema and project settings commands of the command API.

use serde::Deserialize;
use serde_json::Value;
use ts_rs::TS;

use crate::api::{args, to_json};
use crate::error::Result;
use crate::labels::{self, LabelEdit};
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
    #[serde(default)]
    #[ts(optional)]
    pub blind: Option<bool>,
}

pub const SCHEMA_COMMANDS: &[(&str, &str, &str)] = &[
    ("save_label", "LabelEdit", "Array<Label>"),
    ("label_usage", "LabelIdReq", "Usage"),
    ("delete_label", "DeleteLabelReq", "Array<Label>"),
    ("get_settings", "Record<string, never>", "Settings"),
    ("set_settings", "SetSettingsReq", "Settings"),
];

pub const SCHEMA_WRITES: &[&str] = &["save_label", "delete_label", "set_settings"];

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
        "set_settings" => args::<SetSettingsReq>(cmd, a).and_then(|r| {
            to_json(store.with_tx(|tx| {
                settings::set(tx, r.guidelines.as_deref(), r.clitics.as_deref(), r.blind)
            })?)
        }),
        _ => return None,
    })
}
