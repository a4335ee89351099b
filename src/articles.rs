//! Articles: insert (deduplicated by content hash), fetch, and list.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::error::{Error, Result};
use crate::model::{Article, ArticleSummary, Status};
use crate::text;

/// An article about to be stored. The text is kept exactly as given.
#[derive(Debug, Clone, Default)]
pub struct NewArticle {
    /// External id; when `None`, one is derived from the content hash.
    pub ext_id: Option<String>,
    pub title: String,
    pub text: String,
    pub source: String,
    pub url: String,
    pub published_at: String,
    pub meta: serde_json::Map<String, serde_json::Value>,
}

/// The outcome of [`insert`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    New(i64),
    /// An article with the same text already exists.
    Duplicate(i64),
}

impl Inserted {
    pub fn id(self) -> i64 {
        match self {
            Inserted::New(id) | Inserted::Duplicate(id) => id,
        }
    }
}

/// The title of a plain-text article: its first non-empty line, trimmed.
pub fn title_from_text(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let mut title: String = line.chars().take(200).collect();
    if line.chars().count() > 200 {
        title.push('…');
    }
    title
}

pub fn find_by_hash(conn: &Connection, hash: &str) -> Result<Option<i64>> {
    Ok(conn.prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?.query_row([hash], |r| r.get(0)).optional()?)
}

/// Store an article unless one with the same text exists.
pub fn insert(tx: &Transaction, a: &NewArticle) -> Result<Inserted> {
    if a.text.is_empty() {
        return Err(Error::Invalid("the article text is empty".into()));
    }
    let hash = text::content_hash(&a.text);
    if let Some(id) = find_by_hash(tx, &hash)? {
        return Ok(Inserted::Duplicate(id));
    }
    let ext_id = match &a.ext_id {
        Some(id) if !id.is_empty() => id.clone(),
        _ => hash[..16].to_string(),
    };
    let title = if a.title.trim().is_empty() { title_from_text(&a.text) } else { a.title.clone() };
    tx.prepare_cached(
        "INSERT INTO articles (ext_id, title, text, char_len, source, url, published_at, meta, content_hash, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
            ext_id,
            title,
            a.text,
            text::cp_len(&a.text) as i64,
            a.source,
            a.url,
            a.published_at,
            serde_json::Value::Object(a.meta.clone()).to_string(),
            hash,
            crate::db::now()
        ],
    )?;
    Ok(Inserted::New(tx.last_insert_rowid()))
}

const COLS: &str = "id, ext_id, title, text, source, url, published_at, meta, content_hash, imported_at";

