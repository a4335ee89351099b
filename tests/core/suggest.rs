//! Suggestions on the seed articles: train on an analyst's spans, suggest on another article (never
//! as spans), accept (a span with origin "suggestion", kept in the exports) and reject (the form is
//! not suggested again); the CLI's train, apply and evaluate.

use std::path::Path;
use std::process::Command;

use hashiya::api::dispatch;
use hashiya::import::{self, ImportOptions};
use hashiya::Store;
use serde_json::{json, Value};

const NAMES: &[(&str, &str)] = &[
    ("حموشي", "PER"),
    ("المغرب", "LOC"),
    ("السعودية", "LOC"),
    ("الرياض", "LOC"),
    ("الإمارات", "LOC"),
    ("المملكة", "LOC"),
];

fn seeds() -> std::path::PathBuf {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    assert!(seeds.is_dir(), "../shared/corpus/seeds is missing");
    seeds
}

/// The seeds with salma's labels on every whole-word occurrence of NAMES in articles 1–4.
fn labelled(store: &mut Store) {
    let r = import::import_paths(store, &[seeds()], &ImportOptions::default()).expect("import");
    assert_eq!(r.imported.len(), 5);
    for id in 1..=4 {
        let text = hashiya::articles::text_of(store.conn(), id).expect("text");
        for (needle, label) in NAMES {
            let places: Vec<Value> =
                hashiya::occurrences::find_in(&text, needle, Default::default())
                    .into_iter()
                    .map(|(s, e)| json!({"article_id": id, "start": s, "end": e}))
                    .collect();
            let req = json!({"annotator": "salma", "label": label, "places": places});
            dispatch(store, "add_spans", req).expect("label");
        }
    }
}

fn spans_on(store: &mut Store, id: i64) -> Vec<Value> {
    let v = dispatch(store, "get_article", json!({"id": id})).expect("article");
    v["spans"].as_array().cloned().unwrap_or_default()
}

