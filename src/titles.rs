//! Editing an article's title: only the title changes (never the text), recorded with who and when, and
//! the search index is brought up to date.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use crate::annotations::annotator_id;
use crate::error::{Error, Result};

/// The longest title accepted, in characters (an imported title is cut at 200).
pub const MAX_TITLE: usize = 500;

/// An article's title and its last edit (`None` while it is the imported title).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TitleEdit {
    pub article_id: i64,
    pub title: String,
    /// The analyst who last edited the title.
    pub edited_by: Option<String>,
    /// When, UTC (RFC 3339, ms).
    pub edited_at: Option<String>,
}

/// The title an analyst typed, trimmed; refused when empty, on several lines or too long.
pub fn clean(title: &str) -> Result<String> {
    let t = title.trim();
    if t.is_empty() {
        return Err(Error::Invalid("a title cannot be empty".into()));
    }
    if t.chars().any(|c| c == '\n' || c == '\r') {
        return Err(Error::Invalid("a title is one line: it has a line break".into()));
    }
    let n = t.chars().count();
    if n > MAX_TITLE {
        return Err(Error::Invalid(format!(
            "a title is at most {MAX_TITLE} characters (this one has {n})"
        )));
    }
    Ok(t.to_string())
}

/// Give article `id` a new title by `annotator`; the text, spans and tags are untouched. The article is
/// queued for search again, so its new title is found and the old one no longer is.
pub fn set(tx: &Transaction, id: i64, title: &str, annotator: &str) -> Result<TitleEdit> {
    let title = clean(title)?;
    let old: Option<String> =
        tx.query_row("SELECT title FROM articles WHERE id = ?1", [id], |r| r.get(0)).optional()?;
    let Some(old) = old else {
        return Err(Error::NotFound(format!("there is no article with id {id}")));
    };
    if old == title {
        return get(tx, id);
    }
    let who = annotator_id(tx, annotator)?;
    tx.prepare_cached(
        "UPDATE articles SET title = ?2, title_edited_by = ?3, title_edited_at = ?4 WHERE id = ?1",
    )?
    .execute(params![id, title, who, crate::db::now()])?;
    tx.prepare_cached("DELETE FROM articles_fts WHERE rowid = ?1")?.execute([id])?;
    tx.prepare_cached("INSERT OR IGNORE INTO search_queue (article_id) VALUES (?1)")?
        .execute([id])?;
    get(tx, id)
}

/// Article `id`'s title and who last edited it.
pub fn get(conn: &Connection, id: i64) -> Result<TitleEdit> {
    conn.prepare_cached(
        "SELECT a.title, n.name, a.title_edited_at FROM articles a
         LEFT JOIN annotators n ON n.id = a.title_edited_by WHERE a.id = ?1",
    )?
    .query_row([id], |r| {
        Ok(TitleEdit {
            article_id: id,
            title: r.get(0)?,
            edited_by: r.get(1)?,
            edited_at: r.get(2)?,
        })
    })
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("there is no article with id {id}")))
}
