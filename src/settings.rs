//! Project settings kept in the project file: the annotation guidelines (Markdown), how a
//! selection treats clitic prefixes by default, and blind annotation.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Settings {
    /// Annotation guidelines in Markdown, shown to every analyst.
    pub guidelines: String,
    /// Whether selecting والرباط labels الرباط ("exclude", the default) or والرباط ("include");
    /// token exports split words the same way (`crate::clitics`).
    pub clitics: String,
    /// Blind annotation: while annotating, an analyst sees only their own spans and tags on an article
    /// until they mark it done (reviewers see everything).
    pub blind: bool,
}

fn get_key(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}

pub fn get(conn: &Connection) -> Result<Settings> {
    Ok(Settings {
        guidelines: get_key(conn, "guidelines")?.unwrap_or_default(),
        clitics: get_key(conn, "clitics")?.unwrap_or_else(|| "exclude".into()),
        blind: get_key(conn, "blind")?.as_deref() == Some("on"),
    })
}

/// Change the given settings (the others stay).
pub fn set(
    tx: &Transaction,
    guidelines: Option<&str>,
    clitics: Option<&str>,
    blind: Option<bool>,
) -> Result<Settings> {
    if let Some(c) = clitics {
        crate::clitics::CliticMode::parse(c)?;
    }
    let blind = blind.map(|b| if b { "on" } else { "off" });
    for (key, value) in [("guidelines", guidelines), ("clitics", clitics), ("blind", blind)] {
        if let Some(v) = value {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, v],
            )?;
        }
    }
    get(tx)
}
