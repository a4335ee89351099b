//! Exports through the command API (browser mode and the UI): every written file comes back —
//! split parts, the manifest, the hf tag list — and nothing is left in the temporary folder.

use crate::common;

use hashiya::api::dispatch;
use hashiya::Store;
use serde_json::json;

fn demo() -> Store {
    let mut store = Store::open_in_memory().expect("open");
    hashiya::demo::fill(&mut store).expect("demo");
    store
}

fn names(r: &serde_json::Value) -> Vec<String> {
    r["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f["name"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn api_exports_return_every_file() {
    let mut store = demo();
    let r = dispatch(&mut store, "export", json!({"format": "jsonl"})).expect("export");
    assert_eq!(names(&r), vec!["project.jsonl", "project.jsonl.manifest.json"]);
    assert_eq!(r["filename"], "project.jsonl");
    assert_eq!(r["content"].as_str().map(|c| c.lines().count()), Some(4));

    let r = dispatch(
        &mut store,
        "export",
        json!({"format": "spans", "split": "0.5,0.25,0.25", "seed": 3}),
    )
    .expect("split");
    let n = names(&r);
    assert_eq!(n.len(), 4, "{n:?}");
    assert!(
        n.iter().any(|f| f.contains(".train."))
            && n.iter().any(|f| f.contains(".dev."))
            && n.iter().any(|f| f.contains(".test.")),
        "{n:?}"
    );
    let lines: usize = r["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter(|f| !f["name"].as_str().unwrap_or("").ends_with(".json"))
        .map(|f| f["content"].as_str().unwrap_or("").lines().count())
        .sum();
    assert_eq!(lines, 4, "every article in exactly one part");
    assert!(r["filename"].as_str().is_some_and(|f| f.contains(".train.")));

    let r = dispatch(&mut store, "export", json!({"format": "hf", "misaligned": "expand"}))
        .expect("hf");
    assert!(names(&r).iter().any(|f| f.ends_with(".labels.json")), "{:?}", names(&r));

    let err = dispatch(&mut store, "export", json!({"format": "spans", "split": "0.9,0.9"}))
        .expect_err("bad split");
    assert_eq!(err.kind, "invalid");
    assert_eq!(common::export_leftovers(), 0);
}

#[test]
fn analysts_are_told_from_reviewers() {
    let mut store = demo();
    hashiya::api::dispatch(
        &mut store,
        "review_comment",
        json!({"article_id": 1, "author": "rev", "annotators": ["demo"], "text": "ok"}),
    )
    .expect("comment");
    let info = dispatch(&mut store, "project_info", json!({})).expect("info");
    assert_eq!(info["annotators"], json!(["demo", "rev"]));
    assert_eq!(info["analysts"], json!(["demo"]));
}

#[test]
fn a_cancelled_export_writes_nothing() {
    let store = demo();
    let dir = tempfile::tempdir().expect("tempdir");
    let o = hashiya::export::ExportOptions::default();
    o.control.cancel();
    let out = dir.path().join("out.jsonl");
    assert!(hashiya::export::export_file_with(store.conn(), &o, &out).is_err());
    assert_eq!(std::fs::read_dir(dir.path()).expect("ls").count(), 0, "no file, no temporary file");
    // Progress: one step per article written.
    let o = hashiya::export::ExportOptions::default();
    hashiya::export::export_file_with(store.conn(), &o, &out).expect("export");
    assert_eq!(o.control.snapshot().records, 4);
}

#[test]
fn import_files_options_from_the_ui() {
    let mut store = Store::open_in_memory().expect("open");
    // An unmapped title (""), though a usual "title" column exists; the client's decoding is reported.
    let csv = "title,text\nعنوان,نص الخبر عن الرباط\n";
    let r = dispatch(&mut store, "import_files", json!({"files": [{"name": "a.csv", "content": csv, "encoding": "Windows-1256"}], "mapping": {"title": ""}})).expect("csv");
    assert_eq!(r["imported"][0]["encoding"], "Windows-1256");
    assert_eq!(
        r["imported"][0]["title"], "نص الخبر عن الرباط",
        "title from the text, not the unmapped column"
    );
    // CoNLL options.
    let conll = "زار B-PER\nحموشي I-PER\n\nفي O\nالرباط B-LOC\n";
    let r = dispatch(&mut store, "import_files", json!({"files": [{"name": "b.conll", "content": conll}], "sentences_per_article": 1, "columns_as_annotators": true, "annotator": "src"})).expect("conll");
    assert_eq!(r["imported"].as_array().map(Vec::len), Some(2));
    let info = dispatch(&mut store, "project_info", json!({})).expect("info");
    assert!(info["annotators"].as_array().expect("names").iter().any(|a| a == "src:1"));
}
