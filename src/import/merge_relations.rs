//! The final copy of an import, continued: the relation types and span attributes a staged file
//! added, and its relations, their spans found again in the project by place, label and annotator.

use rusqlite::Transaction;

use crate::error::Result;

/// Copy the staged relation types, attributes and relations (after the spans: `merge::copy`).
pub(super) fn copy(tx: &Transaction) -> Result<()> {
    tx.execute_batch(
        "INSERT INTO main.relation_types (name, color, hotkey, description, directed, from_labels, to_labels, position)
             SELECT name, color, hotkey, description, directed, from_labels, to_labels,
                    (SELECT coalesce(max(position), 0) FROM main.relation_types) + row_number() OVER (ORDER BY id)
             FROM stage.relation_types t WHERE NOT EXISTS (SELECT 1 FROM main.relation_types m WHERE m.name = t.name)
             ORDER BY id;
         INSERT INTO main.span_attributes (label_id, name, kind, choices, default_value, keys, position)
             SELECT l.project_id, a.name, a.kind, a.choices, a.default_value, a.keys, a.position
             FROM stage.span_attributes a CROSS JOIN temp.import_labels l ON l.stage_id = a.label_id
             WHERE NOT EXISTS (SELECT 1 FROM main.span_attributes m WHERE m.label_id = l.project_id AND m.name = a.name)
             ORDER BY a.id;
         DROP TABLE IF EXISTS temp.import_spans;
         CREATE TEMP TABLE import_spans (stage_id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL);
         INSERT INTO temp.import_spans
             SELECT s.id, m.id FROM stage.spans s
             CROSS JOIN temp.import_articles a ON a.stage_id = s.article_id
             CROSS JOIN temp.import_labels l ON l.stage_id = s.label_id
             CROSS JOIN temp.import_annotators n ON n.stage_id = s.annotator_id
             CROSS JOIN main.spans m ON m.article_id = a.project_id AND m.annotator_id = n.project_id
                  AND m.start = s.start AND m.end = s.end AND m.label_id = l.project_id
             WHERE s.id IN (SELECT from_span FROM stage.relations UNION SELECT to_span FROM stage.relations);
         INSERT OR IGNORE INTO main.relations (article_id, type_id, annotator_id, from_span, to_span, note, created_at, updated_at)
             SELECT a.project_id, mt.id, n.project_id, f.project_id, t.project_id, r.note, r.created_at, r.updated_at
             FROM stage.relations r
             CROSS JOIN temp.import_articles a ON a.stage_id = r.article_id
             CROSS JOIN temp.import_annotators n ON n.stage_id = r.annotator_id
             CROSS JOIN stage.relation_types st ON st.id = r.type_id
             CROSS JOIN main.relation_types mt ON mt.name = st.name
             CROSS JOIN temp.import_spans f ON f.stage_id = r.from_span
             CROSS JOIN temp.import_spans t ON t.stage_id = r.to_span
             WHERE NOT EXISTS (SELECT 1 FROM main.relations x WHERE x.type_id = mt.id AND mt.directed = 0
                               AND x.from_span = t.project_id AND x.to_span = f.project_id)
             ORDER BY r.id;
         DROP TABLE temp.import_spans;",
    )?;
    Ok(())
}
