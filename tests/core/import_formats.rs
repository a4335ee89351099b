//! Import of every format from fixtures in tests/fixtures/import (written by make.py there): HTML
//! pages, CSV/TSV, doccano, Label Studio, Prodigy, native JSONL, and the nasty cases (empty files,
//! BOMs, Windows-1256, truncated JSON, spans past the end, inverted or inside a surrogate pair,
//! unknown labels, pages full of scripts); re-import, cancellation and the API's column mapping.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use hashiya::import::{self, Columns, Control, Format, ImportOptions, ImportReport, OffsetUnit};
use hashiya::{annotations, articles, export, Store};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)
}

fn import(store: &mut Store, name: &str, opts: &ImportOptions) -> ImportReport {
    import::import_paths(store, &[fixture(name)], opts).expect("import")
}

fn export_string(store: &Store) -> String {
    let mut buf = Vec::new();
    export::export_to(store.conn(), "jsonl", &mut buf).expect("export");
    String::from_utf8(buf).expect("utf8")
}

/// (text, label, annotator) of every span of an article.
fn spans(store: &Store, id: i64) -> Vec<(String, String, String)> {
    let text = articles::text_of(store.conn(), id).expect("text");
    let mut out: Vec<_> = annotations::spans_of(store.conn(), id, &text)
        .expect("spans")
        .into_iter()
        .map(|s| (s.text, s.label, s.annotator))
        .collect();
    out.sort();
    out
}

fn owned(v: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    let mut out: Vec<_> =
        v.iter().map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())).collect();
    out.sort();
    out
}

struct Case {
    file: &'static str,
    format: Option<Format>,
    offsets: Option<OffsetUnit>,
    columns: Columns,
    imported: usize,
    duplicates: usize,
    /// (line, a part of the reason) of each rejection, in report order.
    rejected: &'static [(Option<i64>, &'static str)],
    left_out: usize,
    spans: i64,
    tags: i64,
    /// The encoding every imported article reports.
    encoding: &'static str,
}

const fn case(
    file: &'static str,
    imported: usize,
    rejected: &'static [(Option<i64>, &'static str)],
) -> Case {
    Case {
        file,
        format: None,
        offsets: None,
        columns: Columns { text: None, title: None, url: None, date: None },
        imported,
        duplicates: 0,
        rejected,
        left_out: 0,
        spans: 0,
        tags: 0,
        encoding: "UTF-8",
    }
}

fn cases() -> Vec<Case> {
    vec![
        case("news-page.html", 1, &[]),
        case("script-heavy.htm", 1, &[]),
        // HTML recognised by its content in a .txt file.
        case("saved-page.txt", 1, &[]),
        case("no-article.html", 0, &[(None, "no article text was found")]),
        case("empty.html", 0, &[(None, "the file is empty")]),
        Case { encoding: "Windows-1256", ..case("cp1256.txt", 1, &[]) },
        Case {
            duplicates: 1,
            ..case("articles.csv", 2, &[(Some(5), "the row has 4 fields but the header has 6"), (Some(6), "the text column \"text\" is empty")])
        },
        case("articles.tsv", 1, &[]),
        case("semicolon.csv", 1, &[]),
        Case { encoding: "UTF-8 with BOM", ..case("bom.csv", 1, &[]) },
        Case { encoding: "Windows-1256", ..case("cp1256.csv", 1, &[]) },
        Case { encoding: "Windows-1256", ..case("cp1256-urls.csv", 1, &[]) },
        Case { encoding: "Windows-1256", ..case("cp1256-page.html", 1, &[]) },
        case("custom-columns.csv", 0, &[(Some(1), "no text column: pass --text-column NAME")]),
        Case {
            columns: Columns { text: Some("المحتوى".into()), title: Some("العنوان الرئيسي".into()), url: None, date: None },
            ..case("custom-columns.csv", 1, &[])
        },
        Case {
            columns: Columns { text: Some("body".into()), title: None, url: None, date: None },
            ..case("custom-columns.csv", 0, &[(Some(1), "there is no text column named \"body\"")])
        },
        case("header-only.csv", 0, &[(None, "a header row but no articles")]),
        case("empty.csv", 0, &[(None, "the file is empty")]),
        Case {
            spans: 4,
            tags: 2,
            ..case(
                "doccano.jsonl",
                3,
                &[
                    (Some(3), "[5, 9) PER by doccano (UTF-16 code units): its start falls inside a surrogate pair"),
                    (Some(4), "[0, 999) LOC by doccano (UTF-16 code units): it runs past the end of the text (13 UTF-16 code units)"),
                    (Some(5), "[10, 5) ORG by doccano (UTF-16 code units): the span is inverted"),
                    (Some(7), "not valid JSON"),
                ],
            )
        },
        // UTF-16 LE with a byte-order mark: decoded whole, then detected as doccano.
        Case { spans: 1, encoding: "UTF-16LE", ..case("doccano-utf16.jsonl", 1, &[]) },
        Case { spans: 3, offsets: Some(OffsetUnit::Codepoint), format: Some(Format::Doccano), ..case("doccano-codepoints.json", 1, &[]) },
        Case {
            spans: 4,
            tags: 1,
            left_out: 2,
            ..case(
                "labelstudio.json",
                1,
                &[
                    (Some(114), "its text \"الوفد الرسمي\" differs from the article text at those offsets \"الوفد\""),
                    (Some(141), "the offsets fit if they count UTF-16 code units (pass --offsets utf16)"),
                ],
            )
        },
        case("labelstudio-truncated.json", 1, &[(Some(3), "the file ends inside this record: the JSON array is truncated")]),
        Case {
            spans: 4,
            duplicates: 1,
            left_out: 2,
            ..case("prodigy.jsonl", 4, &[(Some(6), "[7, 3) LOC by prodigy (code points): the span is inverted")])
        },
        case("native-truncated.jsonl", 1, &[(Some(2), "not a valid article record: EOF while parsing")]),
        case("empty.jsonl", 0, &[(None, "the file is empty")]),
        case("empty.json", 0, &[(None, "the file is empty")]),
    ]
}

