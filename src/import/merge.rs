//! The final copy of an import: one file's staging database into the project in one short IMMEDIATE
//! transaction (INSERT … SELECT with ids remapped), duplicates checked again under the write lock,
//! and the file's report brought to the project's ids and to what was really added.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rusqlite::{Connection, Transaction};

use super::{extend_listed, ImportReport, ImportedArticle};
use crate::error::Result;
use crate::store::Store;

/// Staged rows that are not copies of the project's.
const NEW_SPANS: &str = "SELECT count(*) FROM stage.spans s WHERE NOT EXISTS (SELECT 1 FROM stage.copied_spans c WHERE c.id = s.id)";
const NEW_TAGS: &str = "SELECT count(*) FROM stage.article_tags t WHERE NOT EXISTS
    (SELECT 1 FROM stage.copied_tags c WHERE c.article_id = t.article_id AND c.label_id = t.label_id AND c.annotator_id = t.annotator_id)";

/// What the copy added.
struct Merged {
    labels_added: Vec<String>,
    spans: i64,
    tags: i64,
}

/// Copy the staging database at `stage` into the project: all of it, or (on `Err`) nothing.
pub(super) fn merge(store: &mut Store, stage: &Path, report: &mut ImportReport) -> Result<()> {
    let conn = store.conn_mut();
    conn.execute("ATTACH DATABASE ?1 AS stage", [stage.to_string_lossy()])?;
    let outcome = attached(conn, report);
    let _ = conn.execute_batch(
        "DROP TABLE IF EXISTS temp.import_articles; DROP TABLE IF EXISTS temp.import_labels; DROP TABLE IF EXISTS temp.import_annotators;",
    );
    let detached = conn.execute("DETACH DATABASE stage", []);
    outcome?;
    detached?;
    Ok(())
}

fn attached(conn: &mut Connection, report: &mut ImportReport) -> Result<()> {
    let staged_spans: i64 = conn.query_row(NEW_SPANS, [], |r| r.get(0))?;
    let staged_tags: i64 = conn.query_row(NEW_TAGS, [], |r| r.get(0))?;
    conn.execute_batch(
        "DROP TABLE IF EXISTS temp.import_articles; DROP TABLE IF EXISTS temp.import_labels; DROP TABLE IF EXISTS temp.import_annotators;
         CREATE TEMP TABLE import_articles (stage_id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL, existed INTEGER NOT NULL);
         CREATE TEMP TABLE import_labels (stage_id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL);
         CREATE TEMP TABLE import_annotators (stage_id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL);",
    )?;
    let merged = crate::db::with_tx(conn, copy)?;
    // After the commit: the report's ids become the project's; articles another program stored
    // meanwhile count as duplicates; the counts become what was really added.
    let ids = article_ids(conn, report)?;
    let raced = raced(conn)?;
    remap(report, &ids, &raced);
    report.spans_added += merged.spans - staged_spans;
    report.tags_added += merged.tags - staged_tags;
    report.labels_added.retain(|l| merged.labels_added.contains(l));
    Ok(())
}

