//! Token alignment for token formats: source or tokenizer tokens, misaligned spans, overlaps, sentences.

use super::options::{ExportOptions, Misaligned};
use super::report::Tally;
use super::select::{Doc, Plain};
use crate::error::{Error, Result};
use crate::model::Article;
use crate::tokenize::{self, Token};

/// A span over whole tokens `[first, last)`, with its character range `[start, end)` in code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokSpan {
    pub first: usize,
    pub last: usize,
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// An article ready for a token format: tokens, sentence starts (token indices), non-overlapping spans.
#[derive(Debug, Clone)]
pub struct Aligned {
    pub tokens: Vec<Token>,
    pub sentences: Vec<usize>,
    pub spans: Vec<TokSpan>,
}

impl Aligned {
    /// IOB2 tag of every token, as an index into a small table of tag names (not a string per token:
    /// 5 M tokens of a 50 MB article once took ≈ 250 MB of "O" strings).
    pub fn iob(&self) -> Tags {
        let mut names = vec!["O".to_string()];
        let mut ids = vec![0u32; self.tokens.len()];
        let id_of =
            |name: String, names: &mut Vec<String>| match names.iter().position(|n| *n == name) {
                Some(i) => i as u32,
                None => {
                    names.push(name);
                    (names.len() - 1) as u32
                }
            };
        for s in &self.spans {
            let b = id_of(format!("B-{}", s.label), &mut names);
            let i = id_of(format!("I-{}", s.label), &mut names);
            for (k, tag) in ids.iter_mut().enumerate().take(s.last).skip(s.first) {
                *tag = if k == s.first { b } else { i };
            }
        }
        Tags { names, ids }
    }

    /// Token ranges of the sentences.
    pub fn sentence_ranges(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (i, &s) in self.sentences.iter().enumerate() {
            let e = self.sentences.get(i + 1).copied().unwrap_or(self.tokens.len());
            if s < e {
                out.push((s, e));
            }
        }
        out
    }
}

/// The IOB2 tags of an article's tokens: `get(k)` is token `k`'s tag.
pub struct Tags {
    names: Vec<String>,
    ids: Vec<u32>,
}

impl Tags {
    pub fn get(&self, k: usize) -> &str {
        self.ids.get(k).and_then(|&i| self.names.get(i as usize)).map_or("O", String::as_str)
    }

    /// The tags of tokens `[a, b)`.
    pub fn range(&self, a: usize, b: usize) -> Vec<&str> {
        (a..b).map(|k| self.get(k)).collect()
    }
}

/// A span with an edge inside a token, as listed to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misfit {
    pub article: String,
    /// The article's number in the project and its title (the UI names articles by these).
    pub article_id: i64,
    pub title: String,
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub annotator: String,
    pub text: String,
}

impl std::fmt::Display for Misfit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "article {}: [{}, {}) {} «{}» by {}",
            self.article, self.start, self.end, self.label, self.text, self.annotator
        )
    }
}

/// The article's own tokens from `meta.tokens` (and `meta.sentences`), or the tokenizer's under the
/// export's clitic choice; see [`tokenize::article_tokens`].
pub fn base_tokens(a: &Article, o: &ExportOptions) -> Result<(Vec<Token>, Vec<usize>, bool)> {
    let clitics = if o.split_clitics {
        crate::clitics::CliticMode::Exclude
    } else {
        o.clitics.unwrap_or_default()
    };
    tokenize::article_tokens(a, clitics)
}

/// The token whose inside (not its edges) contains `pos`.
fn inside(tokens: &[Token], pos: usize) -> Option<usize> {
    let i = tokens.partition_point(|t| t.end <= pos);
    tokens.get(i).filter(|t| t.start < pos && pos < t.end).map(|_| i)
}

/// Every stored span of the article with an edge inside a token.
pub fn misfits(doc: &Doc, o: &ExportOptions) -> Result<Vec<Misfit>> {
    let (tokens, _, _) = base_tokens(&doc.article, o)?;
    Ok(doc
        .spans
        .iter()
        .filter(|s| {
            inside(&tokens, s.start as usize).is_some() || inside(&tokens, s.end as usize).is_some()
        })
        .map(|s| Misfit {
            article: doc.article.ext_id.clone(),
            article_id: doc.article.id,
            title: doc.article.title.clone(),
            start: s.start as usize,
            end: s.end as usize,
            label: s.label.clone(),
            annotator: s.annotator.clone(),
            text: s.text.clone(),
        })
        .collect())
}

/// An article aligned for a token format, and a way to slice its token texts.
pub struct TokenDoc<'a> {
    pub al: Aligned,
    idx: crate::text::CharIndex<'a>,
}

