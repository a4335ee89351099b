//! The open project (swapped by New / Open / Open Recent, through dialogs the shell shows) and the recent projects list.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use hashiya::{demo, ApiError, Store};
use serde::Serialize;
use tauri::{AppHandle, Manager, State, WebviewWindow};

use crate::dialogs::FileDialog;

/// How many projects File → Open Recent remembers.
pub const RECENT_MAX: usize = 10;
const RECENT_FILE: &str = "recent.json";

/// The one open project, shared by all commands. `None` only after the app closed it on exit.
pub struct Project(Mutex<Option<Store>>);

fn internal(message: &str) -> ApiError {
    ApiError { kind: "internal".into(), message: message.into() }
}

fn error(kind: &str, message: String) -> ApiError {
    ApiError { kind: kind.into(), message }
}

impl Project {
    pub fn new(store: Store) -> Self {
        Project(Mutex::new(Some(store)))
    }

    /// Run `f` on the open project.
    pub fn with<R>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<R, ApiError>,
    ) -> Result<R, ApiError> {
        let mut guard = self.0.lock().map_err(|_| {
            internal("an earlier command failed while holding the project; restart Hashiya")
        })?;
        match guard.as_mut() {
            Some(store) => f(store),
            None => Err(internal("the project is closed (Hashiya is quitting)")),
        }
    }

    /// Put `store` in place of the open project, which is closed (its connection dropped) once nothing uses it.
    fn replace(&self, store: Store) -> Result<(), ApiError> {
        let old = {
            let mut guard = self.0.lock().map_err(|_| {
                internal("an earlier command failed while holding the project; restart Hashiya")
            })?;
            guard.replace(store)
        };
        drop(old);
        Ok(())
    }

    /// Close the project cleanly (on exit): SQLite checkpoints its log and removes the -wal/-shm files.
    pub fn close(&self) {
        let old = match self.0.lock() {
            Ok(mut guard) => guard.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        };
        drop(old);
    }
}

/// The project path made absolute (folder resolved, `..` and symlinks removed) so it shows the same
/// whatever the working directory; left as given when its folder does not exist (opening then fails).
pub fn absolute_project_path(path: PathBuf) -> PathBuf {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    match (std::fs::canonicalize(&dir), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path,
    }
}

/// Open (or create) the project at `path`, or the demo project when `None`; a readable message on failure.
pub fn open_store(file: Option<&Path>) -> Result<(Store, PathBuf), String> {
    let (path, result) = match file {
        Some(path) => {
            let path = absolute_project_path(path.to_path_buf());
            let r = Store::open(&path);
            (path, r)
        }
        None => {
            let path = demo::default_path();
            let r = demo::open_demo(&path);
            (path, r)
        }
    };
    match result {
        Ok(store) => {
            // Index what is not searchable yet (e.g. after an upgrade) without delaying the window.
            drop(hashiya::search::catch_up_in_background(path.clone()));
            Ok((store, path))
        }
        Err(e) => {
            let msg = e.to_string();
            // The core's messages usually name the file already; add it only when they do not.
            Err(if msg.contains(&path.display().to_string()) {
                msg
            } else {
                format!("cannot open the project {}: {msg}", path.display())
            })
        }
    }
}

/// Recent projects, most recent first, from the app's config folder (missing files left out).
pub fn recent(app: &AppHandle) -> Vec<PathBuf> {
    let Ok(dir) = app.path().app_config_dir() else { return Vec::new() };
    let list: Vec<String> = std::fs::read(dir.join(RECENT_FILE))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    list.into_iter().map(PathBuf::from).filter(|p| p.is_file()).take(RECENT_MAX).collect()
}

/// Put `path` first in the recent list (the demo project is not listed) and rebuild the menu's list.
pub fn remember(app: &AppHandle, path: &Path) {
    if path == demo::default_path() {
        return;
    }
    let mut list = recent(app);
    list.retain(|p| p != path);
    list.insert(0, path.to_path_buf());
    list.truncate(RECENT_MAX);
    if let Err(e) = save_recent(app, &list) {
        eprintln!("hashiya-desktop: the recent projects could not be saved: {e}");
    }
    crate::menu::refresh_recent(app, &list);
}

/// Forget every recent project.
pub fn clear_recent(app: &AppHandle) {
    if let Err(e) = save_recent(app, &[]) {
        eprintln!("hashiya-desktop: the recent projects could not be cleared: {e}");
    }
    crate::menu::refresh_recent(app, &[]);
}

