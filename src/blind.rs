//! Blind annotation beyond the open article: what of the others' work an analyst annotating blind may
//! see in the article list and the entity view — their own, and everything on articles they marked done.

use rusqlite::{Connection, OptionalExtension};

use crate::error::Result;

/// Blind for this request: the project's setting, or the analyst's own choice.
pub fn on(conn: &Connection, chosen: Option<bool>) -> Result<bool> {
    Ok(chosen.unwrap_or(false) || crate::settings::get(conn)?.blind)
}

/// The analyst's row id (-1 for a name never seen: then nothing is theirs and nothing is done).
pub fn analyst_id(conn: &Connection, name: &str) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT id FROM annotators WHERE name = ?1")?
        .query_row([name.trim()], |r| r.get(0))
        .optional()?
        .unwrap_or(-1))
}

/// A SQL condition on a row of `spans`, `article_tags` or `article_status` aliased `alias`: the analyst
/// `me` (a row id, not user text) may see it — their own, or on an article they marked done.
pub fn visible(alias: &str, me: i64) -> String {
    format!(
        "({alias}.annotator_id = {me} OR {alias}.article_id IN \
         (SELECT article_id FROM article_status WHERE annotator_id = {me} AND status = 'done'))"
    )
}