#[test]
fn suggestions_are_learnt_accepted_into_spans_and_rejected_for_good() {
    let mut store = Store::open_in_memory().expect("open");
    labelled(&mut store);
    let state = dispatch(&mut store, "suggest_state", json!({})).expect("state");
    assert!(state.get("trained").is_none(), "no model before training");

    let t = dispatch(&mut store, "suggest_train", json!({})).expect("train");
    assert_eq!(t["info"]["articles"], 4, "{t:#}");
    assert!(t["info"]["spans"].as_i64().unwrap_or(0) > 50, "{t:#}");
    assert_eq!(t["info"]["labels"], json!(["LOC", "PER"]));
    assert!(t["evaluation"]["model"]["overall"]["f1"].is_number(), "held-out scores: {t:#}");

    let sug = dispatch(&mut store, "suggestions", json!({"article_id": 5})).expect("suggest");
    let sug = sug.as_array().cloned().unwrap_or_default();
    assert!(spans_on(&mut store, 5).is_empty(), "suggestions are never spans");
    let per: Vec<&Value> = sug.iter().filter(|s| s["label"] == "PER").collect();
    assert!(per.iter().any(|s| s["text"] == "حموشي"), "{sug:#?}");
    let loc: Vec<&Value> = sug.iter().filter(|s| s["label"] == "LOC").collect();
    assert!(loc.iter().any(|s| s["text"] == "الإمارات"), "{sug:#?}");
    for s in &sug {
        let score = s["score"].as_f64().unwrap_or(-1.0);
        assert!((0.5..=1.0).contains(&score), "the default threshold is 0.5: {s}");
    }

    // Accept one: it becomes salma's span with origin "suggestion" and leaves the waiting list.
    let id = per[0]["id"].clone();
    let acc =
        dispatch(&mut store, "accept_suggestions", json!({"ids": [id], "annotator": "salma"}))
            .expect("accept");
    assert_eq!(acc[0]["origin"], "suggestion");
    assert_eq!(acc[0]["annotator"], "salma");
    let spans = spans_on(&mut store, 5);
    assert_eq!(spans.len(), 1);
    assert_eq!(spans[0]["origin"], "suggestion");
    assert!(spans_on(&mut store, 1).iter().all(|s| s.get("origin").is_none()), "by hand: no key");
    let v = dispatch(&mut store, "get_article", json!({"id": 5})).expect("article");
    assert_eq!(v["statuses"][0]["status"], "in_progress", "accepting is work: {v:#}");

    // Undo and redo of an accept: the span goes, and comes back still marked as a suggestion.
    let span = spans[0].clone();
    dispatch(&mut store, "delete_span", json!({"id": span["id"], "annotator": "salma"}))
        .expect("undo");
    let place = json!({"article_id": 5, "start": span["start"], "end": span["end"]});
    let req =
        json!({"annotator": "salma", "label": "PER", "places": [place], "origin": "suggestion"});
    let redo = dispatch(&mut store, "add_spans", req).expect("redo");
    assert_eq!(redo["added"][0]["origin"], "suggestion");
    let bad = json!({"annotator": "salma", "label": "PER", "places": [], "origin": "model"});
    assert!(dispatch(&mut store, "add_spans", bad).is_err());

    // Reject one: the form is not suggested with that label again, anywhere.
    let form_text = loc[0]["text"].as_str().unwrap_or("").to_string();
    let rej = json!({"ids": [loc[0]["id"].clone()], "annotator": "salma"});
    let r = dispatch(&mut store, "reject_suggestions", rej).expect("reject");
    assert!(r["removed"].as_i64().unwrap_or(0) >= 1);
    for article in 1..=5 {
        let again =
            dispatch(&mut store, "suggestions", json!({"article_id": article})).expect("again");
        let again = again.as_array().cloned().unwrap_or_default();
        assert!(
            !again.iter().any(|s| s["label"] == "LOC" && s["text"] == form_text.as_str()),
            "{form_text} was rejected: {again:#?}"
        );
    }
    // Training again keeps the rejection.
    dispatch(&mut store, "suggest_train", json!({})).expect("train again");
    let again = dispatch(&mut store, "suggestions", json!({"article_id": 5})).expect("again");
    assert!(!again
        .as_array()
        .is_some_and(|a| a.iter().any(|s| s["label"] == "LOC" && s["text"] == form_text.as_str())));

    // Next article by the suggestions: the most suggestions among the unfinished articles, or the least sure.
    let counts: Vec<(i64, usize)> = (1..=5)
        .map(|id| {
            let v = dispatch(&mut store, "suggestions", json!({"article_id": id})).expect("s");
            (id, v.as_array().map_or(0, |a| a.len()))
        })
        .collect();
    let most = counts.iter().map(|c| c.1).max().unwrap_or(0);
    let req = json!({"annotator": "karim", "by": "most_suggestions", "after": 2});
    let n = dispatch(&mut store, "suggest_next", req).expect("next");
    assert_eq!(n["examined"], 4, "every article but the open one: {n}");
    assert_eq!(n["score"].as_f64(), Some(most as f64), "{counts:?} {n}");
    let first_most = counts.iter().cycle().skip(2).take(5).find(|c| c.1 == most && c.0 != 2);
    assert_eq!(
        n["article_id"].as_i64(),
        first_most.map(|c| c.0),
        "{counts:?}: ties go to the first after 2"
    );
    let least =
        dispatch(&mut store, "suggest_next", json!({"annotator": "karim", "by": "least_sure"}))
            .expect("least sure");
    let sure = least["score"].as_f64().unwrap_or(-1.0);
    assert!((0.0..=1.0).contains(&sure) && least["article_id"].is_number(), "{least}");
    // An article the analyst marked done is never offered; the search wraps round after the last.
    let done = least["article_id"].clone();
    let st = json!({"article_id": done, "annotator": "karim", "status": "done"});
    dispatch(&mut store, "set_status", st).expect("done");
    for by in ["least_sure", "most_suggestions"] {
        let req = json!({"annotator": "karim", "by": by, "after": 5, "limit": 10});
        let n = dispatch(&mut store, "suggest_next", req).expect("next");
        assert_ne!(n["article_id"], done, "{by}: {n}");
        assert_eq!(n["examined"], 3, "{by}: 1–4 but the done one: {n}");
    }
    let one = json!({"annotator": "karim", "by": "least_sure", "after": 5, "limit": 1});
    let n = dispatch(&mut store, "suggest_next", one).expect("next");
    let expect = if done == json!(1) { 2 } else { 1 };
    assert_eq!(n["article_id"], expect, "wraps round to the first unfinished: {n}");

    // The switch: off suggests nothing.
    dispatch(&mut store, "set_suggest_settings", json!({"mode": "off"})).expect("off");
    let none = dispatch(&mut store, "suggestions", json!({"article_id": 5})).expect("off");
    assert_eq!(none, json!([]));
    assert!(dispatch(&mut store, "set_suggest_settings", json!({"threshold": 2.0})).is_err());

    // Exports keep the origin; --origin filters.
    let ex = |store: &mut Store, extra: Value| {
        let mut req = json!({"format": "jsonl"});
        if let (Some(r), Some(e)) = (req.as_object_mut(), extra.as_object()) {
            r.extend(e.clone());
        }
        let v = dispatch(store, "export", req).expect("export");
        v["content"].as_str().unwrap_or("").to_string()
    };
    let all = ex(&mut store, json!({}));
    assert_eq!(all.matches("\"origin\":\"suggestion\"").count(), 1);
    let by_hand = ex(&mut store, json!({"origin": "analyst"}));
    assert!(!by_hand.contains("\"origin\""));
    let accepted = ex(&mut store, json!({"origin": "suggestion"}));
    assert_eq!(accepted.matches("\"label\":\"PER\"").count(), 1, "only the accepted span");
    let spans = ex(&mut store, json!({"format": "spans"}));
    assert_eq!(spans.matches("\"origin\":\"suggestion\"").count(), 1);
    assert!(dispatch(&mut store, "export", json!({"format": "jsonl", "origin": "x"})).is_err());

    // Native JSONL round trip keeps the origin.
    let mut other = Store::open_in_memory().expect("open");
    let opts = ImportOptions::default();
    let mut report = import::ImportReport::default();
    import::import_bytes(&mut other, "all.jsonl", all.as_bytes(), &opts, &mut report)
        .expect("import");
    assert_eq!(ex(&mut other, json!({})), all);
}

