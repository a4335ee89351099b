//! CoNLL / IOB import: `token TAG [TAG …]` per line, blank lines between sentences, `-DOCSTART-`
//! between documents. IOB1, IOB2, BIOES/BILOU and several tag columns (nested entities, one column
//! per entity type as in Wojood) are decoded into spans. The text is the tokens joined by single
//! spaces, sentences joined by `\n`; the original tokenisation is kept in the article's `meta`.
//! A line that cannot be read is left out (and reported), never its sentence or the file; a file
//! without blank lines is cut into sentences at sentence-final tokens. Token tables (`table.rs`)
//! arrive here as the same rows.

use std::collections::BTreeMap;

use rusqlite::Transaction;

use super::{ImportOptions, ImportReport, ImportedArticle};
use crate::annotations::{self, Added, NewSpan};
use crate::articles::{self, Inserted, NewArticle};
use crate::error::{Error, Result};
use crate::labels;
use crate::model::LabelKind;

pub(super) struct Token<'a> {
    pub text: &'a str,
    /// (column, prefix, type) per tag column that is not `O`; columns count from 1.
    pub tags: Vec<(usize, char, &'a str)>,
}

struct Sentence<'a> {
    first_line: usize,
    tokens: Vec<Token<'a>>,
}

/// Parse a tag: `O`, or `B-`/`I-`/`E-`/`S-`/`L-`/`U-` + type. `Ok(None)` for `O`.
pub(super) fn parse_tag(tag: &str) -> std::result::Result<Option<(char, &str)>, String> {
    if tag == "O" {
        return Ok(None);
    }
    let mut chars = tag.chars();
    match (chars.next(), chars.next()) {
        (Some(p @ ('B' | 'I' | 'E' | 'S' | 'L' | 'U')), Some('-' | '_')) if tag.len() > 2 => {
            let p = match p {
                'L' => 'E',
                'U' => 'S',
                other => other,
            };
            Ok(Some((p, &tag[2..])))
        }
        _ => Err(format!("{tag:?} is not an IOB tag (expected O, or B-/I-/E-/S- and a type)")),
    }
}

/// Does this line look like `token TAG [TAG …]`? Also ` TAG` (an empty token) and a line with
/// stray invisible marks beside its tags, which the import skips or ignores.
pub(super) fn looks_like_conll_line(line: &str) -> bool {
    let fields: Vec<&str> = line.split_whitespace().filter(|f| !f.chars().all(invisible)).collect();
    let all_tags = |f: &[&str]| !f.is_empty() && f.iter().all(|t| parse_tag(t).is_ok());
    (line.starts_with(char::is_whitespace) && all_tags(&fields))
        || all_tags(fields.get(1..).unwrap_or(&[]))
}

/// Entities of a sentence: (first token, last token, type), nested ones included — also an entity
/// nested in another of the same type (`مدينة I-GPE B-GPE`). Open entities are kept as a stack per
/// type; a token's `I-`/`E-` tags of a type say how many of them continue through it. Works for IOB1,
/// IOB2 and BIOES alike: an `I` with nothing open starts an entity.
/// With `column`, only that tag column is read.
fn entities<'a>(s: &Sentence<'a>, column: Option<usize>) -> Vec<(usize, usize, &'a str)> {
    let mut open: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut out = Vec::new();
    for (i, tok) in s.tokens.iter().enumerate() {
        let tok_tags: Vec<(char, &str)> = tok
            .tags
            .iter()
            .filter(|t| column.is_none_or(|c| t.0 == c))
            .map(|t| (t.1, t.2))
            .collect();
        let mut types: Vec<&str> = open.keys().copied().collect();
        types.extend(tok_tags.iter().map(|t| t.1));
        types.sort();
        types.dedup();
        for ty in types {
            let count = |p: char| tok_tags.iter().filter(|t| t.1 == ty && t.0 == p).count();
            let (n_i, n_e, n_b, n_s) = (count('I'), count('E'), count('B'), count('S'));
            let stack = open.entry(ty).or_default();
            // Entities that do not continue through this token end at the previous one.
            while stack.len() > n_i + n_e {
                if let Some(start) = stack.pop() {
                    out.push((start, i - 1, ty));
                }
            }
            // More continuations than open entities: each extra one starts here (IOB1).
            while stack.len() < n_i + n_e {
                stack.push(i);
            }
            for _ in 0..n_e {
                if let Some(start) = stack.pop() {
                    out.push((start, i, ty));
                }
            }
            for _ in 0..n_b {
                stack.push(i);
            }
            for _ in 0..n_s {
                out.push((i, i, ty));
            }
        }
    }
    let last = s.tokens.len().saturating_sub(1);
    for (ty, stack) in open {
        out.extend(stack.into_iter().map(|start| (start, last, ty)));
    }
    out.sort();
    out
}

