//! Concurrency: the desktop app (here `hashiya serve`) and the CLI on one project at once, and two
//! `Store` handles in threads. No "database is locked" reaches the user and no acknowledged write is lost.

use crate::harness;

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::{rngs::StdRng, SeedableRng};
use serde_json::json;

use crate::harness::annotator::{self, Model};
use crate::harness::{check_project, corpus, count, read, s, seed, BIN};

/// Several processes open a project of an older schema at the same moment: one migrates it, the
/// others see it migrated; none fails.
#[test]
fn processes_opening_an_old_project_at_once_all_succeed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.hashiya");
    let mut failures = Vec::new();
    for round in 0..6 {
        let db = dir.path().join(format!("v1-{round}.hashiya"));
        std::fs::copy(&fixture, &db).expect("copy fixture");
        let children: Vec<_> = (0..4)
            .map(|_| {
                Command::new(BIN)
                    .args(["--db", s(&db), "export"])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for c in children {
            let out = c.wait_with_output().expect("wait");
            if !out.status.success() {
                failures.push(format!(
                    "round {round}: {}",
                    String::from_utf8_lossy(&out.stderr).lines().next().unwrap_or("")
                ));
            }
        }
        check_project(&db).unwrap_or_else(|e| panic!("round {round}: {e}"));
        for b in hashiya::backup::list(&db).expect("backups") {
            hashiya::backup::verify(&b).unwrap_or_else(|e| panic!("round {round}: {e}"));
        }
    }
    assert!(failures.is_empty(), "{} of 24 processes failed: {failures:#?}", failures.len());
}

/// Several processes back up one project at once, with old backups to prune: every one succeeds.
#[test]
fn backups_from_several_processes_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("p.hashiya");
    hashiya::Store::open(&db).expect("create");
    let backups = hashiya::backup::dir_of(&db);
    let mut failures = Vec::new();
    for round in 0..5 {
        std::fs::create_dir_all(&backups).expect("mkdir");
        for k in 0..hashiya::backup::KEEP + 4 {
            std::fs::write(backups.join(format!("p-20000101T0000{k:02}.000Z-old.hashiya")), b"")
                .expect("old backup");
        }
        let children: Vec<_> = (0..4)
            .map(|_| {
                Command::new(BIN)
                    .args(["--db", s(&db), "backup"])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for c in children {
            let out = c.wait_with_output().expect("wait");
            if !out.status.success() {
                failures.push(format!(
                    "round {round}: {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                ));
            }
        }
        let made = hashiya::backup::list(&db).expect("list");
        assert!(made.len() <= hashiya::backup::KEEP, "round {round}: {} backups kept", made.len());
        let newest = made.last().map(|p| p.display().to_string()).unwrap_or_default();
        assert!(!newest.ends_with("-old.hashiya"), "round {round}: the new backups were pruned");
        for b in made.iter().filter(|p| !p.display().to_string().ends_with("-old.hashiya")) {
            hashiya::backup::verify(b).unwrap_or_else(|e| panic!("round {round}: {e}"));
        }
        std::fs::remove_dir_all(&backups).expect("clean");
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Opening a project and exporting it only read: they go ahead while another program holds the write lock.
#[test]
fn export_does_not_wait_for_a_writer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rng = StdRng::seed_from_u64(1);
    let src = corpus::jsonl_folder(&mut rng, &dir.path().join("src"), 1, 20, 2);
    let db = dir.path().join("p.hashiya");
    assert!(harness::hashiya(&["--db", s(&db), "import", s(&src)]).status.success());
    let writer = rusqlite::Connection::open(&db).expect("open");
    writer
        .execute_batch("BEGIN IMMEDIATE; UPDATE settings SET value = value;")
        .expect("take the write lock");
    let t0 = Instant::now();
    let mut child = Command::new(BIN)
        .args(["--db", s(&db), "export"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait") {
            break Some(st);
        }
        if t0.elapsed() > Duration::from_secs(5) {
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    writer.execute_batch("ROLLBACK").expect("release");
    let out = child.wait_with_output().expect("output");
    let waited = t0.elapsed();
    assert!(
        status.is_some(),
        "the export waited {waited:?} for another program's write transaction"
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 20);
}

/// The desktop app (browser mode) takes annotation writes over HTTP while the CLI imports a large
/// file and a folder, and exports, on the same project.
#[test]
fn serve_and_cli_on_one_project() {
    let seed = seed("concurrency serve+cli");
    let mut rng = StdRng::seed_from_u64(seed);
    let dir = tempfile::tempdir().expect("tempdir");
    let ui = harness::fake_ui(dir.path());
    let (db, arts) = annotator::project(&mut rng, dir.path());
    let lines = harness::env_count("HASHIYA_CONCURRENCY_LINES", 1500);
    let jsonl = corpus::jsonl_folder(&mut rng, &dir.path().join("jsonl"), 1, lines, 5);
    let txt = corpus::txt_folder(&mut rng, &dir.path().join("txt"), 40, 1 << 18);
    let mut server = harness::Server::start(&db, &ui).expect("serve starts");
    let stop = Arc::new(AtomicBool::new(false));
    let (client, stop2, arts2) = (server.client(), stop.clone(), arts.clone());
    let mut session_rng = StdRng::seed_from_u64(seed ^ 1);
    let writer = std::thread::spawn(move || {
        let mut model = Model::default();
        let session = annotator::write_session(
            &client,
            &mut session_rng,
            &arts2,
            &mut model,
            usize::MAX,
            &stop2,
        );
        (model, session)
    });
    let exporter = {
        let (db, out, stop) = (db.clone(), dir.path().join("out.jsonl"), stop.clone());
        std::thread::spawn(move || {
            let mut runs = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                let t0 = Instant::now();
                let o = harness::hashiya(&["--db", s(&db), "export", "--out", s(&out)]);
                let n = std::fs::read_to_string(&out).map(|t| t.lines().count()).unwrap_or(0);
                runs.push((
                    o.status.success(),
                    String::from_utf8_lossy(&o.stderr).into_owned(),
                    n,
                    t0.elapsed(),
                ));
            }
            runs
        })
    };
    let t0 = Instant::now();
    let imp1 = harness::hashiya(&["--db", s(&db), "import", s(&jsonl)]);
    let t_jsonl = t0.elapsed();
    let imp2 = harness::hashiya(&["--db", s(&db), "import", s(&txt)]);
    let t_all = t0.elapsed();
    std::thread::sleep(Duration::from_millis(200));
    stop.store(true, Ordering::Relaxed);
    let (model, session) = writer.join().expect("writer");
    let exports = exporter.join().expect("exporter");
    server.stop();
    assert!(imp1.status.success(), "jsonl import: {}", String::from_utf8_lossy(&imp1.stderr));
    assert!(imp2.status.success(), "txt import: {}", String::from_utf8_lossy(&imp2.stderr));
    assert!(session.errors.is_empty(), "seed {seed}: writes failed: {:?}", session.errors);
    assert!(session.in_flight.is_none());
    for (ok, err, _, _) in &exports {
        assert!(ok, "an export failed: {err}");
    }
    check_project(&db).expect("sound");
    annotator::reconcile(&model, None, &db).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
    assert_eq!(count(&read(&db), "SELECT count(*) FROM articles"), 6 + lines as i64 + 41);
    let slowest_export = exports.iter().map(|e| e.3).max().unwrap_or_default();
    let mut seen: Vec<usize> = exports.iter().map(|e| e.2).collect();
    seen.dedup();
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "exports went back in time: {seen:?}");
    assert!(
        seen.iter().all(|&n| n <= 6 || n >= 6 + lines),
        "an export saw part of the JSONL file: {seen:?}"
    );
    eprintln!(
        "concurrency: {} writes over HTTP (slowest {} ms) while importing {lines} JSONL lines ({t_jsonl:?}) and 41 .txt files \
         ({:?}); {} exports meanwhile (slowest {slowest_export:?}), article counts they saw in turn {seen:?}",
        session.acked,
        session.max_ms,
        t_all - t_jsonl,
        exports.len(),
    );
}

/// Two handles on one project file in two threads, writing through the command API at once.
#[test]
fn two_stores_in_threads_lose_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rng = StdRng::seed_from_u64(2);
    let (db, arts) = annotator::project(&mut rng, dir.path());
    let per_thread = 150;
    let handles: Vec<_> = ["amal", "badr"]
        .into_iter()
        .map(|who| {
            let (db, arts) = (db.clone(), arts.clone());
            std::thread::spawn(move || {
                let mut store = hashiya::Store::open(&db).expect("open");
                let mut ids = Vec::new();
                for k in 0..per_thread {
                    let (article, ranges) = &arts.0[k % arts.0.len()];
                    let (start, end) = ranges[(k / arts.0.len()) % ranges.len()];
                    let args = json!({"article_id": article, "annotator": who, "start": start, "end": end, "label": "PER", "note": format!("{k}")});
                    let v = hashiya::api::dispatch(&mut store, "add_span", args).unwrap_or_else(|e| panic!("{who}: add_span: {}", e.message));
                    ids.push(v["id"].as_i64().expect("id"));
                    if k % 3 == 0 {
                        let args = json!({"article_id": article, "annotator": who, "status": "in_progress"});
                        hashiya::api::dispatch(&mut store, "set_status", args).unwrap_or_else(|e| panic!("{who}: set_status: {}", e.message));
                    }
                }
                ids
            })
        })
        .collect();
    let ids: Vec<Vec<i64>> = handles.into_iter().map(|h| h.join().expect("thread")).collect();
    let conn = read(&db);
    for (who, ids) in ["amal", "badr"].iter().zip(&ids) {
        let distinct: std::collections::BTreeSet<_> = ids.iter().collect();
        let stored = count(&conn, &format!("SELECT count(*) FROM spans s JOIN annotators n ON n.id = s.annotator_id WHERE n.name = '{who}'"));
        assert_eq!(stored, distinct.len() as i64, "{who}");
    }
    check_project(&db).expect("sound");
}

/// An export reads one state of the project: a span stored by another connection while the export is
/// being written is not in it (it is in the next export), even on an article written after the change.
#[test]
fn an_export_sees_one_state_of_the_project() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rng = StdRng::seed_from_u64(3);
    let src = corpus::jsonl_folder(&mut rng, &dir.path().join("src"), 1, 400, 2); // more than a write buffer
    let db = dir.path().join("p.hashiya");
    assert!(harness::hashiya(&["--db", s(&db), "import", s(&src)]).status.success());
    let (last, text): (i64, String) = read(&db)
        .query_row("SELECT id, text FROM articles ORDER BY id DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("last article");
    let word = text.split(' ').next().unwrap_or_default().chars().count();
    let spans_in = |out: &[u8]| -> usize {
        String::from_utf8_lossy(out)
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l)
                    .ok()
                    .and_then(|v| v["spans"].as_array().map(Vec::len))
                    .unwrap_or(0)
            })
            .sum()
    };

    /// Stores a span on the last article through another connection the first time the export writes.
    struct WriteMeanwhile {
        out: Vec<u8>,
        other: Option<(hashiya::Store, serde_json::Value)>,
    }
    impl std::io::Write for WriteMeanwhile {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if let Some((mut other, req)) = self.other.take() {
                hashiya::api::dispatch(&mut other, "add_span", req)
                    .map_err(|e| std::io::Error::other(e.message))?;
            }
            self.out.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let store = hashiya::Store::open(&db).expect("open");
    let o = hashiya::export::ExportOptions::default();
    let mut before = Vec::new();
    hashiya::export::export_with(store.conn(), &o, &mut before).expect("export");
    let req = json!({"article_id": last, "annotator": "Meanwhile", "start": 0, "end": word, "label": "PER"});
    let mut sink = WriteMeanwhile {
        out: Vec::new(),
        other: Some((hashiya::Store::open(&db).expect("second handle"), req)),
    };
    hashiya::export::export_with(store.conn(), &o, &mut sink).expect("export");
    assert!(sink.other.is_none(), "the other connection wrote during the export");
    assert_eq!(
        spans_in(&sink.out),
        spans_in(&before),
        "the export saw the project as it was when it began"
    );
    let mut again = Vec::new();
    hashiya::export::export_with(store.conn(), &o, &mut again).expect("export again");
    assert_eq!(spans_in(&again), spans_in(&before) + 1, "the next export has the new span");
}

/// Browser mode (as the desktop app) runs an import on a connection of its own: the analyst's edits are
/// answered while it runs instead of queueing behind it.
#[test]
fn edits_are_answered_while_the_app_imports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ui = harness::fake_ui(dir.path());
    let mut rng = StdRng::seed_from_u64(4);
    let (db, arts) = annotator::project(&mut rng, dir.path());
    let lines: Vec<String> = (0..harness::env_count("HASHIYA_APP_IMPORT_LINES", 12_000))
        .map(|i| corpus::jsonl_line(&mut rng, &format!("app-{i}"), "app", 40, 3, "Nadia"))
        .collect();
    let content = lines.join("\n") + "\n";
    let mut server = harness::Server::start(&db, &ui).expect("serve starts");
    let client = server.client();
    let importing = Arc::new(AtomicBool::new(true));
    let importer = {
        let (client, importing, content) = (server.client(), importing.clone(), content.clone());
        std::thread::spawn(move || {
            let t0 = Instant::now();
            let r = client.post("import_files", &json!({"annotator": "Nadia", "files": [{"name": "big.jsonl", "content": content}]}));
            importing.store(false, Ordering::SeqCst);
            (r, t0.elapsed())
        })
    };
    // Edits while the import runs: each answered, and at least some answered before the import finished.
    std::thread::sleep(Duration::from_millis(300));
    let article = arts.0[0].0;
    let mut during = 0;
    let mut slowest = Duration::ZERO;
    for k in 0..40 {
        let t0 = Instant::now();
        let (code, body) = client.post("set_status", &json!({"article_id": article, "annotator": "Salma", "status": if k % 2 == 0 { "in_progress" } else { "done" }}));
        slowest = slowest.max(t0.elapsed());
        assert_eq!(code, 200, "edit {k}: {body}");
        if importing.load(Ordering::SeqCst) {
            during += 1;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let ((code, body), took) = importer.join().expect("importer");
    server.stop();
    assert_eq!(code, 200, "{body}");
    let report: serde_json::Value = serde_json::from_str(&body).expect("report");
    let imported = report["imported"].as_array().map_or(0, Vec::len) as i64
        + report["imported_not_listed"].as_i64().unwrap_or(0);
    assert_eq!(imported, lines.len() as i64, "{}", &body[..body.len().min(300)]);
    assert!(during >= 10, "only {during} of 40 edits were answered while the {took:?} import ran (slowest {slowest:?})");
    check_project(&db).expect("sound");
    eprintln!("app import of {} lines took {took:?}; {during} of 40 edits answered meanwhile, slowest {slowest:?}", lines.len());
}
