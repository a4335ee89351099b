//! Spans counted in another unit (UTF-16 code units, graphemes, code points) converted into code
//! points of the article's text and checked against it: the one place import turns offsets it is
//! given into the offsets Hashiya stores (`--offsets`, `--misaligned`).

use super::record::{Parsed, ToolSpan};
use super::OffsetUnit;
use crate::native::{NativeRecord, NativeSpan};
use crate::text::{self, CharIndex};
use crate::units::Units;

/// What to do with another tool's span whose edge splits a character cluster (`--misaligned`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Misaligned {
    /// Reject the record and list every such span. The default.
    #[default]
    Reject,
    /// Grow the span to the nearest edges around it (`crate::text`'s rule).
    Expand,
    /// Leave the span out (listed as left out).
    Skip,
}

impl Misaligned {
    pub fn parse(s: &str) -> crate::error::Result<Misaligned> {
        match s {
            "reject" => Ok(Misaligned::Reject),
            "expand" => Ok(Misaligned::Expand),
            "skip" => Ok(Misaligned::Skip),
            other => Err(crate::error::Error::Invalid(format!(
                "unknown --misaligned choice {other:?}; known: reject, expand, skip"
            ))),
        }
    }
}

/// Spans `--misaligned expand` grew and `skip` left out (with why), for the report.
#[derive(Debug, Default)]
pub(super) struct Fixes {
    pub expanded: usize,
    pub skipped: Vec<String>,
}

/// Where a span's edge splits a character cluster, the edges it grows to.
fn expanded(idx: &CharIndex, start: usize, end: usize) -> Option<(usize, usize)> {
    (!idx.is_edge(start) || !idx.is_edge(end))
        .then(|| (text::edge_before(idx, start), text::edge_after(idx, end)))
}

/// The record with its spans in code points, or every reason a span does not fit its text.
/// A span that splits a character cluster rejects the record, or with `misaligned` grows to the
/// cluster's edges or is left out (counted in `fixes`).
pub(super) fn checked(
    p: Parsed,
    unit: OffsetUnit,
    misaligned: Misaligned,
    fixes: &mut Fixes,
) -> std::result::Result<NativeRecord, String> {
    let mut rec = p.record;
    if rec.text.is_empty() {
        return Err("the article text is empty".into());
    }
    let idx = CharIndex::new(&rec.text);
    let units = Units::new(&rec.text, unit);
    let mut errors = Vec::new();
    for (k, s) in p.spans.into_iter().enumerate() {
        let loose = misaligned != Misaligned::Reject;
        let checked = match check_span(&idx, &units, &s, loose) {
            Ok((start, end, _)) if loose => match expanded(&idx, start, end) {
                None => Ok((start, end, idx.slice(start, end).unwrap_or_default())),
                Some(_) if misaligned == Misaligned::Skip => {
                    fixes.skipped.push(format!(
                        "span #{} [{}, {}) {} splits a character cluster: left out (--misaligned skip)",
                        k + 1,
                        s.start,
                        s.end,
                        s.label
                    ));
                    continue;
                }
                Some((a, b)) => {
                    fixes.expanded += 1;
                    Ok((a, b, idx.slice(a, b).unwrap_or_default()))
                }
            },
            other => other,
        };
        let attrs: crate::model::Attrs = p
            .attrs
            .iter()
            .filter(|(id, who, _, _)| id.is_some() && *id == s.id && *who == s.annotator)
            .map(|(_, _, name, v)| (name.clone(), v.clone()))
            .collect();
        let id = s.id.clone();
        match checked {
            Ok((start, end, slice)) => rec.spans.push(NativeSpan {
                start: start as i64,
                end: end as i64,
                label: s.label,
                text: Some(slice.to_string()),
                annotator: Some(s.annotator),
                note: s.note,
                created_at: None,
                origin: None,
                entity: s.entity,
                id,
                attrs: (!attrs.is_empty()).then_some(attrs),
            }),
            Err(reason) => {
                let by = if s.annotator.is_empty() {
                    String::new()
                } else {
                    format!(" by {}", s.annotator)
                };
                errors.push(format!(
                    "span #{} [{}, {}) {}{by} ({}): {reason}",
                    k + 1,
                    s.start,
                    s.end,
                    s.label,
                    unit.describe()
                ))
            }
        }
    }
    if errors.is_empty() {
        Ok(rec)
    } else {
        Err(errors.join("; "))
    }
}

/// A native record whose span offsets count another unit (`--offsets utf16|grapheme`), converted in place.
pub(super) fn native_from(
    rec: &mut NativeRecord,
    unit: OffsetUnit,
) -> std::result::Result<(), String> {
    let spans = std::mem::take(&mut rec.spans);
    let tool: Vec<ToolSpan> = spans
        .iter()
        .map(|s| ToolSpan {
            start: s.start,
            end: s.end,
            label: s.label.clone(),
            text: s.text.clone(),
            annotator: String::new(),
            note: None,
            entity: None,
            id: None,
        })
        .collect();
    let mut p = Parsed::new(rec.clone());
    p.spans = tool;
    let converted = checked(p, unit, Misaligned::Reject, &mut Fixes::default())?;
    rec.spans = spans
        .into_iter()
        .zip(converted.spans)
        .map(|(orig, c)| NativeSpan { start: c.start, end: c.end, ..orig })
        .collect();
    Ok(())
}

/// Code-point offsets and slice of one span, or why it does not fit.
fn check_span<'a>(
    idx: &CharIndex<'a>,
    units: &Units,
    s: &ToolSpan,
    loose_edges: bool,
) -> std::result::Result<(usize, usize, &'a str), String> {
    if s.label.trim().is_empty() {
        return Err("the label is empty".into());
    }
    if s.start < 0 || s.end < 0 {
        return Err("offsets must not be negative".into());
    }
    if s.start > s.end {
        return Err("the span is inverted (its start comes after its end)".into());
    }
    if s.start == s.end {
        return Err("the span is empty (its start equals its end)".into());
    }
    let (start, end) = (s.start as usize, s.end as usize);
    let unit = units.unit();
    if end > units.len() {
        return Err(format!(
            "it runs past the end of the text ({} {})",
            units.len(),
            unit.describe()
        ));
    }
    let at = |off: usize, edge: &str| {
        units.to_cp(off).ok_or_else(|| match unit {
            OffsetUnit::Utf16 => format!("its {edge} falls inside a surrogate pair (between the two UTF-16 code units of one character, such as an emoji)"),
            _ => format!("its {edge} falls inside one character (between its {})", unit.describe()),
        })
    };
    let (cp_start, cp_end) = (at(start, "start")?, at(end, "end")?);
    if !loose_edges {
        idx.check_span(cp_start, cp_end)?;
    }
    let slice = idx.slice(cp_start, cp_end).unwrap_or_default();
    if let Some(expected) = &s.text {
        if expected != slice {
            let fits = |u: OffsetUnit| {
                let other = Units::new(idx.text(), u);
                match (other.to_cp(start), other.to_cp(end)) {
                    (Some(a), Some(b)) => idx.slice(a, b) == Some(expected.as_str()),
                    _ => false,
                }
            };
            let other = OffsetUnit::ALL.into_iter().find(|u| *u != unit && fits(*u));
            let hint = match other {
                Some(u) => format!(
                    "; the offsets fit if they count {} (pass --offsets {})",
                    u.describe(),
                    u.name()
                ),
                None => String::new(),
            };
            return Err(format!("its text {expected:?} differs from the article text at those offsets {slice:?}{hint}"));
        }
    }
    Ok((cp_start, cp_end, slice))
}
