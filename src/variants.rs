//! Where a name is written in a text, spelling variants included: search's Arabic normalisation, clitics
//! in front, a compound name with or without its inner space (عبداللطيف/عبد اللطيف), the article
//! (الحموشي), a prothetic alef (احموشي) and one misspelt inner letter in long words; never inside a
//! longer word. Pure functions: "all occurrences" and entity linking both use them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clitics::clitic_stems;
use crate::normalize::normalize_char;
use crate::text::CharIndex;

/// How far a match is from the name as written, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    /// The same words (normalised; clitics and the article in front allowed; any run of spaces).
    Exact,
    /// A compound written with or without its inner space (عبد اللطيف / عبداللطيف).
    Spacing,
    /// An alef in front, or one missing (احموشي / حموشي).
    Prothetic,
    /// One inner letter different in a long word (six letters or more).
    Misspelt,
}

/// First parts of compound names, written joined or apart (عبد اللطيف, ابو بكر, بو شعيب).
const COMPOUND_HEADS: &[&str] = &["عبد", "ابو", "ابي", "ابا", "بو"];

/// A prothetic alef is added or dropped only on words at least this long (without it): shorter
/// names collide (حمد/احمد).
pub const MIN_PROTHETIC: usize = 5;
/// One misspelt inner letter is allowed only in words at least this long (without the article):
/// shorter ones collide (حمودي/حموشي, رياض/رياح).
pub const MIN_MISSPELT: usize = 6;

/// One word of a text: its normalised letters and, for each, the code point it came from.
#[derive(Debug, Clone)]
struct Word {
    letters: Vec<char>,
    cps: Vec<usize>,
    /// Code point just after the word's last letter (see [`find_names`] for its trailing harakat).
    end: usize,
    /// The non-space characters between this word and the next (empty: only spaces).
    gap_after: String,
}

fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

fn lower(c: char) -> impl Iterator<Item = char> {
    c.to_lowercase()
}

/// The words of `text`, normalised as search normalises (see [`normalize_char`]), Latin lower-cased.
fn words_of(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut cur: Option<Word> = None;
    let mut gap = String::new();
    for (i, c) in text.chars().enumerate() {
        let Some(n) = normalize_char(c) else { continue };
        if n.is_alphanumeric() {
            let w = cur.get_or_insert_with(|| Word {
                letters: Vec::new(),
                cps: Vec::new(),
                end: 0,
                gap_after: String::new(),
            });
            for l in lower(n) {
                w.letters.push(l);
                w.cps.push(i);
            }
            w.end = i + 1;
        } else {
            if let Some(w) = cur.take() {
                if let Some(prev) = out.last_mut() {
                    prev.gap_after = std::mem::take(&mut gap);
                }
                out.push(w);
                gap.clear();
            }
            if !n.is_whitespace() {
                gap.push(n);
            }
        }
    }
    if let Some(w) = cur.take() {
        if let Some(prev) = out.last_mut() {
            prev.gap_after = gap;
        }
        out.push(w);
    }
    out
}

/// A name prepared for matching: its spellings (words and the separators between them).
#[derive(Debug, Clone)]
pub struct Name {
    spellings: Vec<Spelling>,
}

#[derive(Debug, Clone)]
struct Spelling {
    words: Vec<Vec<char>>,
    /// Non-space characters between word k and k+1 (empty: spaces).
    gaps: Vec<String>,
    variant: Variant,
}

fn head_len(word: &[char]) -> Option<usize> {
    COMPOUND_HEADS.iter().map(|h| h.chars().count()).find(|&n| {
        word.len() >= n + 3
            && COMPOUND_HEADS.contains(&word[..n].iter().collect::<String>().as_str())
    })
}

fn is_head(word: &[char]) -> bool {
    COMPOUND_HEADS.contains(&word.iter().collect::<String>().as_str())
}

/// At most this many spellings of one name (each compound doubles them).
const MAX_SPELLINGS: usize = 32;

