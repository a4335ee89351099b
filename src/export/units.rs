//! Offset units: code points to UTF-16 code units or UTF-8 bytes, for one text.

use super::options::OffsetUnit;

/// Converts code-point offsets of one text into the chosen unit.
pub struct Units {
    /// Offset in the unit of every code point, plus the end; `None` for code points.
    table: Option<Vec<usize>>,
}

impl Units {
    pub fn new(text: &str, unit: OffsetUnit) -> Units {
        let width: fn(char) -> usize = match unit {
            OffsetUnit::Codepoint => return Units { table: None },
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
        Units { table: Some(table) }
    }

    /// `cp` in the unit (offsets past the end are clamped to the end).
    pub fn at(&self, cp: usize) -> usize {
        match &self.table {
            None => cp,
            Some(t) => t.get(cp).or(t.last()).copied().unwrap_or(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_table() {
        let t = "a😀ب";
        let cases = [
            (OffsetUnit::Codepoint, [0, 1, 2, 3]),
            (OffsetUnit::Utf16, [0, 1, 3, 4]),
            (OffsetUnit::Utf8, [0, 1, 5, 7]),
        ];
        for (unit, want) in cases {
            let u = Units::new(t, unit);
            assert_eq!([u.at(0), u.at(1), u.at(2), u.at(3)], want, "{unit:?}");
        }
    }
}
