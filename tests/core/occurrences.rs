//! "Annotate all occurrences" on the seed articles, which spell one person حموشي, عبداللطيف حموشي,
//! عبد اللطيف حموشي, الحموشي and احموشي: every spelling is found, places inside the analyst's longer span
//! of the same label say so, and labelling many places is one all-or-nothing step.

use std::path::Path;

use hashiya::api::dispatch;
use hashiya::import::{self, ImportOptions};
use hashiya::Store;
use serde_json::json;

fn seeds_project() -> Store {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    assert!(seeds.is_dir(), "../shared/corpus/seeds is missing");
    let mut store = Store::open_in_memory().expect("open");
    let r = import::import_paths(&mut store, &[seeds], &ImportOptions::default()).expect("import");
    assert_eq!(r.imported.len(), 5);
    store
}

/// The first place `needle` stands as a whole word in article `id`: (start, end) in code points.
fn first_word(store: &Store, id: i64, needle: &str) -> (i64, i64) {
    let text = hashiya::articles::text_of(store.conn(), id).expect("text");
    let (s, e) =
        hashiya::occurrences::find_in(&text, needle, hashiya::clitics::CliticMode::Exclude)[0];
    (s as i64, e as i64)
}

/// The texts found, with how many times each.
fn texts(items: &[serde_json::Value]) -> std::collections::BTreeMap<String, usize> {
    let mut m = std::collections::BTreeMap::new();
    for i in items {
        *m.entry(i["text"].as_str().unwrap_or_default().to_string()).or_default() += 1;
    }
    m
}

#[test]
fn finds_every_spelling_of_the_name_across_the_project_and_never_inside_a_longer_word() {
    let mut store = seeds_project();
    let (s, e) = first_word(&store, 4, "عبد اللطيف حموشي");
    let req = json!({"article_id": 4, "start": s, "end": e, "annotator": "salma", "project": true});
    let r = dispatch(&mut store, "find_occurrences", req).expect("find");
    assert_eq!(r["needle"], "عبد اللطيف حموشي");
    // 12 spaced and 3 joined in the seeds, the span's own place left out.
    let items = r["items"].as_array().expect("items");
    let want = [("عبد اللطيف حموشي".to_string(), 11), ("عبداللطيف حموشي".to_string(), 3)];
    assert_eq!(texts(items), want.into_iter().collect(), "{r:#}");
    assert!(items.iter().all(|i| i["variant"] == "exact" || i["text"] == "عبداللطيف حموشي"));

    let (s, e) = first_word(&store, 1, "حموشي");
    let req = json!({"article_id": 1, "start": s, "end": e, "annotator": "salma", "project": true});
    let r = dispatch(&mut store, "find_occurrences", req).expect("find");
    let items = r["items"].as_array().expect("items");
    // 33 whole-word حموشي, الحموشي (the article stays in the span) and the two احموشي; minus the span's
    // own place; nothing else.
    let want = [("حموشي".to_string(), 32), ("الحموشي".to_string(), 1), ("احموشي".to_string(), 2)];
    assert_eq!(texts(items), want.into_iter().collect(), "{r:#}");
    assert!(items.iter().filter(|i| i["text"] == "احموشي").all(|i| i["variant"] == "prothetic"));
    let articles: std::collections::BTreeSet<i64> =
        items.iter().filter_map(|i| i["article_id"].as_i64()).collect();
    assert_eq!(articles.into_iter().collect::<Vec<_>>(), vec![1, 2, 3, 4, 5]);

    // Only this article.
    let req = json!({"article_id": 1, "start": s, "end": e, "annotator": "salma"});
    let r = dispatch(&mut store, "find_occurrences", req).expect("find");
    assert_eq!(r["items"].as_array().map(Vec::len), Some(6));
}

