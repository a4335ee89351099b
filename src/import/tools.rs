//! Other tools' JSON and JSONL (doccano, Label Studio, Prodigy): records read from a JSON array, one
//! object or JSON lines; each record's spans converted from the tool's offset unit to code points and
//! checked, then stored like a native line (one savepoint per record).

use std::io::BufRead;

use rusqlite::Transaction;
use serde_json::{Map, Value};

use super::{jsonl, Format, Ids, ImportOptions, ImportReport, OffsetUnit};
use crate::error::Result;
use crate::native::{NativeRecord, NativeSpan, NativeTag};
use crate::text::{self, CharIndex};

/// A span as another tool gives it, counted in that tool's unit.
pub(super) struct ToolSpan {
    pub start: i64,
    pub end: i64,
    pub label: String,
    /// The span's text, where the tool records it: checked against the slice.
    pub text: Option<String>,
    pub annotator: String,
    /// The tool's id of the span, where its relations refer to it.
    pub id: Option<Value>,
}

/// One record of another tool, read but not yet checked.
pub(super) struct Parsed {
    /// The article (its spans are still in `spans`).
    pub record: NativeRecord,
    pub spans: Vec<ToolSpan>,
    /// Annotations left out on purpose (a Prodigy reject, a cancelled Label Studio annotation), and why.
    pub left_out: Vec<String>,
    /// Attribute values of spans by the spans' tool id: (id, annotator, attribute, value).
    pub attrs: Vec<(Option<Value>, String, String, Value)>,
}

impl Parsed {
    pub fn new(record: NativeRecord) -> Self {
        Parsed { record, spans: Vec::new(), left_out: Vec::new(), attrs: Vec::new() }
    }

    pub fn tag(&mut self, label: &str, annotator: &str) {
        if !self
            .record
            .tags
            .iter()
            .any(|t| t.label == label && t.annotator.as_deref() == Some(annotator))
        {
            self.record.tags.push(NativeTag {
                label: label.to_string(),
                annotator: Some(annotator.to_string()),
                created_at: None,
            });
        }
    }
}

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
    for (line, item) in json_items(content, lines) {
        match item {
            Ok(item) => import_item(tx, name, line, item, &mut format, opts, &mut ids, report)?,
            Err(reason) => {
                opts.control.step()?;
                report.reject(name, Some(line), reason);
            }
        }
    }
    Ok(())
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
    jsonl::read_lines(name, reader, report, |line, item, report| {
        if item.trim().is_empty() {
            return Ok(());
        }
        import_item(tx, name, line, item, &mut format, opts, &mut ids, report)
    })
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
        Format::LabelStudio => super::labelstudio::parse(&value, base.unwrap_or("labelstudio")),
        _ => super::prodigy::parse(&value, base.unwrap_or("prodigy")),
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
    match checked(parsed, unit) {
        Ok(rec) => jsonl::import_record(tx, name, line, &rec, opts, ids, report),
        Err(reason) => {
            report.reject(name, Some(line), reason);
            Ok(())
        }
    }
}

