//! Inter-annotator agreement over a project: span-level P/R/F1 (exact and overlap) per pair,
//! token-level Cohen's kappa per pair, Fleiss' kappa and Krippendorff's alpha for the group, per
//! label and overall, and the articles ranked by disagreement. One pass over the project.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::compare::{self, Key};
use super::metrics::{AlphaAcc, FleissAcc, KappaAcc, Prf};
use crate::annotations;
use crate::articles;
use crate::error::{Error, Result};
use crate::model::{Article, Span, Status};
use crate::tokenize::Token;

pub const TOKEN_RULE: &str = "IOB2 tag per token (the export tokenizer, or the article's own CoNLL tokens); a token \
                              takes the label of a span it overlaps; where an analyst's spans overlap, the longest \
                              (then earliest) wins, as in the token exports";
pub const ALPHA_RULE: &str =
    "Krippendorff's alpha, nominal, over the IOB2 tags of tokens (not unitizing); an analyst \
                              who did not work on an article is missing data there";
pub const WORKED_RULE: &str =
    "an analyst worked on an article if they put a span or tag on it or marked it done";

#[derive(Debug, Clone, Serialize, TS)]
pub struct LabelPair {
    pub label: String,
    pub exact: Prf,
    pub overlap: Prf,
    /// Token-level kappa of "this label" against everything else.
    pub cohen_kappa: Option<f64>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PairAgreement {
    /// The reference for precision and recall.
    pub a: String,
    pub b: String,
    /// Articles both worked on.
    pub articles: u64,
    pub tokens: u64,
    pub exact: Prf,
    pub overlap: Prf,
    pub cohen_kappa: Option<f64>,
    pub per_label: Vec<LabelPair>,
    /// Relations: exact ends and type (see `relation_rule`).
    pub relations: Prf,
    /// Cohen's kappa of span attribute values (see `attribute_rule`), and how many values were compared.
    pub attribute_kappa: Option<f64>,
    pub attribute_values: u64,
    /// Entity linking (see `linking_rule`): the share of linked spans both linked alike, and how
    /// many spans were compared.
    pub linking_accuracy: Option<f64>,
    pub linked_spans: u64,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct LabelGroup {
    pub label: String,
    pub fleiss_kappa: Option<f64>,
    pub krippendorff_alpha: Option<f64>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct GroupAgreement {
    /// Articles every compared analyst worked on (Fleiss' kappa needs all raters).
    pub fleiss_articles: u64,
    pub fleiss_tokens: u64,
    pub fleiss_kappa: Option<f64>,
    /// Articles at least two compared analysts worked on.
    pub alpha_articles: u64,
    pub alpha_tokens: u64,
    pub krippendorff_alpha: Option<f64>,
    pub per_label: Vec<LabelGroup>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct RankedArticle {
    pub article_id: i64,
    pub ext_id: String,
    pub title: String,
    /// Analysts compared on it.
    pub annotators: Vec<String>,
    /// Spans not every analyst has, plus tag differences.
    pub disagreements: u64,
    /// Share of tokens on which the analysts' tags are not all the same.
    pub token_disagreement: Option<f64>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AgreementReport {
    pub annotators: Vec<String>,
    pub labels: Vec<String>,
    /// Articles at least two compared analysts worked on.
    pub articles: u64,
    pub overlap_rule: String,
    pub token_rule: String,
    pub alpha_rule: String,
    pub worked_rule: String,
    pub relation_rule: String,
    pub attribute_rule: String,
    pub linking_rule: String,
    pub pairs: Vec<PairAgreement>,
    pub group: GroupAgreement,
    /// Most disagreement first.
    pub ranked: Vec<RankedArticle>,
}

/// Interns IOB2 tags as small integers; "O" is 0.
#[derive(Default)]
struct Tags {
    ids: HashMap<String, u32>,
    label_of: Vec<Option<String>>,
    pairs: HashMap<String, (u32, u32)>,
}

impl Tags {
    fn id(&mut self, tag: &str, label: Option<&str>) -> u32 {
        if let Some(&i) = self.ids.get(tag) {
            return i;
        }
        let i = self.label_of.len() as u32;
        self.ids.insert(tag.to_string(), i);
        self.label_of.push(label.map(str::to_string));
        i
    }
    /// The ids of `B-label` and `I-label`.
    fn pair(&mut self, label: &str) -> (u32, u32) {
        if let Some(&p) = self.pairs.get(label) {
            return p;
        }
        let p = (
            self.id(&format!("B-{label}"), Some(label)),
            self.id(&format!("I-{label}"), Some(label)),
        );
        self.pairs.insert(label.to_string(), p);
        p
    }
    fn new() -> Tags {
        let mut t = Tags::default();
        t.id("O", None);
        t
    }
}

/// IOB2 tag ids of every token for one analyst's spans.
fn token_tags(tokens: &[Token], spans: &[&Span], tags: &mut Tags) -> Vec<u32> {
    let mut cands: Vec<(usize, usize, &str)> = spans
        .iter()
        .filter_map(|s| {
            let first = tokens.partition_point(|t| t.end <= s.start as usize);
            let last = tokens.partition_point(|t| t.start < s.end as usize);
            (first < last).then_some((first, last, s.label.as_str()))
        })
        .collect();
    cands.sort_by(|x, y| (y.1 - y.0).cmp(&(x.1 - x.0)).then(x.0.cmp(&y.0)).then(x.2.cmp(y.2)));
    let mut out = vec![0u32; tokens.len()];
    let mut taken = vec![false; tokens.len()];
    for (first, last, label) in cands {
        if taken[first..last].iter().any(|&t| t) {
            continue;
        }
        let (b, i) = tags.pair(label);
        for (k, slot) in out.iter_mut().enumerate().take(last).skip(first) {
            taken[k] = true;
            *slot = if k == first { b } else { i };
        }
    }
    out
}

fn worked(
    a: &str,
    spans: &[Span],
    tags: &[crate::model::Tag],
    statuses: &[crate::model::AnnotatorStatus],
) -> bool {
    spans.iter().any(|s| s.annotator == a)
        || tags.iter().any(|t| t.annotator == a)
        || statuses.iter().any(|s| s.annotator == a && s.status == Status::Done)
}

struct PairAcc {
    articles: u64,
    exact: BTreeMap<String, Prf>,
    overlap: BTreeMap<String, Prf>,
    kappa: KappaAcc,
    relations: super::relation_agreement::RelationAcc,
}

/// Compute agreement between `annotators` (empty: everyone who has annotated anything).
pub fn agreement(
    conn: &Connection,
    annotators: &[String],
    ranked_limit: usize,
) -> Result<AgreementReport> {
    agreement_at_depth(conn, annotators, ranked_limit, None)
}

/// [`agreement`] with span labels taken at `depth` of the label hierarchy (1: `ORG.GOV` counts as its
/// top-level `ORG`), so analysts who chose a parent and a child agree at the parent's level.
pub fn agreement_at_depth(
    conn: &Connection,
    annotators: &[String],
    ranked_limit: usize,
    depth: Option<usize>,
) -> Result<AgreementReport> {
    if depth == Some(0) {
        return Err(crate::error::Error::Invalid(
            "--labels-at-depth counts from 1 (the top-level labels)".into(),
        ));
    }
    let schema = crate::labels::list(conn)?;
    let at_depth: std::collections::HashMap<String, String> = match depth {
        None => Default::default(),
        Some(d) => schema
            .iter()
            .filter(|l| l.kind == crate::model::LabelKind::Span)
            .map(|l| (l.name.clone(), crate::labels::at_depth(&schema, l.kind, &l.name, d)))
            .filter(|(a, b)| a != b)
            .collect(),
    };
    let known = annotations::annotator_names(conn)?;
    let who: Vec<String> = if annotators.is_empty() {
        let mut st = conn.prepare(
            "SELECT name FROM annotators WHERE id IN (SELECT annotator_id FROM spans UNION SELECT annotator_id FROM article_tags) ORDER BY name",
        )?;
        let rows = st.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<Vec<String>>>()?
    } else {
        for a in annotators {
            if !known.contains(a) {
                return Err(Error::Invalid(format!(
                    "there is no annotator named {a:?}; known: {}",
                    known.join(", ")
                )));
            }
        }
        let set: BTreeSet<String> = annotators.iter().cloned().collect();
        set.into_iter().collect()
    };
    if who.len() < 2 {
        return Err(Error::Invalid(format!(
            "agreement needs at least two analysts; this project has annotations by {}",
            if who.is_empty() { "nobody".to_string() } else { who.join(", ") }
        )));
    }
    let mut tags = Tags::new();
    let mut pairs: Vec<((usize, usize), PairAcc)> = Vec::new();
    for i in 0..who.len() {
        for j in i + 1..who.len() {
            pairs.push((
                (i, j),
                PairAcc {
                    articles: 0,
                    exact: BTreeMap::new(),
                    overlap: BTreeMap::new(),
                    kappa: KappaAcc::default(),
                    relations: Default::default(),
                },
            ));
        }
    }
    let mut fleiss = FleissAcc::default();
    let mut alpha = AlphaAcc::default();
    let (mut fleiss_articles, mut fleiss_tokens, mut alpha_articles, mut alpha_tokens) =
        (0u64, 0u64, 0u64, 0u64);
    // Every label the compared analysts used, known before the pass so that each label's statistics
    // count every token of every article.
    let labels_seen: BTreeSet<String> = {
        let mut st = conn.prepare(
            "SELECT DISTINCT l.name FROM spans s JOIN labels l ON l.id = s.label_id JOIN annotators n ON n.id = s.annotator_id
             WHERE n.name IN (SELECT value FROM json_each(?1))",
        )?;
        let rows = st.query_map([serde_json::to_string(&who)?], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<BTreeSet<String>>>()?
    };
    let label_list: Vec<String> = labels_seen.iter().cloned().collect();
    let mut fleiss_label: Vec<FleissAcc> = vec![FleissAcc::default(); label_list.len()];
    let mut alpha_label: Vec<AlphaAcc> = vec![AlphaAcc::default(); label_list.len()];
    // Label index of each tag id (None for "O"), kept in step with `tags`.
    let mut label_index: Vec<Option<usize>> = Vec::new();
    let mut ranked: Vec<RankedArticle> = Vec::new();
    let symmetric: std::collections::HashSet<String> = crate::relation_types::list(conn)?
        .into_iter()
        .filter(|t| !t.directed)
        .map(|t| t.name)
        .collect();

    // The export's tokens, split as the project's clitic setting says.
    let clitics = crate::clitics::CliticMode::parse(&crate::settings::get(conn)?.clitics)?;
    articles::for_each(conn, |a: Article| {
        let mut spans = annotations::spans_of(conn, a.id, &a.text)?;
        for s in spans.iter_mut() {
            if let Some(up) = at_depth.get(&s.label) {
                s.label = up.clone();
            }
        }
        let article_tags = annotations::tags_of(conn, a.id)?;
        let statuses = annotations::statuses_of(conn, a.id)?;
        let present: Vec<usize> =
            (0..who.len()).filter(|&i| worked(&who[i], &spans, &article_tags, &statuses)).collect();
        if present.len() < 2 {
            return Ok(());
        }
        let (tokens, _, _) = crate::tokenize::article_tokens(&a, clitics)?;
        let by_who: Vec<Vec<&Span>> =
            who.iter().map(|w| spans.iter().filter(|s| &s.annotator == w).collect()).collect();
        let keys: Vec<Vec<Key>> =
            by_who.iter().map(|v| v.iter().map(|s| Key::from(*s)).collect()).collect();
        let tag_seq: Vec<Vec<u32>> =
            by_who.iter().map(|v| token_tags(&tokens, v, &mut tags)).collect();
        let relations = crate::relations::relations_of(conn, a.id)?;
        let rels_of: Vec<Vec<&crate::model::Relation>> =
            who.iter().map(|w| relations.iter().filter(|r| &r.annotator == w).collect()).collect();
        // Pairs.
        for ((i, j), acc) in pairs.iter_mut() {
            if !present.contains(i) || !present.contains(j) {
                continue;
            }
            acc.articles += 1;
            let labels: BTreeSet<&str> =
                keys[*i].iter().chain(&keys[*j]).map(|k| k.label.as_str()).collect();
            for label in labels {
                let ka: Vec<Key> = keys[*i].iter().filter(|k| k.label == label).cloned().collect();
                let kb: Vec<Key> = keys[*j].iter().filter(|k| k.label == label).cloned().collect();
                let (na, nb) = (ka.len() as u64, kb.len() as u64);
                let e = acc.exact.entry(label.to_string()).or_default();
                *e += Prf::new(compare::exact_matches(&ka, &kb), na, nb);
                let o = acc.overlap.entry(label.to_string()).or_default();
                *o += Prf::new(compare::overlap_matches(&ka, &kb), na, nb);
            }
            for (x, y) in tag_seq[*i].iter().zip(&tag_seq[*j]) {
                acc.kappa.add(*x, *y);
            }
            acc.relations.add((&by_who[*i], &rels_of[*i]), (&by_who[*j], &rels_of[*j]), &symmetric);
        }
        // Group.
        let everyone = present.len() == who.len();
        alpha_articles += 1;
        alpha_tokens += tokens.len() as u64;
        if everyone {
            fleiss_articles += 1;
            fleiss_tokens += tokens.len() as u64;
        }
        while label_index.len() < tags.label_of.len() {
            let l = tags.label_of[label_index.len()].as_deref();
            label_index
                .push(l.and_then(|l| label_list.binary_search_by(|x| x.as_str().cmp(l)).ok()));
        }
        let mut differing = 0u64;
        let mut counts: Vec<(u32, u32)> = Vec::with_capacity(present.len());
        let mut ones = vec![0u32; label_list.len()];
        let m = present.len() as u32;
        // `t` indexes every analyst's tag sequence at once.
        #[allow(clippy::needless_range_loop)]
        for t in 0..tokens.len() {
            counts.clear();
            for &i in &present {
                let v = tag_seq[i][t];
                match counts.iter_mut().find(|c| c.0 == v) {
                    Some(c) => c.1 += 1,
                    None => counts.push((v, 1)),
                }
            }
            if counts.len() > 1 {
                differing += 1;
            }
            alpha.add_counts(&counts);
            if everyone {
                fleiss.add(&counts);
            }
            ones.iter_mut().for_each(|o| *o = 0);
            for &(v, n) in &counts {
                if let Some(li) = label_index[v as usize] {
                    ones[li] += n;
                }
            }
            for (li, &o) in ones.iter().enumerate() {
                let bin = [(1, o), (0, m - o)];
                alpha_label[li].add_counts(&bin);
                if everyone {
                    fleiss_label[li].add(&bin);
                }
            }
        }
        let names: Vec<String> = present.iter().map(|&i| who[i].clone()).collect();
        let cmp = compare::compare(&spans, &article_tags, &names);
        ranked.push(RankedArticle {
            article_id: a.id,
            ext_id: a.ext_id.clone(),
            title: a.title.clone(),
            annotators: names,
            disagreements: cmp.count() as u64,
            token_disagreement: (!tokens.is_empty())
                .then(|| differing as f64 / tokens.len() as f64),
        });
        Ok(())
    })?;

    let labels = label_list;
    let label_id_set = |label: &str| -> Vec<bool> {
        tags.label_of.iter().map(|l| l.as_deref() == Some(label)).collect()
    };
    let pairs = pairs
        .into_iter()
        .map(|((i, j), acc)| {
            let total = |m: &BTreeMap<String, Prf>| m.values().fold(Prf::default(), |t, p| t + *p);
            let per_label = labels
                .iter()
                .map(|l| {
                    let is_l = label_id_set(l);
                    LabelPair {
                        label: l.clone(),
                        exact: acc.exact.get(l).copied().unwrap_or_default(),
                        overlap: acc.overlap.get(l).copied().unwrap_or_default(),
                        cohen_kappa: acc.kappa.kappa_where(|c| {
                            u32::from(is_l.get(c as usize).copied().unwrap_or(false))
                        }),
                    }
                })
                .collect();
            PairAgreement {
                a: who[i].clone(),
                b: who[j].clone(),
                articles: acc.articles,
                tokens: acc.kappa.items(),
                exact: total(&acc.exact),
                overlap: total(&acc.overlap),
                cohen_kappa: acc.kappa.kappa(),
                per_label,
                relations: acc.relations.relations,
                attribute_kappa: acc.relations.attributes.kappa(),
                attribute_values: acc.relations.attributes.items(),
                linking_accuracy: acc.relations.linking_accuracy(),
                linked_spans: acc.relations.linked,
            }
        })
        .collect();
    let group = GroupAgreement {
        fleiss_articles,
        fleiss_tokens,
        fleiss_kappa: fleiss.kappa(),
        alpha_articles,
        alpha_tokens,
        krippendorff_alpha: alpha.alpha(),
        per_label: labels
            .iter()
            .enumerate()
            .map(|(li, l)| LabelGroup {
                label: l.clone(),
                fleiss_kappa: fleiss_label[li].kappa(),
                krippendorff_alpha: alpha_label[li].alpha(),
            })
            .collect(),
    };
    ranked.sort_by(|x, y| {
        y.disagreements
            .cmp(&x.disagreements)
            .then(
                y.token_disagreement
                    .partial_cmp(&x.token_disagreement)
                    .unwrap_or(std::cmp::Ordering::Equal),
            )
            .then(x.article_id.cmp(&y.article_id))
    });
    ranked.truncate(ranked_limit);
    Ok(AgreementReport {
        annotators: who,
        labels,
        articles: alpha_articles,
        overlap_rule: compare::OVERLAP_RULE.into(),
        token_rule: TOKEN_RULE.into(),
        alpha_rule: ALPHA_RULE.into(),
        worked_rule: WORKED_RULE.into(),
        relation_rule: super::relation_agreement::RELATION_RULE.into(),
        attribute_rule: super::relation_agreement::ATTRIBUTE_RULE.into(),
        linking_rule: super::relation_agreement::LINKING_RULE.into(),
        pairs,
        group,
        ranked,
    })
}
