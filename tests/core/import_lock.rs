//! Import and interactive writes at once: an import holds the project's write lock only for its short
//! final copy, so an analyst's writes with a short busy timeout all succeed during a large import;
//! imports running side by side store each article once; staging files never stay behind.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::{rngs::StdRng, SeedableRng};
use serde_json::json;

use crate::harness::{annotator, check_project, corpus, count, env_count, read};
use hashiya::import::{self, Control, ImportOptions};
use hashiya::Store;

/// Files in the project's folder that an import left behind (anything but the project, its WAL and
/// shared memory, and the sources).
fn leftovers(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read dir").flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.contains(".import-") {
            out.push(name);
        }
    }
    out
}

/// Every file in `dir` is large enough to go through a staging database.
fn assert_staged(dir: &Path) {
    for e in std::fs::read_dir(dir).expect("read dir").flatten() {
        assert!(
            e.metadata().expect("metadata").len() >= import::STAGE_FROM,
            "{:?} would be imported without staging",
            e.path()
        );
    }
}

/// While one thread imports a large JSONL file, another handle adds spans one by one: every write
/// succeeds and is stored, writes go on while the import runs, and none waits for more than a small
/// part of the import (the lock is held only for the final copy), and the import is complete. Ratios,
/// not absolute times, so a loaded machine slows both sides alike.
#[test]
fn writes_with_a_short_busy_timeout_succeed_during_a_large_import() {
    let mut rng = StdRng::seed_from_u64(11);
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, arts) = annotator::project(&mut rng, dir.path());
    let lines = env_count("HASHIYA_LOCK_LINES", 10_000);
    let src = corpus::jsonl_folder(&mut rng, &dir.path().join("big"), 1, lines, 3);
    assert_staged(&src);
    let done = Arc::new(AtomicBool::new(false));
    let importer = {
        let (db, src, done) = (db.clone(), src.clone(), done.clone());
        std::thread::spawn(move || {
            let mut store = Store::open(&db).expect("open");
            let t0 = Instant::now();
            let report = import::import_paths(&mut store, &[src], &ImportOptions::default());
            done.store(true, Ordering::SeqCst);
            (report, t0.elapsed())
        })
    };
    let mut store = Store::open(&db).expect("open");
    store.conn().busy_timeout(Duration::from_secs(20)).expect("busy timeout");
    let ranges: Vec<(i64, (usize, usize))> =
        arts.0.iter().flat_map(|(id, r)| r.iter().map(move |x| (*id, *x))).collect();
    let (mut acked, mut errors, mut slowest) = (Vec::new(), Vec::new(), Duration::ZERO);
    let mut acked_while_importing = 0;
    let mut k = 0;
    while !done.load(Ordering::SeqCst) || k < 5 {
        let (article, (start, end)) = ranges[k % ranges.len()];
        let label = corpus::LABELS[(k / ranges.len()) % corpus::LABELS.len()];
        let t0 = Instant::now();
        let args = json!({"article_id": article, "annotator": "amal", "start": start, "end": end, "label": label});
        match hashiya::api::dispatch(&mut store, "add_span", args) {
            Ok(v) => {
                acked.push(v["id"].as_i64().expect("span id"));
                if !done.load(Ordering::SeqCst) {
                    acked_while_importing += 1;
                }
            }
            Err(e) => errors.push(e.message),
        }
        slowest = slowest.max(t0.elapsed());
        k += 1;
        std::thread::sleep(Duration::from_millis(5));
        assert!(k < 5 * ranges.len(), "ran out of places for new spans");
    }
    let (report, took) = importer.join().expect("import thread");
    let report = report.expect("import");
    eprintln!(
        "{} writes during an import of {lines} lines ({took:?}); slowest write {slowest:?}",
        acked.len()
    );
    assert!(errors.is_empty(), "{} of {} writes failed, first: {}", errors.len(), k, errors[0]);
    assert!(acked_while_importing >= 10, "only {acked_while_importing} writes while importing");
    assert!(slowest * 3 < took, "a write waited {slowest:?} of the import's {took:?}");
    assert_eq!(report.imported_total(), lines as i64, "rejected: {:?}", report.rejected.first());
    assert_eq!(report.spans_added, 3 * lines as i64);
    let conn = read(&db);
    let stored = count(&conn, "SELECT count(*) FROM spans s JOIN annotators n ON n.id = s.annotator_id WHERE n.name = 'amal'");
    assert_eq!(stored, acked.len() as i64);
    assert_eq!(count(&conn, "SELECT count(*) FROM articles"), 6 + lines as i64);
    assert_eq!(count(&conn, "SELECT count(*) FROM spans s JOIN annotators n ON n.id = s.annotator_id WHERE n.name = 'salma'"), 3 * lines as i64);
    check_project(&db).expect("sound");
    assert!(leftovers(dir.path()).is_empty(), "{:?}", leftovers(dir.path()));
}

