//! Which articles and annotations an export takes: annotator, status, tag and query filters, label mapping.

use std::collections::BTreeSet;
use std::rc::Rc;

use rusqlite::Connection;

use super::options::{ExportOptions, GoldScope};
use crate::annotations;
use crate::articles;
use crate::error::{Error, Result};
use crate::labels;
use crate::model::{AnnotatorStatus, Article, LabelKind, Relation, Span, Status, Tag};
use crate::relation_types::RelationSchema;
use crate::review::gold;

/// One selected article with the chosen annotators' work on it; span labels already mapped.
#[derive(Debug, Clone)]
pub struct Doc {
    pub article: Article,
    /// Ordered by position, then annotator.
    pub spans: Vec<Span>,
    pub tags: Vec<Tag>,
    pub statuses: Vec<AnnotatorStatus>,
    /// Spans left out by `--drop`.
    pub dropped_by_label: u64,
    /// Relations whose two spans are both in `spans`, in the order they were made.
    pub relations: Vec<Relation>,
    /// The project's relation types and span attributes (read once per export).
    pub schema: Rc<RelationSchema>,
}

/// A span as training data sees it: position and label only.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Plain {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

impl Doc {
    /// Spans with the same place and label (several annotators agreeing) merged into one.
    /// Returns them by position, and how many were merged away.
    pub fn unique_spans(&self) -> (Vec<Plain>, u64) {
        let set: BTreeSet<Plain> = self
            .spans
            .iter()
            .map(|s| Plain { start: s.start as usize, end: s.end as usize, label: s.label.clone() })
            .collect();
        let merged = (self.spans.len() - set.len()) as u64;
        (set.into_iter().collect(), merged)
    }

    /// Relations as (source index, target index, type) into `spans`.
    pub fn relation_ends(&self) -> Vec<(usize, usize, &Relation)> {
        let at: std::collections::HashMap<i64, usize> =
            self.spans.iter().enumerate().map(|(k, s)| (s.id, k)).collect();
        self.relations
            .iter()
            .filter_map(|r| Some((*at.get(&r.from)?, *at.get(&r.to)?, r)))
            .collect()
    }

    /// Relations between the spans `unique_spans` gives, as (source index, target index, type), each
    /// once (several annotators' same relation merged), in order.
    pub fn unique_relations(&self, unique: &[Plain]) -> Vec<(usize, usize, String)> {
        let at = |s: &Span| {
            let p = Plain { start: s.start as usize, end: s.end as usize, label: s.label.clone() };
            unique.binary_search(&p).ok()
        };
        let set: BTreeSet<(usize, usize, String)> = self
            .relation_ends()
            .into_iter()
            .filter_map(|(f, t, r)| {
                Some((at(&self.spans[f])?, at(&self.spans[t])?, r.rtype.clone()))
            })
            .collect();
        set.into_iter().collect()
    }

    /// Whether `name` is a list attribute of `label` (its values are choices, not free text).
    pub fn choice_attr(&self, label: &str, name: &str) -> bool {
        self.schema
            .attributes
            .iter()
            .any(|a| a.label == label && a.name == name && a.kind != crate::model::AttrKind::Text)
    }

    /// Whether relations of this type are symmetric.
    pub fn symmetric(&self, rtype: &str) -> bool {
        self.schema.relation_types.iter().any(|t| t.name == rtype && !t.directed)
    }

    /// Distinct tag labels, sorted.
    pub fn tag_labels(&self) -> Vec<String> {
        let set: BTreeSet<&str> = self.tags.iter().map(|t| t.label.as_str()).collect();
        set.into_iter().map(str::to_string).collect()
    }
}

