//! Where analysts' relations and span attributes differ on one article, for review: a relation one
//! analyst has and another lacks (missing), with another type (type) or running the other way
//! (direction); an attribute value or an entity link that differs on spans marked alike.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;
use ts_rs::TS;

use super::compare::Key;
use crate::model::{Relation, Span};

/// A span's place and label.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
pub struct Place {
    pub start: i64,
    pub end: i64,
    pub label: String,
}

impl From<&Key> for Place {
    fn from(k: &Key) -> Place {
        Place { start: k.start, end: k.end, label: k.label.clone() }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RelationDiffKind {
    Missing,
    Type,
    Direction,
}

/// One analyst's relation between the two places (absent: none).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RelationVote {
    pub annotator: String,
    pub relation_id: Option<i64>,
    #[serde(rename = "type")]
    #[ts(rename = "type")]
    pub rtype: Option<String>,
    /// The relation runs from `b` to `a`.
    pub reversed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RelationDisagreement {
    pub kind: RelationDiffKind,
    /// The two places, in text order.
    pub a: Place,
    pub b: Place,
    pub votes: Vec<RelationVote>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AttributeDisagreement {
    pub place: Place,
    pub name: String,
    /// Each analyst with a span at this place: their value (absent: none).
    #[ts(type = "Array<[string, boolean | string | null]>")]
    pub values: Vec<(String, Option<serde_json::Value>)>,
    /// The analysts' spans, in the order of `values` (to take one's value into gold).
    pub span_ids: Vec<i64>,
}

/// Analysts' spans at one place with one label linked to different entities (or one linked, one not).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LinkDisagreement {
    pub place: Place,
    /// Each analyst with a span at this place: the entity id it is linked to (absent: none).
    pub entities: Vec<(String, Option<String>)>,
    /// The analysts' spans, in the order of `entities`.
    pub span_ids: Vec<i64>,
}

/// Each analyst's first relation between two places, and whether it runs from the later to the earlier.
type ByAnalyst<'a> = BTreeMap<&'a str, (&'a Relation, bool)>;

/// Each pair of places (in text order) where some analyst has a relation, with every analyst's vote.
fn votes_by_pair(
    spans: &[Span],
    relations: &[Relation],
    annotators: &[String],
    symmetric: &HashSet<String>,
) -> Vec<(Key, Key, Vec<RelationVote>)> {
    let key_of: HashMap<i64, Key> = spans.iter().map(|s| (s.id, Key::from(s))).collect();
    // By pair of places in text order: each analyst's first relation there.
    let mut pairs: BTreeMap<(Key, Key), ByAnalyst> = BTreeMap::new();
    for r in relations.iter().filter(|r| annotators.contains(&r.annotator)) {
        let (Some(f), Some(t)) = (key_of.get(&r.from), key_of.get(&r.to)) else { continue };
        let reversed = t < f;
        let k = if reversed { (t.clone(), f.clone()) } else { (f.clone(), t.clone()) };
        pairs.entry(k).or_default().entry(r.annotator.as_str()).or_insert((r, reversed));
    }
    let mut out = Vec::new();
    for ((a, b), by) in pairs {
        let votes = annotators
            .iter()
            .map(|w| match by.get(w.as_str()) {
                Some((r, rev)) => RelationVote {
                    annotator: w.clone(),
                    relation_id: Some(r.id),
                    rtype: Some(r.rtype.clone()),
                    reversed: *rev && !symmetric.contains(&r.rtype),
                },
                None => RelationVote {
                    annotator: w.clone(),
                    relation_id: None,
                    rtype: None,
                    reversed: false,
                },
            })
            .collect();
        out.push((a, b, votes));
    }
    out
}

/// The relation disagreements of one article between `annotators` (their own spans and relations).
pub fn relation_disagreements(
    spans: &[Span],
    relations: &[Relation],
    annotators: &[String],
    symmetric: &HashSet<String>,
) -> Vec<RelationDisagreement> {
    let mut out = Vec::new();
    for (a, b, votes) in votes_by_pair(spans, relations, annotators, symmetric) {
        let types: BTreeSet<&Option<String>> = votes.iter().map(|v| &v.rtype).collect();
        let ways: BTreeSet<bool> = votes.iter().map(|v| v.reversed).collect();
        let kind = if votes.iter().any(|v| v.rtype.is_none()) {
            RelationDiffKind::Missing
        } else if types.len() > 1 {
            RelationDiffKind::Type
        } else if ways.len() > 1 {
            RelationDiffKind::Direction
        } else {
            continue;
        };
        out.push(RelationDisagreement { kind, a: Place::from(&a), b: Place::from(&b), votes });
    }
    out
}

/// The relations every one of `annotators` marked alike (same ends, type and direction): the first
/// analyst's relation of each.
pub fn agreed_relations(
    spans: &[Span],
    relations: &[Relation],
    annotators: &[String],
    symmetric: &HashSet<String>,
) -> Vec<i64> {
    votes_by_pair(spans, relations, annotators, symmetric)
        .into_iter()
        .filter(|(_, _, v)| {
            v.iter()
                .all(|x| x.rtype.is_some() && x.rtype == v[0].rtype && x.reversed == v[0].reversed)
        })
        .filter_map(|(_, _, v)| v.first().and_then(|x| x.relation_id))
        .collect()
}

/// Attribute values that differ between analysts' spans at the same place with the same label.
pub fn attribute_disagreements(
    spans: &[Span],
    annotators: &[String],
) -> Vec<AttributeDisagreement> {
    let mut at: BTreeMap<Key, Vec<&Span>> = BTreeMap::new();
    for s in spans.iter().filter(|s| annotators.contains(&s.annotator)) {
        at.entry(Key::from(s)).or_default().push(s);
    }
    let mut out = Vec::new();
    for (k, group) in at.into_iter().filter(|(_, g)| g.len() > 1) {
        let names: BTreeSet<&String> = group.iter().flat_map(|s| s.attrs.keys()).collect();
        for name in names {
            let values: Vec<(String, Option<serde_json::Value>)> =
                group.iter().map(|s| (s.annotator.clone(), s.attrs.get(name).cloned())).collect();
            if values.iter().any(|v| v.1 != values[0].1) {
                out.push(AttributeDisagreement {
                    place: Place::from(&k),
                    name: name.clone(),
                    values,
                    span_ids: group.iter().map(|s| s.id).collect(),
                });
            }
        }
    }
    out
}

/// Entity links that differ between analysts' spans at the same place with the same label.
pub fn link_disagreements(spans: &[Span], annotators: &[String]) -> Vec<LinkDisagreement> {
    let mut at: BTreeMap<Key, Vec<&Span>> = BTreeMap::new();
    for s in spans.iter().filter(|s| annotators.contains(&s.annotator)) {
        at.entry(Key::from(s)).or_default().push(s);
    }
    at.into_iter()
        .filter(|(_, g)| g.len() > 1 && g.iter().any(|s| s.entity != g[0].entity))
        .map(|(k, g)| LinkDisagreement {
            place: Place::from(&k),
            entities: g.iter().map(|s| (s.annotator.clone(), s.entity.clone())).collect(),
            span_ids: g.iter().map(|s| s.id).collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(id: i64, who: &str, start: i64, label: &str) -> Span {
        Span {
            id,
            article_id: 1,
            start,
            end: start + 2,
            label: label.into(),
            annotator: who.into(),
            text: String::new(),
            note: String::new(),
            created_at: String::new(),
            updated_at: String::new(),
            origin: None,
            entity: None,
            attrs: Default::default(),
        }
    }

    fn rel(from: i64, to: i64, t: &str, who: &str) -> Relation {
        Relation {
            id: from * 100 + to,
            article_id: 1,
            from,
            to,
            rtype: t.into(),
            annotator: who.into(),
            note: String::new(),
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    #[test]
    fn a_directed_relation_the_other_way_round_is_a_direction_disagreement() {
        let spans = [
            span(1, "a", 0, "PER"),
            span(2, "a", 5, "PER"),
            span(3, "b", 0, "PER"),
            span(4, "b", 5, "PER"),
        ];
        let who = ["a".to_string(), "b".to_string()];
        let sym: HashSet<String> = ["MEETS".to_string()].into();
        let d = relation_disagreements(
            &spans,
            &[rel(1, 2, "ADVISES", "a"), rel(4, 3, "ADVISES", "b")],
            &who,
            &sym,
        );
        assert_eq!(d.iter().map(|x| x.kind).collect::<Vec<_>>(), [RelationDiffKind::Direction]);
        assert_eq!(d[0].votes.iter().map(|v| v.reversed).collect::<Vec<_>>(), [false, true]);
        // A symmetric type the other way round is the same relation.
        let d = relation_disagreements(
            &spans,
            &[rel(1, 2, "MEETS", "a"), rel(4, 3, "MEETS", "b")],
            &who,
            &sym,
        );
        assert!(d.is_empty(), "{d:?}");
    }
}
