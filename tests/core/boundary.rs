//! The span-edge rule on Persian and Arabic text full of ZWNJ and with emoji ZWJ sequences: the
//! shared table `tests/cases/edges.json` (the UI's vitest reads the same), spans through the API
//! and imports from other tools, and the tokens of the export.

use std::path::Path;

use hashiya::api::dispatch;
use hashiya::import::{self, ImportOptions};
use hashiya::text::{self, CharIndex};
use hashiya::tokenize::{tokenize, Options};
use hashiya::Store;
use serde_json::{json, Value};

fn cases() -> Vec<(String, String, Vec<usize>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/edges.json");
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
    doc["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| {
            let edges = c["edges"].as_array().expect("edges");
            (
                c["name"].as_str().expect("name").to_string(),
                c["text"].as_str().expect("text").to_string(),
                edges.iter().map(|e| e.as_u64().expect("edge") as usize).collect(),
            )
        })
        .collect()
}

#[test]
fn the_shared_edge_table() {
    let cases = cases();
    assert!(cases.len() >= 10);
    for (name, t, want) in cases {
        assert_eq!(text::edges(&t), want, "{name}");
        let idx = CharIndex::new(&t);
        for cp in 0..=idx.len() {
            assert_eq!(idx.is_edge(cp), want.contains(&cp), "{name} at {cp}");
        }
        // Every token of the export starts and ends on an edge.
        for t2 in tokenize(&t, Options::default()) {
            assert!(want.contains(&t2.start) && want.contains(&t2.end), "{name}: {t2:?}");
        }
    }
}

/// Code points of `needle`'s first occurrence in `hay`.
fn at(hay: &str, needle: &str) -> (usize, usize) {
    let b = hay.find(needle).expect("needle");
    let s = hay[..b].chars().count();
    (s, s + needle.chars().count())
}

#[test]
fn labels_stop_at_a_zwnj_and_emoji_sequences_stay_whole() {
    let text = "گفت: من می\u{200c}خواهم به خبرگزاری\u{200c}ها بروم. المبرمجة👩🏽\u{200d}💻ليلى في الرياض\u{200c}، ثم ❤\u{fe0f}\u{200d}🔥";
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("fa.txt");
    std::fs::write(&file, text).expect("write");
    let mut store = Store::open_in_memory().expect("open");
    import::import_paths(&mut store, &[file], &ImportOptions::default()).expect("import");
    let add = |store: &mut Store, (s, e): (usize, usize)| {
        dispatch(
            store,
            "add_span",
            json!({"article_id": 1, "start": s, "end": e, "label": "ORG", "annotator": "salma"}),
        )
    };
    // Ends just before a ZWNJ: valid (the whole record used to be refused for this).
    for needle in ["می", "خبرگزاری", "الرياض", "ليلى"] {
        add(&mut store, at(text, needle)).unwrap_or_else(|e| panic!("{needle}: {e:?}"));
    }
    // Inside an emoji ZWJ sequence, or between a letter and its harakat: refused with the reason.
    let (s, _) = at(text, "👩🏽");
    let err = add(&mut store, (s, s + 2)).expect_err("inside an emoji sequence");
    assert!(err.message.contains("inside a character cluster"), "{}", err.message);
    let (s, _) = at(text, "❤");
    assert!(add(&mut store, (s, s + 1)).is_err());
    assert!(add(&mut store, (s, s + 4)).is_ok());

    // An exported span ending at the ZWNJ of خبرگزاری‌ها stays where it is in jsonl, and the
    // token formats keep the word one token (ask --misaligned for a part of it).
    let o = hashiya::export::ExportOptions {
        format: hashiya::export::Format::Conll,
        misaligned: hashiya::export::Misaligned::Split,
        ..Default::default()
    };
    let mut buf = Vec::new();
    hashiya::export::export_with(store.conn(), &o, &mut buf).expect("export");
    let conll = String::from_utf8(buf).expect("utf8");
    assert!(conll.contains("خبرگزاری B-ORG\n\u{200c}ها O\n"), "{conll}");
    assert!(conll.contains("می B-ORG\n\u{200c}خواهم O\n"), "{conll}");
    assert!(
        conll.contains("الرياض B-ORG\n"),
        "the trailing ZWNJ is no part of the token:\n{conll}"
    );
}

#[test]
fn persian_words_with_zwnj_are_one_token() {
    let text = "من می\u{200c}خواهم خبرگزاری\u{200c}ها را ببینم\u{200c}.";
    let chars: Vec<char> = text.chars().collect();
    let words: Vec<String> = tokenize(text, Options::default())
        .iter()
        .map(|t| chars[t.start..t.end].iter().collect())
        .collect();
    assert_eq!(words, ["من", "می\u{200c}خواهم", "خبرگزاری\u{200c}ها", "را", "ببینم", "."]);
}

