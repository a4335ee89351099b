//! Export options: format, which annotations and articles, label mapping, split, offset unit, alignment.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::Status;

/// Every export format, by its CLI name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Jsonl,
    Spans,
    Doccano,
    Labelstudio,
    Prodigy,
    Hf,
    Conll,
}

impl Format {
    pub const NAMES: &'static [&'static str] =
        &["jsonl", "spans", "doccano", "labelstudio", "prodigy", "hf", "conll"];

    pub fn parse(s: &str) -> Result<Format> {
        Ok(match s {
            "jsonl" => Format::Jsonl,
            "spans" => Format::Spans,
            "doccano" => Format::Doccano,
            "labelstudio" => Format::Labelstudio,
            "prodigy" => Format::Prodigy,
            "hf" => Format::Hf,
            "conll" => Format::Conll,
            other => {
                return Err(Error::Invalid(format!(
                    "unknown export format {other:?}; known: {}",
                    Format::NAMES.join(", ")
                )))
            }
        })
    }

    pub fn name(self) -> &'static str {
        Format::NAMES[self as usize]
    }

    /// File extension for split files when `--out` has none.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Labelstudio => "json",
            Format::Conll => "conll",
            _ => "jsonl",
        }
    }

    /// Formats built on tokens (IOB tags or token indices).
    pub fn is_token_based(self) -> bool {
        matches!(self, Format::Prodigy | Format::Hf | Format::Conll)
    }

    /// The unit of character offsets in the output, if it has any.
    pub fn offset_unit(self, asked: OffsetUnit) -> Option<OffsetUnit> {
        match self {
            Format::Jsonl | Format::Spans => Some(asked),
            Format::Doccano => Some(OffsetUnit::Utf16),
            Format::Labelstudio | Format::Prodigy => Some(OffsetUnit::Codepoint),
            Format::Hf | Format::Conll => None,
        }
    }
}

pub use crate::units::OffsetUnit;

/// What to do with a span whose edge falls inside a token (token formats only).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Misaligned {
    /// Refuse the export and list every such span. The default.
    #[default]
    Refuse,
    /// Grow the span to the tokens it touches.
    Expand,
    /// Split the tokens at the span's edges.
    Split,
    /// Leave the span out.
    Skip,
}

impl Misaligned {
    pub fn parse(s: &str) -> Result<Misaligned> {
        match s {
            "refuse" => Ok(Misaligned::Refuse),
            "expand" => Ok(Misaligned::Expand),
            "split" => Ok(Misaligned::Split),
            "skip" => Ok(Misaligned::Skip),
            other => Err(Error::Invalid(format!(
                "unknown --misaligned choice {other:?}; known: expand, split, skip"
            ))),
        }
    }
}

/// How `hf` writes `ner_tags`: class ids into the label list (`FILE.labels.json`), as Hugging Face
/// token-classification data sets do (the default), or the tag names themselves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HfTags {
    #[default]
    Ids,
    Strings,
}

impl HfTags {
    pub fn parse(s: &str) -> Result<HfTags> {
        match s {
            "ids" => Ok(HfTags::Ids),
            "strings" => Ok(HfTags::Strings),
            other => Err(Error::Invalid(format!(
                "unknown --hf-tags choice {other:?}; known: ids, strings"
            ))),
        }
    }
}

/// Everything that shapes one export. `Default` is the native JSONL of the whole project.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportOptions {
    pub format: Format,
    /// Only these annotators' spans, tags and statuses; empty means everyone.
    pub annotators: Vec<String>,
    /// Only articles with this status (by one of the chosen annotators; `todo` also matches no status).
    pub status: Option<Status>,
    /// Only articles carrying this tag.
    pub tag: Option<String>,
    /// Only articles whose title or text contains this.
    pub query: Option<String>,
    /// Span label renames `(old, new)`; two labels renamed to one are merged.
    pub rename: Vec<(String, String)>,
    /// Span labels left out (by stored or renamed name).
    pub drop: Vec<String>,
    /// Span labels at this depth of the label hierarchy (1: the top-level label `ORG` for `ORG.GOV`);
    /// labels no deeper stay as they are. Applied before `rename` and `drop`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels_at_depth: Option<usize>,
    /// Train/dev/test ratios, by article.
    pub split: Option<[f64; 3]>,
    pub seed: u64,
    /// Offset unit for `jsonl` and `spans`.
    pub offsets: OffsetUnit,
    pub misaligned: Misaligned,
    /// Split clitic prefixes off Arabic words in token formats (the same as `clitics: exclude`).
    pub split_clitics: bool,
    /// How token formats treat clitic prefixes (`crate::clitics`); `None`: the project's setting.
    pub clitics: Option<crate::clitics::CliticMode>,
    /// `hf`: `ner_tags` as class ids (default) or tag names.
    pub hf_tags: HfTags,
    /// Export the adjudicated gold layer instead of the analysts' annotations.
    pub gold: Option<GoldScope>,
    /// Only spans of this origin: "analyst" (made by hand) or "suggestion" (accepted suggestions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// Progress (one step per article written) and cancellation.
    #[serde(skip)]
    pub control: crate::import::Control,
}

