//! The one clitic model: which Arabic proclitics a word carries, where its stem starts, and how the
//! project's clitic setting uses that for selections, "all occurrences", search and token exports.
//!
//! A word is `[conjunction][preposition][article]stem`: the conjunction و or ف, then one of the
//! prepositions ب ك ل, then the article ال. With the setting `exclude` (the default) a span and a
//! token start where the article starts, so the article stays with its stem: `والرياض` → `و` +
//! `الرياض`, `وبالمغرب` → `وب` + `المغرب`. After the preposition ل the article's alef is not
//! written (`للرياض` = ل + ال + رياض); the text has no substring that is the article and the stem
//! without the preposition (`لرياض` is a fragment no analyst would choose, `رياض` drops the article
//! every other occurrence keeps), so that word stays whole: `للرياض` is one span and one token,
//! and only a conjunction in front goes (`وللرياض` → `و` + `للرياض`). Without the article a
//! prefix goes only when the stem occurs on its own in the same article (`وحموشي` → `حموشي`
//! when `حموشي` is written elsewhere), since و ف ب ك ل begin many words (وزير, فلسطين, بيان).
//! With `include` nothing is split: spans and tokens are whole words.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::normalize::normalize_char;

/// The project's clitic setting (`settings.clitics`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CliticMode {
    /// Clitic prefixes are left out of spans and split off as tokens of their own.
    #[default]
    Exclude,
    /// Whole words: nothing is split.
    Include,
}

impl CliticMode {
    pub fn parse(s: &str) -> Result<CliticMode> {
        match s {
            "exclude" => Ok(CliticMode::Exclude),
            "include" => Ok(CliticMode::Include),
            other => Err(Error::Invalid(format!(
                "clitics must be \"exclude\" or \"include\", not {other:?}"
            ))),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            CliticMode::Exclude => "exclude",
            CliticMode::Include => "include",
        }
    }
}

/// Conjunctions, first in a word.
pub const CONJUNCTIONS: [char; 2] = ['و', 'ف'];
/// Prepositions, after an optional conjunction.
pub const PREPOSITIONS: [char; 3] = ['ب', 'ك', 'ل'];

/// Words that look like clitic + stem but are one word: والد (father) is not و + الد, بالغ
/// (adult) is not ب + الغ, كالات is not ك + الات. Normalised as [`normalize_char`] does.
const NOT_CLITIC: &[&str] = &[
    "والد",
    "والده",
    "والدي",
    "والدا",
    "والدين",
    "والديه",
    "والدته",
    "والدتها",
    "والدتي",
    "والدها",
    "والدهم",
    "والي",
    "واليه",
    "بالغ",
    "بالغه",
    "بالغا",
    "بالغين",
    "بالغون",
    "كالات",
];

pub(crate) fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

/// An Arabic letter, haraka or tatweel (what a clitic prefix token ends with).
pub(crate) fn in_arabic_word(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{0620}'..='\u{065F}' | '\u{0670}'..='\u{06D3}' | '\u{06D5}'..='\u{06ED}')
}

/// How many letters at the front of a word are clitic prefixes to leave out (0 for none).
/// `letters` are the word's letters normalised with [`normalize_char`] (no harakat, no tatweel);
/// `known(stem)` says whether a normalised word occurs on its own in the article.
pub fn prefix_letters(letters: &[char], known: &dyn Fn(&str) -> bool) -> usize {
    let n = letters.len();
    if n < 3 || !letters.iter().all(|c| is_arabic_letter(*c)) {
        return 0;
    }
    let word: String = letters.iter().collect();
    if NOT_CLITIC.contains(&word.as_str()) {
        return 0;
    }
    let at = |k: usize| letters.get(k).copied();
    let stem = |k: usize| letters[k..].iter().collect::<String>();
    let conj = usize::from(at(0).is_some_and(|c| CONJUNCTIONS.contains(&c)));
    let i = conj;
    let conj_known = conj == 1 && n > 3 && known(&stem(1));
    if at(i).is_some_and(|c| PREPOSITIONS.contains(&c)) {
        if at(i) == Some('ل') && at(i + 1) == Some('ل') {
            // ل + the article with its alef elided: the word stays whole after the conjunction.
            return if n - (i + 2) >= 2 || conj_known { conj } else { 0 };
        }
        if at(i + 1) == Some('ا') && at(i + 2) == Some('ل') && n - (i + 3) >= 3 {
            return i + 1;
        }
        if n - (i + 1) >= 3 && known(&stem(i + 1)) {
            return i + 1;
        }
        return if conj_known { 1 } else { 0 };
    }
    if conj == 1 && at(1) == Some('ا') && at(2) == Some('ل') && n - 3 >= 3 {
        return 1;
    }
    usize::from(conj_known)
}

/// The normalised words of a text (what `known` looks up).
pub fn word_set(text: &str) -> HashSet<String> {
    let normalized = crate::normalize::normalize(text);
    crate::normalize::words(&normalized).map(str::to_string).collect()
}

