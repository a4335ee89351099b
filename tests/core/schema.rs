//! Label schema editing (rename keeps annotations, deleting one in use needs the count confirmed)
//! and project settings, through the command API.

use crate::common::{cp_range, native_line, TRICKY};
use hashiya::api::dispatch;
use hashiya::import::{import_jsonl_str, ImportOptions};
use hashiya::Store;
use serde_json::json;

fn project() -> Store {
    let mut store = Store::open_in_memory().expect("open");
    let (s, e) = cp_range(TRICKY, "حموشي");
    let (s2, e2) = cp_range(TRICKY, "الرباط");
    let r = import_jsonl_str(
        &mut store,
        "a.jsonl",
        &native_line(TRICKY, &[(s, e, "PER", "salma"), (s2, e2, "LOC", "karim")]),
        &ImportOptions::default(),
    )
    .expect("import");
    assert!(r.rejected.is_empty());
    store
}

fn label_id(store: &mut Store, name: &str) -> i64 {
    let labels = dispatch(store, "list_labels", json!({})).expect("labels");
    labels
        .as_array()
        .expect("array")
        .iter()
        .find(|l| l["name"] == name)
        .and_then(|l| l["id"].as_i64())
        .expect("label")
}

#[test]
fn label_edits_are_checked() {
    let mut store = project();
    let cases = [
        (
            json!({"kind": "span", "name": "NORP", "color": "#12AB34", "hotkey": "n", "description": "Nationality"}),
            None,
        ),
        (json!({"kind": "span", "name": "NORP", "color": "#123456"}), Some("conflict")),
        (json!({"kind": "tag", "name": "NORP", "color": "#123456"}), None), // another kind: fine
        (json!({"kind": "span", "name": "X", "color": "red"}), Some("invalid")),
        (json!({"kind": "span", "name": "  ", "color": "#123456"}), Some("invalid")),
        (json!({"kind": "span", "name": "Y", "color": "#123456", "hotkey": "p"}), Some("conflict")), // PER has p
        (json!({"kind": "span", "name": "Z", "color": "#123456", "hotkey": "ab"}), Some("invalid")),
    ];
    for (edit, want) in cases {
        let got = dispatch(&mut store, "save_label", edit.clone());
        assert_eq!(got.as_ref().err().map(|e| e.kind.as_str()), want, "{edit}: {got:?}");
    }
    let labels = dispatch(&mut store, "list_labels", json!({})).expect("labels");
    let norp = labels
        .as_array()
        .expect("array")
        .iter()
        .find(|l| l["name"] == "NORP" && l["kind"] == "span")
        .expect("NORP");
    assert_eq!(norp["color"], "#12ab34");
}

#[test]
fn renaming_keeps_annotations_and_deleting_needs_the_count() {
    let mut store = project();
    let per = label_id(&mut store, "PER");
    dispatch(
        &mut store,
        "save_label",
        json!({"id": per, "kind": "span", "name": "PERSON", "color": "#e8590c", "hotkey": "p"}),
    )
    .expect("rename");
    let view = dispatch(&mut store, "get_article", json!({"id": 1})).expect("view");
    assert!(view["spans"]
        .as_array()
        .expect("spans")
        .iter()
        .any(|s| s["label"] == "PERSON" && s["text"] == "حموشي"));
    let err = dispatch(
        &mut store,
        "save_label",
        json!({"id": per, "kind": "tag", "name": "PERSON", "color": "#e8590c"}),
    )
    .expect_err("kind");
    assert_eq!(err.kind, "invalid");

    let loc = label_id(&mut store, "LOC");
    let usage = dispatch(&mut store, "label_usage", json!({"id": loc})).expect("usage");
    assert_eq!(usage, json!({"spans": 1, "tags": 0, "gold_spans": 0, "gold_tags": 0}));
    let err = dispatch(&mut store, "delete_label", json!({"id": loc, "expected_annotations": 0}))
        .expect_err("unconfirmed");
    assert_eq!(err.kind, "conflict");
    assert!(err.message.contains("used by 1 annotations"), "{}", err.message);
    dispatch(&mut store, "delete_label", json!({"id": loc, "expected_annotations": 1}))
        .expect("delete");
    let view = dispatch(&mut store, "get_article", json!({"id": 1})).expect("view");
    assert_eq!(view["spans"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        dispatch(&mut store, "label_usage", json!({"id": loc})).expect_err("gone").kind,
        "not_found"
    );
}

#[test]
fn settings_round_trip() {
    let mut store = project();
    assert_eq!(
        dispatch(&mut store, "get_settings", json!({})).expect("get"),
        json!({"guidelines": "", "clitics": "exclude", "blind": false})
    );
    let guide = "# إرشادات\n- PER: الأشخاص";
    let s = dispatch(&mut store, "set_settings", json!({"guidelines": guide})).expect("set");
    assert_eq!(s, json!({"guidelines": guide, "clitics": "exclude", "blind": false}));
    let s = dispatch(&mut store, "set_settings", json!({"clitics": "include"})).expect("set");
    assert_eq!(s["guidelines"], guide);
    assert_eq!(s["clitics"], "include");
    assert_eq!(
        dispatch(&mut store, "set_settings", json!({"clitics": "maybe"})).expect_err("bad").kind,
        "invalid"
    );
}

#[test]
fn undo_helpers_delete_many_at_once_and_restore_the_original_time() {
    let mut store = project();
    let view = dispatch(&mut store, "get_article", json!({"id": 1})).expect("view");
    let salma: Vec<i64> = view["spans"]
        .as_array()
        .expect("spans")
        .iter()
        .filter(|s| s["annotator"] == "salma")
        .filter_map(|s| s["id"].as_i64())
        .collect();
    let karim: Vec<i64> = view["spans"]
        .as_array()
        .expect("spans")
        .iter()
        .filter(|s| s["annotator"] == "karim")
        .filter_map(|s| s["id"].as_i64())
        .collect();
    // Karim's span in the batch refuses the whole step.
    let err = dispatch(
        &mut store,
        "delete_spans",
        json!({"ids": [salma[0], karim[0]], "annotator": "salma"}),
    )
    .expect_err("not hers");
    assert_eq!(err.kind, "forbidden");
    assert_eq!(
        dispatch(&mut store, "get_article", json!({"id": 1})).expect("view")["spans"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    let old = view["spans"]
        .as_array()
        .expect("spans")
        .iter()
        .find(|s| s["id"] == salma[0])
        .expect("span")
        .clone();
    dispatch(&mut store, "delete_spans", json!({"ids": salma, "annotator": "salma"}))
        .expect("delete");
    // Undo: the span comes back with its first time.
    let back = dispatch(
        &mut store,
        "add_span",
        json!({"article_id": 1, "annotator": "salma", "start": old["start"], "end": old["end"], "label": old["label"], "created_at": old["created_at"]}),
    )
    .expect("restore");
    assert_eq!(back["created_at"], old["created_at"]);
    let err = dispatch(&mut store, "add_span", json!({"article_id": 1, "annotator": "salma", "start": 0, "end": 3, "label": "PER", "created_at": "2999-01-01T00:00:00Z"}))
        .expect_err("future");
    assert!(err.message.contains("in the future"));
}
