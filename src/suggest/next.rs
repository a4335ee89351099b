//! "Next article" ordered by the suggestions: among an analyst's unfinished articles after the open one, the one
//! where the sequence model is least sure (active learning) or the one with the most suggestions waiting.

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{data, names, store, Model};
use crate::error::Result;

/// How "next article" picks among the unfinished articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NextBy {
    /// The lowest mean, over its sentences, of the model's confidence in the sentence's least sure token.
    LeastSure,
    /// The most suggestions (as the project's switch and threshold make them; rejected forms and places
    /// already labelled left out).
    MostSuggestions,
}

/// The article picked, with its score (mean confidence, or number of suggestions) and how many were looked at.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct NextPick {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub article_id: Option<i64>,
    pub score: f64,
    pub examined: i64,
}

/// Up to `limit` articles `annotator` has not marked done, in id order after `after`, wrapping round
/// (`after` itself, the open one, left out).
pub fn candidates(
    conn: &Connection,
    annotator: &str,
    after: i64,
    limit: usize,
) -> Result<Vec<i64>> {
    let mut st = conn.prepare_cached(
        "SELECT a.id FROM articles a WHERE NOT EXISTS (
             SELECT 1 FROM article_status s JOIN annotators n ON n.id = s.annotator_id
             WHERE s.article_id = a.id AND n.name = ?1 AND s.status = 'done')
           AND a.id > ?2 AND a.id <= ?3 ORDER BY a.id LIMIT ?4",
    )?;
    let mut ids: Vec<i64> = st
        .query_map(params![annotator, after, i64::MAX, limit as i64], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if ids.len() < limit {
        let more = st
            .query_map(
                params![annotator, i64::MIN, after.saturating_sub(1), (limit - ids.len()) as i64],
                |r| r.get(0),
            )?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        ids.extend(more);
    }
    Ok(ids)
}

/// The mean, over the article's sentences, of the model's confidence in each sentence's least sure token
/// (`None` for an article without words).
pub fn sureness(conn: &Connection, model: &Model, article_id: i64) -> Result<Option<f64>> {
    let article = crate::articles::get(conn, article_id)?;
    let mut sum = 0.0;
    let mut n = 0usize;
    for sent in data::sentences_of(article, Vec::new())? {
        let (_, conf) = model.tagger.tag(&names::sentence_with(&sent.words, &model.names));
        if let Some(min) = conf.iter().copied().reduce(f64::min) {
            sum += min;
            n += 1;
        }
    }
    Ok((n > 0).then(|| sum / n as f64))
}

/// Pick the next article among `candidates(annotator, after, limit)`; ties go to the first in that order.
pub fn pick(
    conn: &Connection,
    model: &Model,
    annotator: &str,
    after: i64,
    by: NextBy,
    limit: usize,
) -> Result<NextPick> {
    let ids = candidates(conn, annotator, after, limit)?;
    let mut best: Option<(i64, f64)> = None;
    for &id in &ids {
        let score = match by {
            NextBy::LeastSure => match sureness(conn, model, id)? {
                Some(s) => s,
                None => continue,
            },
            NextBy::MostSuggestions => store::compute(conn, model, id)?.len() as f64,
        };
        let better = match (by, best) {
            (_, None) => true,
            (NextBy::LeastSure, Some((_, b))) => score < b,
            (NextBy::MostSuggestions, Some((_, b))) => score > b,
        };
        if better {
            best = Some((id, score));
        }
    }
    Ok(NextPick {
        article_id: best.map(|b| b.0),
        score: best.map_or(0.0, |b| b.1),
        examined: ids.len() as i64,
    })
}
