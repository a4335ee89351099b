-- 0004: indexes that keep the article list fluid on large projects (100,000 articles, 2,000,000
-- spans): paging in id order over a narrow index instead of the article rows (which carry the text),
-- sorting by title, and per-analyst look-ups of spans and statuses.

CREATE INDEX articles_by_id ON articles(id);
CREATE INDEX articles_by_title ON articles(title COLLATE NOCASE, id);
CREATE INDEX spans_by_annotator ON spans(annotator_id, label_id);
CREATE INDEX status_by_annotator ON article_status(annotator_id, status);