/// A Prodigy file: one record whose span ends between a letter and its haraka (كَتَبَ → كَتَب),
/// one whose span stops at a ZWNJ (valid), one plain.
fn prodigy_file(dir: &Path) -> std::path::PathBuf {
    let recs = [
        json!({"text": "كَتَبَ الوزير في الرباط", "answer": "accept",
               "spans": [{"start": 0, "end": 5, "label": "EVENT"}, {"start": 17, "end": 23, "label": "LOC"}]}),
        json!({"text": "خبرگزاری\u{200c}ها گزارش دادند", "answer": "accept",
               "spans": [{"start": 0, "end": 8, "label": "ORG"}]}),
        json!({"text": "زار الوفد طنجة", "answer": "accept",
               "spans": [{"start": 10, "end": 14, "label": "LOC"}]}),
    ];
    let path = dir.join("prodigy.jsonl");
    let body: Vec<String> = recs.iter().map(|r| r.to_string()).collect();
    std::fs::write(&path, body.join("\n") + "\n").expect("write");
    path
}

#[test]
fn import_misaligned_rejects_expands_or_skips() {
    use hashiya::import::Misaligned;
    let dir = tempfile::tempdir().expect("tmp");
    let file = prodigy_file(dir.path());
    let run = |m: Misaligned| {
        let mut store = Store::open_in_memory().expect("open");
        let opts = ImportOptions { misaligned: m, ..Default::default() };
        let r =
            import::import_paths(&mut store, std::slice::from_ref(&file), &opts).expect("import");
        let spans: Vec<String> = store
            .conn()
            .prepare("SELECT l.name || ':' || s.start || '-' || s.end FROM spans s JOIN labels l ON l.id = s.label_id ORDER BY s.article_id, s.start")
            .expect("sql")
            .query_map([], |r| r.get(0))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("spans");
        (r, spans)
    };
    // Default: that record is rejected with the span named; the ZWNJ record is not.
    let (r, spans) = run(Misaligned::Reject);
    assert_eq!((r.imported_total(), r.rejected.len()), (2, 1));
    assert_eq!(r.rejected[0].line, Some(1));
    assert!(r.rejected[0].reason.contains("span #1 [0, 5) EVENT"), "{}", r.rejected[0].reason);
    assert!(
        r.rejected[0].reason.contains("inside a character cluster"),
        "{}",
        r.rejected[0].reason
    );
    assert_eq!(spans, ["ORG:0-8", "LOC:10-14"]);
    assert_eq!((r.spans_expanded, r.spans_skipped), (0, 0));
    // Expand: the span takes its haraka; everything else as written.
    let (r, spans) = run(Misaligned::Expand);
    assert_eq!((r.imported_total(), r.rejected.len()), (3, 0));
    assert_eq!((r.spans_expanded, r.spans_skipped), (1, 0));
    assert_eq!(spans, ["EVENT:0-6", "LOC:17-23", "ORG:0-8", "LOC:10-14"]);
    // Skip: the span is left out and listed; the rest of its record comes in.
    let (r, spans) = run(Misaligned::Skip);
    assert_eq!((r.imported_total(), r.rejected.len()), (3, 0));
    assert_eq!((r.spans_expanded, r.spans_skipped), (0, 1));
    assert!(r.left_out.iter().any(|x| x.line == Some(1) && x.reason.contains("[0, 5) EVENT")));
    assert_eq!(spans, ["LOC:17-23", "ORG:0-8", "LOC:10-14"]);
}

#[test]
fn import_misaligned_on_the_command_line_and_the_api() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = prodigy_file(dir.path());
    let db = dir.path().join("p.hashiya");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .arg("--db")
        .arg(&db)
        .args(["import", "--misaligned", "expand"])
        .arg(&file)
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("1 expanded to its edges, 0 left out"), "{stdout}");

    let mut store = Store::open_in_memory().expect("open");
    let body = std::fs::read_to_string(&file).expect("read");
    let req = json!({"files": [{"name": "prodigy.jsonl", "content": body}], "misaligned": "skip"});
    let r = dispatch(&mut store, "import_files", req).expect("import");
    assert_eq!(r["spans_skipped"], 1, "{r:#}");
    let bad = json!({"files": [], "misaligned": "split"});
    assert!(dispatch(&mut store, "import_files", bad).is_err());
}