/// The record with its spans in code points, or every reason a span does not fit its text.
pub(super) fn checked(p: Parsed, unit: OffsetUnit) -> std::result::Result<NativeRecord, String> {
    let mut rec = p.record;
    if rec.text.is_empty() {
        return Err("the article text is empty".into());
    }
    let idx = CharIndex::new(&rec.text);
    let units16 = rec.text.encode_utf16().count();
    let mut errors = Vec::new();
    for (k, s) in p.spans.into_iter().enumerate() {
        let attrs: crate::model::Attrs = p
            .attrs
            .iter()
            .filter(|(id, who, _, _)| id.is_some() && *id == s.id && *who == s.annotator)
            .map(|(_, _, name, v)| (name.clone(), v.clone()))
            .collect();
        match check_span(&idx, units16, &s, unit) {
            Ok((start, end, slice)) => rec.spans.push(NativeSpan {
                start: start as i64,
                end: end as i64,
                label: s.label,
                text: Some(slice.to_string()),
                annotator: Some(s.annotator),
                note: None,
                created_at: None,
                id: s.id,
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

/// A native record whose span offsets count UTF-16 code units (`--offsets utf16`), converted in place.
pub(super) fn native_from_utf16(rec: &mut NativeRecord) -> std::result::Result<(), String> {
    let spans = std::mem::take(&mut rec.spans);
    let tool: Vec<ToolSpan> = spans
        .iter()
        .map(|s| ToolSpan {
            start: s.start,
            end: s.end,
            label: s.label.clone(),
            text: s.text.clone(),
            annotator: String::new(),
            id: None,
        })
        .collect();
    let mut p = Parsed::new(rec.clone());
    p.spans = tool;
    let converted = checked(p, OffsetUnit::Utf16)?;
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
    s: &ToolSpan,
    unit: OffsetUnit,
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
    };
    idx.check_span(cp_start, cp_end)?;
    let slice = idx.slice(cp_start, cp_end).unwrap_or_default();
    if let Some(expected) = &s.text {
        if expected != slice {
            let (other, flag) = match unit {
                OffsetUnit::Utf16 => (idx.slice(start, end).map(str::to_string), "codepoint"),
                OffsetUnit::Codepoint => (text::slice_utf16(idx.text(), start, end), "utf16"),
            };
            let hint = if other.as_deref() == Some(expected.as_str()) {
                format!(
                    "; the offsets fit if they count {} (pass --offsets {flag})",
                    if flag == "utf16" { "UTF-16 code units" } else { "code points" }
                )
            } else {
                String::new()
            };
            return Err(format!("its text {expected:?} differs from the article text at those offsets {slice:?}{hint}"));
        }
    }
    Ok((cp_start, cp_end, slice))
}

/// An integer offset, or why not.
pub(super) fn int(v: Option<&Value>, what: &str) -> std::result::Result<i64, String> {
    match v {
        Some(Value::Number(n)) => {
            n.as_i64().ok_or_else(|| format!("{what} {n} is not a whole number"))
        }
        Some(other) => Err(format!("{what} {other} is not a number")),
        None => Err(format!("{what} is missing")),
    }
}

/// The article text under `key`, or why not.
pub(super) fn text_of(o: &Map<String, Value>, key: &str) -> std::result::Result<String, String> {
    match o.get(key) {
        Some(Value::String(t)) if !t.is_empty() => Ok(t.clone()),
        Some(Value::String(_)) => Err("the article text is empty".into()),
        Some(_) => Err(format!("\"{key}\" is not a string")),
        None => Err(format!("the record has no \"{key}\"")),
    }
}

/// Keys the exporter reads from an article's `meta` (CoNLL tokenisation): others' fields never take them.
const RESERVED_META: &[&str] = &["tokens", "sentences", "format", "source_line"];

/// A metadata key for another tool's field that never collides with the keys Hashiya reads.
pub(super) fn meta_key(key: &str) -> String {
    if RESERVED_META.contains(&key) {
        format!("{key}_imported")
    } else {
        key.to_string()
    }
}

/// An article from an object's fields: `text_key` is the text; `id`, `title`, `url`, `published_at`
/// (or `date`) fill those fields; `meta` (an object) and every other field not in `skip` go to meta.
pub(super) fn article(
    o: &Map<String, Value>,
    text_key: &str,
    skip: &[&str],
) -> std::result::Result<NativeRecord, String> {
    let text = text_of(o, text_key)?;
    let string = |k: &str| match o.get(k) {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let mut meta = Map::new();
    for (k, v) in o {
        if k == text_key
            || skip.contains(&k.as_str())
            || ["id", "title", "url", "published_at", "date"].contains(&k.as_str())
        {
            continue;
        }
        match (k.as_str(), v) {
            ("meta", Value::Object(m)) => {
                meta.extend(m.iter().map(|(k, v)| (meta_key(k), v.clone())))
            }
            _ => {
                meta.insert(meta_key(k), v.clone());
            }
        }
    }
    Ok(NativeRecord {
        id: string("id"),
        title: string("title"),
        text,
        source: None,
        url: string("url"),
        published_at: string("published_at").or_else(|| string("date")),
        meta: Some(meta),
        tags: Vec::new(),
        spans: Vec::new(),
        status: Vec::new(),
        relations: Vec::new(),
    })
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