/// Refuse names that match nothing in the project, so a typo never exports the wrong data.
pub fn validate(conn: &Connection, o: &ExportOptions) -> Result<()> {
    let known = annotations::annotator_names(conn)?;
    for a in &o.annotators {
        if !known.contains(a) {
            return Err(Error::Invalid(format!(
                "there is no annotator named {a:?}; known: {}",
                known.join(", ")
            )));
        }
    }
    let all = labels::list(conn)?;
    let names = |kind: LabelKind| {
        all.iter().filter(|l| l.kind == kind).map(|l| l.name.clone()).collect::<Vec<_>>()
    };
    let (span_labels, tag_labels) = (names(LabelKind::Span), names(LabelKind::Tag));
    if let Some(t) = &o.tag {
        if !tag_labels.contains(t) {
            return Err(Error::Invalid(format!(
                "there is no tag named {t:?}; known: {}",
                tag_labels.join(", ")
            )));
        }
    }
    for (old, _) in &o.rename {
        if !span_labels.contains(old) {
            return Err(Error::Invalid(format!(
                "--rename names {old:?}, which is not a span label; known: {}",
                span_labels.join(", ")
            )));
        }
    }
    let renamed: Vec<&String> = o.rename.iter().map(|(_, n)| n).collect();
    for d in &o.drop {
        if !span_labels.contains(d) && !renamed.contains(&d) {
            return Err(Error::Invalid(format!(
                "--drop names {d:?}, which is not a span label; known: {}",
                span_labels.join(", ")
            )));
        }
    }
    Ok(())
}

/// The options with `--labels-at-depth` turned into renames (a label's own rename wins), so everything
/// downstream sees one mapping.
pub fn with_depth<'a>(
    conn: &Connection,
    o: &'a ExportOptions,
) -> Result<std::borrow::Cow<'a, ExportOptions>> {
    let Some(depth) = o.labels_at_depth else { return Ok(std::borrow::Cow::Borrowed(o)) };
    if depth == 0 {
        return Err(Error::Invalid(
            "--labels-at-depth counts from 1 (the top-level labels)".into(),
        ));
    }
    let all = labels::list(conn)?;
    let mut out = o.clone();
    out.labels_at_depth = None;
    for l in all.iter().filter(|l| l.kind == LabelKind::Span) {
        let up = labels::at_depth(&all, LabelKind::Span, &l.name, depth);
        if up != l.name && !o.rename.iter().any(|(old, _)| *old == l.name) {
            out.rename.push((l.name.clone(), up));
        }
    }
    Ok(std::borrow::Cow::Owned(out))
}

/// The span label set after renaming and dropping, sorted.
pub fn label_set(conn: &Connection, o: &ExportOptions) -> Result<Vec<String>> {
    let o = &*with_depth(conn, o)?;
    let set: BTreeSet<String> = labels::list(conn)?
        .into_iter()
        .filter(|l| l.kind == LabelKind::Span)
        .filter_map(|l| o.map_label(&l.name))
        .collect();
    Ok(set.into_iter().collect())
}

/// Whether an article passes the status, tag and query filters (spans are not loaded).
fn keep(o: &ExportOptions, a: &Article, tags: &[Tag], statuses: &[AnnotatorStatus]) -> bool {
    if let Some(q) = &o.query {
        if !a.title.contains(q.as_str()) && !a.text.contains(q.as_str()) {
            return false;
        }
    }
    if let Some(t) = &o.tag {
        if !tags.iter().any(|x| &x.label == t) {
            return false;
        }
    }
    if let Some(s) = o.status {
        let any = statuses.iter().any(|x| x.status == s);
        let none = statuses.is_empty() && s == Status::Todo;
        if !any && !none {
            return false;
        }
    }
    true
}

/// Whether a span of this origin (`None`: made by hand) is exported.
fn origin_chosen(o: &ExportOptions, origin: Option<&str>) -> bool {
    o.origin.as_deref().is_none_or(|want| want == origin.unwrap_or("analyst"))
}

fn chosen(o: &ExportOptions, who: &str) -> bool {
    o.annotators.is_empty() || o.annotators.iter().any(|a| a == who)
}

