//! Relation and span attribute agreement between two analysts: relation P/R/F1 (a match needs the
//! same two ends, exactly, and the same type; a symmetric type matches either way round), and
//! Cohen's kappa over the attribute values of the spans both marked exactly alike, and linking
//! accuracy (the same entity) over those spans when one of them is linked.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::compare::Key;
use super::metrics::{KappaAcc, Prf};
use crate::model::{Relation, Span};

pub const RELATION_RULE: &str =
    "a relation matches when both its ends match exactly (place and label) and its type \
                                 is the same; a symmetric type matches either way round";
pub const ATTRIBUTE_RULE: &str =
    "Cohen's kappa over every attribute value (absent counts as a value) of the spans \
                                  both analysts marked at the same place with the same label";

pub const LINKING_RULE: &str =
    "linking accuracy: of the spans both analysts marked at the same place with the same label and \
                                at least one linked to an entity, the share linked to the same entity";

/// One pair's relation, attribute and entity-link counts, summed over articles.
#[derive(Default)]
pub struct RelationAcc {
    pub relations: Prf,
    pub attributes: KappaAcc,
    values: HashMap<String, u32>,
    /// Spans marked alike with at least one entity link, and how many of them link the same entity.
    pub linked: u64,
    pub same_entity: u64,
}

type RelKey = (Key, Key, String);

fn keys(spans: &[&Span], rels: &[&Relation], symmetric: &HashSet<String>) -> BTreeMap<RelKey, u64> {
    let by_id: HashMap<i64, &Span> = spans.iter().map(|s| (s.id, *s)).collect();
    let mut out = BTreeMap::new();
    for r in rels {
        let (Some(f), Some(t)) = (by_id.get(&r.from), by_id.get(&r.to)) else { continue };
        let (mut f, mut t) = (Key::from(*f), Key::from(*t));
        if symmetric.contains(&r.rtype) && t < f {
            std::mem::swap(&mut f, &mut t);
        }
        *out.entry((f, t, r.rtype.clone())).or_default() += 1;
    }
    out
}

impl RelationAcc {
    /// The share of linked spans both linked to the same entity (none when no span was linked).
    pub fn linking_accuracy(&self) -> Option<f64> {
        (self.linked > 0).then(|| self.same_entity as f64 / self.linked as f64)
    }

    fn value(&mut self, v: Option<&serde_json::Value>) -> u32 {
        let s = match v {
            None => String::new(),
            Some(serde_json::Value::String(s)) => format!("s:{s}"),
            Some(other) => other.to_string(),
        };
        let n = self.values.len() as u32;
        *self.values.entry(s).or_insert(n)
    }

