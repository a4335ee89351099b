//! Export: project → training data. Files are written under a temporary name and renamed,
//! so an interrupted export never leaves a half-written file under the final name.

mod jsonl;

use std::io::Write;
use std::path::Path;

use rusqlite::Connection;

use crate::error::{Error, Result};

pub use jsonl::{native_record, write_native_jsonl};

/// What an export wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportCounts {
    pub articles: u64,
    pub spans: u64,
    pub tags: u64,
}

/// The export formats this build knows.
pub const FORMATS: &[&str] = &["jsonl"];

/// Write `format` to any writer.
pub fn export_to(conn: &Connection, format: &str, out: &mut dyn Write) -> Result<ExportCounts> {
    match format {
        "jsonl" => write_native_jsonl(conn, out),
        other => Err(Error::Invalid(format!("unknown export format {other:?}; known: {}", FORMATS.join(", ")))),
    }
}

/// Write `format` to `path` atomically (temporary file in the same folder, then rename).
pub fn export_to_file(conn: &Connection, format: &str, path: &Path) -> Result<ExportCounts> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let file_name = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_else(|| "export".into());
    let tmp = dir.join(format!(".{file_name}.partial-{}", std::process::id()));
    let result = (|| {
        let f = std::fs::File::create(&tmp).map_err(|e| Error::io(format!("cannot create {}", tmp.display()), e))?;
        let mut w = std::io::BufWriter::new(f);
        let counts = export_to(conn, format, &mut w)?;
        let f = w.into_inner().map_err(|e| Error::io(format!("cannot write {}", tmp.display()), e.into_error()))?;
        f.sync_all().map_err(|e| Error::io(format!("cannot write {}", tmp.display()), e))?;
        std::fs::rename(&tmp, path).map_err(|e| Error::io(format!("cannot move the export to {}", path.display()), e))?;
        Ok(counts)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
