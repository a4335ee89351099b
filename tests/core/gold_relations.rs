//! Relations, span attributes and entity links adjudicated into the gold layer: disagreements listed,
//! one analyst's version taken, every decision logged, the analysts' work untouched, and the gold
//! export carrying them in every format that carries analysts' relations.

use crate::common::{cp_range, TRICKY};
use hashiya::api::dispatch;
use hashiya::export::{ExportOptions, Format, GoldScope};
use hashiya::import::{import_jsonl_str, ImportOptions};
use hashiya::Store;
use serde_json::{json, Value};

fn call(store: &mut Store, cmd: &str, args: Value) -> Value {
    dispatch(store, cmd, args).unwrap_or_else(|e| panic!("{cmd}: {}", e.message))
}

fn fails(store: &mut Store, cmd: &str, args: Value) -> String {
    match dispatch(store, cmd, args) {
        Ok(v) => panic!("{cmd} should fail: {v}"),
        Err(e) => e.message,
    }
}

const WHO: [&str; 2] = ["salma", "karim"];

/// Spans of each analyst by name (hammouchi, director, rabat).
struct Fixture {
    store: Store,
    salma: [i64; 3],
    karim: [i64; 3],
    /// salma's MEETS, karim's ADVISES (same two places), salma's VISITS (karim has none).
    relations: [i64; 3],
    entity: String,
}

fn fixture() -> Fixture {
    let mut store = Store::open_in_memory().expect("open");
    let line = json!({"id": "a1", "title": "t", "text": TRICKY}).to_string();
    import_jsonl_str(&mut store, "a.jsonl", &line, &ImportOptions::default()).expect("import");
    call(
        &mut store,
        "save_attribute",
        json!({"label": "PER", "name": "certainty", "kind": "choice", "choices": ["certain", "reported"]}),
    );
    call(
        &mut store,
        "save_relation_type",
        json!({"name": "ADVISES", "color": "#5f3dc4", "directed": true, "from_labels": ["PER"], "to_labels": ["PER"]}),
    );
    let mut ids = [[0i64; 3]; 2];
    for (k, who) in WHO.iter().enumerate() {
        for (n, (needle, label)) in
            [("عبد اللطيف حموشي", "PER"), ("المديرُ العام", "PER"), ("الرباط", "LOC")]
                .iter()
                .enumerate()
        {
            let (s, e) = cp_range(TRICKY, needle);
            let v = call(
                &mut store,
                "add_span",
                json!({"article_id": 1, "annotator": who, "start": s, "end": e, "label": label}),
            );
            ids[k][n] = v["id"].as_i64().expect("id");
        }
    }
    let [salma, karim] = ids;
    let rel = |store: &mut Store, from: i64, to: i64, t: &str, who: &str| {
        let v = call(
            store,
            "add_relation",
            json!({"annotator": who, "from": from, "to": to, "type": t}),
        );
        v["id"].as_i64().expect("relation id")
    };
    let relations = [
        rel(&mut store, salma[0], salma[1], "MEETS", "salma"),
        rel(&mut store, karim[0], karim[1], "ADVISES", "karim"),
        rel(&mut store, salma[1], salma[2], "VISITS", "salma"),
    ];
    for (who, span, c) in [("salma", salma[1], "reported"), ("karim", karim[1], "certain")] {
        call(
            &mut store,
            "set_span_attrs",
            json!({"id": span, "annotator": who, "attrs": {"certainty": c}}),
        );
    }
    let e = call(&mut store, "create_entity", json!({"annotator": "salma", "span_id": salma[0]}));
    let entity = e["id"].as_str().expect("entity id").to_string();
    Fixture { store, salma, karim, relations, entity }
}

fn review(store: &mut Store) -> Value {
    call(store, "review_article", json!({"article_id": 1, "annotators": WHO}))
}

fn decide(store: &mut Store, decisions: Value) -> Value {
    call(
        store,
        "adjudicate_all",
        json!({"article_id": 1, "reviewer": "huda", "annotators": WHO, "decisions": decisions}),
    )
}

fn gold_span<'a>(view: &'a Value, text: &str) -> &'a Value {
    view["gold"]
        .as_array()
        .and_then(|g| g.iter().find(|s| s["text"] == text))
        .unwrap_or_else(|| panic!("no gold span {text}: {}", view["gold"]))
}