/// Every spelling of `base[k..]` after `acc`: each word as written, split after its compound head, or
/// joined to the next word when it is a head.
fn spell(base: &[Vec<char>], gaps: &[String], k: usize, acc: Spelling, out: &mut Vec<Spelling>) {
    if out.len() >= MAX_SPELLINGS {
        return;
    }
    if k == base.len() {
        out.push(acc);
        return;
    }
    let gap = if k == 0 { String::new() } else { gaps[k - 1].clone() };
    let add = |words: Vec<Vec<char>>, variant: Variant| -> Spelling {
        let mut s = acc.clone();
        for (j, w) in words.into_iter().enumerate() {
            if !s.words.is_empty() {
                s.gaps.push(if j == 0 { gap.clone() } else { String::new() });
            }
            s.words.push(w);
        }
        s.variant = s.variant.max(variant);
        s
    };
    let w = &base[k];
    spell(base, gaps, k + 1, add(vec![w.clone()], Variant::Exact), out);
    if let Some(n) = head_len(w) {
        let split = vec![w[..n].to_vec(), w[n..].to_vec()];
        spell(base, gaps, k + 1, add(split, Variant::Spacing), out);
    }
    if is_head(w) && k + 1 < base.len() && gaps[k].is_empty() {
        let mut joined = w.clone();
        joined.extend(&base[k + 1]);
        spell(base, gaps, k + 2, add(vec![joined], Variant::Spacing), out);
    }
}

impl Name {
    /// Prepare `name` (as an analyst wrote it) for matching; `None` when it has no letters or digits.
    pub fn new(name: &str) -> Option<Name> {
        let ws = words_of(name);
        if ws.is_empty() {
            return None;
        }
        let base: Vec<Vec<char>> = ws.iter().map(|w| w.letters.clone()).collect();
        let gaps: Vec<String> = ws[..ws.len() - 1].iter().map(|w| w.gap_after.clone()).collect();
        let mut spellings = Vec::new();
        let empty = Spelling { words: Vec::new(), gaps: Vec::new(), variant: Variant::Exact };
        spell(&base, &gaps, 0, empty, &mut spellings);
        Some(Name { spellings })
    }

    /// The words of the name as written (normalised), for building index queries.
    fn words(&self) -> &[Vec<char>] {
        self.spellings.first().map_or(&[], |s| s.words.as_slice())
    }
}

/// Both words without a leading article ال when both have it.
fn cores<'a>(a: &'a [char], b: &'a [char]) -> (&'a [char], &'a [char]) {
    if a.starts_with(&['ا', 'ل']) && b.starts_with(&['ا', 'ل']) {
        (&a[2..], &b[2..])
    } else {
        (a, b)
    }
}

/// Is `longer` a prothetic alef + `shorter` (احموشي / حموشي)? Never where the alef would read as the
/// article (ا + لطيفه is الطيفه).
fn prothetic(longer: &[char], shorter: &[char]) -> bool {
    shorter.len() >= MIN_PROTHETIC
        && longer.len() == shorter.len() + 1
        && longer[0] == 'ا'
        && shorter[0] != 'ل'
        && longer[1..] == *shorter
        && shorter.iter().all(|c| is_arabic_letter(*c))
}

/// One inner letter different (not the first, not the last), in a word of at least [`MIN_MISSPELT`]
/// letters besides a shared article.
fn misspelt(a: &[char], b: &[char]) -> bool {
    let (a, b) = cores(a, b);
    if a.len() != b.len() || a.len() < MIN_MISSPELT {
        return false;
    }
    if !a.iter().chain(b).all(|c| is_arabic_letter(*c)) {
        return false;
    }
    let diffs: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    matches!(diffs.as_slice(), [i] if *i > 0 && *i + 1 < a.len())
}

