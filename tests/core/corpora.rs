//! Real corpora come in whole: AQMAR without its blank lines and with the odd lines a real corpus
//! has (empty tokens, stray right-to-left marks, an extra column), token tables (CSV/TSV), and web
//! copies as plain text (titles after the site's domain, `--clean` on the five seed articles).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use hashiya::import::{self, Format, ImportOptions};
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

/// (surface text, label) → count, as imported.
fn entities(records: &[NativeRecord]) -> BTreeMap<(String, String), usize> {
    let mut out = BTreeMap::new();
    for r in records {
        for s in &r.spans {
            *out.entry((s.text.clone().unwrap_or_default(), s.label.clone())).or_insert(0) += 1;
        }
    }
    out
}

/// Entities of an IOB2 file with blank lines between sentences: (tokens joined by spaces, type).
fn iob2_entities(content: &str) -> BTreeMap<(String, String), usize> {
    let mut out = BTreeMap::new();
    let mut cur: Option<(Vec<&str>, &str)> = None;
    let mut flush = |cur: &mut Option<(Vec<&str>, &str)>| {
        if let Some((toks, ty)) = cur.take() {
            *out.entry((toks.join(" "), ty.to_string())).or_insert(0) += 1;
        }
    };
    for line in content.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        match f.as_slice() {
            [tok, tag, ..] if tag.starts_with("I-") && cur.is_some() => {
                if let Some((toks, _)) = cur.as_mut() {
                    toks.push(tok);
                }
            }
            [tok, tag, ..] if tag.starts_with("B-") => {
                flush(&mut cur);
                cur = Some((vec![tok], &tag[2..]));
            }
            _ => flush(&mut cur),
        }
    }
    flush(&mut cur);
    out
}

#[test]
fn aqmar_without_blank_lines_and_with_odd_lines_imports_whole() {
    let original = std::fs::read_to_string(corpus("aqmar/train.txt")).expect("read");
    let want = iob2_entities(&original);
    assert_eq!(want.values().sum::<usize>(), 3088, "the corpus README's count");
    // No blank line at all; two empty tokens (` O`); a line with stray right-to-left marks and an
    // extra column that is no tag (taken from an `O` line between `O` lines, so no entity is lost);
    // a line with a stray mark beside its tag.
    let mut lines: Vec<String> =
        original.lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect();
    let o_line = |i: usize, lines: &[String]| {
        (i..lines.len())
            .find(|&k| k > 0 && [k - 1, k, k + 1].iter().all(|&j| lines[j].ends_with(" O")))
            .expect("an O line")
    };
    let odd = o_line(5000, &lines);
    lines[odd] = format!("\u{200F}{} \u{200F} http://x", lines[odd].trim_end_matches(" O"));
    let marked = o_line(20000, &lines);
    lines[marked] = format!("{} \u{200F}", lines[marked]);
    lines.insert(30000, " O".into());
    lines.insert(100, " O".into());
    let (odd, marked) = (odd + 2, marked + 2); // 1-based, after the insert at 100
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("unbroken.txt");
    std::fs::write(&file, lines.join("\n") + "\n").expect("write");

    let mut store = Store::open_in_memory().expect("open");
    let opts = ImportOptions {
        annotator: Some("gold".into()),
        format: Some(Format::Conll),
        ..Default::default()
    };
    let report =
        import::import_paths(&mut store, std::slice::from_ref(&file), &opts).expect("import");
    // The one unreadable line is rejected, with its number; nothing else.
    let rejected: Vec<(Option<i64>, &str)> =
        report.rejected.iter().map(|r| (r.line, r.reason.as_str())).collect();
    assert_eq!(rejected.len(), 1, "{rejected:#?}");
    assert_eq!(rejected[0].0, Some(odd as i64));
    assert!(rejected[0].1.contains("\"http://x\" is not an IOB tag"), "{}", rejected[0].1);
    let notes: Vec<&str> = report.notes.iter().map(|n| n.reason.as_str()).collect();
    assert!(
        notes.iter().any(|n| n.starts_with("2 tokens skipped") && n.contains("101")),
        "{notes:#?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("1 stray invisible marks") && n.contains(&marked.to_string())),
        "{notes:#?}"
    );
    assert!(notes.iter().any(|n| n.contains("no blank lines between sentences")), "{notes:#?}");

    // Every entity came in, and the report counts them per label.
    let records = export(&store);
    assert_eq!(entities(&records), want);
    assert_eq!(report.entities.values().sum::<i64>(), 3088);
    let mut by_label: BTreeMap<String, i64> = BTreeMap::new();
    for ((_, label), n) in &want {
        *by_label.entry(label.clone()).or_insert(0) += *n as i64;
    }
    assert_eq!(report.entities, by_label);
    // Cut into sentences at sentence-final tokens, and into articles of at most 50 of them.
    assert!(records.len() > 20, "{} articles", records.len());
    assert_eq!(records.len(), report.imported.len());
    for r in &records {
        let meta = r.meta.as_ref().expect("meta");
        let sentences = meta["sentences"].as_array().map(Vec::len).unwrap_or(0);
        assert!((1..=50).contains(&sentences), "{sentences} sentences");
        for line in r.text.split('\n') {
            assert!(
                line.split(' ').count() < 400,
                "a sentence of {} tokens",
                line.split(' ').count()
            );
        }
    }
    let tokens: usize = records
        .iter()
        .map(|r| r.meta.as_ref().and_then(|m| m["tokens"].as_array().map(Vec::len)).unwrap_or(0))
        .sum();
    let file_tokens = original.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(tokens, file_tokens - 1, "every token but the rejected line's");

    // `--sentences-per-article` still decides; without `--format` the `.txt` is told by its
    // lines (the empty token at line 101 included).
    let mut store = Store::open_in_memory().expect("open");
    let opts = ImportOptions { sentences_per_article: Some(500), format: None, ..opts };
    let report = import::import_paths(&mut store, &[file], &opts).expect("import");
    assert!(report.imported.len() < 5, "{}", report.imported.len());
    assert_eq!(report.entities.values().sum::<i64>(), 3088);
}