/// The gold relations as (type, from text, to text).
fn gold_relations(view: &Value) -> Vec<(String, String, String)> {
    let text = |id: &Value| {
        view["gold"]
            .as_array()
            .and_then(|g| g.iter().find(|s| &s["id"] == id))
            .and_then(|s| s["text"].as_str())
            .unwrap_or("?")
            .to_string()
    };
    let mut out: Vec<_> = view["gold_relations"]
        .as_array()
        .expect("gold relations")
        .iter()
        .map(|r| (r["type"].as_str().unwrap_or("").to_string(), text(&r["from"]), text(&r["to"])))
        .collect();
    out.sort();
    out
}

fn adjudicated() -> Fixture {
    let mut f = fixture();
    call(
        &mut f.store,
        "accept_agreeing",
        json!({"article_id": 1, "reviewer": "huda", "annotators": WHO}),
    );
    let [meets, advises, visits] = f.relations;
    decide(
        &mut f.store,
        json!([
            {"action": "reject_relation", "relation_id": meets},
            {"action": "accept_relation", "relation_id": advises},
            {"action": "accept_relation", "relation_id": visits},
            {"action": "take_attribute", "span_id": f.karim[1], "name": "certainty"},
            {"action": "take_entity", "span_id": f.salma[0]},
        ]),
    );
    f
}

#[test]
fn review_lists_relation_attribute_and_link_disagreements_with_each_version() {
    let mut f = fixture();
    let v = review(&mut f.store);
    let kinds: Vec<&str> = v["relation_disagreements"]
        .as_array()
        .expect("relation disagreements")
        .iter()
        .filter_map(|d| d["kind"].as_str())
        .collect();
    // By place in the text: the director comes first.
    assert_eq!(kinds, ["missing", "type"]);
    let votes = &v["relation_disagreements"][1]["votes"];
    assert_eq!(votes[0]["type"], "MEETS");
    assert_eq!(votes[1]["type"], "ADVISES");
    assert_eq!(votes[1]["relation_id"], f.relations[1]);
    let attrs = &v["attribute_disagreements"];
    assert_eq!(attrs.as_array().map(Vec::len), Some(1), "{attrs}");
    // Analysts in name order, each with the span to take the value from.
    assert_eq!(attrs[0]["values"], json!([["karim", "certain"], ["salma", "reported"]]));
    assert_eq!(attrs[0]["span_ids"], json!([f.karim[1], f.salma[1]]));
    let links = &v["link_disagreements"];
    assert_eq!(links.as_array().map(Vec::len), Some(1), "{links}");
    assert_eq!(links[0]["entities"], json!([["karim", null], ["salma", f.entity]]));
    assert_eq!(links[0]["place"]["label"], "PER");
    assert_eq!(
        v["entity_names"],
        json!({ &f.entity: "عبد اللطيف حموشي" }),
        "named for the reviewer"
    );
}