/// One line of a CoNLL file (or one row of a token table), read.
pub(super) enum Row<'a> {
    Token {
        line: usize,
        token: Token<'a>,
    },
    /// A blank line (or a new sentence id in a table): the sentence ends.
    Break,
    /// `-DOCSTART-`: the document ends.
    DocStart,
}

/// Sentences per article, by default, in a file without blank lines (cut at sentence-final tokens).
pub const UNBROKEN_SENTENCES_PER_ARTICLE: usize = 50;

/// Characters that show nothing: bidi marks and embeddings, zero-width spaces and joiners, the
/// byte-order mark, the soft hyphen. A tag column made only of them is a stray mark (ignored).
pub(super) fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// A token made only of sentence-final punctuation: `.` `؟` `?` `!` `…` `۔` and the like.
fn sentence_final(token: &str) -> bool {
    !token.is_empty()
        && token.chars().all(|c| {
            matches!(
                c,
                '.' | '!' | '?' | '؟' | '…' | '۔' | '؞' | '。' | '‼' | '⁇' | '⁈' | '⁉' | '⸮'
            )
        })
}

/// A token made only of closing quotes or brackets, which stay with the sentence they close.
fn closing(token: &str) -> bool {
    !token.is_empty()
        && token.chars().all(|c| matches!(c, '»' | '”' | '’' | '"' | '\'' | ')' | ']' | '}' | '›'))
}

/// Line numbers for a note: the first ones, then how many more.
pub(super) fn line_list(lines: &[usize]) -> String {
    const SHOWN: usize = 10;
    let mut out: Vec<String> = lines.iter().take(SHOWN).map(|l| l.to_string()).collect();
    if lines.len() > SHOWN {
        out.push(format!("and {} more", lines.len() - SHOWN));
    }
    out.join(", ")
}

/// Lines skipped and marks ignored while reading, reported once per file.
#[derive(Default)]
pub(super) struct Skipped {
    pub tokens: Vec<usize>,
    pub marks: Vec<usize>,
}

impl Skipped {
    pub(super) fn report(&self, name: &str, report: &mut ImportReport) {
        if !self.tokens.is_empty() {
            report.note(
                name,
                self.tokens.first().copied(),
                format!(
                    "{} tokens skipped: empty, or only invisible marks without a tag (lines {})",
                    self.tokens.len(),
                    line_list(&self.tokens)
                ),
            );
        }
        if !self.marks.is_empty() {
            report.note(
                name,
                self.marks.first().copied(),
                format!(
                    "{} stray invisible marks beside the tags ignored (lines {})",
                    self.marks.len(),
                    line_list(&self.marks)
                ),
            );
        }
    }
}

