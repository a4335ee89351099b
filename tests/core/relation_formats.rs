//! Relations and span attributes in the export formats and back: native JSONL round trip (small
//! files and staged large ones), older files, bad relations rejected with their line and reason.

use crate::common::{cp_range, TRICKY};
use hashiya::api::dispatch;
use hashiya::import::{import_bytes, import_jsonl_str, ImportOptions, ImportReport};
use hashiya::Store;
use serde_json::{json, Value};

fn call(store: &mut Store, cmd: &str, args: Value) -> Value {
    dispatch(store, cmd, args).unwrap_or_else(|e| panic!("{cmd}: {}", e.message))
}

/// Two analysts' spans, attributes and relations (a symmetric MEETS, a directed VISITS) on TRICKY.
pub fn annotated() -> Store {
    let mut store = Store::open_in_memory().expect("open");
    let line = json!({"id": "a1", "title": "t", "text": TRICKY}).to_string();
    import_jsonl_str(&mut store, "a.jsonl", &line, &ImportOptions::default()).expect("import");
    call(
        &mut store,
        "save_attribute",
        json!({"label": "PER", "name": "certainty", "kind": "choice", "choices": ["certain", "reported"], "default": "certain"}),
    );
    call(&mut store, "save_attribute", json!({"label": "PER", "name": "negated", "kind": "bool"}));
    let span = |store: &mut Store, needle: &str, label: &str, who: &str| {
        let (s, e) = cp_range(TRICKY, needle);
        let v = call(
            store,
            "add_span",
            json!({"article_id": 1, "annotator": who, "start": s, "end": e, "label": label}),
        );
        v["id"].as_i64().expect("id")
    };
    let hammouchi = span(&mut store, "عبد اللطيف حموشي", "PER", "salma");
    let director = span(&mut store, "المديرُ العام", "PER", "salma");
    let rabat = span(&mut store, "الرباط", "LOC", "salma");
    let k_hammouchi = span(&mut store, "حموشي", "PER", "karim");
    let k_rabat = span(&mut store, "الرباط", "LOC", "karim");
    call(
        &mut store,
        "set_span_attrs",
        json!({"id": director, "annotator": "salma", "attrs": {"certainty": "reported", "negated": false}}),
    );
    for (from, to, t, who, note) in [
        (hammouchi, director, "MEETS", "salma", "في مقر DGSN"),
        (director, rabat, "VISITS", "salma", ""),
        (k_hammouchi, k_rabat, "VISITS", "karim", ""),
    ] {
        call(
            &mut store,
            "add_relation",
            json!({"annotator": who, "from": from, "to": to, "type": t, "note": note}),
        );
    }
    store
}

pub fn export(store: &Store, format: &str) -> String {
    let mut out = Vec::new();
    hashiya::export::export_to(store.conn(), format, &mut out).expect("export");
    String::from_utf8(out).expect("utf-8")
}

fn import(store: &mut Store, name: &str, content: &str) -> ImportReport {
    let mut report = ImportReport::default();
    import_bytes(store, name, content.as_bytes(), &ImportOptions::default(), &mut report)
        .expect("import");
    report
}

#[test]
fn native_jsonl_carries_relations_and_attributes_and_round_trips() {
    let store = annotated();
    let first = export(&store, "jsonl");
    let rec: Value = serde_json::from_str(first.lines().next().expect("line")).expect("json");
    let spans = rec["spans"].as_array().expect("spans");
    assert_eq!(
        spans.iter().map(|s| s["id"].as_i64()).collect::<Vec<_>>(),
        (1..=5).map(Some).collect::<Vec<_>>()
    );
    let director = spans.iter().find(|s| s["text"] == "المديرُ العام").expect("director");
    assert_eq!(director["attrs"], json!({"certainty": "reported", "negated": false}));
    let rels = rec["relations"].as_array().expect("relations");
    assert_eq!(rels.len(), 3);
    let meets = &rels[0];
    assert_eq!(
        (&meets["type"], &meets["annotator"], &meets["note"]),
        (&json!("MEETS"), &json!("salma"), &json!("في مقر DGSN"))
    );
    let by_id = |id: &Value| spans.iter().find(|s| &s["id"] == id).expect("end");
    assert_eq!(by_id(&meets["from"])["text"], "عبد اللطيف حموشي");
    assert_eq!(by_id(&meets["to"])["text"], "المديرُ العام");
    assert!(meets["created_at"].as_str().is_some_and(|t| t.ends_with('Z')));
    // Into an empty project and out again: the same bytes.
    let mut again = Store::open_in_memory().expect("open");
    let r = import(&mut again, "x.jsonl", &first);
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_eq!(export(&again, "jsonl"), first);
    // Importing the same file again changes nothing.
    import(&mut again, "x.jsonl", &first);
    assert_eq!(export(&again, "jsonl"), first);
}

