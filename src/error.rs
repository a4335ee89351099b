//! The core's one error type, and the `{kind, message}` shape the UI branches on.

use serde::Serialize;

/// Everything that can go wrong in the core. Messages are one clear sentence.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{context}: {}", io_message(.source))]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", db_message(.0))]
    Db(#[from] rusqlite::Error),
    #[error("{}", json_message(.0))]
    Json(#[from] serde_json::Error),
}

/// A write refused for want of space (or over the file-size limit), whatever the OS calls it.
fn is_full(kind: std::io::ErrorKind) -> bool {
    use std::io::ErrorKind::{FileTooLarge, QuotaExceeded, StorageFull};
    matches!(kind, StorageFull | FileTooLarge | QuotaExceeded)
}

fn io_message(e: &std::io::Error) -> String {
    if is_full(e.kind()) {
        format!("the disk is full ({e}); free some space and try again")
    } else {
        e.to_string()
    }
}

/// SQLite's "database or disk is full" and "disk I/O error" as a sentence: a transaction that fails
/// so is rolled back whole.
fn db_message(e: &rusqlite::Error) -> String {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DiskFull) => "the disk holding the project is full (or the project reached its size limit), so nothing of this \
                                                change was saved; free some space and try again"
            .into(),
        Some(rusqlite::ErrorCode::SystemIoFailure) => "the project file could not be written or read (a disk I/O error: is the disk full or \
                                                       failing?), so nothing of this change was saved; free some space or check the disk, then try again"
            .into(),
        _ => format!("database error: {e}"),
    }
}

/// JSON written to a disk that filled up is a write error, not a JSON one.
fn json_message(e: &serde_json::Error) -> String {
    match e.io_error_kind() {
        Some(kind) if is_full(kind) => format!(
            "cannot write the output: the disk is full ({e}); free some space and try again"
        ),
        _ => format!("JSON error: {e}"),
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io { context: context.into(), source }
    }

    /// A stable machine-readable name for the UI to branch on.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::NotFound(_) => "not_found",
            Error::Invalid(_) => "invalid",
            Error::Forbidden(_) => "forbidden",
            Error::Conflict(_) => "conflict",
            Error::Io { .. } => "io",
            Error::Db(_) => "database",
            Error::Json(_) => "invalid",
        }
    }

    pub fn to_api(&self) -> ApiError {
        ApiError { kind: self.kind().to_string(), message: self.to_string() }
    }
}

/// What crosses the command edge (Tauri invoke or HTTP) when a command fails.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ApiError {
    pub kind: String,
    pub message: String,
}
