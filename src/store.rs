//! `Store`: one open project (a SQLite file or an in-memory database).

use std::path::{Path, PathBuf};

use rusqlite::{Connection, Transaction};

use crate::db;
use crate::error::Result;

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Open (creating if missing) the project file at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        let mut conn = db::open(path)?;
        db::with_tx(&mut conn, crate::labels::seed_defaults)?;
        Ok(Store { conn, path: Some(path.to_path_buf()) })
    }

    pub fn open_in_memory() -> Result<Store> {
        let mut conn = db::open_in_memory()?;
        db::with_tx(&mut conn, crate::labels::seed_defaults)?;
        Ok(Store { conn, path: None })
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

    /// Direct access for callers that manage their own transactions (import per file).
    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}
