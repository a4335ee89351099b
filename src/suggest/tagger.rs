//! An averaged structured perceptron over BIO tags (a linear-chain model decoded with Viterbi),
//! trained in-process; features are opaque 64-bit hashes (see `features.rs`).

use std::collections::HashMap;

use crate::error::{Error, Result};

/// One training sentence: the feature hashes of each token and its gold tag index.
#[derive(Debug, Clone)]
pub struct Example {
    pub feats: Vec<Vec<u64>>,
    pub tags: Vec<u16>,
}

/// How to train.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 20, seed: 1 }
    }
}

/// A trained model: tag names ("O", "B-X", "I-X"…), feature weights per tag, tag transitions.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    pub tags: Vec<String>,
    index: HashMap<u64, u32>,
    /// `weights[f * tags + t]`.
    weights: Vec<f32>,
    /// `trans[(prev + 1) * tags + t]`; row 0 is the sentence start.
    trans: Vec<f32>,
    /// [`allowed_matrix`] of `tags`.
    ok: Vec<bool>,
}

/// A small deterministic generator (splitmix64), so a seed gives the same model on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Fisher–Yates.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Which tag may follow which in BIO: `ok[(from + 1) * tags + to]`, row 0 the sentence start.
fn allowed_matrix(tags: &[String]) -> Vec<bool> {
    let mut ok = Vec::with_capacity((tags.len() + 1) * tags.len());
    for from in std::iter::once(None).chain((0..tags.len()).map(Some)) {
        ok.extend((0..tags.len()).map(|to| allowed(tags, from, to)));
    }
    ok
}

/// Whether tag `to` may follow tag `from` in BIO (`from` None: the sentence start).
fn allowed(tags: &[String], from: Option<usize>, to: usize) -> bool {
    match tags[to].strip_prefix("I-") {
        None => true,
        Some(ty) => from.is_some_and(|f| tags[f].get(2..) == Some(ty) && tags[f] != "O"),
    }
}

/// Weights being trained, with the sums that make the average (updated lazily).
struct Averaged {
    w: Vec<f32>,
    sum: Vec<f64>,
    last: Vec<u32>,
}

impl Averaged {
    fn new(n: usize) -> Averaged {
        Averaged { w: vec![0.0; n], sum: vec![0.0; n], last: vec![0; n] }
    }
    fn add(&mut self, i: usize, delta: f32, now: u32) {
        self.sum[i] += f64::from(now - self.last[i]) * f64::from(self.w[i]);
        self.last[i] = now;
        self.w[i] += delta;
    }
    fn average(mut self, now: u32) -> Vec<f32> {
        let n = f64::from(now.max(1));
        for i in 0..self.w.len() {
            self.sum[i] += f64::from(now - self.last[i]) * f64::from(self.w[i]);
        }
        self.sum.iter().map(|s| (s / n) as f32).collect()
    }
}

impl Tagger {
    /// Train on `examples`; `cancelled` is asked between sentences and stops training with an error.
    pub fn train(
        tags: Vec<String>,
        examples: &[Example],
        opts: TrainOptions,
        cancelled: &dyn Fn() -> bool,
    ) -> Result<Tagger> {
        let nt = tags.len();
        let mut index: HashMap<u64, u32> = HashMap::new();
        // Features indexed by token, so an epoch does no hashing.
        let mut ids: Vec<Vec<Vec<u32>>> = Vec::with_capacity(examples.len());
        for ex in examples {
            let sent = ex
                .feats
                .iter()
                .map(|fs| {
                    fs.iter()
                        .map(|h| {
                            let n = index.len() as u32;
                            *index.entry(*h).or_insert(n)
                        })
                        .collect()
                })
                .collect();
            ids.push(sent);
        }
        let mut w = Averaged::new(index.len() * nt);
        let mut tr = Averaged::new((nt + 1) * nt);
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = Rng::new(opts.seed);
        let mut now: u32 = 1;
        let ok = allowed_matrix(&tags);
        let mut scratch =
            Tagger { tags, index: HashMap::new(), weights: Vec::new(), trans: Vec::new(), ok };
        for _ in 0..opts.epochs {
            rng.shuffle(&mut order);
            for &k in &order {
                if cancelled() {
                    return Err(Error::Conflict("training was cancelled".into()));
                }
                let (sent, gold) = (&ids[k], &examples[k].tags);
                if sent.is_empty() {
                    continue;
                }
                let emit: Vec<Vec<f32>> = sent
                    .iter()
                    .map(|fs| {
                        let mut row = vec![0f32; nt];
                        for &f in fs {
                            let base = f as usize * nt;
                            for (t, r) in row.iter_mut().enumerate() {
                                *r += w.w[base + t];
                            }
                        }
                        row
                    })
                    .collect();
                let pred = scratch.viterbi(&emit, &tr.w);
                if pred.iter().zip(gold).any(|(p, g)| *p as u16 != *g) {
                    for (i, fs) in sent.iter().enumerate() {
                        let (g, p) = (gold[i] as usize, pred[i]);
                        if g != p {
                            for &f in fs {
                                w.add(f as usize * nt + g, 1.0, now);
                                w.add(f as usize * nt + p, -1.0, now);
                            }
                        }
                        let gprev = if i == 0 { 0 } else { gold[i - 1] as usize + 1 };
                        let pprev = if i == 0 { 0 } else { pred[i - 1] + 1 };
                        if (gprev, g) != (pprev, p) {
                            tr.add(gprev * nt + g, 1.0, now);
                            tr.add(pprev * nt + p, -1.0, now);
                        }
                    }
                }
                now += 1;
            }
        }
        scratch.weights = w.average(now);
        scratch.trans = tr.average(now);
        scratch.index = index;
        scratch.prune();
        Ok(scratch)
    }

