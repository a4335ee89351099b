//! Review commands of the command API (see `api/mod.rs`): compare analysts on an article, adjudicate
//! the gold layer, comment, and measure agreement.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::api::registry::{command, Command};
use crate::api::NoArgs;
use crate::error::Result;
use crate::model::{Article, Span, Tag};
use crate::review::agreement::{self, AgreementReport};
use crate::review::compare::{self, Comparison};
use crate::review::gold::{self, Decision, DecisionLog, GoldSpan, ReviewComment};
use crate::review::gold_relations::GoldRelation;
use crate::review::progress::{MyProgress, Progress};
use crate::store::Store;
use crate::{annotations, articles};

#[derive(Debug, Clone, Deserialize, TS)]
pub struct ReviewArticleReq {
    pub article_id: i64,
    /// The analysts to compare (two or more).
    pub annotators: Vec<String>,
}

/// Everything the review view shows for one article.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ReviewView {
    pub article: Article,
    /// The compared analysts' spans.
    pub spans: Vec<Span>,
    pub tags: Vec<Tag>,
    pub comparison: Comparison,
    pub gold: Vec<GoldSpan>,
    pub gold_tags: Vec<String>,
    pub adjudicated: bool,
    pub comments: Vec<ReviewComment>,
    pub decisions: Vec<DecisionLog>,
    /// The compared analysts' relations, and where they differ (missing, type, direction).
    pub relations: Vec<crate::model::Relation>,
    pub relation_disagreements: Vec<crate::review::relation_diff::RelationDisagreement>,
    /// Attribute values that differ on spans the analysts marked alike.
    pub attribute_disagreements: Vec<crate::review::relation_diff::AttributeDisagreement>,
    /// Entity links that differ on spans the analysts marked alike.
    pub link_disagreements: Vec<crate::review::relation_diff::LinkDisagreement>,
    /// Relations of the gold layer (between the spans of `gold`).
    pub gold_relations: Vec<GoldRelation>,
    /// The preferred name of each entity `link_disagreements` and `gold` name, by entity id.
    #[ts(type = "Record<string, string>")]
    pub entity_names: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct AdjudicateReq {
    pub article_id: i64,
    pub reviewer: String,
    pub annotators: Vec<String>,
    pub decision: Decision,
}

