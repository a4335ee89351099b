//! Import: files and folders into a project, with a per-file, per-line report.
//!
//! Each file is imported in one transaction (all of its accepted articles, or nothing);
//! each JSONL line in its own savepoint, so a rejected line writes nothing.

mod conll;
pub mod decode;
mod jsonl;
mod txt;

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::LabelKind;
use crate::store::Store;

pub use jsonl::import_jsonl_str;

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Who made annotations that do not name their annotator.
    pub annotator: Option<String>,
    /// Read every file as this format instead of detecting it.
    pub format: Option<Format>,
    /// CoNLL: at most this many sentences per article (default: one article per `-DOCSTART-` document).
    pub sentences_per_article: Option<usize>,
    /// CoNLL: the entities of tag column N belong to annotator `ANNOTATOR:N` (so each column can be
    /// exported back on its own) instead of all to one annotator.
    pub columns_as_annotators: bool,
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
    pub(crate) fn label(&mut self, tx: &rusqlite::Transaction, kind: LabelKind, name: &str, report: &mut ImportReport) -> Result<i64> {
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
}

impl ImportReport {
    pub fn reject(&mut self, file: &str, line: Option<usize>, reason: impl Into<String>) {
        self.rejected.push(Rejection { file: file.to_string(), line: line.map(|l| l as i64), reason: reason.into() });
    }

    pub(crate) fn merge(&mut self, other: ImportReport) {
        self.imported.extend(other.imported);
        self.duplicates.extend(other.duplicates);
        self.rejected.extend(other.rejected);
        self.skipped_files.extend(other.skipped_files);
        self.spans_added += other.spans_added;
        self.tags_added += other.tags_added;
        for l in other.labels_added {
            if !self.labels_added.contains(&l) {
                self.labels_added.push(l);
            }
        }
    }
}

/// A file format the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Txt,
    Jsonl,
    Conll,
}

/// The names `--format` accepts.
pub const FORMAT_NAMES: &[&str] = &["txt", "jsonl", "conll"];

impl Format {
    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "txt" => Some(Format::Txt),
            "jsonl" => Some(Format::Jsonl),
            "conll" => Some(Format::Conll),
            _ => None,
        }
    }
}

/// The format a file name suggests (`None`: not a type the importer reads).
fn format_of(name: &str) -> Option<Format> {
    let ext = Path::new(name).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("txt") | Some("text") => Some(Format::Txt),
        Some("jsonl") | Some("ndjson") => Some(Format::Jsonl),
        Some("conll") | Some("conllu") | Some("iob") | Some("bio") | Some("bioes") => Some(Format::Conll),
        _ => None,
    }
}

/// A `.txt` file whose first non-empty lines are all `token TAG…` is CoNLL (as AQMAR's `train.txt`).
fn sniff(format: Format, text: &str) -> Format {
    if format != Format::Txt {
        return format;
    }
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(200).collect();
    if lines.len() >= 2 && lines.iter().all(|l| conll::looks_like_conll_line(l)) {
        Format::Conll
    } else {
        Format::Txt
    }
}

/// Import the given files and folders (folders recursively, in name order).
pub fn import_paths(store: &mut Store, paths: &[PathBuf], opts: &ImportOptions) -> Result<ImportReport> {
    let mut report = ImportReport::default();
    for p in paths {
        if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files).map_err(|e| Error::io(format!("cannot read folder {}", p.display()), e))?;
            files.sort();
            for f in files {
                let name = f.display().to_string();
                if opts.format.is_none() && format_of(&name).is_none() {
                    report.skipped_files.push(name);
                    continue;
                }
                import_path(store, &f, opts, &mut report)?;
            }
        } else {
            import_path(store, p, opts, &mut report)?;
        }
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

fn import_path(store: &mut Store, path: &Path, opts: &ImportOptions, report: &mut ImportReport) -> Result<()> {
    let name = path.display().to_string();
    if opts.format.or_else(|| format_of(&name)) == Some(Format::Jsonl) && !starts_with_utf16_bom(path) {
        return stream_jsonl(store, path, &name, opts, report);
    }
    match std::fs::read(path) {
        Ok(bytes) => import_bytes(store, &name, &bytes, opts, report),
        Err(e) => {
            report.reject(&name, None, format!("cannot read the file: {e}"));
            Ok(())
        }
    }
}

fn starts_with_utf16_bom(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 2];
    std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut head)).is_ok() && (head == [0xFF, 0xFE] || head == [0xFE, 0xFF])
}

/// JSONL straight from the file, line by line, in one transaction (the file is imported or absent).
fn stream_jsonl(store: &mut Store, path: &Path, name: &str, opts: &ImportOptions, report: &mut ImportReport) -> Result<()> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            report.reject(name, None, format!("cannot read the file: {e}"));
            return Ok(());
        }
    };
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
    let mut file_report = ImportReport::default();
    match store.with_tx(|tx| jsonl::import_jsonl_reader(tx, name, &mut reader, opts, &mut file_report)) {
        Ok(()) => {
            for item in file_report.imported.iter_mut().chain(file_report.duplicates.iter_mut()) {
                item.encoding = "UTF-8".into();
            }
            report.merge(file_report);
        }
        Err(e) => report.reject(name, None, format!("nothing from this file was imported: {e}")),
    }
    Ok(())
}

/// Import one file's content. Rejections go into `report`; an `Err` means the project itself failed.
pub fn import_bytes(store: &mut Store, name: &str, bytes: &[u8], opts: &ImportOptions, report: &mut ImportReport) -> Result<()> {
    let Some(format) = opts.format.or_else(|| format_of(name)) else {
        report.reject(name, None, "unsupported file type (expected .txt, .jsonl or .conll; or pass --format)");
        return Ok(());
    };
    let decoded = match decode::decode(bytes) {
        Ok(d) => d,
        Err((line, reason)) => {
            report.reject(name, Some(line), reason);
            return Ok(());
        }
    };
    let format = if opts.format.is_some() { format } else { sniff(format, &decoded.text) };
    let mut file_report = ImportReport::default();
    let outcome = store.with_tx(|tx| match format {
        Format::Txt => txt::import_txt(tx, name, &decoded.text, &mut file_report),
        Format::Jsonl => jsonl::import_jsonl(tx, name, &decoded.text, opts, &mut file_report),
        Format::Conll => conll::import_conll(tx, name, &decoded.text, opts, &mut file_report),
    });
    match outcome {
        Ok(()) => {
            for item in file_report.imported.iter_mut().chain(file_report.duplicates.iter_mut()) {
                item.encoding = decoded.encoding.to_string();
            }
            report.merge(file_report)
        }
        Err(e) => report.reject(name, None, format!("nothing from this file was imported: {e}")),
    }
    Ok(())
}
