-- 0008: relations between spans, relation types, span attributes and an optional label parent.
-- Released migrations are never edited; add a new numbered file instead.

-- A label may sit under another of its kind (`ORG.GOV` under `ORG`); '' for a top-level label.
ALTER TABLE labels ADD COLUMN parent TEXT NOT NULL DEFAULT '';

-- A span's attribute values, {"name": true | "value"}, checked against its label's attributes.
ALTER TABLE spans ADD COLUMN attrs TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attrs));

-- Relation types of the schema. from_labels/to_labels: JSON arrays of span label names allowed at
-- each end ([] allows any). A symmetric type (directed = 0) allows its ends either way round.
CREATE TABLE relation_types (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    name         TEXT    NOT NULL UNIQUE CHECK (length(name) > 0),
    color        TEXT    NOT NULL,
    hotkey       TEXT    NOT NULL DEFAULT '',
    description  TEXT    NOT NULL DEFAULT '',
    directed     INTEGER NOT NULL DEFAULT 1 CHECK (directed IN (0, 1)),
    from_labels  TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(from_labels)),
    to_labels    TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(to_labels)),
    position     INTEGER NOT NULL DEFAULT 0
);

-- Typed fields of the spans of one label: yes/no, one of a list, or free text.
CREATE TABLE span_attributes (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    label_id       INTEGER NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
    name           TEXT    NOT NULL CHECK (length(name) > 0),
    kind           TEXT    NOT NULL CHECK (kind IN ('bool', 'choice', 'text')),
    choices        TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(choices)),
    default_value  TEXT    NOT NULL DEFAULT '',
    keys           TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(keys)),
    position       INTEGER NOT NULL DEFAULT 0,
    UNIQUE (label_id, name)
);

-- One analyst's relation between two of their own spans of one article.
CREATE TABLE relations (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    type_id       INTEGER NOT NULL REFERENCES relation_types(id),
    annotator_id  INTEGER NOT NULL REFERENCES annotators(id),
    from_span     INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    to_span       INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    note          TEXT    NOT NULL DEFAULT '',
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    CHECK (from_span <> to_span),
    UNIQUE (from_span, to_span, type_id)
);
CREATE INDEX relations_by_article ON relations(article_id, annotator_id);
CREATE INDEX relations_by_target ON relations(to_span);
CREATE INDEX relations_by_type ON relations(type_id);