/// Read the lines of a CoNLL file. A line that cannot be read is rejected (with its number and the
/// reason) and left out; the rest of its sentence is kept.
fn read_lines<'a>(
    name: &str,
    content: &'a str,
    skipped: &mut Skipped,
    report: &mut ImportReport,
) -> Vec<Row<'a>> {
    let mut rows = Vec::new();
    for (i, line) in content.lines().enumerate() {
        let lineno = i + 1;
        let mut fields = line.split_whitespace();
        let Some(first) = fields.next() else {
            rows.push(Row::Break);
            continue;
        };
        if first == "-DOCSTART-" {
            rows.push(Row::DocStart);
            continue;
        }
        // ` O`: the token is empty (the line starts with the separator and holds only tags).
        let empty_token = line.starts_with(char::is_whitespace)
            && line.split_whitespace().all(|f| parse_tag(f).is_ok());
        let (token, rest): (&str, Vec<&str>) = if empty_token {
            ("", line.split_whitespace().collect())
        } else {
            (first, fields.collect())
        };
        let mut tags = Vec::new();
        let mut bad = None;
        let mut columns = 0;
        let mut marks = false;
        for f in rest {
            if f.chars().all(invisible) {
                marks = true;
                continue;
            }
            // CoNLL-2003's POS and chunk columns as Label Studio fills them: placeholders, not tags.
            if f == "-X-" || f == "_" {
                continue;
            }
            columns += 1;
            match parse_tag(f) {
                Ok(Some((p, ty))) => tags.push((columns, p, ty)),
                Ok(None) => {}
                Err(e) => {
                    bad.get_or_insert(e);
                }
            }
        }
        if let Some(reason) = bad {
            report.reject(name, Some(lineno), format!("{reason}; the line was left out"));
            continue;
        }
        // An empty token cannot be stored; a line of only invisible marks without a tag is noise.
        // Invisible-mark tokens that carry a tag are kept: the corpus's own tokens (AQMAR has them).
        if token.trim().is_empty() || (columns == 0 && token.chars().all(invisible)) {
            skipped.tokens.push(lineno);
            continue;
        }
        if columns == 0 {
            report.reject(
                name,
                Some(lineno),
                format!("token {token:?} has no tag column; the line was left out"),
            );
            continue;
        }
        if marks {
            skipped.marks.push(lineno);
        }
        rows.push(Row::Token { line: lineno, token: Token { text: token, tags } });
    }
    rows
}

/// Does the file separate sentences at all (a blank line between two tokens of one document)?
fn has_breaks(rows: &[Row]) -> bool {
    let (mut seen, mut pending) = (false, false);
    for row in rows {
        match row {
            Row::Token { .. } if pending => return true,
            Row::Token { .. } => seen = true,
            Row::Break => pending = seen,
            Row::DocStart => (seen, pending) = (false, false),
        }
    }
    false
}

/// Group rows into documents of sentences. Without any blank line (`cut`), a sentence ends after a
/// sentence-final token (and the closing quotes or brackets after it), unless the next token
/// continues an entity.
fn sentences<'a>(rows: Vec<Row<'a>>, cut: bool) -> Vec<Vec<Sentence<'a>>> {
    let mut docs: Vec<Vec<Sentence>> = vec![Vec::new()];
    let mut cur = Sentence { first_line: 0, tokens: Vec::new() };
    let close = |cur: &mut Sentence<'a>, docs: &mut Vec<Vec<Sentence<'a>>>| {
        let done = std::mem::replace(cur, Sentence { first_line: 0, tokens: Vec::new() });
        if !done.tokens.is_empty() {
            if let Some(d) = docs.last_mut() {
                d.push(done);
            }
        }
    };
    // Does the next row continue an entity the sentence's last token is part of? (An `I-` after an
    // `O` token starts a new entity in IOB1: no reason not to cut.)
    let continues = |last: Option<&Token>, row: Option<&Row>| match (last, row) {
        (Some(last), Some(Row::Token { token, .. })) => token.tags.iter().any(|t| {
            matches!(t.1, 'I' | 'E')
                && last.tags.iter().any(|l| l.2 == t.2 && !matches!(l.1, 'S' | 'E'))
        }),
        _ => false,
    };
    let mut rows = rows.into_iter().peekable();
    while let Some(row) = rows.next() {
        match row {
            Row::Break => close(&mut cur, &mut docs),
            Row::DocStart => {
                close(&mut cur, &mut docs);
                if docs.last().is_some_and(|d| !d.is_empty()) {
                    docs.push(Vec::new());
                }
            }
            Row::Token { line, token } => {
                if cur.tokens.is_empty() {
                    cur.first_line = line;
                }
                let fin = cut && sentence_final(token.text);
                cur.tokens.push(token);
                if fin {
                    while let Some(Row::Token { token, .. }) = rows
                        .next_if(|r| matches!(r, Row::Token { token, .. } if closing(token.text)))
                    {
                        cur.tokens.push(token);
                    }
                    if !continues(cur.tokens.last(), rows.peek()) {
                        close(&mut cur, &mut docs);
                    }
                }
            }
        }
    }
    close(&mut cur, &mut docs);
    docs.retain(|d| !d.is_empty());
    docs
}

