//! Agreement statistics as pure functions: precision/recall/F1, Cohen's kappa, Fleiss' kappa and
//! Krippendorff's alpha (nominal). `None` where a statistic is undefined (e.g. no variation at all).

use std::collections::HashMap;

use serde::Serialize;
use ts_rs::TS;

/// Precision, recall and F1 of `b` against `a` as the reference, from match counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, TS)]
pub struct Prf {
    /// Matched spans.
    pub matched: u64,
    /// Spans of the first annotator (the reference).
    pub a_spans: u64,
    /// Spans of the second annotator.
    pub b_spans: u64,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
}

impl std::ops::Add for Prf {
    type Output = Prf;
    fn add(self, o: Prf) -> Prf {
        Prf::new(self.matched + o.matched, self.a_spans + o.a_spans, self.b_spans + o.b_spans)
    }
}

impl std::ops::AddAssign for Prf {
    fn add_assign(&mut self, o: Prf) {
        *self = *self + o;
    }
}

impl Prf {
    pub fn new(matched: u64, a_spans: u64, b_spans: u64) -> Prf {
        let ratio = |n: u64, d: u64| (d > 0).then(|| n as f64 / d as f64);
        Prf {
            matched,
            a_spans,
            b_spans,
            precision: ratio(matched, b_spans),
            recall: ratio(matched, a_spans),
            // F1 = 2·matched / (|A| + |B|): symmetric in the pair.
            f1: ratio(2 * matched, a_spans + b_spans),
        }
    }
}

/// A dense square table of small category ids, grown on demand.
#[derive(Debug, Clone, Default)]
struct Square {
    k: usize,
    cells: Vec<f64>,
}

impl Square {
    fn add(&mut self, a: u32, b: u32, v: f64) {
        let need = (a.max(b) as usize) + 1;
        if need > self.k {
            let mut cells = vec![0.0; need * need];
            for i in 0..self.k {
                cells[i * need..i * need + self.k]
                    .copy_from_slice(&self.cells[i * self.k..(i + 1) * self.k]);
            }
            self.k = need;
            self.cells = cells;
        }
        self.cells[a as usize * self.k + b as usize] += v;
    }

    fn iter(&self) -> impl Iterator<Item = (u32, u32, f64)> + '_ {
        self.cells
            .iter()
            .enumerate()
            .filter(|(_, v)| **v != 0.0)
            .map(move |(i, v)| ((i / self.k) as u32, (i % self.k) as u32, *v))
    }
}

/// Counts for Cohen's kappa between two raters: a confusion table of category ids.
#[derive(Debug, Clone, Default)]
pub struct KappaAcc {
    table: Square,
}

impl KappaAcc {
    pub fn add(&mut self, a: u32, b: u32) {
        self.table.add(a, b, 1.0);
    }

    pub fn items(&self) -> u64 {
        self.table.cells.iter().sum::<f64>() as u64
    }

    /// Cohen's kappa; `None` with no items or no variation at all (as scikit-learn's NaN).
    pub fn kappa(&self) -> Option<f64> {
        self.kappa_where(|c| c)
    }

    /// Kappa after mapping categories (e.g. to "this label" / "anything else").
    pub fn kappa_where(&self, map: impl Fn(u32) -> u32) -> Option<f64> {
        let n = self.items() as f64;
        if n == 0.0 {
            return None;
        }
        let (mut agree, mut ca, mut cb) =
            (0.0, HashMap::<u32, f64>::new(), HashMap::<u32, f64>::new());
        for (a, b, c) in self.table.iter() {
            let (a, b) = (map(a), map(b));
            if a == b {
                agree += c;
            }
            *ca.entry(a).or_default() += c;
            *cb.entry(b).or_default() += c;
        }
        let pe: f64 =
            ca.iter().map(|(k, v)| v * cb.get(k).copied().unwrap_or(0.0)).sum::<f64>() / (n * n);
        (pe < 1.0).then(|| (agree / n - pe) / (1.0 - pe))
    }
}

