//! What an export wrote and changed (counts per file), and the manifest written beside file exports.

use std::collections::BTreeMap;

use serde::Serialize;

use super::options::{ExportOptions, OffsetUnit};

/// Counts for one output (or the sum of all). Nothing is changed or left out without a count here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub articles: u64,
    /// Spans written.
    pub spans: u64,
    pub tags: u64,
    pub spans_per_label: BTreeMap<String, u64>,
    /// Left out by `--drop`.
    pub dropped_by_label: u64,
    /// The same place and label from several annotators, written once.
    pub duplicates_merged: u64,
    /// Token formats: left out because a longer (or earlier) span covers the same tokens.
    pub overlapping_dropped: u64,
    /// Span formats: spans written that overlap another (some importers drop them).
    pub overlapping_written: u64,
    pub misaligned_expanded: u64,
    pub misaligned_split: u64,
    pub misaligned_skipped: u64,
    /// Token formats: spans over whitespace only.
    pub spans_without_tokens: u64,
    /// Token formats: articles that kept their source tokenisation (`meta.tokens`).
    pub articles_with_source_tokens: u64,
    /// Span notes the format cannot hold (doccano).
    #[serde(default)]
    pub notes_not_kept: u64,
    /// Article tags the format cannot hold (doccano's sequence labelling).
    #[serde(default)]
    pub tags_not_kept: u64,
    /// Relations written.
    #[serde(default)]
    pub relations: u64,
    /// Token formats (conll, hf, prodigy): relations left out, as these formats cannot hold them.
    #[serde(default)]
    pub relations_left_out: u64,
}

impl Tally {
    pub fn count_span(&mut self, label: &str) {
        self.spans += 1;
        *self.spans_per_label.entry(label.to_string()).or_default() += 1;
    }

    pub fn add(&mut self, o: &Tally) {
        self.articles += o.articles;
        self.spans += o.spans;
        self.tags += o.tags;
        for (k, v) in &o.spans_per_label {
            *self.spans_per_label.entry(k.clone()).or_default() += v;
        }
        self.dropped_by_label += o.dropped_by_label;
        self.duplicates_merged += o.duplicates_merged;
        self.overlapping_dropped += o.overlapping_dropped;
        self.overlapping_written += o.overlapping_written;
        self.misaligned_expanded += o.misaligned_expanded;
        self.misaligned_split += o.misaligned_split;
        self.misaligned_skipped += o.misaligned_skipped;
        self.spans_without_tokens += o.spans_without_tokens;
        self.articles_with_source_tokens += o.articles_with_source_tokens;
        self.notes_not_kept += o.notes_not_kept;
        self.tags_not_kept += o.tags_not_kept;
        self.relations += o.relations;
        self.relations_left_out += o.relations_left_out;
    }

    /// One line per change to the annotations, for standard error and the UI.
    pub fn notes(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut note = |n: u64, what: &str| {
            if n > 0 {
                out.push(format!("{n} {what}"));
            }
        };
        note(self.dropped_by_label, "spans left out by --drop");
        note(
            self.duplicates_merged,
            "duplicate spans (same place and label from several annotators) written once",
        );
        note(
            self.overlapping_dropped,
            "overlapping spans left out (IOB cannot nest; the longest, then earliest, was kept)",
        );
        note(self.overlapping_written, "spans overlap another (doccano imports them only into a project that allows overlapping spans)");
        note(self.misaligned_expanded, "spans expanded to whole tokens");
        note(self.misaligned_split, "spans kept by splitting tokens at their edges");
        note(self.misaligned_skipped, "spans with an edge inside a token left out");
        note(self.spans_without_tokens, "spans over whitespace only left out");
        note(self.notes_not_kept, "span notes not kept (doccano's JSONL holds no notes)");
        note(self.tags_not_kept, "article tags not kept (doccano's sequence labelling holds none)");
        note(self.relations_left_out, "relations left out (this format has no place for them)");
        out
    }
}

/// One file an export wrote.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    /// `all`, or `train` / `dev` / `test`.
    pub split: String,
    pub path: String,
    pub counts: Tally,
    /// Size and SHA-256 of the file as written. The manifest is moved into place last, after every file it
    /// lists: a file that does not match it is from an export that was interrupted while moving its files.
    pub bytes: u64,
    pub sha256: String,
}

/// The whole export: per-file counts and their sum.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub total: Tally,
    pub files: Vec<FileReport>,
    /// The span labels after renaming and dropping.
    pub labels: Vec<String>,
}

/// `<out>.manifest.json`: what was exported, how, and by which version.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest<'a> {
    pub tool: &'static str,
    pub version: &'static str,
    pub created_at: String,
    pub format: &'static str,
    /// What character offsets count, when the format has any.
    pub offset_unit: Option<OffsetUnit>,
    pub options: &'a ExportOptions,
    pub labels: &'a [String],
    /// IOB2 tags in order (hf and conll).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    pub files: &'a [FileReport],
    pub counts: &'a Tally,
    /// What the peer tool this format is for cannot hold (doccano, Label Studio), left out.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub not_kept: &'static [&'static str],
}

/// What doccano and Label Studio cannot hold of a Hashiya project, by export format.
pub fn not_kept(format: &str) -> &'static [&'static str] {
    match format {
        "doccano" => &[
            "annotators: every analyst's spans in one label list (the same place and label once)",
            "span notes: doccano's comments belong to a whole example and its JSONL import reads none",
            "article tags: a sequence-labelling project has no document categories",
            "statuses and annotation times",
        ],
        "labelstudio" => &[
            "statuses and annotation times",
            "who annotated: Label Studio files an imported annotation under the importing user \
             (the names are kept in data.annotators, in annotation order)",
        ],
        _ => &[],
    }
}

/// `O`, then `B-X`, `I-X` for each label in order.
pub fn iob_tags(labels: &[String]) -> Vec<String> {
    let mut out = vec!["O".to_string()];
    for l in labels {
        out.push(format!("B-{l}"));
        out.push(format!("I-{l}"));
    }
    out
}