/// Build one article from sentences and store it with its entities.
/// With `per_column`, the entities of tag column N become spans of annotator `ANNOTATOR:N`.
fn store_article(
    tx: &Transaction,
    name: &str,
    annotator: &str,
    per_column: bool,
    sentences: &[Sentence],
    report: &mut ImportReport,
) -> Result<()> {
    let columns = sentences
        .iter()
        .flat_map(|s| s.tokens.iter().flat_map(|t| t.tags.iter().map(|x| x.0)))
        .max()
        .unwrap_or(0);
    let layers: Vec<(Option<usize>, String)> = if per_column {
        (1..=columns).map(|c| (Some(c), format!("{annotator}:{c}"))).collect()
    } else {
        vec![(None, annotator.to_string())]
    };
    let mut text = String::new();
    let mut cp = 0usize;
    let mut token_offsets: Vec<[usize; 2]> = Vec::new();
    let mut sentence_starts = Vec::with_capacity(sentences.len());
    let mut spans = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        if si > 0 {
            text.push('\n');
            cp += 1;
        }
        sentence_starts.push(token_offsets.len());
        let first_token = token_offsets.len();
        for (ti, tok) in s.tokens.iter().enumerate() {
            if ti > 0 {
                text.push(' ');
                cp += 1;
            }
            let len = tok.text.chars().count();
            token_offsets.push([cp, cp + len]);
            text.push_str(tok.text);
            cp += len;
        }
        for (column, who) in &layers {
            for (a, b, ty) in entities(s, *column) {
                spans.push((
                    token_offsets[first_token + a][0],
                    token_offsets[first_token + b][1],
                    ty,
                    s.first_line,
                    who.as_str(),
                ));
            }
        }
    }
    let mut meta = serde_json::Map::new();
    meta.insert("format".into(), "conll".into());
    meta.insert("source_line".into(), sentences.first().map(|s| s.first_line).unwrap_or(0).into());
    meta.insert("tokens".into(), serde_json::to_value(&token_offsets)?);
    meta.insert("sentences".into(), serde_json::to_value(&sentence_starts)?);
    let source = std::path::Path::new(name)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let article = NewArticle {
        title: articles::title_from_text(&text),
        text,
        source,
        meta,
        ..Default::default()
    };
    let first_line = sentences.first().map(|s| s.first_line as i64);

    let idx = crate::text::CharIndex::new(&article.text);
    tx.execute_batch("SAVEPOINT conll_article")?;
    let mut new_labels: Vec<&str> = Vec::new();
    let outcome = (|| -> Result<(ImportedArticle, bool)> {
        let inserted = super::staging::insert_article(tx, &article)?;
        let mut item = ImportedArticle {
            file: name.to_string(),
            line: first_line,
            article_id: inserted.id(),
            title: article.title.clone(),
            new_spans: 0,
            new_tags: 0,
            encoding: String::new(),
        };
        for (start, end, ty, line, annotator) in &spans {
            if labels::ensure(tx, LabelKind::Span, ty)?.1
                && !report.labels_added.iter().any(|l| l == ty)
            {
                report.labels_added.push(ty.to_string());
            }
            let span = NewSpan {
                article_id: item.article_id,
                start: *start,
                end: *end,
                label: ty,
                annotator,
                note: "",
                created_at: None,
            };
            match annotations::add_span(tx, &idx, &span, false) {
                Ok(Added::New(_)) => {
                    item.new_spans += 1;
                    new_labels.push(*ty);
                }
                Ok(Added::Existing(_)) => {}
                Err(Error::Invalid(reason)) => {
                    return Err(Error::Invalid(format!(
                        "entity {ty} in the sentence at line {line}: {reason}"
                    )))
                }
                Err(e) => return Err(e),
            }
        }
        Ok((item, matches!(inserted, Inserted::Duplicate(_))))
    })();
    match outcome {
        Ok((item, duplicate)) => {
            tx.execute_batch("RELEASE conll_article")?;
            report.spans_added += item.new_spans;
            for label in new_labels {
                report.count_entity(label);
            }
            if duplicate {
                report.duplicates.push(item);
            } else {
                report.imported.push(item);
            }
            Ok(())
        }
        Err(Error::Invalid(reason)) => {
            tx.execute_batch("ROLLBACK TO conll_article; RELEASE conll_article")?;
            report.reject(name, first_line.map(|l| l as usize), reason);
            Ok(())
        }
        Err(e) => Err(e),
    }
}