#[test]
fn taking_a_version_puts_it_into_gold_and_logs_who_and_when() {
    let mut f = adjudicated();
    let v = review(&mut f.store);
    assert_eq!(
        gold_relations(&v),
        [
            ("ADVISES".into(), "عبد اللطيف حموشي".into(), "المديرُ العام".into()),
            ("VISITS".into(), "المديرُ العام".into(), "الرباط".into()),
        ]
    );
    let director = gold_span(&v, "المديرُ العام");
    assert_eq!(director["attrs"], json!({"certainty": "certain"}));
    assert_eq!(gold_span(&v, "عبد اللطيف حموشي")["entity"], json!(f.entity));
    assert!(gold_span(&v, "الرباط").get("entity").is_none());
    let log: Vec<(String, String)> = v["decisions"]
        .as_array()
        .expect("decisions")
        .iter()
        .filter(|d| d["decision"].as_str().is_some_and(|d| d.contains('_')))
        .map(|d| {
            (d["decision"].as_str().unwrap_or("").into(), d["detail"].as_str().unwrap_or("").into())
        })
        .collect();
    let (h, d) = (cp_range(TRICKY, "عبد اللطيف حموشي"), cp_range(TRICKY, "المديرُ العام"));
    let r = cp_range(TRICKY, "الرباط");
    assert_eq!(
        log,
        [
            (
                "relation_rejected".into(),
                format!("MEETS [{}, {}) PER – [{}, {}) PER", h.0, h.1, d.0, d.1)
            ),
            (
                "relation_accepted".into(),
                format!("ADVISES [{}, {}) PER → [{}, {}) PER", h.0, h.1, d.0, d.1)
            ),
            (
                "relation_accepted".into(),
                format!("VISITS [{}, {}) PER → [{}, {}) LOC", d.0, d.1, r.0, r.1)
            ),
            ("attribute_set".into(), "certainty = \"certain\"".into()),
            ("entity_set".into(), format!("entity {}", f.entity)),
        ]
    );
    for d in v["decisions"].as_array().expect("decisions") {
        assert_eq!(d["reviewer"], "huda");
        assert!(d["created_at"].as_str().is_some_and(|t| t.ends_with('Z')), "{d}");
    }
    // The analysts' work is untouched.
    let spans = v["spans"].as_array().expect("spans");
    let salma_director = spans.iter().find(|s| s["id"] == f.salma[1]).expect("salma's span");
    assert_eq!(salma_director["attrs"], json!({"certainty": "reported"}));
    assert_eq!(v["relations"].as_array().map(Vec::len), Some(3));

    // Changing one's mind: salma's value, then salma's MEETS instead of karim's ADVISES.
    let [meets, advises, _] = f.relations;
    let v = decide(
        &mut f.store,
        json!([
            {"action": "take_attribute", "span_id": f.salma[1], "name": "certainty"},
            {"action": "reject_relation", "relation_id": advises},
            {"action": "accept_relation", "relation_id": meets},
            {"action": "take_entity", "span_id": f.karim[0]},
        ]),
    );
    assert_eq!(gold_span(&v, "المديرُ العام")["attrs"], json!({"certainty": "reported"}));
    assert!(gold_span(&v, "عبد اللطيف حموشي").get("entity").is_none());
    let types: Vec<String> = gold_relations(&v).into_iter().map(|r| r.0).collect();
    assert_eq!(types, ["MEETS", "VISITS"]);
}

#[test]
fn accepting_a_relation_brings_its_ends_and_a_symmetric_one_is_kept_once() {
    let mut f = fixture();
    let [meets, ..] = f.relations;
    let v = decide(&mut f.store, json!([{"action": "accept_relation", "relation_id": meets}]));
    assert_eq!(v["gold"].as_array().map(Vec::len), Some(2), "both ends went into gold");
    assert_eq!(gold_span(&v, "المديرُ العام")["attrs"], json!({"certainty": "reported"}));
    // karim's MEETS the other way round is the same gold relation.
    let kmeets = call(
        &mut f.store,
        "add_relation",
        json!({"annotator": "karim", "from": f.karim[1], "to": f.karim[0], "type": "MEETS"}),
    );
    let v =
        decide(&mut f.store, json!([{"action": "accept_relation", "relation_id": kmeets["id"]}]));
    assert_eq!(v["gold_relations"].as_array().map(Vec::len), Some(1));
    // Deleting the analyst's relation leaves the gold one.
    call(&mut f.store, "delete_relation", json!({"id": meets, "annotator": "salma"}));
    let v = review(&mut f.store);
    assert_eq!(v["gold_relations"].as_array().map(Vec::len), Some(1));
    // Removing a gold span takes its gold relations with it.
    let g = gold_span(&v, "المديرُ العام")["id"].clone();
    let v = decide(&mut f.store, json!([{"action": "remove", "gold_id": g}]));
    assert_eq!(v["gold_relations"], json!([]));
}

