//! The entity registry on the seed articles: one man spelled five ways becomes one entity whose mentions are
//! all linked in one undoable step (and nothing else is); the Saudi official's two spellings merge; merge and
//! split undo; another analyst's span is never linked; the article list filters by entity.

use std::collections::BTreeSet;
use std::path::Path;

use hashiya::api::dispatch;
use hashiya::import::{self, ImportOptions};
use hashiya::Store;
use serde_json::{json, Value};

fn seeds_project() -> Store {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    assert!(seeds.is_dir(), "../shared/corpus/seeds is missing");
    let mut store = Store::open_in_memory().expect("open");
    let r = import::import_paths(&mut store, &[seeds], &ImportOptions::default()).expect("import");
    assert_eq!(r.imported.len(), 5);
    store
}

fn call(store: &mut Store, cmd: &str, args: Value) -> Value {
    dispatch(store, cmd, args).unwrap_or_else(|e| panic!("{cmd}: {e:?}"))
}

/// The first place `needle` stands as a whole word in article `id`.
fn first(store: &Store, id: i64, needle: &str) -> (i64, i64) {
    let text = hashiya::articles::text_of(store.conn(), id).expect("text");
    let (s, e) = hashiya::occurrences::find_in(&text, needle)[0];
    (s as i64, e as i64)
}

/// `who` labels the first `needle` of article `id`.
fn add_span(store: &mut Store, who: &str, id: i64, needle: &str, label: &str) -> i64 {
    let (s, e) = first(store, id, needle);
    let r = call(
        store,
        "add_span",
        json!({"article_id": id, "annotator": who, "start": s, "end": e, "label": label}),
    );
    r["id"].as_i64().expect("span id")
}

