//! Label Studio tasks: `data.text` is the article; each annotation's `result[]` regions
//! (`value.start/end/text/labels`) become spans of `ANNOTATOR:WHO`, where WHO is the annotation's
//! `completed_by` (email, else user id; a name from `--annotator-map ID=NAME` is used as it is);
//! `choices` become tags, a per-region `textarea` the span's note. Predictions are imported as
//! annotator `ANNOTATOR:prediction`; cancelled annotations and results of other types are left out
//! and counted. JSON-MIN rows (one per annotation: the data fields, `id`, `annotator`, and each
//! control's value under its name) are read too.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::record::{self as tools, Parsed, ToolSpan};

/// JSON-MIN's own fields beside the task's data and the controls' values.
const MIN_FIELDS: &[&str] =
    &["annotator", "annotation_id", "created_at", "updated_at", "lead_time"];

/// A JSON-MIN row: no `data` object, the text at the top level, an annotation's bookkeeping.
pub(super) fn is_min(o: &Map<String, Value>) -> bool {
    !o.get("data").is_some_and(Value::is_object)
        && (o.contains_key("annotation_id")
            || o.values().any(|v| v.as_array().is_some_and(|a| a.iter().any(is_region))))
}

/// A labels region as JSON-MIN writes it: `{start, end, text, labels}`.
fn is_region(v: &Value) -> bool {
    v.as_object().is_some_and(|r| {
        r.contains_key("start")
            && r.contains_key("end")
            && r.get("labels").is_some_and(Value::is_array)
    })
}

/// The annotator's name: mapped, else `BASE:WHO`.
fn name_of(base: &str, who: &str, map: &BTreeMap<String, String>) -> String {
    map.get(who).cloned().unwrap_or_else(|| format!("{base}:{who}"))
}

fn parse_min(
    o: &Map<String, Value>,
    base: &str,
    map: &BTreeMap<String, String>,
) -> Result<Parsed, String> {
    let regions: Vec<&String> = o
        .iter()
        .filter(|(_, v)| v.as_array().is_some_and(|a| !a.is_empty() && a.iter().all(is_region)))
        .map(|(k, _)| k)
        .collect();
    let mut skip: Vec<&str> = MIN_FIELDS.to_vec();
    skip.extend(regions.iter().map(|k| k.as_str()));
    let mut p = Parsed::new(tools::article(o, text_key(o)?, &skip)?);
    let who = match o.get("annotator") {
        Some(Value::String(w)) if !w.trim().is_empty() => name_of(base, w.trim(), map),
        Some(Value::Number(n)) => name_of(base, &n.to_string(), map),
        _ => base.to_string(),
    };
    for key in regions {
        for (r, region) in o[key].as_array().into_iter().flatten().enumerate() {
            if let Some(value) = region.as_object() {
                self::region(&mut p, value, None, &who, &format!("{key} #{}", r + 1), None)?;
            }
        }
    }
    Ok(p)
}

