//! Coming from doccano and Label Studio: files their own exporters wrote (doccano 1.8.4, Label
//! Studio 1.23.2; how each was made: tests/fixtures/peers/README.md) import with every span exact,
//! a grapheme-mode doccano file stops with the right suggestion, and schema files go both ways.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use hashiya::import::{self, ImportOptions, ImportReport, OffsetUnit};
use hashiya::{export, schema_file, Store};
use serde_json::Value;

/// What the analysts annotated in the peer tools (tests/fixtures/peers/makers/texts.py):
/// (annotator, label, the span's text).
const ANNOTATED: &[(&str, &str, &str)] = &[
    ("admin", "ORG", "أرامكو"),
    ("admin", "ORG", "Aramco Ventures"),
    ("admin", "LOC", "الرياض"),
    ("admin", "DATE", "١٢ مارس 2026"),
    ("admin", "PER", "مُحَمَّدُ بنُ عَلِيٍّ"),
    ("admin", "LOC", "جدة"),
    ("admin", "EVENT", "معرض الكتاب"),
    ("admin", "LOC", "القاهرة"),
    ("admin", "PER", "سَلْمَى الحُسَيْنِي"),
    ("admin", "ORG", "جامعة القاهرة"),
    ("admin", "EVENT", "قَمَّةُ الدَّوْحَةِ"),
    ("admin", "LOC", "مصر"),
    ("admin", "LOC", "الأردن"),
    ("admin", "ORG", "جامعة الدول العربية"),
    ("admin", "DATE", "الخميس"),
    ("salma", "ORG", "أرامكو"),
    ("salma", "LOC", "الرياض"),
    ("salma", "PER", "سَلْمَى الحُسَيْنِي"),
    ("salma", "LOC", "القاهرة"),
    ("salma", "LOC", "الأردن"),
    ("salma", "ORG", "جامعة الدول العربية"),
    ("salma", "DATE", "الخميس"),
];

fn peer(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/peers").join(name)
}

fn import(store: &mut Store, name: &str, opts: &ImportOptions) -> ImportReport {
    import::import_paths(store, &[peer(name)], opts).expect("import")
}

/// Every stored span as (annotator, label, text[start:end], note), sorted; and the articles' tags.
/// (annotator, label, text, note) of a span; (annotator, label) of a tag.
type Stored = (Vec<(String, String, String, String)>, Vec<(String, String)>);

fn stored(store: &Store) -> Stored {
    let mut buf = Vec::new();
    export::export_to(store.conn(), "jsonl", &mut buf).expect("export");
    let (mut spans, mut tags) = (Vec::new(), Vec::new());
    for line in String::from_utf8(buf).expect("utf8").lines() {
        let r: Value = serde_json::from_str(line).expect("json");
        let chars: Vec<char> = r["text"].as_str().unwrap_or("").chars().collect();
        for s in r["spans"].as_array().into_iter().flatten() {
            let (a, b) = (s["start"].as_u64().unwrap_or(0), s["end"].as_u64().unwrap_or(0));
            spans.push((
                s["annotator"].as_str().unwrap_or("").to_string(),
                s["label"].as_str().unwrap_or("").to_string(),
                chars[a as usize..b as usize].iter().collect(),
                s["note"].as_str().unwrap_or("").to_string(),
            ));
        }
        for t in r["tags"].as_array().into_iter().flatten() {
            tags.push((
                t["annotator"].as_str().unwrap_or("").to_string(),
                t["label"].as_str().unwrap_or("").to_string(),
            ));
        }
    }
    spans.sort();
    tags.sort();
    (spans, tags)
}

/// The annotated spans, each analyst renamed by `who`.
fn expected(who: impl Fn(&str) -> String) -> Vec<(String, String, String)> {
    let mut out: Vec<_> =
        ANNOTATED.iter().map(|(a, l, t)| (who(a), l.to_string(), t.to_string())).collect();
    out.sort();
    out
}

fn without_notes(spans: &[(String, String, String, String)]) -> Vec<(String, String, String)> {
    spans.iter().map(|(a, l, t, _)| (a.clone(), l.clone(), t.clone())).collect()
}

