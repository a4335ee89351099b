//! Opening a project file: pragmas, embedded numbered migrations, and the `with_tx` helper.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, Transaction};

use crate::error::{Error, Result};

/// The numbered SQL files in `migrations/`, in order. Never edit a released one.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_init.sql"),
    include_str!("../migrations/0002_review.sql"),
    include_str!("../migrations/0003_search.sql"),
    include_str!("../migrations/0004_list.sql"),
    include_str!("../migrations/0005_suggestions.sql"),
    include_str!("../migrations/0006_label_descriptions_ar.sql"),
    include_str!("../migrations/0007_entities.sql"),
    include_str!("../migrations/0008_relations.sql"),
    include_str!("../migrations/0009_gold_relations.sql"),
    include_str!("../migrations/0010_title_edits.sql"),
];

/// The schema version this build writes (number of migrations).
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

/// How long a write waits for another program's write transaction (an import commits each file
/// in one) before giving up with a clear message. An analyst's change waits rather than fails.
pub const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// Open (creating if missing, readable by its owner only) a project file and bring its schema up
/// to date, backing it up first when a migration is pending.
/// What to do with a project of an older schema before it is upgraded (the store backs it up): called
/// with the connection, the file, and the version the upgrade goes to.
pub type BeforeUpgrade<'a> = &'a dyn Fn(&Connection, &Path, usize) -> Result<()>;

/// Open (creating if missing) the project file at `path` and bring its schema up to date, calling
/// `before_upgrade` first when there is something to upgrade.
pub fn open(path: &Path, before_upgrade: BeforeUpgrade) -> Result<Connection> {
    if !path.exists() {
        create_private(path)?;
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| Error::Invalid(format!("cannot open project {}: {e}", path.display())))?;
    prepare(conn, Some((path, before_upgrade)))
}

/// An in-memory project, for tests.
pub fn open_in_memory() -> Result<Connection> {
    prepare(Connection::open_in_memory()?, None)
}

/// Create an empty file with mode 0600 (SQLite gives its -wal and -shm files the same mode).
fn create_private(path: &Path) -> Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    match opts.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(Error::Invalid(format!("cannot create project {}: {e}", path.display()))),
    }
}

fn prepare(mut conn: Connection, file: Option<(&Path, BeforeUpgrade)>) -> Result<Connection> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    if file.is_some() {
        // WAL lets the desktop app and the CLI read while one writes.
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Invalid(format!(
                "the project file could not switch to WAL mode (got {mode})"
            )));
        }
    }
    // FULL: a commit reported to the analyst survives a power cut, not only a crash.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // 32 MB of page cache (SQLite's default is 2 MB): bulk imports insert into several indexes at
    // random places (content hashes, spans), and a larger cache keeps those pages in memory.
    conn.pragma_update(None, "cache_size", -32_000)?;
    let version = schema_version(&conn)?;
    check_not_newer(version)?;
    if let Some((path, before_upgrade)) = file {
        if version > 0 && version < SCHEMA_VERSION as i64 {
            before_upgrade(&conn, path, SCHEMA_VERSION)?;
        }
    }
    migrate(&mut conn)?;
    Ok(conn)
}

/// Apply every pending migration, all in one IMMEDIATE transaction. The version is read again under
/// the write lock: another process opening the same project (the desktop app and the CLI) may have
/// just migrated it, and a migration must never run twice.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let version = schema_version(conn)?;
    check_not_newer(version)?;
    if version == SCHEMA_VERSION as i64 {
        return Ok(());
    }
    let tx =
        conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(busy)?;
    let version = schema_version(&tx)?;
    check_not_newer(version)?;
    for (n, sql) in (version + 1..).zip(MIGRATIONS.iter().skip(version as usize)) {
        tx.execute_batch(sql).map_err(|e| {
            Error::Invalid(format!(
                "cannot upgrade the project to schema version {n} (nothing was changed): {e}"
            ))
        })?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION as i64)?;
    tx.commit()?;
    Ok(())
}

/// The schema version recorded in the file (0 for a new, empty one).
pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Refuse, before touching anything, a project written by a newer Hashiya.
pub fn check_not_newer(version: i64) -> Result<()> {
    if version > SCHEMA_VERSION as i64 {
        return Err(Error::Invalid(format!(
            "this project was written by a newer Hashiya (schema version {version}; this build knows up to {SCHEMA_VERSION}); \
             open it with the newer version"
        )));
    }
    Ok(())
}

/// Run `f` in one IMMEDIATE transaction: all of it is committed, or none of it.
pub fn with_tx<T>(conn: &mut Connection, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
    let tx =
        conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(busy)?;
    let out = f(&tx)?;
    tx.commit()?;
    Ok(out)
}

/// "database is locked" after [`BUSY_TIMEOUT`] becomes one sentence that says what happened.
fn busy(e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked) => Error::Conflict(format!(
            "the project is busy: another program (an import?) has been writing to it for over {} s; nothing was changed, try again when it is done",
            BUSY_TIMEOUT.as_secs()
        )),
        _ => e.into(),
    }
}

/// Current time as RFC 3339 UTC with milliseconds, the form every timestamp is stored in.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_project_is_one_clear_sentence() {
        let locked = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            None,
        );
        let e = busy(locked);
        assert_eq!(e.kind(), "conflict");
        assert!(e.to_string().starts_with("the project is busy: another program"), "{e}");
        assert_eq!(busy(rusqlite::Error::QueryReturnedNoRows).kind(), "database");
    }
}
