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
    let (s, e) =
        hashiya::occurrences::find_in(&text, needle, hashiya::clitics::CliticMode::Exclude)[0];
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
        (e["mentions"].as_i64(), e["by_article"].as_array().map(Vec::len)),
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

/// The seeds with the man's mentions all linked and the official's two spellings merged; (man, official).
fn linked_project(store: &mut Store) -> (String, String) {
    label_full_names(store);
    let span = add_span(store, "salma", 1, "حموشي", "PER");
    let e = call(store, "create_entity", json!({"annotator": "salma", "span_id": span}));
    let man = e["id"].as_str().expect("id").to_string();
    call(
        store,
        "update_entity",
        json!({"id": man, "latin": "Abdellatif Hammouchi", "external_id": "Q4665617"}),
    );
    let m = call(store, "entity_mentions", json!({"id": man, "annotator": "salma"}));
    let places: Vec<Value> = m["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| json!({"article_id": i["article_id"], "start": i["start"], "end": i["end"]}))
        .collect();
    call(store, "link_mentions", json!({"id": man, "annotator": "salma", "places": places}));
    let a = add_span(store, "salma", 1, "عبدالعزيز محمد الهويريني", "PER");
    let b = add_span(store, "salma", 2, "عبد العزيز بن محمد الهويريني", "PER");
    let ea = call(store, "create_entity", json!({"annotator": "salma", "span_id": a}));
    let eb = call(store, "create_entity", json!({"annotator": "salma", "span_id": b}));
    call(
        store,
        "merge_entities",
        json!({"annotator": "salma", "into": ea["id"], "from": eb["id"]}),
    );
    (man, ea["id"].as_str().expect("id").to_string())
}

fn registry(store: &mut Store) -> Value {
    let mut list = call(store, "list_entities", json!({}));
    for e in list.as_array_mut().expect("list") {
        let m = e.as_object_mut().expect("entity");
        m.remove("articles");
    }
    list
}

#[test]
fn exports_carry_the_entity_ids_and_reimport_to_the_same_registry() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = seeds_project();
    let (man, official) = linked_project(&mut store);
    let out = dir.path().join("x.jsonl");
    hashiya::export::export_to_file(store.conn(), "jsonl", &out).expect("export");
    let reg =
        std::fs::read_to_string(dir.path().join("x.entities.jsonl")).expect("registry beside");
    let lines: Vec<Value> = reg.lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert_eq!(lines.len(), 2, "the merged entity is not written: {reg}");
    let m = lines.iter().find(|l| l["id"] == json!(man)).expect("the man");
    assert_eq!(
        (m["type"].as_str(), m["name"].as_str(), m["latin"].as_str(), m["external_id"].as_str()),
        (Some("PER"), Some("حموشي"), Some("Abdellatif Hammouchi"), Some("Q4665617"))
    );
    assert_eq!(m["aliases"].as_array().map(Vec::len), Some(5));
    let native = std::fs::read_to_string(&out).expect("native");
    assert_eq!(native.matches(&format!("\"entity\":\"{man}\"")).count(), 36);
    assert_eq!(native.matches(&format!("\"entity\":\"{official}\"")).count(), 2);

    // Into an empty project: the same registry, the same links, the same bytes again.
    let db = dir.path().join("p.hashiya");
    let mut fresh = Store::open(&db).expect("open");
    let r = import::import_paths(&mut fresh, std::slice::from_ref(&out), &ImportOptions::default())
        .expect("import");
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_eq!(registry(&mut fresh), registry(&mut store));
    let again = dir.path().join("y.jsonl");
    hashiya::export::export_to_file(fresh.conn(), "jsonl", &again).expect("export");
    assert_eq!(std::fs::read_to_string(&again).expect("y"), native);
    assert_eq!(std::fs::read_to_string(dir.path().join("y.entities.jsonl")).expect("y reg"), reg);
    // Importing again changes nothing.
    import::import_paths(&mut fresh, &[out], &ImportOptions::default()).expect("again");
    assert_eq!(registry(&mut fresh), registry(&mut store));

    // spans JSONL carries the entity; Label Studio carries it as region meta and reads it back.
    let mut spans = Vec::new();
    hashiya::export::export_to(store.conn(), "spans", &mut spans).expect("spans");
    let spans = String::from_utf8(spans).expect("utf8");
    assert_eq!(spans.matches(&format!("\"entity\":\"{man}\"")).count(), 36);
    let ls = dir.path().join("ls.json");
    hashiya::export::export_to_file(store.conn(), "labelstudio", &ls).expect("ls");
    let text = std::fs::read_to_string(&ls).expect("ls text");
    assert_eq!(text.matches(&format!("\"meta\":{{\"entity\":\"{man}\"}}")).count(), 36);
    let mut third = Store::open_in_memory().expect("open");
    let r = import::import_paths(&mut third, &[ls], &ImportOptions::default()).expect("import ls");
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    let e = call(&mut third, "get_entity", json!({"id": man}));
    assert_eq!((e["mentions"].as_i64(), e["type"].as_str()), (Some(36), Some("PER")));
}