#[test]
fn bad_gold_decisions_say_why_and_change_nothing() {
    let mut f = adjudicated();
    let before = review(&mut f.store);
    let rabat = gold_span(&before, "الرباط")["id"].clone();
    let director = gold_span(&before, "المديرُ العام")["id"].clone();
    let hammouchi = gold_span(&before, "عبد اللطيف حموشي")["id"].clone();
    let mut bad = |d: Value| {
        fails(
            &mut f.store,
            "adjudicate_all",
            json!({"article_id": 1, "reviewer": "huda", "annotators": WHO,
                   "decisions": [{"action": "take_attribute", "span_id": f.salma[1], "name": "certainty"}, d]}),
        )
    };
    let e = bad(
        json!({"action": "add_relation", "from_gold": rabat, "to_gold": director, "type": "VISITS"}),
    );
    assert!(e.contains("VISITS relation goes PER → LOC, not LOC → PER"), "{e}");
    let e = bad(
        json!({"action": "set_attribute", "gold_id": director, "name": "certainty", "value": "sure"}),
    );
    assert!(e.contains("certainty") && e.contains("certain|reported"), "{e}");
    let e = bad(
        json!({"action": "set_attribute", "gold_id": rabat, "name": "certainty", "value": "certain"}),
    );
    assert!(e.contains("LOC has no attribute named \"certainty\""), "{e}");
    let e = bad(json!({"action": "set_entity", "gold_id": rabat, "entity": f.entity}));
    assert!(e.contains("is a PER entity; this gold span is LOC"), "{e}");
    let e = bad(json!({"action": "remove_relation", "gold_relation_id": 999}));
    assert!(e.contains("no gold relation 999"), "{e}");
    let e = bad(json!({"action": "accept_relation", "relation_id": 999}));
    assert!(e.contains("no relation with id 999"), "{e}");
    assert_eq!(review(&mut f.store), before, "a failed batch changes nothing");

    // The reviewer's own relation and values between gold spans.
    let v = decide(
        &mut f.store,
        json!([
            {"action": "add_relation", "from_gold": hammouchi, "to_gold": rabat, "type": "VISITS"},
            {"action": "set_attribute", "gold_id": director, "name": "certainty"},
            {"action": "set_entity", "gold_id": hammouchi},
        ]),
    );
    assert_eq!(gold_relations(&v).len(), 3);
    assert_eq!(gold_span(&v, "المديرُ العام")["attrs"], json!({}));
    assert!(gold_span(&v, "عبد اللطيف حموشي").get("entity").is_none());
    let id = v["gold_relations"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["decision"] == "added"))
        .map(|r| r["id"].clone())
        .expect("added relation");
    let v = decide(&mut f.store, json!([{"action": "remove_relation", "gold_relation_id": id}]));
    assert_eq!(gold_relations(&v).len(), 2);
    let last = v["decisions"].as_array().and_then(|d| d.last()).cloned().expect("log");
    assert_eq!(last["decision"], "relation_removed");
}

