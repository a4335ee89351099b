-- 0009: relations, span attributes and entity links in the gold layer. A reviewer adjudicates them
-- like spans; the decision log records every choice (with what it was about, in `detail`).
-- Released migrations are never edited; add a new numbered file instead.

-- A gold span's attribute values ({"name": true | "value"}) and the entity it is linked to.
ALTER TABLE gold_spans ADD COLUMN attrs TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attrs));
ALTER TABLE gold_spans ADD COLUMN entity_id INTEGER REFERENCES entities(id);

-- A relation of the gold layer, between two gold spans of one article.
CREATE TABLE gold_relations (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id          INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    type_id             INTEGER NOT NULL REFERENCES relation_types(id),
    from_gold           INTEGER NOT NULL REFERENCES gold_spans(id) ON DELETE CASCADE,
    to_gold             INTEGER NOT NULL REFERENCES gold_spans(id) ON DELETE CASCADE,
    reviewer_id         INTEGER NOT NULL REFERENCES annotators(id),
    decision            TEXT    NOT NULL CHECK (decision IN ('accepted', 'added')),
    source_relation_id  INTEGER REFERENCES relations(id) ON DELETE SET NULL,
    created_at          TEXT    NOT NULL,
    CHECK (from_gold <> to_gold),
    UNIQUE (from_gold, to_gold, type_id)
);
CREATE INDEX gold_relations_by_article ON gold_relations(article_id);
CREATE INDEX gold_relations_by_target ON gold_relations(to_gold);

-- The decision log takes decisions about relations, attributes and entity links too: its CHECK on
-- the decision names is widened (a table rebuild: SQLite cannot alter a CHECK) and `detail` says
-- what the decision was about beyond the span's place (the relation, the attribute value, the entity).
CREATE TABLE review_decisions_v2 (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    reviewer_id     INTEGER NOT NULL REFERENCES annotators(id),
    decision        TEXT    NOT NULL CHECK (decision IN ('accepted', 'edited', 'added', 'rejected', 'removed',
                        'relation_accepted', 'relation_rejected', 'relation_added', 'relation_removed',
                        'attribute_set', 'entity_set')),
    source_span_id  INTEGER REFERENCES spans(id) ON DELETE SET NULL,
    gold_span_id    INTEGER,
    start           INTEGER,
    end             INTEGER,
    label           TEXT,
    created_at      TEXT    NOT NULL,
    detail          TEXT    NOT NULL DEFAULT ''
);
INSERT INTO review_decisions_v2 (id, article_id, reviewer_id, decision, source_span_id, gold_span_id, start, end, label, created_at)
    SELECT id, article_id, reviewer_id, decision, source_span_id, gold_span_id, start, end, label, created_at FROM review_decisions;
DROP TABLE review_decisions;
ALTER TABLE review_decisions_v2 RENAME TO review_decisions;
CREATE INDEX decisions_by_article ON review_decisions(article_id);
