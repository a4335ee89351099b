//! The span-edge rule on Persian and Arabic text full of ZWNJ and with emoji ZWJ sequences: the
//! shared table `tests/cases/edges.json` (the UI's vitest reads the same), spans through the API
//! and imports from other tools, and the tokens of the export.

use std::path::Path;

use hashiya::api::dispatch;
use hashiya::import::{self, ImportOptions};
use hashiya::text::{self, CharIndex};
use hashiya::tokenize::{tokenize, Options};
use hashiya::Store;
use serde_json::{json, Value};

fn cases() -> Vec<(String, String, Vec<usize>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/edges.json");
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
    doc["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| {
            let edges = c["edges"].as_array().expect("edges");
            (
                c["name"].as_str().expect("name").to_string(),
                c["text"].as_str().expect("text").to_string(),
                edges.iter().map(|e| e.as_u64().expect("edge") as usize).collect(),
            )
        })
        .collect()
}

#[test]
fn the_shared_edge_table() {
    let cases = cases();
    assert!(cases.len() >= 10);
    for (name, t, want) in cases {
        assert_eq!(text::edges(&t), want, "{name}");
        let idx = CharIndex::new(&t);
        for cp in 0..=idx.len() {
            assert_eq!(idx.is_edge(cp), want.contains(&cp), "{name} at {cp}");
        }
        // Every token of the export starts and ends on an edge.
        for t2 in tokenize(&t, Options::default()) {
            assert!(want.contains(&t2.start) && want.contains(&t2.end), "{name}: {t2:?}");
        }
    }
}

/// Code points of `needle`'s first occurrence in `hay`.
fn at(hay: &str, needle: &str) -> (usize, usize) {
    let b = hay.find(needle).expect("needle");
    let s = hay[..b].chars().count();
    (s, s + needle.chars().count())
}

#[test]
fn labels_stop_at_a_zwnj_and_emoji_sequences_stay_whole() {
    let text = "گفت: من می\u{200c}خواهم به خبرگزاری\u{200c}ها بروم. المبرمجة👩🏽\u{200d}💻ليلى في الرياض\u{200c}، ثم ❤\u{fe0f}\u{200d}🔥";
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("fa.txt");
    std::fs::write(&file, text).expect("write");
    let mut store = Store::open_in_memory().expect("open");
    import::import_paths(&mut store, &[file], &ImportOptions::default()).expect("import");
    let add = |store: &mut Store, (s, e): (usize, usize)| {
        dispatch(
            store,
            "add_span",
            json!({"article_id": 1, "start": s, "end": e, "label": "ORG", "annotator": "salma"}),
        )
    };
    // Ends just before a ZWNJ: valid (the whole record used to be refused for this).
    for needle in ["می", "خبرگزاری", "الرياض", "ليلى"] {
        add(&mut store, at(text, needle)).unwrap_or_else(|e| panic!("{needle}: {e:?}"));
    }
    // Inside an emoji ZWJ sequence, or between a letter and its harakat: refused with the reason.
    let (s, _) = at(text, "👩🏽");
    let err = add(&mut store, (s, s + 2)).expect_err("inside an emoji sequence");
    assert!(err.message.contains("inside a character cluster"), "{}", err.message);
    let (s, _) = at(text, "❤");
    assert!(add(&mut store, (s, s + 1)).is_err());
    assert!(add(&mut store, (s, s + 4)).is_ok());

    // An exported span ending at the ZWNJ of خبرگزاری‌ها stays where it is in jsonl, and the
    // token formats keep the word one token (ask --misaligned for a part of it).
    let o = hashiya::export::ExportOptions {
        format: hashiya::export::Format::Conll,
        misaligned: hashiya::export::Misaligned::Split,
        ..Default::default()
    };
    let mut buf = Vec::new();
    hashiya::export::export_with(store.conn(), &o, &mut buf).expect("export");
    let conll = String::from_utf8(buf).expect("utf8");
    assert!(conll.contains("خبرگزاری B-ORG\n\u{200c}ها O\n"), "{conll}");
    assert!(conll.contains("می B-ORG\n\u{200c}خواهم O\n"), "{conll}");
    assert!(
        conll.contains("الرياض B-ORG\n"),
        "the trailing ZWNJ is no part of the token:\n{conll}"
    );
}

#[test]
fn persian_words_with_zwnj_are_one_token() {
    let text = "من می\u{200c}خواهم خبرگزاری\u{200c}ها را ببینم\u{200c}.";
    let chars: Vec<char> = text.chars().collect();
    let words: Vec<String> = tokenize(text, Options::default())
        .iter()
        .map(|t| chars[t.start..t.end].iter().collect())
        .collect();
    assert_eq!(words, ["من", "می\u{200c}خواهم", "خبرگزاری\u{200c}ها", "را", "ببینم", "."]);
}
