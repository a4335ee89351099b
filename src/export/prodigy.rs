//! `prodigy`: ner_manual JSONL — text, tokens (text/start/end/id/ws), token-aligned spans, hashes, answer.

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::align::{token_doc, TokenDoc};
use super::options::ExportOptions;
use super::select::Doc;
use super::sink::Sink;
use crate::error::Result;

#[derive(Serialize)]
struct Task<'a> {
    text: &'a str,
    meta: Meta<'a>,
    tokens: Tokens<'a, 'a>,
    spans: Vec<SpanOut<'a>>,
    #[serde(rename = "_input_hash")]
    input_hash: i32,
    #[serde(rename = "_task_hash")]
    task_hash: i32,
    answer: &'static str,
}

#[derive(Serialize)]
struct Meta<'a> {
    id: &'a str,
}

#[derive(Serialize)]
struct TokenOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    id: usize,
    ws: bool,
}

/// The tokens, written one by one as the line is serialised (never a list of millions of objects in memory).
struct Tokens<'d, 'a>(&'d TokenDoc<'a>);

impl Serialize for Tokens<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> std::result::Result<S::Ok, S::Error> {
        let td = self.0;
        ser.collect_seq(td.al.tokens.iter().enumerate().map(|(id, t)| TokenOut {
            text: td.text(t),
            start: t.start,
            end: t.end,
            id,
            ws: td.space_after(t),
        }))
    }
}

#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    token_start: usize,
    /// Inclusive, as Prodigy counts.
    token_end: usize,
    label: &'a str,
}

/// A stable signed 32-bit hash (Prodigy's hashes are 32-bit ints).
pub fn hash32(parts: &[&[u8]]) -> i32 {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    let d = h.finalize();
    i32::from_be_bytes([d[0], d[1], d[2], d[3]])
}

pub fn write(doc: &Doc, o: &ExportOptions, sink: &mut Sink) -> Result<()> {
    let td = token_doc(doc, o, &mut sink.tally)?;
    let al = &td.al;
    let text = &doc.article.text;
    let spans: Vec<SpanOut> = al
        .spans
        .iter()
        .map(|s| SpanOut {
            start: s.start,
            end: s.end,
            token_start: s.first,
            token_end: s.last - 1,
            label: &s.label,
        })
        .collect();
    let input_hash = hash32(&[text.as_bytes()]);
    let spans_json = serde_json::to_vec(&spans)?;
    let task_hash = hash32(&[&input_hash.to_le_bytes(), &spans_json]);
    sink.json_line(&Task {
        text,
        meta: Meta { id: &doc.article.ext_id },
        tokens: Tokens(&td),
        spans,
        input_hash,
        task_hash,
        answer: "accept",
    })
}
