//! Export: project → training data. Files are written under a temporary name and renamed,
//! so an interrupted export never leaves a half-written file under the final name.

mod align;
pub mod brat;
mod conll;
mod doccano;
mod hf;
mod jsonl;
mod labelstudio;
mod options;
mod prodigy;
mod report;
mod select;
mod sink;
mod spans;
mod split;

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

pub use align::{align, base_tokens, Aligned, Misfit, TokSpan};
pub use jsonl::{native_record, write_native_jsonl};
pub use options::{
    parse_origin, parse_rename, parse_split, ExportOptions, Format, GoldScope, HfTags, Misaligned,
    OffsetUnit,
};
pub use prodigy::hash32;
pub use report::{iob_tags, FileReport, Manifest, Report, Tally};
pub use select::Doc;
use sink::Sink;

/// What an export wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportCounts {
    pub articles: u64,
    pub spans: u64,
    pub tags: u64,
}

impl From<&Tally> for ExportCounts {
    fn from(t: &Tally) -> Self {
        ExportCounts { articles: t.articles, spans: t.spans, tags: t.tags }
    }
}

/// The export formats this build knows.
pub const FORMATS: &[&str] = Format::NAMES;

/// Write `format` with default options to any writer.
pub fn export_to(conn: &Connection, format: &str, out: &mut dyn Write) -> Result<ExportCounts> {
    let o = ExportOptions { format: Format::parse(format)?, ..Default::default() };
    Ok((&export_with(conn, &o, out)?.total).into())
}

/// Write `format` with default options to `path` atomically (no manifest).
pub fn export_to_file(conn: &Connection, format: &str, path: &Path) -> Result<ExportCounts> {
    let o = ExportOptions { format: Format::parse(format)?, ..Default::default() };
    let _snapshot = snapshot(conn)?;
    let o = with_project_clitics(conn, &o)?;
    prepare(conn, &o)?;
    let mut files = Pending::default();
    let result = (|| {
        let tallies = {
            let mut w = files.create(path)?;
            let t = stream(conn, &o, vec![&mut w], None)?;
            files.finish(w)?;
            t
        };
        write_registries(conn, &o, &[path], &mut files)?;
        files.commit()?;
        Ok((&tallies[0]).into())
    })();
    files.abandon();
    result.map_err(|e| naming(e, path))
}

/// Write an export to any writer (one stream; `--split` needs files).
pub fn export_with(conn: &Connection, o: &ExportOptions, out: &mut dyn Write) -> Result<Report> {
    let _snapshot = snapshot(conn)?;
    let o = &with_project_clitics(conn, o)?;
    prepare(conn, o)?;
    if o.split.is_some() {
        return Err(Error::Invalid(
            "a train/dev/test split writes three files: give --out FILE".into(),
        ));
    }
    let tallies = stream(conn, o, vec![out], None)?;
    Ok(Report { total: tallies[0].clone(), files: Vec::new(), labels: select::label_set(conn, o)? })
}

/// Write an export to `path` (or `<stem>.train/.dev/.test.<ext>` beside it with a split), plus
/// `<path>.manifest.json` and, for `hf`, `<path>.labels.json`. Every file appears at once or not at all.
pub fn export_file_with(conn: &Connection, o: &ExportOptions, path: &Path) -> Result<Report> {
    let _snapshot = snapshot(conn)?;
    let o = &with_project_clitics(conn, o)?;
    prepare(conn, o)?;
    let labels = select::label_set(conn, o)?;
    let targets: Vec<(String, PathBuf)> = match o.split {
        None => vec![("all".to_string(), path.to_path_buf())],
        Some(_) => {
            split::NAMES.iter().map(|n| (n.to_string(), split_path(path, n, o.format))).collect()
        }
    };
    let assign = o.split.map(|r| split::assign(conn, o, r)).transpose()?;
    let mut files = Pending::default();
    let result = (|| {
        let mut writers = Vec::new();
        for (_, p) in &targets {
            writers.push(files.create(p)?);
        }
        let tallies = {
            let outs: Vec<&mut dyn Write> =
                writers.iter_mut().map(|w| w as &mut dyn Write).collect();
            stream(conn, o, outs, assign.as_ref())?
        };
        let mut written = Vec::new();
        for w in writers {
            written.push(files.finish(w)?);
        }
        let mut total = Tally::default();
        let mut reports = Vec::new();
        for (((split, p), t), (bytes, sha256)) in targets.iter().zip(tallies).zip(written) {
            total.add(&t);
            reports.push(FileReport {
                split: split.clone(),
                path: p.display().to_string(),
                counts: t,
                bytes,
                sha256,
            });
        }
        let paths: Vec<&Path> = targets.iter().map(|(_, p)| p.as_path()).collect();
        write_registries(conn, o, &paths, &mut files)?;
        let tags = matches!(o.format, Format::Hf | Format::Conll).then(|| iob_tags(&labels));
        if o.format == Format::Hf {
            let mut w = files.create(&beside(path, "labels.json"))?;
            serde_json::to_writer_pretty(&mut w, &tags)?;
            files.finish(w)?;
        }
        let manifest = Manifest {
            tool: "hashiya",
            version: env!("CARGO_PKG_VERSION"),
            created_at: crate::db::now(),
            format: o.format.name(),
            offset_unit: o.format.offset_unit(o.offsets),
            options: o,
            labels: &labels,
            tags,
            files: &reports,
            counts: &total,
            not_kept: report::not_kept(o.format.name()),
        };
        let mut w = files.create(&beside(path, "manifest.json"))?;
        serde_json::to_writer_pretty(&mut w, &manifest)?;
        files.finish(w)?;
        files.commit()?;
        Ok(Report { total, files: reports, labels })
    })();
    files.abandon();
    result.map_err(|e| naming(e, path))
}

