//! A private staging database per imported file: the importers write there, reading the project only
//! to find duplicates, so the project's write lock is taken only for the final copy (`merge.rs`).
//!
//! The staging file sits next to the project (`.<project>.import-<pid>-<n>`, mode 0600, the project's
//! schema by the same migrations). It starts with the project's labels and annotators (same ids); an
//! article already in the project is copied in with its spans and tags on first sight, marked as
//! copied, so the importers' duplicate checks and "new span" counts are exactly those of the project.
//! It is deleted afterwards, also on error or cancel; one a crash left is removed by a later import
//! once untouched for an hour.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction};

use super::ImportReport;
use crate::articles::{self, Inserted, NewArticle};
use crate::error::{Error, Result};
use crate::store::Store;

/// Tables only a staging database has: which of its rows are copies of the project's.
const STAGE_SQL: &str = "
    CREATE TABLE stage_dups (stage_id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL);
    CREATE TABLE copied_spans (id INTEGER PRIMARY KEY);
    CREATE TABLE copied_tags (article_id INTEGER, label_id INTEGER, annotator_id INTEGER,
                              PRIMARY KEY (article_id, label_id, annotator_id)) WITHOUT ROWID;
    -- Staging needs no search queue or list indexes; they only slow its inserts down.
    DROP TRIGGER IF EXISTS articles_queue_for_search;
    DROP INDEX IF EXISTS articles_by_title;
    DROP INDEX IF EXISTS articles_by_id;
    DROP INDEX IF EXISTS spans_by_annotator;
    DROP INDEX IF EXISTS status_by_annotator;
";

static NEXT: AtomicU64 = AtomicU64::new(0);

/// Files smaller than this (bytes) are imported straight into the project in one transaction: reading
/// them holds the lock for milliseconds, less than making a staging database would cost (≈3 ms a file).
pub const STAGE_FROM: u64 = 1 << 20;

/// Import one file of `size` bytes: `f` fills `report` and writes through the transaction it is given.
/// A project on disk gets a large file through a staging database and one short merge; a small file,
/// or an in-memory project, in one transaction. On `Err` nothing of the file is in the project.
pub(super) fn import_file(
    store: &mut Store,
    size: u64,
    report: &mut ImportReport,
    f: impl FnOnce(&Transaction, &mut ImportReport) -> Result<()>,
) -> Result<()> {
    let project = match store.path() {
        Some(p) if size >= STAGE_FROM => p.to_path_buf(),
        _ => return store.with_tx(|tx| f(tx, report)),
    };
    let stage = Staging::create(&project)?;
    stage.fill(&project, |tx| f(tx, report))?;
    super::merge::merge(store, &stage.path, report)
}

/// Store an article in the staging database unless its text is there already. An article the project
/// has is first copied in (with its spans and tags, marked as copies), so it is found as a duplicate.
pub(crate) fn insert_article(tx: &Transaction, a: &NewArticle) -> Result<Inserted> {
    let staging: bool = tx
        .prepare_cached("SELECT count(*) FROM pragma_database_list WHERE name = 'project'")?
        .query_row([], |r| r.get(0))?;
    if staging && !a.text.is_empty() {
        let hash = crate::text::content_hash(&a.text);
        if articles::find_by_hash(tx, &hash)?.is_none() {
            let found: Option<i64> = tx
                .prepare_cached("SELECT id FROM project.articles WHERE content_hash = ?1")?
                .query_row([&hash], |r| r.get(0))
                .optional()?;
            if let Some(project_id) = found {
                copy_from_project(tx, project_id)?;
            }
        }
    }
    articles::insert(tx, a)
}

fn copy_from_project(tx: &Transaction, project_id: i64) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO main.articles (ext_id, title, text, char_len, source, url, published_at, meta, content_hash, imported_at)
         SELECT ext_id, title, text, char_len, source, url, published_at, meta, content_hash, imported_at FROM project.articles WHERE id = ?1",
    )?
    .execute([project_id])?;
    let stage_id = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO main.stage_dups (stage_id, project_id) VALUES (?1, ?2)")?
        .execute([stage_id, project_id])?;
    tx.prepare_cached(
        "INSERT INTO main.spans (article_id, label_id, annotator_id, start, end, note, created_at, updated_at, origin, attrs)
         SELECT ?2, label_id, annotator_id, start, end, note, created_at, updated_at, origin, attrs FROM project.spans WHERE article_id = ?1",
    )?
    .execute([project_id, stage_id])?;
    tx.prepare_cached(
        "INSERT INTO main.copied_spans (id) SELECT id FROM main.spans WHERE article_id = ?1",
    )?
    .execute([stage_id])?;
    tx.prepare_cached(
        "INSERT INTO main.article_tags (article_id, label_id, annotator_id, created_at)
         SELECT ?2, label_id, annotator_id, created_at FROM project.article_tags WHERE article_id = ?1",
    )?
    .execute([project_id, stage_id])?;
    tx.prepare_cached("INSERT INTO main.copied_tags SELECT article_id, label_id, annotator_id FROM main.article_tags WHERE article_id = ?1")?
        .execute([stage_id])?;
    Ok(())
}

/// One staging file, deleted when dropped.
pub(super) struct Staging {
    pub path: PathBuf,
}

impl Staging {
    /// A new, empty, owner-only staging file next to `project`; stale ones of killed imports go first.
    fn create(project: &Path) -> Result<Staging> {
        let dir = project.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let prefix = format!(
            ".{}.import-",
            project.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()
        );
        // Staging files (and their journals) of killed imports.
        crate::leftovers::remove_stale(dir, &prefix);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let path = dir.join(format!("{prefix}{}-{n}-{nanos}", std::process::id()));
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        opts.open(&path).map_err(|e| {
            Error::io(format!("cannot create the import's staging file {}", path.display()), e)
        })?;
        Ok(Staging { path })
    }

    /// Run `f` in one transaction on the staging database, the project attached read-only as `project`.
    fn fill(&self, project: &Path, f: impl FnOnce(&Transaction) -> Result<()>) -> Result<()> {
        let mut conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(crate::db::BUSY_TIMEOUT)?;
        // Throw-away data: no journal on disk, no fsync. A savepoint still rolls back (the journal is in memory).
        conn.pragma_update(None, "journal_mode", "MEMORY")?;
        conn.pragma_update(None, "synchronous", "OFF")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        crate::db::migrate(&mut conn)?;
        conn.execute_batch(STAGE_SQL)?;
        conn.execute("ATTACH DATABASE ?1 AS project", [read_only_uri(project)])?;
        // Deferred: the project is only read (one snapshot for the whole file); never its write lock.
        let tx = conn.transaction()?;
        tx.execute_batch(
            "INSERT INTO main.labels (id, kind, name, color, hotkey, description, position)
                 SELECT id, kind, name, color, hotkey, description, position FROM project.labels;
             INSERT INTO main.annotators (id, name, created_at) SELECT id, name, created_at FROM project.annotators;
             INSERT INTO main.relation_types SELECT * FROM project.relation_types;
             INSERT INTO main.span_attributes SELECT * FROM project.span_attributes;",
        )?;
        f(&tx)?;
        tx.commit()?;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
        let mut journal = self.path.clone().into_os_string();
        journal.push("-journal");
        let _ = std::fs::remove_file(journal);
    }
}

/// `file:` URI opening `path` read-only (characters with a meaning in URIs escaped).
fn read_only_uri(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let path = abs.to_string_lossy().replace('\\', "/");
    let mut uri = String::from(if path.starts_with('/') { "file:" } else { "file:/" });
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?mode=ro");
    uri
}