/// The copy itself, under the project's write lock.
fn copy(tx: &Transaction) -> Result<Merged> {
    tx.execute_batch(
        "INSERT OR IGNORE INTO main.annotators (name, created_at) SELECT name, created_at FROM stage.annotators ORDER BY id;
         INSERT INTO temp.import_annotators SELECT s.id, m.id FROM stage.annotators s CROSS JOIN main.annotators m ON m.name = s.name;",
    )?;
    let labels_added = add_labels(tx)?;
    tx.execute_batch(
        "INSERT INTO temp.import_labels SELECT s.id, m.id FROM stage.labels s CROSS JOIN main.labels m ON m.kind = s.kind AND m.name = s.name;
         INSERT INTO temp.import_articles SELECT s.id, m.id, 1 FROM stage.articles s CROSS JOIN main.articles m ON m.content_hash = s.content_hash;
         INSERT INTO main.articles (ext_id, title, text, char_len, source, url, published_at, meta, content_hash, imported_at)
             SELECT ext_id, title, text, char_len, source, url, published_at, meta, content_hash, imported_at FROM stage.articles s
             WHERE NOT EXISTS (SELECT 1 FROM temp.import_articles a WHERE a.stage_id = s.id) ORDER BY s.id;
         INSERT INTO temp.import_articles SELECT s.id, m.id, 0 FROM stage.articles s CROSS JOIN main.articles m ON m.content_hash = s.content_hash
             WHERE NOT EXISTS (SELECT 1 FROM temp.import_articles a WHERE a.stage_id = s.id);",
    )?;
    let spans = tx.execute(
        "INSERT OR IGNORE INTO main.spans (article_id, label_id, annotator_id, start, end, note, created_at, updated_at, origin, attrs)
         SELECT a.project_id, l.project_id, n.project_id, s.start, s.end, s.note, s.created_at, s.updated_at, s.origin, s.attrs
         FROM stage.spans s CROSS JOIN temp.import_articles a ON a.stage_id = s.article_id
              CROSS JOIN temp.import_labels l ON l.stage_id = s.label_id CROSS JOIN temp.import_annotators n ON n.stage_id = s.annotator_id
         WHERE NOT EXISTS (SELECT 1 FROM stage.copied_spans c WHERE c.id = s.id) ORDER BY s.id",
        [],
    )?;
    // Entities by id (one the project has wins), their aliases, and the staged spans' links.
    tx.execute_batch(
        "INSERT OR IGNORE INTO main.entities (key, label_id, name, latin, description, external_id, created_by, created_at)
         SELECT e.key, l.project_id, e.name, e.latin, e.description, e.external_id, n.project_id, e.created_at
         FROM stage.entities e CROSS JOIN temp.import_labels l ON l.stage_id = e.label_id
              LEFT JOIN temp.import_annotators n ON n.stage_id = e.created_by ORDER BY e.id;
         INSERT OR IGNORE INTO main.entity_aliases (entity_id, alias, norm)
         SELECT m.id, a.alias, a.norm FROM stage.entity_aliases a JOIN stage.entities e ON e.id = a.entity_id
              JOIN main.entities m ON m.key = e.key
         WHERE NOT EXISTS (SELECT 1 FROM main.entity_aliases x WHERE x.entity_id = m.id AND x.norm = a.norm);
         INSERT OR IGNORE INTO main.span_entities (span_id, entity_id, linked_at)
         SELECT ms.id, me.id, se.linked_at
         FROM stage.span_entities se JOIN stage.spans s ON s.id = se.span_id
              CROSS JOIN temp.import_articles a ON a.stage_id = s.article_id
              CROSS JOIN temp.import_labels l ON l.stage_id = s.label_id
              CROSS JOIN temp.import_annotators n ON n.stage_id = s.annotator_id
              JOIN main.spans ms ON ms.article_id = a.project_id AND ms.annotator_id = n.project_id
                   AND ms.start = s.start AND ms.end = s.end AND ms.label_id = l.project_id
              JOIN stage.entities e ON e.id = se.entity_id JOIN main.entities me ON me.key = e.key;",
    )?;
    let tags = tx.execute(
        "INSERT OR IGNORE INTO main.article_tags (article_id, label_id, annotator_id, created_at)
         SELECT a.project_id, l.project_id, n.project_id, t.created_at
         FROM stage.article_tags t CROSS JOIN temp.import_articles a ON a.stage_id = t.article_id
              CROSS JOIN temp.import_labels l ON l.stage_id = t.label_id CROSS JOIN temp.import_annotators n ON n.stage_id = t.annotator_id
         WHERE NOT EXISTS (SELECT 1 FROM stage.copied_tags c
                           WHERE c.article_id = t.article_id AND c.label_id = t.label_id AND c.annotator_id = t.annotator_id)",
        [],
    )?;
    super::merge_relations::copy(tx)?;
    // A status keeps the later of the project's and the file's (importing an older file never rolls work back).
    tx.execute(
        "INSERT INTO main.article_status (article_id, annotator_id, status, updated_at)
         SELECT a.project_id, n.project_id, s.status, s.updated_at
         FROM stage.article_status s CROSS JOIN temp.import_articles a ON a.stage_id = s.article_id
              CROSS JOIN temp.import_annotators n ON n.stage_id = s.annotator_id
         WHERE true
         ON CONFLICT (article_id, annotator_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at
         WHERE excluded.updated_at >= article_status.updated_at",
        [],
    )?;
    Ok(Merged { labels_added, spans: spans as i64, tags: tags as i64 })
}

/// Add the labels the staged spans and tags use that the project lacks (by kind and name), each at
/// the end of its kind. Returns their names.
fn add_labels(tx: &Transaction) -> Result<Vec<String>> {
    let mut st = tx.prepare(
        "SELECT kind, name, color, hotkey, description FROM stage.labels l
         WHERE NOT EXISTS (SELECT 1 FROM main.labels m WHERE m.kind = l.kind AND m.name = l.name)
           AND (EXISTS (SELECT 1 FROM stage.spans s WHERE s.label_id = l.id AND NOT EXISTS (SELECT 1 FROM stage.copied_spans c WHERE c.id = s.id))
             OR EXISTS (SELECT 1 FROM stage.article_tags t WHERE t.label_id = l.id AND NOT EXISTS (SELECT 1 FROM stage.copied_tags c
                          WHERE c.article_id = t.article_id AND c.label_id = t.label_id AND c.annotator_id = t.annotator_id)))
         ORDER BY l.id",
    )?;
    let missing: Vec<[String; 5]> = st
        .query_map([], |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?]))?
        .collect::<rusqlite::Result<_>>()?;
    let mut added = Vec::with_capacity(missing.len());
    for [kind, name, color, hotkey, description] in missing {
        tx.execute(
            "INSERT INTO main.labels (kind, name, color, hotkey, description, position)
             VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(position), 0) + 1 FROM main.labels WHERE kind = ?1))",
            [&kind, &name, &color, &hotkey, &description],
        )?;
        added.push(name);
    }
    Ok(added)
}

