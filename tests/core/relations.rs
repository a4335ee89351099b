//! Relations and span attributes through the command API: checked against the schema, owned by
//! their analyst, deleted with their span only when confirmed; relation types and attributes edited.

use crate::common::{cp_range, TRICKY};
use hashiya::api::dispatch;
use hashiya::Store;
use serde_json::{json, Value};

struct Project {
    store: Store,
    article: i64,
}

impl Project {
    fn new() -> Project {
        let mut store = Store::open_in_memory().expect("open");
        let r = hashiya::import::import_jsonl_str(
            &mut store,
            "a.jsonl",
            &json!({"id": "a1", "text": TRICKY}).to_string(),
            &Default::default(),
        )
        .expect("import");
        let article = r.imported[0].article_id;
        Project { store, article }
    }

    fn call(&mut self, cmd: &str, args: Value) -> Result<Value, String> {
        dispatch(&mut self.store, cmd, args).map_err(|e| format!("{}: {}", e.kind, e.message))
    }

    fn span(&mut self, needle: &str, label: &str, who: &str) -> i64 {
        let (s, e) = cp_range(TRICKY, needle);
        let r = self
            .call(
                "add_span",
                json!({"article_id": self.article, "annotator": who, "start": s, "end": e, "label": label}),
            )
            .expect("span");
        r["id"].as_i64().expect("id")
    }

    fn relation(&mut self, from: i64, to: i64, t: &str, who: &str) -> Result<Value, String> {
        self.call("add_relation", json!({"annotator": who, "from": from, "to": to, "type": t}))
    }

    fn relations(&mut self) -> Vec<Value> {
        let v = self.call("get_article", json!({"id": self.article})).expect("article");
        v["relations"].as_array().expect("relations").clone()
    }
}

#[test]
fn a_new_project_has_the_default_relation_types() {
    let mut p = Project::new();
    let info = p.call("project_info", json!({})).expect("info");
    let names: Vec<&str> = info["relation_types"]
        .as_array()
        .expect("types")
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    assert_eq!(names, ["MEETS", "VISITS", "LEADS"]);
    assert_eq!(info["relation_types"][0]["directed"], false);
    assert_eq!(info["relation_types"][1]["to_labels"], json!(["LOC"]));
    assert_eq!(info["attributes"], json!([]));
}

#[test]
fn relations_are_checked_against_the_schema_and_kept_once() {
    let mut p = Project::new();
    let per = p.span("حموشي", "PER", "salma");
    let fbi = p.span("FBI", "PER", "salma");
    let rabat = p.span("الرباط", "LOC", "salma");
    let r = p.relation(per, rabat, "VISITS", "salma").expect("visits");
    assert_eq!(
        (r["from"].as_i64(), r["to"].as_i64(), &r["type"]),
        (Some(per), Some(rabat), &json!("VISITS"))
    );
    assert_eq!(r["annotator"], "salma");
    assert!(r["created_at"].as_str().expect("time").ends_with('Z'));
    assert_eq!(r["existing"], false);
    // Against the type's direction: refused with the reason.
    let e = p.relation(rabat, per, "VISITS", "salma").expect_err("wrong way");
    assert!(e.starts_with("invalid: a VISITS relation goes PER → LOC, not LOC → PER"), "{e}");
    // A symmetric type: the reverse of an existing relation is the same relation.
    let m = p.relation(per, fbi, "MEETS", "salma").expect("meets");
    let again = p.relation(fbi, per, "MEETS", "salma").expect("same");
    assert_eq!((again["id"].clone(), again["existing"].clone()), (m["id"].clone(), json!(true)));
    for (from, to, t, want) in [
        (per, per, "MEETS", "invalid: a relation needs two different spans"),
        (per, 9999, "MEETS", "not_found: the target span 9999 of the relation does not exist"),
        (per, fbi, "KNOWS", "not_found: there is no relation type named \"KNOWS\" in this project"),
    ] {
        assert_eq!(p.relation(from, to, t, "salma").expect_err(want), want);
    }
    assert_eq!(p.relations().len(), 2);
}

