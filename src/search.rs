//! Full-text search: Arabic normalisation (harakat, tatweel, أ/إ/آ/ٱ → ا, ى → ي, ة → ه), clitic
//! prefixes (و ف ب ك ل ال and their combinations), and the SQLite FTS5 index kept in step with the
//! articles through a queue.

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;

/// Letters and marks normalised away or together; the same rules serve search and "all occurrences".
pub fn normalize_char(c: char) -> Option<char> {
    match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => None, // harakat, superscript alef, tatweel
        '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{2066}'..='\u{2069}' => None, // zero-width and direction marks
        'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
        'ى' => Some('ي'),
        'ة' => Some('ه'),
        c => Some(c),
    }
}

/// `text` with every character normalised (see [`normalize_char`]), Latin lower-cased.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter_map(normalize_char) {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

/// The forms of a normalised Arabic word without its clitic prefixes, longest first:
/// `والرباط` → `الرباط`, `رباط`; `للمملكه` → `المملكه`, `مملكه`. Remainders keep at least 3 letters.
pub fn clitic_stems(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 4 || !chars.iter().all(|c| is_arabic_letter(*c)) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: String| {
        if s.chars().count() >= 3 && s != word && !out.contains(&s) {
            out.push(s);
        }
    };
    // The clitic model's order (crate::clitics): conjunction, preposition, article; "لل" is ل + ال.
    use crate::clitics::{CONJUNCTIONS, PREPOSITIONS};
    let mut i = 0;
    if chars.first().is_some_and(|c| CONJUNCTIONS.contains(c)) {
        i = 1;
        push(chars[i..].iter().collect());
    }
    if chars.get(i).is_some_and(|c| PREPOSITIONS.contains(c)) {
        if chars.get(i) == Some(&'ل') && chars.get(i + 1) == Some(&'ل') {
            let rest: String = chars[i + 2..].iter().collect();
            push(format!("ال{rest}"));
            push(rest);
            return out;
        }
        i += 1;
        push(chars[i..].iter().collect());
    }
    if chars.get(i) == Some(&'ا') && chars.get(i + 1) == Some(&'ل') {
        push(chars[i + 2..].iter().collect());
    }
    out
}

/// The words of normalised text (letters and digits), in order.
pub fn words(normalized: &str) -> impl Iterator<Item = &str> {
    normalized.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

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

/// One word of a search: normalised like the index; `prefix` when the analyst ended it with `*`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub word: String,
    pub prefix: bool,
}

/// The words of what an analyst typed: `الرياض` is a whole word, `الرياض*` a prefix. Any other
/// punctuation (FTS syntax included) only separates words.
pub fn terms(query: &str) -> Vec<Term> {
    let normalized = normalize(query);
    let mut out: Vec<Term> = Vec::new();
    let mut word = String::new();
    for c in normalized.chars().chain([' ']) {
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push(Term { word: std::mem::take(&mut word), prefix: c == '*' });
        }
    }
    out
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

/// Does the normalised word `w` answer `term`: the word itself or one of its clitic-stripped forms
/// is the term (or starts with it, for a prefix term)?
fn word_matches(w: &str, term: &Term) -> bool {
    let hit = |form: &str| {
        if term.prefix {
            form.starts_with(term.word.as_str())
        } else {
            form == term.word
        }
    };
    hit(w) || clitic_stems(w).iter().any(|s| hit(s))
}

/// Where the search `terms` hit `text`: code-point ranges `[start, end)` of whole words as written
/// (clitics and trailing harakat included), in text order. The same rules as the index, so an
/// article the search found shows why.
pub fn hits(text: &str, terms: &[Term]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if terms.is_empty() {
        return out;
    }
    // A word: normalised letters with the code point each came from; harakat and tatweel inside it
    // are dropped by normalisation, so they neither split the word nor count.
    let mut word = String::new();
    let (mut first, mut last) = (0usize, 0usize);
    let flush = |word: &mut String, first: usize, last: usize, out: &mut Vec<(usize, usize)>| {
        if !word.is_empty() && terms.iter().any(|t| word_matches(word, t)) {
            out.push((first, last + 1));
        }
        word.clear();
    };
    for (i, c) in text.chars().enumerate() {
        let Some(n) = normalize_char(c) else {
            if !word.is_empty() {
                last = i; // a haraka or tatweel belongs to the word it follows
            }
            continue;
        };
        if n.is_alphanumeric() {
            if word.is_empty() {
                first = i;
            }
            word.extend(n.to_lowercase());
            last = i;
        } else {
            flush(&mut word, first, last, &mut out);
        }
    }
    flush(&mut word, first, last, &mut out);
    out
}

/// The first hit of a search in an article's text, with its context for the article list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Snippet {
    /// Up to 40 characters before the hit, within its paragraph, cut at whole words ("…" where cut).
    pub before: String,
    /// The hit as written.
    pub hit: String,
    pub after: String,
    /// Where the hit is in the text (code points).
    pub start: i64,
    pub end: i64,
}

/// The first hit of `terms` in `text` with its context, or `None` when the text has none (the
/// title alone matched).
pub fn snippet(text: &str, terms: &[Term]) -> Option<Snippet> {
    let (start, end) = *hits(text, terms).first()?;
    let chars: Vec<char> = text.chars().collect();
    let (before, after) = crate::occurrences::context(&chars, start, end);
    Some(Snippet {
        before,
        hit: chars[start..end].iter().collect(),
        after,
        start: start as i64,
        end: end as i64,
    })
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
