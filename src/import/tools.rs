//! Other tools' JSON and JSONL (doccano, Label Studio, Prodigy): records read from a JSON array, one
//! object or JSON lines; each record's spans converted from the tool's offset unit to code points and
//! checked, then stored like a native line (one savepoint per record).

use std::io::BufRead;

use rusqlite::Transaction;
use serde_json::Value;

use super::plausible::UnitTally;
pub(super) use super::record::{meta_key, Parsed, ToolSpan};
use super::{jsonl, Format, Ids, ImportOptions, ImportReport, OffsetUnit};
use crate::error::Result;
use crate::native::{NativeRecord, NativeSpan};
use crate::text::{self, CharIndex};

/// The offset unit a tool writes, unless `--offsets` says otherwise: doccano's editor counts UTF-16
/// code units (doccano#2290); Label Studio (since 1.0) and Prodigy count code points.
pub(super) fn default_unit(format: Format) -> OffsetUnit {
    match format {
        Format::Doccano => OffsetUnit::Utf16,
        _ => OffsetUnit::Codepoint,
    }
}

/// Which tool wrote this record, from the keys it has (`None`: not a JSON object).
pub(super) fn detect(v: &Value) -> Option<Format> {
    let o = v.as_object()?;
    let has = |k: &str| o.contains_key(k);
    Some(
        if o.get("data").is_some_and(Value::is_object)
            || super::labelstudio::is_min(o)
            || has("annotations")
            || has("predictions")
            || has("completions")
        {
            Format::LabelStudio
        } else if [
            "answer",
            "_input_hash",
            "_task_hash",
            "_view_id",
            "_session_id",
            "_annotator_id",
        ]
        .iter()
        .any(|k| has(k))
            || (has("tokens") && has("spans"))
        {
            Format::Prodigy
        } else if has("entities")
            || o.get("label").is_some_and(Value::is_array)
            || o.get("labels").is_some_and(Value::is_array)
        {
            Format::Doccano
        } else {
            Format::Jsonl
        },
    )
}

/// The records of a JSON or JSONL text with the line each starts on: one value per line when
/// `lines` (a `.jsonl` file), else the elements of a top-level array, a single object, or one value per
/// line. A record that cannot be cut out carries its reason.
pub(super) fn json_items(
    content: &str,
    lines: bool,
) -> Vec<(usize, std::result::Result<&str, String>)> {
    let trimmed = content.trim_start();
    if lines {
        return content
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| (i + 1, Ok(l)))
            .collect();
    }
    if trimmed.starts_with('[') {
        return array_items(content);
    }
    if trimmed.starts_with('{')
        && content.trim_end().contains('\n')
        && serde_json::from_str::<Value>(content).is_ok()
    {
        let line = content[..content.len() - trimmed.len()].matches('\n').count() + 1;
        return vec![(line, Ok(content.trim()))];
    }
    content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, Ok(l)))
        .collect()
}

/// The elements of a top-level JSON array, cut at depth-one commas (strings and escapes respected).
fn array_items(content: &str) -> Vec<(usize, std::result::Result<&str, String>)> {
    let bytes = content.as_bytes();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < bytes.len() && bytes[i] != b'[' {
        line += usize::from(bytes[i] == b'\n');
        i += 1;
    }
    i += 1;
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut start: Option<(usize, usize)> = None;
    let mut closed = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            line += 1;
        }
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' if depth > 0 => depth -= 1,
                b',' | b']' if depth == 0 => {
                    match start.take() {
                        Some((s, l)) => out.push((l, Ok(content[s..i].trim_end()))),
                        None if b == b',' => {
                            out.push((line, Err("an empty element in the JSON array".to_string())))
                        }
                        None => {}
                    }
                    if b == b']' {
                        closed = true;
                        i += 1;
                        break;
                    }
                }
                _ => {}
            }
            if start.is_none() && !b.is_ascii_whitespace() && b != b',' {
                start = Some((i, line));
            }
        }
        i += 1;
    }
    if !closed {
        let at = start.map(|s| s.1).unwrap_or(line);
        out.push((
            at,
            Err("the file ends inside this record: the JSON array is truncated".to_string()),
        ));
    } else if !content[i..].trim().is_empty() {
        out.push((line, Err("text follows the end of the JSON array".to_string())));
    }
    out
}

