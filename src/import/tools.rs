//! Other tools' JSON and JSONL (doccano, Label Studio, Prodigy): records read from a JSON array, one
//! object or JSON lines; each record's spans converted from the tool's offset unit to code points and
//! checked, then stored like a native line (one savepoint per record).

use std::io::BufRead;

use rusqlite::Transaction;
use serde_json::Value;

use super::convert::{checked, Fixes};
use super::plausible::UnitTally;
pub(super) use super::record::meta_key;
use super::{jsonl, Format, Ids, ImportOptions, ImportReport, OffsetUnit};
use crate::error::Result;

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
