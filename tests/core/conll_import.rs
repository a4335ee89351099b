//! CoNLL/IOB import on the shared AQMAR and Wojood corpora: every entity present and slicing
//! back to its tokens, nested ones included.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use hashiya::import::{self, ImportOptions};
use hashiya::native::NativeRecord;
use hashiya::Store;

use crate::common::export_native as export;

fn corpus(rel: &str) -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus").join(rel);
    assert!(
        p.exists(),
        "{} is missing: the tests need ../shared/corpus beside the repository",
        p.display()
    );
    p
}

/// Entities straight from the IOB2 file, read by tag column (an independent reading: nested tags
/// keep their column), as (surface text, type) with counts.
fn expected_entities(path: &Path) -> BTreeMap<(String, String), usize> {
    let content = std::fs::read_to_string(path).expect("read corpus");
    let mut out = BTreeMap::new();
    for sentence in content.split("\n\n") {
        let rows: Vec<Vec<&str>> = sentence
            .lines()
            .map(|l| l.split_whitespace().collect())
            .filter(|r: &Vec<&str>| !r.is_empty())
            .collect();
        for (i, row) in rows.iter().enumerate() {
            for (col, tag) in row.iter().enumerate().skip(1) {
                // B- starts an entity; so does an I- that continues nothing (IOB1 reading of a stray
                // I-, as at wojood-sample/train.txt:12377 `الفرنسي I-FAC`).
                let stray = |ty: &str| {
                    i == 0
                        || rows[i - 1]
                            .get(col)
                            .is_none_or(|p| *p != format!("B-{ty}") && *p != format!("I-{ty}"))
                };
                let Some(ty) = tag
                    .strip_prefix("B-")
                    .or_else(|| tag.strip_prefix("I-").filter(|ty| stray(ty)))
                else {
                    continue;
                };
                let mut tokens = vec![row[0]];
                for next in &rows[i + 1..] {
                    if next.get(col).is_some_and(|t| *t == format!("I-{ty}")) {
                        tokens.push(next[0]);
                    } else {
                        break;
                    }
                }
                *out.entry((tokens.join(" "), ty.to_string())).or_insert(0) += 1;
            }
        }
    }
    out
}

fn imported_entities(records: &[NativeRecord]) -> BTreeMap<(String, String), usize> {
    let mut out = BTreeMap::new();
    for r in records {
        let chars: Vec<char> = r.text.chars().collect();
        for s in &r.spans {
            let slice: String = chars[s.start as usize..s.end as usize].iter().collect();
            assert_eq!(Some(&slice), s.text.as_ref());
            *out.entry((slice, s.label.clone())).or_insert(0) += 1;
        }
    }
    out
}

#[test]
fn aqmar_and_wojood_import_with_every_entity() {
    // (file, entities counted in the file by the reading below; 0: not pinned). The corpus README
    // states 3,088 / 1,212 / 1,574 for AQMAR, which match; for the Wojood train sample it states
    // 2,857, fewer than the file's 2,882 B- tags (+1 stray I-), so its count was made another way.
    let files = [
        ("aqmar/train.txt", 3088),
        ("aqmar/dev.txt", 1212),
        ("aqmar/test.txt", 1574),
        ("wojood-sample/train.txt", 2883),
        ("wojood-sample/val.txt", 0),
        ("wojood-sample/test.txt", 0),
    ];
    for (rel, stated) in files {
        let path = corpus(rel);
        let mut store = Store::open_in_memory().expect("open");
        let opts = ImportOptions { annotator: Some("gold".into()), ..Default::default() };
        let report =
            import::import_paths(&mut store, std::slice::from_ref(&path), &opts).expect("import");
        assert!(report.rejected.is_empty(), "{rel}: {:#?}", report.rejected);
        assert_eq!(report.imported.len(), 1, "{rel}: a file without -DOCSTART- is one article");
        let want = expected_entities(&path);
        if stated > 0 {
            assert_eq!(want.values().sum::<usize>(), stated, "{rel}: the independent reading");
        }
        let records = export(&store);
        let got = imported_entities(&records);
        let missing: Vec<_> = want.iter().filter(|(k, v)| got.get(*k) != Some(v)).collect();
        let extra: Vec<_> = got.iter().filter(|(k, v)| want.get(*k) != Some(v)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{rel}: expected but not imported {missing:?}; imported but not expected {extra:?}"
        );
        assert_eq!(report.spans_added as usize, want.values().sum::<usize>(), "{rel}");
        // The report's counts per label are the file's.
        let mut by_label: BTreeMap<String, i64> = BTreeMap::new();
        for ((_, label), n) in &want {
            *by_label.entry(label.clone()).or_insert(0) += *n as i64;
        }
        assert_eq!(report.entities, by_label, "{rel}");
        assert!(report.notes.is_empty(), "{rel}: {:#?}", report.notes);
        // Original tokenisation is kept: each token slices back out.
        let tokens: Vec<[usize; 2]> = serde_json::from_value(
            records[0].meta.as_ref().and_then(|m| m.get("tokens")).cloned().unwrap_or_default(),
        )
        .expect("tokens");
        let chars: Vec<char> = records[0].text.chars().collect();
        let file_tokens: Vec<String> = std::fs::read_to_string(&path)
            .expect("read")
            .lines()
            .filter_map(|l| l.split_whitespace().next().map(str::to_string))
            .collect();
        assert_eq!(tokens.len(), file_tokens.len(), "{rel}");
        for (t, want) in tokens.iter().zip(&file_tokens) {
            assert_eq!(&chars[t[0]..t[1]].iter().collect::<String>(), want);
        }
    }
}

