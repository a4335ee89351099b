//! The matcher: remembers the normalised, clitic-aware forms the analysts labelled, with votes per
//! label, and finds them again. Rejections count against a form; ties, stop words and forms
//! shorter than two letters are never suggested.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::features::Word;

/// Words never suggested on their own, however they were labelled (normalised like the text).
const STOP: &[&str] = &[
    "في",
    "من",
    "الي",
    "علي",
    "عن",
    "مع",
    "ان",
    "او",
    "ثم",
    "قد",
    "لا",
    "ما",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "الذين",
    "كان",
    "كانت",
    "بين",
    "بعد",
    "قبل",
    "عند",
    "كل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
    "ال",
    "هو",
    "هي",
    "هم",
    "حتي",
    "لكن",
    "اذا",
    "لم",
    "لن",
    "منذ",
    "خلال",
    "حول",
    "ضد",
    "وقد",
    "وفي",
    "الا",
    "غير",
    "عام",
    "يوم",
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "and",
    "or",
    "to",
    "for",
    "by",
    "with",
    "at",
    "from",
    "is",
    "de",
    "la",
    "le",
    "el",
];

/// Fewest letters a suggested form has.
pub const MIN_LETTERS: usize = 2;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Form {
    votes: BTreeMap<String, i64>,
    /// Times the form occurs in the training text, labelled or not.
    seen: i64,
}

/// A form found in a sentence: tokens `[first, last)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub first: usize,
    pub last: usize,
    pub label: String,
    /// Votes for the label over the times the form was seen.
    pub score: f64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Matcher {
    forms: HashMap<String, Form>,
    max_words: usize,
    /// Every leading run of words of a known form ("عبد", "عبد اللطيف"…), so a search stops as
    /// soon as no form can continue; rebuilt by [`Matcher::index`].
    #[serde(skip)]
    prefixes: HashSet<String>,
}

/// The key of words `[a, b)`: normalised words joined by one space.
pub fn form_key(words: &[Word]) -> String {
    words.iter().map(|w| w.norm.as_str()).collect::<Vec<_>>().join(" ")
}

/// The keys a run of words is known by: as written, then with the first word's clitic prefixes
/// stripped (والرياض → الرياض, رياض).
fn keys(words: &[Word]) -> Vec<String> {
    let mut out = vec![form_key(words)];
    if let Some(first) = words.first() {
        let rest: Vec<&str> = words[1..].iter().map(|w| w.norm.as_str()).collect();
        for s in &first.stems {
            let mut k = s.clone();
            for r in &rest {
                k.push(' ');
                k.push_str(r);
            }
            out.push(k);
        }
    }
    out
}

fn suggestible(key: &str) -> bool {
    key.chars().filter(|c| c.is_alphanumeric()).count() >= MIN_LETTERS && !STOP.contains(&key)
}