#[test]
fn an_analyst_relates_and_changes_only_their_own_work() {
    let mut p = Project::new();
    let per = p.span("حموشي", "PER", "salma");
    let rabat = p.span("الرباط", "LOC", "salma");
    let karims = p.span("FBI", "PER", "karim");
    let e = p.relation(karims, rabat, "VISITS", "salma").expect_err("not hers");
    assert!(e.starts_with("forbidden: the source span belongs to karim"), "{e}");
    let e = p.relation(per, rabat, "VISITS", "karim").expect_err("not his");
    assert!(e.starts_with("forbidden:"), "{e}");
    let r = p.relation(per, rabat, "VISITS", "salma").expect("visits");
    let id = r["id"].as_i64().expect("id");
    for cmd in ["update_relation", "delete_relation"] {
        let e = p
            .call(cmd, json!({"id": id, "annotator": "karim", "note": "x"}))
            .expect_err("forbidden");
        assert!(e.starts_with("forbidden: this relation belongs to salma"), "{e}");
    }
    let u = p.call(
        "update_relation",
        json!({"id": id, "annotator": "salma", "note": "seen at the airport"}),
    );
    assert_eq!(u.expect("note")["note"], "seen at the airport");
    // Reversing a directed relation against its type is refused; nothing changes.
    let e = p.call("update_relation", json!({"id": id, "annotator": "salma", "reverse": true}));
    assert!(e.expect_err("reverse").starts_with("invalid: a VISITS relation goes PER → LOC"));
    assert_eq!(p.relations()[0]["from"].as_i64(), Some(per));
    p.call("delete_relation", json!({"id": id, "annotator": "salma"})).expect("delete");
    assert!(p.relations().is_empty());
}

#[test]
fn deleting_a_span_takes_its_relations_only_when_confirmed() {
    let mut p = Project::new();
    let per = p.span("حموشي", "PER", "salma");
    let rabat = p.span("الرباط", "LOC", "salma");
    p.relation(per, rabat, "VISITS", "salma").expect("visits");
    let e = p.call("delete_span", json!({"id": rabat, "annotator": "salma"})).expect_err("asks");
    assert_eq!(e, "conflict: this span has 1 relation: confirm to delete it with it");
    assert_eq!(p.relations().len(), 1);
    p.call("delete_spans", json!({"ids": [rabat], "annotator": "salma", "with_relations": true}))
        .expect("confirmed");
    assert!(p.relations().is_empty());
    let spans = p.call("get_article", json!({"id": p.article})).expect("article")["spans"].clone();
    assert_eq!(spans.as_array().map(Vec::len), Some(1));
}

#[test]
fn relabelling_a_span_keeps_its_relations_fitting() {
    let mut p = Project::new();
    let per = p.span("حموشي", "PER", "salma");
    let rabat = p.span("الرباط", "LOC", "salma");
    p.relation(per, rabat, "VISITS", "salma").expect("visits");
    let e = p.call("update_span", json!({"id": rabat, "annotator": "salma", "label": "ORG"}));
    assert!(e.expect_err("no longer fits").contains("relation no longer fits"));
    p.call("update_span", json!({"id": rabat, "annotator": "salma", "note": "city"}))
        .expect("note");
}

#[test]
fn span_attributes_are_typed_with_defaults() {
    let mut p = Project::new();
    let save = |p: &mut Project, v: Value| p.call("save_attribute", v);
    save(&mut p, json!({"label": "PER", "name": "negated", "kind": "bool", "default": "false", "keys": ["n"]}))
        .expect("bool");
    let schema = save(
        &mut p,
        json!({"label": "PER", "name": "certainty", "kind": "choice",
               "choices": ["certain", "reported", "uncertain"], "default": "certain"}),
    )
    .expect("choice");
    assert_eq!(schema["attributes"].as_array().map(Vec::len), Some(2));
    save(&mut p, json!({"label": "PER", "name": "role", "kind": "text"})).expect("text");
    for (bad, want) in [
        (json!({"label": "PER", "name": "x", "kind": "choice", "choices": []}), "invalid:"),
        (
            json!({"label": "PER", "name": "y", "kind": "choice", "choices": ["a"], "default": "b"}),
            "invalid:",
        ),
        (json!({"label": "PER", "name": "negated", "kind": "bool"}), "conflict:"),
        (json!({"label": "NOPE", "name": "z", "kind": "bool"}), "not_found:"),
    ] {
        assert!(save(&mut p, bad.clone()).expect_err("bad").starts_with(want), "{bad}");
    }
    let per = p.span("حموشي", "PER", "salma");
    let view = p.call("get_article", json!({"id": p.article})).expect("article");
    assert_eq!(view["spans"][0]["attrs"], json!({"negated": false, "certainty": "certain"}));
    let set = |p: &mut Project, who: &str, attrs: Value| {
        p.call("set_span_attrs", json!({"id": per, "annotator": who, "attrs": attrs}))
    };
    let s =
        set(&mut p, "salma", json!({"negated": true, "certainty": "reported", "role": "director"}));
    assert_eq!(s.expect("set")["attrs"]["certainty"], "reported");
    for (who, attrs, want) in [
        ("salma", json!({"certainty": "sure"}), "invalid: attribute \"certainty\" of PER is one of certain|reported|uncertain, not \"sure\""),
        ("salma", json!({"negated": "yes"}), "invalid: attribute \"negated\" of PER is true or false, not \"yes\""),
        ("salma", json!({"colour": "red"}), "invalid: PER has no attribute named \"colour\""),
        ("karim", json!({}), "forbidden: this span belongs to salma; karim cannot change another analyst's work"),
    ] {
        assert_eq!(set(&mut p, who, attrs).expect_err(want), want);
    }
    // A LOC span has no attributes: none are shown.
    p.span("الرباط", "LOC", "salma");
    let view = p.call("get_article", json!({"id": p.article})).expect("article");
    let loc =
        view["spans"].as_array().and_then(|v| v.iter().find(|s| s["label"] == "LOC")).cloned();
    assert!(loc.as_ref().is_some_and(|l| l.get("attrs").is_none()), "{loc:?}");
}