#[test]
fn a_large_file_goes_through_staging_with_its_relations() {
    let dir = tempfile::tempdir().expect("dir");
    let first = export(&annotated(), "jsonl");
    // Over the staging size: the relations line plus many plain articles.
    let mut big = first.clone();
    for k in 0..2500 {
        big.push_str(
            &json!({"id": format!("p{k}"), "text": format!("نص رقم {k} {}", "كلمة ".repeat(80))})
                .to_string(),
        );
        big.push('\n');
    }
    assert!(big.len() as u64 > hashiya::import::STAGE_FROM, "{}", big.len());
    let mut store = Store::open(&dir.path().join("p.hashiya")).expect("open");
    let r = import(&mut store, "big.jsonl", &big);
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    let out = export(&store, "jsonl");
    assert_eq!(out.lines().count(), 2501);
    let line = out.lines().next().unwrap_or_default();
    assert!(line == first.trim_end(), "the staged line differs:\n{line}\n{first}");
}

#[test]
fn older_files_without_relations_still_import() {
    let mut store = Store::open_in_memory().expect("open");
    let (s, e) = cp_range(TRICKY, "حموشي");
    let line = json!({"text": TRICKY, "spans": [{"start": s, "end": e, "label": "PER", "annotator": "salma"}]});
    let r = import(&mut store, "old.jsonl", &line.to_string());
    assert_eq!((r.imported.len(), r.rejected.len()), (1, 0));
    let out = export(&store, "jsonl");
    assert!(
        !out.contains("\"relations\"") && !out.contains("\"attrs\"") && !out.contains("\"id\":1"),
        "{out}"
    );
}

#[test]
fn a_bad_relation_rejects_its_line_with_the_reason() {
    let (s, e) = cp_range(TRICKY, "حموشي");
    let (s2, e2) = cp_range(TRICKY, "الرباط");
    let spans = json!([
        {"id": 1, "start": s, "end": e, "label": "PER", "annotator": "salma"},
        {"id": 2, "start": s2, "end": e2, "label": "LOC", "annotator": "salma"},
        {"id": 3, "start": s2, "end": e2, "label": "LOC", "annotator": "karim"},
    ]);
    let cases = [
        (json!([{"from": 1, "to": 9, "type": "VISITS", "annotator": "salma"}]), "relation #1 (VISITS from 1 to 9): no span of this line has the id 9"),
        (json!([{"from": 2, "to": 1, "type": "VISITS", "annotator": "salma"}]), "relation #1 (VISITS from 2 to 1): a VISITS relation goes PER → LOC, not LOC → PER"),
        (json!([{"from": 1, "to": 3, "type": "VISITS", "annotator": "salma"}]), "relation #1 (VISITS from 1 to 3): the span 3 is karim's, but the relation is salma's (a relation links its analyst's own spans)"),
    ];
    for (rels, want) in cases {
        let mut store = Store::open_in_memory().expect("open");
        let good = json!({"text": "سطر أول سليم"}).to_string();
        let bad = json!({"text": TRICKY, "spans": spans, "relations": rels}).to_string();
        let r = import(&mut store, "f.jsonl", &format!("{good}\n{bad}\n"));
        assert_eq!(r.imported.len(), 1);
        assert_eq!(r.rejected.len(), 1, "{rels}");
        assert_eq!((r.rejected[0].line, r.rejected[0].reason.as_str()), (Some(2), want));
        // Nothing of the rejected line was stored.
        assert_eq!(
            dispatch(&mut store, "project_info", json!({})).expect("info")["article_count"],
            1
        );
    }
    // A type the project does not know is added (as directed, any ends).
    let mut store = Store::open_in_memory().expect("open");
    let line = json!({"text": TRICKY, "spans": spans, "relations": [{"from": 1, "to": 2, "type": "BORN_IN", "annotator": "salma"}]});
    let r = import(&mut store, "f.jsonl", &line.to_string());
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    let types = call(&mut store, "relation_schema", json!({}))["relation_types"].clone();
    assert!(types
        .as_array()
        .expect("types")
        .iter()
        .any(|t| t["name"] == "BORN_IN" && t["directed"] == true));
}

