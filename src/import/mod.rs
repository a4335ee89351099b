//! Import: files and folders into a project, with a per-file, per-line report.
//!
//! Each file is imported in one transaction (all of its accepted articles, or nothing);
//! each JSONL line, CSV row or tool record in its own savepoint, so a rejected one writes nothing.
//! A file of 1 MB or more into a project file is written to a private staging database first
//! (`staging.rs`) and the project's write lock is taken only for the final copy (`merge.rs`), so
//! analysts' writes go on; a smaller file is read in milliseconds, in the project's transaction.

mod archive;
pub mod brat;
mod conll;
mod control;
mod convert;
mod csv;
pub mod decode;
mod detect;
mod doccano;
pub mod html;
mod jsonl;
mod labelstudio;
mod merge;
mod merge_relations;
mod plausible;
mod prodigy;
mod record;
mod staging;
mod table;
mod tools;
mod txt;

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::LabelKind;
use crate::store::Store;

pub use conll::UNBROKEN_SENTENCES_PER_ARTICLE;
pub use control::{Control, Progress};
pub use convert::Misaligned;
pub use csv::Columns;
pub use detect::{Format, OffsetUnit, FORMAT_NAMES};
pub use jsonl::import_jsonl_str;
pub use staging::STAGE_FROM;

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Who made annotations that do not name their annotator; for other tools' files, the name their
    /// annotators are filed under (default: the tool's name).
    pub annotator: Option<String>,
    /// Label Studio: the name of the analyst behind a user id (`completed_by`, JSON-MIN's
    /// `annotator`), for exports that carry no email.
    pub annotator_map: std::collections::BTreeMap<String, String>,
    /// Read every file as this format instead of detecting it.
    pub format: Option<Format>,
    /// CoNLL: at most this many sentences per article (default: one article per `-DOCSTART-` document;
    /// [`UNBROKEN_SENTENCES_PER_ARTICLE`] in a file without blank lines).
    pub sentences_per_article: Option<usize>,
    /// CoNLL: the entities of tag column N belong to annotator `ANNOTATOR:N` (so each column can be
    /// exported back on its own) instead of all to one annotator.
    pub columns_as_annotators: bool,
    /// The unit span offsets count in, instead of the format's own (doccano: UTF-16; others: code points).
    pub offsets: Option<OffsetUnit>,
    /// CSV/TSV: the columns holding text, title, url and date.
    pub columns: Columns,
    /// Plain text: drop web boilerplate lines (share counters, SEO scores, subscribe and comment-form
    /// lines, related-article footers) before storing; the report lists every dropped line.
    pub clean: bool,
    /// Other tools' spans that split a character cluster: reject the record (default), expand, skip.
    pub misaligned: Misaligned,
    /// Progress reports and cancellation.
    pub control: Control,
}

/// Label and annotator ids looked up once per file. Cleared when a line is rolled back, since ids
/// created inside it are gone.
#[derive(Default)]
pub(crate) struct Ids {
    labels: std::collections::HashMap<(LabelKind, String), i64>,
    annotators: std::collections::HashMap<String, i64>,
}

impl Ids {
    /// The label's id, adding it to the schema (and to `report.labels_added`) if new.
    pub(crate) fn label(
        &mut self,
        tx: &rusqlite::Transaction,
        kind: LabelKind,
        name: &str,
        report: &mut ImportReport,
    ) -> Result<i64> {
        if let Some(&id) = self.labels.get(&(kind, name.to_string())) {
            return Ok(id);
        }
        let (label, added) = crate::labels::ensure(tx, kind, name)?;
        if added && !report.labels_added.iter().any(|l| l == name) {
            report.labels_added.push(name.to_string());
        }
        self.labels.insert((kind, name.to_string()), label.id);
        Ok(label.id)
    }

    pub(crate) fn annotator(&mut self, tx: &rusqlite::Transaction, name: &str) -> Result<i64> {
        if let Some(&id) = self.annotators.get(name) {
            return Ok(id);
        }
        let id = crate::annotations::annotator_id(tx, name)?;
        self.annotators.insert(name.to_string(), id);
        Ok(id)
    }

    pub(crate) fn clear(&mut self) {
        self.labels.clear();
        self.annotators.clear();
    }
}

