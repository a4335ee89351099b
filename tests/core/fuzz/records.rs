//! Random native JSONL records, valid by construction (spans on grapheme boundaries), in the
//! canonical order an export writes them, and ways to break one.

use hashiya::native::{NativeRecord, NativeSpan, NativeStatus, NativeTag};
use proptest::prelude::*;
use proptest::sample::Index;

const SPAN_LABELS: &[&str] =
    &["PER", "ORG", "LOC", "EVENT", "DATE", "شخص", "<b>X</b>", "NEW_LABEL"];
const TAG_LABELS: &[&str] = &["security", "politics", "اقتصاد", "<img src=x onerror=alert(1)>"];
const ANNOTATORS: &[&str] = &["salma", "karim", "سلمى", "o'brien"];
const STATUSES: &[&str] = &["todo", "in_progress", "done"];

fn time() -> impl Strategy<Value = String> {
    (2000u32..2031, 1u32..13, 1u32..29, 0u32..24, 0u32..60, 0u32..60, 0u32..1000).prop_map(
        |(y, mo, d, h, mi, s, ms)| format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{ms:03}Z"),
    )
}

fn meta() -> impl Strategy<Value = serde_json::Map<String, serde_json::Value>> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        super::tricky(8).prop_map(serde_json::Value::String),
    ];
    let value = leaf.prop_recursive(2, 8, 3, |inner| {
        proptest::collection::vec(inner, 0..3).prop_map(serde_json::Value::Array)
    });
    proptest::collection::btree_map(super::tricky(4), value, 0..3)
        .prop_map(|m| m.into_iter().collect())
}

type RawSpan = (Index, Index, usize, usize, String, String);

/// A valid record whose text is `base` + `\t#` + a unique key, added by [`with_key`].
pub fn record() -> impl Strategy<Value = NativeRecord> {
    let spans = proptest::collection::vec(
        (
            any::<Index>(),
            any::<Index>(),
            0..SPAN_LABELS.len(),
            0..ANNOTATORS.len(),
            super::tricky(6),
            time(),
        ),
        0..6,
    );
    let tags = proptest::collection::vec((0..TAG_LABELS.len(), 0..ANNOTATORS.len(), time()), 0..3);
    let status = proptest::collection::vec((0..ANNOTATORS.len(), 0..STATUSES.len(), time()), 0..3);
    let fields = (super::tricky(6), super::tricky(6), super::tricky(4), super::tricky(4), meta());
    (super::tricky(40), spans, tags, status, fields).prop_map(
        |(text, spans, tags, status, (title, source, url, published_at, meta))| {
            build(text, spans, tags, status, title, source, url, published_at, meta)
        },
    )
}

#[allow(clippy::too_many_arguments)]
fn build(
    text: String,
    raw: Vec<RawSpan>,
    tags: Vec<(usize, usize, String)>,
    status: Vec<(usize, usize, String)>,
    title: String,
    source: String,
    url: String,
    published_at: String,
    meta: serde_json::Map<String, serde_json::Value>,
) -> NativeRecord {
    let bounds = hashiya::text::edges(&text);
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<NativeSpan> = Vec::new();
    for (a, b, label, who, note, created_at) in raw {
        let (x, y) = (bounds[a.index(bounds.len())], bounds[b.index(bounds.len())]);
        let (start, end) = (x.min(y), x.max(y));
        let (label, who) = (SPAN_LABELS[label].to_string(), ANNOTATORS[who].to_string());
        if start == end
            || spans.iter().any(|s| {
                (s.start, s.end, &s.label, &s.annotator)
                    == (start as i64, end as i64, &label, &Some(who.clone()))
            })
        {
            continue;
        }
        spans.push(NativeSpan {
            start: start as i64,
            end: end as i64,
            label,
            text: Some(chars[start..end].iter().collect()),
            annotator: Some(who),
            note: Some(note),
            created_at: Some(created_at),
            ..Default::default()
        });
    }
    spans.sort_by(|a, b| {
        (a.start, a.end, &a.annotator, &a.label).cmp(&(b.start, b.end, &b.annotator, &b.label))
    });
    let mut tags: Vec<NativeTag> = tags
        .into_iter()
        .map(|(l, w, t)| NativeTag {
            label: TAG_LABELS[l].to_string(),
            annotator: Some(ANNOTATORS[w].to_string()),
            created_at: Some(t),
        })
        .collect();
    tags.sort_by(|a, b| (&a.annotator, &a.label).cmp(&(&b.annotator, &b.label)));
    tags.dedup_by(|a, b| (&a.annotator, &a.label) == (&b.annotator, &b.label));
    let mut status: Vec<NativeStatus> = status
        .into_iter()
        .map(|(w, s, t)| NativeStatus {
            annotator: ANNOTATORS[w].to_string(),
            status: STATUSES[s].to_string(),
            updated_at: Some(t),
        })
        .collect();
    status.sort_by(|a, b| a.annotator.cmp(&b.annotator));
    status.dedup_by(|a, b| a.annotator == b.annotator);
    NativeRecord {
        id: None,
        title: Some(format!("t {title}")),
        text,
        source: Some(source),
        url: Some(url),
        published_at: Some(published_at),
        meta: Some(meta),
        tags,
        spans,
        status,
        relations: Vec::new(),
    }
}

/// The record with a unique text and id. A tab is a grapheme break, so the spans stay on boundaries.
pub fn with_key(mut r: NativeRecord, key: usize) -> NativeRecord {
    r.text.push_str(&format!("\t#{key}"));
    r.id = Some(format!("id-{key}"));
    r
}

pub fn line(r: &NativeRecord) -> String {
    serde_json::to_string(r).unwrap_or_else(|e| panic!("serialise: {e}"))
}

/// Ways to break a record so that its line must be rejected (`None` if this record cannot be broken so).
pub fn broken(mut r: NativeRecord, how: usize) -> Option<String> {
    let len = r.text.chars().count() as i64;
    let new_label_first = NativeSpan {
        start: 0,
        end: len,
        label: "ONLY_IN_A_REJECTED_LINE".into(),
        text: Some(r.text.clone()),
        annotator: Some("ghost".into()),
        note: None,
        created_at: None,
        ..Default::default()
    };
    let mut bad = NativeSpan {
        start: 0,
        end: len,
        label: "PER".into(),
        text: None,
        annotator: Some("salma".into()),
        note: None,
        created_at: None,
        ..Default::default()
    };
    match how % 10 {
        0 => bad.start = -1,
        1 => bad.end = len + 1,
        2 => bad.start = len,
        3 => bad.text = Some(format!("{}x", r.text)),
        4 => bad.label = " ".into(),
        5 => bad.annotator = None,
        6 => bad.created_at = Some("yesterday".into()),
        7 => {
            // An edge inside a grapheme cluster, if the text has one of several code points.
            let bounds = hashiya::text::edges(&r.text);
            let inside = (1..len as usize).find(|cp| !bounds.contains(cp))?;
            bad.end = inside as i64;
        }
        8 => r.status.push(NativeStatus {
            annotator: "salma".into(),
            status: "finished".into(),
            updated_at: None,
        }),
        _ => r.text.clear(),
    }
    r.spans.insert(0, new_label_first);
    if how % 10 != 8 && how % 10 != 9 {
        r.spans.push(bad);
    }
    Some(line(&r))
}