    /// Drop features whose every averaged weight is zero.
    fn prune(&mut self) {
        let nt = self.tags.len();
        let mut index = HashMap::new();
        let mut weights = Vec::new();
        let mut by_id: Vec<(u64, u32)> = self.index.iter().map(|(h, i)| (*h, *i)).collect();
        by_id.sort_by_key(|(_, i)| *i);
        for (h, i) in by_id {
            let row = &self.weights[i as usize * nt..(i as usize + 1) * nt];
            if row.iter().any(|x| *x != 0.0) {
                index.insert(h, (weights.len() / nt) as u32);
                weights.extend_from_slice(row);
            }
        }
        self.index = index;
        self.weights = weights;
    }

    /// Number of features with a weight.
    pub fn features(&self) -> usize {
        self.index.len()
    }

    /// Emission scores of every token for every tag.
    pub fn emissions(&self, feats: &[Vec<u64>]) -> Vec<Vec<f32>> {
        let nt = self.tags.len();
        feats
            .iter()
            .map(|fs| {
                let mut row = vec![0f32; nt];
                for f in fs.iter().filter_map(|h| self.index.get(h)) {
                    let base = *f as usize * nt;
                    for (t, r) in row.iter_mut().enumerate() {
                        *r += self.weights[base + t];
                    }
                }
                row
            })
            .collect()
    }

    /// The best tag sequence under BIO constraints.
    fn viterbi(&self, emit: &[Vec<f32>], trans: &[f32]) -> Vec<usize> {
        let nt = self.tags.len();
        let n = emit.len();
        let mut score = vec![f32::NEG_INFINITY; n * nt];
        let mut back = vec![0usize; n * nt];
        for t in 0..nt {
            if self.ok[t] {
                score[t] = emit[0][t] + trans[t];
            }
        }
        for i in 1..n {
            for t in 0..nt {
                let mut best = (f32::NEG_INFINITY, 0);
                for p in 0..nt {
                    let prev = score[(i - 1) * nt + p];
                    if prev == f32::NEG_INFINITY || !self.ok[(p + 1) * nt + t] {
                        continue;
                    }
                    let s = prev + trans[(p + 1) * nt + t];
                    if s > best.0 {
                        best = (s, p);
                    }
                }
                score[i * nt + t] = best.0 + emit[i][t];
                back[i * nt + t] = best.1;
            }
        }
        let mut t = (0..nt)
            .max_by(|a, b| score[(n - 1) * nt + a].total_cmp(&score[(n - 1) * nt + b]))
            .unwrap_or(0);
        let mut out = vec![0; n];
        for i in (0..n).rev() {
            out[i] = t;
            t = back[i * nt + t];
        }
        out
    }

    /// Tag a sentence: the best tags, and each token's probability of its tag (the scores read as a
    /// CRF's potentials, through forward–backward): a confidence for active learning and thresholds.
    pub fn tag(&self, feats: &[Vec<u64>]) -> (Vec<usize>, Vec<f64>) {
        if feats.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let emit = self.emissions(feats);
        let best = self.viterbi(&emit, &self.trans);
        let marg = self.marginals(&emit);
        let conf = best.iter().enumerate().map(|(i, t)| marg[i][*t].clamp(0.0, 1.0)).collect();
        (best, conf)
    }

