//! Another tool's record as read, before its spans are checked: the article's fields, its spans in the
//! tool's own offset unit, and the small readers every tool's parser shares.

use serde_json::{Map, Value};

use crate::native::{NativeRecord, NativeTag};

/// A span as another tool gives it, counted in that tool's unit.
pub(super) struct ToolSpan {
    pub start: i64,
    pub end: i64,
    pub label: String,
    /// The span's text, where the tool records it: checked against the slice.
    pub text: Option<String>,
    pub annotator: String,
    /// A note on the span (a Label Studio per-region text area).
    pub note: Option<String>,
    /// The entity the tool's record links the span to (Label Studio region meta), if any.
    pub entity: Option<String>,
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