/// Import another tool's file held in memory.
pub(super) fn import_str(
    tx: &Transaction,
    name: &str,
    content: &str,
    format: Option<Format>,
    opts: &ImportOptions,
    report: &mut ImportReport,
) -> Result<()> {
    let mut ids = Ids::default();
    let mut format = format;
    let ext = std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let lines = matches!(ext.as_deref(), Some("jsonl") | Some("ndjson"));
    let mut tally = UnitTally::default();
    for (line, item) in json_items(content, lines) {
        match item {
            Ok(item) => {
                import_item(tx, name, line, item, &mut format, opts, &mut ids, &mut tally, report)?
            }
            Err(reason) => {
                opts.control.step()?;
                report.reject(name, Some(line), reason);
            }
        }
    }
    plausible(&tally)
}

/// Stop the file (its transaction rolls back) when its offsets most likely count another unit.
fn plausible(tally: &UnitTally) -> Result<()> {
    match tally.verdict() {
        Some(why) => Err(crate::error::Error::Invalid(why)),
        None => Ok(()),
    }
}

/// Stream another tool's UTF-8 JSONL file line by line.
pub(super) fn import_reader(
    tx: &Transaction,
    name: &str,
    reader: &mut dyn BufRead,
    format: Option<Format>,
    opts: &ImportOptions,
    report: &mut ImportReport,
) -> Result<()> {
    let mut ids = Ids::default();
    let mut format = format;
    let mut tally = UnitTally::default();
    jsonl::read_lines(name, reader, report, |line, item, report| {
        if item.trim().is_empty() {
            return Ok(());
        }
        import_item(tx, name, line, item, &mut format, opts, &mut ids, &mut tally, report)
    })?;
    plausible(&tally)
}

