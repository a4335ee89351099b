-- 0006: an entity registry across articles. One entity (a person, an organisation…) has a type (a span
-- label), a preferred name, an optional Latin name, a description, an optional external id typed by the
-- analyst (e.g. a Wikidata QID; nothing is fetched) and aliases. An analyst's span links to at most
-- one entity. A merge keeps what it moved, so it can be undone.

CREATE TABLE entities (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    key          TEXT    NOT NULL UNIQUE CHECK (length(key) > 0), -- the "id" in exports
    label_id     INTEGER NOT NULL REFERENCES labels(id),
    name         TEXT    NOT NULL CHECK (length(name) > 0),
    latin        TEXT    NOT NULL DEFAULT '',
    description  TEXT    NOT NULL DEFAULT '',
    external_id  TEXT    NOT NULL DEFAULT '',
    created_by   INTEGER REFERENCES annotators(id),
    created_at   TEXT    NOT NULL,
    merged_into  INTEGER REFERENCES entities(id)       -- set while merged into another (undo restores)
);
CREATE INDEX entities_by_label ON entities(label_id);

CREATE TABLE entity_aliases (
    entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias      TEXT    NOT NULL CHECK (length(alias) > 0),
    norm       TEXT    NOT NULL,                       -- search's normalisation of the alias
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_aliases_by_norm ON entity_aliases(norm);

CREATE TABLE span_entities (
    span_id    INTEGER PRIMARY KEY REFERENCES spans(id) ON DELETE CASCADE,
    entity_id  INTEGER NOT NULL REFERENCES entities(id),
    linked_at  TEXT    NOT NULL
);
CREATE INDEX span_entities_by_entity ON span_entities(entity_id);

-- What a merge moved from one entity into another: the aliases and the span links (JSON arrays).
CREATE TABLE entity_merges (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    into_id     INTEGER NOT NULL REFERENCES entities(id),
    from_id     INTEGER NOT NULL REFERENCES entities(id),
    aliases     TEXT    NOT NULL CHECK (json_valid(aliases)),
    spans       TEXT    NOT NULL CHECK (json_valid(spans)),
    merged_by   INTEGER REFERENCES annotators(id),
    merged_at   TEXT    NOT NULL
);
