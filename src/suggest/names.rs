//! Gazetteer hits as features of the sequence labeller: names with a type (the entity registry's
//! aliases) found in a sentence, clitic-aware like the matcher, mark their tokens `B-TYPE`/`I-TYPE`.
//! Training sees them as they behave on articles it has not read: a name labelled only inside one
//! fold of the training sentences is hidden from that fold (five folds, by article when there are
//! enough articles), so the labeller does not learn to trust the list more than new text deserves.

use std::collections::{HashMap, HashSet};

use super::data::Sentence;
use super::features::{hash2, Word};
use super::matcher::{form_key, Matcher};

/// Folds of the training sentences the names are hidden from in turn.
pub const FOLDS: usize = 5;

/// A typed name list, searched like the matcher searches labelled forms.
#[derive(Debug, Clone, Default)]
pub struct Names {
    list: Vec<(Vec<Word>, String)>,
    found: Matcher,
}

impl Names {
    /// From `(name, type)` pairs (names split on whitespace; empty ones left out).
    pub fn new<'a>(names: impl IntoIterator<Item = (&'a str, &'a str)>) -> Names {
        let list: Vec<(Vec<Word>, String)> = names
            .into_iter()
            .map(|(n, t)| (n.split_whitespace().map(Word::new).collect::<Vec<_>>(), t.to_string()))
            .filter(|(w, _)| !w.is_empty())
            .collect();
        Names::of(list)
    }

    fn of(list: Vec<(Vec<Word>, String)>) -> Names {
        let spans: Vec<Vec<(usize, usize, String)>> =
            list.iter().map(|(w, t)| vec![(0, w.len(), t.clone())]).collect();
        let found =
            Matcher::learn(list.iter().zip(&spans).map(|((w, _), s)| (w.as_slice(), s.as_slice())));
        Names { list, found }
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// The names of the labelled spans of `sentences` (what a registry built by the analysts holds).
    pub fn from_spans(sentences: &[Sentence]) -> Names {
        let mut seen = HashSet::new();
        let mut list = Vec::new();
        for s in sentences {
            for (a, b, label) in &s.spans {
                let Some(words) = s.words.get(*a..*b) else { continue };
                if seen.insert((form_key(words), label.clone())) {
                    list.push((words.to_vec(), label.clone()));
                }
            }
        }
        Names::of(list)
    }

    /// The features each token of `words` gets from the names found there.
    pub fn hits(&self, words: &[Word]) -> Vec<Vec<u64>> {
        let mut out = vec![Vec::new(); words.len()];
        if self.list.is_empty() {
            return out;
        }
        for f in self.found.find(words, 0.5) {
            for (i, feats) in out.iter_mut().enumerate().take(f.last).skip(f.first) {
                let at = if i == f.first { "B" } else { "I" };
                feats.push(hash2("gz", &format!("{at}-{}", f.label)));
                feats.push(hash2("gz", at));
            }
        }
        out
    }

    /// The list as fold `fold` of the training sentences sees it: without the names labelled only in
    /// that fold's sentences (a name also labelled elsewhere, or labelled nowhere, stays).
    fn without_only_in(&self, only_here: &HashSet<String>) -> Names {
        let list =
            self.list.iter().filter(|(w, _)| !only_here.contains(&form_key(w))).cloned().collect();
        Names::of(list)
    }

    /// One list per training sentence: `per_sentence[i]` indexes into the returned lists.
    pub fn jackknife(&self, sentences: &[Sentence]) -> (Vec<Names>, Vec<usize>) {
        let mut articles: Vec<i64> = sentences.iter().map(|s| s.article_id).collect();
        articles.sort_unstable();
        articles.dedup();
        let by_article = articles.len() >= FOLDS;
        let fold_of_article: HashMap<i64, usize> =
            articles.iter().enumerate().map(|(i, a)| (*a, i % FOLDS)).collect();
        let fold: Vec<usize> = sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                if by_article {
                    fold_of_article.get(&s.article_id).copied().unwrap_or(0)
                } else {
                    i % FOLDS
                }
            })
            .collect();
        // The folds each labelled form occurs in.
        let mut folds_of: HashMap<String, HashSet<usize>> = HashMap::new();
        for (s, f) in sentences.iter().zip(&fold) {
            for (a, b, _) in &s.spans {
                if let Some(words) = s.words.get(*a..*b) {
                    folds_of.entry(form_key(words)).or_default().insert(*f);
                }
            }
        }
        let lists = (0..FOLDS)
            .map(|f| {
                let only: HashSet<String> = folds_of
                    .iter()
                    .filter(|(_, fs)| fs.len() == 1 && fs.contains(&f))
                    .map(|(k, _)| k.clone())
                    .collect();
                self.without_only_in(&only)
            })
            .collect();
        (lists, fold)
    }
}

