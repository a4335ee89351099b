//! Plain data types shared by the store, the command API and the UI (TypeScript via ts-rs).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Whether a label marks spans of text or whole articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LabelKind {
    Span,
    Tag,
}

impl LabelKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LabelKind::Span => "span",
            LabelKind::Tag => "tag",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Label {
    pub id: i64,
    pub kind: LabelKind,
    pub name: String,
    /// CSS colour, `#rrggbb`.
    pub color: String,
    /// One key, e.g. "p"; empty for none.
    pub hotkey: String,
    pub description: String,
    /// The description in Arabic, for the Arabic interface (empty: the English one is shown).
    pub description_ar: String,
    /// The label this one sits under (`ORG` for `ORG.GOV`); empty for a top-level label.
    #[serde(default)]
    pub parent: String,
}

/// An analyst's progress on one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Todo,
    InProgress,
    Done,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Todo => "todo",
            Status::InProgress => "in_progress",
            Status::Done => "done",
        }
    }
    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "todo" => Some(Status::Todo),
            "in_progress" => Some(Status::InProgress),
            "done" => Some(Status::Done),
            _ => None,
        }
    }
}

/// One row of the article list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ArticleSummary {
    pub id: i64,
    pub ext_id: String,
    pub title: String,
    pub source: String,
    /// Length of the text in code points.
    pub char_len: i64,
    /// Spans by every annotator (under blind annotation: those the requesting analyst may see).
    pub span_count: i64,
    /// The requesting annotator's status (todo when none is recorded).
    pub status: Status,
    /// With a search: the first hit in the text and its context (none when only the title matched).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub snippet: Option<crate::hits::Snippet>,
}

/// An article with its exact text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Article {
    pub id: i64,
    pub ext_id: String,
    pub title: String,
    /// Exactly as imported; never changed.
    pub text: String,
    pub source: String,
    pub url: String,
    pub published_at: String,
    #[ts(type = "Record<string, unknown>")]
    pub meta: serde_json::Value,
    pub content_hash: String,
    pub imported_at: String,
}

/// A labelled span. `start`/`end` are code points into the article text, end exclusive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Span {
    pub id: i64,
    pub article_id: i64,
    pub start: i64,
    pub end: i64,
    pub label: String,
    pub annotator: String,
    /// `text[start..end]`, for display and checks.
    pub text: String,
    pub note: String,
    pub created_at: String,
    pub updated_at: String,
    /// "suggestion" when the analyst accepted a suggestion; absent for spans made by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub origin: Option<String>,
    /// The entity this span is linked to (its id in the registry), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub entity: Option<String>,
    /// Attribute values of the span's label (`negated: true`, `certainty: "reported"`); absent when none.
    #[serde(default, skip_serializing_if = "Attrs::is_empty")]
    #[ts(optional, type = "Record<string, boolean | string>")]
    pub attrs: Attrs,
}

/// A span's attribute values by attribute name: a yes/no attribute holds a boolean, the others a string.
pub type Attrs = std::collections::BTreeMap<String, serde_json::Value>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Tag {
    pub label: String,
    pub annotator: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AnnotatorStatus {
    pub annotator: String,
    pub status: Status,
    pub updated_at: String,
}

/// A relation type of the schema (`MEETS: PER–PER, symmetric`; `VISITS: PER→LOC`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RelationType {
    pub id: i64,
    pub name: String,
    /// CSS colour, `#rrggbb`.
    pub color: String,
    /// One key, e.g. "m"; empty for none.
    pub hotkey: String,
    pub description: String,
    /// False for a symmetric relation (its ends may stand either way round).
    pub directed: bool,
    /// Span labels allowed at the source end; empty allows any.
    pub from_labels: Vec<String>,
    /// Span labels allowed at the target end; empty allows any.
    pub to_labels: Vec<String>,
}

/// What values a span attribute takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AttrKind {
    /// Yes or no (a JSON boolean).
    Bool,
    /// One of `choices` (a string).
    Choice,
    /// Free text (a string).
    Text,
}

impl AttrKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AttrKind::Bool => "bool",
            AttrKind::Choice => "choice",
            AttrKind::Text => "text",
        }
    }
    pub fn parse(s: &str) -> Option<AttrKind> {
        match s {
            "bool" => Some(AttrKind::Bool),
            "choice" => Some(AttrKind::Choice),
            "text" => Some(AttrKind::Text),
            _ => None,
        }
    }
}

/// A typed field of the spans of one label (`negated`, `certainty: certain|reported|uncertain`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SpanAttribute {
    pub id: i64,
    /// The span label whose spans carry it.
    pub label: String,
    pub name: String,
    pub kind: AttrKind,
    /// The values of a `choice` attribute, in order.
    pub choices: Vec<String>,
    /// The value a new span starts with: "true"/"false" for bool, a choice, or text; empty for none.
    pub default: String,
    /// Keys: one for a bool attribute (toggles it), one per choice; empty strings for none.
    pub keys: Vec<String>,
}

/// A typed link between two spans of one analyst in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Relation {
    pub id: i64,
    pub article_id: i64,
    /// The source span's id.
    pub from: i64,
    /// The target span's id.
    pub to: i64,
    /// The relation type's name.
    #[serde(rename = "type")]
    pub rtype: String,
    pub annotator: String,
    pub note: String,
    pub created_at: String,
    pub updated_at: String,
}