fn hashiya(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hashiya")).args(args).output().expect("run");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.success(), text + &String::from_utf8_lossy(&out.stderr))
}

#[test]
fn cli_trains_applies_and_evaluates() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("p.hashiya");
    {
        let mut store = Store::open(&db).expect("open");
        labelled(&mut store);
    }
    let db = db.to_str().unwrap_or("");
    let (ok, out) = hashiya(&["--db", db, "suggest", "apply", "--all"]);
    assert!(!ok && out.contains("suggest train"), "no model yet: {out}");
    let (ok, out) = hashiya(&["--db", db, "suggest", "train", "--json"]);
    assert!(ok, "{out}");
    let t: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(t["info"]["articles"], 4);
    let (ok, out) = hashiya(&["--db", db, "suggest", "apply", "--article", "5", "--json"]);
    assert!(ok, "{out}");
    let applied: Value = serde_json::from_str(&out).expect("json");
    assert!(applied[0]["suggestions"].as_i64().unwrap_or(0) > 0, "{out}");
    let (ok, out) = hashiya(&["--db", db, "suggest", "evaluate", "--split", "0.75", "--seed", "3"]);
    assert!(ok && out.contains("sequence labeller") && out.contains("PER"), "{out}");
    let (ok, out) =
        hashiya(&["--db", db, "suggest", "evaluate", "--annotators", "salma", "--json"]);
    assert!(ok, "{out}");
    let e: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(
        e["train_articles"].as_i64().unwrap_or(0) + e["test_articles"].as_i64().unwrap_or(0),
        4
    );
    let (ok, out) = hashiya(&["--db", db, "suggest", "evaluate", "--annotators", "nobody"]);
    assert!(!ok && out.contains("nobody"), "{out}");
    // Suggestions are stored apart: the analysts' spans did not change.
    let store = Store::open(Path::new(db)).expect("open");
    let n: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM spans WHERE article_id = 5", [], |r| r.get(0))
        .expect("count");
    assert_eq!(n, 0);
}

#[test]
fn the_entity_registry_is_the_labellers_gazetteer() {
    let mut store = Store::open_in_memory().expect("open");
    labelled(&mut store);
    dispatch(&mut store, "suggest_train", json!({})).expect("train");
    let names = |store: &Store| {
        hashiya::suggest::store::load_model(store.conn())
            .expect("load")
            .map_or(0, |m| m.names.len())
    };
    assert_eq!(names(&store), 0, "no registry yet");
    let req = json!({"annotator": "salma", "label": "PER", "name": "عبد اللطيف حموشي", "aliases": ["حموشي"]});
    let e = dispatch(&mut store, "create_entity", req).expect("entity");
    assert_eq!(names(&store), 2, "the model follows the registry without training again");
    dispatch(&mut store, "add_alias", json!({"id": e["id"], "alias": "الحموشي"})).expect("alias");
    assert_eq!(names(&store), 3);
    // Trained with the registry: held-out scores and suggestions as before.
    let t = dispatch(&mut store, "suggest_train", json!({})).expect("train");
    assert!(t["evaluation"]["model"]["overall"]["f1"].is_number(), "{t:#}");
    let sug = dispatch(&mut store, "suggestions", json!({"article_id": 5})).expect("suggest");
    assert!(sug.as_array().is_some_and(|a| a.iter().any(|s| s["text"] == "حموشي")), "{sug:#}");
}
