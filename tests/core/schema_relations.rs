//! The native schema file carries relation types, span attributes and label parents: a round trip
//! through the CLI into an empty project, imports that add and update but never delete, and bad
//! entries refused with their name while nothing of the file is kept.

use hashiya::api::dispatch;
use hashiya::schema_file::{self, SchemaFile};
use hashiya::Store;
use serde_json::{json, Value};
use std::process::Command;

fn call(store: &mut Store, cmd: &str, args: Value) -> Value {
    dispatch(store, cmd, args).unwrap_or_else(|e| panic!("{cmd}: {}", e.message))
}

/// A schema with a parent label, a list and a yes/no attribute (with keys) and a custom relation type.
fn rich(store: &mut Store) {
    call(
        store,
        "save_label",
        json!({"kind": "span", "name": "ORG.GOV", "color": "#0b7285", "parent": "ORG"}),
    );
    call(
        store,
        "save_attribute",
        json!({"label": "PER", "name": "certainty", "kind": "choice", "choices": ["certain", "reported", "uncertain"],
               "default": "certain", "keys": ["1", "2", "3"]}),
    );
    call(
        store,
        "save_attribute",
        json!({"label": "PER", "name": "negated", "kind": "bool", "keys": ["n"]}),
    );
    call(store, "save_attribute", json!({"label": "ORG.GOV", "name": "role", "kind": "text"}));
    call(
        store,
        "save_relation_type",
        json!({"name": "ADVISES", "color": "#5F3DC4", "hotkey": "d", "description": "يستشير",
               "directed": true, "from_labels": ["PER"], "to_labels": ["PER", "ORG.GOV"]}),
    );
}

fn native(store: &Store) -> String {
    schema_file::write(&schema_file::read(store.conn()).expect("read"), "native").expect("write").0
}

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hashiya")).args(args).output().expect("run");
    let s = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.success(), s(&out.stdout), s(&out.stderr))
}

#[test]
fn the_native_schema_file_carries_relation_types_attributes_and_parents() {
    let mut store = Store::open_in_memory().expect("open");
    rich(&mut store);
    let file: Value = serde_json::from_str(&native(&store)).expect("json");
    let advises = file["relation_types"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["name"] == "ADVISES"))
        .expect("ADVISES");
    assert_eq!(
        advises,
        &json!({"name": "ADVISES", "color": "#5f3dc4", "hotkey": "d", "description": "يستشير",
                "directed": true, "from_labels": ["PER"], "to_labels": ["PER", "ORG.GOV"]})
    );
    let meets = &file["relation_types"][0];
    assert_eq!((&meets["name"], &meets["directed"]), (&json!("MEETS"), &json!(false)));
    let label = |n: &str| {
        file["labels"].as_array().and_then(|l| l.iter().find(|l| l["name"] == n)).expect("label")
    };
    assert_eq!(label("ORG.GOV")["parent"], "ORG");
    assert!(label("ORG").get("parent").is_none(), "a top-level label writes no parent");
    assert_eq!(
        label("PER")["attributes"],
        json!([
            {"name": "certainty", "kind": "choice", "choices": ["certain", "reported", "uncertain"],
             "default": "certain", "keys": ["1", "2", "3"]},
            {"name": "negated", "kind": "bool", "keys": ["n"]},
        ])
    );
    // A file of the older shape (labels and tags only) still reads.
    let old =
        r##"{"hashiya_schema": 1, "labels": [{"name": "PER", "color": "#e8590c"}], "tags": []}"##;
    let parsed = schema_file::parse(old).expect("old file");
    assert!(parsed.relation_types.is_empty() && parsed.labels[0].attributes.is_empty());
}

#[test]
fn schema_export_then_import_into_an_empty_project_gives_the_same_schema() {
    let dir = tempfile::tempdir().expect("dir");
    let (a, b) = (dir.path().join("a.hashiya"), dir.path().join("b.hashiya"));
    let file = dir.path().join("schema.json");
    let p = |x: &std::path::Path| x.to_str().expect("utf-8").to_string();
    {
        let mut store = Store::open(&a).expect("open a");
        rich(&mut store);
    }
    let (ok, _, err) = run(&["--db", &p(&a), "schema", "export", "--out", &p(&file)]);
    assert!(ok, "{err}");
    let (ok, out, err) = run(&["--db", &p(&b), "schema", "import", &p(&file)]);
    assert!(ok, "{err}");
    assert!(out.contains("relation type ADVISES"), "{out}");
    assert!(out.contains("attribute PER.certainty"), "{out}");
    let (ok, again, _) = run(&["--db", &p(&b), "schema", "export"]);
    assert!(ok);
    assert_eq!(again, std::fs::read_to_string(&file).expect("file"), "the same schema");
    // Importing it once more changes nothing.
    let (ok, out, _) = run(&["--db", &p(&b), "schema", "import", &p(&file)]);
    assert!(ok && !out.contains("added:") && !out.contains("updated:"), "{out}");
    // The peer formats say what they cannot hold.
    let (ok, _, err) = run(&["--db", &p(&a), "schema", "export", "--format", "doccano"]);
    assert!(ok && err.contains("relation types") && err.contains("span attributes"), "{err}");
}

