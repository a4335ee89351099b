//! Per-analyst progress for the dashboard: articles by status, spans per label, tags.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct AnalystProgress {
    pub annotator: String,
    pub done: i64,
    pub in_progress: i64,
    /// Articles with no status from this analyst.
    pub todo: i64,
    pub spans: i64,
    pub tags: i64,
    /// (label, spans) for every span label this analyst used, by label name.
    pub spans_per_label: Vec<(String, i64)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Progress {
    pub articles: i64,
    pub adjudicated: i64,
    pub gold_spans: i64,
    pub analysts: Vec<AnalystProgress>,
}

pub fn progress(conn: &Connection) -> Result<Progress> {
    let articles: i64 = conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
    let mut by: BTreeMap<String, AnalystProgress> = BTreeMap::new();
    let entry = |name: String| -> AnalystProgress {
        AnalystProgress { annotator: name, ..Default::default() }
    };
    let mut st = conn.prepare("SELECT name FROM annotators")?;
    for name in st.query_map([], |r| r.get::<_, String>(0))? {
        let name = name?;
        by.insert(name.clone(), entry(name));
    }
    let mut st = conn.prepare(
        "SELECT n.name, s.status, count(*) FROM article_status s JOIN annotators n ON n.id = s.annotator_id GROUP BY n.name, s.status",
    )?;
    for row in st.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?))
    })? {
        let (name, status, n) = row?;
        let p = by.entry(name.clone()).or_insert_with(|| entry(name));
        match status.as_str() {
            "done" => p.done += n,
            "in_progress" => p.in_progress += n,
            _ => {}
        }
    }
    let mut st = conn.prepare(
        "SELECT n.name, l.name, count(*) FROM spans s JOIN annotators n ON n.id = s.annotator_id JOIN labels l ON l.id = s.label_id
         GROUP BY n.name, l.name ORDER BY n.name, l.name",
    )?;
    for row in st.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?))
    })? {
        let (name, label, n) = row?;
        let p = by.entry(name.clone()).or_insert_with(|| entry(name));
        p.spans += n;
        p.spans_per_label.push((label, n));
    }
    let mut st = conn.prepare("SELECT n.name, count(*) FROM article_tags t JOIN annotators n ON n.id = t.annotator_id GROUP BY n.name")?;
    for row in st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
        let (name, n) = row?;
        by.entry(name.clone()).or_insert_with(|| entry(name)).tags += n;
    }
    let analysts = by
        .into_values()
        .map(|mut p| {
            p.todo = articles - p.done - p.in_progress;
            p
        })
        .collect();
    Ok(Progress {
        articles,
        adjudicated: conn.query_row("SELECT count(*) FROM gold_articles", [], |r| r.get(0))?,
        gold_spans: conn.query_row("SELECT count(*) FROM gold_spans", [], |r| r.get(0))?,
        analysts,
    })
}

/// One analyst's own counts (cheap: the status index only), for the article list's progress bar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, TS)]
pub struct MyProgress {
    pub articles: i64,
    pub done: i64,
    pub in_progress: i64,
    pub todo: i64,
}

pub fn my_progress(conn: &Connection, annotator: &str) -> Result<MyProgress> {
    let articles: i64 =
        conn.query_row("SELECT count(*) FROM articles INDEXED BY articles_by_id", [], |r| {
            r.get(0)
        })?;
    let mut p = MyProgress { articles, ..Default::default() };
    let mut st = conn.prepare_cached(
        "SELECT s.status, count(*) FROM article_status s WHERE s.annotator_id = (SELECT id FROM annotators WHERE name = ?1) GROUP BY s.status",
    )?;
    for row in st.query_map([annotator], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
        match row? {
            (s, n) if s == "done" => p.done = n,
            (s, n) if s == "in_progress" => p.in_progress = n,
            _ => {}
        }
    }
    p.todo = articles - p.done - p.in_progress;
    Ok(p)
}
