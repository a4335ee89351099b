//! The training and prediction data read from a project: each article's tokens (its own from CoNLL,
//! else the tokenizer's with clitic prefixes split off) in sentences, with the labelled spans
//! of the gold layer where a reviewer has decided the article, else of the chosen analysts.

use rusqlite::Connection;

use super::features::Word;
use crate::error::Result;
use crate::export::{self, Doc, ExportOptions, Misaligned, Tally};
use crate::model::{Article, Span};
use crate::review::gold;
use crate::tokenize::Token;

/// One sentence: its words, their code-point ranges in the article, and the labelled token
/// ranges `(first, last, label)` (relative to the sentence).
#[derive(Debug, Clone)]
pub struct Sentence {
    pub article_id: i64,
    pub words: Vec<Word>,
    pub tokens: Vec<Token>,
    pub spans: Vec<(usize, usize, String)>,
}

/// Whose spans to learn from: these analysts (empty: every analyst), unless the article has a gold layer.
#[derive(Debug, Clone, Default)]
pub struct Source {
    pub annotators: Vec<String>,
}

/// What a set of sentences holds, for the model's record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub articles: usize,
    pub sentences: usize,
    pub tokens: usize,
    pub spans: usize,
}

pub fn counts(sentences: &[Sentence]) -> Counts {
    let mut ids: Vec<i64> = sentences.iter().map(|s| s.article_id).collect();
    ids.dedup();
    ids.sort_unstable();
    ids.dedup();
    Counts {
        articles: ids.len(),
        sentences: sentences.len(),
        tokens: sentences.iter().map(|s| s.words.len()).sum(),
        spans: sentences.iter().map(|s| s.spans.len()).sum(),
    }
}

fn options() -> ExportOptions {
    ExportOptions { misaligned: Misaligned::Expand, split_clitics: true, ..Default::default() }
}

/// The sentences of an article with the given spans aligned to whole tokens (the longest wins
/// where they overlap).
pub fn sentences_of(article: Article, spans: Vec<Span>) -> Result<Vec<Sentence>> {
    let doc = Doc {
        article,
        spans,
        tags: Vec::new(),
        statuses: Vec::new(),
        dropped_by_label: 0,
        relations: Vec::new(),
        schema: Default::default(),
    };
    let al = export::align(&doc, &options(), &mut Tally::default())?;
    let idx = crate::text::CharIndex::new(&doc.article.text);
    let mut out = Vec::new();
    for (s, e) in al.sentence_ranges() {
        let tokens = al.tokens[s..e].to_vec();
        let words =
            tokens.iter().map(|t| Word::new(idx.slice(t.start, t.end).unwrap_or(""))).collect();
        let spans = al
            .spans
            .iter()
            .filter(|x| x.first >= s && x.last <= e)
            .map(|x| (x.first - s, x.last - s, x.label.clone()))
            .collect();
        out.push(Sentence { article_id: doc.article.id, words, tokens, spans });
    }
    Ok(out)
}

/// The spans to learn from on one article: the gold layer if a reviewer adjudicated it or added
/// gold spans, else the chosen analysts' spans.
pub fn reference_spans(conn: &Connection, a: &Article, src: &Source) -> Result<Vec<Span>> {
    let golds = gold::gold_spans(conn, a.id)?;
    if !golds.is_empty() || gold::is_adjudicated(conn, a.id)? {
        return Ok(golds
            .into_iter()
            .map(|g| Span {
                id: g.id,
                article_id: g.article_id,
                start: g.start,
                end: g.end,
                label: g.label,
                annotator: g.reviewer,
                text: g.text,
                note: String::new(),
                created_at: g.created_at.clone(),
                updated_at: g.created_at,
                origin: None,
                entity: None,
                attrs: Default::default(),
            })
            .collect());
    }
    let mut spans = crate::annotations::spans_of(conn, a.id, &a.text)?;
    spans.retain(|s| src.annotators.is_empty() || src.annotators.contains(&s.annotator));
    Ok(spans)
}

/// Every labelled article (one with at least one reference span), as sentences, in article order.
/// `cancelled` is asked between articles.
pub fn labelled(
    conn: &Connection,
    src: &Source,
    cancelled: &dyn Fn() -> bool,
) -> Result<Vec<Vec<Sentence>>> {
    let mut out = Vec::new();
    crate::articles::for_each(conn, |a| {
        if cancelled() {
            return Err(crate::Error::Conflict("training was cancelled".into()));
        }
        let spans = reference_spans(conn, &a, src)?;
        if !spans.is_empty() {
            out.push(sentences_of(a, spans)?);
        }
        Ok(())
    })?;
    Ok(out)
}