/// An article read from a file (new or already present).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportedArticle {
    pub file: String,
    pub line: Option<i64>,
    pub article_id: i64,
    pub title: String,
    pub new_spans: i64,
    pub new_tags: i64,
    /// The file's detected encoding (e.g. "UTF-8", "UTF-16LE", "Windows-1256").
    pub encoding: String,
}

/// A file or line that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Rejection {
    pub file: String,
    pub line: Option<i64>,
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct ImportReport {
    pub imported: Vec<ImportedArticle>,
    /// Articles whose text was already in the project (their new annotations, if any, were added).
    pub duplicates: Vec<ImportedArticle>,
    pub rejected: Vec<Rejection>,
    /// Files in a folder that are not of a supported type.
    pub skipped_files: Vec<String>,
    pub spans_added: i64,
    pub tags_added: i64,
    /// Labels the project did not know, added by this import.
    pub labels_added: Vec<String>,
    /// Annotations left out on purpose, with file, line and why: Prodigy answers reject/ignore (their
    /// text is imported), cancelled Label Studio annotations, Label Studio results that are not labels.
    pub left_out: Vec<Rejection>,
    /// Files not imported because the import was cancelled: the one in progress (rolled back, nothing
    /// of it written), then those not started. Empty unless cancelled.
    pub cancelled: Vec<String>,
    /// Imported and duplicate articles beyond the first [`LISTED`] of each, counted but not listed, so
    /// that memory stays small on huge files (a million lines).
    #[serde(default)]
    pub imported_not_listed: i64,
    #[serde(default)]
    pub duplicates_not_listed: i64,
    /// What the import did to make a file fit, with file and line: CoNLL tokens skipped (empty, or
    /// invisible marks without a tag), stray marks ignored, a file without blank lines cut into
    /// sentences, boilerplate lines dropped by `clean`.
    #[serde(default)]
    pub notes: Vec<Rejection>,
    /// Spans added by this import, per label.
    #[serde(default)]
    pub entities: std::collections::BTreeMap<String, i64>,
    /// Other tools' spans that split a character cluster, grown to its edges (`--misaligned expand`).
    #[serde(default)]
    pub spans_expanded: i64,
    /// Such spans left out (`--misaligned skip`; each is also listed in `left_out`).
    #[serde(default)]
    pub spans_skipped: i64,
}

/// How many imported (and how many duplicate) articles a report lists one by one.
pub const LISTED: usize = 10_000;

/// Append `more` to `list` up to [`LISTED`] entries; count the rest in `not_listed`.
fn extend_listed(
    list: &mut Vec<ImportedArticle>,
    more: Vec<ImportedArticle>,
    not_listed: &mut i64,
) {
    let room = LISTED.saturating_sub(list.len());
    let n = more.len();
    list.extend(more.into_iter().take(room));
    *not_listed += n.saturating_sub(room) as i64;
}

impl ImportReport {
    pub fn reject(&mut self, file: &str, line: Option<usize>, reason: impl Into<String>) {
        self.rejected.push(Rejection {
            file: file.to_string(),
            line: line.map(|l| l as i64),
            reason: reason.into(),
        });
    }

    pub fn leave_out(&mut self, file: &str, line: Option<usize>, reason: impl Into<String>) {
        self.left_out.push(Rejection {
            file: file.to_string(),
            line: line.map(|l| l as i64),
            reason: reason.into(),
        });
    }

    pub fn note(&mut self, file: &str, line: Option<usize>, text: impl Into<String>) {
        self.notes.push(Rejection {
            file: file.to_string(),
            line: line.map(|l| l as i64),
            reason: text.into(),
        });
    }

    /// Count one span added under `label`.
    pub(crate) fn count_entity(&mut self, label: &str) {
        *self.entities.entry(label.to_string()).or_insert(0) += 1;
    }

    /// Imported articles, listed or not.
    pub fn imported_total(&self) -> i64 {
        self.imported.len() as i64 + self.imported_not_listed
    }

    /// Duplicate articles, listed or not.
    pub fn duplicates_total(&self) -> i64 {
        self.duplicates.len() as i64 + self.duplicates_not_listed
    }

