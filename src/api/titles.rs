//! The title command: an analyst renames an article (only its title; the text never changes).

use serde::Deserialize;
use ts_rs::TS;

use crate::api::registry::{command, Command};
use crate::error::Result;
use crate::store::Store;
use crate::titles::{self, TitleEdit};

#[derive(Debug, Clone, Deserialize, TS)]
pub struct SetTitleReq {
    pub article_id: i64,
    pub annotator: String,
    /// The new title (trimmed; refused when empty).
    pub title: String,
}

pub const COMMANDS: &[Command] =
    &[command!(Store, "set_title", SetTitleReq => TitleEdit, set_title)];

fn set_title(store: &mut Store, r: SetTitleReq) -> Result<TitleEdit> {
    store.with_tx(|tx| titles::set(tx, r.article_id, &r.title, &r.annotator))
}
