//! The project's label schema as a file, to set up a peer tool's project or this one from it:
//! native JSON (one struct, [`SchemaFile`]; new sections are new optional fields), Label Studio's
//! labeling config (XML) and doccano's label-type JSON; one writer per format, one reader for all.

mod relations;

use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::labels::{self, LabelEdit};
use crate::model::LabelKind;
pub use relations::{SchemaAttribute, SchemaRelationType};

/// The schema file's version (`hashiya_schema`).
pub const VERSION: u32 = 1;

/// A project's schema. Later sections (relation types, span attributes) are added as fields with
/// `#[serde(default)]`, so older files still read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SchemaFile {
    pub hashiya_schema: u32,
    /// Span labels, in schema order.
    #[serde(default)]
    pub labels: Vec<SchemaLabel>,
    /// Article tags, in schema order.
    #[serde(default)]
    pub tags: Vec<SchemaLabel>,
    /// Relation types between spans, in schema order (native format only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relation_types: Vec<SchemaRelationType>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SchemaLabel {
    pub name: String,
    /// `#rrggbb`.
    #[serde(default)]
    pub color: String,
    /// One key, or empty.
    #[serde(default)]
    pub hotkey: String,
    #[serde(default)]
    pub description: String,
    /// The label this one sits under (`ORG` for `ORG.GOV`); empty for a top-level label.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub parent: String,
    /// The span label's attributes (native format only; tags have none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<SchemaAttribute>,
}

/// The formats `schema export` writes and `schema import` reads.
pub const FORMATS: &[&str] = &["native", "labelstudio", "doccano"];

/// The project's schema now.
pub fn read(conn: &Connection) -> Result<SchemaFile> {
    let mut out = SchemaFile { hashiya_schema: VERSION, ..Default::default() };
    for l in labels::list(conn)? {
        let item = SchemaLabel {
            name: l.name,
            color: l.color,
            hotkey: l.hotkey,
            description: l.description,
            parent: l.parent,
            attributes: Vec::new(),
        };
        match l.kind {
            LabelKind::Span => out.labels.push(item),
            LabelKind::Tag => out.tags.push(item),
        }
    }
    relations::read_into(conn, &mut out)?;
    Ok(out)
}

/// The schema written in `format` (one of [`FORMATS`]), and what that format cannot hold.
pub fn write(schema: &SchemaFile, format: &str) -> Result<(String, Vec<String>)> {
    match format {
        "native" => Ok((serde_json::to_string_pretty(schema)? + "\n", Vec::new())),
        "labelstudio" => Ok(labelstudio(schema)),
        "doccano" => doccano(schema),
        other => Err(Error::Invalid(format!(
            "unknown schema format {other:?} (expected one of {})",
            FORMATS.join(", ")
        ))),
    }
}

fn xml_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            c => out.push(c),
        }
    }
    out
}

/// What only the native format holds: relation types, span attributes and label parents.
fn native_only(schema: &SchemaFile) -> Vec<String> {
    let mut lost = Vec::new();
    if !schema.relation_types.is_empty() {
        lost.push(format!("the {} relation types", schema.relation_types.len()));
    }
    let attrs: usize = schema.labels.iter().map(|l| l.attributes.len()).sum();
    if attrs > 0 {
        lost.push(format!("the {attrs} span attributes"));
    }
    if schema.labels.iter().chain(&schema.tags).any(|l| !l.parent.is_empty()) {
        lost.push("the labels' parents".into());
    }
    lost
}

/// Label Studio's labeling config: `Labels` (span labels with colour, key and description as
/// hint) over the `Text`, a per-region `TextArea` for span notes, and `Choices` for the tags.
fn labelstudio(schema: &SchemaFile) -> (String, Vec<String>) {
    let item = |tag: &str, l: &SchemaLabel, colour: bool| {
        let mut s = format!("    <{tag} value=\"{}\"", xml_attr(&l.name));
        if colour && !l.color.is_empty() {
            s += &format!(" background=\"{}\"", xml_attr(&l.color));
        }
        if !l.hotkey.is_empty() {
            s += &format!(" hotkey=\"{}\"", xml_attr(&l.hotkey));
        }
        if !l.description.is_empty() {
            s += &format!(" hint=\"{}\"", xml_attr(&l.description));
        }
        s + "/>\n"
    };
    let mut x = String::from("<View>\n  <Labels name=\"label\" toName=\"text\">\n");
    for l in &schema.labels {
        x += &item("Label", l, true);
    }
    x += "  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n";
    x += "  <TextArea name=\"note\" toName=\"text\" perRegion=\"true\" editable=\"true\" placeholder=\"Note\"/>\n";
    if !schema.tags.is_empty() {
        x += "  <Choices name=\"tags\" toName=\"text\" choice=\"multiple\">\n";
        for t in &schema.tags {
            x += &item("Choice", t, false);
        }
        x += "  </Choices>\n";
    }
    x += "</View>\n";
    let mut lost = if schema.tags.iter().any(|t| !t.color.is_empty()) {
        vec!["the tags' colours (Label Studio's choices have none)".to_string()]
    } else {
        Vec::new()
    };
    lost.extend(native_only(schema));
    (x, lost)
}

