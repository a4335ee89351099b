-- 0007: suggestions. Where an analyst's span came from (their own hand, or an accepted
-- suggestion), the trained suggestion model with what it learnt from, the suggestions waiting
-- for an analyst (never spans until accepted), and the forms analysts rejected.

ALTER TABLE spans ADD COLUMN origin TEXT NOT NULL DEFAULT 'analyst'
    CHECK (origin IN ('analyst', 'suggestion'));

-- One model per project: the sequence labeller's weights, the matcher's forms, and a record of
-- the data it was trained on (counts, annotators, time) as JSON.
CREATE TABLE suggest_model (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    tagger   BLOB    NOT NULL,
    matcher  TEXT    NOT NULL CHECK (json_valid(matcher)),
    info     TEXT    NOT NULL CHECK (json_valid(info))
);

CREATE TABLE suggestions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL CHECK (start >= 0),
    end         INTEGER NOT NULL CHECK (end > start),
    label       TEXT    NOT NULL,
    form        TEXT    NOT NULL,                  -- the normalised text, for rejections
    score       REAL    NOT NULL,
    source      TEXT    NOT NULL CHECK (source IN ('matcher', 'model')),
    created_at  TEXT    NOT NULL,
    UNIQUE (article_id, start, end, label)
);
CREATE INDEX suggestions_by_form ON suggestions(form, label);

-- A rejected form and label is never suggested again and counts against the form in the matcher.
CREATE TABLE suggestion_rejections (
    form          TEXT    NOT NULL,
    label         TEXT    NOT NULL,
    annotator_id  INTEGER NOT NULL REFERENCES annotators(id),
    created_at    TEXT    NOT NULL,
    PRIMARY KEY (form, label, annotator_id)
);
