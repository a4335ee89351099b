//! CoNLL import → `conll` export gives back the same tokens and tags, for AQMAR and for each tag
//! column of the Wojood sample (nested entities imported column by column).

use std::path::{Path, PathBuf};

use hashiya::export::{export_with, ExportOptions, Format};
use hashiya::import::{self, ImportOptions};
use hashiya::Store;

fn corpus(rel: &str) -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus").join(rel);
    assert!(
        p.exists(),
        "{} is missing: the tests need ../shared/corpus beside the repository",
        p.display()
    );
    p
}

type Sentence = Vec<(String, String)>;

/// Sentences of (token, tag in `column`, "O" where the line has no such column), read from CoNLL text.
fn sentences(text: &str, column: usize) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur: Sentence = Vec::new();
    for line in text.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.is_empty() || f[0] == "-DOCSTART-" {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        cur.push((f[0].to_string(), f.get(column).unwrap_or(&"O").to_string()));
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// IOB2 as an exporter writes it: an `I-X` that continues nothing becomes `B-X`. Returns how many changed.
fn to_iob2(sents: &mut [Sentence]) -> usize {
    let mut changed = 0;
    for s in sents {
        let mut prev = "O".to_string();
        for (_, tag) in s.iter_mut() {
            if let Some(ty) = tag.strip_prefix("I-") {
                if prev != format!("B-{ty}") && prev != format!("I-{ty}") {
                    *tag = format!("B-{ty}");
                    changed += 1;
                }
            }
            prev = tag.clone();
        }
    }
    changed
}

fn export_conll(store: &Store, annotator: &str) -> String {
    let o = ExportOptions {
        format: Format::Conll,
        annotators: vec![annotator.to_string()],
        ..Default::default()
    };
    let mut buf = Vec::new();
    export_with(store.conn(), &o, &mut buf).expect("export");
    String::from_utf8(buf).expect("utf8")
}

#[test]
fn conll_round_trip_keeps_tokens_and_tags() {
    // (file, strays expected: I- tags that continue nothing, written back as B-)
    let files = [
        ("aqmar/train.txt", 0),
        ("aqmar/dev.txt", 0),
        ("aqmar/test.txt", 0),
        ("wojood-sample/train.txt", 1),
        ("wojood-sample/val.txt", 0),
        ("wojood-sample/test.txt", 0),
    ];
    for (rel, strays) in files {
        let path = corpus(rel);
        let original = std::fs::read_to_string(&path).expect("read");
        // Tag columns that hold at least one entity tag.
        let columns = original
            .lines()
            .filter_map(|l| {
                l.split_whitespace()
                    .enumerate()
                    .skip(1)
                    .filter(|(_, t)| *t != "O")
                    .map(|(i, _)| i)
                    .max()
            })
            .max()
            .unwrap_or(0);
        assert!(columns >= 1, "{rel}");
        let mut store = Store::open_in_memory().expect("open");
        let opts = ImportOptions {
            annotator: Some("src".into()),
            columns_as_annotators: true,
            ..Default::default()
        };
        let report =
            import::import_paths(&mut store, std::slice::from_ref(&path), &opts).expect("import");
        assert!(report.rejected.is_empty(), "{rel}: {:#?}", report.rejected);
        let mut changed = 0;
        for col in 1..=columns {
            let mut want = sentences(&original, col);
            changed += to_iob2(&mut want);
            let got = sentences(&export_conll(&store, &format!("src:{col}")), 1);
            assert_eq!(got.len(), want.len(), "{rel} column {col}: sentences");
            for (i, (g, w)) in got.iter().zip(&want).enumerate() {
                assert_eq!(g, w, "{rel} column {col}: sentence {i}");
            }
        }
        assert_eq!(changed, strays, "{rel}: stray I- tags normalised to B-");
    }
}
