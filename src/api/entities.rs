//! Entity registry commands of the command API: list, view, create (from a span), edit, aliases, link a
//! span (with ranked proposals), link all mentions (and undo), merge (and undo), split.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::api::registry::{by_name, Command};
use crate::api::{args, to_json, Done};
use crate::entities::{self, EntityChange, LinkedMentions, Mention, MentionPlace, NewEntity};
use crate::error::{Error, Result};
use crate::store::Store;

#[derive(Debug, Clone, Deserialize, TS)]
pub struct ListEntitiesReq {
    /// Only entities of this type (span label).
    #[serde(default)]
    #[ts(optional)]
    pub label: Option<String>,
    /// Only those with a name or alias containing this (normalised).
    #[serde(default)]
    #[ts(optional)]
    pub query: Option<String>,
    /// The analyst asking: under blind annotation (the project's setting, or `blind`) mentions count
    /// only where they may see them (their own; others' on articles they marked done).
    #[serde(default)]
    #[ts(optional)]
    pub annotator: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub blind: Option<bool>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct EntityIdReq {
    pub id: String,
}

/// The entity view, as an analyst may see it (blind annotation: like `ListEntitiesReq`).
#[derive(Debug, Clone, Deserialize, TS)]
pub struct EntityViewReq {
    pub id: String,
    #[serde(default)]
    #[ts(optional)]
    pub annotator: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub blind: Option<bool>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct CreateEntityReq {
    pub annotator: String,
    /// Create from this span of the annotator's: its text is the name, its label the type; it is linked.
    #[serde(default)]
    #[ts(optional)]
    pub span_id: Option<i64>,
    /// Otherwise, the type and name.
    #[serde(default)]
    #[ts(optional)]
    pub label: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub name: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub latin: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub description: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub external_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub aliases: Option<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct UpdateEntityReq {
    pub id: String,
    #[serde(flatten)]
    pub change: EntityChange,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct AliasReq {
    pub id: String,
    pub alias: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct LinkSpanReq {
    pub annotator: String,
    pub span_id: i64,
    /// The entity to link to; none (null) unlinks.
    #[serde(default)]
    #[ts(optional)]
    pub entity: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct LinkSpanResult {
    pub span: crate::model::Span,
    /// The entity it was linked to before (to undo).
    pub before: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct ProposalsReq {
    pub span_id: i64,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct MentionsReq {
    pub id: String,
    /// Whose spans count as labelled (and who would link).
    pub annotator: String,
    /// At most this many (default 2,000).
    #[serde(default)]
    #[ts(optional)]
    pub limit: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct MentionsResult {
    pub items: Vec<Mention>,
    /// True when `limit` cut the list.
    pub truncated: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct LinkMentionsReq {
    pub id: String,
    pub annotator: String,
    pub places: Vec<MentionPlace>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct UndoLinkMentionsReq {
    pub annotator: String,
    pub done: LinkedMentions,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct MergeEntitiesReq {
    pub annotator: String,
    /// The entity that stays.
    pub into: String,
    /// The entity merged into it.
    pub from: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct MergeResult {
    /// Undoes it (`unmerge_entities`).
    pub merge_id: i64,
    pub entity: entities::Entity,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct UnmergeReq {
    pub merge_id: i64,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct SplitEntityReq {
    pub annotator: String,
    pub id: String,
    /// Aliases that move to the new entity (named after the first).
    pub aliases: Vec<String>,
}

/// The entity registry's commands.
pub const COMMANDS: &[Command] = &[
    by_name!(Store, "list_entities", ListEntitiesReq => "Array<EntitySummary>", run),
    by_name!(Store, "get_entity", EntityViewReq => EntityView, run),
    by_name!(Store, "create_entity", CreateEntityReq => Entity, run),
    by_name!(Store, "update_entity", UpdateEntityReq => Entity, run),
    by_name!(Store, "add_alias", AliasReq => Entity, run),
    by_name!(Store, "remove_alias", AliasReq => Entity, run),
    by_name!(Store, "link_span", LinkSpanReq => LinkSpanResult, run),
    by_name!(Store, "entity_proposals", ProposalsReq => "Array<Proposal>", run),
    by_name!(Store, "entity_mentions", MentionsReq => MentionsResult, run),
    by_name!(Store, "link_mentions", LinkMentionsReq => LinkedMentions, run),
    by_name!(Store, "undo_link_mentions", UndoLinkMentionsReq => Done, run),
    by_name!(Store, "merge_entities", MergeEntitiesReq => MergeResult, run),
    by_name!(Store, "unmerge_entities", UnmergeReq => Done, run),
    by_name!(Store, "split_entity", SplitEntityReq => Entity, run),
];

fn create(store: &mut Store, r: CreateEntityReq) -> Result<entities::Entity> {
    let key = store.with_tx(|tx| {
        if let Some(span) = r.span_id {
            return entities::create_from_span(tx, span, &r.annotator);
        }
        let (Some(label), Some(name)) = (r.label.as_deref(), r.name.as_deref()) else {
            return Err(Error::Invalid("a new entity needs a span, or a label and a name".into()));
        };
        let aliases = r.aliases.clone().unwrap_or_default();
        entities::create(
            tx,
            &NewEntity {
                id: None,
                label,
                name,
                latin: r.latin.as_deref().unwrap_or(""),
                description: r.description.as_deref().unwrap_or(""),
                external_id: r.external_id.as_deref().unwrap_or(""),
                aliases: &aliases,
                created_by: &r.annotator,
            },
        )
    })?;
    entities::get(store.conn(), &key)
}

/// Every mention, project-wide: the search index is brought up to date first.
pub fn mentions(store: &mut Store, r: &MentionsReq) -> Result<MentionsResult> {
    crate::search::catch_up(store.conn_mut(), 500, |_, _| {})?;
    let limit = r.limit.unwrap_or(2000).clamp(1, 100_000) as usize;
    let mut items = entities::mentions(store.conn(), &r.id, &r.annotator, limit + 1)?;
    let truncated = items.len() > limit;
    items.truncate(limit);
    Ok(MentionsResult { items, truncated })
}

/// The analyst a blind view is for (their row id): one is named and blind annotation is on.
fn seen_by(store: &Store, annotator: Option<&str>, chosen: Option<bool>) -> Result<Option<i64>> {
    match annotator {
        Some(me) if crate::blind::on(store.conn(), chosen)? => {
            Ok(Some(crate::blind::analyst_id(store.conn(), me)?))
        }
        _ => Ok(None),
    }
}

/// Run an entity command; `None` if `cmd` is not one.
pub(crate) fn run(store: &mut Store, cmd: &str, a: Value) -> Option<Result<Value>> {
    Some(match cmd {
        "list_entities" => args::<ListEntitiesReq>(cmd, a).and_then(|r| {
            let seen = seen_by(store, r.annotator.as_deref(), r.blind)?;
            to_json(entities::list(store.conn(), r.label.as_deref(), r.query.as_deref(), seen)?)
        }),
        "get_entity" => args::<EntityViewReq>(cmd, a).and_then(|r| {
            let seen = seen_by(store, r.annotator.as_deref(), r.blind)?;
            to_json(entities::view(store.conn(), &r.id, seen)?)
        }),
        "create_entity" => args::<CreateEntityReq>(cmd, a).and_then(|r| to_json(create(store, r)?)),
        "update_entity" => args::<UpdateEntityReq>(cmd, a)
            .and_then(|r| to_json(store.with_tx(|tx| entities::update(tx, &r.id, &r.change))?)),
        "add_alias" | "remove_alias" => args::<AliasReq>(cmd, a).and_then(|r| {
            store.with_tx(|tx| {
                let id = entities::row_id(tx, &r.id)?;
                if cmd == "add_alias" {
                    entities::add_alias(tx, id, &r.alias)
                } else {
                    entities::remove_alias(tx, id, &r.alias)
                }
            })?;
            to_json(entities::get(store.conn(), &r.id)?)
        }),
        "link_span" => args::<LinkSpanReq>(cmd, a).and_then(|r| {
            let before = store
                .with_tx(|tx| entities::link(tx, r.span_id, &r.annotator, r.entity.as_deref()))?;
            let span = crate::annotations::get_span(store.conn(), r.span_id)?;
            to_json(LinkSpanResult { span, before })
        }),
        "entity_proposals" => args::<ProposalsReq>(cmd, a).and_then(|r| {
            let span = crate::annotations::get_span(store.conn(), r.span_id)?;
            to_json(entities::proposals(store.conn(), &span.text, &span.label)?)
        }),
        "entity_mentions" => {
            args::<MentionsReq>(cmd, a).and_then(|r| to_json(mentions(store, &r)?))
        }
        "link_mentions" => args::<LinkMentionsReq>(cmd, a).and_then(|r| {
            to_json(
                store.with_tx(|tx| entities::link_mentions(tx, &r.id, &r.annotator, &r.places))?,
            )
        }),
        "undo_link_mentions" => args::<UndoLinkMentionsReq>(cmd, a).and_then(|r| {
            store.with_tx(|tx| entities::undo_link_mentions(tx, &r.annotator, &r.done))?;
            to_json(Done { ok: true })
        }),
        "merge_entities" => args::<MergeEntitiesReq>(cmd, a).and_then(|r| {
            let merge_id =
                store.with_tx(|tx| entities::merge(tx, &r.into, &r.from, &r.annotator))?;
            to_json(MergeResult { merge_id, entity: entities::get(store.conn(), &r.into)? })
        }),
        "unmerge_entities" => args::<UnmergeReq>(cmd, a).and_then(|r| {
            store.with_tx(|tx| entities::unmerge(tx, r.merge_id))?;
            to_json(Done { ok: true })
        }),
        "split_entity" => args::<SplitEntityReq>(cmd, a).and_then(|r| {
            let key = store.with_tx(|tx| entities::split(tx, &r.id, &r.aliases, &r.annotator))?;
            to_json(entities::get(store.conn(), &key)?)
        }),
        _ => return None,
    })
}