    /// The one-line summary: what is new, what was already here (another analyst's file of the same
    /// articles adds its annotations to them), what was rejected, and the annotations added.
    /// "5 articles already here; 46 spans and 5 tags added", "3 imported, 1 rejected; 3 spans and 0 tags added".
    pub fn summary(&self) -> String {
        let (new, here, bad) =
            (self.imported_total(), self.duplicates_total(), self.rejected.len());
        let mut parts = Vec::new();
        if new > 0 || here == 0 {
            parts.push(format!("{new} imported"));
        }
        if here > 0 {
            let noun = if here == 1 { "article" } else { "articles" };
            parts.push(format!("{here} {noun} already here"));
        }
        if bad > 0 {
            parts.push(format!("{bad} rejected"));
        }
        format!(
            "{}; {} spans and {} tags added",
            parts.join(", "),
            self.spans_added,
            self.tags_added
        )
    }

    pub(crate) fn merge(&mut self, other: ImportReport) {
        extend_listed(&mut self.imported, other.imported, &mut self.imported_not_listed);
        extend_listed(&mut self.duplicates, other.duplicates, &mut self.duplicates_not_listed);
        self.imported_not_listed += other.imported_not_listed;
        self.duplicates_not_listed += other.duplicates_not_listed;
        self.rejected.extend(other.rejected);
        self.skipped_files.extend(other.skipped_files);
        self.left_out.extend(other.left_out);
        self.notes.extend(other.notes);
        for (label, n) in other.entities {
            *self.entities.entry(label).or_insert(0) += n;
        }
        self.cancelled.extend(other.cancelled);
        self.spans_added += other.spans_added;
        self.tags_added += other.tags_added;
        self.spans_expanded += other.spans_expanded;
        self.spans_skipped += other.spans_skipped;
        for l in other.labels_added {
            if !self.labels_added.contains(&l) {
                self.labels_added.push(l);
            }
        }
    }
}

/// Import the given files and folders (folders recursively, in name order).
/// When `opts.control` is cancelled, the file in progress is rolled back and the rest are listed in
/// `cancelled`; files already done stay.
pub fn import_paths(
    store: &mut Store,
    paths: &[PathBuf],
    opts: &ImportOptions,
) -> Result<ImportReport> {
    let mut report = ImportReport::default();
    let mut files: Vec<PathBuf> = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found)
                .map_err(|e| Error::io(format!("cannot read folder {}", p.display()), e))?;
            found.sort();
            for f in found {
                if opts.format.is_none()
                    && detect::format_of(&f.display().to_string()).is_none()
                    && !archive::is_zip(&f)
                {
                    report.skipped_files.push(f.display().to_string());
                } else {
                    files.push(f);
                }
            }
        } else {
            files.push(p.clone());
        }
    }
    // Entity registries (STEM.entities.jsonl) first, so the articles' spans can link to their entities:
    // those given or found, and the one beside each native JSONL file.
    let is_registry = |f: &PathBuf| f.to_string_lossy().ends_with(".entities.jsonl");
    let mut registries: Vec<PathBuf> = files.iter().filter(|f| is_registry(f)).cloned().collect();
    files.retain(|f| !is_registry(f));
    for f in &files {
        let beside = crate::gazetteer::registry_path(f);
        let jsonl = f.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
        if jsonl && beside.is_file() && !registries.contains(&beside) {
            registries.push(beside);
        }
    }
    for r in &registries {
        let who = opts.annotator.as_deref().unwrap_or("import");
        let done = crate::gazetteer::import_file(store.conn_mut(), r, who)?;
        let name = r.display().to_string();
        for (line, why) in done.rejected {
            report.reject(&name, Some(line), why);
        }
    }
    opts.control.set_total(files.len() as u64);
    for (i, f) in files.iter().enumerate() {
        if opts.control.is_cancelled() {
            report.cancelled.extend(files[i..].iter().map(|f| f.display().to_string()));
            break;
        }
        import_path(store, f, opts, &mut report)?;
    }
    Ok(report)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if entry.file_type()?.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn import_path(
    store: &mut Store,
    path: &Path,
    opts: &ImportOptions,
    report: &mut ImportReport,
) -> Result<()> {
    let name = path.display().to_string();
    opts.control.start_file(&name);
    let outcome = match opts.format.or_else(|| detect::format_of(&name)) {
        _ if archive::is_zip(path) => archive::import_zip(store, path, opts, report),
        Some(f) if f.is_json() && streamable(path, f) => {
            stream_json(store, path, &name, opts, report)
        }
        _ => match std::fs::read(path) {
            Ok(bytes) => import_bytes(store, &name, &bytes, opts, report),
            Err(e) => {
                report.reject(&name, None, format!("cannot read the file: {e}"));
                Ok(())
            }
        },
    };
    opts.control.finish_file();
    outcome
}

