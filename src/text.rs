//! Text handling: code-point offsets, UTF-16 conversion, the span-edge rule, content hashes.
//!
//! Invariant: every offset stored or exported by Hashiya counts Unicode code points
//! (Rust `char`s, Python `str` indices) into the article text exactly as imported.
//!
//! The edge rule (the one place it is defined; the UI's `ui/src/snap.ts` implements the same and
//! both are tested on `tests/cases/edges.json`): a span may start or end at an extended grapheme
//! cluster boundary (Unicode UAX #29), so harakat and other combining marks stay with their letter,
//! `\r\n` stays whole and an emoji ZWJ sequence, flag, keycap or skin-tone sequence stays whole;
//! and also just before a join control (U+200C ZWNJ, U+200D ZWJ) whose cluster begins with a letter,
//! digit, space or punctuation ([`joins_text`]), as in `می‌خواهم` or `خبرگزاری‌ها`, where UAX #29
//! glues the joiner to the letter before it. Edges on both sides of such a joiner are valid;
//! inside an emoji sequence (cluster begins with a pictograph or a regional indicator) they are not.

use sha2::{Digest, Sha256};
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

/// A text with its code-point → byte table, built once so that checking and slicing many spans
/// of a long article costs O(1) each instead of a scan of the text.
pub struct CharIndex<'a> {
    text: &'a str,
    /// Entry `cp` is the byte offset of code point `cp`; the last entry is `text.len()`.
    bytes: Offsets,
}

/// Byte offsets, 4 bytes each when the text is under 4 GiB (always, for a stored article: SQLite caps a
/// value at 1 GB), which halves the table of a long article.
enum Offsets {
    Small(Vec<u32>),
    Large(Vec<usize>),
}

impl Offsets {
    fn get(&self, i: usize) -> Option<usize> {
        match self {
            Offsets::Small(v) => v.get(i).map(|&b| b as usize),
            Offsets::Large(v) => v.get(i).copied(),
        }
    }

    fn len(&self) -> usize {
        match self {
            Offsets::Small(v) => v.len(),
            Offsets::Large(v) => v.len(),
        }
    }
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = match u32::try_from(text.len()) {
            Ok(len) => {
                // Every offset is at most `len`, so each fits.
                let mut v: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
                v.push(len);
                Offsets::Small(v)
            }
            Err(_) => {
                let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
                v.push(text.len());
                Offsets::Large(v)
            }
        };
        CharIndex { text, bytes }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Length in code points.
    pub fn len(&self) -> usize {
        self.bytes.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn slice(&self, start: usize, end: usize) -> Option<&'a str> {
        if start > end {
            return None;
        }
        Some(&self.text[self.bytes.get(start)?..self.bytes.get(end)?])
    }

    /// Is code point `cp` the start of a grapheme cluster (or the end of the text)?
    pub fn is_grapheme_boundary(&self, cp: usize) -> bool {
        let Some(byte) = self.bytes.get(cp) else { return false };
        GraphemeCursor::new(byte, self.text.len(), true).is_boundary(self.text, 0).unwrap_or(false)
    }

    /// May a span start or end at code point `cp`? (The edge rule at the top of this file.)
    pub fn is_edge(&self, cp: usize) -> bool {
        let Some(byte) = self.bytes.get(cp) else { return false };
        let mut cur = GraphemeCursor::new(byte, self.text.len(), true);
        if cur.is_boundary(self.text, 0).unwrap_or(false) {
            return true;
        }
        if !self.text[byte..].chars().next().is_some_and(is_join_control) {
            return false;
        }
        let start = cur.prev_boundary(self.text, 0).ok().flatten().unwrap_or(0);
        self.text[start..].chars().next().is_some_and(joins_text)
    }

