//! The entity registry as a file: `STEM.entities.jsonl` written beside a native export and read back
//! with it, and gazetteers (JSONL of the same shape, or CSV with a header) imported into the registry.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::entities::{self, Entity, NewEntity};
use crate::error::{Error, Result};
use crate::search::normalize;

/// One line of `STEM.entities.jsonl` (and of a JSONL gazetteer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "type", alias = "label")]
    pub label: String,
    pub name: String,
    #[serde(default)]
    pub latin: String,
    #[serde(default)]
    pub external_id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl From<Entity> for EntityRecord {
    fn from(e: Entity) -> Self {
        EntityRecord {
            id: Some(e.id),
            label: e.label,
            name: e.name,
            latin: e.latin,
            external_id: e.external_id,
            description: e.description,
            aliases: e.aliases,
        }
    }
}

/// The registry file beside a native export: `out/x.jsonl` → `out/x.entities.jsonl`.
pub fn registry_path(export: &Path) -> PathBuf {
    let stem = export.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    export.with_file_name(format!("{stem}.entities.jsonl"))
}

/// Is there anything to write (an entity not merged away)?
pub fn has_entities(conn: &Connection) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM entities WHERE merged_into IS NULL LIMIT 1", [], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Write every entity (merged ones left out), one JSON object a line, in id order.
pub fn write_registry(conn: &Connection, out: &mut dyn Write) -> Result<usize> {
    let keys: Vec<String> = conn
        .prepare("SELECT key FROM entities WHERE merged_into IS NULL ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for k in &keys {
        let rec = EntityRecord::from(entities::get(conn, k)?);
        serde_json::to_writer(&mut *out, &rec)?;
        out.write_all(b"\n").map_err(|e| Error::io("cannot write the entity registry", e))?;
    }
    Ok(keys.len())
}

/// What reading a registry or gazetteer did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RegistryReport {
    /// Entities created.
    pub created: Vec<String>,
    /// Entities already there (same id, or same type and name) that took new aliases or fields.
    pub updated: Vec<String>,
    /// Lines that wrote nothing: (line, reason).
    pub rejected: Vec<(usize, String)>,
}

/// Store one record: the entity with its id, else the one of that type and name, gets the aliases (and
/// fields it lacks); otherwise a new entity is made.
pub fn store_record(tx: &Transaction, r: &EntityRecord, by: &str) -> Result<(String, bool)> {
    let existing = match r.id.as_deref().filter(|k| !k.trim().is_empty()) {
        Some(k) => entities::row_id(tx, k.trim()).ok(),
        None => tx
            .prepare_cached(
                "SELECT e.id FROM entities e JOIN labels l ON l.id = e.label_id JOIN entity_aliases a ON a.entity_id = e.id
                 WHERE l.kind = 'span' AND l.name = ?1 AND a.norm = ?2 AND e.merged_into IS NULL ORDER BY e.id LIMIT 1",
            )?
            .query_row(rusqlite::params![r.label, normalize(r.name.trim())], |x| x.get(0))
            .optional()?,
    };
    match existing {
        Some(id) => {
            for a in std::iter::once(&r.name).chain(&r.aliases) {
                entities::add_alias(tx, id, a)?;
            }
            tx.execute(
                "UPDATE entities SET latin = CASE WHEN latin = '' THEN ?2 ELSE latin END,
                        external_id = CASE WHEN external_id = '' THEN ?3 ELSE external_id END,
                        description = CASE WHEN description = '' THEN ?4 ELSE description END WHERE id = ?1",
                rusqlite::params![id, r.latin.trim(), r.external_id.trim(), r.description],
            )?;
            let key: String =
                tx.query_row("SELECT key FROM entities WHERE id = ?1", [id], |x| x.get(0))?;
            Ok((key, false))
        }
        None => {
            let key = entities::create(
                tx,
                &NewEntity {
                    id: r.id.as_deref(),
                    label: &r.label,
                    name: &r.name,
                    latin: &r.latin,
                    description: &r.description,
                    external_id: &r.external_id,
                    aliases: &r.aliases,
                    created_by: by,
                },
            )?;
            Ok((key, true))
        }
    }
}