#[test]
fn every_format_and_nasty_case_reports_what_it_did() {
    for c in cases() {
        let mut store = Store::open_in_memory().expect("open");
        let opts = ImportOptions {
            format: c.format,
            offsets: c.offsets,
            columns: c.columns.clone(),
            ..Default::default()
        };
        let r = import(&mut store, c.file, &opts);
        let what = format!("{} → {r:#?}", c.file);
        assert_eq!(r.imported.len(), c.imported, "imported: {what}");
        assert_eq!(r.duplicates.len(), c.duplicates, "duplicates: {what}");
        assert_eq!(r.left_out.len(), c.left_out, "left out: {what}");
        assert_eq!((r.spans_added, r.tags_added), (c.spans, c.tags), "spans, tags: {what}");
        assert_eq!(r.rejected.len(), c.rejected.len(), "rejected: {what}");
        for (got, (line, reason)) in r.rejected.iter().zip(c.rejected) {
            assert!(got.file.ends_with(c.file), "{what}");
            assert_eq!(got.line, *line, "{what}");
            assert!(got.reason.contains(reason), "{:?} lacks {reason:?}: {what}", got.reason);
        }
        for a in r.imported.iter().chain(&r.duplicates) {
            assert_eq!(a.encoding, c.encoding, "{what}");
        }
        assert!(r.cancelled.is_empty());
        // What the report counts is what the project holds.
        assert_eq!(articles::count(store.conn()).expect("count") as usize, c.imported, "{what}");
    }
}

