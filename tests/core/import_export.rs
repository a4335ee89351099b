//! Import and export through the core: per-line rejections, duplicates, atomicity, round trips.

use std::path::PathBuf;

use crate::common::{cp_range, native_line, TRICKY};
use hashiya::export;
use hashiya::import::{self, import_jsonl_str, ImportOptions};
use hashiya::native::NativeRecord;
use hashiya::{articles, Store};

fn opts(who: Option<&str>) -> ImportOptions {
    ImportOptions { annotator: who.map(str::to_string), ..Default::default() }
}

fn export_string(store: &Store) -> String {
    let mut buf = Vec::new();
    export::export_to(store.conn(), "jsonl", &mut buf).expect("export");
    String::from_utf8(buf).expect("utf8")
}

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&p, bytes).expect("write");
    p
}

#[test]
fn text_folder_import_reports_imported_duplicate_and_rejected() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a.txt", "\u{feff}عنوان الخبر\r\nنص الخبر عن FBI و 2030.".as_bytes());
    write(dir.path(), "sub/b.txt", "  \n\nخبر ثانٍ\nنص".as_bytes());
    write(
        dir.path(),
        "sub/copy-of-a.txt",
        "\u{feff}عنوان الخبر\r\nنص الخبر عن FBI و 2030.".as_bytes(),
    );
    write(dir.path(), "empty.txt", b"   \n");
    write(dir.path(), "latin1.txt", b"line one\nbad \xff byte\n");
    write(dir.path(), "notes.pdf", b"%PDF");
    let mut store = Store::open_in_memory().expect("open");
    let report =
        import::import_paths(&mut store, &[dir.path().to_path_buf()], &opts(None)).expect("import");

    assert_eq!(report.imported.len(), 2, "{report:#?}");
    assert_eq!(report.duplicates.len(), 1);
    assert!(report.duplicates[0].file.ends_with("sub/copy-of-a.txt"));
    assert_eq!(report.rejected.len(), 2);
    let latin =
        report.rejected.iter().find(|r| r.file.ends_with("latin1.txt")).expect("latin1 rejected");
    assert_eq!(latin.line, Some(2));
    assert!(latin.reason.contains("UTF-8"));
    assert!(report
        .rejected
        .iter()
        .any(|r| r.file.ends_with("empty.txt") && r.reason.contains("empty")));
    assert_eq!(report.skipped_files.len(), 1);

    // BOM dropped, \r\n kept, first non-empty line is the title.
    let a = articles::get(store.conn(), report.imported[0].article_id).expect("get");
    assert_eq!(a.text, "عنوان الخبر\r\nنص الخبر عن FBI و 2030.");
    assert_eq!(a.title, "عنوان الخبر");
    let b = articles::get(store.conn(), report.imported[1].article_id).expect("get");
    assert_eq!(b.title, "خبر ثانٍ");
    assert_eq!(b.text, "  \n\nخبر ثانٍ\nنص");

    // Importing the same folder again changes nothing.
    let before = export_string(&store);
    let again =
        import::import_paths(&mut store, &[dir.path().to_path_buf()], &opts(None)).expect("import");
    assert_eq!(again.imported.len(), 0);
    assert_eq!(again.duplicates.len(), 3);
    assert_eq!(export_string(&store), before);
}

