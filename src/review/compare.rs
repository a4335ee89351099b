//! Comparing analysts' spans on one article: exact and overlap matching, and the disagreements a
//! reviewer walks through (missing, boundary, label, conflicting spans; tag differences).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use ts_rs::TS;

use crate::model::{Span, Tag};

/// The rule overlap matching uses, reported with the numbers.
pub const OVERLAP_RULE: &str =
    "same label and at least one shared code point; each span matched at most once, \
                                 largest overlap first";

/// A span reduced to what matching compares.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    pub start: i64,
    pub end: i64,
    pub label: String,
}

impl From<&Span> for Key {
    fn from(s: &Span) -> Key {
        Key { start: s.start, end: s.end, label: s.label.clone() }
    }
}

fn overlap(a: &Key, b: &Key) -> i64 {
    (a.end.min(b.end) - a.start.max(b.start)).max(0)
}

/// Spans of `a` and `b` that are identical (position and label), counted as a multiset.
pub fn exact_matches(a: &[Key], b: &[Key]) -> u64 {
    let mut left: BTreeMap<&Key, u64> = BTreeMap::new();
    for k in a {
        *left.entry(k).or_default() += 1;
    }
    let mut n = 0;
    for k in b {
        if let Some(c) = left.get_mut(k).filter(|c| **c > 0) {
            *c -= 1;
            n += 1;
        }
    }
    n
}

/// One-to-one matches under [`OVERLAP_RULE`].
pub fn overlap_matches(a: &[Key], b: &[Key]) -> u64 {
    let mut pairs: Vec<(i64, usize, usize)> = Vec::new();
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            let o = overlap(x, y);
            if o > 0 && x.label == y.label {
                pairs.push((o, i, j));
            }
        }
    }
    pairs.sort_by(|p, q| q.0.cmp(&p.0).then(p.1.cmp(&q.1)).then(p.2.cmp(&q.2)));
    let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
    let mut n = 0;
    for (_, i, j) in pairs {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            n += 1;
        }
    }
    n
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Another analyst has the same place with another label.
    Label,
    /// Another analyst has an overlapping span with the same label but other edges.
    Boundary,
    /// Another analyst has an overlapping span with another label and other edges.
    Conflict,
    /// Nobody else marked anything there.
    Missing,
}

/// One span (place + label) that not every compared analyst has.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Disagreement {
    pub start: i64,
    pub end: i64,
    pub label: String,
    pub text: String,
    pub kind: Kind,
    /// Analysts who have exactly this span, and the ids of their spans.
    pub has: Vec<String>,
    pub span_ids: Vec<i64>,
    pub lacks: Vec<String>,
    /// The place this version belongs to (0, 1, … in text order): overlapping versions of different analysts
    /// (a boundary, label or conflicting pair) share one place and count as one disagreement.
    pub place: i64,
}

/// A span every compared analyst has.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Agreed {
    pub start: i64,
    pub end: i64,
    pub label: String,
    pub text: String,
    pub span_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TagDifference {
    pub label: String,
    pub has: Vec<String>,
    pub lacks: Vec<String>,
}

/// Everything a reviewer needs to compare `annotators` on one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct Comparison {
    pub agreed: Vec<Agreed>,
    pub disagreements: Vec<Disagreement>,
    pub tag_differences: Vec<TagDifference>,
    /// How many disagreements there are, the one count Review and Agreement both show: each place where the
    /// analysts' versions differ (however many versions it has) and each tag difference.
    pub disagreement_count: i64,
}

impl Comparison {
    /// Places where the versions differ plus tag differences (see `disagreement_count`).
    pub fn count(&self) -> usize {
        let places = self.disagreements.iter().map(|d| d.place + 1).max().unwrap_or(0);
        places as usize + self.tag_differences.len()
    }
}

/// Number the places of `ds` (sorted by start): versions that overlap one another, directly or through a
/// chain, share a place; places are numbered in text order.
fn number_places(ds: &mut [Disagreement]) {
    let mut place = -1;
    let mut reach = i64::MIN;
    for d in ds.iter_mut() {
        if d.start >= reach {
            place += 1;
        }
        reach = reach.max(d.end);
        d.place = place;
    }
}