/// How a word of the text stands for a word of the name, if it does.
fn compare(text: &[char], name: &[char]) -> Option<Variant> {
    if text == name {
        Some(Variant::Exact)
    } else if prothetic(text, name) || prothetic(name, text) {
        Some(Variant::Prothetic)
    } else if misspelt(text, name) {
        Some(Variant::Misspelt)
    } else {
        None
    }
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// The forms a first word can take without what is in front of the name: the word itself, then its
/// clitic stems (search's [`clitic_stems`]); each with the index of its first letter in the word.
/// "لل" stands for ل + ال: the stem الـX of للX starts at the second ل.
fn first_forms(w: &[char]) -> Vec<(Vec<char>, usize)> {
    let mut out = vec![(w.to_vec(), 0)];
    let word: String = w.iter().collect();
    for stem in clitic_stems(&word) {
        let s = chars(&stem);
        if w.ends_with(&s) {
            let at = w.len() - s.len();
            out.push((s, at));
        } else if s.starts_with(&['ا', 'ل']) && w.ends_with(&s[1..]) {
            let at = w.len() + 1 - s.len();
            out.push((s, at));
        }
    }
    // Latin or digits after Arabic clitics (وFBI).
    if let Some(p) = w.iter().position(|c| !is_arabic_letter(*c)) {
        if p > 0 && crate::clitics::clitic_prefix(&w[..p]) {
            out.push((w[p..].to_vec(), p));
        }
    }
    out
}

/// One place a name is written: code points `[start, end)` of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub variant: Variant,
    /// Which of the names looked for.
    pub name: usize,
}

/// Does `sp` stand at word `i` of the text? Its span and how it differs.
fn match_at(words: &[Word], i: usize, sp: &Spelling) -> Option<(usize, usize, Variant)> {
    let n = sp.words.len();
    if n == 0 || i + n > words.len() {
        return None;
    }
    if words[i].letters.last() != sp.words[0].last() {
        return None;
    }
    // Words after the first: whole words, the same separators.
    let mut rest = sp.variant;
    for j in 1..n {
        if words[i + j - 1].gap_after != sp.gaps[j - 1] {
            return None;
        }
        rest = rest.max(compare(&words[i + j].letters, &sp.words[j])?);
    }
    let w = &words[i];
    let mut best: Option<(usize, Variant)> = None;
    for (form, at) in first_forms(&w.letters) {
        if let Some(v) = compare(&form, &sp.words[0]) {
            if best.is_none_or(|b| v < b.1) {
                best = Some((at, v));
            }
        }
    }
    let (mut at, v) = best?;
    // The article stays inside the span (والحموشي → الحموشي); other clitics stay outside.
    if at >= 2 && w.letters[at - 2..at] == ['ا', 'ل'] {
        at -= 2;
    }
    let start = *w.cps.get(at)?;
    Some((start, words[i + n - 1].end, v.max(rest)))
}

/// Every place any of `names` is written in `text`, in text order, never overlapping: at one place the
/// longest match wins, then the closest spelling.
pub fn find_names(text: &str, names: &[Name]) -> Vec<Found> {
    let words = words_of(text);
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut best: Option<(Found, usize)> = None;
        for (k, name) in names.iter().enumerate() {
            for sp in &name.spellings {
                if let Some((start, end, variant)) = match_at(&words, i, sp) {
                    let f = Found { start, end, variant, name: k };
                    let better = best.is_none_or(|(b, _)| {
                        (end - start, std::cmp::Reverse(variant))
                            > (b.end - b.start, std::cmp::Reverse(b.variant))
                    });
                    if better {
                        best = Some((f, sp.words.len()));
                    }
                }
            }
        }
        match best {
            Some((f, n)) => {
                out.push(f);
                i += n;
            }
            None => i += 1,
        }
    }
    // Harakat after the last letter belong to it: a match ends on a grapheme boundary.
    if !out.is_empty() {
        let idx = CharIndex::new(text);
        for f in &mut out {
            while f.end < idx.len() && !idx.is_grapheme_boundary(f.end) {
                f.end += 1;
            }
        }
    }
    out
}

