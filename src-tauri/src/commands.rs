//! The shell's Tauri commands: `api` (every core command, through the core's router, as browser mode does)
//! and `export_to_file` (the shell shows the save dialog; the core checks, writes and reports).

use std::sync::Arc;

use hashiya::api::desktop::{save_filter, ExportToFileReq, Exported, FileExport};
use hashiya::api::router::{self, SharedProject};
use hashiya::error::ErrorKind;
use hashiya::ApiError;
use serde_json::Value;
use tauri::{State, WebviewWindow};

use crate::dialogs::{self, FileDialog};

fn crashed(what: &str, e: impl std::fmt::Display) -> ApiError {
    ApiError::new(ErrorKind::Internal, format!("the {what} command failed: {e}"))
}

/// `invoke('api', {cmd, args})`: run one core command (same router as browser mode's `POST /api/{cmd}`),
/// off the async runtime.
#[tauri::command]
pub async fn api(
    project: State<'_, Arc<SharedProject>>,
    cmd: String,
    args: Option<Value>,
) -> Result<Value, ApiError> {
    let args = args.unwrap_or(Value::Object(Default::default()));
    let (project, name) = (Arc::clone(&project), cmd.clone());
    tauri::async_runtime::spawn_blocking(move || router::route(&project, &name, args))
        .await
        .map_err(|e| crashed(&cmd, e))?
}

/// `invoke('export_to_file', {format, name, req?})`: show the save dialog (suggesting the file name `name`,
/// in the project's folder), then write the export where the user chose. The webview passes no path. A named
/// export (`req.job`) can be followed (`job_status`) and stopped (`cancel_job`), also while the dialog is up.
#[tauri::command]
pub async fn export_to_file(
    window: WebviewWindow,
    project: State<'_, Arc<SharedProject>>,
    format: String,
    name: String,
    req: Option<hashiya::api::ExportReq>,
) -> Result<Exported, ApiError> {
    let r = ExportToFileReq { format, name, req };
    let name = dialogs::plain_file_name(&r.name)?;
    // Bad options fail before any dialog shows.
    let export = FileExport::prepare(&r.format, r.req).map_err(|e| e.to_api())?;
    let Some(project_path) = project.path()? else {
        return Err(ApiError::new(
            ErrorKind::Invalid,
            "an in-memory project cannot be exported to a file",
        ));
    };
    let dir = project_path.parent().map(std::path::Path::to_path_buf);
    let dialog = FileDialog { title: None, dir: dir.as_deref(), filter: save_filter(&r.format) };
    let Some(path) = dialogs::save(&window, dialog, name).await? else {
        return Ok(Exported::Cancelled);
    };
    // On a connection of its own, off the async runtime: the analyst keeps working while it writes.
    let done = tauri::async_runtime::spawn_blocking(move || export.write(&project_path, &path))
        .await
        .map_err(|e| crashed("export", e))?
        .map_err(|e| e.to_api())?;
    Ok(Exported::Written(done))
}