#[test]
fn html_keeps_the_headline_body_url_and_date_and_nothing_else() {
    let mut store = Store::open_in_memory().expect("open");
    let r = import(&mut store, "news-page.html", &ImportOptions::default());
    let a = articles::get(store.conn(), r.imported[0].article_id).expect("get");
    assert_eq!(a.title, "زيارة عمل إلى الرياض لتعزيز الشراكة الأمنية");
    assert_eq!(
        a.text,
        "زيارة عمل إلى الرياض لتعزيز الشراكة الأمنية\n\
         في خطوة تعكس عمق التعاون الأمني بين المغرب والمملكة العربية السعودية، يقوم عبد اللطيف حموشي بزيارة عمل رسمية إلى الرياض.\n\
         دعوة رسمية\n\
         جاءت الزيارة بدعوة رسمية\n\
         للمشاركة في معرض الدفاع العالمي (النسخة 3) في 2026.\n\
         استعراض أحدث التطورات التقنية.\n\
         تبادل الخبرات حول الأمن & الاستقرار.\n\
         وتؤكد الزيارة أن المغرب يواصل دوره، حسب بلاغ رسمي صادر اليوم."
    );
    assert_eq!(
        a.url, "https://news.example.org/2026/02/08/visite-riyad/",
        "canonical before og:url"
    );
    assert_eq!(a.published_at, "2026-02-08T09:30:00+01:00");
    assert_eq!(a.meta["site_name"], "أخبار العالمية");
    for furniture in [
        "Shares",
        "فيسبوك",
        "شارك الخبر",
        "نتيجة تحسين",
        "اترك تعليقاً",
        "لن يتم نشر",
        "إرسال",
        "شاهد أيضاً",
        "ذو صلة",
        "اقرأ المزيد",
        "خبر رابع",
        "الأكثر قراءة",
        "خبر شائع",
        "إغلاق",
        "الرئيسية",
        "سياسة",
        "بقلم",
        "هيئة التحرير",
        "8 فبراير",
        "إعلان",
        "صورة",
        "السكربت",
        "تسرب",
        "وصف لمحركات",
        "أخبار العالمية",
        "©",
        "<",
        ">",
        "{",
        "alert",
    ] {
        assert!(!a.text.contains(furniture), "{furniture:?} survived:\n{}", a.text);
    }
}

#[test]
fn no_script_or_style_survives_a_page_full_of_them() {
    let mut store = Store::open_in_memory().expect("open");
    let r = import(&mut store, "script-heavy.htm", &ImportOptions::default());
    let a = articles::get(store.conn(), r.imported[0].article_id).expect("get");
    assert_eq!(a.text, "انتخابات بلدية في عمّان\nأعلنت الهيئة المستقلة للانتخاب نتائج الانتخابات البلدية في عمّان.\nوبلغت نسبة المشاركة 29.9% حسب الهيئة.");
    assert_eq!(
        (a.url.as_str(), a.published_at.as_str()),
        ("https://example.com/news/42", "2025-11-03")
    );
    for leaked in [
        "<",
        ">",
        "ليس نصاً",
        "عنوان مزيف",
        "track",
        "function",
        "ليس من الخبر",
        "نص مدسوس",
        "evil",
        "import",
        "color",
        "display",
        "مخفي",
        "قالب",
        "نص رسومي",
        "إطار",
        "جافاسكربت",
        "كائن",
        "alert",
        "onerror",
        "3 نوفمبر",
    ] {
        assert!(!a.text.contains(leaked), "{leaked:?} leaked:\n{}", a.text);
    }
}

#[test]
fn a_windows_1256_page_reads_in_its_declared_charset() {
    let mut store = Store::open_in_memory().expect("open");
    let r = import(&mut store, "cp1256-page.html", &ImportOptions::default());
    let a = articles::get(store.conn(), r.imported[0].article_id).expect("get");
    assert_eq!(
        a.text,
        "افتتاح معرض الكتاب\nافتتح وزير الثقافة معرض الكتاب الدولي في الدار البيضاء."
    );
}

#[test]
fn doccano_utf16_offsets_land_on_the_same_spans_as_code_points() {
    let mut store = Store::open_in_memory().expect("open");
    let r = import(&mut store, "doccano.jsonl", &ImportOptions::default());
    let first = r.imported[0].article_id;
    let want = owned(&[
        ("عبد اللطيف حموشي", "PER", "doccano"),
        ("الرياض", "LOC", "doccano"),
        ("يوم الأحد", "DATE", "doccano"),
    ]);
    assert_eq!(
        spans(&store, first),
        want,
        "UTF-16 units (doccano's editor) after an emoji and a flag"
    );
    assert_eq!(
        spans(&store, r.imported[1].article_id),
        owned(&[("باتريوت", "WEAPON", "doccano")]),
        "entities objects"
    );
    assert_eq!(
        r.labels_added,
        vec!["WEAPON".to_string()],
        "an unknown label is added and reported"
    );
    // The same record with code-point offsets, read as such: the same spans, nothing new.
    let opts = ImportOptions {
        format: Some(Format::Doccano),
        offsets: Some(OffsetUnit::Codepoint),
        ..Default::default()
    };
    let again = import(&mut store, "doccano-codepoints.json", &opts);
    assert_eq!((again.duplicates.len(), again.spans_added), (1, 0), "{again:#?}");
    assert_eq!(spans(&store, first), want);
    // Classification labels become tags.
    let tags = annotations::tags_of(store.conn(), r.imported[2].article_id).expect("tags");
    assert_eq!(
        tags.iter().map(|t| (t.label.as_str(), t.annotator.as_str())).collect::<Vec<_>>(),
        vec![("economy", "doccano"), ("politics", "doccano")]
    );
}

