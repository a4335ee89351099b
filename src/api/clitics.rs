//! The clitic model's command: where each word of an article starts its stem, so the UI snaps
//! selections with the core's model (`crate::clitics`) instead of a copy of its own.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::api::registry::{by_name, Command};
use crate::api::{args, to_json};
use crate::error::Result;
use crate::store::Store;

#[derive(Debug, Clone, Deserialize, TS)]
pub struct CliticCutsReq {
    pub article_id: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CliticCuts {
    /// `[word_start, stem_start]` in code points for every word with a clitic prefix: where a
    /// selection of the word starts with the setting "exclude", and where a token export splits it.
    pub cuts: Vec<(i64, i64)>,
}

/// The clitic model as the UI snaps with it.
pub const COMMANDS: &[Command] =
    &[by_name!(Store, "clitic_cuts", CliticCutsReq => CliticCuts, run)];

/// Run a clitic command; `None` if `cmd` is not one.
pub(crate) fn run(store: &mut Store, cmd: &str, a: Value) -> Option<Result<Value>> {
    Some(match cmd {
        "clitic_cuts" => args::<CliticCutsReq>(cmd, a).and_then(|r| {
            let text = crate::articles::text_of(store.conn(), r.article_id)?;
            let cuts =
                crate::snap::cuts(&text).into_iter().map(|[w, s]| (w as i64, s as i64)).collect();
            to_json(CliticCuts { cuts })
        }),
        _ => return None,
    })
}