/// The features of every token of a sentence, with the gazetteer hits of `names`.
pub fn sentence_with(words: &[Word], names: &Names) -> Vec<Vec<u64>> {
    let mut out = super::features::sentence(words);
    for (f, extra) in out.iter_mut().zip(names.hits(words)) {
        f.extend(extra);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<Word> {
        s.split(' ').map(Word::new).collect()
    }

    fn sentence(article: i64, s: &str, spans: &[(usize, usize, &str)]) -> Sentence {
        Sentence {
            article_id: article,
            words: words(s),
            tokens: Vec::new(),
            spans: spans.iter().map(|(a, b, l)| (*a, *b, l.to_string())).collect(),
        }
    }

    #[test]
    fn names_mark_their_tokens_clitics_allowed() {
        let n = Names::new([("عبد اللطيف حموشي", "PER"), ("الرياض", "LOC")]);
        let h = n.hits(&words("زار عبد اللطيف حموشي بالرياض"));
        assert!(h[0].is_empty());
        assert!(h[1].contains(&hash2("gz", "B-PER")) && h[1].contains(&hash2("gz", "B")));
        assert!(h[2].contains(&hash2("gz", "I-PER")) && h[3].contains(&hash2("gz", "I-PER")));
        assert!(h[4].contains(&hash2("gz", "B-LOC")), "بالرياض holds الرياض");
        assert!(Names::default().hits(&words("الرياض"))[0].is_empty());
    }

    #[test]
    fn a_fold_does_not_see_the_names_labelled_only_in_it() {
        // Ten sentences, one article: folds by sentence (i % 5). الرياض is labelled in folds 0 and 1,
        // حموشي only in fold 2.
        let mut s: Vec<Sentence> = (0..10).map(|_| sentence(1, "كلام عادي", &[])).collect();
        s[0] = sentence(1, "في الرياض", &[(1, 2, "LOC")]);
        s[6] = sentence(1, "الرياض اليوم", &[(0, 1, "LOC")]);
        s[2] = sentence(1, "قال حموشي", &[(1, 2, "PER")]);
        let all = Names::from_spans(&s);
        assert_eq!(all.len(), 2);
        let (lists, fold) = all.jackknife(&s);
        assert_eq!(fold[..6], [0, 1, 2, 3, 4, 0]);
        let knows = |f: usize, w: &str| !lists[f].hits(&words(w))[0].is_empty();
        assert!(knows(0, "الرياض") && knows(1, "الرياض") && knows(2, "الرياض"));
        assert!(!knows(2, "حموشي"), "labelled only in fold 2");
        assert!(knows(0, "حموشي") && knows(4, "حموشي"));
        // A name of the registry nobody labelled stays in every fold.
        let reg = Names::new([("حموشي", "PER"), ("فاس", "LOC")]);
        let (lists, _) = reg.jackknife(&s);
        assert!(lists.iter().all(|l| !l.hits(&words("فاس"))[0].is_empty()));
    }
}
