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

fn who_is_seen(v: &Value) -> (Vec<String>, Vec<String>) {
    let names = |k: &str| -> Vec<String> {
        let mut n: Vec<String> = v[k]
            .as_array()
            .expect("list")
            .iter()
            .map(|x| x["annotator"].as_str().expect("name").to_string())
            .collect();
        n.sort();
        n.dedup();
        n
    };
    (names("spans"), names("tags"))
}

#[test]
fn blind_annotation_hides_others_work_until_done_and_never_from_reviewers() {
    let mut store = project();
    for (who, start, end) in [("Salma", 4, 9), ("Amina", 10, 16)] {
        call(
            &mut store,
            "add_span",
            json!({"article_id": 1, "annotator": who, "start": start, "end": end, "label": "LOC"}),
        );
        call(
            &mut store,
            "set_tag",
            json!({"article_id": 1, "annotator": who, "label": "security", "on": true}),
        );
    }
    let both =
        (vec!["Amina".to_string(), "Salma".to_string()], vec!["Amina".into(), "Salma".into()]);
    let amina = (vec!["Amina".to_string()], vec!["Amina".to_string()]);
    // Off by default: everyone's work is shown.
    let v = call(&mut store, "get_article", json!({"id": 1, "annotator": "Amina"}));
    assert_eq!((who_is_seen(&v), v["blind"].as_bool()), (both.clone(), Some(false)));
    // The analyst's own toggle hides the others' work.
    let v = call(&mut store, "get_article", json!({"id": 1, "annotator": "Amina", "blind": true}));
    assert_eq!((who_is_seen(&v), v["blind"].as_bool()), (amina.clone(), Some(true)));
    // The project setting hides it for every analyst; a reviewer (no annotator) sees everything.
    let s = call(&mut store, "set_settings", json!({"blind": true}));
    assert_eq!(s["blind"], json!(true));
    assert_eq!(call(&mut store, "get_settings", json!({}))["blind"], json!(true));
    let v = call(&mut store, "get_article", json!({"id": 1, "annotator": "Amina"}));
    assert_eq!(who_is_seen(&v), amina);
    let v = call(&mut store, "get_article", json!({"id": 1}));
    assert_eq!(who_is_seen(&v), both);
    let r = call(
        &mut store,
        "review_article",
        json!({"article_id": 1, "annotators": ["Amina", "Salma"]}),
    );
    assert_eq!(r["comparison"]["disagreements"].as_array().map(Vec::len), Some(2));
    // Marked done: the others' work appears.
    call(
        &mut store,
        "set_status",
        json!({"article_id": 1, "annotator": "Amina", "status": "done"}),
    );
    let v = call(&mut store, "get_article", json!({"id": 1, "annotator": "Amina"}));
    assert_eq!((who_is_seen(&v), v["blind"].as_bool()), (both, Some(false)));
    // Other settings stay when one changes.
    call(&mut store, "set_settings", json!({"clitics": "include"}));
    assert_eq!(call(&mut store, "get_settings", json!({}))["blind"], json!(true));
}

#[test]
fn merging_another_analysts_file_says_what_it_added() {
    let mut store = project();
    let theirs: Vec<String> = ["", " ثانية"]
        .iter()
        .map(|tail| {
            let text = format!("{TEXT}{tail}");
            json!({"text": text, "spans": [
                {"start": 4, "end": 9, "label": "PER", "text": "حموشي", "annotator": "Salma"},
                {"start": 10, "end": 16, "label": "LOC", "text": "الرباط", "annotator": "Salma"}],
                "tags": [{"label": "security", "annotator": "Salma"}]})
            .to_string()
        })
        .collect();
    let r =
        import_jsonl_str(&mut store, "salma.jsonl", &theirs.join("\n"), &ImportOptions::default())
            .expect("import");
    assert_eq!(r.summary(), "2 articles already here; 4 spans and 2 tags added");
    let again = import_jsonl_str(
        &mut store,
        "salma.jsonl",
        &theirs[..1].join("\n"),
        &ImportOptions::default(),
    )
    .expect("import");
    assert_eq!(again.summary(), "1 article already here; 0 spans and 0 tags added");
    let new = import_jsonl_str(
        &mut store,
        "new.jsonl",
        &json!({"text": "نص جديد"}).to_string(),
        &ImportOptions::default(),
    )
    .expect("import");
    assert_eq!(new.summary(), "1 imported; 0 spans and 0 tags added");
}

#[test]
fn labels_carry_an_arabic_description() {
    let mut store = project();
    let labels = call(&mut store, "list_labels", json!({}));
    let per = labels
        .as_array()
        .expect("labels")
        .iter()
        .find(|l| l["name"] == "PER")
        .expect("PER")
        .clone();
    assert_eq!(per["description_ar"], "شخص: فرد مسمّى باسمه");
    assert!(per["description"].as_str().is_some_and(|d| d.starts_with("Person")));
    // An edit without description_ar keeps it; with it, changes it.
    let mut edit = json!({"id": per["id"], "kind": "span", "name": "PER", "color": per["color"], "hotkey": "p", "description": "A person"});
    call(&mut store, "save_label", edit.clone());
    let find =
        |v: &Value| v.as_array().expect("labels").iter().find(|l| l["name"] == "PER").cloned();
    let after = find(&call(&mut store, "list_labels", json!({}))).expect("PER");
    assert_eq!(
        (after["description"].as_str(), after["description_ar"].as_str()),
        (Some("A person"), Some("شخص: فرد مسمّى باسمه"))
    );
    edit["description_ar"] = json!("إنسان");
    let after = find(&call(&mut store, "save_label", edit)).expect("PER");
    assert_eq!(after["description_ar"], "إنسان");
    let new = call(
        &mut store,
        "save_label",
        json!({"kind": "span", "name": "WEAPON", "color": "#123456", "description": "Weapon", "description_ar": "سلاح"}),
    );
    let w = new
        .as_array()
        .expect("labels")
        .iter()
        .find(|l| l["name"] == "WEAPON")
        .cloned()
        .expect("new label");
    assert_eq!(w["description_ar"], "سلاح");
}

#[test]
fn an_older_project_gets_the_default_labels_arabic_descriptions() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("old.hashiya");
    std::fs::copy("tests/fixtures/schema-v4.hashiya", &db).expect("fixture");
    let mut store = Store::open(&db).expect("upgrade");
    let labels = call(&mut store, "list_labels", json!({}));
    let loc = labels.as_array().expect("labels").iter().find(|l| l["name"] == "LOC").cloned();
    assert_eq!(loc.expect("LOC")["description_ar"], "مكان: بلد أو مدينة أو منطقة أو موقع");
}