/// Cohen's kappa of two raters' category sequences (same length).
pub fn cohen_kappa<T: Eq + std::hash::Hash>(a: &[T], b: &[T]) -> Option<f64> {
    if a.len() != b.len() {
        return None;
    }
    let mut ids: HashMap<&T, u32> = HashMap::new();
    let mut acc = KappaAcc::default();
    for (x, y) in a.iter().zip(b) {
        let next = ids.len() as u32;
        let x = *ids.entry(x).or_insert(next);
        let next = ids.len() as u32;
        let y = *ids.entry(y).or_insert(next);
        acc.add(x, y);
    }
    acc.kappa()
}

/// Sums for Fleiss' kappa over items that all the same `raters` rated.
#[derive(Debug, Clone, Default)]
pub struct FleissAcc {
    items: u64,
    raters: u32,
    sum_p_i: f64,
    totals: Vec<f64>,
}

impl FleissAcc {
    /// One item: how many raters chose each category (the counts must sum to the same rater number).
    pub fn add(&mut self, counts: &[(u32, u32)]) -> bool {
        let n: u32 = counts.iter().map(|c| c.1).sum();
        if n < 2 || (self.items > 0 && n != self.raters) {
            return false;
        }
        self.raters = n;
        let nf = n as f64;
        let sq: f64 = counts.iter().map(|&(_, x)| (x as f64) * (x as f64)).sum();
        self.sum_p_i += (sq - nf) / (nf * (nf - 1.0));
        for &(c, x) in counts {
            let c = c as usize;
            if c >= self.totals.len() {
                self.totals.resize(c + 1, 0.0);
            }
            self.totals[c] += x as f64;
        }
        self.items += 1;
        true
    }

    pub fn kappa(&self) -> Option<f64> {
        if self.items == 0 {
            return None;
        }
        let (n, items) = (self.raters as f64, self.items as f64);
        let p_bar = self.sum_p_i / items;
        let pe: f64 = self.totals.iter().map(|s| (s / (items * n)).powi(2)).sum();
        (pe < 1.0).then(|| (p_bar - pe) / (1.0 - pe))
    }
}

/// Fleiss' kappa: `counts[i][j]` raters who put item `i` in category `j`; every item the same raters.
pub fn fleiss_kappa(counts: &[Vec<u32>]) -> Option<f64> {
    let mut acc = FleissAcc::default();
    for c in counts {
        let row: Vec<(u32, u32)> = c.iter().enumerate().map(|(j, &x)| (j as u32, x)).collect();
        if !acc.add(&row) {
            return None;
        }
    }
    acc.kappa()
}

/// Coincidences for Krippendorff's alpha (nominal).
#[derive(Debug, Clone, Default)]
pub struct AlphaAcc {
    o: Square,
}

impl AlphaAcc {
    /// One unit: the values its raters gave (absent raters simply not listed).
    /// Units with fewer than two values are not pairable and add nothing.
    pub fn add(&mut self, values: &[u32]) {
        let mut counts: Vec<(u32, u32)> = Vec::new();
        for &v in values {
            match counts.iter_mut().find(|c| c.0 == v) {
                Some(c) => c.1 += 1,
                None => counts.push((v, 1)),
            }
        }
        self.add_counts(&counts);
    }

    /// One unit given as (value, how many raters gave it).
    pub fn add_counts(&mut self, counts: &[(u32, u32)]) {
        let m: u32 = counts.iter().map(|c| c.1).sum();
        if m < 2 {
            return;
        }
        let m = m as f64;
        for &(c, nc) in counts {
            for &(k, nk) in counts {
                let (nc, nk) = (nc as f64, nk as f64);
                let pairs = if c == k { nc * (nc - 1.0) } else { nc * nk };
                if pairs > 0.0 {
                    self.o.add(c, k, pairs / (m - 1.0));
                }
            }
        }
    }