#[test]
fn sentences_per_article_and_docstart_split_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("mini.conll");
    std::fs::write(
        &file,
        "-DOCSTART- O\n\nزار B-PER\nحموشي I-PER\nالرباط B-LOC\n\nقال O\nFBI B-ORG\n\n-DOCSTART- O\n\nفي O\nطنجة S-LOC\n\nخبر O\nبلا O\nكيانات O\n",
    )
    .expect("write");
    let mut store = Store::open_in_memory().expect("open");
    let report =
        import::import_paths(&mut store, std::slice::from_ref(&file), &ImportOptions::default())
            .expect("import");
    assert_eq!(report.imported.len(), 2, "{report:#?}");
    let records = export(&store);
    assert_eq!(records[0].text, "زار حموشي الرباط\nقال FBI");
    assert_eq!(records[1].text, "في طنجة\nخبر بلا كيانات");
    let got: Vec<(&str, &str, &str)> = records
        .iter()
        .flat_map(|r| {
            r.spans.iter().map(|s| {
                (
                    s.text.as_deref().unwrap_or(""),
                    s.label.as_str(),
                    s.annotator.as_deref().unwrap_or(""),
                )
            })
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("زار حموشي", "PER", "mini.conll"),
            ("الرباط", "LOC", "mini.conll"),
            ("FBI", "ORG", "mini.conll"),
            ("طنجة", "LOC", "mini.conll")
        ]
    );

    let mut store = Store::open_in_memory().expect("open");
    let opts = ImportOptions { sentences_per_article: Some(1), ..Default::default() };
    let report = import::import_paths(&mut store, &[file], &opts).expect("import");
    assert_eq!(report.imported.len(), 4);
}

#[test]
fn a_broken_line_is_reported_and_the_rest_of_its_sentence_imported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("bad.iob");
    std::fs::write(&file, "زار B-PER\nحموشي X-PER\n\nالرباط B-LOC\nوحدها\n\nفي O\nطنجة B-LOC\n")
        .expect("write");
    let mut store = Store::open_in_memory().expect("open");
    let opts = ImportOptions { sentences_per_article: Some(1), ..Default::default() };
    let report = import::import_paths(&mut store, &[file], &opts).expect("import");
    let rejected: Vec<(Option<i64>, &str)> =
        report.rejected.iter().map(|r| (r.line, r.reason.as_str())).collect();
    assert_eq!(rejected.len(), 2, "{rejected:#?}");
    assert_eq!(rejected[0].0, Some(2));
    assert!(rejected[0].1.contains("\"X-PER\" is not an IOB tag"));
    assert!(rejected[0].1.contains("the line was left out"));
    assert_eq!(rejected[1].0, Some(5));
    assert!(rejected[1].1.contains("has no tag column"));
    let texts: Vec<String> = export(&store).into_iter().map(|r| r.text).collect();
    assert_eq!(texts, vec!["زار", "الرباط", "في طنجة"]);
    assert_eq!(report.entities.get("LOC"), Some(&2));
    assert_eq!(report.entities.get("PER"), Some(&1));
}

#[test]
fn a_conll_txt_is_sniffed_but_a_plain_txt_is_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), "زار B-PER\nالرباط B-LOC\n").expect("write");
    std::fs::write(dir.path().join("b.txt"), "زار الوزير\nالرباط أمس\n").expect("write");
    let mut store = Store::open_in_memory().expect("open");
    let report =
        import::import_paths(&mut store, &[dir.path().to_path_buf()], &ImportOptions::default())
            .expect("import");
    assert_eq!(report.spans_added, 2);
    let texts: Vec<String> = export(&store).into_iter().map(|r| r.text).collect();
    assert_eq!(texts, vec!["زار الرباط".to_string(), "زار الوزير\nالرباط أمس\n".to_string()]);
}