/// salma labels every full name of the man PER, through "all occurrences".
fn label_full_names(store: &mut Store) {
    let place = first(store, 4, "عبد اللطيف حموشي");
    let req = json!({"article_id": 4, "start": place.0, "end": place.1, "annotator": "salma", "project": true});
    let r = call(store, "find_occurrences", req);
    let mut places: Vec<Value> = r["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| json!({"article_id": i["article_id"], "start": i["start"], "end": i["end"]}))
        .collect();
    places.push(json!({"article_id": 4, "start": place.0, "end": place.1}));
    call(store, "add_spans", json!({"annotator": "salma", "label": "PER", "places": places}));
}

fn aliases(e: &Value) -> BTreeSet<String> {
    e["aliases"]
        .as_array()
        .expect("aliases")
        .iter()
        .filter_map(|a| a.as_str().map(String::from))
        .collect()
}

#[test]
fn linking_all_mentions_of_one_man_finds_every_spelling_and_nothing_else() {
    let mut store = seeds_project();
    label_full_names(&mut store);
    // The first حموشي of article 1, on its own.
    let span = add_span(&mut store, "salma", 1, "حموشي", "PER");
    let e = call(&mut store, "create_entity", json!({"annotator": "salma", "span_id": span}));
    let id = e["id"].as_str().expect("id").to_string();
    assert_eq!((e["name"].as_str(), e["type"].as_str()), (Some("حموشي"), Some("PER")));

    let m = call(&mut store, "entity_mentions", json!({"id": id, "annotator": "salma"}));
    let items = m["items"].as_array().expect("items");
    // 33 حموشي (15 inside the full names), الحموشي, two احموشي; the linked span itself among them.
    assert_eq!(items.len(), 36, "{m:#}");
    let texts: BTreeSet<&str> = items.iter().filter_map(|i| i["text"].as_str()).collect();
    assert_eq!(texts, ["احموشي", "الحموشي", "حموشي"].into_iter().collect());
    let by = |a: &str| items.iter().filter(|i| i["action"] == a).count();
    assert_eq!((by("linked"), by("link"), by("create"), by("other")), (1, 15, 20, 0));
    let articles: BTreeSet<i64> = items.iter().filter_map(|i| i["article_id"].as_i64()).collect();
    assert_eq!(articles.len(), 5, "all five articles");

    // Link them all in one step.
    let places: Vec<Value> = items
        .iter()
        .filter(|i| i["action"] != "linked")
        .map(|i| json!({"article_id": i["article_id"], "start": i["start"], "end": i["end"]}))
        .collect();
    let done = call(
        &mut store,
        "link_mentions",
        json!({"id": id, "annotator": "salma", "places": places}),
    );
    assert_eq!(done["created"].as_array().map(Vec::len), Some(20));
    assert_eq!(done["linked"].as_array().map(Vec::len), Some(15));
    let e = call(&mut store, "get_entity", json!({"id": id}));
    assert_eq!(
        aliases(&e),
        ["حموشي", "الحموشي", "احموشي", "عبد اللطيف حموشي", "عبداللطيف حموشي"]
            .into_iter()
            .map(String::from)
            .collect(),
        "two-word, one-word and prefixed spellings are aliases of one entity"
    );
    assert_eq!(
        (e["mentions"].as_i64(), e["articles"].as_array().map(Vec::len)),
        (Some(36), Some(5))
    );
    let m = call(&mut store, "entity_mentions", json!({"id": id, "annotator": "salma"}));
    assert!(m["items"].as_array().expect("items").iter().all(|i| i["action"] == "linked"));

    // The article list filters by entity; spans carry the entity.
    let page = call(&mut store, "list_articles", json!({"annotator": "salma", "entity": id}));
    assert_eq!(page["total"], 5);
    let view = call(&mut store, "get_article", json!({"id": 1}));
    assert!(view["spans"].as_array().expect("spans").iter().any(|s| s["entity"] == json!(id)));

    // Undo: the created spans go, the linked ones are unlinked, the new aliases removed.
    call(&mut store, "undo_link_mentions", json!({"annotator": "salma", "done": done}));
    let e = call(&mut store, "get_entity", json!({"id": id}));
    assert_eq!(aliases(&e), ["حموشي".to_string()].into_iter().collect());
    assert_eq!(e["mentions"], 1);
    let spans: i64 =
        store.conn().query_row("SELECT count(*) FROM spans", [], |r| r.get(0)).expect("n");
    assert_eq!(spans, 16, "15 full names and the first حموشي");

    // Another analyst's span cannot be linked by salma, nor created from.
    let omar = add_span(&mut store, "omar", 2, "حموشي", "PER");
    let err = dispatch(
        &mut store,
        "link_span",
        json!({"annotator": "salma", "span_id": omar, "entity": id}),
    )
    .expect_err("forbidden");
    assert_eq!(err.kind, "forbidden");
    let r =
        call(&mut store, "link_span", json!({"annotator": "omar", "span_id": omar, "entity": id}));
    assert_eq!(r["span"]["entity"], json!(id));
    // omar's link-all sees salma's spans as nothing of his: 35 places to create, his own linked.
    let m = call(&mut store, "entity_mentions", json!({"id": id, "annotator": "omar"}));
    let items = m["items"].as_array().expect("items");
    assert_eq!(items.iter().filter(|i| i["action"] == "create").count(), 35);
}

#[test]
fn proposals_rank_the_closest_spelling_first_and_merge_and_split_undo() {
    let mut store = seeds_project();
    // The Saudi official, spelled two ways (articles 1 and 2).
    let a = add_span(&mut store, "salma", 1, "عبدالعزيز محمد الهويريني", "PER");
    let b = add_span(&mut store, "salma", 2, "عبد العزيز بن محمد الهويريني", "PER");
    let ea = call(&mut store, "create_entity", json!({"annotator": "salma", "span_id": a}));
    let ida = ea["id"].as_str().expect("id").to_string();
    // The man, to rank against.
    let h = add_span(&mut store, "salma", 1, "حموشي", "PER");
    let eh = call(&mut store, "create_entity", json!({"annotator": "salma", "span_id": h}));
    let idh = eh["id"].as_str().expect("id").to_string();

    let p = call(&mut store, "entity_proposals", json!({"span_id": b}));
    let p = p.as_array().expect("proposals");
    assert_eq!(p.len(), 1, "only the official: {p:#?}");
    assert_eq!((p[0]["id"].as_str(), p[0]["partial"].as_bool()), (Some(ida.as_str()), Some(true)));
    // A span spelled like an alias gets it first, as a whole match.
    let h2 = add_span(&mut store, "salma", 3, "حموشي", "PER");
    let p = call(&mut store, "entity_proposals", json!({"span_id": h2}));
    assert_eq!(p[0]["id"], json!(idh));
    assert_eq!((p[0]["partial"].as_bool(), p[0]["variant"].as_str()), (Some(false), Some("exact")));

    // The second spelling gets its own entity, then the two merge into one.
    let eb = call(&mut store, "create_entity", json!({"annotator": "salma", "span_id": b}));
    let idb = eb["id"].as_str().expect("id").to_string();
    let before = call(&mut store, "list_entities", json!({"label": "PER"}));
    assert_eq!(before.as_array().map(Vec::len), Some(3));
    let m =
        call(&mut store, "merge_entities", json!({"annotator": "salma", "into": ida, "from": idb}));
    assert_eq!(
        aliases(&m["entity"]),
        ["عبدالعزيز محمد الهويريني", "عبد العزيز بن محمد الهويريني"]
            .into_iter()
            .map(String::from)
            .collect()
    );
    let list = call(&mut store, "list_entities", json!({"label": "PER"}));
    let list = list.as_array().expect("list");
    assert_eq!(list.len(), 2);
    let official = list.iter().find(|e| e["id"] == json!(ida)).expect("official");
    assert_eq!((official["mentions"].as_i64(), official["articles"].as_i64()), (Some(2), Some(2)));
    // The merged id still answers, with the entity it went into (old exports keep working).
    assert_eq!(call(&mut store, "get_entity", json!({"id": idb}))["id"], json!(ida));
    // Undo the merge: two entities again, each with its own span.
    call(&mut store, "unmerge_entities", json!({"merge_id": m["merge_id"]}));
    assert_eq!(
        call(&mut store, "list_entities", json!({"label": "PER"})).as_array().map(Vec::len),
        Some(3)
    );
    assert_eq!(call(&mut store, "get_entity", json!({"id": idb}))["mentions"], 1);
    assert_eq!(aliases(&call(&mut store, "get_entity", json!({"id": ida}))).len(), 1);
    call(&mut store, "merge_entities", json!({"annotator": "salma", "into": ida, "from": idb}));

    // Split: one spelling and its span go to a new entity.
    let new = call(
        &mut store,
        "split_entity",
        json!({"annotator": "salma", "id": ida, "aliases": ["عبد العزيز بن محمد الهويريني"]}),
    );
    assert_eq!(new["name"], "عبد العزيز بن محمد الهويريني");
    let newv = call(&mut store, "get_entity", json!({"id": new["id"]}));
    assert_eq!(newv["mentions"], 1);
    assert_eq!(call(&mut store, "get_entity", json!({"id": ida}))["mentions"], 1);

    // Co-occurrence: the man and the official are both linked in article 1.
    let v = call(&mut store, "get_entity", json!({"id": idh}));
    assert!(v["cooccurring"].as_array().expect("co").iter().any(|c| c["id"] == json!(ida)));
    // Types must agree.
    let org = add_span(&mut store, "salma", 1, "حموشي", "ORG");
    let err = dispatch(
        &mut store,
        "link_span",
        json!({"annotator": "salma", "span_id": org, "entity": idh}),
    )
    .expect_err("type");
    assert_eq!(err.kind, "invalid");
}