#[test]
fn label_studio_keeps_each_annotator_and_predictions_apart() {
    let mut store = Store::open_in_memory().expect("open");
    let opts = ImportOptions { annotator: Some("ls".into()), ..Default::default() };
    let r = import(&mut store, "labelstudio.json", &opts);
    let id = r.imported[0].article_id;
    assert_eq!(
        spans(&store, id),
        owned(&[
            ("عبد اللطيف حموشي", "PER", "ls:salma@example.org"),
            ("الرياض", "LOC", "ls:salma@example.org"),
            ("الرياض", "GPE", "ls:7"),
            ("حموشي", "PER", "ls:prediction"),
        ])
    );
    let tags = annotations::tags_of(store.conn(), id).expect("tags");
    assert_eq!(
        tags.iter().map(|t| (t.label.as_str(), t.annotator.as_str())).collect::<Vec<_>>(),
        vec![("security", "ls:salma@example.org")]
    );
    let a = articles::get(store.conn(), id).expect("get");
    assert_eq!(
        (a.ext_id.as_str(), &a.meta["source_site"]),
        ("101", &serde_json::json!("example.org"))
    );
    let why: Vec<&str> = r.left_out.iter().map(|x| x.reason.as_str()).collect();
    assert!(why.iter().any(|w| w.contains("annotation #3 by ls:8 was cancelled")), "{why:?}");
    assert!(why.iter().any(|w| w.contains("\"relation\" are not imported")), "{why:?}");
    assert!(r.left_out.iter().all(|x| x.line == Some(2) && x.file.ends_with("labelstudio.json")));
    // The old-Label-Studio task imports once told its unit.
    let mut store = Store::open_in_memory().expect("open");
    let r = import(
        &mut store,
        "labelstudio.json",
        &ImportOptions { offsets: Some(OffsetUnit::Utf16), ..Default::default() },
    );
    let last =
        r.imported.iter().find(|a| a.line == Some(141)).expect("task 103 with --offsets utf16");
    assert_eq!(
        spans(&store, last.article_id),
        owned(&[("الأردن", "LOC", "labelstudio:salma@example.org")])
    );
}

#[test]
fn prodigy_rejected_and_ignored_answers_bring_text_but_no_spans() {
    let mut store = Store::open_in_memory().expect("open");
    let r = import(&mut store, "prodigy.jsonl", &ImportOptions::default());
    let by_line = |l: i64| {
        r.imported
            .iter()
            .chain(&r.duplicates)
            .find(|a| a.line == Some(l))
            .map(|a| a.article_id)
            .expect("line")
    };
    assert_eq!(
        spans(&store, by_line(1)),
        owned(&[("أيمن الصفدي", "PER", "prodigy"), ("عمّان", "LOC", "prodigy:news-ner-omar")])
    );
    assert!(spans(&store, by_line(2)).is_empty() && spans(&store, by_line(3)).is_empty());
    assert_eq!(
        spans(&store, by_line(5)),
        owned(&[("سوق الحميدية", "FAC", "prodigy"), ("دمشق", "LOC", "prodigy")]),
        "code points after an emoji"
    );
    let left: Vec<(Option<i64>, &str)> =
        r.left_out.iter().map(|x| (x.line, x.reason.as_str())).collect();
    assert_eq!(left.len(), 2);
    assert!(left[0].0 == Some(2) && left[0].1.contains("answered \"reject\""), "{left:?}");
    assert!(left[1].0 == Some(3) && left[1].1.contains("answered \"ignore\""), "{left:?}");
    // Prodigy's meta is kept, but never under a key the exporter reads (`tokens`).
    let a = articles::get(store.conn(), by_line(1)).expect("get");
    assert_eq!((a.meta["source"].as_str(), a.meta.get("tokens")), (Some("agency"), None));
    assert_eq!(a.meta["tokens_imported"], 14);
}

