//! Train/dev/test split by article: exact ratios, fixed seed, an article in exactly one split.
//!
//! Articles are ordered by a hash of (seed, external id) and cut at the ratio counts, so the same
//! seed gives the same split, and adding articles moves only a few across the cuts.

use std::collections::HashMap;

use rusqlite::Connection;
use sha2::{Digest, Sha256};

use super::options::ExportOptions;
use super::select;
use crate::error::Result;

pub const NAMES: [&str; 3] = ["train", "dev", "test"];

fn rank(seed: u64, ext_id: &str) -> u64 {
    let mut h = Sha256::new();
    h.update(seed.to_le_bytes());
    h.update(ext_id.as_bytes());
    let d = h.finalize();
    let mut b = [0u8; 8];
    b.copy_from_slice(&d[..8]);
    u64::from_be_bytes(b)
}

/// How many of `n` articles go to each split (largest remainder, so they add up to `n`).
pub fn sizes(n: usize, ratios: [f64; 3]) -> [usize; 3] {
    let exact: Vec<f64> = ratios.iter().map(|r| r * n as f64).collect();
    let mut out = [0usize; 3];
    for (o, e) in out.iter_mut().zip(&exact) {
        *o = e.floor() as usize;
    }
    let mut order: Vec<usize> = (0..3).collect();
    order.sort_by(|&a, &b| {
        (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())).then(a.cmp(&b))
    });
    let mut left = n.saturating_sub(out.iter().sum());
    for i in order {
        if left == 0 {
            break;
        }
        if ratios[i] > 0.0 {
            out[i] += 1;
            left -= 1;
        }
    }
    out
}

/// Article id → split index (0 train, 1 dev, 2 test) for every selected article.
pub fn assign(
    conn: &Connection,
    o: &ExportOptions,
    ratios: [f64; 3],
) -> Result<HashMap<i64, usize>> {
    let mut ranked: Vec<(u64, i64)> = Vec::new();
    select::for_each_doc(conn, o, false, |d| {
        ranked.push((rank(o.seed, &d.article.ext_id), d.article.id));
        Ok(())
    })?;
    ranked.sort_unstable();
    let [a, b, _] = sizes(ranked.len(), ratios);
    Ok(ranked
        .iter()
        .enumerate()
        .map(|(i, &(_, id))| {
            (
                id,
                if i < a {
                    0
                } else if i < a + b {
                    1
                } else {
                    2
                },
            )
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_table() {
        let cases = [
            (10, [0.8, 0.1, 0.1], [8, 1, 1]),
            (7, [0.8, 0.1, 0.1], [5, 1, 1]),
            (3, [0.5, 0.5, 0.0], [2, 1, 0]),
            (100_000, [0.8, 0.1, 0.1], [80_000, 10_000, 10_000]),
            (0, [0.8, 0.1, 0.1], [0, 0, 0]),
            (5, [1.0, 0.0, 0.0], [5, 0, 0]),
        ];
        for (n, r, want) in cases {
            let got = sizes(n, r);
            assert_eq!(got, want, "{n} {r:?}");
            assert_eq!(got.iter().sum::<usize>(), n);
        }
    }

    #[test]
    fn rank_depends_on_seed_and_id() {
        assert_eq!(rank(1, "a"), rank(1, "a"));
        assert_ne!(rank(1, "a"), rank(2, "a"));
        assert_ne!(rank(1, "a"), rank(1, "b"));
    }
}