/// Compare the spans and tags of `annotators` (others' are ignored), ordered by position.
pub fn compare(spans: &[Span], tags: &[Tag], annotators: &[String]) -> Comparison {
    let who: BTreeSet<&str> = annotators.iter().map(String::as_str).collect();
    let spans: Vec<&Span> = spans.iter().filter(|s| who.contains(s.annotator.as_str())).collect();
    let mut by_key: BTreeMap<Key, Vec<&Span>> = BTreeMap::new();
    for s in &spans {
        by_key.entry(Key::from(*s)).or_default().push(s);
    }
    let mut out = Comparison::default();
    for (key, group) in by_key {
        let has: BTreeSet<&str> = group.iter().map(|s| s.annotator.as_str()).collect();
        let span_ids: Vec<i64> = group.iter().map(|s| s.id).collect();
        let text = group.first().map(|s| s.text.clone()).unwrap_or_default();
        if has.len() == who.len() {
            out.agreed.push(Agreed {
                start: key.start,
                end: key.end,
                label: key.label,
                text,
                span_ids,
            });
            continue;
        }
        let lacking: Vec<&str> = who.difference(&has).copied().collect();
        let theirs = |pred: &dyn Fn(&Span) -> bool| {
            spans.iter().any(|s| lacking.contains(&s.annotator.as_str()) && pred(s))
        };
        let kind = if theirs(&|s| s.start == key.start && s.end == key.end) {
            Kind::Label
        } else if theirs(&|s| s.label == key.label && overlap(&Key::from(s), &key) > 0) {
            Kind::Boundary
        } else if theirs(&|s| overlap(&Key::from(s), &key) > 0) {
            Kind::Conflict
        } else {
            Kind::Missing
        };
        out.disagreements.push(Disagreement {
            start: key.start,
            end: key.end,
            label: key.label,
            text,
            kind,
            has: has.iter().map(|s| s.to_string()).collect(),
            span_ids,
            lacks: lacking.iter().map(|s| s.to_string()).collect(),
            place: 0,
        });
    }
    number_places(&mut out.disagreements);
    let mut tag_has: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for t in tags.iter().filter(|t| who.contains(t.annotator.as_str())) {
        tag_has.entry(&t.label).or_default().insert(&t.annotator);
    }
    for (label, has) in tag_has {
        if has.len() < who.len() {
            out.tag_differences.push(TagDifference {
                label: label.to_string(),
                has: has.iter().map(|s| s.to_string()).collect(),
                lacks: who.difference(&has).map(|s| s.to_string()).collect(),
            });
        }
    }
    out.disagreement_count = out.count() as i64;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(start: i64, end: i64, label: &str) -> Key {
        Key { start, end, label: label.into() }
    }

    fn span(id: i64, who: &str, start: i64, end: i64, label: &str) -> Span {
        Span {
            id,
            article_id: 1,
            start,
            end,
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

    #[test]
    fn exact_and_overlap_matching() {
        let a = [k(0, 5, "PER"), k(10, 15, "LOC"), k(20, 25, "ORG"), k(30, 40, "PER")];
        let b = [
            k(0, 5, "PER"),
            k(11, 15, "LOC"),
            k(20, 25, "PER"),
            k(32, 35, "PER"),
            k(36, 39, "PER"),
        ];
        assert_eq!(exact_matches(&a, &b), 1);
        // (0,5) exact; (10,15)~(11,15) LOC; (30,40) matches only one of the two PER inside it.
        assert_eq!(overlap_matches(&a, &b), 3);
        assert_eq!(exact_matches(&[k(0, 1, "X"), k(0, 1, "X")], &[k(0, 1, "X")]), 1, "multiset");
    }

    #[test]
    fn disagreements_are_classified() {
        let spans = [
            span(1, "salma", 0, 5, "PER"),
            span(2, "karim", 0, 5, "PER"), // agreed
            span(3, "salma", 10, 15, "LOC"),
            span(4, "karim", 10, 15, "ORG"), // label
            span(5, "salma", 20, 30, "ORG"),
            span(6, "karim", 22, 30, "ORG"),   // boundary
            span(7, "salma", 40, 45, "EVENT"), // missing
            span(8, "salma", 50, 60, "ORG"),
            span(9, "karim", 55, 58, "LOC"),    // conflict
            span(10, "nadia", 40, 45, "EVENT"), // not compared
        ];
        let tags = [
            Tag { label: "security".into(), annotator: "salma".into(), created_at: String::new() },
            Tag { label: "security".into(), annotator: "karim".into(), created_at: String::new() },
            Tag { label: "sports".into(), annotator: "karim".into(), created_at: String::new() },
        ];
        let c = compare(&spans, &tags, &["salma".into(), "karim".into()]);
        assert_eq!(c.agreed.len(), 1);
        assert_eq!(c.agreed[0].span_ids, vec![1, 2]);
        let kinds: Vec<(i64, Kind, &str)> =
            c.disagreements.iter().map(|d| (d.start, d.kind, d.has[0].as_str())).collect();
        assert_eq!(
            kinds,
            vec![
                (10, Kind::Label, "salma"),
                (10, Kind::Label, "karim"),
                (20, Kind::Boundary, "salma"),
                (22, Kind::Boundary, "karim"),
                (40, Kind::Missing, "salma"),
                (50, Kind::Conflict, "salma"),
                (55, Kind::Conflict, "karim"),
            ]
        );
        assert_eq!(
            c.tag_differences,
            vec![TagDifference {
                label: "sports".into(),
                has: vec!["karim".into()],
                lacks: vec!["salma".into()]
            }]
        );
        // One disagreement per place (the label pair, the boundary pair, the missing span, the conflicting
        // pair) and one per tag difference: 5, whatever the number of versions (7).
        let places: Vec<i64> = c.disagreements.iter().map(|d| d.place).collect();
        assert_eq!(places, vec![0, 0, 1, 1, 2, 3, 3]);
        assert_eq!(c.count(), 5);
        assert_eq!(c.disagreement_count, 5);
    }
}