#[test]
fn jsonl_rejects_bad_lines_with_line_numbers_and_keeps_the_rest() {
    let (s, e) = cp_range(TRICKY, "حموشي");
    let good = native_line(TRICKY, &[(s, e, "PER", "salma")]);
    // UTF-16 offsets after the emoji are one too far: the span text check catches it.
    let u16_start = TRICKY[..TRICKY.find("حموشي").unwrap_or(0)].encode_utf16().count();
    let utf16_mistake = serde_json::json!({"text": "😀 حموشي في الرباط", "spans": [{"start": 3, "end": 8, "label": "PER", "text": "حموشي", "annotator": "x"}]}).to_string();
    let past_end = serde_json::json!({"text": "قصير", "spans": [{"start": 0, "end": 9, "label": "PER", "annotator": "x"}]}).to_string();
    let inverted = serde_json::json!({"text": "نص آخر", "spans": [{"start": 3, "end": 1, "label": "PER", "annotator": "x"}]}).to_string();
    let truncated = r#"{"text": "نص مبتور", "spans": [{"start": 0"#;
    let no_text = r#"{"title": "x"}"#;
    let no_annotator = serde_json::json!({"text": "نص بلا محلل", "spans": [{"start": 0, "end": 2, "label": "PER"}]}).to_string();
    let harakat_split = serde_json::json!({"text": "وصلَ", "spans": [{"start": 0, "end": 3, "label": "PER", "annotator": "x"}]}).to_string();
    let new_label = serde_json::json!({"text": "وزارة الداخلية", "spans": [{"start": 0, "end": 14, "label": "GOV", "annotator": "x"}]}).to_string();
    // Offsets in some other wrong unit: the span text check still catches them.
    let shifted = serde_json::json!({"text": "قال حموشي أمس", "spans": [{"start": 5, "end": 10, "label": "PER", "text": "حموشي", "annotator": "x"}]}).to_string();
    let lines = [
        good.as_str(),
        &utf16_mistake,
        &past_end,
        "",
        &inverted,
        truncated,
        no_text,
        &no_annotator,
        &harakat_split,
        &new_label,
        &shifted,
    ];
    let content = lines.join("\n");

    let mut store = Store::open_in_memory().expect("open");
    let report =
        import_jsonl_str(&mut store, "batch.jsonl", &content, &opts(None)).expect("import");
    let rejected: Vec<(i64, &str)> =
        report.rejected.iter().map(|r| (r.line.unwrap_or(0), r.reason.as_str())).collect();
    assert_eq!(
        rejected.iter().map(|r| r.0).collect::<Vec<_>>(),
        vec![2, 3, 5, 6, 7, 8, 9, 11],
        "{rejected:#?}"
    );
    assert!(rejected[0].1.contains("the offsets count UTF-16 code units"), "{}", rejected[0].1);
    assert!(rejected[1].1.contains("past the end"));
    assert!(rejected[2].1.contains("inverted"));
    assert!(rejected[3].1.contains("not a valid article record"));
    assert!(rejected[5].1.contains("--annotator"));
    assert!(rejected[6].1.contains("cluster"));
    assert!(rejected[7].1.contains("differs from the article text"), "{}", rejected[7].1);
    assert!(u16_start > s, "the fixture has an astral character before the name");

    assert_eq!(report.imported.len(), 2);
    assert_eq!(report.spans_added, 2);
    assert_eq!(report.labels_added, vec!["GOV".to_string()]);
    // Rejected lines wrote nothing: only the two good articles exist.
    assert_eq!(articles::count(store.conn()).expect("count"), 2);
}

#[test]
fn default_annotator_fills_in_and_unknown_tag_labels_are_added() {
    let line = serde_json::json!({"text": "نص", "spans": [{"start": 0, "end": 2, "label": "PER"}], "tags": [{"label": "culture"}]}).to_string();
    let mut store = Store::open_in_memory().expect("open");
    let report =
        import_jsonl_str(&mut store, "x.jsonl", &line, &opts(Some("nadia"))).expect("import");
    assert!(report.rejected.is_empty(), "{report:#?}");
    assert_eq!(report.labels_added, vec!["culture".to_string()]);
    let rec: NativeRecord = serde_json::from_str(export_string(&store).trim()).expect("parse");
    assert_eq!(rec.spans[0].annotator.as_deref(), Some("nadia"));
    assert_eq!(rec.tags[0].annotator.as_deref(), Some("nadia"));
}

