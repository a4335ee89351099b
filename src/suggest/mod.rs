//! Suggestions that learn from the analysts, inside the app: a matcher of labelled forms and an
//! averaged-perceptron sequence labeller, trained on the project's own annotations; nothing is
//! downloaded or sent anywhere. Suggestions are stored apart from spans until an analyst accepts them.

pub mod data;
pub mod eval;
pub mod features;
pub mod matcher;
pub mod names;
pub mod next;
pub mod run;
pub mod store;
pub mod tagger;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use data::Sentence;
use eval::Scores;
use matcher::Matcher;
use names::Names;
use tagger::{Example, Tagger, TrainOptions};

/// Which recommenders make suggestions in a project.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Off,
    Matcher,
    /// The matcher and the sequence labeller.
    #[default]
    Both,
}

impl Mode {
    pub fn parse(s: &str) -> Result<Mode> {
        match s {
            "off" => Ok(Mode::Off),
            "matcher" => Ok(Mode::Matcher),
            "both" => Ok(Mode::Both),
            o => {
                Err(Error::Invalid(format!("suggestions must be off, matcher or both, not {o:?}")))
            }
        }
    }
}

/// The matcher suggests a form only when it was labelled at least this share of the times it occurs.
pub const MATCHER_MIN_SCORE: f64 = 0.5;

/// What a model was trained on and when.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ModelInfo {
    /// UTC, RFC 3339.
    pub trained_at: String,
    pub articles: i64,
    pub sentences: i64,
    pub tokens: i64,
    pub spans: i64,
    /// Span labels it can suggest.
    pub labels: Vec<String>,
    /// The analysts learnt from (empty: everyone; the gold layer where it exists).
    pub annotators: Vec<String>,
    pub seconds: f64,
    pub epochs: i64,
    /// Features with a weight, and forms the matcher knows.
    pub features: i64,
    pub forms: i64,
    /// Size of the stored model.
    pub bytes: i64,
}

/// A trained pair of recommenders.
#[derive(Debug, Clone)]
pub struct Model {
    pub tagger: Tagger,
    pub matcher: Matcher,
    pub info: ModelInfo,
    /// The typed names whose hits are features (the entity registry; not stored with the model).
    pub names: Names,
}

/// Which recommender made a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Recommender {
    Matcher,
    Model,
}

impl Recommender {
    pub fn as_str(self) -> &'static str {
        match self {
            Recommender::Matcher => "matcher",
            Recommender::Model => "model",
        }
    }
}

/// A suggestion over tokens `[first, last)` of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub first: usize,
    pub last: usize,
    pub label: String,
    /// 0–1: the model's probability of the whole span's tags (the lowest of its tokens'), or the
    /// share of the form's occurrences that carried the label.
    pub score: f64,
    pub by: Recommender,
}

/// Train both recommenders on labelled sentences. `cancelled` is asked as training goes.
pub fn train(
    sentences: &[Sentence],
    opts: TrainOptions,
    cancelled: &dyn Fn() -> bool,
) -> Result<Model> {
    train_with(sentences, &Names::default(), opts, cancelled)
}

/// Train with gazetteer hits of `names` among the labeller's features (each training sentence sees
/// the names as [`Names::jackknife`] leaves them for its fold).
pub fn train_with(
    sentences: &[Sentence],
    names: &Names,
    opts: TrainOptions,
    cancelled: &dyn Fn() -> bool,
) -> Result<Model> {
    let started = std::time::Instant::now();
    let mut labels: Vec<String> =
        sentences.iter().flat_map(|s| s.spans.iter().map(|x| x.2.clone())).collect();
    labels.sort();
    labels.dedup();
    let mut tags = vec!["O".to_string()];
    for l in &labels {
        tags.push(format!("B-{l}"));
        tags.push(format!("I-{l}"));
    }
    let (lists, fold) = if names.is_empty() {
        (vec![Names::default()], vec![0; sentences.len()])
    } else {
        names.jackknife(sentences)
    };
    let examples: Vec<Example> = sentences
        .iter()
        .zip(fold)
        .filter(|(s, _)| !s.words.is_empty())
        .map(|(s, f)| {
            let mut t = vec![0u16; s.words.len()];
            for (a, b, l) in &s.spans {
                let k = labels.binary_search(l).unwrap_or(0) as u16;
                for (i, x) in t.iter_mut().enumerate().take(*b).skip(*a) {
                    *x = if i == *a { 1 + 2 * k } else { 2 + 2 * k };
                }
            }
            Example { feats: names::sentence_with(&s.words, &lists[f]), tags: t }
        })
        .collect();
    let tagger = Tagger::train(tags, &examples, opts, cancelled)?;
    let matcher =
        Matcher::learn(sentences.iter().map(|s| (s.words.as_slice(), s.spans.as_slice())));
    let c = data::counts(sentences);
    let info = ModelInfo {
        trained_at: crate::db::now(),
        articles: c.articles as i64,
        sentences: c.sentences as i64,
        tokens: c.tokens as i64,
        spans: c.spans as i64,
        labels,
        annotators: Vec::new(),
        seconds: started.elapsed().as_secs_f64(),
        epochs: opts.epochs as i64,
        features: tagger.features() as i64,
        forms: matcher.forms() as i64,
        bytes: 0,
    };
    Ok(Model { tagger, matcher, info, names: names.clone() })
}

