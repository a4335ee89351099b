//! Snapping a selection to whole words and the clitic model, as the UI's `ui/src/snap.ts` does: the
//! export tokenizer's words, and where a clitic prefix is cut off (`clitic_cuts`).

use crate::clitics::{in_arabic_word, is_arabic_letter, CliticMode};

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