#[test]
fn a_sentence_is_not_cut_inside_an_entity_nor_before_its_closing_quote() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("mini.conll");
    std::fs::write(
        &file,
        "قال O\nالوزير O\n« O\nنعم O\n. O\n» O\nوصل O\nU.S B-ORG\n. I-ORG\nArmy I-ORG\nإلى O\nطنجة B-LOC\n؟ O\nثم O\nعاد O\n",
    )
    .expect("write");
    let mut store = Store::open_in_memory().expect("open");
    let report =
        import::import_paths(&mut store, &[file], &ImportOptions::default()).expect("import");
    assert!(report.rejected.is_empty(), "{:#?}", report.rejected);
    let records = export(&store);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].text, "قال الوزير « نعم . »\nوصل U.S . Army إلى طنجة ؟\nثم عاد");
    let got: Vec<&str> = records[0].spans.iter().filter_map(|s| s.text.as_deref()).collect();
    assert_eq!(got, vec!["U.S . Army", "طنجة"]);
}

#[test]
fn token_tables_import_like_conll() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A Kaggle-style table: the sentence id only on a sentence's first row, IOB tags, a POS column.
    let kaggle = dir.path().join("ner.csv");
    std::fs::write(
        &kaggle,
        "Sentence #,Word,POS,Tag\nSentence: 1,زار,VB,O\n,عبد,NN,B-PER\n,اللطيف,NN,I-PER\n,حموشي,NN,I-PER\n,الرياض,NN,B-LOC\nSentence: 2,\"وقال, أيضا\",VB,O\n,FBI,NN,B-ORG\n",
    )
    .expect("write");
    // Plain categories (O for none), blank rows between sentences, a tab-separated table.
    let plain = dir.path().join("plain.tsv");
    std::fs::write(
        &plain,
        "token\tlabel\nزار\tO\nعبد\tPER\nاللطيف\tPER\nحموشي\tPER\nالرياض\tLOC\nجدة\tLOC\n\t\nفي\tO\n \tO\nطنجة\tLOC\n",
    )
    .expect("write");
    let mut store = Store::open_in_memory().expect("open");
    let report = import::import_paths(&mut store, &[kaggle, plain], &ImportOptions::default())
        .expect("import");
    assert!(report.rejected.is_empty(), "{:#?}", report.rejected);
    let records = export(&store);
    let texts: Vec<&str> = records.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "زار عبد اللطيف حموشي الرياض\nوقال, أيضا FBI",
            "زار عبد اللطيف حموشي الرياض جدة\nفي طنجة"
        ]
    );
    let spans: Vec<Vec<(&str, &str)>> = records
        .iter()
        .map(|r| {
            r.spans.iter().map(|s| (s.text.as_deref().unwrap_or(""), s.label.as_str())).collect()
        })
        .collect();
    assert_eq!(spans[0], vec![("عبد اللطيف حموشي", "PER"), ("الرياض", "LOC"), ("FBI", "ORG")]);
    // One entity per run of the same category.
    assert_eq!(spans[1], vec![("عبد اللطيف حموشي", "PER"), ("الرياض جدة", "LOC"), ("طنجة", "LOC")]);
    assert_eq!(report.entities.get("LOC"), Some(&3));
    assert!(
        report.notes.iter().any(|n| n.reason.starts_with("1 tokens skipped")),
        "{:#?}",
        report.notes
    );

    // `--format conll` on a table without a header naming its columns: word, then tag.
    let bare = dir.path().join("bare.tsv");
    std::fs::write(&bare, "في\tO\nالرباط\tB-LOC\nغدا\tO\n").expect("write");
    let mut store = Store::open_in_memory().expect("open");
    let opts = ImportOptions { format: Some(Format::Conll), ..Default::default() };
    let report = import::import_paths(&mut store, &[bare], &opts).expect("import");
    assert!(report.rejected.is_empty(), "{:#?}", report.rejected);
    assert_eq!(export(&store)[0].text, "في الرباط غدا");
    assert_eq!(report.entities.get("LOC"), Some(&1));
}

