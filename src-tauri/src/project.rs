//! Switching the open project (File → New / Open / Open Recent, through dialogs the shell shows); the
//! core opens the file and the router serves it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use hashiya::api::desktop::{Opened, Switched};
use hashiya::api::router::{open_project as open_file, SharedProject};
use hashiya::error::ErrorKind;
use hashiya::ApiError;
use tauri::{AppHandle, Manager, State, WebviewWindow};

use crate::dialogs::FileDialog;
use crate::recent;

/// Put `path` first in the recent list and rebuild the menu's list.
pub fn remember(app: &AppHandle, path: &Path) {
    let list = recent::push(app, path);
    crate::menu::refresh_recent(app, &list);
}

/// Show the project's name in the window title.
pub fn set_title(app: &AppHandle, path: &Path) {
    let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.set_title(&format!("{name} — Hashiya — حاشية"));
    }
}

fn error(kind: ErrorKind, message: String) -> ApiError {
    ApiError::new(kind, message)
}

fn switch(app: &AppHandle, project: &SharedProject, path: PathBuf) -> Result<Switched, ApiError> {
    let (store, path) = open_file(Some(&path)).map_err(|m| error(ErrorKind::Io, m))?;
    project.replace(store);
    remember(app, &path);
    set_title(app, &path);
    let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Switched::Opened(Opened { path: path.display().to_string(), name }))
}

const PROJECT_FILTER: (&str, &[&str]) = ("Hashiya project", &["hashiya"]);

/// The open project's folder (where the dialogs start), when it has one.
fn project_dir(project: &SharedProject) -> Result<Option<PathBuf>, ApiError> {
    Ok(project.path()?.as_deref().and_then(Path::parent).map(Path::to_path_buf))
}

/// `invoke('open_project', {path?})`: close the open project and open another existing one.
/// Without `path` (File → Open project) the shell shows the open dialog; with one (File → Open Recent) the
/// path must be in the app's recent list — the webview cannot name any other file.
#[tauri::command]
pub async fn open_project(
    window: WebviewWindow,
    app: AppHandle,
    project: State<'_, Arc<SharedProject>>,
    path: Option<String>,
) -> Result<Switched, ApiError> {
    let p = match path {
        Some(path) => {
            let p = PathBuf::from(&path);
            if !recent::load(&app).contains(&p) {
                return Err(error(
                    ErrorKind::Forbidden,
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
        return Err(error(
            ErrorKind::NotFound,
            format!("there is no project file at {}", p.display()),
        ));
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
    project: State<'_, Arc<SharedProject>>,
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
            ErrorKind::Conflict,
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
    recent::load(&app).into_iter().map(|p| p.display().to_string()).collect()
}
