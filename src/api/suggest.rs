//! Suggestion commands of the command API: train (detached, cancellable), the suggestions on an
//! article, accept and reject them, the per-project switch and threshold, and "next article" by them.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::api::registry::{by_name, Command};
use crate::api::{args, jobs, to_json};
use crate::error::{Error, Result};
use crate::model::Span;
use crate::store::Store;
use crate::suggest::next::{self, NextBy};
use crate::suggest::run::{self, Trained};
use crate::suggest::store::{self as sstore, SuggestSettings, Suggestion};
use crate::suggest::Mode;

#[derive(Debug, Clone, Deserialize, TS)]
pub struct SuggestTrainReq {
    /// Learn from these analysts (default: everyone; the gold layer where a reviewer decided).
    #[serde(default)]
    #[ts(optional)]
    pub annotators: Option<Vec<String>>,
    /// Name the training so `job_status` can follow it and `cancel_job` stop it.
    #[serde(default)]
    #[ts(optional)]
    pub job: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SuggestState {
    pub settings: SuggestSettings,
    /// The stored model's record and held-out scores; absent before the first training.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub trained: Option<Trained>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct SuggestionsReq {
    pub article_id: i64,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct SuggestionIdsReq {
    pub ids: Vec<i64>,
    pub annotator: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Rejected {
    /// Waiting suggestions removed (the rejected ones and others of the same form and label).
    pub removed: i64,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct SetSuggestSettingsReq {
    #[serde(default)]
    #[ts(optional)]
    pub mode: Option<Mode>,
    #[serde(default)]
    #[ts(optional)]
    pub threshold: Option<f64>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct SuggestNextReq {
    /// Whose unfinished articles (not marked done by this analyst).
    pub annotator: String,
    /// The open article: the search starts after it, in id order, and wraps round.
    #[serde(default)]
    #[ts(optional)]
    pub after: Option<i64>,
    pub by: NextBy,
    /// How many unfinished articles to look at (default 100, at most 5,000).
    #[serde(default)]
    #[ts(optional)]
    pub limit: Option<i64>,
}

/// The suggestion commands (training runs on a connection of its own, like an import).
pub const COMMANDS: &[Command] = &[
    by_name!(Store, "suggest_state", "Record<string, never>" => SuggestState, run),
    by_name!(Detached, "suggest_train", SuggestTrainReq => Trained, run),
    by_name!(Store, "suggestions", SuggestionsReq => "Array<Suggestion>", run),
    by_name!(Store, "accept_suggestions", SuggestionIdsReq => "Array<Span>", run),
    by_name!(Store, "reject_suggestions", SuggestionIdsReq => Rejected, run),
    by_name!(Store, "set_suggest_settings", SetSuggestSettingsReq => SuggestSettings, run),
    by_name!(Store, "suggest_next", SuggestNextReq => NextPick, run),
];

/// The suggestions on an article, computed afresh with the stored model (none before training or
/// when the switch is off).
fn suggestions(store: &mut Store, article_id: i64) -> Result<Vec<Suggestion>> {
    let conn = store.conn();
    crate::articles::text_of(conn, article_id)?;
    let model = match sstore::settings(conn)?.mode {
        Mode::Off => None,
        _ => sstore::load_model(conn)?,
    };
    let pending = match &model {
        Some(m) => sstore::compute(conn, m, article_id)?,
        None => Vec::new(),
    };
    store.with_tx(|tx| sstore::replace(tx, article_id, &pending))?;
    sstore::list(store.conn(), article_id)
}

fn train(store: &mut Store, r: SuggestTrainReq) -> Result<Trained> {
    let job = r.job.as_deref().map(jobs::register).transpose()?;
    let control = job.as_ref().map(|j| j.control.clone()).unwrap_or_default();
    control.set_total(1);
    control.start_file("training");
    let result =
        run::train(store.conn_mut(), &r.annotators.unwrap_or_default(), &|| control.is_cancelled());
    drop(job);
    result
}

/// Run a suggestion command; `None` if `cmd` is not one.
pub(crate) fn run(store: &mut Store, cmd: &str, a: Value) -> Option<Result<Value>> {
    Some(match cmd {
        "suggest_state" => (|| {
            to_json(SuggestState {
                settings: sstore::settings(store.conn())?,
                trained: run::last_trained(store.conn())?,
            })
        })(),
        "suggest_train" => args::<SuggestTrainReq>(cmd, a).and_then(|r| to_json(train(store, r)?)),
        "suggestions" => {
            args::<SuggestionsReq>(cmd, a).and_then(|r| to_json(suggestions(store, r.article_id)?))
        }
        "accept_suggestions" => args::<SuggestionIdsReq>(cmd, a).and_then(|r| {
            let spans: Vec<Span> = store.with_tx(|tx| sstore::accept(tx, &r.ids, &r.annotator))?;
            to_json(spans)
        }),
        "reject_suggestions" => args::<SuggestionIdsReq>(cmd, a).and_then(|r| {
            let n = store.with_tx(|tx| sstore::reject(tx, &r.ids, &r.annotator))?;
            to_json(Rejected { removed: n as i64 })
        }),
        "set_suggest_settings" => args::<SetSuggestSettingsReq>(cmd, a).and_then(|r| {
            if r.mode.is_none() && r.threshold.is_none() {
                return Err(Error::Invalid("nothing to change: give mode or threshold".into()));
            }
            to_json(store.with_tx(|tx| sstore::set_settings(tx, r.mode, r.threshold))?)
        }),
        "suggest_next" => args::<SuggestNextReq>(cmd, a).and_then(|r| {
            let conn = store.conn();
            let model = sstore::load_model(conn)?
                .ok_or_else(|| Error::Invalid("no suggestion model yet: train one first".into()))?;
            let limit = r.limit.unwrap_or(100).clamp(1, 5000) as usize;
            to_json(next::pick(conn, &model, &r.annotator, r.after.unwrap_or(0), r.by, limit)?)
        }),
        _ => return None,
    })
}