pub(super) fn import_conll(
    tx: &Transaction,
    name: &str,
    content: &str,
    opts: &ImportOptions,
    report: &mut ImportReport,
) -> Result<()> {
    let mut skipped = Skipped::default();
    let rows = read_lines(name, content, &mut skipped, report);
    skipped.report(name, report);
    if is_labelstudio(content) && opts.sentences_per_article.is_none() {
        return import_labelstudio(tx, name, &sentences(rows, false), opts, report);
    }
    import_rows(tx, name, rows, opts, report)
}

/// Label Studio's CONLL2003 export: `-DOCSTART- -X- O`, then `token -X- _ TAG` lines.
fn is_labelstudio(content: &str) -> bool {
    content.trim_start_matches('\u{feff}').starts_with("-DOCSTART- -X- O")
        && content.lines().filter(|l| !l.trim().is_empty()).nth(1).is_some_and(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            f.len() == 4 && f[1] == "-X-" && f[2] == "_"
        })
}

/// Label Studio writes one block per annotation (the task's whole text, tokenised) and names no
/// annotator: each block is an article, and the K-th block with the same tokens is the K-th
/// annotation of that task, filed under `ANNOTATOR:annotation-K` (default `labelstudio`).
fn import_labelstudio(
    tx: &Transaction,
    name: &str,
    docs: &[Vec<Sentence>],
    opts: &ImportOptions,
    report: &mut ImportReport,
) -> Result<()> {
    let base = opts.annotator.clone().filter(|a| !a.trim().is_empty());
    let base = base.as_deref().unwrap_or("labelstudio");
    let mut seen: std::collections::HashMap<Vec<&str>, usize> = std::collections::HashMap::new();
    for block in docs.iter().flatten() {
        opts.control.step()?;
        let k = seen.entry(block.tokens.iter().map(|t| t.text).collect()).or_default();
        *k += 1;
        let who = format!("{base}:annotation-{k}");
        store_article(tx, name, &who, false, std::slice::from_ref(block), report)?;
    }
    Ok(())
}

