//! Token tables: CSV/TSV with one token per row (a word column, a tag column, optionally a
//! sentence-id column), as many public NER data sets ship. Read into the same rows as CoNLL lines.
//! Tags are IOB (`B-`/`I-`…) or plain categories (`O` or empty for none), where each run of the
//! same category is one entity.

use rusqlite::Transaction;

use super::conll::{self, Row, Skipped, Token};
use super::{ImportOptions, ImportReport};
use crate::error::Result;

const WORD: &[&str] = &["word", "token", "words", "tokens", "form", "كلمة", "الكلمة"];
const TAG: &[&str] = &[
    "tag",
    "tags",
    "label",
    "labels",
    "ner",
    "ner_tag",
    "ner_tags",
    "entity",
    "iob",
    "bio",
    "الوسم",
];
const SENTENCE: &[&str] = &[
    "sentence",
    "sentence #",
    "sentence_id",
    "sentence id",
    "sentence_idx",
    "sentence_no",
    "sent_id",
    "الجملة",
];

/// A `.csv`/`.tsv`/`.tab` name (read as a token table when the format is CoNLL).
pub(super) fn is_table_name(name: &str) -> bool {
    let ext = std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("csv" | "tsv" | "tab"))
}

fn find(header: &[String], names: &[&str]) -> Option<usize> {
    names.iter().find_map(|n| header.iter().position(|h| h.trim().eq_ignore_ascii_case(n)))
}

/// A header naming a word column and a tag column (and no article text column).
pub(super) fn is_token_header(header: &[String]) -> bool {
    find(header, WORD).is_some() && find(header, TAG).is_some()
}

struct Cells {
    line: usize,
    word: String,
    tag: String,
    sentence: Option<String>,
}

pub(super) fn import_table(
    tx: &Transaction,
    name: &str,
    content: &str,
    opts: &ImportOptions,
    report: &mut ImportReport,
) -> Result<()> {
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter(name, content))
        .flexible(true)
        .has_headers(false)
        .from_reader(content.as_bytes());
    let mut records = reader.records().peekable();
    let header: Vec<String> = match records.peek() {
        Some(Ok(h)) => h.iter().map(str::to_string).collect(),
        Some(Err(e)) => {
            report.reject(name, Some(1), format!("the first row cannot be read: {e}"));
            return Ok(());
        }
        None => {
            report.reject(name, None, "the file is empty");
            return Ok(());
        }
    };
    // Without a header naming the columns, a first row `token,TAG` says: word, then tag.
    let (word, tag, sentence) = if is_token_header(&header) {
        records.next();
        (find(&header, WORD).unwrap_or(0), find(&header, TAG).unwrap_or(1), find(&header, SENTENCE))
    } else if header.len() >= 2 && conll::parse_tag(header[1].trim()).is_ok() {
        (0, 1, None)
    } else {
        report.reject(
            name,
            Some(1),
            format!(
                "a token table needs a word column ({}) and a tag column ({}); the columns are: {}",
                WORD.join(", "),
                TAG.join(", "),
                header.join(", ")
            ),
        );
        return Ok(());
    };
    let mut cells = Vec::new();
    for row in records {
        opts.control.step()?;
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                report.reject(name, line, format!("the row cannot be read: {e}; it was left out"));
                continue;
            }
        };
        let line = row.position().map(|p| p.line() as usize).unwrap_or(0);
        let cell = |i: usize| row.get(i).unwrap_or("").to_string();
        if row.iter().all(|f| f.trim().is_empty()) {
            cells.push(Cells { line, word: String::new(), tag: String::new(), sentence: None });
            continue;
        }
        if row.len() <= word.max(tag) {
            report.reject(
                name,
                Some(line),
                format!("the row has {} fields, too few for the word and tag columns", row.len()),
            );
            continue;
        }
        cells.push(Cells {
            line,
            word: cell(word),
            tag: cell(tag).trim().to_string(),
            sentence: sentence.map(cell).map(|s| s.trim().to_string()),
        });
    }
    // IOB when any tag has a B-/I-… prefix; otherwise each tag is a plain category.
    let iob = cells.iter().any(|c| matches!(conll::parse_tag(&c.tag), Ok(Some(_))));
    let mut rows = Vec::with_capacity(cells.len());
    let mut skipped = Skipped::default();
    let mut last_sentence: Option<&str> = None;
    for c in &cells {
        if c.word.is_empty() && c.tag.is_empty() && c.sentence.as_deref().unwrap_or("").is_empty() {
            rows.push(Row::Break);
            continue;
        }
        if let Some(s) = c.sentence.as_deref().filter(|s| !s.is_empty()) {
            if last_sentence.is_some_and(|l| l != s) {
                rows.push(Row::Break);
            }
            last_sentence = Some(s);
        }
        let tags = if c.tag.is_empty() || c.tag == "O" {
            Vec::new()
        } else if iob {
            match conll::parse_tag(&c.tag) {
                Ok(t) => t.map(|(p, ty)| vec![(1, p, ty)]).unwrap_or_default(),
                Err(e) => {
                    report.reject(name, Some(c.line), format!("{e}; the row was left out"));
                    continue;
                }
            }
        } else {
            vec![(1, 'I', c.tag.as_str())]
        };
        if c.word.trim().is_empty() || (c.tag.is_empty() && c.word.chars().all(conll::invisible)) {
            skipped.tokens.push(c.line);
            continue;
        }
        rows.push(Row::Token { line: c.line, token: Token { text: &c.word, tags } });
    }
    skipped.report(name, report);
    conll::import_rows(tx, name, rows, opts, report)
}
/// The delimiter: tab for `.tsv`/`.tab`; otherwise the most frequent of `,` `;` `\t` outside quotes
/// on the header line (comma when none).
pub(super) fn delimiter(name: &str, content: &str) -> u8 {
    let ext = std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if matches!(ext.as_deref(), Some("tsv") | Some("tab")) {
        return b'\t';
    }
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in content.chars() {
        match c {
            '\n' if !quoted => break,
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        [b',', b';', b'\t'][best]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_from_extension_or_header() {
        assert_eq!(delimiter("a.tsv", "a,b,c\n"), b'\t');
        assert_eq!(delimiter("a.csv", "a;b;c\n1,5;2;3"), b';');
        assert_eq!(delimiter("a.csv", "\"x,y\"\tb\tc\n"), b'\t');
        assert_eq!(delimiter("a.csv", "text\n"), b',');
    }
}
