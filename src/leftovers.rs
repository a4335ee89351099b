//! Temporary files a killed process left behind (an export's partial file, an import's staging database,
//! a backup's unfinished copy): removed once untouched for an hour, since a live one keeps writing.

use std::path::Path;
use std::time::Duration;

/// A temporary file untouched for this long was left by a process that died.
pub const STALE: Duration = Duration::from_secs(60 * 60);

/// Was `path` last written more than [`STALE`] ago?
pub fn is_stale(path: &Path) -> bool {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > STALE)
}

/// Remove the stale files in `dir` whose names start with `prefix` (best effort: what cannot be removed stays).
pub fn remove_stale(dir: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        if e.file_name().to_string_lossy().starts_with(prefix) && is_stale(&e.path()) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}
