-- 0001: initial schema. One SQLite file is one project.
-- Released migrations are never edited; add 0002_*.sql instead.

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    ext_id        TEXT    NOT NULL,                 -- the "id" in native JSONL
    title         TEXT    NOT NULL,
    text          TEXT    NOT NULL,                 -- exactly as imported, never changed
    char_len      INTEGER NOT NULL CHECK (char_len >= 0), -- length in code points
    source        TEXT    NOT NULL DEFAULT '',
    url           TEXT    NOT NULL DEFAULT '',
    published_at  TEXT    NOT NULL DEFAULT '',
    meta          TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(meta)),
    content_hash  TEXT    NOT NULL UNIQUE,          -- sha256 of text, hex
    imported_at   TEXT    NOT NULL
);
CREATE INDEX articles_ext_id ON articles(ext_id);

CREATE TABLE labels (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL CHECK (kind IN ('span', 'tag')),
    name        TEXT    NOT NULL CHECK (length(name) > 0),
    color       TEXT    NOT NULL,
    hotkey      TEXT    NOT NULL DEFAULT '',
    description TEXT    NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (kind, name)
);

CREATE TABLE annotators (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE CHECK (length(name) > 0),
    created_at  TEXT    NOT NULL
);

CREATE TABLE spans (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    label_id      INTEGER NOT NULL REFERENCES labels(id),
    annotator_id  INTEGER NOT NULL REFERENCES annotators(id),
    start         INTEGER NOT NULL CHECK (start >= 0),
    end           INTEGER NOT NULL CHECK (end > start),
    note          TEXT    NOT NULL DEFAULT '',
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    UNIQUE (article_id, annotator_id, start, end, label_id)
);
CREATE INDEX spans_by_article ON spans(article_id, annotator_id);
CREATE INDEX spans_by_label ON spans(label_id);

CREATE TABLE article_tags (
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    label_id      INTEGER NOT NULL REFERENCES labels(id),
    annotator_id  INTEGER NOT NULL REFERENCES annotators(id),
    created_at    TEXT    NOT NULL,
    PRIMARY KEY (article_id, label_id, annotator_id)
);

CREATE TABLE article_status (
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    annotator_id  INTEGER NOT NULL REFERENCES annotators(id),
    status        TEXT    NOT NULL CHECK (status IN ('todo', 'in_progress', 'done')),
    updated_at    TEXT    NOT NULL,
    PRIMARY KEY (article_id, annotator_id)
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
