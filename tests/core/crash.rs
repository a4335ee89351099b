//! Crash safety: SIGKILL the `hashiya` binary at random moments during import, annotation writes and export.
//!
//! After every kill: `PRAGMA integrity_check` is ok, every write the server acknowledged is stored, each
//! imported file is all there or absent, no export file under its final name is partial, and the project opens.
//! CI runs about 120 trials; `HASHIYA_CRASH_TRIALS=2000 cargo test --release --test core crash:: -- --nocapture` runs a
//! longer campaign (each of the three tests takes a third). `HASHIYA_SEED=N` replays a failing run.

use crate::harness;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::{rngs::StdRng, Rng, SeedableRng};

use crate::harness::annotator::{self, Model};
use crate::harness::{check_project, corpus, count, env_count, read, s, seed, BIN};

/// Trials for one of the three tests.
fn trials() -> usize {
    env_count("HASHIYA_CRASH_TRIALS", 120).div_ceil(3)
}

/// Run the binary and SIGKILL it after `delay`; `Some(status)` if it had already finished.
fn run_and_kill(args: &[&str], delay: Duration) -> Option<ExitStatus> {
    let mut child = Command::new(BIN)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn hashiya");
    std::thread::sleep(delay);
    if let Ok(Some(st)) = child.try_wait() {
        return Some(st);
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

/// How long an uninterrupted run takes; kills are spread over 0..1.2× this.
fn timed(args: &[&str]) -> Duration {
    let t0 = Instant::now();
    let out = Command::new(BIN).args(args).output().expect("run hashiya");
    assert!(
        out.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    t0.elapsed()
}

fn random_delay(rng: &mut StdRng, full: Duration) -> Duration {
    Duration::from_micros(rng.random_range(0..=(full.as_micros() as u64 * 6 / 5).max(1)))
}

/// Each JSONL file's articles, spans, tags and statuses are all stored or none.
fn check_jsonl_files(
    db: &Path,
    files: &[String],
    lines: i64,
    spans: i64,
    finished: bool,
) -> Result<usize, String> {
    let conn = read(db);
    let mut st = conn
        .prepare(
            "SELECT a.source, count(*),
                    sum((SELECT count(*) FROM spans s WHERE s.article_id = a.id)),
                    sum((SELECT count(*) FROM article_tags t WHERE t.article_id = a.id)),
                    sum((SELECT count(*) FROM article_status t WHERE t.article_id = a.id))
             FROM articles a GROUP BY a.source",
        )
        .map_err(|e| e.to_string())?;
    let rows: Vec<(String, i64, i64, i64, i64)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .and_then(|rows| rows.collect())
        .map_err(|e| e.to_string())?;
    for (source, n, sp, tg, stt) in &rows {
        if !files.contains(source) {
            return Err(format!("an article from an unknown source {source:?}"));
        }
        if (*n, *sp, *tg, *stt) != (lines, lines * spans, lines, lines) {
            return Err(format!("{source} is half-imported: {n} articles, {sp} spans, {tg} tags, {stt} statuses of {lines} lines"));
        }
    }
    if finished && rows.len() != files.len() {
        return Err(format!(
            "the import finished but only {} of {} files are there",
            rows.len(),
            files.len()
        ));
    }
    Ok(rows.len())
}

/// Every stored .txt article is its whole file, once.
fn check_txt_files(db: &Path, dir: &Path, files: usize, finished: bool) -> Result<usize, String> {
    let conn = read(db);
    let mut st = conn.prepare("SELECT source, text FROM articles").map_err(|e| e.to_string())?;
    let rows: Vec<(String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .and_then(|rows| rows.collect())
        .map_err(|e| e.to_string())?;
    let mut seen = std::collections::BTreeSet::new();
    for (source, text) in &rows {
        let want =
            std::fs::read_to_string(dir.join(source)).map_err(|e| format!("{source}: {e}"))?;
        if *text != want {
            return Err(format!(
                "{source} is stored with {} of its {} bytes",
                text.len(),
                want.len()
            ));
        }
        if !seen.insert(source.clone()) {
            return Err(format!("{source} is stored twice"));
        }
    }
    if finished && rows.len() != files {
        return Err(format!(
            "the import finished but only {} of {files} files are there",
            rows.len()
        ));
    }
    Ok(rows.len())
}

/// Staging files of imports into `db` (`.<name>.import-…`) in `dir`.
fn staging_files(dir: &Path, db: &Path) -> Vec<std::path::PathBuf> {
    let prefix =
        format!(".{}.import-", db.file_name().map(|n| n.to_string_lossy()).unwrap_or_default());
    let entries =
        std::fs::read_dir(dir).map(|d| d.flatten().collect::<Vec<_>>()).unwrap_or_default();
    entries
        .into_iter()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| e.path())
        .collect()
}

#[test]
fn killed_imports_leave_each_file_whole_or_absent() {
    let seed = seed("crash import");
    let mut rng = StdRng::seed_from_u64(seed);
    let dir = tempfile::tempdir().expect("tempdir");
    let (files, lines, spans) = (4, 60, 3);
    let jsonl = corpus::jsonl_folder(&mut rng, &dir.path().join("jsonl"), files, lines, spans);
    let names: Vec<String> = (0..files).map(|k| format!("batch-{k:02}.jsonl")).collect();
    let txt = corpus::txt_folder(&mut rng, &dir.path().join("txt"), 60, 1 << 20);
    let full_jsonl = timed(&["--db", s(&dir.path().join("ref1.hashiya")), "import", s(&jsonl)]);
    let full_txt = timed(&["--db", s(&dir.path().join("ref2.hashiya")), "import", s(&txt)]);
    let n = trials();
    let (mut finished, mut partial_files, mut staging_left) = (0, 0, 0);
    for t in 0..n {
        let db = dir.path().join(format!("t{t}.hashiya"));
        let use_txt = t % 2 == 1;
        let (src, full) = if use_txt { (&txt, full_txt) } else { (&jsonl, full_jsonl) };
        let delay = random_delay(&mut rng, full);
        let done = run_and_kill(&["--db", s(&db), "import", s(src)], delay);
        let ctx = format!(
            "seed {seed}, trial {t} ({}, killed after {delay:?})",
            if use_txt { "txt" } else { "jsonl" }
        );
        if let Some(st) = done {
            assert!(st.success(), "{ctx}: the import failed on its own: {st}");
            finished += 1;
        }
        check_project(&db).unwrap_or_else(|e| panic!("{ctx}: {e}"));
        let stored = if use_txt {
            check_txt_files(&db, &txt, 61, done.is_some())
        } else {
            check_jsonl_files(&db, &names, lines as i64, spans as i64, done.is_some())
        };
        let stored = stored.unwrap_or_else(|e| panic!("{ctx}: {e}"));
        if done.is_none() && stored > 0 {
            partial_files += 1;
        }
        // A finished import leaves no staging file; a killed one may, which a later import removes once stale.
        let left = staging_files(dir.path(), &db);
        if done.is_some() {
            assert!(left.is_empty(), "{ctx}: a finished import left staging files {left:?}");
        }
        staging_left += usize::from(!left.is_empty());
        // Importing again after the crash completes the project without duplicates.
        if t % 8 == 0 {
            let two_hours_ago = std::time::SystemTime::now() - Duration::from_secs(2 * 3600);
            for f in &left {
                let _ = std::fs::File::options()
                    .write(true)
                    .open(f)
                    .and_then(|f| f.set_modified(two_hours_ago));
            }
            assert!(
                harness::hashiya(&["--db", s(&db), "import", s(src)]).status.success(),
                "{ctx}: re-import"
            );
            let r = if use_txt {
                check_txt_files(&db, &txt, 61, true)
            } else {
                check_jsonl_files(&db, &names, lines as i64, spans as i64, true)
            };
            r.unwrap_or_else(|e| panic!("{ctx}, after re-import: {e}"));
            let still = staging_files(dir.path(), &db);
            assert!(
                still.is_empty(),
                "{ctx}: stale staging files survived the next import: {still:?}"
            );
        }
        let _ = std::fs::remove_file(&db);
    }
    eprintln!(
        "crash import: {n} trials (jsonl {full_jsonl:?}, txt {full_txt:?} uninterrupted); {finished} finished before the kill, \
         {partial_files} killed with part of the files stored, {staging_left} left a staging file"
    );
}

#[test]
fn killed_server_keeps_every_acknowledged_annotation() {
    let seed = seed("crash annotate");
    let mut rng = StdRng::seed_from_u64(seed);
    let dir = tempfile::tempdir().expect("tempdir");
    let ui = harness::fake_ui(dir.path());
    let (db, arts) = annotator::project(&mut rng, dir.path());
    let mut model = Model::default();
    let (n, mut acked, mut in_flight, mut early) = (trials(), 0, 0, 0);
    for t in 0..n {
        let ctx = format!("seed {seed}, trial {t}");
        if t % 5 == 4 {
            // Killed while opening the project (recovering the previous crash's WAL, seeding labels).
            let delay = Duration::from_millis(rng.random_range(0..60));
            if run_and_kill(&["--db", s(&db), "serve", "--port", "0", "--ui", s(&ui)], delay)
                .is_none()
            {
                early += 1;
            }
        } else if let Some(mut server) = harness::Server::start(&db, &ui) {
            let client = server.client();
            let mut session_rng = StdRng::seed_from_u64(rng.random());
            let arts2 = arts.clone();
            let stop = Arc::new(AtomicBool::new(false));
            let stop2 = stop.clone();
            let writer = std::thread::spawn(move || {
                let mut m = model;
                let session = annotator::write_session(
                    &client,
                    &mut session_rng,
                    &arts2,
                    &mut m,
                    usize::MAX,
                    &stop2,
                );
                (m, session)
            });
            std::thread::sleep(Duration::from_millis(rng.random_range(0..300)));
            server.kill();
            stop.store(true, Ordering::Relaxed);
            let (m, session) = writer.join().expect("writer thread");
            assert!(session.errors.is_empty(), "{ctx}: {:?}", session.errors);
            acked += session.acked;
            in_flight += usize::from(session.in_flight.is_some());
            check_project(&db).unwrap_or_else(|e| panic!("{ctx}: {e}"));
            model = annotator::reconcile(&m, session.in_flight.as_ref(), &db)
                .unwrap_or_else(|e| panic!("{ctx}: {e}"));
            continue;
        }
        check_project(&db).unwrap_or_else(|e| panic!("{ctx}: {e}"));
        model = annotator::reconcile(&model, None, &db).unwrap_or_else(|e| panic!("{ctx}: {e}"));
    }
    for b in hashiya::backup::list(&db).expect("backups") {
        hashiya::backup::verify(&b)
            .unwrap_or_else(|e| panic!("seed {seed}: a backup left by a crash is unsound: {e}"));
    }
    let partial = std::fs::read_dir(hashiya::backup::dir_of(&db))
        .map(|d| {
            d.filter(|e| {
                e.as_ref().is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".partial"))
            })
            .count()
        })
        .unwrap_or(0);
    eprintln!(
        "crash annotate: {n} trials, {acked} acknowledged writes all kept, {in_flight} kills with a write in flight, \
         {early} kills while opening; {} spans stored; {partial} unfinished backup copies left behind",
        model.spans.len()
    );
}

/// The files an export wrote, by name (manifests aside: they carry a time and paths).
fn outputs(dir: &Path) -> (BTreeMap<String, Vec<u8>>, Option<serde_json::Value>, usize) {
    let (mut files, mut manifest, mut temps) = (BTreeMap::new(), None, 0);
    for e in std::fs::read_dir(dir).expect("read_dir").flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            temps += 1;
        } else if name.ends_with(".manifest.json") {
            let bytes = std::fs::read(e.path()).expect("read manifest");
            manifest = Some(serde_json::from_slice(&bytes).unwrap_or_else(|err| {
                panic!("a manifest under its final name is not whole JSON: {err}")
            }));
        } else {
            files.insert(name, std::fs::read(e.path()).expect("read export"));
        }
    }
    (files, manifest, temps)
}

