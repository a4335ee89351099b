//! Relation and span attribute commands of the command API (add, change, delete a relation; set a
//! span's attribute values).

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::annotations::Added;
use crate::api::registry::{by_name, Command};
use crate::api::{args, to_json, Done};
use crate::error::Result;
use crate::model::{Attrs, Relation, Span};
use crate::relations::{self, NewRelation, RelationChange};
use crate::store::Store;

#[derive(Debug, Clone, Deserialize, TS)]
pub struct AddRelationReq {
    pub annotator: String,
    /// The source span's id.
    pub from: i64,
    /// The target span's id.
    pub to: i64,
    /// The relation type's name.
    #[serde(rename = "type")]
    pub rtype: String,
    #[serde(default)]
    #[ts(optional)]
    pub note: Option<String>,
    /// Undo of a delete: the relation comes back with the time it was first made (RFC 3339).
    #[serde(default)]
    #[ts(optional)]
    pub created_at: Option<String>,
}

/// The relation `add_relation` stored, or found already stored (`existing`: the UI records no edit).
#[derive(Debug, Clone, Serialize, TS)]
pub struct AddedRelation {
    #[serde(flatten)]
    pub relation: Relation,
    pub existing: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct UpdateRelationReq {
    pub id: i64,
    pub annotator: String,
    #[serde(default, rename = "type")]
    #[ts(optional, rename = "type")]
    pub rtype: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub note: Option<String>,
    /// Swap source and target.
    #[serde(default)]
    #[ts(optional)]
    pub reverse: Option<bool>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct DeleteRelationReq {
    pub id: i64,
    pub annotator: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct SetSpanAttrsReq {
    pub id: i64,
    pub annotator: String,
    /// The span's whole set of values: one left out is removed.
    #[ts(type = "Record<string, boolean | string>")]
    pub attrs: Attrs,
}

/// The relation and span attribute commands.
pub const COMMANDS: &[Command] = &[
    by_name!(Store, "add_relation", AddRelationReq => AddedRelation, run),
    by_name!(Store, "update_relation", UpdateRelationReq => Relation, run),
    by_name!(Store, "delete_relation", DeleteRelationReq => Done, run),
    by_name!(Store, "set_span_attrs", SetSpanAttrsReq => Span, run),
];

/// Run a relation or attribute command; `None` if `cmd` is not one.
pub(crate) fn run(store: &mut Store, cmd: &str, a: Value) -> Option<Result<Value>> {
    Some(match cmd {
        "add_relation" => args::<AddRelationReq>(cmd, a).and_then(|r| {
            if let Some(t) = r.created_at.as_deref() {
                crate::api::not_in_future(t)?;
            }
            let new = NewRelation {
                from: r.from,
                to: r.to,
                rtype: &r.rtype,
                annotator: &r.annotator,
                note: r.note.as_deref().unwrap_or(""),
                created_at: r.created_at.as_deref(),
            };
            to_json(store.with_tx(|tx| {
                let added = relations::add_relation(tx, &new, false)?;
                Ok(AddedRelation {
                    relation: relations::get_relation(tx, added.id())?,
                    existing: matches!(added, Added::Existing(_)),
                })
            })?)
        }),
        "update_relation" => args::<UpdateRelationReq>(cmd, a).and_then(|r| {
            let change = RelationChange {
                rtype: r.rtype.as_deref(),
                note: r.note.as_deref(),
                reverse: r.reverse.unwrap_or(false),
            };
            to_json(
                store.with_tx(|tx| relations::update_relation(tx, r.id, &r.annotator, &change))?,
            )
        }),
        "delete_relation" => args::<DeleteRelationReq>(cmd, a).and_then(|r| {
            store.with_tx(|tx| relations::delete_relation(tx, r.id, &r.annotator))?;
            to_json(Done { ok: true })
        }),
        "set_span_attrs" => args::<SetSpanAttrsReq>(cmd, a).and_then(|r| {
            let span: Span = store.with_tx(|tx| {
                relations::set_span_attrs(tx, r.id, &r.annotator, &r.attrs)?;
                crate::annotations::get_span(tx, r.id)
            })?;
            to_json(span)
        }),
        _ => return None,
    })
}
