//! A scripted analyst for the crash and concurrency tests: random span and status writes over HTTP,
//! a model of every write the server acknowledged, and a comparison of that model with the project.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rand::{rngs::StdRng, Rng};
use serde_json::{json, Value};

use super::corpus::LABELS;
use super::Client;

/// The analyst's name in the project.
pub const WHO: &str = "crash";

const NOTES: &[&str] = &["", "ملاحظة قصيرة", "<script>alert(1)</script>", "😀 \r\n سطر", "note"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanState {
    pub article: i64,
    pub start: i64,
    pub end: i64,
    pub label: String,
    pub note: String,
}

/// A write that was sent but never answered: it may or may not have been committed.
#[derive(Debug, Clone)]
pub enum InFlight {
    Add(SpanState),
    Update(i64, SpanState),
    Delete(i64),
    Status(i64, String),
}

/// Everything the server reported as saved, as it must now be in the project.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub spans: BTreeMap<i64, SpanState>,
    pub status: BTreeMap<i64, String>,
}

/// The articles the analyst works on: id and the code-point ranges of their words (safe span edges).
#[derive(Debug, Clone)]
pub struct Articles(pub Vec<(i64, Vec<(usize, usize)>)>);

/// What one session of writes did.
#[derive(Debug, Default)]
pub struct Session {
    pub acked: usize,
    pub in_flight: Option<InFlight>,
    /// Unexpected answers (anything but 200, or 409 for a clashing relabel).
    pub errors: Vec<String>,
    /// Slowest acknowledged write, in ms.
    pub max_ms: u128,
}

/// A span added to an article whose status is to do (or unset) moves it to in progress (as the core does).
fn started(status: &mut BTreeMap<i64, String>, article: i64) {
    if status.get(&article).is_none_or(|s| s == "todo") {
        status.insert(article, "in_progress".into());
    }
}

fn span_of(v: &Value) -> Option<(i64, SpanState)> {
    Some((
        v["id"].as_i64()?,
        SpanState {
            article: v["article_id"].as_i64()?,
            start: v["start"].as_i64()?,
            end: v["end"].as_i64()?,
            label: v["label"].as_str()?.to_string(),
            note: v["note"].as_str()?.to_string(),
        },
    ))
}

/// Write until the server stops answering, `max_ops` writes are done, or `stop` says so.
pub fn write_session(
    client: &Client,
    rng: &mut StdRng,
    arts: &Articles,
    model: &mut Model,
    max_ops: usize,
    stop: &std::sync::atomic::AtomicBool,
) -> Session {
    let mut out = Session::default();
    for _ in 0..max_ops {
        if stop.load(std::sync::atomic::Ordering::Relaxed) {
            break;
        }
        let roll = rng.random_range(0..100);
        let ids: Vec<i64> = model.spans.keys().copied().collect();
        let (cmd, body, op) = if ids.is_empty() || roll < 45 {
            let (article, ranges) = &arts.0[rng.random_range(0..arts.0.len())];
            let i = rng.random_range(0..ranges.len());
            let j = (i + rng.random_range(0..3)).min(ranges.len() - 1);
            let st = SpanState {
                article: *article,
                start: ranges[i].0 as i64,
                end: ranges[j].1 as i64,
                label: LABELS[rng.random_range(0..LABELS.len())].to_string(),
                note: NOTES[rng.random_range(0..NOTES.len())].to_string(),
            };
            let body = json!({"article_id": st.article, "annotator": WHO, "start": st.start, "end": st.end, "label": st.label, "note": st.note});
            ("add_span", body, InFlight::Add(st))
        } else if roll < 75 {
            let id = ids[rng.random_range(0..ids.len())];
            let mut after = model.spans[&id].clone();
            after.label = LABELS[rng.random_range(0..LABELS.len())].to_string();
            after.note = NOTES[rng.random_range(0..NOTES.len())].to_string();
            let body =
                json!({"id": id, "annotator": WHO, "label": after.label, "note": after.note});
            ("update_span", body, InFlight::Update(id, after))
        } else if roll < 90 {
            let id = ids[rng.random_range(0..ids.len())];
            ("delete_span", json!({"id": id, "annotator": WHO}), InFlight::Delete(id))
        } else {
            let (article, _) = &arts.0[rng.random_range(0..arts.0.len())];
            let status = ["todo", "in_progress", "done"][rng.random_range(0..3)].to_string();
            (
                "set_status",
                json!({"article_id": article, "annotator": WHO, "status": status}),
                InFlight::Status(*article, status),
            )
        };
        let t0 = std::time::Instant::now();
        let (code, resp) = client.post(cmd, &body);
        match (code, &op) {
            (0, _) => {
                out.in_flight = Some(op);
                break;
            }
            (200, InFlight::Add(_)) | (200, InFlight::Update(..)) => {
                match serde_json::from_str::<Value>(&resp).ok().as_ref().and_then(span_of) {
                    Some((id, st)) => {
                        if matches!(op, InFlight::Add(_)) {
                            started(&mut model.status, st.article);
                        }
                        model.spans.insert(id, st);
                    }
                    None => out.errors.push(format!("{cmd}: unreadable answer {resp}")),
                }
            }
            (200, InFlight::Delete(id)) => {
                model.spans.remove(id);
            }
            (200, InFlight::Status(article, status)) => {
                model.status.insert(*article, status.clone());
            }
            (409, InFlight::Update(..)) => {}
            _ => out.errors.push(format!("{cmd} {body} → HTTP {code}: {resp}")),
        }
        if code == 200 {
            out.acked += 1;
            out.max_ms = out.max_ms.max(t0.elapsed().as_millis());
        }
    }
    out
}

