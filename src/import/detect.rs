//! Which format a file is in: from `--format`, else its extension, else its content (an HTML page,
//! CoNLL lines in a `.txt`, the keys of a JSON record); and the unit span offsets count in.

use std::path::Path;

/// A file format the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Txt,
    Html,
    Csv,
    /// Native Hashiya JSONL.
    Jsonl,
    Doccano,
    LabelStudio,
    Prodigy,
    Conll,
    /// A `.json`/`.jsonl` file whose tool is told by the keys of its first record (never a `--format`).
    Json,
}

/// The names `--format` accepts.
pub const FORMAT_NAMES: &[&str] =
    &["txt", "html", "csv", "jsonl", "doccano", "labelstudio", "prodigy", "conll"];

impl Format {
    pub fn parse(name: &str) -> Option<Format> {
        Some(match name {
            "txt" => Format::Txt,
            "html" => Format::Html,
            "csv" | "tsv" => Format::Csv,
            "jsonl" => Format::Jsonl,
            "doccano" => Format::Doccano,
            "labelstudio" => Format::LabelStudio,
            "prodigy" => Format::Prodigy,
            "conll" => Format::Conll,
            _ => return None,
        })
    }

    /// JSON or JSON lines, read record by record.
    pub fn is_json(self) -> bool {
        matches!(
            self,
            Format::Jsonl | Format::Doccano | Format::LabelStudio | Format::Prodigy | Format::Json
        )
    }
}

pub use crate::units::OffsetUnit;

/// The format a file name suggests (`None`: not a type the importer reads).
pub(super) fn format_of(name: &str) -> Option<Format> {
    let ext = Path::new(name).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match ext.as_deref()? {
        "txt" | "text" => Some(Format::Txt),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "csv" | "tsv" | "tab" => Some(Format::Csv),
        "jsonl" | "ndjson" | "json" => Some(Format::Json),
        "conll" | "conllu" | "iob" | "bio" | "bioes" => Some(Format::Conll),
        _ => None,
    }
}

/// What a `.txt` (or unnamed) file really holds: an HTML page, CoNLL lines (as AQMAR's `train.txt`,
/// every first non-empty line `token TAG…`), or text.
pub(super) fn sniff(format: Option<Format>, text: &str) -> Option<Format> {
    if !matches!(format, None | Some(Format::Txt)) {
        return format;
    }
    if super::html::looks_like_html(text) {
        return Some(Format::Html);
    }
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(200).collect();
    if format == Some(Format::Txt)
        && lines.len() >= 2
        && lines.iter().all(|l| super::conll::looks_like_conll_line(l))
    {
        return Some(Format::Conll);
    }
    format
}