fn relations_of(store: &mut Store) -> Vec<(String, String, String, String)> {
    let v = call(store, "get_article", json!({"id": 1}));
    let text_of = |id: &Value| {
        v["spans"]
            .as_array()
            .and_then(|s| s.iter().find(|s| &s["id"] == id))
            .map(|s| s["text"].as_str().unwrap_or("").to_string())
            .unwrap_or_default()
    };
    let mut out: Vec<_> = v["relations"]
        .as_array()
        .expect("relations")
        .iter()
        .map(|r| {
            (
                text_of(&r["from"]),
                r["type"].as_str().unwrap_or("").to_string(),
                text_of(&r["to"]),
                r["annotator"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn spans_jsonl_names_relation_ends_by_index() {
    let out = export(&annotated(), "spans");
    let rec: Value = serde_json::from_str(out.trim()).expect("json");
    let spans = rec["spans"].as_array().expect("spans");
    let rels = rec["relations"].as_array().expect("relations");
    assert_eq!(rels.len(), 3, "{rels:?}");
    let text = |k: &Value| {
        let s = &spans[k.as_u64().expect("index") as usize];
        let (a, b) =
            (s["start"].as_u64().unwrap_or(0) as usize, s["end"].as_u64().unwrap_or(0) as usize);
        TRICKY.chars().skip(a).take(b - a).collect::<String>()
    };
    let mut got: Vec<(String, String, String)> = rels
        .iter()
        .map(|r| (text(&r["from"]), r["type"].as_str().unwrap_or("").into(), text(&r["to"])))
        .collect();
    got.sort();
    let want = [
        ("المديرُ العام", "VISITS", "الرباط"),
        ("حموشي", "VISITS", "الرباط"),
        ("عبد اللطيف حموشي", "MEETS", "المديرُ العام"),
    ];
    let mut want: Vec<(String, String, String)> =
        want.iter().map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())).collect();
    want.sort();
    assert_eq!(got, want);
    // Both analysts' spans of الرباط are one span here, so the relations share it.
    assert_eq!(spans.len(), 4);
}

#[test]
fn doccano_writes_its_relation_shape_and_reads_it_back() {
    let store = annotated();
    let out = export(&store, "doccano");
    let rec: Value = serde_json::from_str(out.trim()).expect("json");
    // doccano's relation example: entities {id, start_offset, end_offset, label}, relations {id, from_id, to_id, type}.
    let entities = rec["entities"].as_array().expect("entities");
    assert_eq!(
        entities[0].as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()),
        Some(vec!["end_offset".into(), "id".into(), "label".into(), "start_offset".into()])
    );
    let rels = rec["relations"].as_array().expect("relations");
    assert_eq!(
        rels[0].as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()),
        Some(vec!["from_id".into(), "id".into(), "to_id".into(), "type".into()])
    );
    assert_eq!(rels.len(), 3);
    // UTF-16 offsets (the emoji before the second line counts two).
    let hammouchi = entities
        .iter()
        .find(|e| {
            e["label"] == "PER"
                && e["end_offset"].as_u64().unwrap_or(0) - e["start_offset"].as_u64().unwrap_or(0)
                    == 16
        })
        .expect("حموشي");
    let (s, _) = cp_range(TRICKY, "عبد اللطيف حموشي");
    assert_eq!(hammouchi["start_offset"].as_u64(), Some(s as u64 + 1));
    let mut again = Store::open_in_memory().expect("open");
    let r = import(&mut again, "d.jsonl", &out);
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    let got = relations_of(&mut again);
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(
        got.contains(&(
            "عبد اللطيف حموشي".into(),
            "MEETS".into(),
            "المديرُ العام".into(),
            "doccano".into()
        )),
        "{got:?}"
    );
}

#[test]
fn label_studio_writes_relations_and_per_region_attributes_and_reads_them_back() {
    let out = export(&annotated(), "labelstudio");
    let tasks: Value = serde_json::from_str(&out).expect("json");
    let results: Vec<&Value> = tasks[0]["annotations"]
        .as_array()
        .expect("annotations")
        .iter()
        .flat_map(|a| a["result"].as_array().expect("result"))
        .collect();
    let rel = results
        .iter()
        .find(|r| r["type"] == "relation" && r["labels"][0] == "VISITS")
        .expect("relation");
    assert_eq!(rel["direction"], "right");
    assert!(rel["from_id"]
        .as_str()
        .is_some_and(|id| results.iter().any(|r| r["type"] == "labels" && r["id"] == id)));
    let meets = results.iter().find(|r| r["labels"][0] == "MEETS").expect("meets");
    assert_eq!(meets["direction"], "bi");
    let certainty = results
        .iter()
        .find(|r| r["from_name"] == "certainty" && r["value"]["choices"][0] == "reported")
        .expect("attr");
    assert_eq!(certainty["type"], "choices");
    let mut again = Store::open_in_memory().expect("open");
    let r = import(&mut again, "ls.json", &out);
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_eq!(relations_of(&mut again).len(), 3);
    let view = call(&mut again, "get_article", json!({"id": 1}));
    let director = view["spans"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["text"] == "المديرُ العام"))
        .cloned()
        .expect("span");
    assert_eq!(director["attrs"], json!({"certainty": "reported", "negated": false}));
}

