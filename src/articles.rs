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

/// The title of a plain-text article: its first non-empty line, trimmed (after the domain and
/// site-name lines a web copy may start with).
pub fn title_from_text(text: &str) -> String {
    // A web copy that starts with its site's domain (and name): the title is the line after them.
    let site = crate::webcopy::site_lines(text);
    let line = text
        .lines()
        .enumerate()
        .filter(|(i, _)| !site.contains(i))
        .map(|(_, l)| l.trim())
        .find(|l| !l.is_empty())
        .or_else(|| text.lines().map(str::trim).find(|l| !l.is_empty()))
        .unwrap_or("");
    let mut title: String = line.chars().take(200).collect();
    if line.chars().count() > 200 {
        title.push('…');
    }
    title
}

pub fn find_by_hash(conn: &Connection, hash: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?
        .query_row([hash], |r| r.get(0))
        .optional()?)
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

const COLS: &str =
    "id, ext_id, title, text, source, url, published_at, meta, content_hash, imported_at";

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
    /// Articles with a span linked to this entity (by anyone; its id in the registry).
    #[serde(default)]
    #[ts(optional)]
    pub entity: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub sort: Option<Sort>,
    /// Blind annotation (the analyst's choice; the command adds the project's setting): span counts,
    /// the order by spans and the tag, label, analyst and entity filters see only the requesting
    /// analyst's work, and others' work on the articles they marked done.
    #[serde(default)]
    #[ts(optional)]
    pub blind: Option<bool>,
}

