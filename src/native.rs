//! The native JSONL record: one article per line, lossless and re-importable.
//! Outside scripts read this shape: extend it only with new optional fields.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NativeRecord {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    pub text: String,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub published_at: Option<String>,
    #[serde(default)]
    pub meta: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default)]
    pub tags: Vec<NativeTag>,
    #[serde(default)]
    pub spans: Vec<NativeSpan>,
    /// Per-annotator progress (an extension of the foundation shape).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status: Vec<NativeStatus>,
    /// Relations between the line's spans (by their `id`); absent when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<NativeRelation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NativeTag {
    pub label: String,
    #[serde(default)]
    pub annotator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NativeSpan {
    /// The span's id within its line (1, 2, …), written when relations refer to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// Code points, inclusive.
    pub start: i64,
    /// Code points, exclusive.
    pub end: i64,
    pub label: String,
    /// `text[start:end]`; checked on import to catch offset-unit mistakes.
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub annotator: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    /// "suggestion" for an accepted suggestion; absent for spans made by hand ("analyst").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// The entity the span is linked to (an id of `STEM.entities.jsonl`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// Attribute values (`{"negated": true, "certainty": "reported"}`); absent when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attrs: Option<crate::model::Attrs>,
}

/// A relation between two spans of the same line, named by their `id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NativeRelation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    pub from: serde_json::Value,
    pub to: serde_json::Value,
    #[serde(rename = "type")]
    pub rtype: String,
    #[serde(default)]
    pub annotator: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NativeStatus {
    pub annotator: String,
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
}