    /// Add one article: each analyst's spans and relations (their own only).
    pub fn add(
        &mut self,
        (a_spans, a_rels): (&[&Span], &[&Relation]),
        (b_spans, b_rels): (&[&Span], &[&Relation]),
        symmetric: &HashSet<String>,
    ) {
        let (ka, kb) = (keys(a_spans, a_rels, symmetric), keys(b_spans, b_rels, symmetric));
        let matched: u64 = ka.iter().map(|(k, n)| (*n).min(kb.get(k).copied().unwrap_or(0))).sum();
        let (na, nb) = (ka.values().sum(), kb.values().sum());
        if na + nb > 0 {
            self.relations += Prf::new(matched, na, nb);
        }
        let b_at: BTreeMap<Key, &Span> = b_spans.iter().map(|s| (Key::from(*s), *s)).collect();
        for s in a_spans {
            let Some(o) = b_at.get(&Key::from(*s)) else { continue };
            if s.entity.is_some() || o.entity.is_some() {
                self.linked += 1;
                self.same_entity += u64::from(s.entity == o.entity);
            }
            let mut names: Vec<&String> = s.attrs.keys().chain(o.attrs.keys()).collect();
            names.sort();
            names.dedup();
            for n in names {
                let (x, y) = (self.value(s.attrs.get(n)), self.value(o.attrs.get(n)));
                self.attributes.add(x, y);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs<T>(v: &[T]) -> Vec<&T> {
        v.iter().collect()
    }

    fn rrefs(v: &[Relation]) -> Vec<&Relation> {
        v.iter().collect()
    }

    fn span(id: i64, start: i64, label: &str, attrs: &[(&str, serde_json::Value)]) -> Span {
        Span {
            id,
            article_id: 1,
            start,
            end: start + 3,
            label: label.into(),
            annotator: String::new(),
            text: String::new(),
            note: String::new(),
            created_at: String::new(),
            updated_at: String::new(),
            origin: None,
            entity: None,
            attrs: attrs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect(),
        }
    }

    fn rel(from: i64, to: i64, t: &str) -> Relation {
        Relation {
            id: 0,
            article_id: 1,
            from,
            to,
            rtype: t.into(),
            annotator: String::new(),
            note: String::new(),
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    #[test]
    fn relations_match_on_both_ends_and_type_and_symmetry_ignores_direction() {
        let sym: HashSet<String> = ["MEETS".to_string()].into();
        let a = [span(1, 0, "PER", &[]), span(2, 10, "PER", &[]), span(3, 20, "LOC", &[])];
        let b = [span(11, 0, "PER", &[]), span(12, 10, "PER", &[]), span(13, 20, "LOC", &[])];
        let ar = [rel(1, 2, "MEETS"), rel(1, 3, "VISITS"), rel(2, 3, "VISITS")];
        // b: MEETS reversed (same), VISITS reversed (different direction), a type mismatch.
        let br = [rel(12, 11, "MEETS"), rel(13, 11, "VISITS"), rel(12, 13, "LEADS")];
        let mut acc = RelationAcc::default();
        acc.add((&refs(&a), &rrefs(&ar)), (&refs(&b), &rrefs(&br)), &sym);
        assert_eq!(acc.relations.f1.map(|f| (f * 1000.0).round()), Some(333.0));
    }

    #[test]
    fn linking_accuracy_counts_spans_marked_alike_with_a_link() {
        let linked = |id, start, e: Option<&str>| Span {
            entity: e.map(str::to_string),
            ..span(id, start, "PER", &[])
        };
        let a = [
            linked(1, 0, Some("E1")),
            linked(2, 10, Some("E2")),
            linked(3, 20, None),
            linked(4, 30, Some("E4")),
        ];
        // Same, different, neither linked (not counted), one linked; a span b lacks is not counted.
        let b = [linked(11, 0, Some("E1")), linked(12, 10, Some("E9")), linked(13, 20, None)];
        let mut acc = RelationAcc::default();
        acc.add((&refs(&a), &[]), (&refs(&b), &[]), &HashSet::new());
        assert_eq!((acc.linked, acc.same_entity), (2, 1));
        assert_eq!(acc.linking_accuracy(), Some(0.5));
        let b2 = [linked(11, 0, Some("E1")), linked(12, 10, None)];
        let mut acc = RelationAcc::default();
        acc.add((&refs(&a), &[]), (&refs(&b2), &[]), &HashSet::new());
        assert_eq!((acc.linked, acc.same_entity), (2, 1), "one linked, one not: a disagreement");
        assert_eq!(RelationAcc::default().linking_accuracy(), None);
    }

    #[test]
    fn attribute_kappa_compares_the_values_of_matching_spans() {
        use serde_json::json;
        let a = [
            span(1, 0, "PER", &[("certainty", json!("reported")), ("negated", json!(true))]),
            span(2, 10, "PER", &[("certainty", json!("certain"))]),
            span(3, 30, "PER", &[("certainty", json!("certain"))]),
        ];
        let b = [
            span(11, 0, "PER", &[("certainty", json!("reported")), ("negated", json!(true))]),
            span(12, 10, "PER", &[("certainty", json!("certain"))]),
        ];
        let mut acc = RelationAcc::default();
        acc.add((&refs(&a), &[]), (&refs(&b), &[]), &HashSet::new());
        // Three values compared (the third span has no partner), all equal.
        assert_eq!(acc.attributes.items(), 3);
        assert_eq!(acc.attributes.kappa(), Some(1.0));
        let b2 = [
            span(11, 0, "PER", &[("certainty", json!("certain"))]),
            span(12, 10, "PER", &[("certainty", json!("reported"))]),
        ];
        let mut acc = RelationAcc::default();
        acc.add((&refs(&a), &[]), (&refs(&b2), &[]), &HashSet::new());
        assert!(acc.attributes.kappa().is_some_and(|k| k < 0.0), "{:?}", acc.attributes.kappa());
    }
}
