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
    /// Spans by every annotator.
    pub span_count: i64,
    /// The requesting annotator's status (todo when none is recorded).
    pub status: Status,
    /// With a search: the first hit in the text and its context (none when only the title matched).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub snippet: Option<crate::search::Snippet>,
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
}

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
