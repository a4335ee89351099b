//! The project's Tauri commands: `api` (every core command, via `hashiya::api::dispatch`) and `export_to_file`
//! (a path the user picked in the save dialog).

use std::path::PathBuf;

use hashiya::api::ExportReq;
use hashiya::ApiError;
use serde::Serialize;
use serde_json::Value;
use tauri::State;

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

fn invalid(message: String) -> ApiError {
    ApiError { kind: "invalid".into(), message }
}

/// `invoke('api', {cmd, args})`: run one core command (same code as browser mode's `POST /api/{cmd}`).
#[tauri::command]
pub async fn api(project: State<'_, Project>, cmd: String, args: Option<Value>) -> Result<Value, ApiError> {
    let args = args.unwrap_or(Value::Object(Default::default()));
    // Job status and cancel answer at once, without waiting for the project a running import holds.
    if let Some(r) = hashiya::api::jobs::dispatch_unlocked(&cmd, &args) {
        return r;
    }
    project.with(|store| hashiya::api::dispatch(store, &cmd, args))
}

/// `invoke('export_to_file', {format, path, req?})`: write an export to the file the user picked in the
/// save dialog. `req` carries the export options (the same `ExportReq` as the `export` command); without
/// it the format's defaults apply.
#[tauri::command]
pub async fn export_to_file(
    project: State<'_, Project>,
    format: String,
    path: String,
    req: Option<ExportReq>,
) -> Result<ExportDone, ApiError> {
    let path = PathBuf::from(path);
    if !path.is_absolute() {
        return Err(invalid(format!("the export path must be absolute, got {}", path.display())));
    }
    let req = req.unwrap_or_else(|| ExportReq { format: format.clone(), ..Default::default() });
    if req.format != format {
        return Err(invalid(format!("export format mismatch: {format:?} and {:?} in the options", req.format)));
    }
    let mut options = req.options().map_err(|e| e.to_api())?;
    // A named export can be followed (job_status) and stopped (cancel_job) through `api`.
    let job = req.job.as_deref().map(hashiya::api::jobs::register).transpose().map_err(|e| e.to_api())?;
    if let Some(j) = &job {
        options.control = j.control.clone();
    }
    let report = project.with(|store| match hashiya::export::export_file_with(store.conn(), &options, &path) {
        Err(_) if options.control.is_cancelled() => Err(hashiya::Error::Conflict("the export was cancelled; nothing was written".into()).to_api()),
        other => other.map_err(|e| e.to_api()),
    })?;
    drop(job);
    Ok(ExportDone {
        articles: report.total.articles,
        spans: report.total.spans,
        notes: report.total.notes(),
        labels: report.labels,
        files: report.files.into_iter().map(|f| f.path).collect(),
    })
}