const EXPORTS: &[(&str, &[&str])] = &[
    ("out.jsonl", &["--format", "jsonl"]),
    ("out.spans.jsonl", &["--format", "spans", "--offsets", "utf16"]),
    ("out.doccano.jsonl", &["--format", "doccano"]),
    ("out.json", &["--format", "labelstudio"]),
    ("out.hf.jsonl", &["--format", "hf", "--misaligned", "skip"]),
    ("out.conll", &["--format", "conll", "--misaligned", "expand"]),
    ("split.jsonl", &["--format", "jsonl", "--split", "0.8,0.1,0.1"]),
];

fn export_args<'a>(db: &'a Path, out: &'a Path, opts: &'a [&'a str]) -> Vec<&'a str> {
    let mut args = vec!["--db", s(db), "export", "--out", s(out)];
    args.extend_from_slice(opts);
    args
}

#[test]
fn killed_exports_never_leave_a_partial_file_under_the_final_name() {
    let seed = seed("crash export");
    let mut rng = StdRng::seed_from_u64(seed);
    let dir = tempfile::tempdir().expect("tempdir");
    let src = corpus::jsonl_folder(&mut rng, &dir.path().join("src"), 2, 150, 4);
    let db = dir.path().join("p.hashiya");
    assert!(harness::hashiya(&["--db", s(&db), "import", s(&src)]).status.success());
    let mut refs = Vec::new();
    for (k, (name, opts)) in EXPORTS.iter().enumerate() {
        let out_dir = dir.path().join(format!("ref{k}"));
        std::fs::create_dir_all(&out_dir).expect("mkdir");
        let full = timed(&export_args(&db, &out_dir.join(name), opts));
        let (files, manifest, _) = outputs(&out_dir);
        assert!(manifest.is_some() && !files.is_empty());
        refs.push((files, full));
    }
    let n = trials();
    let (mut whole, mut torn, mut temps) = (0, 0, 0);
    for t in 0..n {
        let k = rng.random_range(0..EXPORTS.len());
        let (name, opts) = EXPORTS[k];
        let (want, full) = &refs[k];
        let out_dir = dir.path().join(format!("t{t}"));
        std::fs::create_dir_all(&out_dir).expect("mkdir");
        let delay = random_delay(&mut rng, *full);
        let done = run_and_kill(&export_args(&db, &out_dir.join(name), opts), delay);
        let ctx = format!("seed {seed}, trial {t} ({opts:?}, killed after {delay:?})");
        let (got, manifest, left) = outputs(&out_dir);
        for (f, bytes) in &got {
            assert!(
                want.get(f) == Some(bytes),
                "{ctx}: {f} is under its final name but is not the whole export ({} bytes)",
                bytes.len()
            );
        }
        if manifest.is_some() {
            assert_eq!(
                got.len(),
                want.len(),
                "{ctx}: the manifest is there but not every file it lists"
            );
        }
        if let Some(st) = done {
            assert!(
                st.success() && manifest.is_some() && got.len() == want.len(),
                "{ctx}: finished ({st}) without every file"
            );
        }
        whole += usize::from(manifest.is_some());
        torn += usize::from(!got.is_empty() && manifest.is_none());
        temps += left;
        if t % 10 == 0 {
            check_project(&db).unwrap_or_else(|e| panic!("{ctx}: {e}"));
        }
    }
    check_project(&db).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
    assert!(count(&read(&db), "SELECT count(*) FROM articles") == 300);
    eprintln!(
        "crash export: {n} trials; {whole} complete exports, {torn} killed between renaming files of one export, \
         {temps} temporary files left behind by kills"
    );
}

/// What a crash leaves behind (an unfinished backup copy, an export's temporary file) is removed by the
/// next backup or export to the same place once stale; a fresh one, maybe another program's, stays.
#[test]
fn leftovers_of_crashes_are_cleaned_up_once_stale() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("p.hashiya");
    hashiya::Store::open(&db).expect("create");
    let backups = hashiya::backup::dir_of(&db);
    std::fs::create_dir_all(&backups).expect("mkdir");
    let two_hours_ago = std::time::SystemTime::now() - Duration::from_secs(2 * 3600);
    let leave = |p: &Path, old: bool| {
        let f = std::fs::File::create(p).expect("create");
        if old {
            f.set_modified(two_hours_ago).expect("set mtime");
        }
    };
    let (stale, stale_journal, fresh) = (
        backups.join(".p-20000101T000000.000Z-1.partial"),
        backups.join(".p-20000101T000000.000Z-1.partial-journal"),
        backups.join(".p-x-2.partial"),
    );
    leave(&stale, true);
    leave(&stale_journal, true);
    leave(&fresh, false);
    assert!(harness::hashiya(&["--db", s(&db), "backup"]).status.success());
    assert!(!stale.exists() && !stale_journal.exists() && fresh.exists());

    let (stale, fresh) =
        (dir.path().join(".out.jsonl.partial-1"), dir.path().join(".out.jsonl.partial-2"));
    leave(&stale, true);
    leave(&fresh, false);
    assert!(harness::hashiya(&[
        "--db",
        s(&db),
        "export",
        "--out",
        s(&dir.path().join("out.jsonl"))
    ])
    .status
    .success());
    assert!(!stale.exists() && fresh.exists());
}
