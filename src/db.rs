//! Opening a project file: pragmas, embedded numbered migrations, and the `with_tx` helper.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, Transaction};
use rusqlite_migration::{Migrations, M};

use crate::error::{Error, Result};

/// The numbered SQL files in `migrations/`, in order. Never edit a released one.
const MIGRATIONS: &[&str] = &[include_str!("../migrations/0001_init.sql")];

/// The schema version this build writes (number of migrations).
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// Open (creating if missing) a project file and bring its schema up to date.
pub fn open(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| Error::Invalid(format!("cannot open project {}: {e}", path.display())))?;
    prepare(conn, true)
}

/// An in-memory project, for tests.
pub fn open_in_memory() -> Result<Connection> {
    prepare(Connection::open_in_memory()?, false)
}

fn prepare(mut conn: Connection, on_disk: bool) -> Result<Connection> {
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    if on_disk {
        // WAL lets the desktop app and the CLI read while one writes.
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Invalid(format!("the project file could not switch to WAL mode (got {mode})")));
        }
    }
    // FULL: a commit reported to the analyst survives a power cut, not only a crash.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    check_not_newer(&conn)?;
    migrations().to_latest(&mut conn)?;
    Ok(conn)
}

/// Refuse, before touching anything, a project written by a newer Hashiya.
fn check_not_newer(conn: &Connection) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
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
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let out = f(&tx)?;
    tx.commit()?;
    Ok(out)
}

/// Current time as RFC 3339 UTC with milliseconds, the form every timestamp is stored in.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