/// The same files imported from two threads at once: each article is stored once, with its spans
/// once, and the two reports together import each article once and count the rest as duplicates.
#[test]
fn the_same_file_imported_twice_at_once_is_stored_once() {
    let mut rng = StdRng::seed_from_u64(12);
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("p.hashiya");
    Store::open(&db).expect("create");
    let (files, lines, spans) = (2, 1600, 2);
    let src = corpus::jsonl_folder(&mut rng, &dir.path().join("src"), files, lines, spans);
    assert_staged(&src);
    let total = (files * lines) as i64;
    for round in 0..3 {
        let handles: Vec<_> = (0..2)
            .map(|_| {
                let (db, src) = (db.clone(), src.clone());
                std::thread::spawn(move || {
                    let mut store = Store::open(&db).expect("open");
                    import::import_paths(&mut store, &[src], &ImportOptions::default())
                        .expect("import")
                })
            })
            .collect();
        let reports: Vec<_> = handles.into_iter().map(|h| h.join().expect("thread")).collect();
        for r in &reports {
            assert!(r.rejected.is_empty(), "round {round}: {:?}", r.rejected);
            assert_eq!(r.imported_total() + r.duplicates_total(), total, "round {round}");
            for item in r.imported.iter().chain(&r.duplicates) {
                let text_of = |id: i64| {
                    read(&db).query_row("SELECT ext_id FROM articles WHERE id = ?1", [id], |row| {
                        row.get::<_, String>(0)
                    })
                };
                assert!(
                    text_of(item.article_id).is_ok(),
                    "round {round}: the report names article {} that is not stored",
                    item.article_id
                );
            }
        }
        let imported: i64 = reports.iter().map(|r| r.imported_total()).sum();
        let added: i64 = reports.iter().map(|r| r.spans_added).sum();
        assert_eq!(imported, if round == 0 { total } else { 0 }, "round {round}");
        assert_eq!(added, if round == 0 { total * spans as i64 } else { 0 }, "round {round}");
        let conn = read(&db);
        assert_eq!(count(&conn, "SELECT count(*) FROM articles"), total, "round {round}");
        assert_eq!(
            count(&conn, "SELECT count(DISTINCT ext_id) FROM articles"),
            total,
            "round {round}"
        );
        assert_eq!(
            count(&conn, "SELECT count(*) FROM spans"),
            total * spans as i64,
            "round {round}"
        );
        assert_eq!(count(&conn, "SELECT count(*) FROM article_tags"), total, "round {round}");
    }
    check_project(&db).expect("sound");
    assert!(leftovers(dir.path()).is_empty(), "{:?}", leftovers(dir.path()));
}