fn clean(r: &ImportReport) {
    assert!(r.rejected.is_empty(), "{:#?}", r.rejected);
}

fn ls_map() -> BTreeMap<String, String> {
    [("1", "admin"), ("2", "salma")].iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn a_doccano_zip_imports_each_users_file_as_that_analyst_exactly() {
    let mut store = Store::open_in_memory().expect("open");
    let r = import(&mut store, "doccano-export.zip", &ImportOptions::default());
    clean(&r);
    assert_eq!((r.imported.len(), r.duplicates.len(), r.spans_added), (3, 3, 22), "{r:#?}");
    assert!(r.imported.iter().all(|a| a.file.ends_with("doccano-export.zip:salma.jsonl")));
    let (spans, _) = stored(&store);
    assert_eq!(without_notes(&spans), expected(str::to_string));
    // Importing the archive again changes nothing.
    let again = import(&mut store, "doccano-export.zip", &ImportOptions::default());
    assert_eq!((again.spans_added, again.imported.len()), (0, 0));
}

#[test]
fn a_grapheme_mode_doccano_export_stops_with_the_unit_to_choose_and_imports_with_it() {
    let mut store = Store::open_in_memory().expect("open");
    let r = import(&mut store, "doccano-grapheme-export.zip", &ImportOptions::default());
    assert_eq!(r.rejected.len(), 2, "{r:#?}");
    for x in &r.rejected {
        assert!(x.reason.contains("most likely counts grapheme clusters"), "{}", x.reason);
        assert!(x.reason.contains("--offsets grapheme"), "{}", x.reason);
    }
    assert_eq!(r.spans_added, 0);
    assert_eq!(hashiya::articles::count(store.conn()).expect("count"), 0, "nothing written");

    let opts = ImportOptions { offsets: Some(OffsetUnit::Grapheme), ..Default::default() };
    let r = import(&mut store, "doccano-grapheme-export.zip", &opts);
    clean(&r);
    assert_eq!(r.spans_added, 22);
    let (spans, _) = stored(&store);
    assert_eq!(without_notes(&spans), expected(str::to_string));
}

#[test]
fn the_default_doccano_export_passes_the_unit_check_and_a_wrong_unit_is_caught() {
    // Read as code points (a wrong --offsets given on purpose is trusted) the spans land off words…
    let mut store = Store::open_in_memory().expect("open");
    let opts = ImportOptions { offsets: Some(OffsetUnit::Codepoint), ..Default::default() };
    let r = import(&mut store, "doccano-export.zip", &opts);
    let (spans, _) = stored(&store);
    assert!(r.spans_added < 22 || without_notes(&spans) != expected(str::to_string));
    // …while the assumed unit is checked and right.
    let mut store = Store::open_in_memory().expect("open");
    clean(&import(&mut store, "doccano-export.zip", &ImportOptions::default()));
}

#[test]
fn label_studio_json_keeps_annotators_notes_and_choices() {
    let mut store = Store::open_in_memory().expect("open");
    let opts = ImportOptions { annotator_map: ls_map(), ..Default::default() };
    let r = import(&mut store, "labelstudio-export.json", &opts);
    clean(&r);
    assert_eq!(r.spans_added, 22);
    let (spans, tags) = stored(&store);
    assert_eq!(without_notes(&spans), expected(str::to_string));
    let notes: Vec<(&str, &str)> =
        spans.iter().filter(|s| !s.3.is_empty()).map(|s| (s.2.as_str(), s.3.as_str())).collect();
    assert_eq!(
        notes,
        vec![
            ("أرامكو", "اسم الشركة"),
            ("جامعة الدول العربية", "الجامعة العربية"),
            ("مُحَمَّدُ بنُ عَلِيٍّ", "with harakat")
        ]
    );
    assert_eq!(tags, vec![("admin".into(), "economy".into()), ("salma".into(), "economy".into())]);
    // Without a map the user ids stay apart, under the tool's name.
    let mut store = Store::open_in_memory().expect("open");
    clean(&import(&mut store, "labelstudio-export.json", &ImportOptions::default()));
    let (spans, _) = stored(&store);
    let id = |a: &str| if a == "admin" { "labelstudio:1" } else { "labelstudio:2" }.to_string();
    assert_eq!(without_notes(&spans), expected(id));
}

#[test]
fn label_studio_json_min_csv_and_tsv_import_as_label_studio() {
    for name in ["labelstudio-export-min.json", "labelstudio-export.csv", "labelstudio-export.tsv"]
    {
        let mut store = Store::open_in_memory().expect("open");
        let opts = ImportOptions { annotator_map: ls_map(), ..Default::default() };
        let r = import(&mut store, name, &opts);
        clean(&r);
        assert_eq!((r.imported.len(), r.duplicates.len(), r.spans_added), (3, 3, 22), "{name}");
        let (spans, _) = stored(&store);
        assert_eq!(without_notes(&spans), expected(str::to_string), "{name}");
    }
}

#[test]
fn label_studio_conll2003_imports_each_annotation_on_its_tokens() {
    let mut store = Store::open_in_memory().expect("open");
    let r = import(&mut store, "labelstudio-export.conll", &ImportOptions::default());
    clean(&r);
    assert_eq!((r.imported.len(), r.duplicates.len(), r.spans_added), (3, 3, 22), "{r:#?}");
    let (spans, _) = stored(&store);
    // CONLL2003 names no annotator: Label Studio wrote salma's annotation of each task first, then
    // admin's. Its tokens are whitespace-separated words, so a clitic or comma glued to a word is
    // inside the entity's token: those spans grow to whole words, exactly on LS's tokens.
    let who = |a: &str| {
        if a == "admin" { "labelstudio:annotation-2" } else { "labelstudio:annotation-1" }
            .to_string()
    };
    let whole_word = |t: &str| match t {
        "الأردن" => "والأردن".to_string(),
        "جامعة الدول العربية" => "لجامعة الدول العربية".to_string(),
        "١٢ مارس 2026" => "١٢ مارس 2026،".to_string(),
        t => t.to_string(),
    };
    let mut want: Vec<_> =
        expected(who).into_iter().map(|(a, l, t)| (a, l, whole_word(&t))).collect();
    want.sort();
    assert_eq!(without_notes(&spans), want);
}

#[test]
fn schema_files_go_to_the_peer_tools_and_back() {
    let mut store = Store::open_in_memory().expect("open");
    let schema = schema_file::read(store.conn()).expect("read");
    let (xml, lost) = schema_file::write(&schema, "labelstudio").expect("write");
    assert!(xml.contains("<Label value=\"PER\" background=\"#e8590c\" hotkey=\"p\""), "{xml}");
    assert!(xml.contains("<Text name=\"text\" value=\"$text\"/>"));
    assert!(xml.contains("<Choice value=\"security\""));
    assert!(lost.iter().any(|l| l.contains("colours")));
    let (dc, lost) = schema_file::write(&schema, "doccano").expect("write");
    assert!(lost.iter().any(|l| l.contains("tags")));
    let native = schema_file::write(&schema, "native").expect("write").0;
    for text in [&xml, &dc, &native] {
        let back = schema_file::parse(text).expect("parse");
        assert_eq!(
            back.labels.iter().map(|l| (&l.name, &l.color, &l.hotkey)).collect::<Vec<_>>(),
            schema.labels.iter().map(|l| (&l.name, &l.color, &l.hotkey)).collect::<Vec<_>>()
        );
    }
    assert_eq!(schema_file::parse(&native).expect("parse"), schema);

    // doccano's own label export and the config the Label Studio fixtures were made with.
    let read = |n: &str| std::fs::read_to_string(peer(n)).expect("read");
    let dl = schema_file::parse(&read("doccano-span-types.json")).expect("doccano");
    assert_eq!(dl.labels.len(), 5);
    let ls = schema_file::parse(&read("makers/config.xml")).expect("label studio");
    assert_eq!(
        ls.tags.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        vec!["economy", "politics"]
    );

    // Importing adds what is missing, takes colours and keys, deletes nothing.
    let mut other = schema_file::SchemaFile {
        hashiya_schema: 1,
        labels: vec![
            schema_file::SchemaLabel {
                name: "NORP".into(),
                color: "#112233".into(),
                hotkey: "p".into(),
                description: "Nationality".into(),
                ..Default::default()
            },
            schema_file::SchemaLabel {
                name: "PER".into(),
                color: "#AABBCC".into(),
                ..Default::default()
            },
        ],
        ..Default::default()
    };
    let done = store.with_tx(|tx| schema_file::apply(tx, &other)).expect("apply");
    assert_eq!(done.added, vec!["NORP"]);
    assert_eq!(done.updated, vec!["PER"]);
    assert!(done.notes.iter().any(|n| n.contains("hotkey \"p\" not taken")), "{:?}", done.notes);
    let now = schema_file::read(store.conn()).expect("read");
    assert_eq!(now.labels.len(), 6, "nothing deleted");
    let per = now.labels.iter().find(|l| l.name == "PER").expect("PER");
    assert_eq!((per.color.as_str(), per.hotkey.as_str()), ("#aabbcc", "p"));
    other.labels.truncate(0);
    assert!(store.with_tx(|tx| schema_file::apply(tx, &other)).expect("apply").added.is_empty());
}

#[test]
fn a_label_studio_export_keeps_notes_and_tags_and_the_manifest_says_what_is_not_kept() {
    let mut store = Store::open_in_memory().expect("open");
    let opts = ImportOptions { annotator_map: ls_map(), ..Default::default() };
    clean(&import(&mut store, "labelstudio-export.json", &opts));
    let before = stored(&store);
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("ls.json");
    let with = |f: &str| export::ExportOptions {
        format: export::Format::parse(f).expect("format"),
        ..Default::default()
    };
    export::export_file_with(store.conn(), &with("labelstudio"), &out).expect("export");
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("ls.json.manifest.json")).expect("manifest"),
    )
    .expect("json");
    assert!(manifest["not_kept"].as_array().is_some_and(|a| !a.is_empty()), "{manifest}");

    let mut back = Store::open_in_memory().expect("open");
    let r = import::import_paths(&mut back, &[out], &ImportOptions::default()).expect("import");
    clean(&r);
    let (spans, tags) = stored(&back);
    // Hashiya's export names each annotation's analyst in data.annotators.
    assert_eq!((spans, tags), before);

    let out = dir.path().join("d.jsonl");
    export::export_file_with(store.conn(), &with("doccano"), &out).expect("export");
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("d.jsonl.manifest.json")).expect("manifest"),
    )
    .expect("json");
    assert_eq!(manifest["counts"]["notes_not_kept"], 3, "{manifest}");
    assert_eq!(manifest["counts"]["tags_not_kept"], 2, "{manifest}");
}