pub(super) fn parse(
    v: &Value,
    base: &str,
    map: &BTreeMap<String, String>,
) -> Result<Parsed, String> {
    let task = v.as_object().ok_or("a Label Studio task must be a JSON object")?;
    if is_min(task) {
        return parse_min(task, base, map);
    }
    let data =
        task.get("data").and_then(Value::as_object).ok_or("the task has no \"data\" object")?;
    let mut p = Parsed::new(tools::article(data, text_key(data)?, &["annotators"])?);
    // Hashiya's own Label Studio export names each annotation's analyst here, in order.
    let names: Vec<&str> = data
        .get("annotators")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if let Some(id) = task.get("id").filter(|id| id.is_number() || id.is_string()) {
        if p.record.id.is_none() {
            p.record.id = Some(id.as_str().map(str::to_string).unwrap_or_else(|| id.to_string()));
        }
    }
    for key in ["annotations", "completions", "predictions"] {
        let Some(list) = task.get(key) else { continue };
        let list = list.as_array().ok_or_else(|| format!("\"{key}\" is not a list"))?;
        for (k, a) in list.iter().enumerate() {
            let what = format!("{} #{}", key.trim_end_matches('s'), k + 1);
            let a = a.as_object().ok_or_else(|| format!("{what} is not an object"))?;
            let who = if key == "predictions" {
                format!("{base}:prediction")
            } else {
                // A task Hashiya exported names its analysts in data.annotators; Label Studio files
                // them all under the user who imported it, so the names win when they fit.
                let named = key == "annotations" && names.len() == list.len();
                match (author(a), names.get(k)) {
                    (_, Some(n)) if named => n.to_string(),
                    (Some(w), _) => name_of(base, &w, map),
                    _ => base.to_string(),
                }
            };
            if a.get("was_cancelled").and_then(Value::as_bool) == Some(true) {
                p.left_out.push(format!(
                    "{what} by {who} was cancelled in Label Studio; it is not imported"
                ));
                continue;
            }
            let results = a
                .get("result")
                .and_then(Value::as_array)
                .ok_or_else(|| format!("{what} has no \"result\" list"))?;
            let mut other = BTreeMap::<String, usize>::new();
            let first = p.spans.len();
            let mut notes = Vec::new();
            // The region id of each span this annotation added (a textarea names its region by id).
            let mut region_ids: Vec<&str> = Vec::new();
            for (r, res) in results.iter().enumerate() {
                let rwhat = format!("{what}, result #{}", r + 1);
                let res = res.as_object().ok_or_else(|| format!("{rwhat} is not an object"))?;
                let kind = res.get("type").and_then(Value::as_str).unwrap_or("labels");
                let value = res.get("value").and_then(Value::as_object);
                match (kind, value) {
                    ("labels", Some(value)) => {
                        let entity =
                            res.get("meta").and_then(|m| m.get("entity")).and_then(Value::as_str);
                        region(&mut p, value, res.get("id"), &who, &rwhat, entity)?;
                        let id = res.get("id").and_then(Value::as_str).unwrap_or_default();
                        region_ids.resize(p.spans.len() - first, id);
                    }
                    ("relation", _) if !relation(&mut p, res, &who, &rwhat)? => {
                        *other.entry(kind.to_string()).or_default() += 1
                    }
                    ("relation", _) => {}
                    // Hashiya's own per-region note (the `note` text area of its labeling config).
                    ("textarea", Some(value))
                        if res.get("from_name").and_then(Value::as_str) == Some("note") =>
                    {
                        match res.get("id").and_then(Value::as_str) {
                            Some(id) if value.contains_key("start") => notes.push((id, value)),
                            _ => {
                                *other.entry("textarea (not on a region)".into()).or_default() += 1
                            }
                        }
                    }
                    // Any other per-region control: an attribute of that region's spans.
                    ("choices" | "textarea", Some(value))
                        if res.get("id").is_some() && spans_with(&p, res.get("id")) =>
                    {
                        attribute(&mut p, res, value, &who);
                    }
                    ("textarea", Some(_)) => {
                        *other.entry("textarea (not on a region)".into()).or_default() += 1
                    }
                    ("choices", Some(value)) => {
                        for c in value
                            .get("choices")
                            .and_then(Value::as_array)
                            .into_iter()
                            .flatten()
                            .filter_map(Value::as_str)
                        {
                            p.tag(c, &who);
                        }
                    }
                    _ => *other.entry(kind.to_string()).or_default() += 1,
                }
            }
            for (id, value) in notes {
                let text: Vec<&str> = match value.get("text") {
                    Some(Value::Array(t)) => t.iter().filter_map(Value::as_str).collect(),
                    Some(Value::String(t)) => vec![t.as_str()],
                    _ => Vec::new(),
                };
                let note = text.join("\n");
                let mut placed = false;
                for (s, rid) in p.spans[first..].iter_mut().zip(&region_ids) {
                    if *rid == id {
                        s.note = Some(note.clone());
                        placed = true;
                    }
                }
                if !placed {
                    *other.entry("textarea (not on a region)".into()).or_default() += 1;
                }
            }
            for (kind, n) in other {
                p.left_out.push(format!("{what} by {who}: {n} result(s) of type {kind:?} are not imported (only labels, choices and labelled relations are)"));
            }
        }
    }
    Ok(p)
}