#[test]
fn token_formats_count_the_relations_they_leave_out() {
    let store = annotated();
    for format in ["conll", "hf", "prodigy"] {
        let dir = tempfile::tempdir().expect("dir");
        let o = hashiya::export::ExportOptions {
            format: hashiya::export::Format::parse(format).expect("format"),
            misaligned: hashiya::export::Misaligned::Expand,
            ..Default::default()
        };
        let path = dir.path().join(format!("out.{format}"));
        let report = hashiya::export::export_file_with(store.conn(), &o, &path).expect("export");
        assert_eq!(report.total.relations_left_out, 3, "{format}");
        assert!(report
            .total
            .notes()
            .contains(&"3 relations left out (this format has no place for them)".to_string()));
        let manifest =
            std::fs::read_to_string(dir.path().join(format!("out.{format}.manifest.json")))
                .expect("manifest");
        let m: Value = serde_json::from_str(&manifest).expect("json");
        assert_eq!(m["counts"]["relations_left_out"], 3, "{format}");
    }
}

fn files_of(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(e.path()).expect("read"))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn brat_round_trips_through_an_empty_project() {
    let mut store = annotated();
    // salma's span of the director is linked to an entity whose preferred name differs from it.
    let director: i64 = store
        .conn()
        .query_row("SELECT s.id FROM spans s JOIN annotators n ON n.id = s.annotator_id WHERE n.name = 'salma' AND s.end - s.start = 13", [], |r| r.get(0))
        .expect("director span");
    store
        .with_tx(|tx| {
            let new = hashiya::entities::NewEntity {
                id: Some("E7-director"),
                label: "PER",
                name: "المدير العام للأمن",
                created_by: "salma",
                ..Default::default()
            };
            hashiya::entities::create(tx, &new)?;
            hashiya::entities::link(tx, director, "salma", Some("E7-director")).map(|_| ())
        })
        .expect("link");
    let (first, second) = (tempfile::tempdir().expect("dir"), tempfile::tempdir().expect("dir"));
    let o = hashiya::export::ExportOptions::default();
    let t = hashiya::export::brat::export_dir(store.conn(), &o, first.path()).expect("export");
    assert_eq!((t.articles, t.relations), (1, 3));
    let files = files_of(first.path());
    assert_eq!(
        files.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(),
        ["a1.ann", "a1.txt", "annotation.conf"]
    );
    assert_eq!(files[1].1, TRICKY, "the .txt is the text exactly");
    let ann = &files[0].1;
    let (s, e) = cp_range(TRICKY, "عبد اللطيف حموشي");
    assert!(ann.contains(&format!("\tPER {s} {e}\tعبد اللطيف حموشي\n")), "{ann}");
    assert!(ann.lines().any(|l| l.starts_with('R') && l.contains("\tMEETS Arg1:T")), "{ann}");
    assert!(
        ann.lines()
            .any(|l| l.starts_with('A') && l.ends_with(" reported") && l.contains("certainty T")),
        "{ann}"
    );
    assert!(
        ann.lines().any(|l| l.starts_with('#') && l.contains("AnnotatorNotes T"))
            || !ann.contains('#')
    );
    assert!(
        ann.lines().any(|l| l.starts_with('N')
            && l.contains("\tReference T")
            && l.ends_with(" Hashiya:E7-director\tالمدير العام للأمن")),
        "{ann}"
    );
    let conf = &files[2].1;
    assert!(conf.contains("MEETS\tArg1:PER, Arg2:PER, <REL-TYPE>:symmetric\n"), "{conf}");
    assert!(conf.contains("VISITS\tArg1:PER, Arg2:LOC\n"), "{conf}");
    assert!(conf.contains("certainty\tArg:PER, Value:certain|reported\n"), "{conf}");
    assert!(conf.contains("negated\tArg:PER\n"), "{conf}");
    // Into an empty project and out again: the same files.
    let mut again = Store::open_in_memory().expect("open");
    let r = hashiya::import::brat::import_dir(&mut again, first.path(), &ImportOptions::default())
        .expect("import");
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_eq!(relations_of(&mut again).len(), 3);
    let name: String = again
        .conn()
        .query_row("SELECT name FROM entities WHERE key = 'E7-director'", [], |r| r.get(0))
        .expect("the entity came in with its name");
    assert_eq!(name, "المدير العام للأمن");
    hashiya::export::brat::export_dir(again.conn(), &o, second.path()).expect("export again");
    assert_eq!(files_of(second.path()), files);
}

