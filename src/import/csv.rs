//! CSV/TSV: one article per row, a header row naming the columns. The text, title, url and date
//! columns come from the mapping (or the usual names); every other column goes into `meta`.
//! The delimiter is tab for `.tsv`/`.tab`, else the one of `,` `;` `\t` the header line uses most.

use rusqlite::Transaction;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::{jsonl, Ids, ImportOptions, ImportReport};
use crate::error::Result;
use crate::native::NativeRecord;

/// Which columns hold what; `None` picks the usual names (case-insensitive).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, ts_rs::TS)]
pub struct Columns {
    /// Default: text, body, content, article, النص.
    #[serde(default)]
    #[ts(optional)]
    pub text: Option<String>,
    /// Default: title, headline, العنوان. For title, url and date, "" means none.
    #[serde(default)]
    #[ts(optional)]
    pub title: Option<String>,
    /// Default: url, link.
    #[serde(default)]
    #[ts(optional)]
    pub url: Option<String>,
    /// Default: date, published_at, published, pubdate, التاريخ.
    #[serde(default)]
    #[ts(optional)]
    pub date: Option<String>,
}

const TEXT: &[&str] = &["text", "body", "content", "article", "article_text", "النص"];
const TITLE: &[&str] = &["title", "headline", "العنوان", "عنوان"];
const URL: &[&str] = &["url", "link", "source_url"];
const DATE: &[&str] = &["date", "published_at", "published", "pubdate", "publish_date", "التاريخ"];

/// Label Studio's CSV/TSV export: JSON-MIN's fields as columns.
fn is_labelstudio(header: &[String]) -> bool {
    let has = |n: &str| header.iter().any(|h| h == n);
    has("annotation_id") && has("annotator") && has("id")
}

/// Label Studio's CSV/TSV rows, read as the JSON-MIN rows they are (a column holding a JSON list or
/// object is parsed), each at its row's line.
fn labelstudio_rows(
    tx: &Transaction,
    name: &str,
    header: &[String],
    records: ::csv::StringRecordsIter<&[u8]>,
    opts: &ImportOptions,
    report: &mut ImportReport,
) -> Result<()> {
    let mut lines = String::new();
    let mut at = 1;
    for row in records {
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(at + 1);
                report.reject(name, Some(line), format!("the row cannot be read: {e}"));
                continue;
            }
        };
        let line = row.position().map(|p| p.line() as usize).unwrap_or(at + 1);
        let mut o = Map::new();
        for (h, v) in header.iter().zip(row.iter()) {
            if v.is_empty() {
                continue;
            }
            let parsed = match v.trim_start().chars().next() {
                Some('[') | Some('{') => serde_json::from_str(v).ok(),
                _ if h == "id" || h == "annotation_id" => serde_json::from_str(v).ok(),
                _ => None,
            };
            o.insert(h.clone(), parsed.unwrap_or_else(|| Value::String(v.to_string())));
        }
        while at < line {
            lines.push('\n');
            at += 1;
        }
        lines.push_str(&Value::Object(o).to_string());
    }
    super::tools::import_str(tx, name, &lines, Some(super::Format::LabelStudio), opts, report)
}

/// The index of the column `wanted` names, or of the first usual name present.
fn column(
    header: &[String],
    wanted: Option<&str>,
    usual: &[&str],
    what: &str,
) -> std::result::Result<Option<usize>, String> {
    let find = |n: &str| header.iter().position(|h| h.trim().eq_ignore_ascii_case(n.trim()));
    match wanted {
        // An empty name says "no such column" (title, url or date left unmapped on purpose).
        Some(w) if w.trim().is_empty() && what != "text" => Ok(None),
        Some(w) => find(w).map(Some).ok_or_else(|| {
            format!(
                "there is no {what} column named {w:?} (the columns are: {})",
                header.join(", ")
            )
        }),
        None => Ok(usual.iter().find_map(|n| find(n))),
    }
}

