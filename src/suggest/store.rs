//! Suggestions in the project file: the model and what it learnt from, the suggestions waiting
//! on each article (apart from spans), accepting them (they become the analyst's spans, marked
//! `origin = suggestion`), rejecting them, and the per-project switch and threshold.

use std::collections::HashSet;
use std::sync::{Arc, LazyLock, Mutex};

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::names::Names;
use super::{data, features, matcher, Mode, Model, ModelInfo};
use crate::annotations::{self, NewSpan};
use crate::error::{Error, Result};
use crate::model::Span;
use crate::text::CharIndex;

/// A suggestion waiting on an article. Offsets are code points, end exclusive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Suggestion {
    pub id: i64,
    pub article_id: i64,
    pub start: i64,
    pub end: i64,
    pub label: String,
    pub text: String,
    pub score: f64,
    /// "matcher" or "model".
    pub source: String,
}

/// The per-project switch and confidence threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SuggestSettings {
    pub mode: Mode,
    /// Suggestions scoring below this (0–1) are not shown.
    pub threshold: f64,
}

impl Default for SuggestSettings {
    fn default() -> Self {
        SuggestSettings { mode: Mode::Both, threshold: 0.5 }
    }
}

fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}

pub fn settings(conn: &Connection) -> Result<SuggestSettings> {
    let d = SuggestSettings::default();
    Ok(SuggestSettings {
        mode: match setting(conn, "suggest_mode")? {
            Some(m) => Mode::parse(&m)?,
            None => d.mode,
        },
        threshold: setting(conn, "suggest_threshold")?
            .and_then(|t| t.parse().ok())
            .unwrap_or(d.threshold),
    })
}

pub fn set_settings(
    tx: &Transaction,
    mode: Option<Mode>,
    threshold: Option<f64>,
) -> Result<SuggestSettings> {
    if let Some(t) = threshold {
        if !(0.0..=1.0).contains(&t) {
            return Err(Error::Invalid(format!("the threshold must be between 0 and 1, not {t}")));
        }
    }
    let mode = mode.map(|m| match m {
        Mode::Off => "off",
        Mode::Matcher => "matcher",
        Mode::Both => "both",
    });
    for (key, value) in [
        ("suggest_mode", mode.map(str::to_string)),
        ("suggest_threshold", threshold.map(|t| t.to_string())),
    ] {
        if let Some(v) = value {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, v],
            )?;
        }
    }
    settings(tx)
}

/// Store a trained model (replacing the previous one); returns its record with the stored size.
pub fn save_model(tx: &Transaction, model: &Model) -> Result<ModelInfo> {
    let tagger = model.tagger.to_bytes();
    let matcher = serde_json::to_string(&model.matcher)?;
    let mut info = model.info.clone();
    info.bytes = (tagger.len() + matcher.len()) as i64;
    tx.execute(
        "INSERT INTO suggest_model (id, tagger, matcher, info) VALUES (1, ?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET tagger = excluded.tagger, matcher = excluded.matcher, info = excluded.info",
        params![tagger, matcher, serde_json::to_string(&info)?],
    )?;
    Ok(info)
}

/// What the stored model was trained on, if there is one.
pub fn model_info(conn: &Connection) -> Result<Option<ModelInfo>> {
    let info: Option<String> = conn
        .query_row("SELECT info FROM suggest_model WHERE id = 1", [], |r| r.get(0))
        .optional()?;
    info.map(|i| serde_json::from_str(&i).map_err(Error::from)).transpose()
}

/// The last model read, kept so suggesting for one article does not parse it again.
type Cached = Option<(String, Arc<Model>)>;
static CACHE: LazyLock<Mutex<Cached>> = LazyLock::new(|| Mutex::new(None));

/// The entity registry's aliases with their entity's type (a span label), for the labeller's gazetteer
/// features.
pub fn registry_rows(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut st = conn.prepare_cached(
        "SELECT a.alias, l.name FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
         JOIN labels l ON l.id = e.label_id ORDER BY a.alias, l.name",
    )?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn registry_names(conn: &Connection) -> Result<Names> {
    let rows = registry_rows(conn)?;
    Ok(Names::new(rows.iter().map(|(a, l)| (a.as_str(), l.as_str()))))
}

/// The stored model, with the matcher's votes lowered by every rejection and the registry's names
/// for the labeller; `None` before any training.
pub fn load_model(conn: &Connection) -> Result<Option<Arc<Model>>> {
    let Some(info) = model_info(conn)? else { return Ok(None) };
    let rejected: i64 =
        conn.query_row("SELECT count(*) FROM suggestion_rejections", [], |r| r.get(0))?;
    let registry = registry_rows(conn)?;
    let names_key =
        registry.iter().fold(0u64, |h, (a, l)| h.rotate_left(5) ^ features::hash2(a, l));
    let file = conn.path().unwrap_or("").to_string();
    let key = format!("{file}\n{}\n{rejected}\n{}\n{names_key}", info.trained_at, registry.len());
    if let Ok(cache) = CACHE.lock() {
        if let Some((k, m)) = cache.as_ref() {
            if *k == key && !file.is_empty() {
                return Ok(Some(m.clone()));
            }
        }
    }
    let (tagger, matcher): (Vec<u8>, String) =
        conn.query_row("SELECT tagger, matcher FROM suggest_model WHERE id = 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let mut model = Model {
        tagger: super::tagger::Tagger::from_bytes(&tagger)?,
        matcher: serde_json::from_str(&matcher)?,
        info,
        names: Names::new(registry.iter().map(|(a, l)| (a.as_str(), l.as_str()))),
    };
    model.matcher.index();
    let mut st = conn
        .prepare("SELECT form, label, count(*) FROM suggestion_rejections GROUP BY form, label")?;
    let rows = st.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?))
    })?;
    for row in rows {
        let (form, label, n) = row?;
        model.matcher.reject(&form, &label, n);
    }
    let model = Arc::new(model);
    if let Ok(mut cache) = CACHE.lock() {
        *cache = Some((key, model.clone()));
    }
    Ok(Some(model))
}