#[test]
fn an_article_csv_is_still_one_article_per_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("articles.csv");
    std::fs::write(&file, "title,text,label\nخبر,زار الوزير الرباط,politics\n").expect("write");
    let mut store = Store::open_in_memory().expect("open");
    let report =
        import::import_paths(&mut store, &[file], &ImportOptions::default()).expect("import");
    assert!(report.rejected.is_empty(), "{:#?}", report.rejected);
    assert_eq!(export(&store)[0].text, "زار الوزير الرباط");
}

fn seeds() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus("seeds"))
        .expect("ls seeds")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 5);
    files
}

#[test]
fn a_web_copy_is_titled_after_its_site_lines_and_kept_byte_for_byte() {
    let files = seeds();
    let mut store = Store::open_in_memory().expect("open");
    let report =
        import::import_paths(&mut store, &files, &ImportOptions::default()).expect("import");
    assert!(report.notes.is_empty());
    for (f, r) in files.iter().zip(export(&store)) {
        let content = std::fs::read_to_string(f).expect("read");
        assert_eq!(r.text, content, "without --clean the text is kept exactly");
        // The title is the first line that is neither the site's domain nor its name.
        let first = content.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
        let title = r.title.unwrap_or_default();
        if first.ends_with(".com") {
            assert!(title.starts_with("بالصور"), "{title}");
        } else {
            assert_eq!(title, first);
        }
    }
}

/// The seed lines (1-based) `--clean` must drop: site lines, counters, the SEO score, subscribe and
/// comment-form lines, related-article footers. No other line may go.
const BOILERPLATE: [&[usize]; 5] =
    [&[], &[1, 3, 7, 8, 56, 58, 60, 61], &[3, 5, 19, 21, 23], &[55, 57, 59, 61], &[]];

