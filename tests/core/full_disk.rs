//! A full disk loses and half-writes nothing: imports and annotations that do not fit fail whole with one clear sentence, exports never leave a partial file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hashiya::import::{import_paths, ImportOptions};
use hashiya::store::Store;
use serde_json::json;

use crate::common::{cp_range, native_line, TRICKY};

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn hashiya(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hashiya")).args(args).output().expect("run hashiya")
}

/// Run `hashiya` with a file-size limit of `kib` KiB: any write past that offset in any file fails, as on a full
/// disk (SIGXFSZ is ignored, so the write returns an error instead of killing the process).
fn hashiya_limited(kib: u64, args: &[&str]) -> Output {
    // `ulimit -f` counts 512-byte blocks in POSIX sh (dash) and 1024-byte ones in bash; -f in blocks of 512.
    let script =
        format!("trap '' XFSZ; ulimit -f {} 2>/dev/null || exit 99; exec \"$0\" \"$@\"", kib * 2);
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_hashiya"))
        .args(args)
        .output()
        .expect("run hashiya under sh")
}

fn jsonl_export(store: &Store) -> String {
    let mut out = Vec::new();
    hashiya::export::export_to(store.conn(), "jsonl", &mut out).expect("export");
    String::from_utf8(out).expect("utf-8")
}

fn integrity_ok(store: &Store) {
    let check: String = store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(check, "ok");
    let fk: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))
        .expect("foreign_key_check");
    assert_eq!(fk, 0);
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

/// A few articles with spans and tags: the work that must survive.
fn small_file(dir: &Path) -> PathBuf {
    let (s, e) = cp_range(TRICKY, "عبد اللطيف حموشي");
    let mut lines = String::new();
    for i in 0..3 {
        let mut rec: serde_json::Value =
            serde_json::from_str(&native_line(TRICKY, &[(s, e, "PER", "salma")])).expect("json");
        rec["id"] = json!(format!("a{i}"));
        rec["text"] = json!(format!("{TRICKY} ({i})"));
        lines.push_str(&rec.to_string());
        lines.push('\n');
    }
    let p = dir.join("small.jsonl");
    std::fs::write(&p, lines).expect("write small");
    p
}

/// `n` articles of about 1 KB of Arabic each (2 KB as UTF-8), one span each.
fn big_file(dir: &Path, n: usize) -> PathBuf {
    let mut lines = String::new();
    for i in 0..n {
        let body = format!("خبر رقم {i}: ").repeat(60);
        let text = format!("وزار الوفد الرباط. {body}");
        let (s, e) = cp_range(&text, "الرباط");
        lines.push_str(&json!({"id": format!("big{i}"), "title": format!("خبر {i}"), "text": text,
            "spans": [{"start": s, "end": e, "label": "LOC", "text": "الرباط", "annotator": "karim"}]}).to_string());
        lines.push('\n');
    }
    let p = dir.join("big.jsonl");
    std::fs::write(&p, lines).expect("write big");
    p
}

fn page_count(store: &Store) -> i64 {
    store.conn().query_row("PRAGMA page_count", [], |r| r.get(0)).expect("page_count")
}

/// Cap the project at its present size plus `extra` pages (SQLite then answers SQLITE_FULL, as on a full disk).
fn cap(store: &Store, extra: i64) {
    let max = page_count(store) + extra;
    let got: i64 = store
        .conn()
        .query_row(&format!("PRAGMA max_page_count = {max}"), [], |r| r.get(0))
        .expect("max_page_count");
    assert_eq!(got, max);
}

fn uncap(store: &Store) {
    store
        .conn()
        .query_row("PRAGMA max_page_count = 1073741823", [], |r| r.get::<_, i64>(0))
        .expect("max_page_count");
}

/// The sentence a full disk gives: says what happened, that nothing was saved, and what to do.
fn assert_full_sentence(msg: &str) {
    assert!(msg.contains("full"), "{msg}");
    assert!(msg.contains("nothing"), "says nothing was half-saved: {msg}");
    assert!(msg.contains("free some space"), "says what to do: {msg}");
    assert!(!msg.contains("panicked") && !msg.contains('\n'), "{msg}");
}