    fn marginals(&self, emit: &[Vec<f32>]) -> Vec<Vec<f64>> {
        let nt = self.tags.len();
        let n = emit.len();
        let tr = |k: usize| if self.ok[k] { f64::from(self.trans[k]) } else { f64::NEG_INFINITY };
        let mut buf = vec![0f64; nt];
        let mut alpha = vec![vec![f64::NEG_INFINITY; nt]; n];
        for t in 0..nt {
            alpha[0][t] = tr(t) + f64::from(emit[0][t]);
        }
        for i in 1..n {
            for t in 0..nt {
                for p in 0..nt {
                    buf[p] = alpha[i - 1][p] + tr((p + 1) * nt + t);
                }
                alpha[i][t] = log_sum_exp(&buf) + f64::from(emit[i][t]);
            }
        }
        let mut beta = vec![vec![0f64; nt]; n];
        for i in (0..n.saturating_sub(1)).rev() {
            for p in 0..nt {
                for t in 0..nt {
                    buf[t] = tr((p + 1) * nt + t) + f64::from(emit[i + 1][t]) + beta[i + 1][t];
                }
                beta[i][p] = log_sum_exp(&buf);
            }
        }
        let z = log_sum_exp(&alpha[n - 1]);
        (0..n).map(|i| (0..nt).map(|t| (alpha[i][t] + beta[i][t] - z).exp()).collect()).collect()
    }

    /// The model as bytes: a header, the tag names, each feature's non-zero weights, transitions.
    pub fn to_bytes(&self) -> Vec<u8> {
        let nt = self.tags.len();
        let mut out = b"HSTAG1\n".to_vec();
        let names = self.tags.join("\n");
        out.extend((names.len() as u32).to_le_bytes());
        out.extend(names.as_bytes());
        out.extend((self.index.len() as u32).to_le_bytes());
        let mut rows: Vec<(u64, u32)> = self.index.iter().map(|(h, i)| (*h, *i)).collect();
        rows.sort_unstable();
        for (h, i) in rows {
            let row = &self.weights[i as usize * nt..(i as usize + 1) * nt];
            out.extend(h.to_le_bytes());
            let nz: Vec<(usize, f32)> =
                row.iter().copied().enumerate().filter(|(_, x)| *x != 0.0).collect();
            out.extend((nz.len() as u16).to_le_bytes());
            for (t, x) in nz {
                out.extend((t as u16).to_le_bytes());
                out.extend(x.to_le_bytes());
            }
        }
        for x in &self.trans {
            out.extend(x.to_le_bytes());
        }
        out
    }

    pub fn from_bytes(b: &[u8]) -> Result<Tagger> {
        let bad =
            || Error::Invalid("the stored suggestion model is damaged; train it again".into());
        let mut r = Reader { b, at: 0 };
        if r.take(7).ok_or_else(bad)? != b"HSTAG1\n" {
            return Err(bad());
        }
        let len = r.u32().ok_or_else(bad)? as usize;
        let names = std::str::from_utf8(r.take(len).ok_or_else(bad)?).map_err(|_| bad())?;
        let tags: Vec<String> = names.split('\n').map(str::to_string).collect();
        let nt = tags.len();
        let nf = r.u32().ok_or_else(bad)? as usize;
        let mut index = HashMap::with_capacity(nf);
        let mut weights = vec![0f32; nf * nt];
        for i in 0..nf {
            let h = u64::from_le_bytes(r.take(8).ok_or_else(bad)?.try_into().map_err(|_| bad())?);
            index.insert(h, i as u32);
            for _ in 0..r.u16().ok_or_else(bad)? {
                let t = r.u16().ok_or_else(bad)? as usize;
                let x = r.f32().ok_or_else(bad)?;
                *weights.get_mut(i * nt + t).ok_or_else(bad)? = x;
            }
        }
        let trans = (0..(nt + 1) * nt).map(|_| r.f32().ok_or_else(bad)).collect::<Result<_>>()?;
        if r.at != b.len() {
            return Err(bad());
        }
        let ok = allowed_matrix(&tags);
        Ok(Tagger { tags, index, weights, trans, ok })
    }
}

