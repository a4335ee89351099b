-- 0010: an article's title can be edited (its text never changes). Who changed it last and when (UTC);
-- NULL while the title is the imported one.
-- Released migrations are never edited; add a new numbered file instead.

ALTER TABLE articles ADD COLUMN title_edited_by INTEGER REFERENCES annotators(id);
ALTER TABLE articles ADD COLUMN title_edited_at TEXT;