#[test]
fn relation_types_are_edited_and_deleted_with_their_count_confirmed() {
    let mut p = Project::new();
    let s = p
        .call(
            "save_relation_type",
            json!({"name": "SIGNED_AT", "color": "#AA5500", "hotkey": "s", "directed": true,
                   "from_labels": ["PER", "ORG"], "to_labels": ["EVENT"]}),
        )
        .expect("save");
    let t = s["relation_types"].as_array().and_then(|v| v.last()).cloned().expect("type");
    assert_eq!(
        (t["color"].as_str(), t["from_labels"].clone()),
        (Some("#aa5500"), json!(["PER", "ORG"]))
    );
    for (bad, want) in [
        (json!({"name": "MEETS", "color": "#000000"}), "conflict:"),
        (json!({"name": "X", "color": "#000000", "hotkey": "m"}), "conflict:"),
        (json!({"name": "Y", "color": "#000000", "to_labels": ["NOPE"]}), "not_found:"),
        (json!({"name": "Z", "color": "black"}), "invalid:"),
    ] {
        assert!(
            p.call("save_relation_type", bad.clone()).expect_err("bad").starts_with(want),
            "{bad}"
        );
    }
    // A renamed span label is renamed at the ends of the relation types too.
    let labels = p.call("list_labels", json!({})).expect("labels");
    let loc = labels
        .as_array()
        .expect("labels")
        .iter()
        .find(|l| l["name"] == "LOC")
        .cloned()
        .expect("LOC");
    p.call(
        "save_label",
        json!({"id": loc["id"], "kind": "span", "name": "PLACE", "color": "#2f9e44", "parent": ""}),
    )
    .expect("rename");
    let schema = p.call("relation_schema", json!({})).expect("schema");
    assert_eq!(schema["relation_types"][1]["to_labels"], json!(["PLACE"]));
    // Deleting a type in use needs its count.
    let per = p.span("حموشي", "PER", "salma");
    let rabat = p.span("الرباط", "PLACE", "salma");
    p.relation(per, rabat, "VISITS", "salma").expect("visits");
    let visits = schema["relation_types"][1]["id"].as_i64().expect("id");
    assert_eq!(p.call("relation_type_usage", json!({"id": visits})).expect("usage"), json!(1));
    let e = p.call("delete_relation_type", json!({"id": visits, "expected_relations": 0}));
    assert!(e.expect_err("count").starts_with("conflict:"));
    p.call("delete_relation_type", json!({"id": visits, "expected_relations": 1})).expect("delete");
    assert!(p.relations().is_empty());
}

#[test]
fn a_label_may_sit_under_another() {
    let mut p = Project::new();
    let gov = json!({"kind": "span", "name": "ORG.GOV", "color": "#1971c2", "parent": "ORG"});
    let labels = p.call("save_label", gov).expect("child");
    let gov = labels
        .as_array()
        .expect("labels")
        .iter()
        .find(|l| l["name"] == "ORG.GOV")
        .cloned()
        .expect("gov");
    assert_eq!(gov["parent"], "ORG");
    let e = p.call(
        "save_label",
        json!({"kind": "span", "name": "X", "color": "#000000", "parent": "NOPE"}),
    );
    assert!(e.expect_err("no parent").starts_with("not_found:"));
    let org = labels
        .as_array()
        .expect("labels")
        .iter()
        .find(|l| l["name"] == "ORG")
        .cloned()
        .expect("org");
    let e = p.call("save_label", json!({"id": org["id"], "kind": "span", "name": "ORG", "color": "#1971c2", "parent": "ORG.GOV"}));
    assert!(e.expect_err("cycle").contains("circle"));
}

