-- 0002: review. The adjudicated gold layer, review decisions and reviewer comments.
-- Also: span ids are never reused (AUTOINCREMENT), so undo, history and review can refer to them.

CREATE TABLE spans_v2 (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO spans_v2 (id, article_id, label_id, annotator_id, start, end, note, created_at, updated_at)
    SELECT id, article_id, label_id, annotator_id, start, end, note, created_at, updated_at FROM spans;
DROP TABLE spans;
ALTER TABLE spans_v2 RENAME TO spans;
CREATE INDEX spans_by_article ON spans(article_id, annotator_id);
CREATE INDEX spans_by_label ON spans(label_id);

-- The gold layer: one reviewer's decided spans. The analysts' spans stay untouched.
CREATE TABLE gold_spans (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    label_id        INTEGER NOT NULL REFERENCES labels(id),
    start           INTEGER NOT NULL CHECK (start >= 0),
    end             INTEGER NOT NULL CHECK (end > start),
    reviewer_id     INTEGER NOT NULL REFERENCES annotators(id),
    decision        TEXT    NOT NULL CHECK (decision IN ('accepted', 'edited', 'added')),
    source_span_id  INTEGER REFERENCES spans(id) ON DELETE SET NULL,
    created_at      TEXT    NOT NULL,
    UNIQUE (article_id, start, end, label_id)
);
CREATE INDEX gold_by_article ON gold_spans(article_id);

-- Every decision a reviewer takes, including rejections (which add nothing to the gold layer).
CREATE TABLE review_decisions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    reviewer_id     INTEGER NOT NULL REFERENCES annotators(id),
    decision        TEXT    NOT NULL CHECK (decision IN ('accepted', 'edited', 'added', 'rejected', 'removed')),
    source_span_id  INTEGER REFERENCES spans(id) ON DELETE SET NULL,
    gold_span_id    INTEGER,
    start           INTEGER,
    end             INTEGER,
    label           TEXT,
    created_at      TEXT    NOT NULL
);
CREATE INDEX decisions_by_article ON review_decisions(article_id);

-- Articles whose adjudication a reviewer has finished.
CREATE TABLE gold_articles (
    article_id      INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    reviewer_id     INTEGER NOT NULL REFERENCES annotators(id),
    adjudicated_at  TEXT    NOT NULL
);

-- Reviewer comments on an article or on one span.
CREATE TABLE review_comments (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    span_id     INTEGER REFERENCES spans(id) ON DELETE SET NULL,
    author_id   INTEGER NOT NULL REFERENCES annotators(id),
    text        TEXT    NOT NULL CHECK (length(text) > 0),
    created_at  TEXT    NOT NULL
);
CREATE INDEX comments_by_article ON review_comments(article_id);

-- Article tags in the gold layer.
CREATE TABLE gold_tags (
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    label_id     INTEGER NOT NULL REFERENCES labels(id),
    reviewer_id  INTEGER NOT NULL REFERENCES annotators(id),
    created_at   TEXT    NOT NULL,
    PRIMARY KEY (article_id, label_id)
);
