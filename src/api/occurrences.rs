//! "All occurrences" commands of the command API: find where a span's text occurs again (in its
//! article or the whole project) and label many places in one step.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::annotations::{self, NewSpan};
use crate::api::registry::{command, Command};
use crate::error::{Error, Result};
use crate::occurrences::{self, Occurrence};
use crate::store::Store;
use crate::text::CharIndex;
use crate::{articles, search};

#[derive(Debug, Clone, Deserialize, TS)]
pub struct FindOccurrencesReq {
    /// The span whose text to look for, given by its place.
    pub article_id: i64,
    pub start: i64,
    pub end: i64,
    /// Whose spans count as "already labelled".
    pub annotator: String,
    /// Look in every article, not only this one.
    #[serde(default)]
    #[ts(optional)]
    pub project: Option<bool>,
    /// At most this many (default 500).
    #[serde(default)]
    #[ts(optional)]
    pub limit: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct FoundOccurrence {
    #[serde(flatten)]
    pub at: Occurrence,
    /// Labels the annotator already has on exactly this place.
    pub labelled_as: Vec<String>,
    /// Labels of the annotator's longer spans around this place (حموشي inside عبداللطيف حموشي): with
    /// the label being applied, the place is already labelled and labelling it again would nest a duplicate.
    pub inside: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct OccurrencesResult {
    /// The text looked for.
    pub needle: String,
    /// Other places (the span's own place is left out), article by article, in text order.
    pub items: Vec<FoundOccurrence>,
    /// True when `limit` cut the list.
    pub truncated: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct SpanPlace {
    pub article_id: i64,
    pub start: i64,
    pub end: i64,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct AddSpansReq {
    pub annotator: String,
    pub label: String,
    pub places: Vec<SpanPlace>,
    /// "suggestion" marks the new spans as accepted suggestions (redoing an accept); default "analyst".
    #[serde(default)]
    #[ts(optional)]
    pub origin: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AddSpansResult {
    /// Spans created (their ids undo the step).
    pub added: Vec<crate::model::Span>,
    /// Places where the annotator already had this label.
    pub already: i64,
}

/// The "all occurrences" commands.
pub const COMMANDS: &[Command] = &[
    command!(Store, "find_occurrences", FindOccurrencesReq => OccurrencesResult, find),
    command!(Store, "add_spans", AddSpansReq => AddSpansResult, add_spans),
];

fn find(store: &mut Store, r: FindOccurrencesReq) -> Result<OccurrencesResult> {
    let text = articles::text_of(store.conn(), r.article_id)?;
    let (s, e) = (usize::try_from(r.start), usize::try_from(r.end));
    let (Ok(s), Ok(e)) = (s, e) else {
        return Err(Error::Invalid("offsets must not be negative".into()));
    };
    let needle = CharIndex::new(&text)
        .slice(s, e)
        .ok_or_else(|| Error::Invalid(format!("[{s}, {e}) is not inside the article")))?
        .to_string();
    let project = r.project.unwrap_or(false);
    if project {
        search::catch_up(store.conn_mut(), 500, |_, _| {})?;
    }
    let limit = r.limit.unwrap_or(500).clamp(1, 10_000) as usize;
    let found =
        occurrences::find(store.conn(), &needle, (!project).then_some(r.article_id), limit + 1)?;
    let truncated = found.len() > limit;
    let mut items = Vec::new();
    for at in found.into_iter().take(limit) {
        if at.article_id == r.article_id && at.start == r.start && at.end == r.end {
            continue;
        }
        let mut st = store.conn().prepare_cached(
            "SELECT l.name FROM spans s JOIN labels l ON l.id = s.label_id JOIN annotators n ON n.id = s.annotator_id
             WHERE s.article_id = ?1 AND s.start = ?2 AND s.end = ?3 AND n.name = ?4 ORDER BY l.name",
        )?;
        let labelled_as = st
            .query_map(rusqlite::params![at.article_id, at.start, at.end, r.annotator], |row| {
                row.get(0)
            })?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        let mut st = store.conn().prepare_cached(
            "SELECT DISTINCT l.name FROM spans s JOIN labels l ON l.id = s.label_id JOIN annotators n ON n.id = s.annotator_id
             WHERE s.article_id = ?1 AND s.start <= ?2 AND s.end >= ?3 AND NOT (s.start = ?2 AND s.end = ?3)
               AND n.name = ?4 ORDER BY l.name",
        )?;
        let inside = st
            .query_map(rusqlite::params![at.article_id, at.start, at.end, r.annotator], |row| {
                row.get(0)
            })?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        items.push(FoundOccurrence { at, labelled_as, inside });
    }
    Ok(OccurrencesResult { needle, items, truncated })
}

/// Label many places in one transaction: all are added, or none (any bad place refuses the step).
fn add_spans(store: &mut Store, r: AddSpansReq) -> Result<AddSpansResult> {
    let suggested = match r.origin.as_deref() {
        None | Some("analyst") => false,
        Some("suggestion") => true,
        Some(o) => {
            return Err(Error::Invalid(format!(
                "origin must be \"analyst\" or \"suggestion\", not {o:?}"
            )))
        }
    };
    store.with_tx(|tx| {
        let mut added = Vec::new();
        let mut already = 0;
        let mut cache: Option<(i64, String)> = None;
        for p in &r.places {
            if cache.as_ref().is_none_or(|c| c.0 != p.article_id) {
                cache = Some((p.article_id, articles::text_of(tx, p.article_id)?));
            }
            let text = cache.as_ref().map(|c| c.1.as_str()).unwrap_or_default();
            let (Ok(start), Ok(end)) = (usize::try_from(p.start), usize::try_from(p.end)) else {
                return Err(Error::Invalid(format!(
                    "article {}: offsets must not be negative",
                    p.article_id
                )));
            };
            let span = NewSpan {
                article_id: p.article_id,
                start,
                end,
                label: &r.label,
                annotator: &r.annotator,
                note: "",
                created_at: None,
            };
            match annotations::add_span(tx, &CharIndex::new(text), &span, false)? {
                annotations::Added::New(id) => {
                    if suggested {
                        tx.execute("UPDATE spans SET origin = 'suggestion' WHERE id = ?1", [id])?;
                    }
                    annotations::mark_started(tx, p.article_id, &r.annotator)?;
                    added.push(annotations::get_span(tx, id)?)
                }
                annotations::Added::Existing(_) => already += 1,
            }
        }
        Ok(AddSpansResult { added, already })
    })
}