pub(super) fn import_csv(
    tx: &Transaction,
    name: &str,
    content: &str,
    opts: &ImportOptions,
    report: &mut ImportReport,
) -> Result<()> {
    if content.trim().is_empty() {
        report.reject(name, None, "the file is empty");
        return Ok(());
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(super::table::delimiter(name, content))
        .flexible(true)
        .has_headers(false)
        .from_reader(content.as_bytes());
    let mut records = reader.records();
    let header: Vec<String> = match records.next() {
        Some(Ok(h)) => h.iter().map(str::to_string).collect(),
        Some(Err(e)) => {
            report.reject(name, Some(1), format!("the header row cannot be read: {e}"));
            return Ok(());
        }
        None => {
            report.reject(name, None, "the file is empty");
            return Ok(());
        }
    };
    if is_labelstudio(&header) && opts.columns == Columns::default() {
        return labelstudio_rows(tx, name, &header, records, opts, report);
    }
    let m = &opts.columns;
    if m.text.is_none()
        && super::table::is_token_header(&header)
        && TEXT.iter().all(|t| !header.iter().any(|h| h.trim().eq_ignore_ascii_case(t)))
    {
        return super::table::import_table(tx, name, content, opts, report);
    }
    let found = (|| {
        let text = column(&header, m.text.as_deref(), TEXT, "text")?.ok_or_else(|| {
            format!(
                "no text column: pass --text-column NAME (the columns are: {})",
                header.join(", ")
            )
        })?;
        Ok::<_, String>((
            text,
            column(&header, m.title.as_deref(), TITLE, "title")?,
            column(&header, m.url.as_deref(), URL, "url")?,
            column(&header, m.date.as_deref(), DATE, "date")?,
        ))
    })();
    let (text, title, url, date) = match found {
        Ok(c) => c,
        Err(reason) => {
            report.reject(name, Some(1), reason);
            return Ok(());
        }
    };
    let mapped = [Some(text), title, url, date];
    let mut keys: Vec<String> = Vec::with_capacity(header.len());
    for h in &header {
        let base = super::tools::meta_key(h.trim());
        let mut key = base.clone();
        let mut n = 2;
        while keys.contains(&key) {
            key = format!("{base}_{n}");
            n += 1;
        }
        keys.push(key);
    }
    let source = std::path::Path::new(name).file_name().map(|f| f.to_string_lossy().into_owned());
    let mut ids = Ids::default();
    let mut rows = 0;
    for row in records {
        rows += 1;
        opts.control.step()?;
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                report.reject(name, line, format!("the row cannot be read: {e}"));
                continue;
            }
        };
        let line = row.position().map(|p| p.line() as usize).unwrap_or(0);
        if row.len() == 1 && row.get(0).is_some_and(|f| f.trim().is_empty()) {
            continue;
        }
        if row.len() != header.len() {
            report.reject(
                name,
                Some(line),
                format!("the row has {} fields but the header has {}", row.len(), header.len()),
            );
            continue;
        }
        let cell = |i: Option<usize>| {
            i.and_then(|i| row.get(i)).map(str::to_string).filter(|v| !v.trim().is_empty())
        };
        let Some(body) = cell(Some(text)) else {
            report.reject(name, Some(line), format!("the text column {:?} is empty", header[text]));
            continue;
        };
        let mut meta = Map::new();
        for (i, v) in row.iter().enumerate() {
            if !mapped.contains(&Some(i)) {
                meta.insert(keys[i].clone(), Value::String(v.to_string()));
            }
        }
        let rec = NativeRecord {
            id: None,
            title: cell(title),
            text: body,
            source: source.clone(),
            url: cell(url),
            published_at: cell(date),
            meta: Some(meta),
            tags: Vec::new(),
            spans: Vec::new(),
            status: Vec::new(),
            relations: Vec::new(),
        };
        jsonl::import_record(tx, name, line, &rec, opts, &mut ids, report)?;
    }
    if rows == 0 {
        report.reject(name, None, "the file has a header row but no articles");
    }
    Ok(())
}
