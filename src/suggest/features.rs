//! Token features for the sequence labeller, as 64-bit hashes: the word and its clitic-stripped
//! core (the core's clitic code, `search::clitic_stems`), prefixes and suffixes, character
//! trigrams, word shape for Latin and digits, and the neighbouring words; gazetteer hits are added by
//! `names::sentence_with`.

use crate::search;

/// FNV-1a over `kind`, a separator and `value`: stable across machines and Rust versions (the
/// model is stored in the project file, so `std`'s hasher, which may change, would not do).
pub fn hash2(kind: &str, value: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in kind.bytes().chain(std::iter::once(0x1f)).chain(value.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

pub fn hash(s: &str) -> u64 {
    hash2("", s)
}

/// What is read off one word once, for itself and its neighbours.
#[derive(Debug, Clone)]
pub struct Word {
    /// Arabic-normalised, Latin lower-cased.
    pub norm: String,
    /// Without clitic prefixes (والرباط → رباط); the word itself when it has none.
    pub core: String,
    /// Every clitic-stripped form, longest first.
    pub stems: Vec<String>,
    pub shape: String,
}

impl Word {
    pub fn new(raw: &str) -> Word {
        let norm = search::normalize(raw);
        let stems = search::clitic_stems(&norm);
        let core = stems.last().cloned().unwrap_or_else(|| norm.clone());
        Word { shape: shape(raw), norm, core, stems }
    }
}

/// Word shape: `X` upper, `x` lower Latin, `d` any digit (Arabic-Indic too), `a` Arabic letter,
/// other characters as themselves; runs collapsed (`IGEF-2025` → `X-d`, `بالرياض` → `a`).
pub fn shape(raw: &str) -> String {
    let mut out = String::new();
    for c in raw.chars() {
        let k = if c.is_numeric() {
            'd'
        } else if ('\u{0600}'..='\u{06FF}').contains(&c) && c.is_alphabetic() {
            'a'
        } else if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_alphabetic() {
            'l'
        } else {
            c
        };
        if !out.ends_with(k) {
            out.push(k);
        }
    }
    out
}

fn affixes(out: &mut Vec<u64>, tag: &str, w: &str) {
    let chars: Vec<char> = w.chars().collect();
    let n = chars.len();
    for k in 1..=3.min(n) {
        out.push(hash2(&format!("{tag}p{k}"), &chars[..k].iter().collect::<String>()));
    }
    for k in 1..=4.min(n) {
        out.push(hash2(&format!("{tag}s{k}"), &chars[n - k..].iter().collect::<String>()));
    }
}

/// The features of every token of a sentence.
pub fn sentence(words: &[Word]) -> Vec<Vec<u64>> {
    let at = |i: isize| -> Option<&Word> { (i >= 0).then(|| words.get(i as usize)).flatten() };
    (0..words.len())
        .map(|i| {
            let w = &words[i];
            let mut f = Vec::with_capacity(48);
            f.push(hash("bias"));
            f.push(hash2("w", &w.norm));
            f.push(hash2("c", &w.core));
            for s in &w.stems {
                f.push(hash2("st", s));
            }
            f.push(hash2("clitic", if w.stems.is_empty() { "no" } else { "yes" }));
            affixes(&mut f, "", &w.norm);
            if w.core != w.norm {
                affixes(&mut f, "c", &w.core);
            }
            let padded: Vec<char> = format!("<{}>", w.core).chars().collect();
            if padded.len() <= 24 {
                for g in padded.windows(3) {
                    f.push(hash2("g", &g.iter().collect::<String>()));
                }
            }
            f.push(hash2("sh", &w.shape));
            f.push(hash2("len", &w.core.chars().count().min(10).to_string()));
            for (k, name) in [(-2isize, "-2"), (-1, "-1"), (1, "+1"), (2, "+2")] {
                match at(i as isize + k) {
                    Some(n) => {
                        f.push(hash2(&format!("w{name}"), &n.norm));
                        f.push(hash2(&format!("c{name}"), &n.core));
                        if k.abs() == 1 {
                            f.push(hash2(&format!("sh{name}"), &n.shape));
                            let s2: String = n.core.chars().rev().take(2).collect();
                            f.push(hash2(&format!("s2{name}"), &s2));
                        }
                    }
                    None => f.push(hash2(&format!("w{name}"), "<edge>")),
                }
            }
            if let Some(p) = at(i as isize - 1) {
                f.push(hash2("w-1|w", &format!("{}|{}", p.norm, w.norm)));
            }
            if let Some(n) = at(i as isize + 1) {
                f.push(hash2("w|w+1", &format!("{}|{}", w.norm, n.norm)));
            }
            f
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_of_latin_digits_and_arabic() {
        assert_eq!(shape("IGEF"), "X");
        assert_eq!(shape("Smart"), "Xx");
        assert_eq!(shape("2025"), "d");
        assert_eq!(shape("١٢"), "d");
        assert_eq!(shape("IGEF-2025"), "X-d");
        assert_eq!(shape("بالرياض"), "a");
    }

    #[test]
    fn a_word_with_a_clitic_shares_its_core_with_the_bare_word() {
        let a = Word::new("والرباط");
        let b = Word::new("الرباط");
        assert_eq!(a.core, "رباط");
        assert_eq!(b.core, "رباط");
        let fa = sentence(&[a]);
        let fb = sentence(&[b]);
        assert!(fa[0].contains(&hash2("c", "رباط")) && fb[0].contains(&hash2("c", "رباط")));
        assert_ne!(hash2("w", "ab"), hash2("wa", "b"), "kind and value are kept apart");
    }
}