#[test]
fn places_inside_a_span_of_the_same_label_are_already_labelled() {
    let mut store = seeds_project();
    // salma labels every full name PER.
    let (s, e) = first_word(&store, 4, "عبد اللطيف حموشي");
    let r = dispatch(
        &mut store,
        "find_occurrences",
        json!({"article_id": 4, "start": s, "end": e, "annotator": "salma", "project": true}),
    )
    .expect("find");
    let mut places: Vec<serde_json::Value> = r["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| json!({"article_id": i["article_id"], "start": i["start"], "end": i["end"]}))
        .collect();
    places.push(json!({"article_id": 4, "start": s, "end": e}));
    dispatch(
        &mut store,
        "add_spans",
        json!({"annotator": "salma", "label": "PER", "places": places}),
    )
    .expect("add");
    // Then looks for the surname: the places inside her full names say so; the others do not.
    let (s, e) = first_word(&store, 1, "حموشي");
    let req = json!({"article_id": 1, "start": s, "end": e, "annotator": "salma", "project": true});
    let r = dispatch(&mut store, "find_occurrences", req).expect("find");
    let items = r["items"].as_array().expect("items");
    let inside: Vec<&serde_json::Value> =
        items.iter().filter(|i| i["inside"] == json!(["PER"])).collect();
    assert_eq!(inside.len(), 15, "one inside each full name");
    assert!(inside.iter().all(|i| i["text"] == "حموشي" && i["labelled_as"] == json!([])));
    assert!(items.iter().filter(|i| i["inside"] == json!([])).count() > 15);
    // Another analyst's spans do not count.
    let req = json!({"article_id": 1, "start": s, "end": e, "annotator": "omar", "project": true});
    let r = dispatch(&mut store, "find_occurrences", req).expect("find");
    assert!(r["items"].as_array().expect("items").iter().all(|i| i["inside"] == json!([])));
}

#[test]
fn labelling_all_is_one_step_and_refuses_a_bad_place_whole() {
    let mut store = seeds_project();
    let (s, e) = first_word(&store, 4, "عبد اللطيف حموشي");
    let r = dispatch(
        &mut store,
        "find_occurrences",
        json!({"article_id": 4, "start": s, "end": e, "annotator": "salma", "project": true}),
    )
    .expect("find");
    let mut places: Vec<serde_json::Value> = r["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| json!({"article_id": i["article_id"], "start": i["start"], "end": i["end"]}))
        .collect();
    places.push(json!({"article_id": 4, "start": s, "end": e}));

    let mut bad = places.clone();
    bad.push(json!({"article_id": 2, "start": 0, "end": 1_000_000}));
    let err = dispatch(
        &mut store,
        "add_spans",
        json!({"annotator": "salma", "label": "PER", "places": bad}),
    )
    .expect_err("bad place");
    assert_eq!(err.kind, "invalid");
    assert_eq!(
        hashiya::export::export_to(store.conn(), "jsonl", &mut Vec::new()).expect("export").spans,
        0,
        "nothing was added"
    );

    let r = dispatch(
        &mut store,
        "add_spans",
        json!({"annotator": "salma", "label": "PER", "places": places}),
    )
    .expect("add");
    assert_eq!(r["added"].as_array().map(Vec::len), Some(15));
    assert!(r["added"]
        .as_array()
        .expect("added")
        .iter()
        .all(|sp| sp["text"] == "عبد اللطيف حموشي" || sp["text"] == "عبداللطيف حموشي"));
    let again = dispatch(
        &mut store,
        "add_spans",
        json!({"annotator": "salma", "label": "PER", "places": places}),
    )
    .expect("again");
    assert_eq!(
        (again["added"].as_array().map(Vec::len), again["already"].as_i64()),
        (Some(0), Some(15))
    );
    // Now every place shows as already labelled.
    let r = dispatch(
        &mut store,
        "find_occurrences",
        json!({"article_id": 4, "start": s, "end": e, "annotator": "salma", "project": true}),
    )
    .expect("find");
    assert!(r["items"]
        .as_array()
        .expect("items")
        .iter()
        .all(|i| i["labelled_as"] == json!(["PER"])));
}