#[derive(Serialize, Deserialize)]
struct DoccanoLabel {
    text: String,
    #[serde(default)]
    prefix_key: Option<String>,
    #[serde(default)]
    suffix_key: Option<String>,
    #[serde(default)]
    background_color: Option<String>,
    #[serde(default)]
    text_color: Option<String>,
}

/// doccano's span-type file (what its Labels page exports and uploads): the span labels only.
fn doccano(schema: &SchemaFile) -> Result<(String, Vec<String>)> {
    let items: Vec<DoccanoLabel> = schema
        .labels
        .iter()
        .map(|l| DoccanoLabel {
            text: l.name.clone(),
            prefix_key: None,
            suffix_key: (!l.hotkey.is_empty()).then(|| l.hotkey.clone()),
            background_color: (!l.color.is_empty()).then(|| l.color.clone()),
            text_color: Some("#ffffff".into()),
        })
        .collect();
    let mut lost = Vec::new();
    if !schema.tags.is_empty() {
        lost.push(format!(
            "the {} tags (a doccano sequence-labelling project has no document categories)",
            schema.tags.len()
        ));
    }
    if schema.labels.iter().any(|l| !l.description.is_empty()) {
        lost.push("the labels' descriptions (doccano's label types have none)".into());
    }
    lost.extend(native_only(schema));
    Ok((serde_json::to_string_pretty(&items)? + "\n", lost))
}