fn gold_export(store: &Store, format: Format) -> String {
    let o =
        ExportOptions { format, gold: Some(GoldScope::IncludeUnadjudicated), ..Default::default() };
    let mut out = Vec::new();
    hashiya::export::export_with(store.conn(), &o, &mut out).expect("export");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn the_gold_export_carries_relations_attributes_and_entities_in_every_relation_format() {
    let f = adjudicated();
    let native: Value =
        serde_json::from_str(gold_export(&f.store, Format::Jsonl).trim()).expect("json");
    let spans = native["spans"].as_array().expect("spans");
    assert_eq!(spans.len(), 3);
    let by_id = |id: &Value| spans.iter().find(|s| &s["id"] == id).expect("end in the line");
    let mut rels: Vec<(String, String, String)> = native["relations"]
        .as_array()
        .expect("relations")
        .iter()
        .map(|r| {
            let t = |k: &str| by_id(&r[k])["text"].as_str().unwrap_or("").to_string();
            (r["type"].as_str().unwrap_or("").to_string(), t("from"), t("to"))
        })
        .collect();
    rels.sort();
    assert_eq!(rels[0], ("ADVISES".into(), "عبد اللطيف حموشي".into(), "المديرُ العام".into()));
    assert_eq!(rels[1].0, "VISITS");
    assert!(native["relations"].as_array().expect("r").iter().all(|r| r["annotator"] == "huda"));
    let director = spans.iter().find(|s| s["text"] == "المديرُ العام").expect("director");
    assert_eq!(director["attrs"], json!({"certainty": "certain"}));
    let hammouchi = spans.iter().find(|s| s["text"] == "عبد اللطيف حموشي").expect("hammouchi");
    assert_eq!(hammouchi["entity"], json!(f.entity));

    let spans_fmt: Value =
        serde_json::from_str(gold_export(&f.store, Format::Spans).trim()).expect("spans json");
    assert_eq!(spans_fmt["relations"].as_array().map(Vec::len), Some(2), "{spans_fmt}");
    assert_eq!(spans_fmt["spans"][2]["entity"], json!(f.entity), "{spans_fmt}");

    let doccano: Value =
        serde_json::from_str(gold_export(&f.store, Format::Doccano).trim()).expect("doccano json");
    let types: Vec<&str> = doccano["relations"]
        .as_array()
        .expect("doccano relations")
        .iter()
        .filter_map(|r| r["type"].as_str())
        .collect();
    assert_eq!(types.len(), 2, "{doccano}");
    assert!(types.contains(&"ADVISES") && types.contains(&"VISITS"));

    let ls: Value =
        serde_json::from_str(&gold_export(&f.store, Format::Labelstudio)).expect("label studio");
    let results: Vec<&Value> = ls[0]["annotations"]
        .as_array()
        .expect("annotations")
        .iter()
        .flat_map(|a| a["result"].as_array().expect("result"))
        .collect();
    assert_eq!(results.iter().filter(|r| r["type"] == "relation").count(), 2);
    assert!(results
        .iter()
        .any(|r| r["from_name"] == "certainty" && r["value"]["choices"][0] == "certain"));

    let dir = tempfile::tempdir().expect("dir");
    let o = ExportOptions { gold: Some(GoldScope::IncludeUnadjudicated), ..Default::default() };
    let t = hashiya::export::brat::export_dir(f.store.conn(), &o, dir.path()).expect("brat");
    assert_eq!(t.relations, 2);
    let ann = std::fs::read_to_string(dir.path().join("a1.ann")).expect("ann");
    assert!(ann.lines().any(|l| l.starts_with('R') && l.contains("\tADVISES Arg1:T")), "{ann}");
    assert!(ann.lines().any(|l| l.starts_with('A') && l.ends_with(" certain")), "{ann}");
}

#[test]
fn deleting_a_relation_type_counts_and_takes_its_gold_relations() {
    let mut f = adjudicated();
    let schema = call(&mut f.store, "relation_schema", json!({}));
    let id = schema["relation_types"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["name"] == "ADVISES"))
        .map(|t| t["id"].clone())
        .expect("ADVISES");
    let n = call(&mut f.store, "relation_type_usage", json!({"id": id}));
    assert_eq!(n, json!(2), "karim's relation and the gold one");
    call(&mut f.store, "delete_relation_type", json!({"id": id, "expected_relations": 2}));
    let v = review(&mut f.store);
    assert_eq!(gold_relations(&v).into_iter().map(|r| r.0).collect::<Vec<_>>(), ["VISITS"]);
}

#[test]
fn accepting_what_all_agree_on_takes_the_relations_marked_alike() {
    let mut f = fixture();
    // karim's VISITS like salma's; their MEETS / ADVISES still differ.
    call(
        &mut f.store,
        "add_relation",
        json!({"annotator": "karim", "from": f.karim[1], "to": f.karim[2], "type": "VISITS"}),
    );
    let v = call(
        &mut f.store,
        "accept_agreeing",
        json!({"article_id": 1, "reviewer": "huda", "annotators": WHO}),
    );
    assert_eq!(gold_relations(&v), [("VISITS".into(), "المديرُ العام".into(), "الرباط".into())]);
    assert_eq!(v["relation_disagreements"].as_array().map(Vec::len), Some(1));
}

#[test]
fn agreement_reports_linking_accuracy_per_pair() {
    let mut f = fixture();
    let pair = |store: &mut Store| {
        let r = call(store, "agreement", json!({"annotators": WHO}));
        assert!(r["linking_rule"].as_str().is_some_and(|s| s.contains("same entity")), "{r}");
        (r["pairs"][0]["linking_accuracy"].clone(), r["pairs"][0]["linked_spans"].clone())
    };
    // salma linked the minister, karim did not: one linked span compared, none alike.
    assert_eq!(pair(&mut f.store), (json!(0.0), json!(1)));
    call(
        &mut f.store,
        "link_span",
        json!({"annotator": "karim", "span_id": f.karim[0], "entity": f.entity}),
    );
    assert_eq!(pair(&mut f.store), (json!(1.0), json!(1)));
    let v = review(&mut f.store);
    assert_eq!(v["link_disagreements"], json!([]), "linked alike: no disagreement left");
    let report = hashiya::review::agreement::agreement(f.store.conn(), &[], 10).expect("report");
    let text = hashiya::review::text_report(&report);
    assert!(text.contains("linkAcc") && text.contains("1.000"), "{text}");
    assert!(text.contains("Links: linking accuracy"), "{text}");
}