#[test]
fn brat_spans_across_a_line_break_and_bad_lines() {
    let mut store = Store::open_in_memory().expect("open");
    let text = "زار الوفد\r\nالرباط أمس";
    let line = json!({"id": "x", "text": text, "spans": [{"start": 4, "end": 17, "label": "EVENT", "annotator": "salma"}]});
    import(&mut store, "x.jsonl", &line.to_string());
    let dir = tempfile::tempdir().expect("dir");
    hashiya::export::brat::export_dir(store.conn(), &Default::default(), dir.path())
        .expect("export");
    let ann = std::fs::read_to_string(dir.path().join("x.ann")).expect("ann");
    assert_eq!(ann, "T1\tEVENT 4 9;11 17\tالوفد الرباط\n");
    // Read back as one span; a fragment gap that is not a line break is refused with its line.
    let mut again = Store::open_in_memory().expect("open");
    let r = hashiya::import::brat::import_dir(&mut again, dir.path(), &ImportOptions::default())
        .expect("import");
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    let v = call(&mut again, "get_article", json!({"id": 1}));
    assert_eq!(
        (v["spans"][0]["start"].as_i64(), v["spans"][0]["end"].as_i64()),
        (Some(4), Some(17))
    );
    std::fs::write(dir.path().join("x.ann"), "T1\tEVENT 0 3;4 9\tزار الوفد\n").expect("write");
    let mut third = Store::open_in_memory().expect("open");
    let r = hashiya::import::brat::import_dir(&mut third, dir.path(), &ImportOptions::default())
        .expect("import");
    assert_eq!(r.rejected.len(), 1);
    assert_eq!(r.rejected[0].line, Some(1));
    assert!(
        r.rejected[0].reason.starts_with("a discontinuous span is read only when"),
        "{}",
        r.rejected[0].reason
    );
}

#[test]
fn the_cli_exports_and_imports_brat_folders() {
    let dir = tempfile::tempdir().expect("dir");
    let jsonl = dir.path().join("a.jsonl");
    std::fs::write(&jsonl, export(&annotated(), "jsonl")).expect("write");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_hashiya"))
            .args(args)
            .output()
            .expect("run");
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let (p1, p2) = (dir.path().join("p1.hashiya"), dir.path().join("p2.hashiya"));
    let (b1, b2) = (dir.path().join("brat1"), dir.path().join("brat2"));
    let s = |p: &std::path::Path| p.display().to_string();
    run(&["--db", &s(&p1), "import", &s(&jsonl)]);
    let err = run(&["--db", &s(&p1), "export", "--format", "brat", "--out", &s(&b1)]);
    assert!(err.contains("exported 1 articles, 4 spans, 3 relations"), "{err}");
    run(&["--db", &s(&p2), "import", "--format", "brat", &s(&b1)]);
    run(&["--db", &s(&p2), "export", "--format", "brat", "--out", &s(&b2)]);
    assert_eq!(files_of(&b1), files_of(&b2));
    // conll leaves the relations out and says so.
    let err = run(&["--db", &s(&p1), "export", "--format", "conll", "--misaligned", "expand"]);
    assert!(
        err.contains("note: 3 relations left out (this format has no place for them)"),
        "{err}"
    );
}