pub(crate) fn from_row(r: &Row) -> rusqlite::Result<Article> {
    let meta: String = r.get(7)?;
    Ok(Article {
        id: r.get(0)?,
        ext_id: r.get(1)?,
        title: r.get(2)?,
        text: r.get(3)?,
        source: r.get(4)?,
        url: r.get(5)?,
        published_at: r.get(6)?,
        meta: serde_json::from_str(&meta).unwrap_or_else(|_| serde_json::json!({})),
        content_hash: r.get(8)?,
        imported_at: r.get(9)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Article> {
    conn.query_row(&format!("SELECT {COLS} FROM articles WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("there is no article with id {id}")))
}

/// Just the text of an article (for span checks).
pub fn text_of(conn: &Connection, id: i64) -> Result<String> {
    conn.query_row("SELECT text FROM articles WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("there is no article with id {id}")))
}

/// Visit every article in id order without loading them all at once.
pub fn for_each(conn: &Connection, mut f: impl FnMut(Article) -> Result<()>) -> Result<()> {
    let mut st = conn.prepare(&format!("SELECT {COLS} FROM articles ORDER BY id"))?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        f(from_row(r)?)?;
    }
    Ok(())
}

pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?)
}

/// How the article list is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Import order.
    #[default]
    Id,
    Title,
    /// Most spans first.
    Spans,
    /// The requesting analyst's unfinished articles first (todo, in progress, done).
    Status,
}

/// What the article list shows. Every field is optional; all given ones must hold.
#[derive(Debug, Clone, Default, serde::Deserialize, ts_rs::TS)]
pub struct ListFilter {
    /// Full-text search (see [`crate::search`]).
    #[serde(default)]
    #[ts(optional)]
    pub query: Option<String>,
    /// Articles carrying this tag (by anyone).
    #[serde(default)]
    #[ts(optional)]
    pub tag: Option<String>,
    /// Articles with a span of this label (by anyone).
    #[serde(default)]
    #[ts(optional)]
    pub label: Option<String>,
    /// The requesting analyst's status.
    #[serde(default)]
    #[ts(optional)]
    pub status: Option<Status>,
    /// Articles this analyst put a span or tag on, or set a status for.
    #[serde(default)]
    #[ts(optional)]
    pub worked_by: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub sort: Option<Sort>,
}

/// A page of the article list, with the given annotator's status for each article. The full-text
/// part sees the articles indexed so far, so run `search::catch_up` first.
pub fn list(conn: &Connection, annotator: &str, f: &ListFilter, offset: i64, limit: i64) -> Result<(i64, Vec<ArticleSummary>)> {
    let expr = f.query.as_deref().and_then(crate::search::match_expression);
    let filter = "(?1 IS NULL OR a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1))
        AND (?2 IS NULL OR EXISTS (SELECT 1 FROM article_tags t JOIN labels l ON l.id = t.label_id WHERE t.article_id = a.id AND l.name = ?2))
        AND (?3 IS NULL OR EXISTS (SELECT 1 FROM spans s JOIN labels l ON l.id = s.label_id WHERE s.article_id = a.id AND l.name = ?3))
        AND (?4 IS NULL OR coalesce((SELECT st.status FROM article_status st JOIN annotators n ON n.id = st.annotator_id
                                     WHERE st.article_id = a.id AND n.name = ?6), 'todo') = ?4)
        AND (?5 IS NULL OR EXISTS (SELECT 1 FROM annotators n WHERE n.name = ?5 AND (
                EXISTS (SELECT 1 FROM spans s WHERE s.article_id = a.id AND s.annotator_id = n.id)
             OR EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.annotator_id = n.id)
             OR EXISTS (SELECT 1 FROM article_status st WHERE st.article_id = a.id AND st.annotator_id = n.id))))";
    let status = f.status.map(Status::as_str);
    let order = match f.sort.unwrap_or_default() {
        Sort::Id => "a.id",
        Sort::Title => "a.title COLLATE NOCASE, a.id",
        Sort::Spans => "span_count DESC, a.id",
        Sort::Status => "CASE coalesce(my_status, 'todo') WHEN 'todo' THEN 0 WHEN 'in_progress' THEN 1 ELSE 2 END, a.id",
    };
    let base = params![expr, f.tag, f.label, status, f.worked_by, annotator];
    let total: i64 = conn.prepare_cached(&format!("SELECT count(*) FROM articles a WHERE {filter}"))?.query_row(base, |r| r.get(0))?;
    let mut st = conn.prepare_cached(&format!(
        "SELECT a.id, a.ext_id, a.title, a.source, a.char_len,
                (SELECT count(*) FROM spans s WHERE s.article_id = a.id) AS span_count,
                (SELECT st.status FROM article_status st JOIN annotators n ON n.id = st.annotator_id
                  WHERE st.article_id = a.id AND n.name = ?6) AS my_status
         FROM articles a WHERE {filter} ORDER BY {order} LIMIT ?7 OFFSET ?8"
    ))?;
    let rows = st.query_map(params![expr, f.tag, f.label, status, f.worked_by, annotator, limit, offset], |r| {
        let status: Option<String> = r.get(6)?;
        Ok(ArticleSummary {
            id: r.get(0)?,
            ext_id: r.get(1)?,
            title: r.get(2)?,
            source: r.get(3)?,
            char_len: r.get(4)?,
            span_count: r.get(5)?,
            status: status.as_deref().and_then(Status::parse).unwrap_or(Status::Todo),
        })
    })?;
    Ok((total, rows.collect::<rusqlite::Result<Vec<_>>>()?))
}
