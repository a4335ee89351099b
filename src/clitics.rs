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
use crate::search::normalize_char;

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

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

/// An Arabic letter, haraka or tatweel (what a clitic prefix token ends with).
fn in_arabic_word(c: char) -> bool {
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
    let normalized = crate::search::normalize(text);
    crate::search::words(&normalized).map(str::to_string).collect()
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

/// Every word of `text` with a clitic prefix, as `[word_start, stem_start]` code points: where the
/// setting `exclude` starts a span that selects the word, and where the token export splits it.
/// The words are the export tokenizer's.
pub fn cuts(text: &str) -> Vec<[usize; 2]> {
    let split =
        crate::tokenize::tokenize(text, crate::tokenize::Options { clitics: CliticMode::Exclude });
    // Two tokens touch between Arabic letters only where a clitic prefix was split off: other
    // tokens are apart (spaces) or meet at punctuation.
    let mut out = Vec::new();
    let mut chars = text.chars();
    let mut at = 0; // code point of the next char from `chars`
    let mut last = ' ';
    let mut before = ' '; // the char before `at`
    for pair in split.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.end != b.start {
            continue;
        }
        while at <= a.end {
            before = last;
            last = chars.next().unwrap_or(' ');
            at += 1;
        }
        // `before` is the char at a.end - 1, `last` the one at a.end.
        if in_arabic_word(before) && is_arabic_letter(last) {
            out.push([a.start, a.end]);
        }
    }
    out
}

/// Snapping selections on one text the way the UI does (`ui/src/snap.ts`), with the words and
/// cuts computed once.
pub struct Snapper {
    words: Vec<crate::tokenize::Token>,
    cuts: Vec<[usize; 2]>,
}

impl Snapper {
    pub fn new(text: &str) -> Snapper {
        Snapper {
            words: crate::tokenize::tokenize(text, crate::tokenize::Options::WHOLE_WORDS),
            cuts: cuts(text),
        }
    }

    /// A selection `[start, end)` widened to the whole words (tokens) it touches, then with
    /// `exclude` the clitic prefix of its first word left out. `None` when it touches no word.
    pub fn snap(&self, start: usize, end: usize, mode: CliticMode) -> Option<(usize, usize)> {
        let (start, end) = (start.min(end), start.max(end).max(start.min(end) + 1));
        let first = self.words.partition_point(|t| t.end <= start);
        let last = self.words.partition_point(|t| t.start < end);
        if first >= last {
            return None;
        }
        let (mut s, e) = (self.words[first].start, self.words[last - 1].end);
        if mode == CliticMode::Exclude {
            if let Ok(k) = self.cuts.binary_search_by_key(&s, |c| c[0]) {
                if self.cuts[k][1] < e {
                    s = self.cuts[k][1];
                }
            }
        }
        Some((s, e))
    }
}

/// [`Snapper::snap`] for one selection.
pub fn snap(text: &str, start: usize, end: usize, mode: CliticMode) -> Option<(usize, usize)> {
    Snapper::new(text).snap(start, end, mode)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(word: &str, others: &[&str]) -> String {
        let known: HashSet<String> = others.iter().map(|w| crate::search::normalize(w)).collect();
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

    #[test]
    fn snap_and_cuts_agree() {
        let text = "زار الوفد والرياض وللأمن، ثم بالمغرب «وحموشي» و حموشي وَبِالمدينةِ.";
        let at = |w: &str| text.find(w).map(|b| text[..b].chars().count()).unwrap_or(0);
        let slice = |r: Option<(usize, usize)>| {
            r.map(|(s, e)| text.chars().skip(s).take(e - s).collect::<String>())
        };
        let n = |w: &str| w.chars().count();
        for (word, want) in [
            ("والرياض", "الرياض"),
            ("وللأمن", "للأمن"),
            ("بالمغرب", "المغرب"),
            ("وحموشي", "حموشي"),
            ("وَبِالمدينةِ", "المدينةِ"),
        ] {
            let s = at(word);
            assert_eq!(
                slice(snap(text, s, s + n(word), CliticMode::Exclude)).as_deref(),
                Some(want)
            );
            assert_eq!(slice(snap(text, s + 1, s + 2, CliticMode::Include)).as_deref(), Some(word));
        }
        let s = at("الوفد");
        assert_eq!(
            slice(snap(text, s, at("ثم") + 2, CliticMode::Exclude)).as_deref(),
            Some("الوفد والرياض وللأمن، ثم")
        );
        assert_eq!(snap(text, 3, 4, CliticMode::Exclude), None, "a space alone");
    }
}
