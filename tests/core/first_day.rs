//! An analyst's first day (issue 16): what opening, labelling and tagging do to the status.

use hashiya::api::dispatch;
use hashiya::import::{import_jsonl_str, ImportOptions};
use hashiya::Store;
use serde_json::{json, Value};

const TEXT: &str = "زار حموشي الرباط أمس مع وفد FBI";

fn project() -> Store {
    let mut store = Store::open_in_memory().expect("open");
    let lines = [
        json!({"id": "a", "title": "a", "text": TEXT}).to_string(),
        json!({"id": "b", "title": "b", "text": format!("{TEXT} ثانية")}).to_string(),
        json!({"id": "c", "title": "c", "text": format!("{TEXT} ثالثة")}).to_string(),
    ];
    import_jsonl_str(&mut store, "x.jsonl", &lines.join("\n"), &ImportOptions::default())
        .expect("import");
    store
}

fn call(store: &mut Store, cmd: &str, args: Value) -> Value {
    dispatch(store, cmd, args).unwrap_or_else(|e| panic!("{cmd}: {e:?}"))
}

fn status_of(store: &mut Store, id: i64, who: &str) -> Option<String> {
    let v = call(store, "get_article", json!({"id": id}));
    v["statuses"]
        .as_array()
        .expect("statuses")
        .iter()
        .find(|s| s["annotator"] == who)
        .map(|s| s["status"].as_str().expect("status").to_string())
}

#[test]
fn opening_changes_no_status_and_the_first_span_or_tag_starts_the_article() {
    let mut store = project();
    assert_eq!(status_of(&mut store, 1, "Amina"), None, "opening an article sets nothing");
    call(
        &mut store,
        "add_span",
        json!({"article_id": 1, "annotator": "Amina", "start": 4, "end": 9, "label": "PER"}),
    );
    assert_eq!(status_of(&mut store, 1, "Amina").as_deref(), Some("in_progress"));
    assert_eq!(status_of(&mut store, 1, "Salma"), None, "nobody else's status moves");
    call(
        &mut store,
        "set_tag",
        json!({"article_id": 2, "annotator": "Amina", "label": "security", "on": true}),
    );
    assert_eq!(status_of(&mut store, 2, "Amina").as_deref(), Some("in_progress"));
    // A status the analyst set is never moved back by more work.
    call(
        &mut store,
        "set_status",
        json!({"article_id": 3, "annotator": "Amina", "status": "done"}),
    );
    call(
        &mut store,
        "add_span",
        json!({"article_id": 3, "annotator": "Amina", "start": 4, "end": 9, "label": "PER"}),
    );
    assert_eq!(status_of(&mut store, 3, "Amina").as_deref(), Some("done"));
    // An explicit "to do" goes back to in progress at the next span.
    call(
        &mut store,
        "set_status",
        json!({"article_id": 1, "annotator": "Amina", "status": "todo"}),
    );
    call(
        &mut store,
        "add_span",
        json!({"article_id": 1, "annotator": "Amina", "start": 10, "end": 16, "label": "LOC"}),
    );
    assert_eq!(status_of(&mut store, 1, "Amina").as_deref(), Some("in_progress"));
}