    /// Why a span `[start, end)` cannot be placed on this text, or `Ok(())`.
    pub fn check_span(&self, start: usize, end: usize) -> Result<(), String> {
        let len = self.len();
        if start >= end {
            return Err(format!(
                "span [{start}, {end}) is empty or inverted (start must be less than end)"
            ));
        }
        if end > len {
            return Err(format!(
                "span [{start}, {end}) runs past the end of the text ({len} code points)"
            ));
        }
        for (edge, name) in [(start, "start"), (end, "end")] {
            if !self.is_edge(edge) {
                return Err(format!(
                    "span [{start}, {end}) {name} falls inside a character cluster (between a letter and its harakat, or inside an emoji sequence)"
                ));
            }
        }
        Ok(())
    }
}

/// Number of code points in `text`.
pub fn cp_len(text: &str) -> usize {
    text.chars().count()
}

/// Byte index of code point `cp`, or `None` if past the end. `cp == len` maps to `text.len()`.
pub fn cp_to_byte(text: &str, cp: usize) -> Option<usize> {
    if cp == 0 {
        return Some(0);
    }
    let mut n = 0;
    for (i, _) in text.char_indices() {
        if n == cp {
            return Some(i);
        }
        n += 1;
    }
    (n == cp).then_some(text.len())
}

/// The slice `[start, end)` in code points, or `None` if out of range or inverted.
pub fn slice_cp(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let b0 = cp_to_byte(text, start)?;
    let rest = &text[b0..];
    let b1 = cp_to_byte(rest, end - start)?;
    Some(&rest[..b1])
}

/// Convert a UTF-16 code-unit offset into a code-point offset.
/// Returns `None` if past the end or inside a surrogate pair.
pub fn utf16_to_cp(text: &str, u16_off: usize) -> Option<usize> {
    let mut units = 0;
    for (cp, ch) in text.chars().enumerate() {
        if units == u16_off {
            return Some(cp);
        }
        units += ch.len_utf16();
        if units > u16_off {
            return None;
        }
    }
    (units == u16_off).then(|| cp_len(text))
}

/// Convert a code-point offset into a UTF-16 code-unit offset (`None` if past the end).
pub fn cp_to_utf16(text: &str, cp: usize) -> Option<usize> {
    let mut units = 0;
    let mut n = 0;
    for ch in text.chars() {
        if n == cp {
            return Some(units);
        }
        units += ch.len_utf16();
        n += 1;
    }
    (n == cp).then_some(units)
}

/// The slice `[start, end)` counted in UTF-16 code units (JavaScript string indices), if it is one.
pub fn slice_utf16(text: &str, start: usize, end: usize) -> Option<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(units.get(start..end)?).ok()
}

