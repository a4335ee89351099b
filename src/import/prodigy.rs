//! Prodigy examples: `text` with `spans` (`start`, `end`, `label`, code points). An example answered
//! `reject` or `ignore` keeps its text but not its spans (left out and counted); `tokens` are ignored.
//! Spans belong to `ANNOTATOR:_annotator_id` in multi-annotator sessions, else to ANNOTATOR.

use serde_json::Value;

use super::record::{self as tools, Parsed, ToolSpan};

/// Prodigy's bookkeeping fields, not kept as metadata.
const SKIP: &[&str] = &[
    "spans",
    "tokens",
    "answer",
    "_input_hash",
    "_task_hash",
    "_view_id",
    "_session_id",
    "_annotator_id",
    "_timestamp",
    "_is_binary",
    "html",
];

pub(super) fn parse(v: &Value, base: &str) -> Result<Parsed, String> {
    let o = v.as_object().ok_or("a Prodigy example must be a JSON object")?;
    let mut p = Parsed::new(tools::article(o, "text", SKIP)?);
    let who = match o
        .get("_annotator_id")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|w| !w.is_empty())
    {
        Some(w) => format!("{base}:{w}"),
        None => base.to_string(),
    };
    let spans = match o.get("spans") {
        None | Some(Value::Null) => &Vec::new(),
        Some(Value::Array(s)) => s,
        Some(_) => return Err("\"spans\" is not a list".into()),
    };
    let answer = o.get("answer").and_then(Value::as_str).unwrap_or("accept");
    if answer != "accept" {
        let what = if spans.is_empty() {
            "no annotation".to_string()
        } else {
            format!("not its {} span(s)", spans.len())
        };
        p.left_out.push(format!("answered {answer:?} in Prodigy: its text is imported, {what}"));
        return Ok(p);
    }
    for (k, s) in spans.iter().enumerate() {
        let what = format!("span #{}", k + 1);
        let s = s.as_object().ok_or_else(|| format!("{what} is not an object"))?;
        let label =
            s.get("label").and_then(Value::as_str).ok_or_else(|| format!("{what} has no label"))?;
        p.spans.push(ToolSpan {
            start: tools::int(s.get("start"), &format!("{what}: start"))?,
            end: tools::int(s.get("end"), &format!("{what}: end"))?,
            label: label.to_string(),
            text: s.get("text").and_then(Value::as_str).map(str::to_string),
            annotator: who.clone(),
            note: None,
            entity: None,
            id: None,
        });
    }
    Ok(p)
}
