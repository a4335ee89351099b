//! Precision, recall and F1 of suggestions against the analysts' spans: exact place and label,
//! overall and per label.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use ts_rs::TS;

use crate::review::metrics::Prf;

/// Scores of one recommender. In each [`Prf`], `a_spans` counts the reference spans and
/// `b_spans` the suggested ones.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct Scores {
    pub overall: Prf,
    pub by_label: BTreeMap<String, Prf>,
}

/// A span as scored: `(start, end, label)` in any unit both sides share.
pub type Item = (usize, usize, String);

impl Scores {
    /// Count one document: exact matches of place and label.
    pub fn add(&mut self, gold: &[Item], predicted: &[Item]) {
        let g: BTreeSet<&Item> = gold.iter().collect();
        let p: BTreeSet<&Item> = predicted.iter().collect();
        let labels: BTreeSet<&String> = g.iter().chain(p.iter()).map(|i| &i.2).collect();
        for label in labels {
            let gl = g.iter().filter(|i| &i.2 == label).count() as u64;
            let pl = p.iter().filter(|i| &i.2 == label).count() as u64;
            let m = p.iter().filter(|i| &i.2 == label && g.contains(*i)).count() as u64;
            let d = Prf::new(m, gl, pl);
            *self.by_label.entry(label.clone()).or_default() += d;
            self.overall += d;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn it(a: usize, b: usize, l: &str) -> Item {
        (a, b, l.to_string())
    }

    #[test]
    fn exact_span_and_label_arithmetic() {
        let mut s = Scores::default();
        // Gold: 3 spans. Predicted: one exact, one with the wrong label, one with a wrong edge, one extra.
        let gold = [it(0, 2, "PER"), it(5, 7, "LOC"), it(9, 12, "ORG")];
        let pred = [it(0, 2, "PER"), it(5, 7, "ORG"), it(9, 11, "ORG"), it(20, 21, "LOC")];
        s.add(&gold, &pred);
        assert_eq!(s.overall.matched, 1);
        assert_eq!((s.overall.a_spans, s.overall.b_spans), (3, 4));
        assert_eq!(s.overall.precision, Some(0.25));
        assert_eq!(s.overall.recall, Some(1.0 / 3.0));
        let f1 = s.overall.f1.unwrap();
        assert!((f1 - 2.0 / 7.0).abs() < 1e-12, "{f1}");
        assert_eq!(s.by_label["PER"].f1, Some(1.0));
        assert_eq!(s.by_label["LOC"].matched, 0);
        assert_eq!((s.by_label["ORG"].a_spans, s.by_label["ORG"].b_spans), (1, 2));
        // A second document adds up.
        s.add(&[it(0, 1, "PER")], &[it(0, 1, "PER")]);
        assert_eq!(s.by_label["PER"].precision, Some(1.0));
        assert_eq!(s.overall.matched, 2);
        // Nothing predicted: precision undefined, recall zero.
        let mut e = Scores::default();
        e.add(&[it(0, 1, "PER")], &[]);
        assert_eq!((e.overall.precision, e.overall.recall), (None, Some(0.0)));
    }
}
