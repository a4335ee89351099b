//! A reviewer's decisions, each sent where it belongs: spans to the gold layer (`gold.rs`), relations,
//! attribute values and entity links to `gold_relations.rs`; and accepting at once what the analysts
//! agree on.

use rusqlite::Transaction;

use super::gold::{self, Decision};
use crate::annotations::{self, annotator_id};
use crate::articles;
use crate::error::Result;

/// Apply one reviewer decision on an article.
pub fn decide(tx: &Transaction, article_id: i64, reviewer: &str, d: &Decision) -> Result<()> {
    let who = annotator_id(tx, reviewer)?;
    match d {
        Decision::Accept { .. }
        | Decision::Edit { .. }
        | Decision::Reject { .. }
        | Decision::Add { .. }
        | Decision::Remove { .. } => gold::decide_span(tx, article_id, who, d),
        other => super::gold_relations::decide(tx, article_id, who, other),
    }
}

/// Accept into the gold layer every span all of `annotators` agree on, and every relation they all
/// marked alike between such spans. Returns how many spans were new.
pub fn accept_agreeing(
    tx: &Transaction,
    article_id: i64,
    reviewer: &str,
    annotators: &[String],
) -> Result<u64> {
    let text = articles::text_of(tx, article_id)?;
    let spans = annotations::spans_of(tx, article_id, &text)?;
    let tags = annotations::tags_of(tx, article_id)?;
    let before = gold::gold_spans(tx, article_id)?.len();
    for a in super::compare::compare(&spans, &tags, annotators).agreed {
        if let Some(&first) = a.span_ids.first() {
            decide(tx, article_id, reviewer, &Decision::Accept { span_id: first })?;
        }
    }
    let spans: Vec<_> = spans.into_iter().filter(|s| annotators.contains(&s.annotator)).collect();
    let relations = crate::relations::relations_of(tx, article_id)?;
    let symmetric: std::collections::HashSet<String> = crate::relation_types::list(tx)?
        .into_iter()
        .filter(|t| !t.directed)
        .map(|t| t.name)
        .collect();
    for id in super::relation_diff::agreed_relations(&spans, &relations, annotators, &symmetric) {
        decide(tx, article_id, reviewer, &Decision::AcceptRelation { relation_id: id })?;
    }
    Ok((gold::gold_spans(tx, article_id)?.len() - before) as u64)
}
