//! Offset units — code points (what Hashiya stores), UTF-16 code units, UTF-8 bytes and doccano's
//! grapheme clusters — and the one converter between code points and each, for import and export.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// What an offset counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// Unicode code points (Python `str` indices): Hashiya's own unit. The default.
    #[default]
    Codepoint,
    /// UTF-16 code units (JavaScript string indices): doccano's editor.
    Utf16,
    /// UTF-8 bytes.
    Utf8,
    /// Grapheme clusters as doccano's grapheme mode counts them (see `graphemes.rs`).
    Grapheme,
}

impl OffsetUnit {
    /// Every unit, in the order `--offsets` lists them.
    pub const ALL: [OffsetUnit; 4] =
        [OffsetUnit::Codepoint, OffsetUnit::Utf16, OffsetUnit::Utf8, OffsetUnit::Grapheme];

    /// The unit `--offsets NAME` names, or an error listing the names.
    pub fn parse(name: &str) -> Result<OffsetUnit> {
        Self::ALL.into_iter().find(|u| u.name() == name).ok_or_else(|| {
            let names: Vec<&str> = Self::ALL.iter().map(|u| u.name()).collect();
            Error::Invalid(format!("unknown offset unit {name:?}; known: {}", names.join(", ")))
        })
    }

    /// The name `--offsets` takes.
    pub fn name(self) -> &'static str {
        match self {
            OffsetUnit::Codepoint => "codepoint",
            OffsetUnit::Utf16 => "utf16",
            OffsetUnit::Utf8 => "utf8",
            OffsetUnit::Grapheme => "grapheme",
        }
    }

    /// What the unit counts, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            OffsetUnit::Codepoint => "code points",
            OffsetUnit::Utf16 => "UTF-16 code units",
            OffsetUnit::Utf8 => "UTF-8 bytes",
            OffsetUnit::Grapheme => "grapheme clusters",
        }
    }
}

/// Converts offsets of one text between code points and a unit, both ways.
pub struct Units<'a> {
    unit: OffsetUnit,
    /// Code points: `None`. UTF-16/UTF-8: the unit offset of every code point, plus the end.
    /// Graphemes: the code point where every cluster starts, plus the end.
    table: Option<Vec<usize>>,
    text: &'a str,
    /// Code points: the text's length, counted the first time it is asked for (exports of code points,
    /// the common case, never ask, so they never scan the text).
    cps: std::cell::OnceCell<usize>,
}

impl<'a> Units<'a> {
    pub fn new(text: &'a str, unit: OffsetUnit) -> Units<'a> {
        let cps = std::cell::OnceCell::new();
        let width: fn(char) -> usize = match unit {
            OffsetUnit::Codepoint => return Units { unit, table: None, text, cps },
            OffsetUnit::Grapheme => {
                let table = Some(crate::graphemes::doccano_starts(text));
                return Units { unit, table, text, cps };
            }
            OffsetUnit::Utf16 => char::len_utf16,
            OffsetUnit::Utf8 => char::len_utf8,
        };
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut at = 0;
        for c in text.chars() {
            table.push(at);
            at += width(c);
        }
        table.push(at);
        Units { unit, table: Some(table), text, cps }
    }

    /// The text's length in code points.
    fn cps(&self) -> usize {
        *self.cps.get_or_init(|| self.text.chars().count())
    }

    pub fn unit(&self) -> OffsetUnit {
        self.unit
    }

    /// The text's length in the unit.
    pub fn len(&self) -> usize {
        match (&self.table, self.unit) {
            (None, _) => self.cps(),
            (Some(t), OffsetUnit::Grapheme) => t.len().saturating_sub(1),
            (Some(t), _) => t.last().copied().unwrap_or(0),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Code point `cp` in the unit (past the end: the end; code points are given back as they are,
    /// stored spans being inside their text). A code point inside a grapheme cluster counts as the
    /// cluster's start.
    pub fn from_cp(&self, cp: usize) -> usize {
        match (&self.table, self.unit) {
            (None, _) => cp,
            (Some(t), OffsetUnit::Grapheme) => t.partition_point(|&s| s <= cp).saturating_sub(1),
            (Some(t), _) => t.get(cp).or(t.last()).copied().unwrap_or(0),
        }
    }

    /// The code point at offset `off` of the unit; `None` past the end or inside a character (the
    /// second UTF-16 unit of a surrogate pair, a UTF-8 continuation byte).
    pub fn to_cp(&self, off: usize) -> Option<usize> {
        match (&self.table, self.unit) {
            (None, _) => (off <= self.cps()).then_some(off),
            (Some(t), OffsetUnit::Grapheme) => t.get(off).copied(),
            (Some(t), _) => t.binary_search(&off).ok(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_ways_in_every_unit() {
        // a, an emoji (2 UTF-16 units, 4 bytes), ب with a fatha (one grapheme, two code points).
        let t = "a😀بَ";
        let cases = [
            (OffsetUnit::Codepoint, vec![0, 1, 2, 3, 4], 4),
            (OffsetUnit::Utf16, vec![0, 1, 3, 4, 5], 5),
            (OffsetUnit::Utf8, vec![0, 1, 5, 7, 9], 9),
            (OffsetUnit::Grapheme, vec![0, 1, 2, 2, 3], 3),
        ];
        for (unit, want, len) in cases {
            let u = Units::new(t, unit);
            let got: Vec<usize> = (0..=4).map(|cp| u.from_cp(cp)).collect();
            assert_eq!(got, want, "{unit:?}");
            assert_eq!(u.len(), len, "{unit:?} length");
            for cp in [0, 1, 2, 4] {
                assert_eq!(u.to_cp(u.from_cp(cp)), Some(cp), "{unit:?} round trip at {cp}");
            }
            assert_eq!(u.to_cp(len + 1), None, "{unit:?} past the end");
        }
        assert_eq!(Units::new(t, OffsetUnit::Utf16).to_cp(2), None, "inside the surrogate pair");
        assert_eq!(Units::new(t, OffsetUnit::Utf8).to_cp(3), None, "inside the emoji's bytes");
    }

    #[test]
    fn names_parse_back() {
        for u in OffsetUnit::ALL {
            assert_eq!(OffsetUnit::parse(u.name()).ok(), Some(u));
        }
        let err = OffsetUnit::parse("bytes").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("codepoint, utf16, utf8, grapheme"), "{err}");
    }
}