#[test]
fn an_import_too_big_for_the_disk_is_absent_and_earlier_work_intact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("p.hashiya");
    let mut store = Store::open(&db).expect("open");
    let small = small_file(dir.path());
    let big = big_file(dir.path(), 1500);
    let r = import_paths(&mut store, &[small], &ImportOptions::default()).expect("import small");
    assert_eq!((r.imported_total(), r.spans_added, r.rejected.len()), (3, 3, 0));
    let before = jsonl_export(&store);

    cap(&store, 4);
    let r = import_paths(&mut store, std::slice::from_ref(&big), &ImportOptions::default())
        .expect("the import reports, not fails");
    assert_eq!(r.imported_total(), 0);
    assert_eq!(r.rejected.len(), 1, "{:?}", r.rejected);
    let rej = &r.rejected[0];
    assert_eq!(rej.file, big.display().to_string(), "the rejection names the file");
    assert_eq!(rej.line, None);
    assert!(rej.reason.starts_with("nothing from this file was imported: "), "{}", rej.reason);
    assert_full_sentence(&rej.reason);
    eprintln!("import over max_page_count: {}: {}", rej.file, rej.reason);
    assert_eq!(r.labels_added, Vec::<String>::new());

    // Earlier work is all there, the big file is absent (no article, span or annotator of it), the file is sound.
    assert_eq!(jsonl_export(&store), before);
    assert_eq!(count(&store, "articles"), 3);
    let karim: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM annotators WHERE name = 'karim'", [], |r| r.get(0))
        .expect("annotators");
    assert_eq!(karim, 0);
    integrity_ok(&store);

    // With room again, the same import succeeds whole.
    uncap(&store);
    let r = import_paths(&mut store, &[big], &ImportOptions::default()).expect("import big");
    assert_eq!(
        (r.imported_total(), r.spans_added, r.rejected.len()),
        (1500, 1500, 0),
        "{:?}",
        r.rejected
    );
    assert_eq!(count(&store, "articles"), 1503);
    integrity_ok(&store);
    drop(store);
    let store = Store::open(&db).expect("reopen");
    assert!(jsonl_export(&store).starts_with(&before));
}

#[test]
fn adding_spans_until_the_disk_is_full_keeps_every_acknowledged_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("p.hashiya");
    let mut store = Store::open(&db).expect("open");
    // One long article of many words to label.
    let words = 4000;
    let text = (0..words).map(|i| format!("كلمة{i}")).collect::<Vec<_>>().join(" ");
    let f = dir.path().join("long.jsonl");
    std::fs::write(&f, json!({"id": "long", "title": "طويل", "text": text}).to_string() + "\n")
        .expect("write");
    let r = import_paths(&mut store, &[f], &ImportOptions::default()).expect("import");
    let article_id = r.imported[0].article_id;

    cap(&store, 0);
    let mut acknowledged = Vec::new();
    let mut start = 0usize;
    let mut failure = None;
    for w in text.split(' ') {
        let end = start + w.chars().count();
        let req = json!({"article_id": article_id, "annotator": "salma", "start": start, "end": end, "label": "PER", "note": "ملاحظة"});
        match hashiya::api::dispatch(&mut store, "add_span", req) {
            Ok(v) => acknowledged.push(v["id"].as_i64().expect("span id")),
            Err(e) => {
                failure = Some((e, start, end));
                break;
            }
        }
        start = end + 1;
    }
    let (err, s, e) = failure.expect("the capped project filled up before every word was labelled");
    assert!(!acknowledged.is_empty(), "some spans fit in the pages the project had");
    assert_full_sentence(&err.message);
    eprintln!(
        "add_span #{} on a full project: {} ({})",
        acknowledged.len() + 1,
        err.message,
        err.kind
    );
    assert_eq!(err.kind, "database");

    // Every acknowledged span is stored, the refused one is not; the file is sound; more room, and it saves.
    let stored: Vec<i64> = store
        .conn()
        .prepare("SELECT id FROM spans ORDER BY id")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect();
    assert_eq!(stored, acknowledged);
    integrity_ok(&store);
    uncap(&store);
    let req = json!({"article_id": article_id, "annotator": "salma", "start": s, "end": e, "label": "PER"});
    assert!(hashiya::api::dispatch(&mut store, "add_span", req).is_ok());
    assert_eq!(count(&store, "spans") as usize, acknowledged.len() + 1);
}