/// ZERO WIDTH NON-JOINER and ZERO WIDTH JOINER.
pub fn is_join_control(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// Does a cluster that begins with `c` hold text (a letter, digit, space or punctuation) rather
/// than an emoji? Only then may an edge fall before a join control inside it. Letters and digits
/// are Unicode's Alphabetic and Numeric, spaces White_Space; punctuation is the list below (the
/// UI's `joinsText` is the same).
pub fn joins_text(c: char) -> bool {
    c.is_alphanumeric()
        || c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(
            c,
            '\u{2010}'..='\u{2027}' | '«' | '»' | '،' | '؛' | '؟' | '٪' | '٫' | '٬' | '۔'
        )
}

/// The text cut at every edge (see the rule above): grapheme clusters, with a cluster that holds
/// text also cut before each join control in it. Concatenated, the pieces give the text back.
pub fn clusters(text: &str) -> impl Iterator<Item = &str> {
    text.graphemes(true).flat_map(|g| {
        let cut = g.chars().next().is_some_and(joins_text);
        let mut pieces: Vec<&str> = Vec::new();
        let mut from = 0;
        if cut {
            for (i, c) in g.char_indices() {
                if i > 0 && is_join_control(c) {
                    pieces.push(&g[from..i]);
                    from = i;
                }
            }
        }
        pieces.push(&g[from..]);
        pieces
    })
}

/// Code-point offsets at which a span may start or end, in order, the text's length last.
pub fn edges(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut cp = 0;
    for g in clusters(text) {
        out.push(cp);
        cp += g.chars().count();
    }
    out.push(cp);
    out
}

/// Nearest edge at or before `cp` (`cp` itself when it is one).
pub fn edge_before(idx: &CharIndex, cp: usize) -> usize {
    let mut c = cp.min(idx.len());
    while c > 0 && !idx.is_edge(c) {
        c -= 1;
    }
    c
}

/// Nearest edge at or after `cp`.
pub fn edge_after(idx: &CharIndex, cp: usize) -> usize {
    let mut c = cp.min(idx.len());
    while c < idx.len() && !idx.is_edge(c) {
        c += 1;
    }
    c
}

/// Why a span `[start, end)` cannot be placed on `text`, or `Ok(())`.
/// For many spans on one text, build a [`CharIndex`] once instead.
pub fn check_span(text: &str, start: usize, end: usize) -> Result<(), String> {
    CharIndex::new(text).check_span(start, end)
}

/// Content hash used to recognise the same article across files and projects.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Arabic with harakat, a Latin run, digits, an astral emoji and \r\n.
    const T: &str = "قالَ FBI 2025 😀 في\r\nالرباط";

    #[test]
    fn slice_by_code_points_matches_python_semantics() {
        let chars: Vec<char> = T.chars().collect();
        for s in 0..=chars.len() {
            for e in s..=chars.len() {
                let want: String = chars[s..e].iter().collect();
                assert_eq!(slice_cp(T, s, e), Some(want.as_str()), "[{s},{e})");
            }
        }
        assert_eq!(slice_cp(T, 0, chars.len() + 1), None);
        assert_eq!(slice_cp(T, 3, 2), None);
    }

    #[test]
    fn utf16_round_trip_and_surrogates() {
        let emoji_cp = T.chars().position(|c| c == '😀').unwrap_or(usize::MAX);
        let emoji_u16 = cp_to_utf16(T, emoji_cp).unwrap_or(usize::MAX);
        // Inside the surrogate pair is not a code-point boundary.
        assert_eq!(utf16_to_cp(T, emoji_u16 + 1), None);
        // After the emoji, UTF-16 is one ahead of code points.
        assert_eq!(cp_to_utf16(T, emoji_cp + 1), Some(emoji_u16 + 2));
        for cp in 0..=cp_len(T) {
            let u = cp_to_utf16(T, cp).unwrap_or(usize::MAX);
            assert_eq!(utf16_to_cp(T, u), Some(cp));
        }
        assert_eq!(cp_to_utf16(T, cp_len(T) + 1), None);
    }

    #[test]
    fn spans_never_split_harakat_from_their_letter() {
        // "قالَ": ق ا ل َ — a span ending between ل and its fatha is refused.
        assert!(check_span(T, 0, 3).is_err());
        assert!(check_span(T, 0, 4).is_ok());
        assert!(check_span(T, 2, 2).is_err());
        assert!(check_span(T, 0, cp_len(T) + 1).is_err());
        // \r\n is one grapheme cluster: a span may not end between \r and \n.
        let cr = T.chars().position(|c| c == '\r').unwrap_or(0);
        assert!(check_span(T, 0, cr + 1).is_err());
        assert!(check_span(T, 0, cr).is_ok());
    }

    #[test]
    fn char_index_agrees_with_the_full_edge_scan() {
        for text in
            [T, "👩🏽‍💻 ليلى 🇯🇴 كَتَبَ", "", "a\u{200c}b\u{200d}c", "می\u{200c}خواهم ❤\u{fe0f}\u{200d}🔥"]
        {
            let idx = CharIndex::new(text);
            let bounds = edges(text);
            for cp in 0..=cp_len(text) + 1 {
                assert_eq!(idx.is_edge(cp), bounds.contains(&cp), "{text:?} at {cp}");
                assert_eq!(idx.slice(0, cp), slice_cp(text, 0, cp));
            }
            assert_eq!(clusters(text).collect::<String>(), text);
        }
    }

    #[test]
    fn content_hash_is_stable_hex() {
        assert_eq!(
            content_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