#[test]
fn agreement_reports_relation_f1_and_attribute_kappa() {
    let mut p = Project::new();
    p.call("save_attribute", json!({"label": "PER", "name": "certainty", "kind": "choice", "choices": ["certain", "reported"]}))
        .expect("attr");
    for who in ["salma", "karim"] {
        let per = p.span("حموشي", "PER", who);
        let fbi = p.span("FBI", "PER", who);
        let rabat = p.span("الرباط", "LOC", who);
        // Both: the same MEETS (karim's the other way round: symmetric) and the same VISITS.
        let (a, b) = if who == "salma" { (per, fbi) } else { (fbi, per) };
        p.relation(a, b, "MEETS", who).expect("meets");
        p.relation(per, rabat, "VISITS", who).expect("visits");
        if who == "karim" {
            p.relation(fbi, rabat, "VISITS", who).expect("only karim");
        }
        let c = if who == "salma" { "reported" } else { "certain" };
        p.call("set_span_attrs", json!({"id": per, "annotator": who, "attrs": {"certainty": c}}))
            .expect("attrs");
        p.call(
            "set_span_attrs",
            json!({"id": fbi, "annotator": who, "attrs": {"certainty": "certain"}}),
        )
        .expect("attrs");
    }
    let r = hashiya::review::agreement::agreement(p.store.conn(), &[], 10).expect("agreement");
    let pair = &r.pairs[0];
    // karim (the reference) ~ salma: salma's 2 relations match 2 of karim's 3.
    assert_eq!((pair.a.as_str(), pair.b.as_str()), ("karim", "salma"));
    assert_eq!((pair.relations.precision, pair.relations.recall), (Some(1.0), Some(2.0 / 3.0)));
    assert_eq!(pair.attribute_values, 2);
    assert!(pair.attribute_kappa.is_some_and(|k| k < 1.0));
    let text = hashiya::review::text_report(&r);
    assert!(text.contains("relF1") && text.contains("0.800"), "{text}");
}

#[test]
fn review_lists_relation_and_attribute_disagreements() {
    let mut p = Project::new();
    p.call("save_attribute", json!({"label": "PER", "name": "certainty", "kind": "choice", "choices": ["certain", "reported"]}))
        .expect("attr");
    p.save_visits_and_leads();
    let v = p
        .call("review_article", json!({"article_id": p.article, "annotators": ["karim", "salma"]}))
        .expect("review");
    let kinds: Vec<(String, String, String)> = v["relation_disagreements"]
        .as_array()
        .expect("list")
        .iter()
        .map(|d| {
            let types: Vec<String> = d["votes"]
                .as_array()
                .expect("votes")
                .iter()
                .map(|x| x["type"].as_str().unwrap_or("-").to_string())
                .collect();
            (
                d["kind"].as_str().unwrap_or("").to_string(),
                d["a"]["label"].as_str().unwrap_or("").to_string()
                    + "-"
                    + d["b"]["label"].as_str().unwrap_or(""),
                types.join(","),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("type".to_string(), "PER-PER".to_string(), "ADVISES,MEETS".to_string()),
            ("missing".to_string(), "PER-ORG".to_string(), "LEADS,-".to_string()),
        ]
    );
    let attrs = v["attribute_disagreements"].as_array().expect("attrs");
    assert_eq!(attrs.len(), 1);
    assert_eq!(attrs[0]["name"], "certainty");
    assert_eq!(attrs[0]["values"], json!([["karim", "certain"], ["salma", "reported"]]));
    assert_eq!(v["relations"].as_array().map(Vec::len), Some(5));
}

impl Project {
    /// salma and karim on the same spans: the same VISITS, a MEETS/ADVISES type clash between the two
    /// persons, a LEADS only karim has; different certainty on حموشي.
    fn save_visits_and_leads(&mut self) {
        self.call("save_relation_type", json!({"name": "ADVISES", "color": "#123456"}))
            .expect("type");
        for who in ["salma", "karim"] {
            let per = self.span("حموشي", "PER", who);
            let fbi = self.span("FBI", "PER", who);
            let rabat = self.span("الرباط", "LOC", who);
            let dgsn = self.span("DGSN", "ORG", who);
            self.relation(per, rabat, "VISITS", who).expect("visits");
            let t = if who == "salma" { "MEETS" } else { "ADVISES" };
            self.relation(fbi, per, t, who).expect("clash");
            if who == "karim" {
                self.relation(per, dgsn, "LEADS", who).expect("leads");
            }
            let c = if who == "salma" { "reported" } else { "certain" };
            self.call(
                "set_span_attrs",
                json!({"id": per, "annotator": who, "attrs": {"certainty": c}}),
            )
            .expect("attrs");
        }
    }
}