/// Duplicates inside one file and of articles already in the project are found, and the report
/// names the stored article and counts only annotations that are new: the same for a small file (read
/// in the project's transaction) and a large one (staged; blank lines pad it to the size).
#[test]
fn duplicates_in_the_file_and_in_the_project() {
    for pad in [0, import::STAGE_FROM as usize] {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("p.hashiya");
        let line = |text: &str, start: usize, end: usize, who: &str| {
            let slice: String = text.chars().skip(start).take(end - start).collect();
            json!({"text": text, "spans": [{"start": start, "end": end, "label": "PER", "text": slice, "annotator": who}], "tags": [{"label": "NEW-TAG", "annotator": who}]}).to_string()
        };
        let a = "وصل المدير العام إلى الرباط";
        let b = "التقى عبد اللطيف حموشي في مقر";
        std::fs::write(dir.path().join("first.jsonl"), format!("{}\n", line(a, 0, 3, "salma")))
            .expect("write");
        let mut store = Store::open(&db).expect("open");
        let first = import::import_paths(
            &mut store,
            &[dir.path().join("first.jsonl")],
            &ImportOptions::default(),
        )
        .expect("import");
        assert_eq!(first.labels_added, vec!["NEW-TAG".to_string()]);
        let a_id = first.imported[0].article_id;
        // a again (same span: nothing new; another span: new), b twice (its second span is new).
        let content = [
            line(a, 0, 3, "salma"),
            line(a, 4, 10, "salma"),
            line(b, 0, 5, "karim"),
            line(b, 0, 5, "karim"),
            line(b, 6, 16, "karim"),
        ];
        std::fs::write(dir.path().join("second.jsonl"), content.join("\n") + &"\n".repeat(pad))
            .expect("write");
        let r = import::import_paths(
            &mut store,
            &[dir.path().join("second.jsonl")],
            &ImportOptions::default(),
        )
        .expect("import");
        let b_id = read(&db)
            .query_row("SELECT id FROM articles WHERE text = ?1", [b], |row| row.get::<_, i64>(0))
            .expect("b stored");
        let got = |list: &[import::ImportedArticle]| {
            list.iter().map(|i| (i.line, i.article_id, i.new_spans, i.new_tags)).collect::<Vec<_>>()
        };
        assert_eq!(got(&r.imported), vec![(Some(3), b_id, 1, 1)], "pad {pad}");
        assert_eq!(
            got(&r.duplicates),
            vec![
                (Some(1), a_id, 0, 0),
                (Some(2), a_id, 1, 0),
                (Some(4), b_id, 0, 0),
                (Some(5), b_id, 1, 0)
            ],
            "pad {pad}"
        );
        assert_eq!((r.spans_added, r.tags_added), (3, 1), "pad {pad}");
        assert!(r.labels_added.is_empty(), "pad {pad}: {:?}", r.labels_added);
        assert_eq!(count(&read(&db), "SELECT count(*) FROM spans"), 4, "pad {pad}");
        assert_eq!(count(&read(&db), "SELECT count(*) FROM article_tags"), 2, "pad {pad}");
        assert_eq!(count(&read(&db), "SELECT count(*) FROM articles"), 2, "pad {pad}");
        assert_eq!(
            count(&read(&db), "SELECT count(*) FROM labels WHERE name = 'NEW-TAG'"),
            1,
            "pad {pad}"
        );
        check_project(&db).expect("sound");
    }
}

/// A cancelled or finished import leaves no staging file; one a crash left is removed once stale.
#[test]
fn staging_files_are_removed() {
    let mut rng = StdRng::seed_from_u64(13);
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("p.hashiya");
    let src = corpus::jsonl_folder(&mut rng, &dir.path().join("src"), 2, 1600, 1);
    assert_staged(&src);
    let mut store = Store::open(&db).expect("open");
    let control: Arc<std::sync::OnceLock<Control>> = Arc::new(std::sync::OnceLock::new());
    let seen = control.clone();
    let watcher = Control::with_interval(
        Some(Box::new(move |p: &import::Progress| {
            if p.records >= 700 {
                if let Some(c) = seen.get() {
                    c.cancel();
                }
            }
        })),
        Duration::ZERO,
    );
    let _ = control.set(watcher.clone());
    let opts = ImportOptions { control: watcher, ..Default::default() };
    let r = import::import_paths(&mut store, std::slice::from_ref(&src), &opts).expect("import");
    assert_eq!(r.cancelled.len(), 2, "{:?}", r.cancelled);
    assert_eq!(count(&read(&db), "SELECT count(*) FROM articles"), 0);
    assert!(leftovers(dir.path()).is_empty(), "after cancel: {:?}", leftovers(dir.path()));

    // A staging file a killed import left: removed by the next import once untouched for an hour.
    let stale = dir.path().join(".p.hashiya.import-1-1");
    let fresh = dir.path().join(".p.hashiya.import-2-2");
    let f = std::fs::File::create(&stale).expect("create");
    f.set_modified(std::time::SystemTime::now() - Duration::from_secs(2 * 3600)).expect("mtime");
    std::fs::File::create(&fresh).expect("create");
    let r = import::import_paths(&mut store, &[src], &ImportOptions::default()).expect("import");
    assert_eq!(r.imported_total(), 3200);
    assert!(!stale.exists(), "the stale staging file is still there");
    assert!(fresh.exists(), "a fresh staging file (another import's) was removed");
    std::fs::remove_file(&fresh).expect("remove");
    assert!(leftovers(dir.path()).is_empty(), "{:?}", leftovers(dir.path()));
}