/// The span's entity, for exports that write spans one by one (brat's N lines).
#[test]
fn a_spans_entity_is_one_call() {
    let mut store = seeds_project();
    let span = add_span(&mut store, "salma", 1, "حموشي", "PER");
    assert_eq!(hashiya::entities::entity_of_span(store.conn(), span).expect("none"), None);
    let e = call(&mut store, "create_entity", json!({"annotator": "salma", "span_id": span}));
    assert_eq!(
        hashiya::entities::entity_of_span(store.conn(), span).expect("some"),
        e["id"].as_str().map(String::from)
    );
}

#[test]
fn the_command_line_imports_a_gazetteer_lists_and_links_all() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("p.hashiya");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    let run = |args: &[&str]| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_hashiya"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .expect("run");
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).to_string(),
            String::from_utf8_lossy(&o.stderr).to_string(),
        )
    };
    let (code, _, err) = run(&["import", seeds.to_str().expect("path")]);
    assert_eq!(code, Some(0), "{err}");
    let csv = dir.path().join("people.csv");
    std::fs::write(
        &csv,
        "name,type,aliases,latin,external_id\n\
         عبد اللطيف حموشي,PER,حموشي|عبداللطيف حموشي,Abdellatif Hammouchi,Q4665617\n\
         الرباط,LOC,,Rabat,\n\
         nobody,PERSON,,,\n",
    )
    .expect("csv");
    let (code, out, _) = run(&["entities", "import", csv.to_str().expect("csv")]);
    assert_eq!(code, Some(1), "a bad line exits 1: {out}");
    assert!(out.contains("people.csv:4: ") && out.contains("PERSON"), "{out}");
    assert!(out.contains("2 created, 0 updated, 1 rejected"), "{out}");
    let (code, out, _) = run(&["entities", "--json"]);
    assert_eq!(code, Some(0));
    let list: Value = serde_json::from_str(&out).expect("json");
    let man = list
        .as_array()
        .expect("list")
        .iter()
        .find(|e| e["latin"] == "Abdellatif Hammouchi")
        .expect("man");
    assert_eq!(
        (man["aliases"].as_array().map(Vec::len), man["mentions"].as_i64()),
        (Some(3), Some(0))
    );
    let id = man["id"].as_str().expect("id").to_string();

    let (code, out, err) = run(&["entities", "link-all", &id, "--annotator", "salma"]);
    assert_eq!(code, Some(0), "{err}");
    // The full names (longest match first), every other حموشي, الحموشي and the two احموشي: 15 + 18 + 1 + 2.
    assert_eq!(out.lines().filter(|l| l.starts_with("created\t")).count(), 36, "{out}");
    assert!(out.contains("36 spans created, 0 linked, 0 already linked, 0 left alone; new aliases: احموشي, الحموشي"), "{out}");
    let (_, out, _) = run(&["entities"]);
    assert!(
        out.contains(&format!("{id}\tPER\tعبد اللطيف حموشي\t5 aliases\t36 mentions in 5 articles")),
        "{out}"
    );
    // Again: nothing left to do.
    let (_, out, _) = run(&["entities", "link-all", &id, "--annotator", "salma"]);
    assert!(out.contains("0 spans created, 0 linked, 36 already linked"), "{out}");
}

#[test]
fn the_entity_view_lists_the_relations_of_its_mentions() {
    let mut store = seeds_project();
    let (man, official) = linked_project(&mut store);
    let view = call(&mut store, "get_article", json!({"id": 1}));
    let span_of = |key: &str| {
        view["spans"]
            .as_array()
            .and_then(|s| s.iter().find(|s| s["entity"] == key && s["annotator"] == "salma"))
            .and_then(|s| s["id"].as_i64())
            .expect("a linked span in article 1")
    };
    let (from, to) = (span_of(&man), span_of(&official));
    call(
        &mut store,
        "add_relation",
        json!({"annotator": "salma", "from": from, "to": to, "type": "MEETS"}),
    );
    let v = call(&mut store, "get_entity", json!({"id": man}));
    let rels = v["relations"].as_array().expect("relations");
    assert_eq!(rels.len(), 1, "{rels:?}");
    assert_eq!(rels[0]["type"], "MEETS");
    assert_eq!(rels[0]["article_id"], 1);
    assert_eq!(
        (rels[0]["outgoing"].as_bool(), rels[0]["directed"].as_bool()),
        (Some(true), Some(false))
    );
    assert_eq!(rels[0]["other_entity"], official.as_str());
    assert_eq!(rels[0]["other_label"], "PER");
    assert_eq!(rels[0]["other_text"], "عبدالعزيز محمد الهويريني");
    assert_eq!(rels[0]["annotator"], "salma");
    let w = call(&mut store, "get_entity", json!({"id": official}));
    let back = w["relations"].as_array().expect("relations");
    assert_eq!(back.len(), 1);
    assert_eq!(
        (back[0]["outgoing"].as_bool(), back[0]["other_entity"].as_str()),
        (Some(false), Some(man.as_str()))
    );
}
