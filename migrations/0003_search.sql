-- 0003: full-text search. A contentless FTS5 index of Arabic-normalised title and text (normalised
-- in Rust, src/search.rs), plus a column of clitic-stripped word forms (بالرياض → الرياض, رياض).
-- New articles are queued by a trigger and indexed in batches by search::catch_up.

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, stems,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE search_queue (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
);

CREATE TRIGGER articles_queue_for_search AFTER INSERT ON articles BEGIN
    INSERT OR IGNORE INTO search_queue (article_id) VALUES (new.id);
END;

-- Articles stored before this version are indexed on first use.
INSERT INTO search_queue (article_id) SELECT id FROM articles;

-- The UNIQUE (article_id, annotator_id, start, end, label_id) index of spans already serves
-- look-ups by article; this one only slowed every insert down.
DROP INDEX IF EXISTS spans_by_article;
