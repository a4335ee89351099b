//! `Store`: one open project (a SQLite file or an in-memory database).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, Transaction};

use crate::db;
use crate::error::Result;

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    last_backup: Option<Instant>,
}

/// How often [`Store::autobackup`] makes a rolling backup while an analyst works.
pub const BACKUP_INTERVAL: Duration = Duration::from_secs(10 * 60);

impl Store {
    /// Open (creating if missing) the project file at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        // A project of an older schema is backed up before it is upgraded.
        let backup_first = |conn: &rusqlite::Connection, path: &Path, to: usize| {
            crate::backup::create(conn, path, &format!("before-migration-to-v{to}")).map(drop)
        };
        let mut conn = db::open(path, &backup_first)?;
        // Only a new project needs the write lock here: opening to read (export, agreement) must not
        // wait for another program's long write, such as an import.
        let labels: i64 = conn.query_row("SELECT count(*) FROM labels", [], |r| r.get(0))?;
        if labels == 0 {
            db::with_tx(&mut conn, crate::labels::seed_defaults)?;
        }
        Ok(Store { conn, path: Some(path.to_path_buf()), last_backup: None })
    }

    pub fn open_in_memory() -> Result<Store> {
        let mut conn = db::open_in_memory()?;
        db::with_tx(&mut conn, crate::labels::seed_defaults)?;
        Ok(Store { conn, path: None, last_backup: None })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Run `f` in one transaction: all of it is committed, or none of it.
    pub fn with_tx<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        db::with_tx(&mut self.conn, f)
    }

    /// Back the project up now (see [`crate::backup`]). In-memory projects have nothing to back up.
    pub fn backup(&mut self, reason: &str) -> Result<Option<PathBuf>> {
        let Some(path) = self.path.clone() else { return Ok(None) };
        let made = crate::backup::create(&self.conn, &path, reason)?;
        self.last_backup = Some(Instant::now());
        Ok(Some(made))
    }

    /// After a change: back up on the session's first change and then every [`BACKUP_INTERVAL`].
    pub fn autobackup(&mut self) -> Result<Option<PathBuf>> {
        match self.last_backup {
            Some(t) if t.elapsed() < BACKUP_INTERVAL => Ok(None),
            _ => self.backup("auto"),
        }
    }

    /// Replace the project's content with a backup (the current state is backed up first).
    pub fn restore(&mut self, from: &Path) -> Result<PathBuf> {
        let Some(path) = self.path.clone() else {
            return Err(crate::Error::Invalid("an in-memory project has no backups".into()));
        };
        crate::backup::restore(&mut self.conn, &path, from)
    }

    /// Direct access for callers that manage their own transactions (import per file).
    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}
