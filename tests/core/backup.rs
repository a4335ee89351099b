//! Durability: owner-only files, rolling backups, restore, and every released schema version
//! upgrading with nothing lost.

use std::path::Path;

use crate::common::{cp_range, native_line, TRICKY};
use hashiya::import::{import_jsonl_str, ImportOptions};
use hashiya::{backup, Store};

fn export_string(store: &Store) -> String {
    let mut buf = Vec::new();
    hashiya::export::export_to(store.conn(), "jsonl", &mut buf).expect("export");
    String::from_utf8(buf).expect("utf8")
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777
}

fn project_with_a_span(dir: &Path) -> (Store, std::path::PathBuf) {
    let path = dir.join("p.hashiya");
    let mut store = Store::open(&path).expect("open");
    let (s, e) = cp_range(TRICKY, "حموشي");
    let r = import_jsonl_str(
        &mut store,
        "a.jsonl",
        &native_line(TRICKY, &[(s, e, "PER", "salma")]),
        &ImportOptions::default(),
    )
    .expect("import");
    assert!(r.rejected.is_empty());
    (store, path)
}

#[cfg(unix)]
#[test]
fn project_wal_and_backups_are_owner_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, path) = project_with_a_span(dir.path());
    assert_eq!(mode(&path), 0o600);
    let wal = path.with_file_name("p.hashiya-wal");
    assert!(wal.exists());
    assert_eq!(mode(&wal), 0o600);
    let b = store.backup("manual").expect("backup").expect("on disk");
    assert_eq!(mode(&b), 0o600);
    assert_eq!(mode(&backup::dir_of(&path)), 0o700);
}

#[test]
fn restore_brings_back_what_was_deleted_and_keeps_the_state_it_replaced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, path) = project_with_a_span(dir.path());
    let with_span = export_string(&store);
    let b = store.backup("manual").expect("backup").expect("on disk");
    backup::verify(&b).expect("a sound backup");
    store.with_tx(|tx| hashiya::annotations::delete_span(tx, 1, "salma")).expect("delete");
    let without_span = export_string(&store);
    assert_ne!(with_span, without_span);

    let safety = store.restore(&b).expect("restore");
    assert_eq!(export_string(&store), with_span);
    // The state that was replaced is itself a backup.
    let replaced = Store::open(&safety).expect("open safety backup");
    assert_eq!(export_string(&replaced), without_span);
    drop(store);
    assert_eq!(
        export_string(&Store::open(&path).expect("reopen")),
        with_span,
        "the restore is on disk"
    );
    assert_eq!(backup::list(&path).expect("list").len(), 2);
}

#[test]
fn restore_refuses_what_is_not_a_sound_project() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = project_with_a_span(dir.path());
    let before = export_string(&store);
    let junk = dir.path().join("junk.hashiya");
    std::fs::write(
        &junk,
        b"not a database at all, just some bytes that are long enough to look like a header..",
    )
    .expect("write");
    let err = store.restore(&junk).expect_err("junk refused");
    assert!(err.to_string().contains("junk.hashiya"), "{err}");
    let other = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other)
        .expect("sqlite")
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .expect("sql");
    let err = store.restore(&other).expect_err("not a project");
    assert!(err.to_string().contains("is not a Hashiya project"), "{err}");
    assert_eq!(export_string(&store), before, "nothing changed");
}

#[test]
fn rolling_backups_keep_the_newest() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, path) = project_with_a_span(dir.path());
    let n = |p: &Path| backup::list(p).expect("list").len();
    for _ in 0..backup::KEEP + 3 {
        store.backup("manual").expect("backup");
    }
    assert_eq!(n(&path), backup::KEEP);
    // The first change of a session through the command API makes a backup, the next does not.
    let mut fresh = Store::open(&dir.path().join("q.hashiya")).expect("open");
    hashiya::demo::fill(&mut fresh).expect("demo");
    let q = dir.path().join("q.hashiya");
    for status in ["in_progress", "done"] {
        let args = serde_json::json!({"article_id": 1, "annotator": "salma", "status": status});
        hashiya::api::dispatch(&mut fresh, "set_status", args).expect("set_status");
    }
    assert_eq!(n(&q), 1);
}

fn table_rows(conn: &rusqlite::Connection) -> std::collections::BTreeMap<String, i64> {
    let mut st = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .expect("tables");
    let names: Vec<String> =
        st.query_map([], |r| r.get(0)).expect("query").map(|r| r.expect("name")).collect();
    names
        .into_iter()
        .map(|t| {
            let n: i64 = conn
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .expect("count");
            (t, n)
        })
        .collect()
}

#[test]
fn every_released_schema_version_upgrades_with_nothing_lost() {
    // (fixture written by that version, its export at the time)
    let fixtures = [
        ("tests/fixtures/schema-v1.hashiya", "tests/fixtures/schema-v1.export.jsonl"),
        ("tests/fixtures/schema-v2.hashiya", "tests/fixtures/schema-v2.export.jsonl"),
        ("tests/fixtures/schema-v3.hashiya", "tests/fixtures/schema-v3.export.jsonl"),
        ("tests/fixtures/schema-v4.hashiya", "tests/fixtures/schema-v4.export.jsonl"),
        // v7: a suggestion model and waiting suggestions, an entity with aliases and a linked span.
        ("tests/fixtures/schema-v7.hashiya", "tests/fixtures/schema-v7.export.jsonl"),
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (db, export) in fixtures {
        let dir = tempfile::tempdir().expect("tempdir");
        let copy = dir.path().join("old.hashiya");
        std::fs::copy(root.join(db), &copy).expect("copy fixture");
        // Rows of every table the old version had, to check that none is lost.
        let (old_version, rows_before) = {
            let raw = rusqlite::Connection::open(&copy).expect("raw open");
            let v: i64 = raw.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
            (v, table_rows(&raw))
        };
        let mut store = Store::open(&copy).expect("upgrade");
        // Articles from before full-text search become searchable.
        hashiya::search::catch_up(store.conn_mut(), 100, |_, _| {}).expect("index");
        let found = hashiya::articles::list(
            store.conn(),
            "x",
            &hashiya::articles::ListFilter {
                query: Some("حموشي".into()), ..Default::default()
            },
            0,
            10,
        )
        .expect("search")
        .0;
        assert!(found >= 1, "{db}: search finds the old articles");
        let rows_after = table_rows(store.conn());
        for (table, n) in &rows_before {
            assert_eq!(rows_after.get(table), Some(n), "{db}: rows of {table}");
        }
        let version: i64 =
            store.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
        assert_eq!(version, hashiya::db::SCHEMA_VERSION as i64);
        let want = std::fs::read_to_string(root.join(export)).expect("read export");
        assert_eq!(export_string(&store), want, "{db}");
        let ok: String =
            store.conn().query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("check");
        assert_eq!(ok, "ok");
        // An upgrade is preceded by a backup of the old file, which still opens as it was.
        let backups = backup::list(&copy).expect("list");
        if old_version == hashiya::db::SCHEMA_VERSION as i64 {
            assert!(backups.is_empty(), "{db}: nothing to migrate, no backup");
            continue;
        }
        assert_eq!(backups.len(), 1, "{db}");
        let name =
            backups[0].file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        assert!(
            name.contains(&format!("before-migration-to-v{}", hashiya::db::SCHEMA_VERSION)),
            "{name}"
        );
        let raw = rusqlite::Connection::open(&backups[0]).expect("open backup");
        let old: i64 = raw.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
        assert!(old < hashiya::db::SCHEMA_VERSION as i64);
    }
}