impl<'a> TokenDoc<'a> {
    /// The text of a token.
    pub fn text(&self, t: &Token) -> &'a str {
        self.idx.slice(t.start, t.end).unwrap_or("")
    }

    /// Is the token followed by a plain space (Prodigy's `ws`)?
    pub fn space_after(&self, t: &Token) -> bool {
        self.idx.slice(t.end, t.end + 1) == Some(" ")
    }
}

/// [`align`], then count the spans that will be written: what every token format starts with.
pub fn token_doc<'a>(doc: &'a Doc, o: &ExportOptions, tally: &mut Tally) -> Result<TokenDoc<'a>> {
    let al = align(doc, o, tally)?;
    for s in &al.spans {
        tally.count_span(&s.label);
    }
    Ok(TokenDoc { al, idx: crate::text::CharIndex::new(&doc.article.text) })
}

/// Align the article's spans to tokens as the options say, counting every change in `tally`.
pub fn align(doc: &Doc, o: &ExportOptions, tally: &mut Tally) -> Result<Aligned> {
    let (mut tokens, sentences, from_source) = base_tokens(&doc.article, o)?;
    if from_source {
        tally.articles_with_source_tokens += 1;
    }
    let (spans, merged) = doc.unique_spans();
    tally.duplicates_merged += merged;
    let mut kept: Vec<Plain> = Vec::with_capacity(spans.len());
    let mut cuts: Vec<usize> = Vec::new();
    for mut s in spans {
        let (a, b) = (inside(&tokens, s.start), inside(&tokens, s.end));
        if a.is_none() && b.is_none() {
            kept.push(s);
            continue;
        }
        match o.misaligned {
            Misaligned::Refuse => {
                return Err(Error::Invalid(format!(
                    "article {}: span [{}, {}) {} has an edge inside a token; choose --misaligned expand, split or skip",
                    doc.article.ext_id, s.start, s.end, s.label
                )))
            }
            Misaligned::Skip => tally.misaligned_skipped += 1,
            Misaligned::Expand => {
                if let Some(i) = a {
                    s.start = tokens[i].start;
                }
                if let Some(j) = b {
                    s.end = tokens[j].end;
                }
                tally.misaligned_expanded += 1;
                kept.push(s);
            }
            Misaligned::Split => {
                cuts.extend(a.map(|_| s.start));
                cuts.extend(b.map(|_| s.end));
                tally.misaligned_split += 1;
                kept.push(s);
            }
        }
    }
    // Sentence starts as character offsets survive token splitting.
    let starts_at: Vec<usize> =
        sentences.iter().filter_map(|&i| tokens.get(i).map(|t| t.start)).collect();
    if !cuts.is_empty() {
        cuts.sort_unstable();
        cuts.dedup();
        let mut out = Vec::with_capacity(tokens.len() + cuts.len());
        for t in &tokens {
            let mut s = t.start;
            for &c in cuts.iter().filter(|&&c| t.start < c && c < t.end) {
                out.push(Token { start: s, end: c });
                s = c;
            }
            out.push(Token { start: s, end: t.end });
        }
        tokens = out;
    }
    // Spans over whole tokens; the longest (then earliest) wins where they overlap.
    let mut cands: Vec<TokSpan> = Vec::with_capacity(kept.len());
    for s in kept {
        let first = tokens.partition_point(|t| t.start < s.start);
        let last = tokens.partition_point(|t| t.start < s.end);
        if first >= last {
            tally.spans_without_tokens += 1;
            continue;
        }
        cands.push(TokSpan {
            first,
            last,
            start: tokens[first].start,
            end: tokens[last - 1].end,
            label: s.label,
        });
    }
    cands.sort_by(|x, y| {
        (y.last - y.first)
            .cmp(&(x.last - x.first))
            .then(x.first.cmp(&y.first))
            .then(x.label.cmp(&y.label))
    });
    let mut taken = vec![false; tokens.len()];
    let mut out: Vec<TokSpan> = Vec::with_capacity(cands.len());
    for c in cands {
        if taken[c.first..c.last].iter().any(|&t| t) {
            tally.overlapping_dropped += 1;
            continue;
        }
        taken[c.first..c.last].iter_mut().for_each(|t| *t = true);
        out.push(c);
    }
    out.sort_by_key(|s| s.first);
    // No sentence break inside a span.
    let mut sentences: Vec<usize> = starts_at
        .iter()
        .map(|&c| tokens.partition_point(|t| t.start < c))
        .filter(|&i| !out.iter().any(|s| s.first < i && i < s.last))
        .collect();
    sentences.dedup();
    if sentences.first() != Some(&0) && !tokens.is_empty() {
        sentences.insert(0, 0);
    }
    Ok(Aligned { tokens, sentences, spans: out })
}