/// The sequence labeller's spans in a sentence with a score of at least `threshold`.
pub fn model_hits(model: &Model, words: &[features::Word], threshold: f64) -> Vec<Hit> {
    let (tags, conf) = model.tagger.tag(&names::sentence_with(words, &model.names));
    let mut out: Vec<Hit> = Vec::new();
    for (i, &t) in tags.iter().enumerate() {
        let name = &model.tagger.tags[t];
        if let Some(label) = name.strip_prefix("B-") {
            out.push(Hit {
                first: i,
                last: i + 1,
                label: label.to_string(),
                score: conf[i],
                by: Recommender::Model,
            });
        } else if name.starts_with("I-") {
            if let Some(h) = out.last_mut().filter(|h| h.last == i) {
                h.last = i + 1;
                h.score = h.score.min(conf[i]);
            }
        }
    }
    out.retain(|h| h.score >= threshold);
    out
}

/// Suggestions for one sentence: the sequence labeller's (with `Mode::Both`), then the matcher's
/// where they do not overlap one of those.
pub fn suggest(model: &Model, words: &[features::Word], mode: Mode, threshold: f64) -> Vec<Hit> {
    let mut out = match mode {
        Mode::Off => return Vec::new(),
        Mode::Matcher => Vec::new(),
        Mode::Both => model_hits(model, words, threshold),
    };
    let min = threshold.max(MATCHER_MIN_SCORE);
    for f in model.matcher.find(words, min) {
        if !out.iter().any(|h| h.first < f.last && f.first < h.last) {
            out.push(Hit {
                first: f.first,
                last: f.last,
                label: f.label,
                score: f.score,
                by: Recommender::Matcher,
            });
        }
    }
    out.sort_by_key(|h| h.first);
    out
}

/// Held-out scores of each recommender, and of both together.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct Evaluation {
    pub train_articles: i64,
    pub train_sentences: i64,
    pub train_tokens: i64,
    pub test_articles: i64,
    pub test_sentences: i64,
    pub test_spans: i64,
    pub matcher: Scores,
    pub model: Scores,
    pub both: Scores,
    pub train_seconds: f64,
}

/// Train on `train` and score exact spans and labels on `test`.
pub fn evaluate(
    train_set: &[Sentence],
    test: &[Sentence],
    opts: TrainOptions,
    cancelled: &dyn Fn() -> bool,
) -> Result<Evaluation> {
    evaluate_with(train_set, test, &Names::default(), opts, cancelled)
}

/// [`evaluate`] with gazetteer hits of `names` among the labeller's features.
pub fn evaluate_with(
    train_set: &[Sentence],
    test: &[Sentence],
    names: &Names,
    opts: TrainOptions,
    cancelled: &dyn Fn() -> bool,
) -> Result<Evaluation> {
    let model = train_with(train_set, names, opts, cancelled)?;
    let (tr, te) = (data::counts(train_set), data::counts(test));
    let mut e = Evaluation {
        train_articles: tr.articles as i64,
        train_sentences: tr.sentences as i64,
        train_tokens: tr.tokens as i64,
        test_articles: te.articles as i64,
        test_sentences: te.sentences as i64,
        test_spans: te.spans as i64,
        train_seconds: model.info.seconds,
        ..Evaluation::default()
    };
    let items = |hits: Vec<Hit>| -> Vec<eval::Item> {
        hits.into_iter().map(|h| (h.first, h.last, h.label)).collect()
    };
    for s in test {
        e.matcher.add(&s.spans, &items(suggest(&model, &s.words, Mode::Matcher, 0.0)));
        e.model.add(&s.spans, &items(model_hits(&model, &s.words, 0.0)));
        e.both.add(&s.spans, &items(suggest(&model, &s.words, Mode::Both, 0.0)));
    }
    Ok(e)
}

/// Split labelled articles into train and test by article, seeded: `ratio` of them train.
pub fn split_articles(
    mut articles: Vec<Vec<Sentence>>,
    ratio: f64,
    seed: u64,
) -> Result<(Vec<Sentence>, Vec<Sentence>)> {
    if !(ratio > 0.0 && ratio < 1.0) {
        return Err(Error::Invalid(format!("--split must be between 0 and 1, not {ratio}")));
    }
    if articles.len() < 2 {
        return Err(Error::Invalid(format!(
            "evaluation needs at least 2 labelled articles; the project has {}",
            articles.len()
        )));
    }
    tagger::Rng::new(seed).shuffle(&mut articles);
    let n = ((articles.len() as f64 * ratio).round() as usize).clamp(1, articles.len() - 1);
    let test = articles.split_off(n);
    Ok((articles.into_iter().flatten().collect(), test.into_iter().flatten().collect()))
}