impl Matcher {
    /// Learn from sentences with their labelled token ranges `(first, last, label)`.
    pub fn learn<'a>(
        sentences: impl Iterator<Item = (&'a [Word], &'a [(usize, usize, String)])> + Clone,
    ) -> Matcher {
        let mut m = Matcher::default();
        for (words, spans) in sentences.clone() {
            for (a, b, label) in spans {
                let Some(run) = words.get(*a..*b) else { continue };
                m.max_words = m.max_words.max(b - a);
                // The form as written and without its first clitic (the stripped form votes too,
                // so a later بالرياض is found from a labelled الرياض and the other way round).
                for k in keys(run).into_iter().take(2) {
                    *m.forms.entry(k).or_default().votes.entry(label.clone()).or_default() += 1;
                }
            }
        }
        m.index();
        for (words, _) in sentences {
            for i in 0..words.len() {
                for n in 1..=m.max_words.min(words.len() - i) {
                    for k in keys(&words[i..i + n]).into_iter().take(2) {
                        if let Some(f) = m.forms.get_mut(&k) {
                            f.seen += 1;
                        }
                    }
                }
            }
        }
        m
    }

    /// Rebuild the prefix index (after reading a stored matcher).
    pub fn index(&mut self) {
        self.prefixes.clear();
        for k in self.forms.keys() {
            let mut p = String::new();
            for w in k.split(' ') {
                if !p.is_empty() {
                    p.push(' ');
                }
                p.push_str(w);
                self.prefixes.insert(p.clone());
            }
        }
    }

    /// A rejected suggestion of `label` for the form counts against it.
    pub fn reject(&mut self, form: &str, label: &str, times: i64) {
        if let Some(f) = self.forms.get_mut(form) {
            *f.votes.entry(label.to_string()).or_default() -= times;
        }
    }

    /// The label a form would get and its score: none for a tie, no positive vote, or a stop word.
    fn decide(&self, key: &str) -> Option<(String, f64)> {
        let f = self.forms.get(key)?;
        if !suggestible(key) {
            return None;
        }
        let mut v: Vec<(&String, &i64)> = f.votes.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1));
        let (label, top) = v.first()?;
        if **top <= 0 || v.get(1).is_some_and(|(_, n)| *n == *top) {
            return None;
        }
        let total: i64 = v.iter().map(|(_, n)| (**n).max(0)).sum();
        Some(((*label).clone(), **top as f64 / f.seen.max(total).max(1) as f64))
    }

    /// Known forms in a sentence, longest first at each place, never overlapping, with a score of
    /// at least `min_score`.
    pub fn find(&self, words: &[Word], min_score: f64) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut hit: Option<Found> = None;
            let first = &words[i];
            let starts = std::iter::once(&first.norm).chain(first.stems.iter());
            for start in starts {
                let mut k = start.clone();
                let mut n = 1;
                while self.prefixes.contains(&k) {
                    if let Some((label, score)) = self.decide(&k) {
                        if score >= min_score && hit.as_ref().is_none_or(|h| h.last < i + n) {
                            hit = Some(Found { first: i, last: i + n, label, score });
                        }
                    }
                    let Some(next) = words.get(i + n) else { break };
                    k.push(' ');
                    k.push_str(&next.norm);
                    n += 1;
                }
            }
            match hit {
                Some(h) => {
                    i = h.last;
                    out.push(h);
                }
                None => i += 1,
            }
        }
        out
    }

    pub fn forms(&self) -> usize {
        self.forms.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<Word> {
        s.split(' ').map(Word::new).collect()
    }

    type Labelled = (Vec<Word>, Vec<(usize, usize, String)>);

    fn learn(data: &[Labelled]) -> Matcher {
        Matcher::learn(data.iter().map(|(w, s)| (w.as_slice(), s.as_slice())))
    }

    fn sp(a: usize, b: usize, l: &str) -> (usize, usize, String) {
        (a, b, l.to_string())
    }

    #[test]
    fn votes_pick_the_label_and_clitics_are_seen_through() {
        let data: Vec<Labelled> = vec![
            (words("زار الرياض امس"), vec![sp(1, 2, "LOC")]),
            (words("في الرياض اليوم"), vec![sp(1, 2, "LOC")]),
            (words("نادي الرياض فاز"), vec![sp(1, 2, "ORG")]),
        ];
        let m = learn(&data);
        let found = m.find(&words("وصل بالرياض وفدٌ"), 0.0);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].first, found[0].last, found[0].label.as_str()), (1, 2, "LOC"));
        assert!((found[0].score - 2.0 / 3.0).abs() < 1e-9, "{}", found[0].score);
        assert!(m.find(&words("وصل بالرياض"), 0.7).is_empty(), "below the threshold");
    }

    #[test]
    fn ties_stop_words_and_short_forms_are_not_suggested() {
        let data: Vec<Labelled> = vec![
            (words("عمان جميلة"), vec![sp(0, 1, "LOC")]),
            (words("عمان قالت"), vec![sp(0, 1, "ORG")]),
            (words("في المدينة"), vec![sp(0, 1, "LOC")]),
            (words("x المدينة"), vec![sp(0, 1, "LOC")]),
        ];
        let m = learn(&data);
        assert!(m.find(&words("عمان"), 0.0).is_empty(), "a tie");
        assert!(m.find(&words("في"), 0.0).is_empty(), "a stop word");
        assert!(m.find(&words("x"), 0.0).is_empty(), "one letter");
    }

    #[test]
    fn rejections_count_against_a_form() {
        let data: Vec<Labelled> = vec![
            (words("عبد اللطيف حموشي قال"), vec![sp(0, 3, "PER")]),
            (words("حموشي قال"), vec![sp(0, 1, "PER")]),
        ];
        let mut m = learn(&data);
        let f = m.find(&words("التقى عبد اللطيف حموشي"), 0.0);
        assert_eq!((f[0].first, f[0].last), (1, 4), "the longest form wins");
        m.reject("عبد اللطيف حموشي", "PER", 1);
        let f = m.find(&words("التقى عبد اللطيف حموشي"), 0.0);
        assert_eq!((f[0].first, f[0].last), (3, 4), "the rejected long form is gone");
        m.reject("حموشي", "PER", 2);
        assert!(m.find(&words("التقى حموشي"), 0.0).is_empty());
    }
}