/// JSON lines in UTF-8 (no UTF-16 byte-order mark, not a JSON array) are read line by line.
fn streamable(path: &Path, format: Format) -> bool {
    use std::io::Read;
    let mut head = [0u8; 4096];
    let n = match std::fs::File::open(path).and_then(|mut f| f.read(&mut head)) {
        Ok(n) => n,
        Err(_) => return false,
    };
    let head = &head[..n];
    if n < 4096
        && head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head).iter().all(u8::is_ascii_whitespace)
    {
        return false; // read whole: an empty file is reported as such
    }
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    let first = head
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(head)
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("jsonl") | Some("ndjson") => true,
        // A `.json` file may be an array, or one object over many lines.
        Some("json") => false,
        _ => format != Format::Json && first != Some(&b'['),
    }
}

/// JSON lines straight from the file, line by line, staged and then copied in one transaction (the file is imported or absent).
fn stream_json(
    store: &mut Store,
    path: &Path,
    name: &str,
    opts: &ImportOptions,
    report: &mut ImportReport,
) -> Result<()> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            report.reject(name, None, format!("cannot read the file: {e}"));
            return Ok(());
        }
    };
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
    let format = opts.format.filter(|f| *f != Format::Json);
    let mut file_report = ImportReport::default();
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(u64::MAX);
    let outcome = staging::import_file(store, size, &mut file_report, |tx, r| {
        tools::import_reader(tx, name, &mut reader, format, opts, r)
    });
    finish(name, "UTF-8", outcome, file_report, opts, report);
    Ok(())
}

/// Merge one file's report, or record why nothing of it was written (rejected, or cancelled).
fn finish(
    name: &str,
    encoding: &str,
    outcome: Result<()>,
    mut file_report: ImportReport,
    opts: &ImportOptions,
    report: &mut ImportReport,
) {
    match outcome {
        Ok(()) => {
            for item in file_report.imported.iter_mut().chain(file_report.duplicates.iter_mut()) {
                item.encoding = encoding.to_string();
            }
            report.merge(file_report);
        }
        Err(_) if opts.control.is_cancelled() => report.cancelled.push(name.to_string()),
        Err(e) => report.reject(name, None, format!("nothing from this file was imported: {e}")),
    }
}

/// Import one file's content. Rejections go into `report`; an `Err` means the project itself failed.
pub fn import_bytes(
    store: &mut Store,
    name: &str,
    bytes: &[u8],
    opts: &ImportOptions,
    report: &mut ImportReport,
) -> Result<()> {
    let by_name = opts.format.or_else(|| detect::format_of(name));
    let structured = matches!(by_name, None | Some(Format::Html) | Some(Format::Csv));
    let decoded =
        match if structured { decode::decode_structured(bytes) } else { decode::decode(bytes) } {
            Ok(d) => d,
            Err((line, reason)) => {
                report.reject(name, Some(line), reason);
                return Ok(());
            }
        };
    if decoded.text.trim().is_empty() {
        report.reject(name, None, "the file is empty");
        return Ok(());
    }
    let format =
        if opts.format.is_some() { by_name } else { detect::sniff(by_name, &decoded.text) };
    let Some(format) = format else {
        report.reject(name, None, "unsupported file type (expected .txt, .html, .csv, .tsv, .json, .jsonl or .conll; or pass --format)");
        return Ok(());
    };
    let text = decoded.text.as_str();
    let mut file_report = ImportReport::default();
    let outcome =
        staging::import_file(store, bytes.len() as u64, &mut file_report, |tx, r| match format {
            Format::Txt => txt::import_txt(tx, name, text, opts, r),
            Format::Html => html::import_html(tx, name, text, opts, r),
            Format::Csv => csv::import_csv(tx, name, text, opts, r),
            // Token-per-row CSV/TSV tables read as CoNLL (`--format conll` on a .csv/.tsv).
            Format::Conll if table::is_table_name(name) => {
                table::import_table(tx, name, text, opts, r)
            }
            Format::Conll => conll::import_conll(tx, name, text, opts, r),
            Format::Json => tools::import_str(tx, name, text, None, opts, r),
            Format::Jsonl | Format::Doccano | Format::LabelStudio | Format::Prodigy => {
                tools::import_str(tx, name, text, Some(format), opts, r)
            }
        });
    finish(name, decoded.encoding, outcome, file_report, opts, report);
    Ok(())
}
