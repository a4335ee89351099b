//! The one router both transports call (browser mode's HTTP server and the desktop shell): it answers
//! job commands without the project, runs imports and exports on a connection of their own, and every
//! other command on the shared project handle.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde_json::Value;

use crate::api::find;
use crate::api::registry::{Handler, Route};
use crate::error::{ApiError, Error, ErrorKind};
use crate::store::Store;

/// The one open project, shared by every request. The desktop shell swaps it (File → Open) and closes
/// it on exit; `None` only after that.
pub struct SharedProject(Mutex<Option<Store>>);

fn internal(message: &str) -> ApiError {
    ApiError::new(ErrorKind::Internal, message)
}

impl SharedProject {
    pub fn new(store: Store) -> Self {
        SharedProject(Mutex::new(Some(store)))
    }

    /// Run `f` on the open project, under its lock.
    pub fn with<R>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<R, ApiError>,
    ) -> Result<R, ApiError> {
        // A panic while the lock was held leaves SQLite consistent (every change is a transaction).
        let mut guard = match self.0.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        match guard.as_mut() {
            Some(store) => f(store),
            None => Err(internal("the project is closed (Hashiya is quitting)")),
        }
    }

    /// The project file (`None` for an in-memory project).
    pub fn path(&self) -> Result<Option<PathBuf>, ApiError> {
        self.with(|store| Ok(store.path().map(Path::to_path_buf)))
    }

    /// Put `store` in place of the open project, which is closed once nothing uses it.
    pub fn replace(&self, store: Store) {
        let old = match self.0.lock() {
            Ok(mut guard) => guard.replace(store),
            Err(poisoned) => poisoned.into_inner().replace(store),
        };
        drop(old);
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

/// Run one command for a transport. Blocking: call it off the async runtime (`spawn_blocking`).
pub fn route(project: &SharedProject, cmd: &str, args: Value) -> Result<Value, ApiError> {
    let Some(c) = find(cmd) else {
        return Err(Error::NotFound(format!("unknown command {cmd:?}")).to_api());
    };
    match (c.route, c.handler) {
        // Job status and cancel answer at once, without waiting for the project a job holds.
        (Route::Unlocked, Handler::Unlocked(f)) => f(args).map_err(|e| e.to_api()),
        // An import or export runs on its own connection: the project handle is free for edits meanwhile.
        (Route::Detached, _) => match project.path()? {
            Some(path) => super::dispatch_detached(&path, cmd, args),
            None => project.with(|store| super::dispatch(store, cmd, args)),
        },
        (Route::Desktop, _) => Err(ApiError::new(
            ErrorKind::NotFound,
            format!("{cmd} is only available in the desktop app"),
        )),
        _ => project.with(|store| super::dispatch(store, cmd, args)),
    }
}

/// Run `cmd` if it is answered without the project (job status and cancel); `None` for any other command.
pub fn unlocked(cmd: &str, args: Value) -> Option<Result<Value, ApiError>> {
    match find(cmd)?.handler {
        Handler::Unlocked(f) => Some(f(args).map_err(|e| e.to_api())),
        _ => None,
    }
}

/// Open (or create) the project at `file`, or the demo project when `None`; index in the background what
/// is not searchable yet (e.g. after an upgrade) so the window is not delayed. The message names the file.
pub fn open_project(file: Option<&Path>) -> Result<(Store, PathBuf), String> {
    let (path, result) = match file {
        Some(path) => {
            let path = absolute_project_path(path.to_path_buf());
            let r = Store::open(&path);
            (path, r)
        }
        None => {
            let path = crate::demo::default_path();
            let r = crate::demo::open_demo(&path);
            (path, r)
        }
    };
    match result {
        Ok(store) => {
            drop(crate::search::catch_up_in_background(path.clone()));
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