fn save_recent(app: &AppHandle, list: &[PathBuf]) -> Result<(), String> {
    let dir = app.path().app_config_dir().map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let names: Vec<String> = list.iter().map(|p| p.display().to_string()).collect();
    let tmp = dir.join(format!("{RECENT_FILE}.tmp"));
    std::fs::write(&tmp, serde_json::to_vec_pretty(&names).map_err(|e| e.to_string())?)
        .map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, dir.join(RECENT_FILE)).map_err(|e| format!("{}: {e}", dir.display()))
}

/// Show the project's name in the window title.
pub fn set_title(app: &AppHandle, path: &Path) {
    let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.set_title(&format!("{name} — Hashiya — حاشية"));
    }
}

/// What `open_project` / `new_project` opened.
#[derive(Debug, Serialize)]
pub struct Opened {
    pub path: String,
    pub name: String,
}

/// `open_project` / `new_project`'s answer: `{"status": "cancelled"}` when the user closed the dialog
/// (nothing changed), else `{"status": "opened", path, name}`.
#[derive(Debug, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Switched {
    Cancelled,
    Opened(Opened),
}

fn switch(app: &AppHandle, project: &Project, path: PathBuf) -> Result<Switched, ApiError> {
    let (store, path) = open_store(Some(&path)).map_err(|m| error("io", m))?;
    project.replace(store)?;
    remember(app, &path);
    set_title(app, &path);
    let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Switched::Opened(Opened { path: path.display().to_string(), name }))
}

const PROJECT_FILTER: (&str, &[&str]) = ("Hashiya project", &["hashiya"]);

/// The open project's folder (where the dialogs start), when it has one.
fn project_dir(project: &Project) -> Result<Option<PathBuf>, ApiError> {
    project.with(|store| Ok(store.path().and_then(Path::parent).map(Path::to_path_buf)))
}

/// `invoke('open_project', {path?})`: close the open project and open another existing one.
/// Without `path` (File → Open project) the shell shows the open dialog; with one (File → Open Recent) the
/// path must be in the app's recent list — the webview cannot name any other file.
#[tauri::command]
pub async fn open_project(
    window: WebviewWindow,
    app: AppHandle,
    project: State<'_, Project>,
    path: Option<String>,
) -> Result<Switched, ApiError> {
    let p = match path {
        Some(path) => {
            let p = PathBuf::from(&path);
            if !recent(&app).contains(&p) {
                return Err(error(
                    "forbidden",
                    format!(
                        "{path} is not in File → Open Recent; open it with File → Open project"
                    ),
                ));
            }
            p
        }
        None => {
            let dir = project_dir(&project)?;
            let dialog = FileDialog {
                title: Some("Open project"),
                dir: dir.as_deref(),
                filter: PROJECT_FILTER,
            };
            match crate::dialogs::open(&window, dialog).await? {
                Some(p) => p,
                None => return Ok(Switched::Cancelled),
            }
        }
    };
    if !p.is_file() {
        return Err(error("not_found", format!("there is no project file at {}", p.display())));
    }
    switch(&app, &project, p)
}

/// `invoke('new_project', {name?})`: show the save dialog (suggesting the file name `name`, by default
/// `untitled.hashiya`), then create a project file where the user chose (`.hashiya` appended when missing)
/// and open it (File → New project). Never overwrites a file.
#[tauri::command]
pub async fn new_project(
    window: WebviewWindow,
    app: AppHandle,
    project: State<'_, Project>,
    name: Option<String>,
) -> Result<Switched, ApiError> {
    let dir = project_dir(&project)?;
    let dialog =
        FileDialog { title: Some("New project"), dir: dir.as_deref(), filter: PROJECT_FILTER };
    let Some(mut p) =
        crate::dialogs::save(&window, dialog, name.as_deref().unwrap_or("untitled.hashiya"))
            .await?
    else {
        return Ok(Switched::Cancelled);
    };
    if p.extension().is_none_or(|e| e != "hashiya") {
        let mut with_ext = p.into_os_string();
        with_ext.push(".hashiya");
        p = PathBuf::from(with_ext);
    }
    if p.exists() {
        return Err(error(
            "conflict",
            format!(
                "{} already exists; open it with File → Open project, or choose a new name",
                p.display()
            ),
        ));
    }
    switch(&app, &project, p)
}

/// `invoke('recent_projects')`: File → Open Recent's list, most recent first.
#[tauri::command]
pub fn recent_projects(app: AppHandle) -> Vec<String> {
    recent(&app).into_iter().map(|p| p.display().to_string()).collect()
}
