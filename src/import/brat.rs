//! brat standoff import: a folder of `.txt` + `.ann` pairs (`T` spans, also discontinuous across
//! line breaks; `R` relations; `A` attributes; `N` links to Hashiya's entity registry
//! (`Reference T1 Hashiya:ID\tNAME`); `#` AnnotatorNotes) and its `annotation.conf` (the
//! relation types' ends and the attributes' values come into the schema). Each pair is one article,
//! checked and stored like a native JSONL line; spans and relations belong to `--annotator` (default
//! `brat`).

use std::path::Path;

use rusqlite::Transaction;
use serde_json::Value;

use super::{Ids, ImportOptions, ImportReport};
use crate::error::{Error, Result};
use crate::model::{AttrKind, Attrs, LabelKind};
use crate::native::{NativeRecord, NativeRelation, NativeSpan};
use crate::relation_types::{self, AttributeEdit, RelationTypeEdit};
use crate::store::Store;

/// Import each folder in turn (each in one transaction).
pub fn import_dirs(
    store: &mut Store,
    dirs: &[std::path::PathBuf],
    opts: &ImportOptions,
) -> Result<ImportReport> {
    let mut report = ImportReport::default();
    for d in dirs {
        report.merge(import_dir(store, d, opts)?);
    }
    Ok(report)
}