/// Visit each selected article in id order. With `with_spans` false the spans are not read
/// (for passes that only need to know which articles are in).
pub fn for_each_doc(
    conn: &Connection,
    o: &ExportOptions,
    with_spans: bool,
    mut f: impl FnMut(Doc) -> Result<()>,
) -> Result<()> {
    let o = &*with_depth(conn, o)?;
    if let Some(scope) = o.gold {
        return for_each_gold_doc(conn, o, scope, with_spans, f);
    }
    let schema = Rc::new(crate::relation_types::schema(conn)?);
    articles::for_each(conn, |a| {
        let mut tags = annotations::tags_of(conn, a.id)?;
        tags.retain(|t| chosen(o, &t.annotator));
        let mut statuses = annotations::statuses_of(conn, a.id)?;
        statuses.retain(|s| chosen(o, &s.annotator));
        if !keep(o, &a, &tags, &statuses) {
            return Ok(());
        }
        let mut spans = Vec::new();
        let mut dropped_by_label = 0;
        if with_spans {
            for mut s in annotations::spans_of(conn, a.id, &a.text)? {
                if !chosen(o, &s.annotator) || !origin_chosen(o, s.origin.as_deref()) {
                    continue;
                }
                match o.map_label(&s.label) {
                    Some(l) => {
                        s.label = l;
                        spans.push(s);
                    }
                    None => dropped_by_label += 1,
                }
            }
        }
        let mut relations = Vec::new();
        if with_spans {
            let kept: std::collections::HashSet<i64> = spans.iter().map(|s| s.id).collect();
            relations = crate::relations::relations_of(conn, a.id)?;
            relations.retain(|r| kept.contains(&r.from) && kept.contains(&r.to));
        }
        f(Doc {
            article: a,
            spans,
            tags,
            statuses,
            dropped_by_label,
            relations,
            schema: schema.clone(),
        })
    })
}

/// The gold layer as documents: gold spans (attributed to their reviewer, with their attribute
/// values and entity links), gold relations between them, gold tags, and the analysts' statuses for
/// the status filter.
fn for_each_gold_doc(
    conn: &Connection,
    o: &ExportOptions,
    scope: GoldScope,
    with_spans: bool,
    mut f: impl FnMut(Doc) -> Result<()>,
) -> Result<()> {
    let schema = Rc::new(crate::relation_types::schema(conn)?);
    articles::for_each(conn, |a| {
        if scope == GoldScope::Adjudicated && !gold::is_adjudicated(conn, a.id)? {
            return Ok(());
        }
        let tags: Vec<Tag> = gold::gold_tags(conn, a.id)?
            .into_iter()
            .map(|label| Tag { label, annotator: "gold".into(), created_at: String::new() })
            .collect();
        let statuses = annotations::statuses_of(conn, a.id)?;
        if !keep(o, &a, &tags, &statuses) {
            return Ok(());
        }
        let mut spans = Vec::new();
        let mut dropped_by_label = 0;
        if with_spans {
            for g in gold::gold_spans(conn, a.id)? {
                if !origin_chosen(o, None) {
                    continue;
                }
                match o.map_label(&g.label) {
                    Some(label) => spans.push(Span {
                        id: g.id,
                        article_id: g.article_id,
                        start: g.start,
                        end: g.end,
                        label,
                        annotator: g.reviewer,
                        text: g.text,
                        note: String::new(),
                        created_at: g.created_at.clone(),
                        updated_at: g.created_at,
                        origin: None,
                        entity: g.entity,
                        attrs: g.attrs,
                    }),
                    None => dropped_by_label += 1,
                }
            }
        }
        let mut relations = Vec::new();
        if with_spans {
            let kept: std::collections::HashSet<i64> = spans.iter().map(|s| s.id).collect();
            relations = crate::review::gold_relations::gold_relations(conn, a.id)?
                .iter()
                .filter(|r| kept.contains(&r.from) && kept.contains(&r.to))
                .map(|r| r.as_relation())
                .collect();
        }
        f(Doc {
            article: a,
            spans,
            tags,
            statuses,
            dropped_by_label,
            relations,
            schema: schema.clone(),
        })
    })
}