/// Which articles a gold export takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoldScope {
    /// Only articles a reviewer marked adjudicated.
    Adjudicated,
    /// Every article, with whatever gold spans it has so far (none if unreviewed).
    IncludeUnadjudicated,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            format: Format::Jsonl,
            annotators: Vec::new(),
            status: None,
            tag: None,
            query: None,
            rename: Vec::new(),
            drop: Vec::new(),
            labels_at_depth: None,
            split: None,
            seed: 1,
            offsets: OffsetUnit::Codepoint,
            misaligned: Misaligned::Refuse,
            split_clitics: false,
            clitics: None,
            hf_tags: HfTags::Ids,
            gold: None,
            origin: None,
            control: crate::import::Control::default(),
        }
    }
}

/// Check an `--origin` choice.
pub fn parse_origin(s: &str) -> Result<String> {
    match s {
        "analyst" | "suggestion" => Ok(s.to_string()),
        other => {
            Err(Error::Invalid(format!("unknown --origin {other:?}; known: analyst, suggestion")))
        }
    }
}

/// `OLD=NEW` → `(OLD, NEW)`.
pub fn parse_rename(s: &str) -> Result<(String, String)> {
    match s.split_once('=') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
            Ok((a.trim().to_string(), b.trim().to_string()))
        }
        _ => Err(Error::Invalid(format!("--rename {s:?} must look like OLD=NEW"))),
    }
}

/// `0.8,0.1,0.1` → ratios for train, dev and test, which must add up to 1.
pub fn parse_split(s: &str) -> Result<[f64; 3]> {
    let bad = || {
        Error::Invalid(format!("--split {s:?} must be three ratios for train, dev and test adding up to 1, e.g. 0.8,0.1,0.1"))
    };
    let parts: Vec<f64> = s
        .split(',')
        .map(|p| p.trim().parse::<f64>())
        .collect::<std::result::Result<_, _>>()
        .map_err(|_| bad())?;
    let [a, b, c] = parts[..] else { return Err(bad()) };
    if [a, b, c].iter().any(|r| !r.is_finite() || *r < 0.0) || ((a + b + c) - 1.0).abs() > 1e-6 {
        return Err(bad());
    }
    Ok([a, b, c])
}

impl ExportOptions {
    /// The label a stored label becomes, or `None` when it is dropped.
    pub fn map_label(&self, label: &str) -> Option<String> {
        let new = self
            .rename
            .iter()
            .find(|(old, _)| old == label)
            .map(|(_, new)| new.as_str())
            .unwrap_or(label);
        if self.drop.iter().any(|d| d == label || d == new) {
            None
        } else {
            Some(new.to_string())
        }
    }

    /// Refuse option combinations that make no sense for the format.
    pub fn check(&self) -> Result<()> {
        if self.gold.is_some() && !self.annotators.is_empty() {
            return Err(Error::Invalid("--gold exports the reviewers' adjudicated layer; --annotators does not apply to it".into()));
        }
        if self.offsets != OffsetUnit::Codepoint
            && !matches!(self.format, Format::Jsonl | Format::Spans)
        {
            return Err(Error::Invalid(format!(
                "--offsets applies to jsonl and spans only; {} has a fixed unit",
                self.format.name()
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_table() {
        assert_eq!(parse_rename("GPE=LOC").ok(), Some(("GPE".into(), "LOC".into())));
        assert!(parse_rename("GPE").is_err());
        assert!(parse_rename("=LOC").is_err());
        assert_eq!(parse_split("0.8,0.1,0.1").ok(), Some([0.8, 0.1, 0.1]));
        assert_eq!(parse_split("1,0,0").ok(), Some([1.0, 0.0, 0.0]));
        for bad in ["0.8,0.1", "0.8,0.3,0.1", "a,b,c", "-0.1,0.6,0.5", "0.8,0.1,0.1,0"] {
            assert!(parse_split(bad).is_err(), "{bad}");
        }
        for name in Format::NAMES {
            assert_eq!(Format::parse(name).map(Format::name).ok(), Some(*name));
        }
    }

    #[test]
    fn rename_then_drop() {
        let o = ExportOptions {
            rename: vec![("GPE".into(), "LOC".into())],
            drop: vec!["MISC".into()],
            ..Default::default()
        };
        assert_eq!(o.map_label("GPE").as_deref(), Some("LOC"));
        assert_eq!(o.map_label("LOC").as_deref(), Some("LOC"));
        assert_eq!(o.map_label("MISC"), None);
        let o = ExportOptions {
            rename: vec![("X".into(), "MISC".into())],
            drop: vec!["MISC".into()],
            ..Default::default()
        };
        assert_eq!(o.map_label("X"), None);
    }
}