/// Import every `.txt`/`.ann` pair of the folder `dir` (in name order) in one transaction.
pub fn import_dir(store: &mut Store, dir: &Path, opts: &ImportOptions) -> Result<ImportReport> {
    let mut report = ImportReport::default();
    let read = |p: &Path| {
        std::fs::read(p).map_err(|e| Error::io(format!("cannot read {}", p.display()), e))
    };
    let mut pairs: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(format!("cannot read the folder {}", dir.display()), e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    pairs.sort();
    let conf = dir.join("annotation.conf");
    let conf = if conf.exists() { Some(read(&conf)?) } else { None };
    let mut opts = opts.clone();
    opts.annotator = Some(opts.annotator.clone().unwrap_or_else(|| "brat".into()));
    let who = opts.annotator.clone().unwrap_or_default();
    store.with_tx(|tx| {
        if let Some(c) = &conf {
            apply_conf(tx, &String::from_utf8_lossy(c))
                .map_err(|e| Error::Invalid(format!("{}/annotation.conf: {e}", dir.display())))?;
        }
        let mut ids = Ids::default();
        for ann_path in &pairs {
            let txt_path = ann_path.with_extension("txt");
            let name = txt_path.display().to_string();
            let (text, ann) = match (read(&txt_path), read(ann_path)) {
                (Ok(t), Ok(a)) => (t, a),
                (Err(e), _) | (_, Err(e)) => {
                    report.reject(&name, None, e.to_string());
                    continue;
                }
            };
            let (Ok(text), Ok(ann)) = (String::from_utf8(text), String::from_utf8(ann)) else {
                report.reject(&name, None, "the .txt or .ann is not UTF-8");
                continue;
            };
            let stem = ann_path.file_stem().map(|s| s.to_string_lossy().into_owned());
            let ann_name = ann_path.display().to_string();
            match record(&text, &ann, stem, &who, &ann_name, &mut report) {
                Ok((rec, links)) => {
                    // An entity the registry lacks comes in with the name its N line gives.
                    for (key, label, entity_name) in links {
                        if crate::entities::row_id(tx, &key).is_err() {
                            let new = crate::entities::NewEntity {
                                id: Some(&key),
                                label: &label,
                                name: &entity_name,
                                created_by: &who,
                                ..Default::default()
                            };
                            crate::entities::create(tx, &new).map_err(|e| {
                                Error::Invalid(format!("{ann_name}: entity {key}: {e}"))
                            })?;
                        }
                    }
                    super::jsonl::import_record(tx, &name, 1, &rec, &opts, &mut ids, &mut report)?
                }
                Err((line, reason)) => report.reject(&ann_name, Some(line), reason),
            }
        }
        Ok(())
    })?;
    Ok(report)
}

/// An entity link of an `N` line: (entity id, the span's label, the name the line gives).
type Link = (String, String, String);

/// The article of one `.txt`/`.ann` pair with its entity links, or the `.ann` line that is wrong and why.
fn record(
    text: &str,
    ann: &str,
    id: Option<String>,
    who: &str,
    ann_name: &str,
    report: &mut ImportReport,
) -> std::result::Result<(NativeRecord, Vec<Link>), (usize, String)> {
    let mut links: Vec<Link> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<NativeSpan> = Vec::new();
    let mut relations = Vec::new();
    let mut left_out = 0;
    for (k, line) in ann.lines().enumerate() {
        let n = k + 1;
        let bad = |why: &str| (n, format!("{why}: {line:?}"));
        if line.trim().is_empty() {
            continue;
        }
        let mut cols = line.splitn(3, '\t');
        let (tag, body) = (cols.next().unwrap_or(""), cols.next().unwrap_or(""));
        let rest = cols.next();
        let fields: Vec<&str> = body.split(' ').collect();
        match tag.chars().next() {
            Some('T') => {
                let label = fields.first().copied().unwrap_or("");
                let places = body.get(label.len()..).unwrap_or("").trim();
                let mut frags = Vec::new();
                for f in places.split(';') {
                    let mut p = f.split(' ').map(|x| x.parse::<usize>());
                    match (p.next(), p.next(), p.next()) {
                        (Some(Ok(a)), Some(Ok(b)), None) if a < b && b <= chars.len() => {
                            frags.push((a, b))
                        }
                        _ => return Err(bad(
                            "a text-bound annotation needs LABEL START END offsets within the text",
                        )),
                    }
                }
                let (start, end) = (frags[0].0, frags[frags.len() - 1].1);
                let gaps_are_breaks = frags.windows(2).all(|w| {
                    w[0].1 <= w[1].0
                        && chars[w[0].1..w[1].0].iter().all(|c| *c == '\n' || *c == '\r')
                });
                if !gaps_are_breaks {
                    return Err(bad("a discontinuous span is read only when its pieces are separated by line breaks"));
                }
                spans.push(NativeSpan {
                    id: Some(Value::String(tag.to_string())),
                    start: start as i64,
                    end: end as i64,
                    label: label.to_string(),
                    annotator: Some(who.to_string()),
                    note: Some(String::new()),
                    ..Default::default()
                });
                let _ = rest;
            }
            Some('R') => {
                let arg = |k: usize, name: &str| {
                    fields
                        .get(k)
                        .and_then(|f| f.strip_prefix(name))
                        .map(|t| Value::String(t.to_string()))
                };
                let (Some(from), Some(to)) = (arg(1, "Arg1:"), arg(2, "Arg2:")) else {
                    return Err(bad("a relation needs TYPE Arg1:T… Arg2:T…"));
                };
                relations.push(NativeRelation {
                    id: None,
                    from,
                    to,
                    rtype: fields[0].to_string(),
                    annotator: Some(who.to_string()),
                    note: Some(String::new()),
                    created_at: None,
                });
            }
            Some('A') | Some('M') => {
                let (Some(name), Some(target)) = (fields.first(), fields.get(1)) else {
                    return Err(bad("an attribute needs NAME T… [VALUE]"));
                };
                let v = match fields.get(2) {
                    Some(v) => Value::String(v.to_string()),
                    None => Value::Bool(true),
                };
                let span = spans
                    .iter_mut()
                    .find(|s| s.id.as_ref().and_then(Value::as_str) == Some(target))
                    .ok_or_else(|| bad("the attribute's span is not defined above it"))?;
                span.attrs.get_or_insert_with(Attrs::new).insert(name.to_string(), v);
            }
            Some('N') => {
                // `Reference T3 Hashiya:ID` (other databases, e.g. Wikidata:Q42, are not read).
                let key = fields.get(2).and_then(|f| f.strip_prefix("Hashiya:"));
                match (fields.first(), fields.get(1), key) {
                    (Some(&"Reference"), Some(target), Some(key)) if !key.is_empty() => {
                        let span = spans
                            .iter_mut()
                            .find(|s| s.id.as_ref().and_then(Value::as_str) == Some(*target))
                            .ok_or_else(|| {
                                bad("the normalization's span is not defined above it")
                            })?;
                        span.entity = Some(key.to_string());
                        let name = rest.map(str::trim).filter(|n| !n.is_empty()).unwrap_or(key);
                        links.push((key.to_string(), span.label.clone(), name.to_string()));
                    }
                    _ => left_out += 1,
                }
            }
            Some('#') => {
                let target = fields.get(1).copied().unwrap_or("");
                if let Some(s) =
                    spans.iter_mut().find(|s| s.id.as_ref().and_then(Value::as_str) == Some(target))
                {
                    s.note = Some(rest.unwrap_or("").to_string());
                } else {
                    left_out += 1;
                }
            }
            _ => left_out += 1,
        }
    }
    if left_out > 0 {
        report.leave_out(ann_name, None, format!("{left_out} annotations of kinds Hashiya does not read (events, equivalences, normalisations to other databases, notes on relations)"));
    }
    let record = NativeRecord {
        id,
        title: None,
        text: text.to_string(),
        source: None,
        url: None,
        published_at: None,
        meta: None,
        tags: Vec::new(),
        spans,
        status: Vec::new(),
        relations,
    };
    Ok((record, links))
}

/// Bring the relation types and attributes of `annotation.conf` into the schema (those it lacks):
/// the span labels in order with their parents (indentation), relation ends, symmetry, list values.
fn apply_conf(tx: &Transaction, conf: &str) -> Result<()> {
    let mut section = "";
    let mut parents: Vec<String> = Vec::new();
    for line in conf.lines() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if t.starts_with('[') {
            section = match t {
                "[entities]" => "entities",
                "[relations]" => "relations",
                "[attributes]" => "attributes",
                _ => "",
            };
            continue;
        }
        match section {
            "entities" => {
                let depth = line.chars().take_while(|c| *c == '\t').count();
                parents.truncate(depth);
                let parent = parents.last().cloned().unwrap_or_default();
                let name = t.trim_start_matches('!');
                let (label, added) = crate::labels::ensure(tx, LabelKind::Span, name)?;
                if added && !parent.is_empty() {
                    tx.execute(
                        "UPDATE labels SET parent = ?2 WHERE id = ?1",
                        rusqlite::params![label.id, parent],
                    )?;
                }
                parents.push(name.to_string());
            }
            "relations" => {
                let (name, args) = t.split_once(['\t', ' ']).unwrap_or((t, ""));
                if name.starts_with('<') || relation_types::find(tx, name)?.is_some() {
                    continue;
                }
                let mut e = RelationTypeEdit {
                    id: None,
                    name: name.to_string(),
                    color: "#1864ab".into(),
                    hotkey: String::new(),
                    description: String::new(),
                    directed: true,
                    from_labels: vec![],
                    to_labels: vec![],
                };
                for a in args.split(',').map(str::trim) {
                    let list = |v: &str| -> Vec<String> {
                        if v == "<ENTITY>" {
                            vec![]
                        } else {
                            v.split('|').map(str::to_string).collect()
                        }
                    };
                    if let Some(v) = a.strip_prefix("Arg1:") {
                        e.from_labels = list(v);
                    } else if let Some(v) = a.strip_prefix("Arg2:") {
                        e.to_labels = list(v);
                    } else if a.starts_with("<REL-TYPE>:") && a.contains("symmetric") {
                        e.directed = false;
                    }
                }
                relation_types::save(tx, &e)?;
            }
            "attributes" => {
                let (name, args) = t.split_once(['\t', ' ']).unwrap_or((t, ""));
                let mut labels = Vec::new();
                let mut choices = Vec::new();
                for a in args.split(',').map(str::trim) {
                    if let Some(v) = a.strip_prefix("Arg:") {
                        labels = v.split('|').map(str::to_string).collect();
                    } else if let Some(v) = a.strip_prefix("Value:") {
                        choices = v.split('|').map(str::to_string).collect();
                    }
                }
                for label in labels.iter().filter(|l| !l.starts_with('<')) {
                    let known = relation_types::attributes_of(tx, label)?;
                    if known.iter().any(|k| k.name == name)
                        || crate::labels::find(tx, LabelKind::Span, label)?.is_none()
                    {
                        continue;
                    }
                    relation_types::save_attribute(
                        tx,
                        &AttributeEdit {
                            id: None,
                            label: label.clone(),
                            name: name.to_string(),
                            kind: if choices.is_empty() {
                                AttrKind::Bool
                            } else {
                                AttrKind::Choice
                            },
                            choices: choices.clone(),
                            default: String::new(),
                            keys: vec![],
                        },
                    )?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}
