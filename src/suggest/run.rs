//! The suggestion tasks the CLI and the app share: train on a project, suggest on articles,
//! evaluate on a held-out split, and a plain-text report of the scores.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{data, store, tagger::TrainOptions, Evaluation, ModelInfo};
use crate::error::{Error, Result};
use crate::review::metrics::Prf;

/// A training's outcome: what the model learnt from, and held-out scores (when the project has at
/// least two labelled articles: trained on 80 % of them, scored on the rest, before the model
/// that is stored is trained on all of them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Trained {
    pub info: ModelInfo,
    /// An [`Evaluation`]; absent with fewer than two labelled articles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "Evaluation")]
    pub evaluation: Option<serde_json::Value>,
}

fn labelled(
    conn: &Connection,
    annotators: &[String],
    cancelled: &dyn Fn() -> bool,
) -> Result<Vec<Vec<data::Sentence>>> {
    let known = crate::annotations::annotator_names(conn)?;
    if let Some(a) = annotators.iter().find(|a| !known.contains(a)) {
        return Err(Error::Invalid(format!("no annotator is named {a:?} in this project")));
    }
    let src = data::Source { annotators: annotators.to_vec() };
    let articles = data::labelled(conn, &src, cancelled)?;
    if articles.is_empty() {
        return Err(Error::Invalid(
            "there is nothing to learn from yet: no article has a labelled span".into(),
        ));
    }
    Ok(articles)
}

/// Train on the project's labelled articles and store the model with its record.
pub fn train(
    conn: &mut Connection,
    annotators: &[String],
    cancelled: &dyn Fn() -> bool,
) -> Result<Trained> {
    let articles = labelled(conn, annotators, cancelled)?;
    let names = store::registry_names(conn)?;
    let opts = TrainOptions::default();
    let evaluation = if articles.len() >= 2 {
        let (tr, te) = super::split_articles(articles.clone(), 0.8, 1)?;
        Some(serde_json::to_value(super::evaluate_with(&tr, &te, &names, opts, cancelled)?)?)
    } else {
        None
    };
    let all: Vec<data::Sentence> = articles.into_iter().flatten().collect();
    let mut model = super::train_with(&all, &names, opts, cancelled)?;
    model.info.annotators = annotators.to_vec();
    let info = crate::db::with_tx(conn, |tx| {
        let info = store::save_model(tx, &model)?;
        let ev = serde_json::to_string(&evaluation)?;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES ('suggest_evaluation', ?1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [ev],
        )?;
        Ok(info)
    })?;
    Ok(Trained { info, evaluation })
}

/// The last training's record and held-out scores.
pub fn last_trained(conn: &Connection) -> Result<Option<Trained>> {
    let Some(info) = store::model_info(conn)? else { return Ok(None) };
    let ev: Option<String> = conn
        .query_row("SELECT value FROM settings WHERE key = 'suggest_evaluation'", [], |r| r.get(0))
        .ok();
    let evaluation =
        ev.and_then(|e| serde_json::from_str(&e).ok()).filter(|v: &serde_json::Value| !v.is_null());
    Ok(Some(Trained { info, evaluation }))
}

/// Suggest on the given articles (replacing what waited there); returns how many suggestions each got.
pub fn apply(conn: &mut Connection, ids: &[i64]) -> Result<Vec<(i64, usize)>> {
    let model = store::load_model(conn)?.ok_or_else(|| {
        Error::Invalid("no suggestion model yet: run `suggest train` first".into())
    })?;
    let mut out = Vec::with_capacity(ids.len());
    for &id in ids {
        let pending = store::compute(conn, &model, id)?;
        let n = crate::db::with_tx(conn, |tx| store::replace(tx, id, &pending))?;
        out.push((id, n));
    }
    Ok(out)
}

/// Train on a seeded split of the labelled articles and score the rest.
pub fn evaluate(
    conn: &Connection,
    annotators: &[String],
    split: f64,
    seed: u64,
) -> Result<Evaluation> {
    let articles = labelled(conn, annotators, &|| false)?;
    let (tr, te) = super::split_articles(articles, split, seed)?;
    let names = store::registry_names(conn)?;
    super::evaluate_with(
        &tr,
        &te,
        &names,
        TrainOptions { seed, ..TrainOptions::default() },
        &|| false,
    )
}

fn row(out: &mut String, name: &str, p: &Prf) {
    let f = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{v:.3}"));
    out.push_str(&format!(
        "  {name:<14} {:>9} {:>9} {:>9} {:>7} {:>7}\n",
        f(p.precision),
        f(p.recall),
        f(p.f1),
        p.a_spans,
        p.b_spans
    ));
}

/// The evaluation as plain text: overall and per label, for each recommender.
pub fn text_report(e: &Evaluation) -> String {
    let mut out = format!(
        "trained on {} articles ({} sentences, {} tokens) in {:.1} s; scored on {} articles ({} spans)\nexact span and label:\n",
        e.train_articles, e.train_sentences, e.train_tokens, e.train_seconds, e.test_articles, e.test_spans
    );
    for (name, s) in [("sequence labeller", &e.model), ("matcher", &e.matcher), ("both", &e.both)] {
        out.push_str(&format!(
            "{name}\n  {:<14} {:>9} {:>9} {:>9} {:>7} {:>7}\n",
            "label", "precision", "recall", "F1", "gold", "found"
        ));
        row(&mut out, "overall", &s.overall);
        for (label, p) in &s.by_label {
            row(&mut out, label, p);
        }
    }
    out
}
