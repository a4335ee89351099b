//! The label hierarchy at work: `ORG.GOV` under `ORG` comes out as `ORG` with `--labels-at-depth 1`
//! (exports and agreement), and the article list's filter on `ORG` finds articles labelled `ORG.GOV`.

use hashiya::api::dispatch;
use hashiya::export::{self, ExportOptions};
use hashiya::import::{import_jsonl_str, ImportOptions};
use hashiya::Store;
use serde_json::{json, Value};

const TEXT: &str = "قالت وزارة الداخلية إن اللجنة ستجتمع غدًا.";

fn call(store: &mut Store, cmd: &str, args: Value) -> Value {
    dispatch(store, cmd, args).unwrap_or_else(|e| panic!("{cmd}: {e:?}"))
}

/// Two articles: in the first salma says ORG.GOV and karim ORG over the same words; the second has
/// only salma's ORG.GOV. ORG.GOV is then put under ORG.
fn project() -> Store {
    let mut store = Store::open_in_memory().expect("open");
    let (s, e) = (5, 19); // وزارة الداخلية
    let span =
        |label: &str, who: &str| json!({"start": s, "end": e, "label": label, "annotator": who});
    let lines = [
        json!({"id": "a1", "text": TEXT, "spans": [span("ORG.GOV", "salma"), span("ORG", "karim")]}),
        json!({"id": "a2", "text": format!("{TEXT} ثانيًا"), "spans": [span("ORG.GOV", "salma")]}),
    ];
    let content: String = lines.iter().map(|l| format!("{l}\n")).collect();
    import_jsonl_str(&mut store, "d.jsonl", &content, &ImportOptions::default()).expect("import");
    let labels = call(&mut store, "list_labels", json!({}));
    let gov = labels
        .as_array()
        .and_then(|l| l.iter().find(|l| l["name"] == "ORG.GOV"))
        .cloned()
        .expect("ORG.GOV label");
    call(
        &mut store,
        "save_label",
        json!({"id": gov["id"], "kind": "span", "name": "ORG.GOV", "color": gov["color"], "parent": "ORG"}),
    );
    store
}

fn exported_labels(store: &Store, depth: Option<usize>) -> Vec<String> {
    let o = ExportOptions { labels_at_depth: depth, ..Default::default() };
    let mut buf = Vec::new();
    export::export_with(store.conn(), &o, &mut buf).expect("export");
    let text = String::from_utf8(buf).expect("utf8");
    let mut out: Vec<String> = text
        .lines()
        .flat_map(|l| {
            let v: Value = serde_json::from_str(l).expect("json");
            v["spans"]
                .as_array()
                .map(|s| {
                    s.iter()
                        .filter_map(|s| s["label"].as_str().map(str::to_string))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
        .collect();
    out.sort();
    out
}

#[test]
fn exports_write_labels_at_the_chosen_depth() {
    let store = project();
    assert_eq!(exported_labels(&store, None), ["ORG", "ORG.GOV", "ORG.GOV"]);
    assert_eq!(exported_labels(&store, Some(1)), ["ORG", "ORG", "ORG"]);
    assert_eq!(exported_labels(&store, Some(2)), ["ORG", "ORG.GOV", "ORG.GOV"], "no deeper than 2");
    let bad = export::export_with(
        store.conn(),
        &ExportOptions { labels_at_depth: Some(0), ..Default::default() },
        &mut Vec::new(),
    );
    assert!(bad.is_err_and(|e| e.to_string().contains("counts from 1")));
}

#[test]
fn agreement_at_the_parents_level_counts_parent_and_child_as_one() {
    let mut store = project();
    let f1 = |r: &Value| r["pairs"][0]["exact"]["f1"].as_f64();
    let exact = call(&mut store, "agreement", json!({"annotators": ["karim", "salma"]}));
    assert_eq!(f1(&exact), Some(0.0), "{exact}");
    let top = call(
        &mut store,
        "agreement",
        json!({"annotators": ["karim", "salma"], "labels_at_depth": 1}),
    );
    assert_eq!(f1(&top), Some(1.0), "{top}");
}

#[test]
fn the_list_filter_on_a_parent_finds_its_children() {
    let mut store = project();
    let list = |store: &mut Store, label: &str| {
        call(store, "list_articles", json!({"annotator": "salma", "label": label}))["total"]
            .as_i64()
    };
    assert_eq!(list(&mut store, "ORG"), Some(2));
    assert_eq!(list(&mut store, "ORG.GOV"), Some(2));
    assert_eq!(list(&mut store, "LOC"), Some(0));
}
