//! "Annotate all occurrences" on the seed articles, which spell one person حموشي, عبداللطيف حموشي,
//! عبد اللطيف حموشي and احموشي; labelling many places is one all-or-nothing step.

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

#[test]
fn finds_the_same_name_across_the_project_and_never_inside_a_longer_word() {
    let mut store = seeds_project();
    let (s, e) = first_word(&store, 4, "عبد اللطيف حموشي");
    let req = json!({"article_id": 4, "start": s, "end": e, "annotator": "salma", "project": true});
    let r = dispatch(&mut store, "find_occurrences", req).expect("find");
    assert_eq!(r["needle"], "عبد اللطيف حموشي");
    // 12 in the seeds (articles 2, 3, 4), the span's own place left out; عبداللطيف حموشي is not the same words.
    assert_eq!(r["items"].as_array().map(Vec::len), Some(11), "{r:#}");

    let (s, e) = first_word(&store, 1, "حموشي");
    let req = json!({"article_id": 1, "start": s, "end": e, "annotator": "salma", "project": true});
    let r = dispatch(&mut store, "find_occurrences", req).expect("find");
    let items = r["items"].as_array().expect("items");
    // 34 whole-word حموشي (one of them as الحموشي), never the two احموشي; minus the span's own
    // place. The article stays with its stem (the clitic model), so الحموشي is whole.
    assert_eq!(items.len(), 33);
    let texts: Vec<&str> = items.iter().filter_map(|i| i["text"].as_str()).collect();
    assert_eq!(texts.iter().filter(|t| **t == "حموشي").count(), 32, "{texts:?}");
    assert_eq!(texts.iter().filter(|t| **t == "الحموشي").count(), 1, "{texts:?}");
    let articles: std::collections::BTreeSet<i64> =
        items.iter().filter_map(|i| i["article_id"].as_i64()).collect();
    assert_eq!(articles.into_iter().collect::<Vec<_>>(), vec![1, 2, 3, 4, 5]);
    assert!(
        items.iter().all(|i| !i["before"].as_str().is_some_and(|b| b.ends_with('ل'))),
        "no occurrence leaves the article outside"
    );

    // Only this article.
    let req = json!({"article_id": 1, "start": s, "end": e, "annotator": "salma"});
    let r = dispatch(&mut store, "find_occurrences", req).expect("find");
    assert_eq!(r["items"].as_array().map(Vec::len), Some(6));
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
    assert_eq!(r["added"].as_array().map(Vec::len), Some(12));
    assert!(r["added"]
        .as_array()
        .expect("added")
        .iter()
        .all(|sp| sp["text"] == "عبد اللطيف حموشي"));
    let again = dispatch(
        &mut store,
        "add_spans",
        json!({"annotator": "salma", "label": "PER", "places": places}),
    )
    .expect("again");
    assert_eq!(
        (again["added"].as_array().map(Vec::len), again["already"].as_i64()),
        (Some(0), Some(12))
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
