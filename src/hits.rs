//! Where the words of a search hit a text: the analyst's terms (`word`, `word*`), whole-word
//! matching with clitic prefixes stripped, the first hit with its context for the article list.
//! Pure; `search.rs` builds the FTS5 query from the same terms.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clitics::clitic_stems;
use crate::normalize::{normalize, normalize_char};

/// One word of a search: normalised like the index; `prefix` when the analyst ended it with `*`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub word: String,
    pub prefix: bool,
}

/// The words of what an analyst typed: `الرياض` is a whole word, `الرياض*` a prefix. Any other
/// punctuation (FTS syntax included) only separates words.
pub fn terms(query: &str) -> Vec<Term> {
    let normalized = normalize(query);
    let mut out: Vec<Term> = Vec::new();
    let mut word = String::new();
    for c in normalized.chars().chain([' ']) {
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push(Term { word: std::mem::take(&mut word), prefix: c == '*' });
        }
    }
    out
}

/// Does the normalised word `w` answer `term`: the word itself or one of its clitic-stripped forms
/// is the term (or starts with it, for a prefix term)?
fn word_matches(w: &str, term: &Term) -> bool {
    let hit = |form: &str| {
        if term.prefix {
            form.starts_with(term.word.as_str())
        } else {
            form == term.word
        }
    };
    hit(w) || clitic_stems(w).iter().any(|s| hit(s))
}

/// Where the search `terms` hit `text`: code-point ranges `[start, end)` of whole words as written
/// (clitics and trailing harakat included), in text order. The same rules as the index, so an
/// article the search found shows why.
pub fn hits(text: &str, terms: &[Term]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if terms.is_empty() {
        return out;
    }
    // A word: normalised letters with the code point each came from; harakat and tatweel inside it
    // are dropped by normalisation, so they neither split the word nor count.
    let mut word = String::new();
    let (mut first, mut last) = (0usize, 0usize);
    let flush = |word: &mut String, first: usize, last: usize, out: &mut Vec<(usize, usize)>| {
        if !word.is_empty() && terms.iter().any(|t| word_matches(word, t)) {
            out.push((first, last + 1));
        }
        word.clear();
    };
    for (i, c) in text.chars().enumerate() {
        let Some(n) = normalize_char(c) else {
            if !word.is_empty() {
                last = i; // a haraka or tatweel belongs to the word it follows
            }
            continue;
        };
        if n.is_alphanumeric() {
            if word.is_empty() {
                first = i;
            }
            word.extend(n.to_lowercase());
            last = i;
        } else {
            flush(&mut word, first, last, &mut out);
        }
    }
    flush(&mut word, first, last, &mut out);
    out
}

/// The first hit of a search in an article's text, with its context for the article list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Snippet {
    /// Up to 40 characters before the hit, within its paragraph, cut at whole words ("…" where cut).
    pub before: String,
    /// The hit as written.
    pub hit: String,
    pub after: String,
    /// Where the hit is in the text (code points).
    pub start: i64,
    pub end: i64,
}

/// The first hit of `terms` in `text` with its context, or `None` when the text has none (the
/// title alone matched).
pub fn snippet(text: &str, terms: &[Term]) -> Option<Snippet> {
    let (start, end) = *hits(text, terms).first()?;
    let chars: Vec<char> = text.chars().collect();
    let (before, after) = context(&chars, start, end);
    Some(Snippet {
        before,
        hit: chars[start..end].iter().collect(),
        after,
        start: start as i64,
        end: end as i64,
    })
}

/// Characters of context on each side of a match (before cutting at a word).
const CONTEXT: usize = 40;

/// Up to [`CONTEXT`] characters on each side of a match, within its paragraph and cut at whole words
/// ("…" where the text goes on), so the list never shows half a word and lays out like its paragraph.
pub fn context(chars: &[char], start: usize, end: usize) -> (String, String) {
    let is_break = |c: &char| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
    // Before: from the paragraph's start, else from the window's start, else from the first word boundary
    // inside the window (a cut says so with "…").
    let window = start.saturating_sub(CONTEXT);
    let (b0, before_cut) = match chars[window..start].iter().rposition(is_break) {
        Some(k) => (window + k + 1, false),
        None if window == 0 || is_break(&chars[window - 1]) => (window, false),
        None if chars[window - 1].is_whitespace() => (window, true),
        None => (
            chars[window..start]
                .iter()
                .position(|c| c.is_whitespace())
                .map_or(start, |k| window + k + 1),
            true,
        ),
    };
    // After: the same, mirrored.
    let limit = (end + CONTEXT).min(chars.len());
    let (a1, after_cut) = match chars[end..limit].iter().position(is_break) {
        Some(k) => (end + k, false),
        None if limit == chars.len() || is_break(&chars[limit]) => (limit, false),
        None if chars[limit].is_whitespace() => (limit, true),
        None => (
            chars[end..limit].iter().rposition(|c| c.is_whitespace()).map_or(end, |k| end + k),
            true,
        ),
    };
    let before: String = chars[b0..start].iter().collect();
    let after: String = chars[end..a1].iter().collect();
    (
        if before_cut { format!("…{}", before.trim_start()) } else { before },
        if after_cut { format!("{}…", after.trim_end()) } else { after },
    )
}