/// Every place `name` is written in `text` (see [`find_names`]).
pub fn find_name(text: &str, name: &str) -> Vec<Found> {
    Name::new(name).map_or_else(Vec::new, |n| find_names(text, &[n]))
}

/// Letters a misspelt inner letter may be (the normalised Arabic alphabet).
fn alphabet() -> impl Iterator<Item = char> {
    ('\u{0621}'..='\u{064A}').filter(|c| normalize_char(*c) == Some(*c))
}

/// The index words any place of `name` must contain one of (see [`fts_query`]): its longest word that
/// is not a compound head, with its prothetic, misspelt and compound forms.
fn anchor_terms(name: &Name) -> Vec<String> {
    let words = name.words();
    let Some((k, w)) = words
        .iter()
        .enumerate()
        .filter(|(_, w)| !is_head(w))
        .max_by_key(|(_, w)| w.len())
        .or_else(|| words.iter().enumerate().max_by_key(|(_, w)| w.len()))
    else {
        return Vec::new();
    };
    let mut terms: Vec<Vec<char>> = vec![w.clone()];
    if let Some(n) = head_len(w) {
        terms.push(w[n..].to_vec());
    }
    if k > 0 && is_head(&words[k - 1]) {
        let mut joined = words[k - 1].clone();
        joined.extend(w);
        terms.push(joined);
    }
    let arabic = w.iter().all(|c| is_arabic_letter(*c));
    if arabic && w.len() >= MIN_PROTHETIC && w[0] != 'ل' && !w.starts_with(&['ا', 'ل']) {
        let mut p = vec!['ا'];
        p.extend(w);
        terms.push(p);
    }
    if arabic && w.len() > MIN_PROTHETIC && w[0] == 'ا' && w[1] != 'ل' {
        terms.push(w[1..].to_vec());
    }
    let core = if w.starts_with(&['ا', 'ل']) { 2 } else { 0 };
    if arabic && w.len() - core >= MIN_MISSPELT {
        for i in core + 1..w.len() - 1 {
            for c in alphabet().filter(|c| *c != w[i]) {
                let mut v = w.clone();
                v[i] = c;
                terms.push(v);
            }
        }
    }
    let mut out: Vec<String> = terms.into_iter().map(|t| t.into_iter().collect()).collect();
    out.sort();
    out.dedup();
    out
}

