//! doccano records: `{"text", "label": [[start, end, "LABEL"], …]}` (sequence labelling; `labels` too),
//! `{"text", "entities": [{"start_offset", "end_offset", "label"}]}` (with relations), and plain
//! string labels (text classification), which become article tags. Offsets count UTF-16 code units.

use serde_json::Value;

use super::record::{self as tools, Parsed, ToolSpan};

pub(super) fn parse(v: &Value, annotator: &str) -> Result<Parsed, String> {
    let o = v.as_object().ok_or("a doccano record must be a JSON object")?;
    let mut p =
        Parsed::new(tools::article(o, "text", &["label", "labels", "entities", "relations"])?);
    for key in ["label", "labels"] {
        let Some(items) = o.get(key) else { continue };
        let items = items.as_array().ok_or_else(|| format!("\"{key}\" is not a list"))?;
        for (k, item) in items.iter().enumerate() {
            let what = format!("{key} #{}", k + 1);
            match item {
                Value::String(tag) => p.tag(tag, annotator),
                Value::Array(t) => match t.as_slice() {
                    [s, e, Value::String(l)] => p.spans.push(span(
                        tools::int(Some(s), "start")?,
                        tools::int(Some(e), "end")?,
                        l,
                        None,
                        annotator,
                    )),
                    _ => return Err(format!("{what} is not a [start, end, \"LABEL\"] triple")),
                },
                Value::Object(m) => {
                    let start = tools::int(
                        m.get("start_offset").or(m.get("start")),
                        &format!("{what}: start"),
                    )?;
                    let end =
                        tools::int(m.get("end_offset").or(m.get("end")), &format!("{what}: end"))?;
                    let text = m.get("text").and_then(Value::as_str).map(str::to_string);
                    for l in labels_of(m).ok_or_else(|| format!("{what} names no label"))? {
                        p.spans.push(span(start, end, &l, text.clone(), annotator));
                    }
                }
                _ => {
                    return Err(format!(
                        "{what} is neither a [start, end, \"LABEL\"] triple nor a label"
                    ))
                }
            }
        }
    }
    if let Some(items) = o.get("entities") {
        let items = items.as_array().ok_or("\"entities\" is not a list")?;
        for (k, e) in items.iter().enumerate() {
            let what = format!("entity #{}", k + 1);
            let m = e.as_object().ok_or_else(|| format!("{what} is not an object"))?;
            let start = tools::int(m.get("start_offset"), &format!("{what}: start_offset"))?;
            let end = tools::int(m.get("end_offset"), &format!("{what}: end_offset"))?;
            let label = m
                .get("label")
                .and_then(Value::as_str)
                .ok_or_else(|| format!("{what} names no label"))?;
            let mut sp = span(start, end, label, None, annotator);
            sp.id = m.get("id").filter(|id| id.is_number() || id.is_string()).cloned();
            p.spans.push(sp);
        }
    }
    if let Some(items) = o.get("relations") {
        let items = items.as_array().ok_or("\"relations\" is not a list")?;
        for (k, r) in items.iter().enumerate() {
            let what = format!("relation #{}", k + 1);
            let m = r.as_object().ok_or_else(|| format!("{what} is not an object"))?;
            let end =
                |key: &str| m.get(key).cloned().ok_or_else(|| format!("{what} has no \"{key}\""));
            let rtype = m
                .get("type")
                .and_then(Value::as_str)
                .ok_or_else(|| format!("{what} names no type"))?;
            p.record.relations.push(crate::native::NativeRelation {
                id: m.get("id").cloned(),
                from: end("from_id")?,
                to: end("to_id")?,
                rtype: rtype.to_string(),
                annotator: Some(annotator.to_string()),
                note: None,
                created_at: None,
            });
        }
    }
    Ok(p)
}

fn labels_of(m: &serde_json::Map<String, Value>) -> Option<Vec<String>> {
    match (m.get("label"), m.get("labels")) {
        (Some(Value::String(l)), _) => Some(vec![l.clone()]),
        (_, Some(Value::Array(ls))) => ls.iter().map(|l| l.as_str().map(str::to_string)).collect(),
        _ => None,
    }
}

fn span(start: i64, end: i64, label: &str, text: Option<String>, annotator: &str) -> ToolSpan {
    ToolSpan {
        start,
        end,
        label: label.to_string(),
        text,
        annotator: annotator.to_string(),
        note: None,
        entity: None,
        id: None,
    }
}
