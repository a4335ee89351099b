//! Property tests of every importer on bad input: random bytes under every `--format` (and detected
//! from the name), and random CoNLL-like garbage. No panic, no hang, and whatever is stored keeps the
//! invariants (spans inside the text, on grapheme boundaries). `PROPTEST_CASES=20000` for a long run.

use crate::fuzz;

use std::time::Duration;

use hashiya::import::{import_bytes, Format, ImportOptions, ImportReport, FORMAT_NAMES};
use hashiya::Store;
use proptest::prelude::*;

fn store() -> Store {
    Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"))
}

/// Import `bytes` as `name` with `opts` into `store`, then check everything stored so far.
fn import_and_check(
    store: &mut Store,
    name: &str,
    bytes: &[u8],
    opts: &ImportOptions,
) -> ImportReport {
    let mut report = ImportReport::default();
    import_bytes(store, name, bytes, opts, &mut report)
        .unwrap_or_else(|e| panic!("the project failed on bad input: {e}"));
    let conn = store.conn();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(check, "ok");
    let mut st = conn
        .prepare("SELECT a.text, a.char_len, s.start, s.end FROM spans s JOIN articles a ON a.id = s.article_id")
        .unwrap_or_else(|e| panic!("{e}"));
    let rows: Vec<(String, i64, i64, i64)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .and_then(|rows| rows.collect())
        .unwrap_or_else(|e| panic!("{e}"));
    for (text, char_len, start, end) in rows {
        assert_eq!(char_len as usize, text.chars().count());
        hashiya::text::check_span(&text, start as usize, end as usize)
            .unwrap_or_else(|e| panic!("a stored span breaks the invariants: {e}"));
    }
    for r in &report.rejected {
        assert_eq!(r.file, name);
        assert!(!r.reason.trim().is_empty());
    }
    report
}

/// Every way a file's format is chosen: forced with `--format`, or detected from these names.
fn formats() -> Vec<(String, Option<Format>)> {
    let mut out: Vec<(String, Option<Format>)> =
        FORMAT_NAMES.iter().map(|n| ("f.dat".to_string(), Format::parse(n))).collect();
    for name in
        ["a.txt", "a.jsonl", "a.json", "a.conll", "a.iob", "a.bioes", "a.csv", "a.tsv", "a.html"]
    {
        out.push((name.to_string(), None));
    }
    out
}

/// Bytes with a chance of a BOM, UTF-16, or Windows-1256 Arabic in front.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    let prefix = prop_oneof![
        Just(vec![]),
        Just(vec![0xEF, 0xBB, 0xBF]),
        Just(vec![0xFF, 0xFE]),
        Just(vec![0xFE, 0xFF]),
        Just(vec![0xC7, 0xE1, 0xD1, 0xC8])
    ];
    (prefix, proptest::collection::vec(any::<u8>(), 0..600)).prop_map(|(p, b)| [p, b].concat())
}

const TOKENS: &[&str] =
    &["الرباط", "FBI", "وَ", "😀", "-DOCSTART-", "", " ", "\t", "x\u{200D}", "٣", "\r"];
const TAGS: &[&str] = &[
    "O", "B-PER", "I-PER", "E-PER", "S-LOC", "L-ORG", "U-ORG", "B-", "I", "-X", "B_GPE", "I-GPE",
    "B-شخص", "??", "O O",
];

/// CoNLL-like lines: tokens with 0-3 tag columns of valid and invalid tags, blank lines, documents.
fn conll_text() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        6 => (proptest::sample::select(TOKENS), proptest::collection::vec(proptest::sample::select(TAGS), 0..4))
            .prop_map(|(t, tags)| format!("{t} {}", tags.join(" "))),
        1 => Just(String::new()),
        1 => Just("-DOCSTART- O".to_string()),
        1 => fuzz::tricky(12),
    ];
    (proptest::collection::vec(line, 0..60), any::<bool>())
        .prop_map(|(lines, crlf)| lines.join(if crlf { "\r\n" } else { "\n" }))
}

const KEYS: &[&str] = &[
    "text",
    "id",
    "title",
    "label",
    "labels",
    "spans",
    "start",
    "end",
    "token_start",
    "token_end",
    "tokens",
    "annotations",
    "result",
    "value",
    "data",
    "meta",
    "answer",
    "annotator",
    "entities",
    "type",
    "from_name",
    "completed_by",
    "ws",
    "tags",
];

/// JSON shaped like the tools' records (doccano, Label Studio, Prodigy, native): their keys, with
/// values of the wrong type, negative or huge offsets, tricky text, nesting.
fn json_like() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        (-3i64..40).prop_map(|n| serde_json::json!(n)),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        Just(serde_json::json!(1.5)),
        fuzz::tricky(12).prop_map(serde_json::Value::String),
        proptest::sample::select(&["PER", "B-LOC", "accept", "reject", "O"][..])
            .prop_map(|s| serde_json::json!(s)),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::Array),
            proptest::collection::vec((proptest::sample::select(KEYS), inner), 0..6).prop_map(
                |kv| serde_json::Value::Object(
                    kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
                )
            ),
        ]
    })
}

