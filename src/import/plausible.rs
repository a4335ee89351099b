//! Which unit a file's span offsets most likely count, for spans that carry no text to check against
//! (doccano triples, some Label Studio exports): a file whose spans mostly start or end inside words
//! under the assumed unit, and on word boundaries under another, is stopped before anything is written.

use super::record::ToolSpan;
use super::OffsetUnit;
use crate::text::CharIndex;
use crate::units::Units;

/// The units a file is tried in, in this order.
const UNITS: [OffsetUnit; 3] = [OffsetUnit::Utf16, OffsetUnit::Codepoint, OffsetUnit::Grapheme];

/// Spans without text, counted per unit: how many land badly (an edge inside a word, or no fit).
#[derive(Debug, Default)]
pub(super) struct UnitTally {
    spans: usize,
    misplaced: [usize; 3],
    assumed: Option<OffsetUnit>,
}

/// A letter, digit or a mark that belongs to one (harakat, tatweel).
fn is_word(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c as u32, 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0640)
}

impl UnitTally {
    /// Count one record's spans that have no text, read in the format's assumed unit.
    pub fn add(&mut self, text: &str, spans: &[ToolSpan], assumed: OffsetUnit) {
        let blind: Vec<&ToolSpan> = spans.iter().filter(|s| s.text.is_none()).collect();
        if blind.is_empty() {
            return;
        }
        self.assumed = Some(assumed);
        let idx = CharIndex::new(text);
        let chars: Vec<char> = text.chars().collect();
        let units = UNITS.map(|u| Units::new(text, u));
        for s in blind {
            self.spans += 1;
            for (k, units) in units.iter().enumerate() {
                if !lands_well(&idx, &chars, units, s) {
                    self.misplaced[k] += 1;
                }
            }
        }
    }

    /// Why the file should not be imported as assumed, naming the unit it most likely counts in;
    /// `None` when the assumed unit is as good as any.
    pub fn verdict(&self) -> Option<String> {
        let assumed = self.assumed?;
        let k = UNITS.iter().position(|u| *u == assumed)?;
        let bad = self.misplaced[k];
        let (best, best_bad) = UNITS
            .iter()
            .zip(self.misplaced)
            .filter(|(u, _)| **u != assumed)
            .min_by_key(|(_, n)| *n)?;
        if bad < 2 || best_bad * 2 >= bad {
            return None;
        }
        Some(format!(
            "{bad} of {} spans start or end inside a word (or do not fit the text) when their \
             offsets count {}, the format's usual unit; counted as {}, {best_bad} do. The file most \
             likely counts {}{}. Pass --offsets {} to read it so \
             (or --offsets {} to import it as it is)",
            self.spans,
            assumed.describe(),
            best.describe(),
            best.describe(),
            if *best == OffsetUnit::Grapheme { " (a doccano project in grapheme mode)" } else { "" },
            best.name(),
            assumed.name(),
        ))
    }
}

/// Does the span fit the text on grapheme boundaries, with both edges off the inside of a word?
fn lands_well(idx: &CharIndex, chars: &[char], units: &Units, s: &ToolSpan) -> bool {
    if s.start < 0 || s.end <= s.start {
        return false;
    }
    let (start, end) = (s.start as usize, s.end as usize);
    let (Some(a), Some(b)) = (units.to_cp(start), units.to_cp(end)) else { return false };
    if idx.check_span(a, b).is_err() {
        return false;
    }
    let inside =
        |at: usize| at > 0 && at < chars.len() && is_word(chars[at - 1]) && is_word(chars[at]);
    !inside(a) && !inside(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: i64, end: i64) -> ToolSpan {
        ToolSpan {
            start,
            end,
            label: "X".into(),
            text: None,
            annotator: String::new(),
            note: None,
            entity: None,
            id: None,
        }
    }

    /// (start, end) of `needle` in `text`, counted in `unit`.
    fn at(text: &str, needle: &str, unit: OffsetUnit) -> (i64, i64) {
        let a = text[..text.find(needle).expect("needle")].chars().count();
        let b = a + needle.chars().count();
        let units = Units::new(text, unit);
        let conv = |cp: usize| units.from_cp(cp);
        (conv(a) as i64, conv(b) as i64)
    }

    const TEXT: &str = "😀 زار مُحَمَّدٌ الرياض 🇸🇦 وبيروت ثم القاهرة 👍🏽 وعمّان.";

    fn tally(unit_written: OffsetUnit, assumed: OffsetUnit) -> UnitTally {
        let mut t = UnitTally::default();
        let spans: Vec<ToolSpan> = ["مُحَمَّدٌ", "الرياض", "بيروت", "القاهرة", "عمّان"]
            .iter()
            .map(|n| {
                let (a, b) = at(TEXT, n, unit_written);
                span(a, b)
            })
            .collect();
        t.add(TEXT, &spans, assumed);
        t
    }

    #[test]
    fn the_right_unit_passes_even_with_spans_after_clitics() {
        // بيروت and عمّان follow a clitic و: inside a word in every unit alike.
        for u in UNITS {
            assert_eq!(tally(u, u).verdict(), None, "{u:?}");
        }
    }

    #[test]
    fn a_wrong_assumed_unit_names_the_right_one() {
        let why = tally(OffsetUnit::Grapheme, OffsetUnit::Utf16).verdict().expect("stopped");
        assert!(why.contains("most likely counts grapheme clusters"), "{why}");
        assert!(why.contains("--offsets grapheme"), "{why}");
        let why = tally(OffsetUnit::Codepoint, OffsetUnit::Utf16).verdict().expect("stopped");
        assert!(why.contains("--offsets codepoint"), "{why}");
    }

    #[test]
    fn spans_with_text_are_not_counted() {
        let mut t = UnitTally::default();
        let mut s = span(0, 3);
        s.text = Some("x".into());
        t.add(TEXT, &[s], OffsetUnit::Utf16);
        assert_eq!(t.verdict(), None);
    }
}