#[test]
fn csv_columns_map_to_fields_and_the_rest_to_meta() {
    let mut store = Store::open_in_memory().expect("open");
    let r = import(&mut store, "articles.csv", &ImportOptions::default());
    let second = articles::get(store.conn(), r.imported[1].article_id).expect("get");
    assert_eq!(
        second.text, "نص من سطرين،\r\nفيه فاصلة, وعلامة \"اقتباس\".",
        "a quoted multi-line field, kept exactly"
    );
    assert_eq!(
        (second.title.as_str(), second.url.as_str(), second.published_at.as_str()),
        ("خبر ثانٍ", "https://example.org/2", "2026-01-06")
    );
    assert_eq!(second.meta, serde_json::json!({"id": "2", "category": "economy"}));
    let r = import(&mut store, "articles.tsv", &ImportOptions::default());
    let tsv = articles::get(store.conn(), r.imported[0].article_id).expect("get");
    assert_eq!(
        (tsv.text.as_str(), tsv.title.as_str()),
        ("انتهت المباراة بالتعادل\tوسط حضور جماهيري.", "مباراة الديربي")
    );
    assert_eq!(
        (tsv.url.as_str(), tsv.published_at.as_str(), &tsv.meta),
        ("https://example.org/sport/1", "2026-03-01", &serde_json::json!({"author": "مراسل"}))
    );
    let r = import(&mut store, "semicolon.csv", &ImportOptions::default());
    let semi = articles::get(store.conn(), r.imported[0].article_id).expect("get");
    assert_eq!(
        (semi.text.as_str(), semi.published_at.as_str()),
        ("نص فيه، فاصلة, لاتينية", "2026-02-01"),
        "Arabic column names by default"
    );
    // A `tokens` column must not pass for a CoNLL tokenisation: the token exports still work.
    let cols = Columns { text: Some("المحتوى".into()), ..Default::default() };
    import(
        &mut store,
        "custom-columns.csv",
        &ImportOptions { columns: cols, ..Default::default() },
    );
    let mut buf = Vec::new();
    export::export_to(store.conn(), "conll", &mut buf)
        .expect("conll export after a CSV with a tokens column");
}

#[test]
fn a_whole_folder_reports_every_rejection_with_file_line_and_reason_and_imports_once() {
    let mut store = Store::open_in_memory().expect("open");
    let dir = fixture("");
    let first =
        import::import_paths(&mut store, std::slice::from_ref(&dir), &ImportOptions::default())
            .expect("import");
    assert!(first.imported.len() >= 15, "{first:#?}");
    assert!(first.skipped_files.iter().any(|f| f.ends_with("make.py")));
    let line_based = ["csv", "tsv", "json", "jsonl"];
    for x in &first.rejected {
        assert!(!x.file.is_empty() && !x.reason.is_empty(), "{x:?}");
        let ext = Path::new(&x.file).extension().and_then(|e| e.to_str()).unwrap_or("");
        // A file whose offsets fit another unit is stopped whole, before anything is written.
        let whole_file = x.reason.contains("the file is empty")
            || x.reason.contains("no articles")
            || x.reason.contains("most likely counts");
        assert_eq!(x.line.is_some(), line_based.contains(&ext) && !whole_file, "{x:?}");
    }
    let before = export_string(&store);
    let count = articles::count(store.conn()).expect("count");
    let again =
        import::import_paths(&mut store, &[dir], &ImportOptions::default()).expect("import again");
    assert!(again.imported.is_empty(), "{:#?}", again.imported);
    assert_eq!(again.duplicates.len(), first.imported.len() + first.duplicates.len());
    assert_eq!((again.spans_added, again.tags_added), (0, 0));
    assert!(again.labels_added.is_empty());
    assert_eq!(articles::count(store.conn()).expect("count"), count);
    assert_eq!(export_string(&store), before, "importing the same files again changes nothing");
}

