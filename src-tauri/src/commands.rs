//! The project's Tauri commands: `api` (every core command, via `hashiya::api::dispatch`) and `export_to_file`
//! (the shell shows the save dialog itself and writes only where the user chose).

use std::path::Path;

use hashiya::api::ExportReq;
use hashiya::ApiError;
use serde::Serialize;
use serde_json::Value;
use tauri::{State, WebviewWindow};

use crate::dialogs::{self, FileDialog};
use crate::project::Project;

/// What `export_to_file` wrote.
#[derive(Debug, Serialize)]
pub struct ExportDone {
    pub articles: u64,
    pub spans: u64,
    /// What the export changed or left out (merged duplicates, dropped overlaps, …), one sentence each.
    pub notes: Vec<String>,
    /// The span labels in the export, after renaming and dropping.
    pub labels: Vec<String>,
    /// Every data file written (one, or three with a train/dev/test split).
    pub files: Vec<String>,
}

/// `export_to_file`'s answer: `{"status": "cancelled"}` when the user closed the save dialog, else
/// `{"status": "written", articles, spans, notes, labels, files}`.
#[derive(Debug, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Exported {
    Cancelled,
    Written(ExportDone),
}

fn invalid(message: String) -> ApiError {
    ApiError { kind: "invalid".into(), message }
}

/// `invoke('api', {cmd, args})`: run one core command (same code as browser mode's `POST /api/{cmd}`).
#[tauri::command]
pub async fn api(
    project: State<'_, Project>,
    cmd: String,
    args: Option<Value>,
) -> Result<Value, ApiError> {
    let args = args.unwrap_or(Value::Object(Default::default()));
    // Job status and cancel answer at once, without waiting for the project a running import holds.
    if let Some(r) = hashiya::api::jobs::dispatch_unlocked(&cmd, &args) {
        return r;
    }
    // An import or export runs on its own connection (off the async runtime): the project stays free for edits.
    if hashiya::api::DETACHED.contains(&cmd.as_str()) {
        if let Some(path) = project.with(|store| Ok(store.path().map(Path::to_path_buf)))? {
            let name = cmd.clone();
            return tauri::async_runtime::spawn_blocking(move || {
                hashiya::api::dispatch_detached(&path, &name, args)
            })
            .await
            .map_err(|e| ApiError {
                kind: "internal".into(),
                message: format!("the {cmd} command failed: {e}"),
            })?;
        }
    }
    project.with(|store| hashiya::api::dispatch(store, &cmd, args))
}

/// The save dialog's filter for an export format (the file extension the format's files use).
fn save_filter(format: &str) -> (&'static str, &'static [&'static str]) {
    match format {
        "labelstudio" => ("Label Studio JSON", &["json"]),
        "conll" => ("CoNLL", &["conll"]),
        _ => ("JSON Lines", &["jsonl"]),
    }
}

/// `invoke('export_to_file', {format, name, req?})`: show the save dialog (suggesting the file name `name`,
/// in the project's folder), then write the export where the user chose. The webview passes no path.
/// `req` carries the export options (the same `ExportReq` as the `export` command); without it the format's
/// defaults apply. A named export (`req.job`) can be followed (job_status) and stopped (cancel_job) through
/// `api`, also while the dialog is up.
#[tauri::command]
pub async fn export_to_file(
    window: WebviewWindow,
    project: State<'_, Project>,
    format: String,
    name: String,
    req: Option<ExportReq>,
) -> Result<Exported, ApiError> {
    let name = dialogs::plain_file_name(&name)?;
    let req = req.unwrap_or_else(|| ExportReq { format: format.clone(), ..Default::default() });
    if req.format != format {
        return Err(invalid(format!(
            "export format mismatch: {format:?} and {:?} in the options",
            req.format
        )));
    }
    // Bad options fail before any dialog shows.
    let mut options = req.options().map_err(|e| e.to_api())?;
    let job =
        req.job.as_deref().map(hashiya::api::jobs::register).transpose().map_err(|e| e.to_api())?;
    if let Some(j) = &job {
        options.control = j.control.clone();
    }
    let cancelled = || {
        hashiya::Error::Conflict("the export was cancelled; nothing was written".into()).to_api()
    };
    let project_path = project.with(|store| Ok(store.path().map(Path::to_path_buf)))?;
    let dir = project_path.as_deref().and_then(Path::parent).map(Path::to_path_buf);
    let dialog = FileDialog { title: None, dir: dir.as_deref(), filter: save_filter(&format) };
    let Some(path) = dialogs::save(&window, dialog, name).await? else {
        return Ok(Exported::Cancelled);
    };
    if options.control.is_cancelled() {
        return Err(cancelled());
    }
    // On a connection of its own, off the async runtime: the analyst keeps working while it writes.
    let Some(project_path) = project_path else {
        return Err(invalid("an in-memory project cannot be exported to a file".into()));
    };
    let written = tauri::async_runtime::spawn_blocking(move || {
        let store = hashiya::Store::open(&project_path).map_err(|e| e.to_api())?;
        match hashiya::export::export_file_with(store.conn(), &options, &path) {
            Err(_) if options.control.is_cancelled() => Err(cancelled()),
            other => other.map_err(|e| e.to_api()),
        }
    });
    let report = written.await.map_err(|e| ApiError {
        kind: "internal".into(),
        message: format!("the export failed: {e}"),
    })??;
    drop(job);
    Ok(Exported::Written(ExportDone {
        articles: report.total.articles,
        spans: report.total.spans,
        notes: report.total.notes(),
        labels: report.labels,
        files: report.files.into_iter().map(|f| f.path).collect(),
    }))
}
