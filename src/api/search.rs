//! The search-hits command: where the article list's search hits the open article, so the view can mark them.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::api::registry::{by_name, Command};
use crate::api::{args, to_json};
use crate::error::Result;
use crate::store::Store;
use crate::{articles, search};

#[derive(Debug, Clone, Deserialize, TS)]
pub struct SearchHitsReq {
    pub article_id: i64,
    /// What the analyst typed in the search box (`word*` for a prefix).
    pub query: String,
}

/// One hit: a whole word as written, code points `[start, end)`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SearchHit {
    pub start: i64,
    pub end: i64,
}

/// Where a search matched inside one article (the opened article marks them).
pub const COMMANDS: &[Command] =
    &[by_name!(Store, "search_hits", SearchHitsReq => "Array<SearchHit>", run)];

fn hits(store: &Store, r: SearchHitsReq) -> Result<Vec<SearchHit>> {
    let text = articles::text_of(store.conn(), r.article_id)?;
    let terms = search::terms(&r.query);
    Ok(search::hits(&text, &terms)
        .into_iter()
        .map(|(s, e)| SearchHit { start: s as i64, end: e as i64 })
        .collect())
}

/// Run a search command; `None` if `cmd` is not one.
pub(crate) fn run(store: &mut Store, cmd: &str, a: Value) -> Option<Result<Value>> {
    Some(match cmd {
        "search_hits" => args::<SearchHitsReq>(cmd, a).and_then(|r| to_json(hits(store, r)?)),
        _ => return None,
    })
}