/// Benchmark (release): `HASHIYA_BENCH_LINES=100000,300000 cargo test --release --test core import_lock:: -- --ignored --nocapture`.
/// For each size, a generated JSONL file (40-word articles, 3 spans, a tag and a status each) is imported
/// into a new project while another connection takes the write lock again and again (`BEGIN IMMEDIATE;
/// COMMIT`, 2 ms apart): its longest wait is how long the import held the lock at a stretch.
#[test]
#[ignore]
fn bench_lock_hold_time() {
    let sizes: Vec<usize> = std::env::var("HASHIYA_BENCH_LINES")
        .unwrap_or_else(|_| "100000,300000".into())
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rows = Vec::new();
    for lines in sizes {
        let mut rng = StdRng::seed_from_u64(lines as u64);
        let src =
            corpus::jsonl_folder(&mut rng, &dir.path().join(format!("src-{lines}")), 1, lines, 3);
        let mb = std::fs::read_dir(&src)
            .expect("dir")
            .flatten()
            .map(|e| e.metadata().map(|m| m.len()).unwrap_or(0))
            .sum::<u64>()
            / 1_000_000;
        let db = dir.path().join(format!("p-{lines}.hashiya"));
        let mut store = Store::open(&db).expect("open");
        store.conn().pragma_update(None, "cache_size", -128_000).expect("cache");
        let done = Arc::new(AtomicBool::new(false));
        let probe = {
            let (db, done) = (db.clone(), done.clone());
            std::thread::spawn(move || {
                let conn = rusqlite::Connection::open(&db).expect("open");
                conn.busy_timeout(Duration::from_secs(600)).expect("timeout");
                let (mut longest, mut n) = (Duration::ZERO, 0);
                while !done.load(Ordering::SeqCst) {
                    let t0 = Instant::now();
                    conn.execute_batch("BEGIN IMMEDIATE; COMMIT").expect("lock");
                    longest = longest.max(t0.elapsed());
                    n += 1;
                    std::thread::sleep(Duration::from_millis(2));
                }
                (longest, n)
            })
        };
        let t0 = Instant::now();
        let report =
            import::import_paths(&mut store, &[src], &ImportOptions::default()).expect("import");
        let stored = t0.elapsed();
        hashiya::search::catch_up(store.conn_mut(), 1000, |_, _| {}).expect("index");
        let total = t0.elapsed();
        done.store(true, Ordering::SeqCst);
        let (longest, n) = probe.join().expect("probe");
        assert_eq!(report.imported_total(), lines as i64);
        rows.push(format!(
            "{lines:>8} lines ({mb:>4} MB)   {:>8.2} s   {:>8.2} s   {:>10.3} s   {n:>7}",
            stored.as_secs_f64(),
            total.as_secs_f64(),
            longest.as_secs_f64()
        ));
    }
    eprintln!(
        "\n{:<23} {:>10} {:>11} {:>14} {:>9}",
        "JSONL import", "stored", "total", "longest wait", "probes"
    );
    for r in rows {
        eprintln!("{r}");
    }
}