/// Store each record in its own savepoint: a bad one writes nothing and is reported with its line.
fn store_all(
    tx: &Transaction,
    records: Vec<(usize, std::result::Result<EntityRecord, String>)>,
    by: &str,
    report: &mut RegistryReport,
) -> Result<()> {
    for (line, rec) in records {
        let rec = match rec {
            Ok(r) => r,
            Err(why) => {
                report.rejected.push((line, why));
                continue;
            }
        };
        tx.execute_batch("SAVEPOINT entity_line")?;
        match store_record(tx, &rec, by) {
            Ok((key, true)) => report.created.push(key),
            Ok((key, false)) => report.updated.push(key),
            Err(e) => {
                tx.execute_batch("ROLLBACK TO entity_line")?;
                report.rejected.push((line, e.to_string()));
            }
        }
        tx.execute_batch("RELEASE entity_line")?;
    }
    Ok(())
}

/// The records of a JSONL file (a registry or gazetteer), each with its line number.
fn read_jsonl(file: &Path) -> Result<Vec<(usize, std::result::Result<EntityRecord, String>)>> {
    let f = std::fs::File::open(file)
        .map_err(|e| Error::Invalid(format!("cannot read {}: {e}", file.display())))?;
    let mut out = Vec::new();
    for (i, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line =
            line.map_err(|e| Error::Invalid(format!("{}:{}: {e}", file.display(), i + 1)))?;
        let line = line.trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        out.push((i + 1, serde_json::from_str::<EntityRecord>(line).map_err(|e| e.to_string())));
    }
    Ok(out)
}

/// The records of a CSV gazetteer: a header with `name` and `type` (or `label`), optional `aliases`
/// (separated by `|` or `;`), `latin`, `description`, `external_id` (or `wikidata`), `id`.
fn read_csv(file: &Path) -> Result<Vec<(usize, std::result::Result<EntityRecord, String>)>> {
    let bytes = std::fs::read(file)
        .map_err(|e| Error::Invalid(format!("cannot read {}: {e}", file.display())))?;
    let text = String::from_utf8_lossy(&bytes).trim_start_matches('\u{feff}').to_string();
    let delim =
        if file.extension().is_some_and(|e| e.eq_ignore_ascii_case("tsv")) { b'\t' } else { b',' };
    let mut rd =
        csv::ReaderBuilder::new().delimiter(delim).flexible(true).from_reader(text.as_bytes());
    let header: Vec<String> = rd
        .headers()
        .map_err(|e| Error::Invalid(format!("{}:1: {e}", file.display())))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let col = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let (Some(name), Some(label)) = (col(&["name", "الاسم"]), col(&["type", "label", "النوع"]))
    else {
        return Err(Error::Invalid(format!(
            "{}:1: a gazetteer needs a name and a type column (header: {})",
            file.display(),
            header.join(", ")
        )));
    };
    let (aliases, latin, desc, ext, id) = (
        col(&["aliases", "alias"]),
        col(&["latin"]),
        col(&["description"]),
        col(&["external_id", "wikidata", "qid"]),
        col(&["id"]),
    );
    let mut out = Vec::new();
    for (i, row) in rd.records().enumerate() {
        let line = i + 2;
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                out.push((line, Err(e.to_string())));
                continue;
            }
        };
        let get = |c: Option<usize>| c.and_then(|c| row.get(c)).unwrap_or("").trim().to_string();
        let rec = EntityRecord {
            id: Some(get(id)).filter(|s| !s.is_empty()),
            label: get(Some(label)),
            name: get(Some(name)),
            latin: get(latin),
            external_id: get(ext),
            description: get(desc),
            aliases: get(aliases)
                .split(['|', ';'])
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect(),
        };
        out.push((
            line,
            if rec.name.is_empty() { Err("the name is empty".into()) } else { Ok(rec) },
        ));
    }
    Ok(out)
}

/// Import a registry or gazetteer file (`.jsonl`/`.json` lines, or `.csv`/`.tsv`) in one transaction.
pub fn import_file(conn: &mut Connection, file: &Path, by: &str) -> Result<RegistryReport> {
    let csv = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("tsv"));
    let records = if csv { read_csv(file)? } else { read_jsonl(file)? };
    let mut report = RegistryReport::default();
    crate::db::with_tx(conn, |tx| store_all(tx, records, by, &mut report))?;
    Ok(report)
}
