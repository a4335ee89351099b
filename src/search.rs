//! Full-text search: the SQLite FTS5 index of normalised text (`normalize.rs`) and clitic stems
//! (`clitics.rs`), kept in step with the articles through a queue, and the FTS5 queries for what an
//! analyst typed (the terms and their hits in a text are `hits.rs`).

use rusqlite::{params, Connection};

pub use crate::clitics::clitic_stems;
use crate::error::Result;
pub use crate::hits::{hits, snippet, terms, Snippet, Term};
pub use crate::normalize::{normalize, normalize_char, words};

fn stems_of(normalized: &str) -> String {
    let mut out = String::new();
    // Only words that start with a clitic letter (و ف ب ك ل) or the article can have a stem.
    for w in words(normalized)
        .filter(|w| matches!(w.chars().next(), Some('و' | 'ف' | 'ب' | 'ك' | 'ل' | 'ا')))
    {
        for s in clitic_stems(w) {
            out.push_str(&s);
            out.push(' ');
        }
    }
    out
}

/// Articles stored but not yet searchable.
pub fn pending(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM search_queue", [], |r| r.get(0))?)
}

/// Index queued articles, `batch` per transaction, calling `progress(done, total)` after each batch.
/// Returns how many were indexed. Safe to stop at any point: what is left stays queued.
pub fn catch_up(
    conn: &mut Connection,
    batch: usize,
    mut progress: impl FnMut(i64, i64),
) -> Result<i64> {
    let total = pending(conn)?;
    let mut done = 0;
    while done < total {
        let n = crate::db::with_tx(conn, |tx| {
            let mut pick = tx.prepare_cached("SELECT q.article_id, a.title, a.text FROM search_queue q JOIN articles a ON a.id = q.article_id LIMIT ?1")?;
            let rows: Vec<(i64, String, String)> = pick
                .query_map([batch as i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let mut put = tx.prepare_cached(
                "INSERT INTO articles_fts (rowid, title, body, stems) VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut unqueue =
                tx.prepare_cached("DELETE FROM search_queue WHERE article_id = ?1")?;
            for (id, title, text) in &rows {
                let (t, b) = (normalize(title), normalize(text));
                let stems = format!("{} {}", stems_of(&t), stems_of(&b));
                put.execute(params![id, t, b, stems])?;
                unqueue.execute([id])?;
            }
            Ok(rows.len() as i64)
        })?;
        if n == 0 {
            break;
        }
        done += n;
        progress(done, total);
    }
    Ok(done)
}

/// The FTS5 query for what an analyst typed: every word must occur as a whole word or a word with
/// clitic prefixes (the stems column holds those), or as the start of a word for `word*`;
/// normalised like the index. `None` when nothing searchable.
pub fn match_expression(query: &str) -> Option<String> {
    let terms: Vec<String> = terms(query)
        .into_iter()
        .map(|t| format!("\"{}\"{}", t.word, if t.prefix { "*" } else { "" }))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

/// The FTS5 query that picks candidate articles for "all occurrences": every word as the start of a
/// word (the occurrence matcher then decides on whole words and spelling variants).
pub fn candidate_expression(needle: &str) -> Option<String> {
    let terms: Vec<String> =
        terms(needle).into_iter().map(|t| format!("\"{}\"*", t.word)).collect();
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

/// Index what is queued on a connection of its own, in the background, so the app opens at once
/// on a large project (e.g. after an upgrade queued every article). Foreground searches still call
/// [`catch_up`] first and so finish what is left; batches keep each write lock short.
pub fn catch_up_in_background(path: std::path::PathBuf) -> std::thread::JoinHandle<Result<i64>> {
    std::thread::spawn(move || {
        let mut store = crate::Store::open(&path)?;
        if pending(store.conn())? == 0 {
            return Ok(0);
        }
        catch_up(store.conn_mut(), 200, |_, _| {})
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_table() {
        let cases = [
            ("كَتَبَ", "كتب"),
            ("قــــال", "قال"),
            ("أحمد إبراهيم آمنة ٱلله", "احمد ابراهيم امنه الله"),
            ("مستشفى المدينة", "مستشفي المدينه"),
            ("FBI و\u{200f}Orange", "fbi وorange"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input), want, "{input}");
        }
    }

    #[test]
    fn clitic_stems_table() {
        let cases: &[(&str, &[&str])] = &[
            ("والرباط", &["الرباط", "رباط"]),
            ("بالرياض", &["الرياض", "رياض"]),
            ("للمملكه", &["المملكه", "مملكه"]),
            ("وبالمغرب", &["بالمغرب", "المغرب", "مغرب"]),
            ("فلسطين", &["لسطين", "سطين"]), // a false stem is harmless: it only adds a search key
            ("الرباط", &["رباط"]),
            ("مصر", &[]),
            ("FBI", &[]),
        ];
        for (w, want) in cases {
            assert_eq!(
                clitic_stems(w),
                want.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                "{w}"
            );
        }
    }

    #[test]
    fn match_expressions_quote_every_word() {
        assert_eq!(match_expression("  عبد اللطيف "), Some("\"عبد\" AND \"اللطيف\"".into()));
        assert_eq!(match_expression("الرياض*"), Some("\"الرياض\"*".into()), "a prefix on request");
        assert_eq!(
            match_expression("\" OR *"),
            Some("\"or\"".into()),
            "FTS syntax in the query is a quoted word"
        );
        assert_eq!(match_expression("\"*() :"), None, "nothing searchable");
        assert_eq!(match_expression("إبراهيم"), Some("\"ابراهيم\"".into()));
    }
}