/// Several decisions taken at once, all or none (taking one analyst's version of a relation
/// rejects the others' and accepts it).
#[derive(Debug, Clone, Deserialize, TS)]
pub struct AdjudicateAllReq {
    pub article_id: i64,
    pub reviewer: String,
    pub annotators: Vec<String>,
    pub decisions: Vec<Decision>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct AcceptAgreeingReq {
    pub article_id: i64,
    pub reviewer: String,
    pub annotators: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct GoldTagReq {
    pub article_id: i64,
    pub reviewer: String,
    pub annotators: Vec<String>,
    pub label: String,
    pub on: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct AdjudicatedReq {
    pub article_id: i64,
    pub reviewer: String,
    pub annotators: Vec<String>,
    pub done: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct CommentReq {
    pub article_id: i64,
    pub author: String,
    pub annotators: Vec<String>,
    #[serde(default)]
    #[ts(optional)]
    pub span_id: Option<i64>,
    pub text: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct MyProgressReq {
    pub annotator: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct AgreementReq {
    /// Empty: everyone who annotated.
    #[serde(default)]
    #[ts(optional)]
    pub annotators: Option<Vec<String>>,
    /// Articles to rank (default 50).
    #[serde(default)]
    #[ts(optional)]
    pub top: Option<i64>,
    /// Compare span labels at this depth of the label hierarchy (1: top-level labels).
    #[serde(default)]
    #[ts(optional)]
    pub labels_at_depth: Option<u32>,
}

pub fn review_view(store: &Store, article_id: i64, annotators: &[String]) -> Result<ReviewView> {
    let conn = store.conn();
    let article = articles::get(conn, article_id)?;
    let spans: Vec<Span> = annotations::spans_of(conn, article_id, &article.text)?
        .into_iter()
        .filter(|s| annotators.contains(&s.annotator))
        .collect();
    let tags: Vec<Tag> = annotations::tags_of(conn, article_id)?
        .into_iter()
        .filter(|t| annotators.contains(&t.annotator))
        .collect();
    let relations: Vec<crate::model::Relation> = crate::relations::relations_of(conn, article_id)?
        .into_iter()
        .filter(|r| annotators.contains(&r.annotator))
        .collect();
    let symmetric: std::collections::HashSet<String> = crate::relation_types::list(conn)?
        .into_iter()
        .filter(|t| !t.directed)
        .map(|t| t.name)
        .collect();
    use crate::review::relation_diff as diff;
    let links = diff::link_disagreements(&spans, annotators);
    let gold = gold::gold_spans(conn, article_id)?;
    let mut entity_names = std::collections::BTreeMap::new();
    let keys = links.iter().flat_map(|l| l.entities.iter().filter_map(|e| e.1.as_ref()));
    for key in keys.chain(gold.iter().filter_map(|g| g.entity.as_ref())) {
        if !entity_names.contains_key(key) {
            entity_names.insert(key.clone(), crate::entities::get(conn, key)?.name);
        }
    }
    Ok(ReviewView {
        relation_disagreements: diff::relation_disagreements(
            &spans, &relations, annotators, &symmetric,
        ),
        attribute_disagreements: diff::attribute_disagreements(&spans, annotators),
        link_disagreements: links,
        entity_names,
        gold_relations: crate::review::gold_relations::gold_relations(conn, article_id)?,
        relations,
        comparison: compare::compare(&spans, &tags, annotators),
        gold,
        gold_tags: gold::gold_tags(conn, article_id)?,
        adjudicated: gold::is_adjudicated(conn, article_id)?,
        comments: gold::comments_of(conn, article_id)?,
        decisions: gold::decisions_of(conn, article_id)?,
        article,
        spans,
        tags,
    })
}

/// The review commands.
pub const COMMANDS: &[Command] = &[
    command!(Store, "review_article", ReviewArticleReq => ReviewView, review_article),
    command!(Store, "adjudicate", AdjudicateReq => ReviewView, adjudicate),
    command!(Store, "adjudicate_all", AdjudicateAllReq => ReviewView, adjudicate_all),
    command!(Store, "accept_agreeing", AcceptAgreeingReq => ReviewView, accept_agreeing),
    command!(Store, "set_gold_tag", GoldTagReq => ReviewView, set_gold_tag),
    command!(Store, "set_adjudicated", AdjudicatedReq => ReviewView, set_adjudicated),
    command!(Store, "review_comment", CommentReq => ReviewView, review_comment),
    command!(Store, "agreement", AgreementReq => AgreementReport, agreement),
    command!(Store, "progress", "Record<string, never>" => Progress, progress),
    command!(Store, "my_progress", MyProgressReq => MyProgress, my_progress),
];

fn review_article(store: &mut Store, r: ReviewArticleReq) -> Result<ReviewView> {
    review_view(store, r.article_id, &r.annotators)
}

fn adjudicate(store: &mut Store, r: AdjudicateReq) -> Result<ReviewView> {
    store.with_tx(|tx| {
        crate::review::adjudicate::decide(tx, r.article_id, &r.reviewer, &r.decision)
    })?;
    review_view(store, r.article_id, &r.annotators)
}

fn adjudicate_all(store: &mut Store, r: AdjudicateAllReq) -> Result<ReviewView> {
    store.with_tx(|tx| {
        for d in &r.decisions {
            crate::review::adjudicate::decide(tx, r.article_id, &r.reviewer, d)?;
        }
        Ok(())
    })?;
    review_view(store, r.article_id, &r.annotators)
}

fn accept_agreeing(store: &mut Store, r: AcceptAgreeingReq) -> Result<ReviewView> {
    store.with_tx(|tx| {
        crate::review::adjudicate::accept_agreeing(tx, r.article_id, &r.reviewer, &r.annotators)
    })?;
    review_view(store, r.article_id, &r.annotators)
}

fn set_gold_tag(store: &mut Store, r: GoldTagReq) -> Result<ReviewView> {
    store.with_tx(|tx| gold::set_gold_tag(tx, r.article_id, &r.reviewer, &r.label, r.on))?;
    review_view(store, r.article_id, &r.annotators)
}

fn set_adjudicated(store: &mut Store, r: AdjudicatedReq) -> Result<ReviewView> {
    store.with_tx(|tx| gold::set_adjudicated(tx, r.article_id, &r.reviewer, r.done))?;
    review_view(store, r.article_id, &r.annotators)
}

fn review_comment(store: &mut Store, r: CommentReq) -> Result<ReviewView> {
    store.with_tx(|tx| gold::add_comment(tx, r.article_id, r.span_id, &r.author, &r.text))?;
    review_view(store, r.article_id, &r.annotators)
}

fn agreement(store: &mut Store, r: AgreementReq) -> Result<AgreementReport> {
    let top = r.top.unwrap_or(50).clamp(0, 10_000) as usize;
    let depth = r.labels_at_depth.map(|d| d as usize);
    agreement::agreement_at_depth(store.conn(), &r.annotators.unwrap_or_default(), top, depth)
}

fn progress(store: &mut Store, _: NoArgs) -> Result<Progress> {
    crate::review::progress::progress(store.conn())
}

fn my_progress(store: &mut Store, r: MyProgressReq) -> Result<MyProgress> {
    crate::review::progress::my_progress(store.conn(), &r.annotator)
}
