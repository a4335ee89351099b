//! Native file dialogs shown by the shell itself: every path the shell writes or creates is one the user chose here.
//!
//! The webview never passes a path to write to: it asks for an export or a new project with a suggested
//! *file name*, the shell shows the dialog (parented to the window, so it is modal) and awaits the answer
//! without blocking the async runtime or the main thread. Debug builds only: `--test-save-dir DIR` on the
//! command line makes every save dialog answer `DIR/<suggested name>` without showing (for tests that
//! export many times); release builds contain neither the option nor this shortcut.

use std::path::{Path, PathBuf};

use hashiya::error::ErrorKind;
use hashiya::ApiError;
use tauri::WebviewWindow;
use tauri_plugin_dialog::{DialogExt, FilePath};

#[cfg(debug_assertions)]
static TEST_SAVE_DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// Debug builds only: answer every save dialog with `dir/<suggested name>` (see the module comment).
#[cfg(debug_assertions)]
pub fn set_test_save_dir(dir: PathBuf) {
    let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
    eprintln!(
        "hashiya-desktop: test mode: save dialogs answer {}/<suggested name> without showing",
        dir.display()
    );
    let _ = TEST_SAVE_DIR.set(dir);
}

fn error(kind: ErrorKind, message: String) -> ApiError {
    ApiError::new(kind, message)
}

/// `name` if it is a plain file name (no folder, not `.` or `..`): the only thing the webview may suggest.
pub fn plain_file_name(name: &str) -> Result<&str, ApiError> {
    let plain = !name.is_empty()
        && name.len() <= 255
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', '\0']);
    if plain {
        Ok(name)
    } else {
        Err(error(
            ErrorKind::Invalid,
            format!("a suggested file name must be a plain name without a folder, got {name:?}"),
        ))
    }
}

/// What a save or open dialog shows.
pub struct FileDialog<'a> {
    /// The window title; `None` keeps the toolkit's own ("Save File").
    pub title: Option<&'a str>,
    /// The starting folder (the open project's), when known.
    pub dir: Option<&'a Path>,
    /// The filter's name and extensions (without the dot).
    pub filter: (&'a str, &'a [&'a str]),
}

fn builder(
    window: &WebviewWindow,
    d: &FileDialog<'_>,
) -> tauri_plugin_dialog::FileDialogBuilder<tauri::Wry> {
    let mut b = window.dialog().file().add_filter(d.filter.0, d.filter.1);
    if let Some(t) = d.title {
        b = b.set_title(t);
    }
    if let Some(dir) = d.dir {
        b = b.set_directory(dir);
    }
    b
}

async fn answer(
    rx: tokio::sync::oneshot::Receiver<Option<FilePath>>,
    what: &str,
) -> Result<Option<PathBuf>, ApiError> {
    let chosen = rx.await.map_err(|_| {
        error(ErrorKind::Internal, format!("the {what} dialog closed without an answer"))
    })?;
    match chosen {
        None => Ok(None),
        Some(p) => p.into_path().map(Some).map_err(|e| {
            error(
                ErrorKind::Invalid,
                format!("the {what} dialog answered a location that is not a file path: {e}"),
            )
        }),
    }
}

/// Show a save dialog suggesting `file_name`; the chosen path, or `None` when the user cancelled.
pub async fn save(
    window: &WebviewWindow,
    d: FileDialog<'_>,
    file_name: &str,
) -> Result<Option<PathBuf>, ApiError> {
    let file_name = plain_file_name(file_name)?;
    #[cfg(debug_assertions)]
    if let Some(dir) = TEST_SAVE_DIR.get() {
        return Ok(Some(dir.join(file_name)));
    }
    let (tx, rx) = tokio::sync::oneshot::channel();
    // The plugin runs the dialog from the main thread and calls back on a thread of its own.
    builder(window, &d).set_parent(window).set_file_name(file_name).save_file(move |p| {
        let _ = tx.send(p);
    });
    answer(rx, "save").await
}

/// Show an open dialog for one existing file; the chosen path, or `None` when the user cancelled.
pub async fn open(window: &WebviewWindow, d: FileDialog<'_>) -> Result<Option<PathBuf>, ApiError> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    // Parented like the dialog plugin's own open command: on Windows and macOS only.
    #[cfg(any(windows, target_os = "macos"))]
    let b = builder(window, &d).set_parent(window);
    #[cfg(not(any(windows, target_os = "macos")))]
    let b = builder(window, &d);
    b.pick_file(move |p| {
        let _ = tx.send(p);
    });
    answer(rx, "open").await
}