/// A schema from any of the three formats (told by its content).
pub fn parse(content: &str) -> Result<SchemaFile> {
    let t = content.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('<') {
        return Ok(from_labelstudio(t));
    }
    let v: serde_json::Value = serde_json::from_str(t).map_err(|e| {
        Error::Invalid(format!(
            "not a schema file (native or doccano JSON, or a Label Studio XML config): {e}"
        ))
    })?;
    if v.get("hashiya_schema").is_some() {
        let s: SchemaFile = serde_json::from_value(v)
            .map_err(|e| Error::Invalid(format!("not a valid Hashiya schema file: {e}")))?;
        if s.hashiya_schema > VERSION {
            return Err(Error::Invalid(format!(
                "this schema file is version {}, newer than this Hashiya reads ({VERSION})",
                s.hashiya_schema
            )));
        }
        return Ok(s);
    }
    let items: Vec<DoccanoLabel> = serde_json::from_value(v).map_err(|e| {
        Error::Invalid(format!("not a doccano label-type list ([{{\"text\", \"background_color\", \"suffix_key\"}}…]): {e}"))
    })?;
    Ok(SchemaFile {
        hashiya_schema: VERSION,
        labels: items
            .into_iter()
            .map(|d| SchemaLabel {
                name: d.text,
                color: d.background_color.unwrap_or_default(),
                hotkey: d.suffix_key.unwrap_or_default(),
                description: String::new(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    })
}

/// Span labels from `Labels`, tags from `Choices` (a Label Studio labeling config). The config is
/// XML: its elements are read by a small scanner (an HTML parser would take `TextArea` for a
/// `<textarea>` and swallow what follows it).
fn from_labelstudio(xml: &str) -> SchemaFile {
    let mut out = SchemaFile { hashiya_schema: VERSION, ..Default::default() };
    let mut within: Option<&str> = None;
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            rest = after.find("-->").map(|e| &after[e + 3..]).unwrap_or("");
            continue;
        }
        let end = tag_end(rest);
        let tag = &rest[..end];
        rest = rest.get(end + 1..).unwrap_or("");
        let closing = tag.starts_with('/');
        let body = tag.trim_start_matches('/').trim_end_matches('/');
        let name_len = body.find(|c: char| c.is_whitespace()).unwrap_or(body.len());
        let (name, attrs) = body.split_at(name_len);
        match (name, closing) {
            ("Labels" | "Choices", false) if !tag.ends_with('/') => within = Some(name),
            ("Labels" | "Choices", true) => within = None,
            ("Label", false) | ("Choice", false) => {
                let a = attributes(attrs);
                let get = |k: &str| a.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
                let Some(value) = get("value").filter(|v| !v.trim().is_empty()) else { continue };
                let label = SchemaLabel {
                    name: value,
                    color: get("background").unwrap_or_default(),
                    hotkey: get("hotkey").unwrap_or_default(),
                    description: get("hint").unwrap_or_default(),
                    ..Default::default()
                };
                match (name, within) {
                    ("Label", Some("Labels")) => out.labels.push(label),
                    ("Choice", Some("Choices")) => {
                        out.tags.push(SchemaLabel { color: String::new(), ..label })
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    out
}

/// Where a tag that starts at `s` ends (its `>`, outside quoted attribute values).
fn tag_end(s: &str) -> usize {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i,
            _ => {}
        }
    }
    s.len()
}

/// `name="value"` pairs of a tag, entities in values decoded.
fn attributes(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq].trim().to_string();
        let after = rest[eq + 1..].trim_start();
        let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else { break };
        let Some(close) = after[1..].find(q) else { break };
        out.push((name, unescape(&after[1..1 + close])));
        rest = &after[close + 2..];
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#10;", "\n")
        .replace("&amp;", "&")
}

/// What `apply` did.
#[derive(Debug, Default, PartialEq)]
pub struct Applied {
    pub added: Vec<String>,
    pub updated: Vec<String>,
    pub unchanged: Vec<String>,
    /// Settings of the file not taken, and why (a hotkey already used, a colour that is not `#rrggbb`).
    pub notes: Vec<String>,
}

/// Set the project's schema up from a file: labels it lacks are added, labels it has take the
/// file's colour, hotkey, description and parent; relation types and span attributes are added or
/// take the file's settings (see `schema_relations`); nothing is ever deleted. An entry that cannot
/// be taken is an error naming it (the caller's transaction then keeps nothing of the file).
pub fn apply(tx: &Transaction, schema: &SchemaFile) -> Result<Applied> {
    let mut out = Applied::default();
    for (kind, list) in [(LabelKind::Span, &schema.labels), (LabelKind::Tag, &schema.tags)] {
        for l in list {
            let name = l.name.trim();
            let existing = labels::find(tx, kind, name)?;
            let mut edit = LabelEdit {
                id: existing.as_ref().map(|e| e.id),
                kind,
                name: name.to_string(),
                color: existing
                    .as_ref()
                    .map(|e| e.color.clone())
                    .unwrap_or_else(|| "#868e96".into()),
                hotkey: existing.as_ref().map(|e| e.hotkey.clone()).unwrap_or_default(),
                description: existing.as_ref().map(|e| e.description.clone()).unwrap_or_default(),
                // The Arabic description stays as it is: the peer formats carry one description.
                description_ar: None,
                parent: existing.as_ref().map(|e| e.parent.clone()),
            };
            let hex = |c: &str| {
                c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|c| c.is_ascii_hexdigit())
            };
            if hex(&l.color) {
                edit.color = l.color.to_ascii_lowercase();
            } else if !l.color.is_empty() {
                out.notes.push(format!(
                    "{name}: colour {:?} is not #rrggbb; kept {}",
                    l.color, edit.color
                ));
            }
            if !l.description.is_empty() {
                edit.description = l.description.clone();
            }
            let before = edit.clone();
            match l.hotkey.chars().count() {
                0 => {}
                1 => edit.hotkey = l.hotkey.to_lowercase(),
                _ => out
                    .notes
                    .push(format!("{name}: hotkey {:?} is not one key; not taken", l.hotkey)),
            }
            let same = existing.as_ref().is_some_and(|e| {
                e.color == edit.color
                    && e.hotkey == edit.hotkey
                    && e.description == edit.description
            });
            if same {
                out.unchanged.push(name.to_string());
                continue;
            }
            let saved = match labels::save(tx, &edit) {
                Ok(s) => s,
                Err(Error::Conflict(why)) if edit.hotkey != before.hotkey => {
                    out.notes.push(format!("{name}: hotkey {:?} not taken ({why})", l.hotkey));
                    labels::save(tx, &before)?
                }
                Err(e) => return Err(e),
            };
            if existing.is_some() {
                out.updated.push(saved.name);
            } else {
                out.added.push(saved.name);
            }
        }
    }
    relations::apply(tx, schema, &mut out)?;
    Ok(out)
}