/// Nearly valid records of each tool: real shapes, random offsets (negative, past the end, inside
/// a surrogate pair or a grapheme cluster), random labels and answers.
fn tool_records() -> impl Strategy<Value = (String, String)> {
    let span =
        (-2i64..50, -2i64..50, proptest::sample::select(&["PER", "LOC", "", " ", "شخص"][..]));
    (0usize..3, fuzz::tricky(30), proptest::collection::vec(span, 0..5), proptest::sample::select(&["accept", "reject", "ignore", "?"][..])).prop_map(
        |(tool, text, spans, answer)| match tool {
            0 => {
                let label: Vec<_> = spans.iter().map(|(s, e, l)| serde_json::json!([s, e, l])).collect();
                ("doccano".to_string(), serde_json::json!({"text": text, "label": label}).to_string())
            }
            1 => {
                let result: Vec<_> = spans
                    .iter()
                    .map(|(s, e, l)| serde_json::json!({"type": "labels", "from_name": "label", "value": {"start": s, "end": e, "labels": [l]}}))
                    .collect();
                let rec = serde_json::json!({"data": {"text": text}, "annotations": [{"completed_by": 1, "result": result}]});
                ("labelstudio".to_string(), serde_json::Value::Array(vec![rec]).to_string())
            }
            _ => {
                let spans: Vec<_> = spans.iter().map(|(s, e, l)| serde_json::json!({"start": s, "end": e, "label": l})).collect();
                ("prodigy".to_string(), serde_json::json!({"text": text, "spans": spans, "answer": answer}).to_string())
            }
        },
    )
}

proptest! {
    #![proptest_config(fuzz::config(192))]

    #[test]
    fn random_bytes_under_every_format(b in bytes()) {
        fuzz::bounded(Duration::from_secs(20), move || {
            let mut store = store();
            for (name, format) in formats() {
                let opts = ImportOptions { format, annotator: Some("fuzz".into()), ..Default::default() };
                import_and_check(&mut store, &name, &b, &opts);
            }
        });
    }

    #[test]
    fn tool_json_garbage_never_panics(records in proptest::collection::vec(json_like(), 1..6), array in any::<bool>()) {
        fuzz::bounded(Duration::from_secs(20), move || {
            let text = if array {
                serde_json::Value::Array(records).to_string()
            } else {
                records.iter().map(|r| r.to_string()).collect::<Vec<_>>().join("\n")
            };
            let mut store = store();
            for name in ["f.dat"] {
                for format in ["jsonl", "doccano", "labelstudio", "prodigy"] {
                    let opts = ImportOptions { format: Format::parse(format), ..Default::default() };
                    import_and_check(&mut store, name, text.as_bytes(), &opts);
                }
            }
            for name in ["a.json", "a.jsonl"] {
                import_and_check(&mut store, name, text.as_bytes(), &ImportOptions::default());
            }
        });
    }

    #[test]
    fn tool_records_with_random_offsets_never_break_invariants(recs in proptest::collection::vec(tool_records(), 1..5), utf16 in any::<bool>()) {
        fuzz::bounded(Duration::from_secs(20), move || {
            let mut store = store();
            for (tool, content) in &recs {
                let offsets = Some(if utf16 { hashiya::import::OffsetUnit::Utf16 } else { hashiya::import::OffsetUnit::Codepoint });
                let opts = ImportOptions { format: Format::parse(tool), offsets, ..Default::default() };
                import_and_check(&mut store, "t.dat", content.as_bytes(), &opts);
                import_and_check(&mut store, "t.json", content.as_bytes(), &ImportOptions::default());
            }
        });
    }

    #[test]
    fn conll_garbage_never_panics(text in conll_text(), per in proptest::option::of(1usize..4), columns in any::<bool>()) {
        fuzz::bounded(Duration::from_secs(20), move || {
            let mut store = store();
            for (name, format) in [("g.conll", None), ("g.txt", None), ("g.dat", Format::parse("conll"))] {
                let opts = ImportOptions { format, sentences_per_article: per, columns_as_annotators: columns, ..Default::default() };
                import_and_check(&mut store, name, text.as_bytes(), &opts);
            }
        });
    }
}

/// A UTF-8 Arabic file with one stray byte must not be read as Windows-1256: every Arabic letter would
/// silently become two others ("ظˆطµظ„…"). It is rejected with the bad byte's line instead.
#[test]
fn utf8_arabic_with_one_bad_byte_is_not_read_as_windows_1256() {
    let line =
        "وصلَ المديرُ العام إلى الرباط يوم الأحد والتقى عبد اللطيف حموشي في مقر المديرية\n".repeat(3);
    let bytes = [line.as_bytes(), b"\xff", line.as_bytes()].concat();
    let mut store = store();
    let report = import_and_check(&mut store, "a.txt", &bytes, &ImportOptions::default());
    let mut st =
        store.conn().prepare("SELECT text FROM articles").unwrap_or_else(|e| panic!("{e}"));
    let stored: Vec<String> =
        st.query_map([], |r| r.get(0)).and_then(|r| r.collect()).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        report.rejected.len() == 1 || stored.iter().all(|t| t.contains("الرباط")),
        "imported as {:?}: {:?}",
        report.imported.first().map(|a| a.encoding.clone()),
        stored.first().map(|t| t.chars().take(20).collect::<String>())
    );
}
