//! Rolling backups of a project with SQLite's online backup API, and restoring one.
//!
//! Backups live beside the project in `<project>.backups/`, named by UTC time and reason, readable
//! by the owner only. The newest [`KEEP`] are kept. A restore first backs up the current state.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{backup::Backup, Connection, OpenFlags};

use crate::error::{Error, Result};

/// How many backups are kept per project.
pub const KEEP: usize = 20;

/// The folder that holds a project's backups.
pub fn dir_of(project: &Path) -> PathBuf {
    let mut name = project.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".backups");
    project.with_file_name(name)
}

/// Create a file (or folder) readable and writable by its owner only.
#[cfg(unix)]
pub(crate) fn restrict(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = if path.is_dir() { 0o700 } else { 0o600 };
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|e| Error::io(format!("cannot restrict the permissions of {}", path.display()), e))
}

#[cfg(not(unix))]
pub(crate) fn restrict(_path: &Path) -> Result<()> {
    Ok(())
}

/// Copy the live database `conn` (the project at `project`) into a new backup file.
pub fn create(conn: &Connection, project: &Path, reason: &str) -> Result<PathBuf> {
    let dir = dir_of(project);
    std::fs::create_dir_all(&dir)
        .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
    restrict(&dir)?;
    let stem = project
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "project".into());
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
    let reason: String = reason
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' })
        .collect();
    let target = dir.join(format!("{stem}-{stamp}-{reason}.hashiya"));
    // The process id keeps two programs backing up the same project in the same millisecond apart.
    let tmp = dir.join(format!(".{stem}-{stamp}-{}.partial", std::process::id()));
    let result = (|| {
        let mut out = Connection::open(&tmp)?;
        restrict(&tmp)?;
        Backup::new(conn, &mut out)?.run_to_completion(256, Duration::from_millis(5), None)?;
        drop(out);
        std::fs::rename(&tmp, &target)
            .map_err(|e| Error::io(format!("cannot write {}", target.display()), e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result?;
    prune(&dir)?;
    Ok(target)
}

/// The backups of a project, oldest first.
pub fn list(project: &Path) -> Result<Vec<PathBuf>> {
    let dir = dir_of(project);
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| Error::io(format!("cannot read {}", dir.display()), e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "hashiya"))
        .collect();
    out.sort();
    Ok(out)
}

fn prune(dir: &Path) -> Result<()> {
    let entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(format!("cannot read {}", dir.display()), e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    let unfinished = |p: &&PathBuf| {
        p.file_name().is_some_and(|n| {
            n.to_string_lossy().starts_with('.') && n.to_string_lossy().contains(".partial")
        })
    };
    // An unfinished copy left by a crash (a live backup keeps writing its copy).
    for p in entries.iter().filter(unfinished).filter(|p| crate::leftovers::is_stale(p)) {
        let _ = std::fs::remove_file(p);
    }
    let mut all: Vec<PathBuf> =
        entries.into_iter().filter(|p| p.extension().is_some_and(|x| x == "hashiya")).collect();
    all.sort();
    let excess = all.len().saturating_sub(KEEP);
    for old in &all[..excess] {
        match std::fs::remove_file(old) {
            // Another process (the desktop app and the CLI) pruned it at the same moment.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            other => other.map_err(|e| {
                Error::io(format!("cannot remove the old backup {}", old.display()), e)
            })?,
        }
    }
    Ok(())
}

/// Check that a file is a sound Hashiya project (opens read-only, passes `integrity_check`).
pub fn verify(path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| Error::Invalid(format!("{} cannot be opened: {e}", path.display())))?;
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| Error::Invalid(format!("{} is not a SQLite database: {e}", path.display())))?;
    if check != "ok" {
        return Err(Error::Invalid(format!("{} is damaged: {check}", path.display())));
    }
    let has_articles: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'articles'",
        [],
        |r| r.get(0),
    )?;
    if has_articles == 0 {
        return Err(Error::Invalid(format!("{} is not a Hashiya project", path.display())));
    }
    crate::db::check_not_newer(crate::db::schema_version(&conn)?)
}

/// Replace the live project's content with a backup's, after backing up the current state, and
/// bring an older backup's schema up to date. Returns the safety backup made first.
pub fn restore(conn: &mut Connection, project: &Path, from: &Path) -> Result<PathBuf> {
    verify(from)?;
    let safety = create(conn, project, "before-restore")?;
    let src = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    Backup::new(&src, conn)?.run_to_completion(256, Duration::from_millis(5), None)?;
    crate::db::migrate(conn)?;
    Ok(safety)
}
