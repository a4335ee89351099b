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
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("JSON error: {0}")]
    Json(#[from] serde_json::Error),
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