/// Cancelling in the middle of the second file: the first stays, the second is rolled back whole,
/// the third is not started.
#[test]
fn cancel_rolls_back_the_file_in_progress_and_keeps_those_done() {
    let dir = tempfile::tempdir().expect("tempdir");
    let line = |i: usize| format!("{{\"text\": \"خبر رقم {i} عن عمّان\"}}\n");
    let names = ["a.jsonl", "b.jsonl", "c.jsonl"];
    for (n, name) in names.iter().enumerate() {
        let body: String = (0..500).map(|i| line(n * 1000 + i)).collect();
        std::fs::write(dir.path().join(name), body).expect("write");
    }
    let control: Arc<std::sync::OnceLock<Control>> = Arc::new(std::sync::OnceLock::new());
    let seen = control.clone();
    let ctl = Control::with_interval(
        Some(Box::new(move |p: &import::Progress| {
            if p.file.ends_with("b.jsonl") && p.records > 700 {
                if let Some(c) = seen.get() {
                    c.cancel();
                }
            }
        })),
        Duration::ZERO,
    );
    let _ = control.set(ctl.clone());
    let mut store = Store::open_in_memory().expect("open");
    let paths: Vec<PathBuf> = names.iter().map(|n| dir.path().join(n)).collect();
    let r = import::import_paths(
        &mut store,
        &paths,
        &ImportOptions { control: ctl, ..Default::default() },
    )
    .expect("import");
    assert_eq!(r.imported.len(), 500, "a.jsonl stays");
    assert!(r.imported.iter().all(|a| a.file.ends_with("a.jsonl")));
    assert_eq!(r.cancelled.len(), 2, "{:?}", r.cancelled);
    assert!(r.cancelled[0].ends_with("b.jsonl") && r.cancelled[1].ends_with("c.jsonl"));
    assert!(r.rejected.is_empty(), "a cancel is not a rejection: {:?}", r.rejected);
    assert_eq!(
        articles::count(store.conn()).expect("count"),
        500,
        "nothing of b.jsonl was written"
    );
}

/// Ctrl+C in the CLI: exit 130, the file in progress rolled back, the report says so.
#[cfg(unix)]
#[test]
fn ctrl_c_in_the_cli_cancels_cleanly() {
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().expect("tempdir");
    let small = dir.path().join("a-small.jsonl");
    std::fs::write(&small, "{\"text\": \"خبر أول\"}\n{\"text\": \"خبر ثانٍ\"}\n").expect("write");
    let big = dir.path().join("b-big.jsonl");
    let body: String = (0..300_000)
        .map(|i| format!("{{\"text\": \"خبر طويل رقم {i} عن الرباط وعمّان والرياض\"}}\n"))
        .collect();
    std::fs::write(&big, body).expect("write");
    let last = dir.path().join("c-last.txt");
    std::fs::write(&last, "خبر أخير").expect("write");
    let db = dir.path().join("p.hashiya");
    let child = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args([
            "--db",
            &db.display().to_string(),
            "import",
            &small.display().to_string(),
            &big.display().to_string(),
            &last.display().to_string(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Wait until the small file is committed, then interrupt while the big one is being read.
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    loop {
        let n = rusqlite::Connection::open(&db).ok().and_then(|c| {
            c.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0)).ok()
        });
        if n == Some(2) {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the small file was never committed");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    let status =
        Command::new("kill").args(["-INT", &child.id().to_string()]).status().expect("kill");
    assert!(status.success());
    let out = child.wait_with_output().expect("wait");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(130), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        stdout.contains(&format!(
            "cancelled  {} (rolled back: nothing of it was written)",
            big.display()
        )),
        "{stdout}"
    );
    assert!(stdout.contains(&format!("cancelled  {} (not started)", last.display())), "{stdout}");
    let conn = rusqlite::Connection::open(&db).expect("open");
    let n: i64 = conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).expect("count");
    assert_eq!(n, 2, "only the small file's articles");
}

#[test]
fn the_api_takes_a_format_offsets_and_a_column_mapping() {
    use serde_json::json;
    let mut store = Store::open_in_memory().expect("open");
    let csv = std::fs::read_to_string(fixture("custom-columns.csv")).expect("read");
    let r = hashiya::api::dispatch(
        &mut store,
        "import_files",
        json!({"files": [{"name": "upload.csv", "content": csv}], "mapping": {"text": "المحتوى", "title": "العنوان الرئيسي"}}),
    )
    .expect("import_files");
    assert_eq!(r["imported"][0]["title"], "عنوان مخصص", "{r}");
    let doccano = std::fs::read_to_string(fixture("doccano-codepoints.json")).expect("read");
    let r = hashiya::api::dispatch(
        &mut store,
        "import_files",
        json!({"files": [{"name": "x.txt", "content": doccano}], "format": "doccano", "offsets": "codepoint", "annotator": "salma"}),
    )
    .expect("import_files");
    assert_eq!(r["spans_added"], 3, "{r}");
    let bad =
        hashiya::api::dispatch(&mut store, "import_files", json!({"files": [], "format": "pdf"}))
            .expect_err("unknown format");
    assert_eq!(bad.kind, "invalid");
}