/// The entity registry beside each native file (`STEM.entities.jsonl`), read back with it on import.
fn write_registries(
    conn: &Connection,
    o: &ExportOptions,
    paths: &[&Path],
    files: &mut Pending,
) -> Result<()> {
    if o.format == Format::Jsonl && crate::gazetteer::has_entities(conn)? {
        for p in paths {
            let mut w = files.create(&crate::gazetteer::registry_path(p))?;
            crate::gazetteer::write_registry(conn, &mut w)?;
            files.finish(w)?;
        }
    }
    Ok(())
}

/// One read transaction for a whole export, so every query of it sees the same state of the project while
/// analysts or an import write meanwhile (WAL: readers and the writer do not wait for each other). Nothing
/// when the caller already has a transaction open. Dropped (rolled back: it wrote nothing) at the end.
fn snapshot(conn: &Connection) -> Result<Option<rusqlite::Transaction<'_>>> {
    Ok(if conn.is_autocommit() { Some(conn.unchecked_transaction()?) } else { None })
}

/// A failed write says which export it was (the writes themselves go to temporary files).
fn naming(e: Error, path: &Path) -> Error {
    let named = |source: std::io::Error| {
        Error::io(format!("cannot write the export to {}", path.display()), source)
    };
    match e {
        Error::Io { context, source } if context == "cannot write the export" => named(source),
        Error::Json(j) if j.io_error_kind().is_some() => named(j.into()),
        other => other,
    }
}

/// `<path>.<suffix>`, e.g. `train.jsonl.manifest.json`.
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".");
    s.push(suffix);
    PathBuf::from(s)
}

/// `<stem>.<split>.<ext>` beside `path`.
fn split_path(path: &Path, split: &str, format: Format) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_else(|| format.ext().into());
    path.with_file_name(format!("{stem}.{split}.{ext}"))
}

/// Check the options against the project and, for token formats that would refuse misaligned
/// spans, list every such span before anything is written.
fn prepare(conn: &Connection, o: &ExportOptions) -> Result<()> {
    o.check()?;
    select::validate(conn, o)?;
    if o.format.is_token_based() && o.misaligned == Misaligned::Refuse {
        let list = misaligned(conn, o)?;
        if !list.is_empty() {
            let lines: Vec<String> = list.iter().map(|m| format!("  {m}")).collect();
            return Err(Error::Invalid(format!(
                "{} spans have an edge inside a token, so a {} export would have to move or drop them; \
                 choose --misaligned expand, split or skip:\n{}",
                list.len(),
                o.format.name(),
                lines.join("\n")
            )));
        }
    }
    Ok(())
}

/// The options with the clitic mode settled: `--split-clitics` or `--clitics` when given, else the
/// project's clitic setting (so token exports split words where selections start spans).
pub fn with_project_clitics(conn: &Connection, o: &ExportOptions) -> Result<ExportOptions> {
    let mut o = o.clone();
    if o.split_clitics {
        o.clitics = Some(crate::clitics::CliticMode::Exclude);
    }
    if o.clitics.is_none() {
        o.clitics = Some(crate::clitics::CliticMode::parse(&crate::settings::get(conn)?.clitics)?);
    }
    Ok(o)
}

/// Every selected span with an edge inside a token of its article.
pub fn misaligned(conn: &Connection, o: &ExportOptions) -> Result<Vec<Misfit>> {
    let o = &with_project_clitics(conn, o)?;
    let mut out = Vec::new();
    select::for_each_doc(conn, o, true, |doc| {
        out.extend(align::misfits(&doc, o)?);
        Ok(())
    })?;
    Ok(out)
}