/// An FTS5 query (over search's index, `src/search.rs`) for the articles that may mention any of
/// `names`; a superset, to be checked with [`find_names`]. `None` when nothing is searchable.
pub fn fts_query(names: &[Name]) -> Option<String> {
    let mut terms: Vec<String> = names.iter().flat_map(anchor_terms).collect();
    terms.sort();
    terms.dedup();
    let quoted: Vec<String> = terms.iter().map(|t| format!("\"{}\"", t.replace('"', ""))).collect();
    (!quoted.is_empty()).then(|| quoted.join(" OR "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, names: &[&str]) -> Vec<(String, Variant)> {
        let names: Vec<Name> = names.iter().filter_map(|n| Name::new(n)).collect();
        let cs: Vec<char> = text.chars().collect();
        find_names(text, &names)
            .into_iter()
            .map(|f| (cs[f.start..f.end].iter().collect(), f.variant))
            .collect()
    }

    fn texts(text: &str, names: &[&str]) -> Vec<String> {
        found(text, names).into_iter().map(|f| f.0).collect()
    }

    #[test]
    fn the_seed_spellings_of_one_man() {
        let t = "قال عبداللطيف حموشي إن عبد اللطيف حموشي والحموشي واحموشي ولحموشي حموشي، احموشي.";
        let want: &[(&str, Variant)] = &[
            ("عبداللطيف حموشي", Variant::Spacing),
            ("عبد اللطيف حموشي", Variant::Exact),
            ("الحموشي", Variant::Exact),
            ("احموشي", Variant::Prothetic),
            ("حموشي", Variant::Exact),
            ("حموشي", Variant::Exact),
            ("احموشي", Variant::Prothetic),
        ];
        let want: Vec<(String, Variant)> = want.iter().map(|(s, v)| (s.to_string(), *v)).collect();
        assert_eq!(found(t, &["عبد اللطيف حموشي", "حموشي"]), want);
        // The joined spelling finds the spaced one too, and an alias with the alef the bare one.
        assert_eq!(texts("عبد اللطيف حموشي", &["عبداللطيف حموشي"]), vec!["عبد اللطيف حموشي"]);
        assert_eq!(texts("زار حموشي الرباط", &["احموشي"]), vec!["حموشي"]);
        // Harakat after the last letter stay with it.
        assert_eq!(texts("حموشيُ قال", &["حموشي"]), vec!["حموشيُ"]);
    }

    #[test]
    fn near_misses_never_match() {
        let cases: &[(&str, &str)] = &[
            // inside a longer word, or a longer word around it
            ("حموشيون والحموشيين وحموشيا", "حموشي"),
            ("الرياضي والرياضة", "الرياض"),
            ("فلسطيني", "فلسطين"),
            // a letter different in a short word: other names
            ("حمودي وحموش وحموشا", "حموشي"),
            ("الرياح", "الرياض"),
            ("محمود", "محمد"),
            // a prothetic alef only on long words, never read as the article
            ("احمد", "حمد"),
            ("الطيفه", "لطيفه"),
            ("اسعيد", "سعيد"),
            // a misspelling only inside, never the first or last letter
            ("الهويرينا وسلهويريني", "الهويريني"),
            // the compound's head alone, or a different compound
            ("عبد الله وعبد", "عبد اللطيف"),
            ("عبداللهي", "عبد الله"),
            // punctuation between the words of a name
            ("عبد اللطيف، حموشي", "عبد اللطيف حموشي"),
            ("FBIs وFBIx", "FBI"),
        ];
        for (text, name) in cases {
            assert_eq!(texts(text, &[name]), Vec::<String>::new(), "{name} in {text}");
        }
    }

    #[test]
    fn normalisation_clitics_and_misspelling() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("قَالَ أحمدُ إن مستشفى المدينـــة", "مستشفي المدينة", &["مستشفى المدينـــة"]),
            ("زار الرياض وبالرياض للرياض", "الرياض", &["الرياض", "الرياض", "لرياض"]),
            ("وفد FBI و fbi وFBI", "FBI", &["FBI", "fbi", "FBI"]),
            ("الهويريني والهويرني والهوبريني", "الهويريني", &["الهويريني", "الهوبريني"]),
            ("ابو بكر وأبوبكر", "أبو بكر", &["ابو بكر", "أبوبكر"]),
            ("عبد  اللطيف\nحموشي", "عبد اللطيف حموشي", &["عبد  اللطيف\nحموشي"]),
            ("", "x", &[]),
        ];
        for (text, name, want) in cases {
            assert_eq!(texts(text, &[name]), *want, "{name} in {text}");
        }
    }

    #[test]
    fn index_terms_cover_every_variant() {
        let name = |s: &str| Name::new(s).unwrap_or_else(|| panic!("{s}"));
        let q = fts_query(&[name("عبد اللطيف حموشي")]).unwrap_or_default();
        for t in ["\"اللطيف\"", "\"عبداللطيف\""] {
            assert!(q.contains(t), "{t} in {q}");
        }
        assert!(!q.contains("\"عبد\""), "a compound head alone is no anchor: {q}");
        let q = fts_query(&[name("حموشي")]).unwrap_or_default();
        assert_eq!(q, "\"احموشي\" OR \"حموشي\"");
        let q = fts_query(&[name("عبداللطيف")]).unwrap_or_default();
        assert!(q.contains("\"اللطيف\""), "{q}");
        let q = fts_query(&[name("الهويريني")]).unwrap_or_default();
        assert!(q.contains("\"الهوبريني\""), "{q}");
        assert_eq!(fts_query(&[]), None);
    }
}
