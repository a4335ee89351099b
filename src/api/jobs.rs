//! Long commands the UI can watch and cancel. The client names a job (e.g. `import_files` with
//! `job: "…"`); `job_status` and `cancel_job` answer from a registry outside the project, so they
//! never wait for the project lock the long command holds.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::api::registry::{Command, Handler, Route};
use crate::api::{args, to_json};
use crate::error::{Error, Result};
use crate::import::Control;

static JOBS: LazyLock<Mutex<HashMap<String, Control>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

#[derive(Debug, Clone, Deserialize, TS)]
pub struct JobReq {
    pub job: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct JobStatus {
    /// False when no such job is running (not started yet, or finished).
    pub running: bool,
    pub cancelled: bool,
    pub files_done: i64,
    pub files_total: i64,
    /// The file being read.
    pub file: String,
    /// Lines, rows or articles read so far.
    pub records: i64,
    pub elapsed_ms: i64,
}

/// Job status and cancel: answered from the registry, never waiting for the project a job holds.
pub const COMMANDS: &[Command] = &[
    Command {
        name: "job_status",
        req: "JobReq",
        res: "JobStatus",
        route: Route::Unlocked,
        handler: Handler::Unlocked(|a| to_json(status(&args::<JobReq>("job_status", a)?.job))),
    },
    Command {
        name: "cancel_job",
        req: "JobReq",
        res: "JobStatus",
        route: Route::Unlocked,
        handler: Handler::Unlocked(|a| to_json(cancel(&args::<JobReq>("cancel_job", a)?.job))),
    },
];

/// A running job's control, removed from the registry when dropped.
pub struct Registered {
    name: String,
    pub control: Control,
}

impl Drop for Registered {
    fn drop(&mut self) {
        if let Ok(mut jobs) = JOBS.lock() {
            jobs.remove(&self.name);
        }
    }
}

/// Register a job under the client's name (refused while one of that name runs).
pub fn register(name: &str) -> Result<Registered> {
    let mut jobs =
        JOBS.lock().map_err(|_| Error::Invalid("the job registry is unavailable".into()))?;
    if jobs.contains_key(name) {
        return Err(Error::Conflict(format!("a job named {name:?} is already running")));
    }
    let control = Control::new(None);
    jobs.insert(name.to_string(), control.clone());
    Ok(Registered { name: name.to_string(), control })
}

pub fn status(name: &str) -> JobStatus {
    let control = JOBS.lock().ok().and_then(|jobs| jobs.get(name).cloned());
    match control {
        None => JobStatus::default(),
        Some(c) => {
            let p = c.snapshot();
            JobStatus {
                running: true,
                cancelled: c.is_cancelled(),
                files_done: p.files_done as i64,
                files_total: p.files_total as i64,
                file: p.file,
                records: p.records as i64,
                elapsed_ms: p.elapsed.as_millis() as i64,
            }
        }
    }
}

/// Ask the job called `name` to stop (it stops at its next check), and say where it is.
pub fn cancel(name: &str) -> JobStatus {
    if let Some(c) = JOBS.lock().ok().and_then(|jobs| jobs.get(name).cloned()) {
        c.cancel();
    }
    status(name)
}