    pub fn alpha(&self) -> Option<f64> {
        let mut n_c = vec![0.0; self.o.k];
        let mut d_o = 0.0;
        for (c, k, v) in self.o.iter() {
            n_c[c as usize] += v;
            if c != k {
                d_o += v;
            }
        }
        let n: f64 = n_c.iter().sum();
        if n <= 1.0 {
            return None;
        }
        let d_e: f64 = n_c.iter().map(|a| a * (n - a)).sum();
        (d_e > 0.0).then(|| 1.0 - (n - 1.0) * d_o / d_e)
    }
}

/// Krippendorff's alpha for nominal data. Each unit lists the values the raters gave it (raters
/// who did not rate it are simply absent); units with fewer than two values are not pairable.
pub fn krippendorff_alpha_nominal(units: &[Vec<u32>]) -> Option<f64> {
    let mut acc = AlphaAcc::default();
    for u in units {
        acc.add(u);
    }
    acc.alpha()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn prf_by_hand() {
        let p = Prf::new(3, 4, 5);
        assert!(close(p.precision, 0.6) && close(p.recall, 0.75) && close(p.f1, 6.0 / 9.0));
        assert_eq!(Prf::new(0, 0, 0).f1, None);
        assert_eq!(Prf::new(1, 2, 2) + Prf::new(1, 1, 2), Prf::new(2, 3, 4));
    }

    #[test]
    fn cohen_by_hand() {
        // 10 items; a: 5 Y 5 N; b: 6 Y 4 N; agree on 7 (4 Y, 3 N).
        // po = 0.7, pe = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4.
        let a = "YYYYYNNNNN".chars().collect::<Vec<_>>();
        let b = "YYYYNYYNNN".chars().collect::<Vec<_>>();
        assert!(close(cohen_kappa(&a, &b), 0.4));
        assert!(close(cohen_kappa(&a, &a), 1.0));
        assert_eq!(
            cohen_kappa(&['O', 'O'], &['O', 'O']),
            None,
            "no variation: undefined, as in scikit-learn"
        );
        assert_eq!(cohen_kappa::<char>(&[], &[]), None);
    }

    #[test]
    fn fleiss_by_hand() {
        // Wikipedia's worked example: 10 items, 14 raters, 5 categories → κ ≈ 0.210.
        let table: Vec<Vec<u32>> = vec![
            vec![0, 0, 0, 0, 14],
            vec![0, 2, 6, 4, 2],
            vec![0, 0, 3, 5, 6],
            vec![0, 3, 9, 2, 0],
            vec![2, 2, 8, 1, 1],
            vec![7, 7, 0, 0, 0],
            vec![3, 2, 6, 3, 0],
            vec![2, 5, 3, 2, 2],
            vec![6, 5, 2, 1, 0],
            vec![0, 2, 2, 3, 7],
        ];
        let k = fleiss_kappa(&table).unwrap_or(f64::NAN);
        assert!((k - 0.20993).abs() < 1e-4, "{k}");
        assert_eq!(fleiss_kappa(&[vec![1, 0], vec![2, 0]]), None, "unequal raters per item");
    }

    #[test]
    fn krippendorff_by_hand() {
        // Two raters, 4 units: (1,1) (1,2) (2,2) (2,2). Coincidences: o11=2, o12=o21=1, o22=4; n=8,
        // n1=3, n2=5. α = 1 − (n−1)·Do/De = 1 − 7·2/(2·15) = 1 − 14/30 = 0.5333…
        let units = vec![vec![1, 1], vec![1, 2], vec![2, 2], vec![2, 2]];
        assert!(close(krippendorff_alpha_nominal(&units), 1.0 - 14.0 / 30.0));
        // Missing values are simply absent; a unit with one value is not pairable.
        let with_missing = vec![vec![1, 1], vec![1, 2], vec![2, 2], vec![2, 2], vec![1]];
        assert_eq!(krippendorff_alpha_nominal(&with_missing), krippendorff_alpha_nominal(&units));
        assert!(close(krippendorff_alpha_nominal(&[vec![1, 1, 1], vec![2, 2, 2]]), 1.0));
        assert_eq!(krippendorff_alpha_nominal(&[vec![1, 1]]), None, "one value only");
    }
}
