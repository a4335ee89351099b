//! The two Tauri commands: `api` (every core command, via `hashiya::api::dispatch`) and `export_to_file`.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use hashiya::{ApiError, Store};
use serde::Serialize;
use serde_json::Value;
use tauri::State;

/// The one open project, shared by all commands.
pub struct Project(pub Mutex<Store>);

impl Project {
    fn lock(&self) -> Result<MutexGuard<'_, Store>, ApiError> {
        self.0.lock().map_err(|_| ApiError {
            kind: "internal".into(),
            message: "an earlier command failed while holding the project; restart Hashiya".into(),
        })
    }
}

/// What `export_to_file` wrote.
#[derive(Debug, Serialize)]
pub struct ExportDone {
    pub articles: u64,
    pub spans: u64,
}

/// `invoke('api', {cmd, args})`: run one core command (same code as browser mode's `POST /api/{cmd}`).
#[tauri::command]
pub async fn api(project: State<'_, Project>, cmd: String, args: Option<Value>) -> Result<Value, ApiError> {
    let mut store = project.lock()?;
    hashiya::api::dispatch(&mut store, &cmd, args.unwrap_or(Value::Object(Default::default())))
}

/// `invoke('export_to_file', {format, path})`: write an export to the file the user picked in the save dialog.
#[tauri::command]
pub async fn export_to_file(project: State<'_, Project>, format: String, path: String) -> Result<ExportDone, ApiError> {
    let path = PathBuf::from(path);
    if !path.is_absolute() {
        return Err(ApiError { kind: "invalid".into(), message: format!("the export path must be absolute, got {}", path.display()) });
    }
    let store = project.lock()?;
    let counts = hashiya::export::export_to_file(store.conn(), &format, &path).map_err(|e| e.to_api())?;
    Ok(ExportDone { articles: counts.articles, spans: counts.spans })
}