/// `data.text`, else the only string field of `data`.
fn text_key(data: &Map<String, Value>) -> Result<&str, String> {
    if data.contains_key("text") {
        return Ok("text");
    }
    let strings: Vec<&String> = data
        .iter()
        .filter(|(k, v)| v.is_string() && !MIN_FIELDS.contains(&k.as_str()))
        .map(|(k, _)| k)
        .collect();
    match strings.as_slice() {
        [one] => Ok(one.as_str()),
        _ => {
            Err("the task's data has no \"text\" (and not exactly one string field to use instead)"
                .into())
        }
    }
}

/// Who completed an annotation: `completed_by` as an object (email, username or id) or an id, else
/// the email in `created_username` ("someone@example.org, 1").
fn author(a: &Map<String, Value>) -> Option<String> {
    let plain = |v: &Value| match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    if let Some(Value::Object(u)) = a.get("completed_by") {
        if let Some(w) = ["email", "username", "id"].iter().find_map(|k| u.get(*k).and_then(plain))
        {
            return Some(w);
        }
    }
    if let Some(name) = a.get("created_username").and_then(Value::as_str) {
        let email = name.split(',').next().unwrap_or("").trim();
        if !email.is_empty() {
            return Some(email.to_string());
        }
    }
    a.get("completed_by").and_then(plain)
}

/// Whether a result's `id` is that of a labelled region already read (a per-region result).
fn spans_with(p: &Parsed, id: Option<&Value>) -> bool {
    id.is_some() && p.spans.iter().any(|s| s.id.as_ref() == id)
}

/// A per-region `choices` or `textarea` result: an attribute (its `from_name`) of that region's spans,
/// kept in the note of the record until the spans are checked.
fn attribute(p: &mut Parsed, res: &Map<String, Value>, value: &Map<String, Value>, who: &str) {
    let name = res.get("from_name").and_then(Value::as_str).unwrap_or("attribute").to_string();
    let first = |key: &str| {
        value.get(key).and_then(Value::as_array).and_then(|v| v.first()).and_then(Value::as_str)
    };
    let v = match first("choices").or(first("text")) {
        Some("true") => Value::Bool(true),
        Some("false") => Value::Bool(false),
        Some(s) => Value::String(s.to_string()),
        None => return,
    };
    let id = res.get("id").cloned();
    p.attrs.push((id, who.to_string(), name, v));
}

/// A `relation` result: `from_id`/`to_id` name regions, `direction` right (from → to), left
/// (to → from) or bi, `labels` its type. One without a label is not read (Hashiya's relations are
/// typed): false.
fn relation(
    p: &mut Parsed,
    res: &Map<String, Value>,
    who: &str,
    what: &str,
) -> Result<bool, String> {
    let end = |k: &str| res.get(k).cloned().ok_or_else(|| format!("{what} has no \"{k}\""));
    let (mut from, mut to) = (end("from_id")?, end("to_id")?);
    if res.get("direction").and_then(Value::as_str) == Some("left") {
        std::mem::swap(&mut from, &mut to);
    }
    let rtype = res.get("labels").and_then(Value::as_array).and_then(|l| l.first());
    let Some(rtype) = rtype.and_then(Value::as_str) else { return Ok(false) };
    p.record.relations.push(crate::native::NativeRelation {
        id: None,
        from,
        to,
        rtype: rtype.to_string(),
        annotator: Some(who.to_string()),
        note: None,
        created_at: None,
    });
    Ok(true)
}

fn region(
    p: &mut Parsed,
    value: &Map<String, Value>,
    id: Option<&Value>,
    who: &str,
    what: &str,
    entity: Option<&str>,
) -> Result<(), String> {
    let start = tools::int(value.get("start"), &format!("{what}: start"))?;
    let end = tools::int(value.get("end"), &format!("{what}: end"))?;
    let text = value.get("text").and_then(Value::as_str).map(str::to_string);
    let labels = value
        .get("labels")
        .and_then(Value::as_array)
        .ok_or_else(|| format!("{what} has no \"labels\" list"))?;
    for l in labels {
        let label = l.as_str().ok_or_else(|| format!("{what}: a label is not a string"))?;
        p.spans.push(ToolSpan {
            start,
            end,
            label: label.to_string(),
            text: text.clone(),
            annotator: who.to_string(),
            note: None,
            entity: entity.map(str::to_string),
            id: id.cloned(),
        });
    }
    Ok(())
}