#[test]
fn cli_import_into_a_full_project_says_so_in_one_sentence_and_keeps_the_project() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("p.hashiya");
    let dbs = db.to_str().unwrap_or_default();
    let small = small_file(dir.path());
    let big = big_file(dir.path(), 1500);
    let out = hashiya(&["--db", dbs, "import", small.to_str().unwrap_or_default()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let before = text(&hashiya(&["--db", dbs, "export"]).stdout);

    // The disk fills 256 KiB past the project file (its -wal and anything else the import writes hit it).
    let size = std::fs::metadata(&db).expect("size").len() / 1024;
    let out =
        hashiya_limited(size + 256, &["--db", dbs, "import", big.to_str().unwrap_or_default()]);
    assert_ne!(out.status.code(), Some(99), "sh could not set the file-size limit");
    assert_eq!(
        out.status.code(),
        Some(1),
        "stdout: {} stderr: {}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let stdout = text(&out.stdout);
    let line = stdout
        .lines()
        .find(|l| l.starts_with("rejected"))
        .unwrap_or_else(|| panic!("no rejection: {stdout}"));
    assert!(
        line.starts_with(&format!(
            "rejected   {}: nothing from this file was imported: ",
            big.display()
        )),
        "{line}"
    );
    assert_full_sentence(line);
    eprintln!("CLI import into a full project: {line}");
    assert!(stdout.contains("0 imported, 1 rejected;"), "{stdout}");
    assert!(!text(&out.stderr).contains("panicked"), "{}", text(&out.stderr));

    let store = Store::open(&db).expect("reopen");
    integrity_ok(&store);
    assert_eq!(count(&store, "articles"), 3);
    drop(store);
    assert_eq!(text(&hashiya(&["--db", dbs, "export"]).stdout), before);
    let out = hashiya(&["--db", dbs, "import", big.to_str().unwrap_or_default()]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("1500 imported;"), "{}", text(&out.stdout));
}

#[test]
fn an_export_onto_a_full_disk_leaves_the_previous_file_and_no_partial_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("p.hashiya");
    let dbs = db.to_str().unwrap_or_default();
    let big = big_file(dir.path(), 1500);
    assert!(hashiya(&["--db", dbs, "import", big.to_str().unwrap_or_default()]).status.success());
    let outdir = dir.path().join("out");
    std::fs::create_dir(&outdir).expect("mkdir");
    let target = outdir.join("train.jsonl");
    std::fs::write(&target, "the previous export\n").expect("write previous");

    // Room for 256 KiB: the export (about 3 MB) does not fit.
    for format in ["jsonl", "hf", "conll"] {
        let out = hashiya_limited(
            256,
            &[
                "--db",
                dbs,
                "export",
                "--format",
                format,
                "--out",
                target.to_str().unwrap_or_default(),
            ],
        );
        assert_ne!(out.status.code(), Some(99), "sh could not set the file-size limit");
        assert_eq!(out.status.code(), Some(1), "{format}: {}", text(&out.stderr));
        let err = text(&out.stderr);
        let last = err.lines().last().unwrap_or_default();
        assert!(last.starts_with("error: "), "{format}: {err}");
        assert!(
            last.contains("the disk is full") && last.contains("free some space"),
            "{format}: {last}"
        );
        assert!(
            last.contains(&format!("cannot write the export to {}", target.display())),
            "{format}: the message names the file: {last}"
        );
        eprintln!("export {format} onto a full disk: {last}");
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(
            std::fs::read_to_string(&target).expect("read"),
            "the previous export\n",
            "{format}: the previous file is unchanged"
        );
        let names: Vec<String> = std::fs::read_dir(&outdir)
            .expect("ls")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            vec!["train.jsonl".to_string()],
            "{format}: no partial or extra file is left"
        );
    }
    // With room, the export replaces it whole.
    let out = hashiya(&[
        "--db",
        dbs,
        "export",
        "--format",
        "jsonl",
        "--out",
        target.to_str().unwrap_or_default(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(&target).expect("read").lines().count(), 1500);
}

#[test]
fn an_export_to_a_full_stdout_is_an_error_not_a_panic() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        eprintln!("no /dev/full here: skipped");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("p.hashiya");
    let dbs = db.to_str().unwrap_or_default();
    let small = small_file(dir.path());
    assert!(hashiya(&["--db", dbs, "import", small.to_str().unwrap_or_default()]).status.success());
    let out = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["--db", dbs, "export", "--format", "jsonl"])
        .stdout(std::fs::OpenOptions::new().write(true).open(full).expect("open /dev/full"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    let last = err.lines().last().unwrap_or_default();
    assert!(last.starts_with("error: cannot write the export: the disk is full"), "{err}");
    eprintln!("stdout on /dev/full: {last}");
    assert!(!err.contains("panicked"), "{err}");
}