/// One record. `format` is detected from the first record that is a JSON object when not given.
#[allow(clippy::too_many_arguments)]
fn import_item(
    tx: &Transaction,
    name: &str,
    line: usize,
    item: &str,
    format: &mut Option<Format>,
    opts: &ImportOptions,
    ids: &mut Ids,
    tally: &mut UnitTally,
    report: &mut ImportReport,
) -> Result<()> {
    if *format == Some(Format::Jsonl) {
        return jsonl::import_line(tx, name, line, item, opts, ids, report);
    }
    let value: Value = match (serde_json::from_str(item), *format) {
        (Ok(v), _) => v,
        // Not yet told which tool: the native reader names what is wrong with the line.
        (Err(_), None) => return jsonl::import_line(tx, name, line, item, opts, ids, report),
        (Err(e), Some(_)) => {
            opts.control.step()?;
            report.reject(name, Some(line), format!("not valid JSON: {e}"));
            return Ok(());
        }
    };
    let fmt = match (*format, detect(&value)) {
        (Some(f), _) => f,
        (None, Some(f)) => *format.insert(f),
        (None, None) => return jsonl::import_line(tx, name, line, item, opts, ids, report),
    };
    if fmt == Format::Jsonl {
        return jsonl::import_line(tx, name, line, item, opts, ids, report);
    }
    opts.control.step()?;
    let base = opts.annotator.as_deref().map(str::trim).filter(|a| !a.is_empty());
    let parsed = match fmt {
        Format::Doccano => super::doccano::parse(&value, base.unwrap_or("doccano")),
        Format::LabelStudio => {
            super::labelstudio::parse(&value, base.unwrap_or("labelstudio"), &opts.annotator_map)
        }
        _ => super::prodigy::parse(&value, base.unwrap_or("prodigy")),
    };
    // Label Studio exports put every task on one line: what the report says of a record names its task.
    let task = match (fmt, value.get("id")) {
        (Format::LabelStudio, Some(id)) if id.is_number() || id.is_string() => {
            format!("task {}: ", id.as_str().map(str::to_string).unwrap_or_else(|| id.to_string()))
        }
        _ => String::new(),
    };
    let mut parsed = match parsed {
        Ok(p) => p,
        Err(reason) => {
            report.reject(name, Some(line), reason);
            return Ok(());
        }
    };
    for why in parsed.left_out.drain(..) {
        report.leave_out(name, Some(line), why);
    }
    if parsed.record.source.is_none() {
        parsed.record.source =
            std::path::Path::new(name).file_name().map(|f| f.to_string_lossy().into_owned());
    }
    let unit = opts.offsets.unwrap_or_else(|| default_unit(fmt));
    if opts.offsets.is_none() {
        tally.add(&parsed.record.text, &parsed.spans, unit);
    }
    let mut fixes = Fixes::default();
    match checked(parsed, unit, opts.misaligned, &mut fixes) {
        Ok(rec) => {
            let rejected = report.rejected.len();
            jsonl::import_record(tx, name, line, &rec, opts, ids, report)?;
            // Count the changes only when the record went in.
            if report.rejected.len() == rejected {
                report.spans_expanded += fixes.expanded as i64;
                for why in fixes.skipped {
                    report.spans_skipped += 1;
                    report.leave_out(name, Some(line), format!("{task}{why}"));
                }
            }
            Ok(())
        }
        Err(reason) => {
            report.reject(name, Some(line), format!("{task}{reason}"));
            Ok(())
        }
    }
}

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
    let units16 = rec.text.encode_utf16().count();
    let starts = match unit {
        OffsetUnit::Grapheme => super::graphemes::doccano_starts(&rec.text),
        _ => Vec::new(),
    };
    let mut errors = Vec::new();
    for (k, s) in p.spans.into_iter().enumerate() {
        let loose = misaligned != Misaligned::Reject;
        let checked = match check_span(&idx, units16, &starts, &s, unit, loose) {
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
    units16: usize,
    starts: &[usize],
    s: &ToolSpan,
    unit: OffsetUnit,
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
    let (cp_start, cp_end) = match unit {
        OffsetUnit::Codepoint => {
            if end > idx.len() {
                return Err(format!(
                    "it runs past the end of the text ({} code points)",
                    idx.len()
                ));
            }
            (start, end)
        }
        OffsetUnit::Utf16 => {
            if end > units16 {
                return Err(format!(
                    "it runs past the end of the text ({units16} UTF-16 code units)"
                ));
            }
            let at = |off: usize, edge: &str| {
                text::utf16_to_cp(idx.text(), off).ok_or_else(|| {
                    format!("its {edge} falls inside a surrogate pair (between the two UTF-16 code units of one character, such as an emoji)")
                })
            };
            (at(start, "start")?, at(end, "end")?)
        }
        OffsetUnit::Grapheme => {
            let count = starts.len().saturating_sub(1);
            if end > count {
                return Err(format!(
                    "it runs past the end of the text ({count} grapheme clusters)"
                ));
            }
            (starts[start], starts[end])
        }
    };
    if !loose_edges {
        idx.check_span(cp_start, cp_end)?;
    }
    let slice = idx.slice(cp_start, cp_end).unwrap_or_default();
    if let Some(expected) = &s.text {
        if expected != slice {
            let fits = |u: OffsetUnit| {
                let cp = |off: usize| match u {
                    OffsetUnit::Codepoint => Some(off),
                    OffsetUnit::Utf16 => text::utf16_to_cp(idx.text(), off),
                    OffsetUnit::Grapheme => {
                        super::graphemes::doccano_starts(idx.text()).get(off).copied()
                    }
                };
                match (cp(start), cp(end)) {
                    (Some(a), Some(b)) => idx.slice(a, b) == Some(expected.as_str()),
                    _ => false,
                }
            };
            let other = [OffsetUnit::Codepoint, OffsetUnit::Utf16, OffsetUnit::Grapheme]
                .into_iter()
                .find(|u| *u != unit && fits(*u));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_items_respect_strings_and_report_truncation() {
        let items = array_items("[\n {\"text\": \"a, ]\\\" b\"},\n {\"text\": [1, 2]}\n]");
        let got: Vec<(usize, &str)> =
            items.iter().map(|(l, r)| (*l, *r.as_ref().expect("ok"))).collect();
        assert_eq!(got, vec![(2, "{\"text\": \"a, ]\\\" b\"}"), (3, "{\"text\": [1, 2]}")]);
        let cut = array_items("[{\"a\": 1},\n{\"a\": ");
        assert_eq!(cut.len(), 2);
        assert_eq!(cut[1].0, 2);
        assert!(cut[1].1.as_ref().is_err_and(|e| e.contains("truncated")));
        assert!(array_items("[]").is_empty());
    }

    #[test]
    fn json_items_read_lines_or_one_object() {
        assert_eq!(
            json_items("{\"a\":1}\n\n{\"a\":2}\n", false).iter().map(|x| x.0).collect::<Vec<_>>(),
            vec![1, 3]
        );
        assert_eq!(json_items("{\n \"a\": 1\n}\n", false).len(), 1);
        assert_eq!(json_items("[1,\n2]\n", true).len(), 2);
    }
}