fn rejected_pairs(conn: &Connection) -> Result<HashSet<(String, String)>> {
    let mut st = conn.prepare_cached("SELECT DISTINCT form, label FROM suggestion_rejections")?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A suggestion before it is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub form: String,
    pub score: f64,
    pub source: &'static str,
}

/// What the recommenders suggest on an article as the settings say, leaving out rejected forms
/// and places an analyst already labelled (any overlap with a span of anyone's).
pub fn compute(conn: &Connection, model: &Model, article_id: i64) -> Result<Vec<Pending>> {
    let s = settings(conn)?;
    let article = crate::articles::get(conn, article_id)?;
    let spans = annotations::spans_of(conn, article_id, &article.text)?;
    let rejected = rejected_pairs(conn)?;
    let mut out = Vec::new();
    for sent in data::sentences_of(article, Vec::new())? {
        for h in super::suggest(model, &sent.words, s.mode, s.threshold) {
            let (start, end) = (sent.tokens[h.first].start, sent.tokens[h.last - 1].end);
            let form = matcher::form_key(&sent.words[h.first..h.last]);
            if rejected.contains(&(form.clone(), h.label.clone()))
                || spans.iter().any(|x| (x.start as usize) < end && start < x.end as usize)
            {
                continue;
            }
            out.push(Pending {
                start,
                end,
                label: h.label,
                form,
                score: h.score,
                source: h.by.as_str(),
            });
        }
    }
    Ok(out)
}

/// Replace an article's waiting suggestions with `pending`.
pub fn replace(tx: &Transaction, article_id: i64, pending: &[Pending]) -> Result<usize> {
    tx.execute("DELETE FROM suggestions WHERE article_id = ?1", [article_id])?;
    let mut put = tx.prepare_cached(
        "INSERT OR IGNORE INTO suggestions (article_id, start, end, label, form, score, source, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let now = crate::db::now();
    for p in pending {
        put.execute(params![
            article_id,
            p.start as i64,
            p.end as i64,
            p.label,
            p.form,
            p.score,
            p.source,
            now
        ])?;
    }
    Ok(pending.len())
}

/// The suggestions waiting on an article, by position.
pub fn list(conn: &Connection, article_id: i64) -> Result<Vec<Suggestion>> {
    let text = crate::articles::text_of(conn, article_id)?;
    let idx = CharIndex::new(&text);
    let mut st = conn.prepare_cached(
        "SELECT id, start, end, label, score, source FROM suggestions WHERE article_id = ?1 ORDER BY start, end, label",
    )?;
    let rows = st.query_map([article_id], |r| {
        let (start, end): (i64, i64) = (r.get(1)?, r.get(2)?);
        Ok(Suggestion {
            id: r.get(0)?,
            article_id,
            start,
            end,
            label: r.get(3)?,
            text: idx.slice(start as usize, end as usize).unwrap_or("").to_string(),
            score: r.get(4)?,
            source: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn row(tx: &Transaction, id: i64) -> Result<(i64, i64, i64, String, String)> {
    tx.query_row(
        "SELECT article_id, start, end, label, form FROM suggestions WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("there is no suggestion with id {id}")))
}

/// Accept suggestions: each becomes a span of `annotator` with `origin = suggestion` (the label is
/// added to the schema if it is missing) and leaves the waiting list. All or none.
pub fn accept(tx: &Transaction, ids: &[i64], annotator: &str) -> Result<Vec<Span>> {
    let mut out = Vec::new();
    for &id in ids {
        let (article_id, start, end, label, _) = row(tx, id)?;
        let text = crate::articles::text_of(tx, article_id)?;
        let idx = CharIndex::new(&text);
        let new = NewSpan {
            article_id,
            start: start as usize,
            end: end as usize,
            label: &label,
            annotator,
            note: "",
            created_at: None,
        };
        let added = annotations::add_span(tx, &idx, &new, true)?;
        if let annotations::Added::New(span) = added {
            tx.execute("UPDATE spans SET origin = 'suggestion' WHERE id = ?1", [span])?;
            annotations::mark_started(tx, article_id, annotator)?;
        }
        tx.execute("DELETE FROM suggestions WHERE id = ?1", [id])?;
        out.push(annotations::get_span(tx, added.id())?);
    }
    Ok(out)
}

/// Reject suggestions: the form is never suggested with that label again (anywhere in the
/// project: waiting suggestions of the same form and label go too), and counts against the form.
/// Returns how many waiting suggestions were removed.
pub fn reject(tx: &Transaction, ids: &[i64], annotator: &str) -> Result<usize> {
    let who = annotations::annotator_id(tx, annotator)?;
    let mut removed = 0;
    for &id in ids {
        let (_, _, _, label, form) = row(tx, id)?;
        tx.execute(
            "INSERT OR IGNORE INTO suggestion_rejections (form, label, annotator_id, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![form, label, who, crate::db::now()],
        )?;
        removed += tx.execute(
            "DELETE FROM suggestions WHERE form = ?1 AND label = ?2",
            params![form, label],
        )?;
    }
    Ok(removed)
}

/// Words of a sentence for a text, for tests and tools: whitespace-separated.
pub fn words_of(text: &str) -> Vec<features::Word> {
    text.split_whitespace().map(features::Word::new).collect()
}