/// A page of the article list, with the given annotator's status for each article. The full-text
/// part sees the articles indexed so far, so run `search::catch_up` first. `limit` 0 counts only.
///
/// Only the filters given become SQL conditions, and the page's ids are picked before any article
/// row (which carries the text) is read: on 100,000 articles a page costs milliseconds.
pub fn list(
    conn: &Connection,
    annotator: &str,
    f: &ListFilter,
    offset: i64,
    limit: i64,
) -> Result<(i64, Vec<ArticleSummary>)> {
    let me: Option<i64> = conn
        .prepare_cached("SELECT id FROM annotators WHERE name = ?1")?
        .query_row([annotator], |r| r.get(0))
        .optional()?;
    // Under blind annotation only what this analyst may see of others' work counts (`me` is a row id).
    let seen = |alias: &str| match (f.blind.unwrap_or(false), me) {
        (false, _) => "1".to_string(),
        (true, id) => crate::blind::visible(alias, id.unwrap_or(-1)),
    };
    let mut conds: Vec<String> = Vec::new();
    let mut args: Vec<rusqlite::types::Value> = Vec::new();
    let mut arg = |v: rusqlite::types::Value| {
        args.push(v);
        format!("?{}", args.len())
    };
    // A search walks the FTS index's matches in rowid order, joined to the articles: 3 ms for a page and 19 ms
    // for the count when all 100,000 articles match, where `a.id IN (SELECT rowid …)` took 13 and 29 ms (it
    // builds the whole match set first). Other orders keep the IN form (their index gives the order).
    let mut search: Option<String> = None;
    if let Some(q) = f.query.as_deref() {
        match crate::search::match_expression(q) {
            Some(expr) => search = Some(arg(expr.into())),
            None if !q.trim().is_empty() => conds.push("0".into()), // nothing searchable: nothing found
            None => {}
        }
    }
    if let Some(t) = &f.tag {
        conds.push(format!(
            "a.id IN (SELECT t.article_id FROM article_tags t JOIN labels l ON l.id = t.label_id WHERE l.kind = 'tag' AND l.name = {} AND {})",
            arg(t.clone().into()),
            seen("t")
        ));
    }
    if let Some(l) = &f.label {
        // The label or any label under it in the hierarchy (`ORG` finds `ORG.GOV` too).
        conds.push(format!(
            "a.id IN (WITH RECURSIVE family(name) AS (
                          SELECT {} UNION SELECT l.name FROM labels l JOIN family f ON l.parent = f.name WHERE l.kind = 'span')
                      SELECT s.article_id FROM spans s WHERE s.label_id IN
                          (SELECT id FROM labels WHERE kind = 'span' AND name IN (SELECT name FROM family)) AND {})",
            arg(l.clone().into()),
            seen("s")
        ));
    }
    if let Some(st) = f.status {
        let mine = match me {
            Some(id) => arg(id.into()),
            None => "NULL".into(),
        };
        conds.push(match st {
            Status::Todo => format!("a.id NOT IN (SELECT article_id FROM article_status WHERE annotator_id = {mine} AND status != 'todo')"),
            other => format!(
                "a.id IN (SELECT article_id FROM article_status WHERE annotator_id = {mine} AND status = {})",
                arg(other.as_str().to_string().into())
            ),
        });
    }
    if let Some(w) = &f.worked_by {
        let who = arg(w.clone().into());
        let (s, t, st) = (seen("s"), seen("t"), seen("st"));
        conds.push(format!(
            "a.id IN (SELECT s.article_id FROM spans s WHERE s.annotator_id = (SELECT id FROM annotators WHERE name = {who}) AND {s}
                      UNION SELECT t.article_id FROM article_tags t WHERE t.annotator_id = (SELECT id FROM annotators WHERE name = {who}) AND {t}
                      UNION SELECT st.article_id FROM article_status st WHERE st.annotator_id = (SELECT id FROM annotators WHERE name = {who}) AND {st})"
        ));
    }
    if let Some(e) = &f.entity {
        // The entity, or the one it was merged into (links move with a merge); UNION stops on a loop.
        conds.push(format!(
            "a.id IN (WITH RECURSIVE chain(id, next) AS (
                          SELECT id, merged_into FROM entities WHERE key = {}
                          UNION SELECT x.id, x.merged_into FROM entities x JOIN chain c ON x.id = c.next)
                      SELECT s.article_id FROM chain c JOIN span_entities se ON se.entity_id = c.id
                           JOIN spans s ON s.id = se.span_id WHERE c.next IS NULL AND {})",
            arg(e.clone().into()),
            seen("s")
        ));
    }
    let rest = if conds.is_empty() { "1".to_string() } else { conds.join(" AND ") };
    let (fts_from, fts_filter, in_filter) = match &search {
        Some(k) => (
            "articles_fts f JOIN articles a INDEXED BY articles_by_id ON a.id = f.rowid"
                .to_string(),
            format!("articles_fts MATCH {k} AND {rest}"),
            format!(
                "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH {k}) AND {rest}"
            ),
        ),
        None => ("articles a INDEXED BY articles_by_id".to_string(), rest.clone(), rest),
    };
    // With a search and no other filter, the index alone counts (5 ms for 100,000 matches instead of 18 ms):
    // every indexed rowid is an article, since articles are never deleted and are indexed after they commit.
    let count_sql = match &search {
        Some(k) if conds.is_empty() => {
            format!("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH {k}")
        }
        _ => format!("SELECT count(*) FROM {fts_from} WHERE {fts_filter}"),
    };
    let total: i64 = conn
        .prepare_cached(&count_sql)?
        .query_row(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?;
    if limit == 0 {
        return Ok((total, Vec::new()));
    }
    let mine = me.unwrap_or(-1);
    // The page's ids first, from narrow indexes; then those articles' columns.
    let (from, filter, order) = match f.sort.unwrap_or_default() {
        Sort::Id => (fts_from, fts_filter, if search.is_some() { "f.rowid" } else { "a.id" }.to_string()),
        Sort::Title => ("articles a INDEXED BY articles_by_title".to_string(), in_filter, "a.title COLLATE NOCASE, a.id".to_string()),
        Sort::Spans => (
            format!("articles a INDEXED BY articles_by_id LEFT JOIN (SELECT article_id, count(*) AS n FROM spans s WHERE {} GROUP BY article_id) c ON c.article_id = a.id", seen("s")),
            in_filter,
            "coalesce(c.n, 0) DESC, a.id".to_string(),
        ),
        Sort::Status => (
            format!("articles a INDEXED BY articles_by_id LEFT JOIN article_status ms ON ms.article_id = a.id AND ms.annotator_id = {mine}"),
            in_filter,
            "CASE coalesce(ms.status, 'todo') WHEN 'todo' THEN 0 WHEN 'in_progress' THEN 1 ELSE 2 END, a.id".to_string(),
        ),
    };
    let (lim, off) = (args.len() + 1, args.len() + 2);
    args.push(limit.into());
    args.push(offset.into());
    let ids: Vec<i64> = conn
        .prepare_cached(&format!(
            "SELECT a.id FROM {from} WHERE {filter} ORDER BY {order} LIMIT ?{lim} OFFSET ?{off}"
        ))?
        .query_map(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut row = conn.prepare_cached(&format!(
        "SELECT a.id, a.ext_id, a.title, a.source, a.char_len,
                (SELECT count(*) FROM spans s WHERE s.article_id = a.id AND {}),
                (SELECT st.status FROM article_status st WHERE st.article_id = a.id AND st.annotator_id = ?2)
         FROM articles a WHERE a.id = ?1",
        seen("s")
    ))?;
    let mut items = Vec::with_capacity(ids.len());
    for id in ids {
        items.push(row.query_row(params![id, mine], |r| {
            let status: Option<String> = r.get(6)?;
            Ok(ArticleSummary {
                id: r.get(0)?,
                ext_id: r.get(1)?,
                title: r.get(2)?,
                source: r.get(3)?,
                char_len: r.get(4)?,
                span_count: r.get(5)?,
                status: status.as_deref().and_then(Status::parse).unwrap_or(Status::Todo),
                snippet: None,
            })
        })?);
    }
    // Why each article matched: its first hit in the text, with context (a page is at most a few
    // hundred articles; scanning their texts costs a few milliseconds).
    let terms = f.query.as_deref().map(crate::search::terms).unwrap_or_default();
    if !terms.is_empty() {
        let mut text = conn.prepare_cached("SELECT text FROM articles WHERE id = ?1")?;
        for item in &mut items {
            let t: String = text.query_row([item.id], |r| r.get(0))?;
            item.snippet = crate::search::snippet(&t, &terms);
        }
    }
    Ok((total, items))
}
