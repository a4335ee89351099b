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
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::Invalid(_) => ErrorKind::Invalid,
            Error::Forbidden(_) => ErrorKind::Forbidden,
            Error::Conflict(_) => ErrorKind::Conflict,
            Error::Io { .. } => ErrorKind::Io,
            Error::Db(_) => ErrorKind::Database,
            Error::Json(_) => ErrorKind::Invalid,
        }
    }

    pub fn to_api(&self) -> ApiError {
        ApiError { kind: self.kind(), message: self.to_string() }
    }
}

/// Every kind of failure a command can report. The UI branches on these; the list is exported to
/// TypeScript, so a new kind is a compile error in the UI until it is handled or passed through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// No such article, span, label, command, backup…
    NotFound,
    /// The request or the input file is malformed or breaks a rule (bad offsets, unknown label…).
    Invalid,
    /// The request is well formed but not allowed (another analyst's span, a path outside the recent list).
    Forbidden,
    /// The project changed underneath, a job of that name runs already, the export was cancelled…
    Conflict,
    /// A file could not be read or written (the message names it); also a full disk.
    Io,
    /// SQLite failed (busy past the timeout, a corrupt file, a full disk).
    Database,
    /// A bug or a crashed worker: the command did not finish.
    Internal,
    /// Browser mode: the request lacked the per-run token, or came from another Host/Origin.
    Unauthorized,
}

impl ErrorKind {
    /// The name on the wire (`not_found`, `invalid`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "not_found",
            ErrorKind::Invalid => "invalid",
            ErrorKind::Forbidden => "forbidden",
            ErrorKind::Conflict => "conflict",
            ErrorKind::Io => "io",
            ErrorKind::Database => "database",
            ErrorKind::Internal => "internal",
            ErrorKind::Unauthorized => "unauthorized",
        }
    }

    /// The HTTP status browser mode answers with.
    pub fn http_status(self) -> u16 {
        match self {
            ErrorKind::NotFound => 404,
            ErrorKind::Invalid => 400,
            ErrorKind::Forbidden => 403,
            ErrorKind::Conflict => 409,
            ErrorKind::Unauthorized => 401,
            ErrorKind::Io | ErrorKind::Database | ErrorKind::Internal => 500,
        }
    }
}

impl ApiError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ApiError { kind, message: message.into() }
    }
}

/// What crosses the command edge (Tauri invoke or HTTP) when a command fails.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub message: String,
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for ErrorKind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorKind;

    #[test]
    fn wire_names_match_serde() {
        for k in [
            ErrorKind::NotFound,
            ErrorKind::Invalid,
            ErrorKind::Forbidden,
            ErrorKind::Conflict,
            ErrorKind::Io,
            ErrorKind::Database,
            ErrorKind::Internal,
            ErrorKind::Unauthorized,
        ] {
            let json = serde_json::to_value(k).unwrap_or_default();
            assert_eq!(json, serde_json::json!(k.as_str()));
        }
    }
}
