//! File → Open Recent's list, kept in the app's config folder (storage only; the menu shows it).

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager};

/// How many projects File → Open Recent remembers.
pub const RECENT_MAX: usize = 10;
const RECENT_FILE: &str = "recent.json";

/// Recent projects, most recent first, from the app's config folder (missing files left out).
pub fn load(app: &AppHandle) -> Vec<PathBuf> {
    let Ok(dir) = app.path().app_config_dir() else { return Vec::new() };
    let list: Vec<String> = std::fs::read(dir.join(RECENT_FILE))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    list.into_iter().map(PathBuf::from).filter(|p| p.is_file()).take(RECENT_MAX).collect()
}

/// Put `path` first in the list (the demo project is not listed); the new list.
pub fn push(app: &AppHandle, path: &Path) -> Vec<PathBuf> {
    let mut list = load(app);
    if path == hashiya::demo::default_path() {
        return list;
    }
    list.retain(|p| p != path);
    list.insert(0, path.to_path_buf());
    list.truncate(RECENT_MAX);
    if let Err(e) = save(app, &list) {
        eprintln!("hashiya-desktop: the recent projects could not be saved: {e}");
    }
    list
}

/// Forget every recent project.
pub fn clear(app: &AppHandle) {
    if let Err(e) = save(app, &[]) {
        eprintln!("hashiya-desktop: the recent projects could not be cleared: {e}");
    }
}

fn save(app: &AppHandle, list: &[PathBuf]) -> Result<(), String> {
    let dir = app.path().app_config_dir().map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let names: Vec<String> = list.iter().map(|p| p.display().to_string()).collect();
    let tmp = dir.join(format!("{RECENT_FILE}.tmp"));
    std::fs::write(&tmp, serde_json::to_vec_pretty(&names).map_err(|e| e.to_string())?)
        .map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, dir.join(RECENT_FILE)).map_err(|e| format!("{}: {e}", dir.display()))
}
