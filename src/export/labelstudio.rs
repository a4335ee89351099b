//! `labelstudio`: a JSON array of tasks, one annotation per annotator, offsets in code points; span
//! notes as per-region `note` text areas and tags as `tags` choices (the controls of the labeling
//! config `hashiya schema export --format labelstudio` writes).

use std::collections::BTreeMap;

use serde::Serialize;

use super::options::ExportOptions;
use super::select::Doc;
use super::sink::Sink;
use crate::error::Result;

#[derive(Serialize)]
struct Task<'a> {
    data: Data<'a>,
    annotations: Vec<Annotation<'a>>,
}

#[derive(Serialize)]
struct Data<'a> {
    text: &'a str,
    id: &'a str,
    /// Who made each annotation, in the same order.
    annotators: Vec<&'a str>,
}

#[derive(Serialize)]
struct Annotation<'a> {
    result: Vec<Result_<'a>>,
}

/// One result: a labelled region, a relation between two regions, or a per-region attribute.
#[derive(Serialize)]
#[serde(untagged)]
enum Result_<'a> {
    Region(Item<'a>),
    Relation(RelationItem<'a>),
    Attribute(AttributeItem<'a>),
}

/// Label Studio's relation result: `direction` right (from → to) or bi (symmetric).
#[derive(Serialize)]
struct RelationItem<'a> {
    from_id: String,
    to_id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    direction: &'static str,
    labels: [&'a str; 1],
}

/// A per-region `choices` (yes/no and list attributes) or `textarea` (free text) result: the
/// region's id, the attribute's name as `from_name`.
#[derive(Serialize)]
struct AttributeItem<'a> {
    id: String,
    from_name: &'a str,
    to_name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: AttributeValue<'a>,
}

#[derive(Serialize)]
struct AttributeValue<'a> {
    start: i64,
    end: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    choices: Option<[String; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<[&'a str; 1]>,
}

#[derive(Serialize)]
struct Item<'a> {
    id: String,
    value: Value<'a>,
    from_name: &'static str,
    to_name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    /// The linked entity, as region meta (Label Studio keeps a result's `meta`).
    #[serde(skip_serializing_if = "Option::is_none")]
    meta: Option<Meta<'a>>,
}

#[derive(Serialize)]
struct Meta<'a> {
    entity: &'a str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Value<'a> {
    Labels { start: i64, end: i64, text: &'a str, labels: [&'a str; 1] },
    Note { start: i64, end: i64, text: [&'a str; 1] },
    Choices { choices: Vec<&'a str> },
}

pub fn begin(sink: &mut Sink) -> Result<()> {
    sink.bytes(b"[\n")
}

pub fn end(sink: &mut Sink) -> Result<()> {
    sink.bytes(if sink.records == 0 { b"]\n" } else { b"\n]\n" })
}

pub fn write(doc: &Doc, _o: &ExportOptions, sink: &mut Sink) -> Result<()> {
    // Annotators with spans or a status on this article, by name.
    let mut by: BTreeMap<&str, Vec<Result_>> = BTreeMap::new();
    for st in &doc.statuses {
        by.entry(st.annotator.as_str()).or_default();
    }
    for s in &doc.spans {
        sink.tally.count_span(&s.label);
        let results = by.entry(s.annotator.as_str()).or_default();
        results.push(Result_::Region(Item {
            id: format!("s{}", s.id),
            value: Value::Labels { start: s.start, end: s.end, text: &s.text, labels: [&s.label] },
            from_name: "label",
            to_name: "text",
            kind: "labels",
            meta: s.entity.as_deref().map(|entity| Meta { entity }),
        }));
        if !s.note.is_empty() {
            results.push(Result_::Region(Item {
                id: format!("s{}", s.id),
                value: Value::Note { start: s.start, end: s.end, text: [&s.note] },
                from_name: "note",
                to_name: "text",
                kind: "textarea",
                meta: None,
            }));
        }
        for (name, v) in &s.attrs {
            let (kind, choices, text) = match v {
                serde_json::Value::String(t) if !doc.choice_attr(&s.label, name) => {
                    ("textarea", None, Some([t.as_str()]))
                }
                serde_json::Value::String(t) => ("choices", Some([t.clone()]), None),
                other => ("choices", Some([other.to_string()]), None),
            };
            results.push(Result_::Attribute(AttributeItem {
                id: format!("s{}", s.id),
                from_name: name,
                to_name: "text",
                kind,
                value: AttributeValue { start: s.start, end: s.end, choices, text },
            }));
        }
    }
    for (_, _, r) in doc.relation_ends() {
        sink.tally.relations += 1;
        by.entry(r.annotator.as_str()).or_default().push(Result_::Relation(RelationItem {
            from_id: format!("s{}", r.from),
            to_id: format!("s{}", r.to),
            kind: "relation",
            direction: if doc.symmetric(&r.rtype) { "bi" } else { "right" },
            labels: [&r.rtype],
        }));
    }
    let mut tags: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for t in &doc.tags {
        sink.tally.tags += 1;
        tags.entry(t.annotator.as_str()).or_default().push(&t.label);
    }
    for (who, choices) in tags {
        by.entry(who).or_default().push(Result_::Region(Item {
            id: format!("tags-{who}"),
            value: Value::Choices { choices },
            from_name: "tags",
            to_name: "text",
            kind: "choices",
            meta: None,
        }));
    }
    let task = Task {
        data: Data {
            text: &doc.article.text,
            id: &doc.article.ext_id,
            annotators: by.keys().copied().collect(),
        },
        annotations: by.into_values().map(|result| Annotation { result }).collect(),
    };
    if sink.records > 0 {
        sink.bytes(b",\n")?;
    }
    serde_json::to_writer(&mut *sink.out, &task)?;
    sink.records += 1;
    Ok(())
}