#[test]
fn hashiyas_exports_come_back_whole_through_the_real_tools() {
    // The Label Studio fixtures imported, exported by Hashiya, loaded into Label Studio (a project
    // with Hashiya's labeling config) and exported by Label Studio: labelstudio-roundtrip.json.
    let mut store = Store::open_in_memory().expect("open");
    let opts = ImportOptions { annotator_map: ls_map(), ..Default::default() };
    clean(&import(&mut store, "labelstudio-export.json", &opts));
    let mut back = Store::open_in_memory().expect("open");
    clean(&import(&mut back, "labelstudio-roundtrip.json", &ImportOptions::default()));
    assert_eq!(stored(&back), stored(&store), "spans, analysts, notes and tags");

    // The same, exported as doccano JSONL, uploaded into doccano and exported by it: one label list
    // per example (doccano files it under the uploading user), notes and tags not held.
    let mut back = Store::open_in_memory().expect("open");
    clean(&import(&mut back, "doccano-roundtrip.zip", &ImportOptions::default()));
    let places = |s: &Store| {
        let mut v: Vec<(String, String)> =
            stored(s).0.into_iter().map(|(_, l, t, _)| (l, t)).collect();
        v.sort();
        v.dedup();
        v
    };
    assert_eq!(places(&back), places(&store));
}