/// Where the stem of a word starts, in code points from the word's start (0: no clitic prefix).
/// `word` is one word as written (letters with their harakat, maybe tatweel).
pub fn stem_start(word: &str, known: &dyn Fn(&str) -> bool) -> usize {
    // Each letter with the code point it starts at; harakat and tatweel belong to the letter before.
    let mut letters: Vec<char> = Vec::new();
    let mut at: Vec<usize> = Vec::new();
    for (i, c) in word.chars().enumerate() {
        if let Some(n) = normalize_char(c) {
            if n != 'ـ' {
                letters.push(n);
                at.push(i);
            }
        }
    }
    let k = prefix_letters(&letters, known);
    if k == 0 {
        0
    } else {
        at.get(k).copied().unwrap_or(0)
    }
}

/// The forms of a normalised Arabic word without its clitic prefixes, longest first:
/// `والرباط` → `الرباط`, `رباط`; `للمملكه` → `المملكه`, `مملكه`. Remainders keep at least 3 letters.
pub fn clitic_stems(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 4 || !chars.iter().all(|c| is_arabic_letter(*c)) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: String| {
        if s.chars().count() >= 3 && s != word && !out.contains(&s) {
            out.push(s);
        }
    };
    // The clitic model's order: conjunction, preposition, article; "لل" is ل + ال.
    let mut i = 0;
    if chars.first().is_some_and(|c| CONJUNCTIONS.contains(c)) {
        i = 1;
        push(chars[i..].iter().collect());
    }
    if chars.get(i).is_some_and(|c| PREPOSITIONS.contains(c)) {
        if chars.get(i) == Some(&'ل') && chars.get(i + 1) == Some(&'ل') {
            let rest: String = chars[i + 2..].iter().collect();
            push(format!("ال{rest}"));
            push(rest);
            return out;
        }
        i += 1;
        push(chars[i..].iter().collect());
    }
    if chars.get(i) == Some(&'ا') && chars.get(i + 1) == Some(&'ل') {
        push(chars[i + 2..].iter().collect());
    }
    out
}

/// Is `prefix` (normalised letters before a match, inside the same word) a run of clitics in the
/// clitic model's order: a conjunction (و ف), a preposition (ب ك ل), the article
/// (ال; after ل written ل: للـ)?
pub fn clitic_prefix(prefix: &[char]) -> bool {
    let mut i = usize::from(prefix.first().is_some_and(|c| CONJUNCTIONS.contains(c)));
    let prep = prefix.get(i).is_some_and(|c| PREPOSITIONS.contains(c));
    if prep {
        i += 1;
    }
    let rest = &prefix[i..];
    !prefix.is_empty()
        && (rest.is_empty()
            || rest == ['ا', 'ل']
            || (prep && prefix[i - 1] == 'ل' && rest == ['ل']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(word: &str, others: &[&str]) -> String {
        let known: HashSet<String> =
            others.iter().map(|w| crate::normalize::normalize(w)).collect();
        let k = stem_start(word, &|s| known.contains(s));
        word.chars().skip(k).collect()
    }

    #[test]
    fn stems_table() {
        let cases: &[(&str, &[&str], &str)] = &[
            ("والرياض", &[], "الرياض"),
            ("بالرياض", &[], "الرياض"),
            ("وبالمغرب", &[], "المغرب"),
            ("فالمغرب", &[], "المغرب"),
            ("كالأسد", &[], "الأسد"),
            ("للرياض", &[], "للرياض"),
            ("للأمن", &[], "للأمن"),
            ("وللرياض", &[], "للرياض"),
            ("فللمغرب", &[], "للمغرب"),
            ("وَبِالمدينةِ", &[], "المدينةِ"),
            ("وحموشي", &["حموشي"], "حموشي"),
            ("وحموشي", &[], "وحموشي"),
            ("وزير", &[], "وزير"),
            ("فلسطين", &[], "فلسطين"),
            ("بيان", &[], "بيان"),
            ("والدة", &[], "والدة"),
            ("والده", &[], "والده"),
            ("بالغة", &[], "بالغة"),
            ("وكالات", &[], "وكالات"),
            ("الرياض", &[], "الرياض"),
            ("لبنان", &["بنان"], "بنان"),
            ("لبنان", &[], "لبنان"),
            ("ولبنان", &["لبنان"], "لبنان"),
            ("فلمحمد", &["محمد"], "محمد"),
            ("فلمحمد", &[], "فلمحمد"),
            ("وبحموشي", &["حموشي"], "حموشي"),
            ("للغاية", &[], "للغاية"),
            ("لله", &[], "لله"),
            ("وكالة", &[], "وكالة"),
            ("وَالرِّباط", &[], "الرِّباط"),
            ("مصر", &[], "مصر"),
            ("FBI", &[], "FBI"),
        ];
        for (word, others, want) in cases {
            assert_eq!(stem(word, others), *want, "{word}");
        }
    }
}