#[test]
fn clean_drops_boilerplate_and_never_a_body_sentence() {
    let files = seeds();
    let mut store = Store::open_in_memory().expect("open");
    let opts = ImportOptions { clean: true, ..Default::default() };
    let report = import::import_paths(&mut store, &files, &opts).expect("import");
    assert!(report.rejected.is_empty(), "{:#?}", report.rejected);
    let records = export(&store);
    for ((f, r), boiler) in files.iter().zip(&records).zip(BOILERPLATE) {
        let name = f.display().to_string();
        let content = std::fs::read_to_string(f).expect("read");
        let mut dropped: Vec<usize> = report
            .notes
            .iter()
            .filter(|n| n.file == name && n.reason.starts_with("dropped"))
            .filter_map(|n| n.line.map(|l| l as usize))
            .collect();
        dropped.sort();
        assert_eq!(dropped, boiler, "{name}");
        // Every other non-blank line is kept, whole and in order.
        let kept: Vec<&str> = r.text.lines().filter(|l| !l.trim().is_empty()).collect();
        let want: Vec<&str> = content
            .lines()
            .enumerate()
            .filter(|(i, l)| !l.trim().is_empty() && !boiler.contains(&(i + 1)))
            .map(|(_, l)| l)
            .collect();
        assert_eq!(kept, want, "{name}");
        if boiler.is_empty() {
            assert_eq!(r.text, content, "{name}: nothing to drop, nothing changed");
        }
    }
    assert!(records[1].title.as_deref().unwrap_or("").starts_with("بالصور"));
}

#[test]
fn cli_clean_and_the_report_per_label() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("p.hashiya");
    let seed = &seeds()[2];
    let out = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["--db", db.to_str().unwrap_or_default(), "import", "--clean"])
        .arg(seed)
        .output()
        .expect("run");
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(":3: dropped (share counter): 0\n"), "{stdout}");
    assert!(stdout.contains("dropped (subscribe prompt)"), "{stdout}");

    let out = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["--db", db.to_str().unwrap_or_default(), "import"])
        .arg(corpus("wojood-sample/val.txt"))
        .output()
        .expect("run");
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().unwrap_or("");
    assert!(last.starts_with("entities by label: "), "{stdout}");
    let out = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["--db", db.to_str().unwrap_or_default(), "import", "--json"])
        .arg(corpus("wojood-sample/test.txt"))
        .output()
        .expect("run");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let total: i64 =
        report["entities"].as_object().expect("entities").values().filter_map(|v| v.as_i64()).sum();
    assert_eq!(Some(total), report["spans_added"].as_i64());
    assert!(total > 0);
}

#[test]
fn the_api_import_cleans_on_request() {
    let files = seeds();
    let content = std::fs::read_to_string(&files[1]).expect("read");
    let mut store = Store::open_in_memory().expect("open");
    let r = hashiya::api::dispatch(
        &mut store,
        "import_files",
        serde_json::json!({"files": [{"name": "copy.txt", "content": content}], "clean": true}),
    )
    .expect("import");
    let notes = r["notes"].as_array().expect("notes");
    assert_eq!(notes.len(), 8, "{notes:#?}");
    let text = &export(&store)[0].text;
    assert!(!text.contains("0 Shares") && text.contains("في خطوة تعكس عمق التعاون"));
}

#[test]
fn clean_drops_no_sentence_of_a_real_corpus() {
    // Every sentence of AQMAR and the Wojood sample as a line of text (tokens joined by spaces).
    for rel in ["aqmar/train.txt", "aqmar/dev.txt", "aqmar/test.txt", "wojood-sample/train.txt"] {
        let content = std::fs::read_to_string(corpus(rel)).expect("read");
        let text: String = content
            .split("\n\n")
            .map(|s| {
                let tokens: Vec<&str> =
                    s.lines().filter_map(|l| l.split_whitespace().next()).collect();
                tokens.join(" ") + "\n"
            })
            .collect();
        let (cleaned, dropped) = hashiya::webcopy::clean(&text);
        let lines: Vec<String> =
            dropped.iter().map(|d| format!("{}: {} ({})", d.line, d.text, d.why)).collect();
        assert!(dropped.is_empty(), "{rel}: {lines:#?}");
        assert_eq!(cleaned, text);
    }
}