fn log_sum_exp(xs: &[f64]) -> f64 {
    let m = xs.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    if m == f64::NEG_INFINITY {
        return m;
    }
    m + xs.iter().map(|x| (x - m).exp()).sum::<f64>().ln()
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn f32(&mut self) -> Option<f32> {
        Some(f32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags() -> Vec<String> {
        ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"].iter().map(|s| s.to_string()).collect()
    }

    /// Toy pattern: a word after "mr" is B-PER, and "city" after it I-PER; "in" is followed by a LOC.
    fn toy() -> Vec<Example> {
        let h = |s: &str| crate::suggest::features::hash(s);
        let sent = |words: &[&str], t: &[u16]| Example {
            feats: words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let prev = if i == 0 { "^" } else { words[i - 1] };
                    vec![h(&format!("w={w}")), h(&format!("p={prev}")), h("bias")]
                })
                .collect(),
            tags: t.to_vec(),
        };
        vec![
            sent(&["mr", "ali", "went", "in", "rome"], &[0, 1, 0, 0, 3]),
            sent(&["mr", "omar", "slept", "in", "cairo"], &[0, 1, 0, 0, 3]),
            sent(&["mr", "sami", "ate"], &[0, 1, 0]),
            sent(&["we", "live", "in", "fez"], &[0, 0, 0, 3]),
            sent(&["born", "in", "oran"], &[0, 0, 3]),
            sent(&["they", "stayed", "in", "paris", "today"], &[0, 0, 0, 3, 0]),
        ]
    }

    #[test]
    fn learns_a_toy_pattern_and_generalises_to_new_words() {
        let m = Tagger::train(tags(), &toy(), TrainOptions::default(), &|| false).unwrap();
        let h = |s: &str| crate::suggest::features::hash(s);
        // "mr" and "in" are the clue; "zaid" and "tunis" were never seen.
        let words = ["mr", "zaid", "lives", "in", "tunis"];
        let feats: Vec<Vec<u64>> = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let prev = if i == 0 { "^" } else { words[i - 1] };
                vec![h(&format!("w={w}")), h(&format!("p={prev}")), h("bias")]
            })
            .collect();
        let (best, conf) = m.tag(&feats);
        assert_eq!(best, vec![0, 1, 0, 0, 3]);
        assert!(conf.iter().all(|c| *c > 0.5 && *c <= 1.0), "{conf:?}");
    }

    #[test]
    fn weights_are_averaged_over_every_step() {
        // One feature, two sentences that pull it opposite ways: the last update alone would give
        // a weight of ±1; the average over all steps is smaller.
        let ex = vec![
            Example { feats: vec![vec![7]], tags: vec![1] },
            Example { feats: vec![vec![7]], tags: vec![0] },
        ];
        let m = Tagger::train(tags(), &ex, TrainOptions { epochs: 1, seed: 3 }, &|| false).unwrap();
        let row = m.emissions(&[vec![7]]).remove(0);
        assert!(row.iter().all(|w| w.abs() < 1.0), "{row:?}");
        assert!(row.iter().any(|w| *w != 0.0), "{row:?}");
        // Averaging by hand: an Averaged with w = 1 for 3 of 4 steps averages to 0.75.
        let mut a = Averaged::new(1);
        a.add(0, 1.0, 1);
        assert_eq!(a.average(4), vec![0.75]);
    }

    #[test]
    fn a_seed_gives_the_same_model_and_bytes_round_trip() {
        let o = TrainOptions { epochs: 5, seed: 42 };
        let a = Tagger::train(tags(), &toy(), o, &|| false).unwrap();
        let b = Tagger::train(tags(), &toy(), o, &|| false).unwrap();
        assert_eq!(a.to_bytes(), b.to_bytes());
        assert_eq!(Tagger::from_bytes(&a.to_bytes()).unwrap().to_bytes(), a.to_bytes());
        let mut broken = a.to_bytes();
        broken.truncate(broken.len() - 1);
        assert!(Tagger::from_bytes(&broken).is_err());
    }

    #[test]
    fn decoding_never_starts_an_entity_with_i() {
        let m = Tagger::train(tags(), &toy(), TrainOptions::default(), &|| false).unwrap();
        let (best, _) = m.tag(&[vec![1], vec![2], vec![3]]);
        for (i, t) in best.iter().enumerate() {
            let prev = if i == 0 { None } else { Some(best[i - 1]) };
            assert!(allowed(&m.tags, prev, *t));
        }
    }

    #[test]
    fn cancelling_stops_training() {
        let r = Tagger::train(tags(), &toy(), TrainOptions::default(), &|| true);
        assert!(matches!(r, Err(Error::Conflict(_))));
    }
}