#[test]
fn importing_adds_and_updates_and_never_deletes() {
    let mut source = Store::open_in_memory().expect("open");
    rich(&mut source);
    let mut file: SchemaFile = schema_file::parse(&native(&source)).expect("parse");
    file.relation_types.retain(|t| t.name == "ADVISES" || t.name == "VISITS");
    if let Some(v) = file.relation_types.iter_mut().find(|t| t.name == "VISITS") {
        v.color = "#000000".into();
    }
    let mut target = Store::open_in_memory().expect("open");
    call(&mut target, "save_relation_type", json!({"name": "FUNDS", "color": "#123456"}));
    call(&mut target, "save_attribute", json!({"label": "LOC", "name": "capital", "kind": "bool"}));
    let done = target.with_tx(|tx| schema_file::apply(tx, &file)).expect("apply");
    assert!(done.added.contains(&"relation type ADVISES".to_string()), "{done:?}");
    assert!(done.updated.contains(&"relation type VISITS".to_string()), "{done:?}");
    assert!(done.added.contains(&"attribute ORG.GOV.role".to_string()), "{done:?}");
    assert!(
        done.updated.contains(&"ORG.GOV".to_string())
            || done.added.contains(&"ORG.GOV".to_string())
    );
    let now = call(&mut target, "relation_schema", json!({}));
    let names: Vec<&str> = now["relation_types"]
        .as_array()
        .expect("types")
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    assert_eq!(names, ["MEETS", "VISITS", "LEADS", "FUNDS", "ADVISES"], "nothing deleted");
    assert!(now["attributes"].as_array().expect("attrs").iter().any(|a| a["name"] == "capital"));
    let labels = call(&mut target, "list_labels", json!({}));
    let gov =
        labels.as_array().and_then(|l| l.iter().find(|l| l["name"] == "ORG.GOV")).expect("gov");
    assert_eq!(gov["parent"], "ORG");
}

#[test]
fn a_bad_entry_is_named_and_nothing_of_the_file_is_kept() {
    let mut store = Store::open_in_memory().expect("open");
    let before = native(&store);
    let cases = [
        (
            json!({"name": "NEW", "color": "#111111"}),
            json!({"name": "HOSTS", "color": "#222222", "from_labels": ["PER"], "to_labels": ["VENUE"]}),
            None,
            "relation type \"HOSTS\"",
        ),
        (
            json!({"name": "NEW", "color": "#111111"}),
            json!({"name": "HOSTS", "color": "blue"}),
            None,
            "relation type \"HOSTS\": colour \"blue\"",
        ),
        (
            json!({"name": "NEW", "color": "#111111",
                   "attributes": [{"name": "certainty", "kind": "choice", "choices": ["a", "b"], "default": "c"}]}),
            json!({"name": "HOSTS", "color": "#222222"}),
            None,
            "attribute \"certainty\" of \"NEW\"",
        ),
        (
            json!({"name": "NEW", "color": "#111111", "parent": "NOWHERE"}),
            json!({"name": "HOSTS", "color": "#222222"}),
            None,
            "span \"NEW\"",
        ),
        (
            json!({"name": "NEW", "color": "#111111"}),
            json!({"name": "HOSTS", "color": "#222222"}),
            Some(
                json!({"name": "urgent", "color": "#333333", "attributes": [{"name": "x", "kind": "bool"}]}),
            ),
            "tag \"urgent\": only span labels have attributes",
        ),
    ];
    for (label, rtype, tag, want) in cases {
        let file = json!({"hashiya_schema": 1, "labels": [label], "relation_types": [rtype],
                          "tags": tag.into_iter().collect::<Vec<_>>()})
        .to_string();
        let parsed = schema_file::parse(&file).expect("parse");
        let err = store.with_tx(|tx| schema_file::apply(tx, &parsed)).expect_err("refused");
        assert!(err.to_string().contains(want), "{want} in {err}");
        assert_eq!(native(&store), before, "nothing of {file} kept");
    }
    let err = schema_file::parse(
        r##"{"hashiya_schema": 1, "labels": [{"name": "PER", "attributes": [{"name": "x", "kind": "number"}]}]}"##,
    )
    .expect_err("bad kind");
    assert!(err.to_string().contains("number"), "{err}");
}