/// The project id of every staged article the report lists.
fn article_ids(conn: &Connection, report: &ImportReport) -> Result<HashMap<i64, i64>> {
    let mut st = conn.prepare("SELECT project_id FROM temp.import_articles WHERE stage_id = ?1")?;
    let mut ids = HashMap::new();
    for item in report.imported.iter().chain(&report.duplicates) {
        if let std::collections::hash_map::Entry::Vacant(e) = ids.entry(item.article_id) {
            e.insert(st.query_row([item.article_id], |r| r.get::<_, i64>(0))?);
        }
    }
    Ok(ids)
}

/// Staged articles that were new when read but that another program stored before the copy.
fn raced(conn: &Connection) -> Result<HashSet<i64>> {
    let mut st = conn.prepare(
        "SELECT stage_id FROM temp.import_articles a WHERE existed = 1 AND NOT EXISTS (SELECT 1 FROM stage.stage_dups d WHERE d.stage_id = a.stage_id)",
    )?;
    let rows = st.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<HashSet<i64>>>()?)
}

/// Put the project's ids in the report and count raced articles as duplicates.
fn remap(report: &mut ImportReport, ids: &HashMap<i64, i64>, raced: &HashSet<i64>) {
    let (mut now_duplicate, imported): (Vec<ImportedArticle>, Vec<ImportedArticle>) =
        std::mem::take(&mut report.imported)
            .into_iter()
            .partition(|i| raced.contains(&i.article_id));
    report.imported = imported;
    if !raced.is_empty() {
        let unlisted = (raced.len() as i64 - now_duplicate.len() as i64).max(0);
        report.imported_not_listed -= unlisted;
        report.duplicates_not_listed += unlisted;
        let mut duplicates = std::mem::take(&mut report.duplicates);
        duplicates.append(&mut now_duplicate);
        duplicates.sort_by_key(|i| i.line);
        extend_listed(&mut report.duplicates, duplicates, &mut report.duplicates_not_listed);
    }
    for item in report.imported.iter_mut().chain(report.duplicates.iter_mut()) {
        if let Some(&id) = ids.get(&item.article_id) {
            item.article_id = id;
        }
    }
}