/// The analyst's spans and statuses as stored in the project.
pub fn stored(db: &Path) -> Model {
    let conn = super::read(db);
    let mut m = Model::default();
    let mut st = conn
        .prepare(
            "SELECT s.id, s.article_id, s.start, s.end, l.name, s.note FROM spans s JOIN labels l ON l.id = s.label_id
             JOIN annotators n ON n.id = s.annotator_id WHERE n.name = ?1",
        )
        .expect("prepare");
    let rows = st
        .query_map([WHO], |r| {
            Ok((
                r.get(0)?,
                SpanState {
                    article: r.get(1)?,
                    start: r.get(2)?,
                    end: r.get(3)?,
                    label: r.get(4)?,
                    note: r.get(5)?,
                },
            ))
        })
        .expect("query");
    for row in rows {
        let (id, s) = row.expect("row");
        m.spans.insert(id, s);
    }
    let mut st = conn
        .prepare("SELECT s.article_id, s.status FROM article_status s JOIN annotators n ON n.id = s.annotator_id WHERE n.name = ?1")
        .expect("prepare");
    for row in st.query_map([WHO], |r| Ok((r.get(0)?, r.get(1)?))).expect("query") {
        let (a, s) = row.expect("row");
        m.status.insert(a, s);
    }
    m
}

/// Check the stored state against everything acknowledged, allowing the one unanswered write
/// either way. Returns the stored state (the new model) or what is wrong.
pub fn reconcile(model: &Model, in_flight: Option<&InFlight>, db: &Path) -> Result<Model, String> {
    let got = stored(db);
    let mut want = model.clone();
    // Resolve the unanswered write by what is there, when that is one of its two outcomes.
    match in_flight {
        Some(InFlight::Add(st)) => {
            let extra: Vec<(&i64, &SpanState)> =
                got.spans.iter().filter(|(id, _)| !model.spans.contains_key(id)).collect();
            if let [(id, s)] = extra.as_slice() {
                if *s == st {
                    want.spans.insert(**id, st.clone());
                    started(&mut want.status, st.article);
                }
            }
        }
        Some(InFlight::Update(id, after)) if got.spans.get(id) == Some(after) => {
            want.spans.insert(*id, after.clone());
        }
        Some(InFlight::Delete(id)) if !got.spans.contains_key(id) => {
            want.spans.remove(id);
        }
        Some(InFlight::Status(a, s)) if got.status.get(a) == Some(s) => {
            want.status.insert(*a, s.clone());
        }
        _ => {}
    }
    if got.spans != want.spans || got.status != want.status {
        let lost: Vec<_> =
            want.spans.iter().filter(|(id, s)| got.spans.get(id) != Some(s)).collect();
        let extra: Vec<_> =
            got.spans.iter().filter(|(id, s)| want.spans.get(id) != Some(s)).collect();
        return Err(format!(
            "stored annotations differ from the acknowledged ones (in flight: {in_flight:?}); \
             acknowledged but missing or different: {lost:?}; stored but never acknowledged: {extra:?}; \
             statuses acknowledged {:?}, stored {:?}",
            want.status, got.status
        ));
    }
    Ok(got)
}

/// A small project to annotate (`work.hashiya` in `dir`): six articles and their word ranges.
pub fn project(rng: &mut StdRng, dir: &Path) -> (PathBuf, Articles) {
    let mut lines = String::new();
    let mut ranges = Vec::new();
    for i in 0..6 {
        let (text, r) = super::corpus::article(rng, &format!("w-{i}"), 60);
        lines.push_str(&json!({"id": format!("w-{i}"), "text": text}).to_string());
        lines.push('\n');
        ranges.push(r);
    }
    let src = dir.join("work.jsonl");
    std::fs::write(&src, lines).expect("write");
    let db = dir.join("work.hashiya");
    assert!(super::hashiya(&["--db", super::s(&db), "import", super::s(&src)]).status.success());
    let conn = super::read(&db);
    let arts = ranges
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            (
                conn.query_row(
                    "SELECT id FROM articles WHERE ext_id = ?1",
                    [format!("w-{i}")],
                    |row| row.get(0),
                )
                .expect("article id"),
                r,
            )
        })
        .collect();
    (db, Articles(arts))
}