#[test]
fn export_import_export_is_lossless_and_reimport_is_a_no_op() {
    let mut store = Store::open_in_memory().expect("open");
    hashiya::demo::fill(&mut store).expect("demo");
    let (s, e) = cp_range(TRICKY, "عبد اللطيف حموشي");
    let (s2, e2) = cp_range(TRICKY, "DGSN");
    let extra = native_line(TRICKY, &[(s, e, "PER", "salma"), (s2, e2, "ORG", "karim")]);
    let report = import_jsonl_str(&mut store, "extra.jsonl", &extra, &opts(None)).expect("import");
    assert!(report.rejected.is_empty(), "{report:#?}");
    let first = export_string(&store);
    assert!(first.lines().count() >= 5);

    let mut fresh = Store::open_in_memory().expect("open");
    let r = import_jsonl_str(&mut fresh, "first.jsonl", &first, &opts(None)).expect("import");
    assert!(r.rejected.is_empty(), "{r:#?}");
    let second = export_string(&fresh);
    assert_eq!(first, second, "export → import → export must be identical");

    let r = import_jsonl_str(&mut fresh, "first.jsonl", &first, &opts(None)).expect("import");
    assert_eq!((r.imported.len(), r.spans_added, r.tags_added), (0, 0, 0));
    assert_eq!(export_string(&fresh), second);

    // Every exported span slices out of its text by code points (what Python does).
    for line in first.lines() {
        let rec: NativeRecord = serde_json::from_str(line).expect("parse");
        let chars: Vec<char> = rec.text.chars().collect();
        for sp in &rec.spans {
            let sliced: String = chars[sp.start as usize..sp.end as usize].iter().collect();
            assert_eq!(Some(sliced), sp.text);
        }
    }
}

#[test]
fn another_analysts_file_adds_their_work_and_overwrites_nothing() {
    let (s, e) = cp_range(TRICKY, "حموشي");
    let mut store = Store::open_in_memory().expect("open");
    import_jsonl_str(
        &mut store,
        "salma.jsonl",
        &native_line(TRICKY, &[(s, e, "PER", "salma")]),
        &opts(None),
    )
    .expect("import");
    // Karim labelled the same text differently (same article by content hash, other id).
    let karim = native_line(TRICKY, &[(s, e, "ORG", "karim")])
        .replace("\"id\":\"a1\"", "\"id\":\"other-project-7\"");
    let r = import_jsonl_str(&mut store, "karim.jsonl", &karim, &opts(None)).expect("import");
    assert_eq!((r.imported.len(), r.duplicates.len(), r.spans_added), (0, 1, 1));
    let rec: NativeRecord = serde_json::from_str(export_string(&store).trim()).expect("parse");
    let got: Vec<(&str, &str)> = rec
        .spans
        .iter()
        .map(|s| (s.annotator.as_deref().unwrap_or(""), s.label.as_str()))
        .collect();
    assert_eq!(got, vec![("karim", "ORG"), ("salma", "PER")]);
    assert_eq!(rec.id.as_deref(), Some("a1"), "the first id is kept");
}

#[test]
fn export_to_file_is_atomic_and_leaves_no_partial_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open_in_memory().expect("open");
    hashiya::demo::fill(&mut store).expect("demo");
    let out = dir.path().join("out.jsonl");
    let counts = export::export_to_file(store.conn(), "jsonl", &out).expect("export");
    assert_eq!(counts.articles, 4);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["out.jsonl".to_string()]);
    let err = export::export_to_file(store.conn(), "nope", &dir.path().join("x"))
        .expect_err("unknown format");
    assert!(err.to_string().contains("unknown export format"));
    assert!(!dir.path().join("x").exists());
    assert_eq!(std::fs::read_dir(dir.path()).expect("ls").count(), 1);
}

#[test]
fn demo_corpus_is_well_formed() {
    let mut store = Store::open_in_memory().expect("open");
    hashiya::demo::fill(&mut store).expect("demo");
    hashiya::demo::fill(&mut store).expect("idempotent");
    let out = export_string(&store);
    assert_eq!(out.lines().count(), 4);
    assert!(out.contains("\\r\\n"), "one demo article keeps \\r\\n line ends");
    assert!(out.contains("Claire Dubois"));
}

#[test]
fn a_huge_file_is_counted_exactly_but_listed_only_in_part() {
    let n = import::LISTED + 250;
    let lines: Vec<String> = (0..n).map(|i| format!("{{\"text\": \"خبر {i}\"}}")).collect();
    let mut store = Store::open_in_memory().expect("open");
    let r =
        import_jsonl_str(&mut store, "big.jsonl", &lines.join("\n"), &opts(None)).expect("import");
    assert_eq!(r.imported.len(), import::LISTED);
    assert_eq!(r.imported_not_listed, 250);
    assert_eq!(r.imported_total(), n as i64);
    assert_eq!(articles::count(store.conn()).expect("count"), n as i64);
}