/// Store rows read from a CoNLL file or a token table as articles.
pub(super) fn import_rows(
    tx: &Transaction,
    name: &str,
    rows: Vec<Row>,
    opts: &ImportOptions,
    report: &mut ImportReport,
) -> Result<()> {
    let default_name = std::path::Path::new(name)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string());
    let annotator = opts.annotator.clone().filter(|a| !a.trim().is_empty()).unwrap_or(default_name);
    let cut = !has_breaks(&rows);
    let docs = sentences(rows, cut);
    if docs.is_empty() && report.rejected.is_empty() {
        report.reject(name, None, "the file holds no tokens");
        return Ok(());
    }
    let n_sentences: usize = docs.iter().map(Vec::len).sum();
    let mut per = opts.sentences_per_article;
    if cut && n_sentences > docs.len() {
        let articles_of = per.unwrap_or(UNBROKEN_SENTENCES_PER_ARTICLE);
        per = Some(articles_of);
        let articles: usize = docs.iter().map(|d| d.len().div_ceil(articles_of.max(1))).sum();
        report.note(
            name,
            None,
            format!(
                "no blank lines between sentences: cut into {n_sentences} sentences at \
                 sentence-final tokens (. ؟ ? ! …) and {articles} articles of up to {articles_of} \
                 sentences (--sentences-per-article N to change)"
            ),
        );
    }
    for doc in &docs {
        let per = per.unwrap_or(usize::MAX).max(1);
        for chunk in doc.chunks(per.min(doc.len().max(1))) {
            opts.control.step()?;
            store_article(tx, name, &annotator, opts.columns_as_annotators, chunk, report)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-type sentence from a tag string: `B`, `I`, `E`, `S` or `O` per token.
    fn one_type(seq: &str) -> Vec<(usize, usize)> {
        let tokens = seq
            .chars()
            .map(|c| Token { text: "x", tags: if c == 'O' { vec![] } else { vec![(1, c, "T")] } })
            .collect();
        entities(&Sentence { first_line: 1, tokens }, None)
            .into_iter()
            .map(|(a, b, _)| (a, b))
            .collect()
    }

    #[test]
    fn decodes_iob1_iob2_and_bioes_alike() {
        let cases: &[(&str, &[(usize, usize)])] = &[
            ("BIIO", &[(0, 2)]),          // IOB2
            ("IIOI", &[(0, 1), (3, 3)]),  // IOB1: I starts an entity
            ("IIBI", &[(0, 1), (2, 3)]),  // IOB1: B separates adjacent entities
            ("BIEOS", &[(0, 2), (4, 4)]), // BIOES
            ("SS", &[(0, 0), (1, 1)]),
            ("BB", &[(0, 0), (1, 1)]),
            ("OOI", &[(2, 2)]),
            ("", &[]),
        ];
        for (seq, want) in cases {
            assert_eq!(one_type(seq), *want, "{seq}");
        }
    }

    #[test]
    fn nested_entities_of_the_same_and_other_types() {
        // البلدة القديمة في مدينة الخليل: a GPE inside a GPE; الأسد: a PERS inside an ORG.
        let rows: &[&[(char, &str)]] = &[
            &[('B', "GPE")],
            &[('I', "GPE")],
            &[('I', "GPE")],
            &[('I', "GPE"), ('B', "GPE")],
            &[('I', "GPE"), ('I', "GPE")],
            &[('B', "ORG")],
            &[('I', "ORG"), ('B', "PERS")],
            &[],
        ];
        let tokens: Vec<Token> = rows
            .iter()
            .map(|r| Token {
                text: "x",
                tags: r.iter().enumerate().map(|(c, t)| (c + 1, t.0, t.1)).collect(),
            })
            .collect();
        let s = Sentence { first_line: 1, tokens };
        assert_eq!(
            entities(&s, None),
            vec![(0, 4, "GPE"), (3, 4, "GPE"), (5, 6, "ORG"), (6, 6, "PERS")]
        );
        // Column by column: the outer entities sit in column 1, the nested ones in column 2.
        assert_eq!(entities(&s, Some(1)), vec![(0, 4, "GPE"), (5, 6, "ORG")]);
        assert_eq!(entities(&s, Some(2)), vec![(3, 4, "GPE"), (6, 6, "PERS")]);
    }

    #[test]
    fn unbroken_files_are_cut_after_sentence_final_tokens_outside_entities() {
        let mut report = ImportReport::default();
        let mut skipped = Skipped::default();
        let text = "قال O\n. O\nنيويورك I-LOC\nتايمز I-LOC\n. I-LOC\nهنا I-LOC\n؟ O\n» O\nثم O\n";
        let rows = read_lines("x", text, &mut skipped, &mut report);
        assert!(!has_breaks(&rows));
        let docs = sentences(rows, true);
        let got: Vec<Vec<&str>> =
            docs[0].iter().map(|s| s.tokens.iter().map(|t| t.text).collect()).collect();
        // IOB1: an I- after an O token starts a new entity, so the first `.` ends a sentence; the
        // second is inside an entity; a closing quote stays with its sentence.
        assert_eq!(
            got,
            vec![vec!["قال", "."], vec!["نيويورك", "تايمز", ".", "هنا", "؟", "»"], vec!["ثم"]]
        );
        let with_breaks = read_lines("x", "أ O\n. O\n\nب O\n", &mut skipped, &mut report);
        assert!(has_breaks(&with_breaks));
        assert_eq!(sentences(with_breaks, false)[0].len(), 2);
    }

    #[test]
    fn tags_parse_with_clear_errors() {
        assert_eq!(parse_tag("O"), Ok(None));
        assert_eq!(parse_tag("B-PER"), Ok(Some(('B', "PER"))));
        assert_eq!(parse_tag("U-LOC"), Ok(Some(('S', "LOC"))));
        assert_eq!(parse_tag("L-ORG"), Ok(Some(('E', "ORG"))));
        assert!(parse_tag("PER").is_err());
        assert!(parse_tag("B-").is_err());
        assert!(looks_like_conll_line("الأسد I-ORG B-PERS"));
        assert!(looks_like_conll_line(" O"));
        assert!(looks_like_conll_line("\u{200F}كلمة \u{200F} O"));
        assert!(!looks_like_conll_line(" "));
        assert!(!looks_like_conll_line("O"));
        assert!(looks_like_conll_line("  كلمة B-PER"));
        assert!(!looks_like_conll_line("قال الوزير إن"));
    }
}
