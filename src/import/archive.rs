//! doccano's export download: a `.zip` holding one JSONL (or JSON) file per user, `admin.jsonl`…;
//! each file is imported as that user's work (annotator = the file's name without extension).

use std::io::Read;
use std::path::Path;

use super::{import_bytes, ImportOptions, ImportReport};
use crate::error::Result;
use crate::store::Store;

/// The most one file inside an archive may unpack to (a guard against zip bombs).
const MAX_ENTRY: u64 = 1 << 30;

/// Is this file a zip archive (by name, or by its first bytes)?
pub(super) fn is_zip(path: &Path) -> bool {
    let by_name =
        path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    by_name || {
        let mut head = [0u8; 4];
        std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut head)).is_ok()
            && head == *b"PK\x03\x04"
    }
}

/// Import every `.jsonl`/`.json` file of the archive, each in its own transaction, as `FILE.zip:ENTRY`.
pub(super) fn import_zip(
    store: &mut Store,
    path: &Path,
    opts: &ImportOptions,
    report: &mut ImportReport,
) -> Result<()> {
    let name = path.display().to_string();
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            report.reject(&name, None, format!("cannot read the file: {e}"));
            return Ok(());
        }
    };
    let mut zip = match zip::ZipArchive::new(std::io::BufReader::new(file)) {
        Ok(z) => z,
        Err(e) => {
            report.reject(&name, None, format!("not a readable zip archive: {e}"));
            return Ok(());
        }
    };
    let mut any = false;
    for i in 0..zip.len() {
        let mut entry = match zip.by_index(i) {
            Ok(e) => e,
            Err(e) => {
                report.reject(&name, None, format!("entry #{} cannot be read: {e}", i + 1));
                continue;
            }
        };
        let inner = entry.name().to_string();
        let lower = inner.to_ascii_lowercase();
        if entry.is_dir() || !(lower.ends_with(".jsonl") || lower.ends_with(".json")) {
            if !entry.is_dir() {
                report.skipped_files.push(format!("{name}:{inner}"));
            }
            continue;
        }
        any = true;
        let entry_name = format!("{name}:{inner}");
        let mut bytes = Vec::new();
        let read = (&mut entry).take(MAX_ENTRY + 1).read_to_end(&mut bytes);
        if let Err(e) = read {
            report.reject(&entry_name, None, format!("cannot unpack it: {e}"));
            continue;
        }
        if bytes.len() as u64 > MAX_ENTRY {
            report.reject(
                &entry_name,
                None,
                "it unpacks to more than 1 GiB; unpack it and import the file",
            );
            continue;
        }
        let user = Path::new(&inner)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| inner.clone());
        let mut entry_opts = opts.clone();
        entry_opts.annotator = Some(match opts.annotator.as_deref().map(str::trim) {
            Some(base) if !base.is_empty() => format!("{base}:{user}"),
            _ => user,
        });
        import_bytes(store, &entry_name, &bytes, &entry_opts, report)?;
    }
    if !any {
        report.reject(
            &name,
            None,
            "the archive holds no .jsonl or .json file (a doccano export holds one per user)",
        );
    }
    Ok(())
}