/// Stream the selected articles into one output, or into the output `assign` picks for each.
fn stream(
    conn: &Connection,
    o: &ExportOptions,
    outs: Vec<&mut dyn Write>,
    assign: Option<&HashMap<i64, usize>>,
) -> Result<Vec<Tally>> {
    let mut sinks: Vec<Sink> = outs.into_iter().map(Sink::new).collect();
    let hf_ids = (o.format == Format::Hf && o.hf_tags == HfTags::Ids)
        .then(|| select::label_set(conn, o).map(|l| hf::tag_ids(&report::iob_tags(&l))))
        .transpose()?;
    if o.format == Format::Labelstudio {
        sinks.iter_mut().try_for_each(labelstudio::begin)?;
    }
    select::for_each_doc(conn, o, true, |doc| {
        o.control.step()?;
        let k = match assign {
            None => 0,
            Some(m) => match m.get(&doc.article.id) {
                Some(&k) => k,
                None => return Ok(()),
            },
        };
        let sink = &mut sinks[k];
        sink.tally.articles += 1;
        sink.tally.dropped_by_label += doc.dropped_by_label;
        if matches!(o.format, Format::Prodigy | Format::Hf | Format::Conll) {
            sink.tally.relations_left_out += doc.relations.len() as u64;
        }
        match o.format {
            Format::Jsonl => jsonl::write(doc, o, sink),
            Format::Spans => spans::write(&doc, o, sink),
            Format::Doccano => doccano::write(&doc, o, sink),
            Format::Labelstudio => labelstudio::write(&doc, o, sink),
            Format::Prodigy => prodigy::write(&doc, o, sink),
            Format::Hf => hf::write(&doc, o, hf_ids.as_ref(), sink),
            Format::Conll => conll::write(&doc, o, sink),
        }
    })?;
    if o.format == Format::Labelstudio {
        sinks.iter_mut().try_for_each(labelstudio::end)?;
    }
    for s in &mut sinks {
        s.out.flush().map_err(|e| Error::io("cannot write the export", e))?;
    }
    Ok(sinks.into_iter().map(|s| s.tally).collect())
}

/// A file being written, with the size and SHA-256 of what went into it.
struct Hashed {
    file: std::fs::File,
    sha: Sha256,
    bytes: u64,
}

impl Write for Hashed {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.file.write(buf)?;
        self.sha.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

/// Files being written under temporary names, renamed into place together by [`Pending::commit`].
#[derive(Default)]
struct Pending {
    /// (temporary, final)
    files: Vec<(PathBuf, PathBuf)>,
    committed: bool,
}

impl Pending {
    fn create(&mut self, path: &Path) -> Result<std::io::BufWriter<Hashed>> {
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_else(|| "export".into());
        let tmp = dir.join(format!(".{name}.partial-{}", std::process::id()));
        crate::leftovers::remove_stale(dir, &format!(".{name}.partial-"));
        let f = std::fs::File::create(&tmp)
            .map_err(|e| Error::io(format!("cannot create {}", tmp.display()), e))?;
        self.files.push((tmp, path.to_path_buf()));
        Ok(std::io::BufWriter::with_capacity(
            1 << 16,
            Hashed { file: f, sha: Sha256::new(), bytes: 0 },
        ))
    }

    /// Flush and sync a file; its size and SHA-256 go into the manifest.
    fn finish(&mut self, w: std::io::BufWriter<Hashed>) -> Result<(u64, String)> {
        let h = w.into_inner().map_err(|e| Error::io("cannot write the export", e.into_error()))?;
        h.file.sync_all().map_err(|e| Error::io("cannot write the export", e))?;
        Ok((h.bytes, format!("{:x}", h.sha.finalize())))
    }

    fn commit(&mut self) -> Result<()> {
        for (tmp, path) in &self.files {
            std::fs::rename(tmp, path).map_err(|e| {
                Error::io(format!("cannot move the export to {}", path.display()), e)
            })?;
        }
        // The renames reach the disk too (a power cut after this keeps the new names). Best effort: a
        // directory cannot be opened for syncing everywhere, and the files themselves are already synced.
        let dirs: std::collections::BTreeSet<&Path> = self
            .files
            .iter()
            .filter_map(|(_, p)| p.parent())
            .map(|d| if d.as_os_str().is_empty() { Path::new(".") } else { d })
            .collect();
        for d in dirs {
            if let Ok(f) = std::fs::File::open(d) {
                let _ = f.sync_all();
            }
        }
        self.committed = true;
        Ok(())
    }

    /// Remove whatever temporary files are left (all of them unless committed).
    fn abandon(&mut self) {
        for (tmp, _) in &self.files {
            let _ = std::fs::remove_file(tmp);
        }
    }
}
