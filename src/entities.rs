//! The entity registry: canonical people, organisations, places… with aliases; analysts' spans link to
//! them; every mention of an entity is found through its aliases and their spelling variants
//! (`crate::variants`) over the search index; merge (undoable) and split.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::annotations::{self, NewSpan};
use crate::error::{Error, Result};
use crate::labels;
use crate::model::{LabelKind, Span};
use crate::occurrences::Occurrence;
use crate::search::normalize;
use crate::text::CharIndex;
use crate::variants::{self, Name, Variant};

/// One entity of the registry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Entity {
    /// Stable across exports and projects ("E…").
    pub id: String,
    /// Its type: a span label.
    #[serde(rename = "type")]
    pub label: String,
    /// The preferred name.
    pub name: String,
    /// The name in Latin letters, if known.
    #[serde(default)]
    pub latin: String,
    #[serde(default)]
    pub description: String,
    /// An identifier elsewhere typed by the analyst (e.g. a Wikidata QID); nothing is fetched.
    #[serde(default)]
    pub external_id: String,
    /// Every spelling it is known by (the preferred name included).
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// An entity with how much the corpus says about it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EntitySummary {
    #[serde(flatten)]
    pub entity: Entity,
    /// Spans linked to it (by every analyst).
    pub mentions: i64,
    /// Articles with such a span.
    pub articles: i64,
}

/// Fields of a new entity.
#[derive(Debug, Clone, Default)]
pub struct NewEntity<'a> {
    /// Keep this id (an import); `None` makes one.
    pub id: Option<&'a str>,
    pub label: &'a str,
    pub name: &'a str,
    pub latin: &'a str,
    pub description: &'a str,
    pub external_id: &'a str,
    pub aliases: &'a [String],
    pub created_by: &'a str,
}

fn make_key(tx: &Transaction, name: &str) -> Result<String> {
    let seq: i64 =
        tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM entities", [], |r| r.get(0))?;
    let hash = crate::text::content_hash(&format!("{name}\u{0}{seq}\u{0}{}", crate::db::now()));
    Ok(format!("E{seq}-{}", &hash[..8]))
}

/// The row id of an entity, following merges to the entity it now belongs to.
pub fn row_id(conn: &Connection, key: &str) -> Result<i64> {
    let id: i64 = conn
        .prepare_cached("SELECT id FROM entities WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("there is no entity {key}")))?;
    current_row(conn, id)
}

/// The entity row `id` belongs to now: itself, or the one it was merged into (through any chain).
pub fn current_row(conn: &Connection, row: i64) -> Result<i64> {
    let mut id = row;
    for _ in 0..100 {
        let next: Option<i64> = conn
            .prepare_cached("SELECT merged_into FROM entities WHERE id = ?1")?
            .query_row([id], |r| r.get(0))?;
        match next {
            Some(n) => id = n,
            None => return Ok(id),
        }
    }
    Err(Error::Invalid(format!("entity {row} is merged in a loop")))
}

/// The id (key) of the entity row `row` belongs to now (see [`current_row`]).
pub fn current_key(conn: &Connection, row: i64) -> Result<String> {
    let id = current_row(conn, row)?;
    Ok(conn
        .prepare_cached("SELECT key FROM entities WHERE id = ?1")?
        .query_row([id], |r| r.get(0))?)
}

/// Add an alias (kept as written, matched normalised). Returns whether it is new.
pub fn add_alias(tx: &Transaction, entity: i64, alias: &str) -> Result<bool> {
    let alias = alias.trim();
    if alias.is_empty() {
        return Ok(false);
    }
    let norm = normalize(alias);
    let exists: bool = tx
        .prepare_cached("SELECT 1 FROM entity_aliases WHERE entity_id = ?1 AND norm = ?2")?
        .query_row(params![entity, norm], |_| Ok(()))
        .optional()?
        .is_some();
    if exists {
        return Ok(false);
    }
    tx.prepare_cached("INSERT INTO entity_aliases (entity_id, alias, norm) VALUES (?1, ?2, ?3)")?
        .execute(params![entity, alias, norm])?;
    Ok(true)
}

/// Remove an alias (never the preferred name). Returns whether it was there.
pub fn remove_alias(tx: &Transaction, entity: i64, alias: &str) -> Result<bool> {
    let name: String =
        tx.query_row("SELECT name FROM entities WHERE id = ?1", [entity], |r| r.get(0))?;
    if normalize(&name) == normalize(alias) {
        return Err(Error::Invalid(format!("{alias} is the preferred name; rename first")));
    }
    Ok(tx.execute(
        "DELETE FROM entity_aliases WHERE entity_id = ?1 AND norm = ?2",
        params![entity, normalize(alias)],
    )? > 0)
}

/// Create an entity; its preferred name is always one of its aliases. Returns its id (key).
pub fn create(tx: &Transaction, e: &NewEntity) -> Result<String> {
    let name = e.name.trim();
    if name.is_empty() {
        return Err(Error::Invalid("an entity needs a name".into()));
    }
    let label = labels::require(tx, LabelKind::Span, e.label)?;
    let key = match e.id {
        Some(k) if !k.trim().is_empty() => k.trim().to_string(),
        _ => make_key(tx, name)?,
    };
    let by = annotations::annotator_id(tx, e.created_by)?;
    let inserted = tx.execute(
        "INSERT INTO entities (key, label_id, name, latin, description, external_id, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![key, label.id, name, e.latin.trim(), e.description, e.external_id.trim(), by, crate::db::now()],
    );
    if let Err(rusqlite::Error::SqliteFailure(f, _)) = &inserted {
        if f.code == rusqlite::ErrorCode::ConstraintViolation {
            return Err(Error::Conflict(format!("there is already an entity {key}")));
        }
    }
    inserted?;
    let id = tx.last_insert_rowid();
    add_alias(tx, id, name)?;
    for a in e.aliases {
        add_alias(tx, id, a)?;
    }
    Ok(key)
}

/// Changes to an entity's fields; `None` leaves one as it is.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct EntityChange {
    #[serde(default)]
    #[ts(optional)]
    pub name: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub latin: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub description: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub external_id: Option<String>,
}

pub fn update(tx: &Transaction, key: &str, c: &EntityChange) -> Result<Entity> {
    let id = row_id(tx, key)?;
    if let Some(n) = c.name.as_deref().map(str::trim) {
        if n.is_empty() {
            return Err(Error::Invalid("an entity needs a name".into()));
        }
        tx.execute("UPDATE entities SET name = ?2 WHERE id = ?1", params![id, n])?;
        add_alias(tx, id, n)?;
    }
    tx.execute(
        "UPDATE entities SET latin = coalesce(?2, latin), description = coalesce(?3, description),
                external_id = coalesce(?4, external_id) WHERE id = ?1",
        params![
            id,
            c.latin.as_deref().map(str::trim),
            c.description,
            c.external_id.as_deref().map(str::trim)
        ],
    )?;
    by_row(tx, id)
}

fn aliases_of(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let mut st = conn.prepare_cached(
        "SELECT a.alias FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
         WHERE a.entity_id = ?1 ORDER BY a.alias = e.name DESC, a.rowid",
    )?;
    let rows = st.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
}

fn by_row(conn: &Connection, id: i64) -> Result<Entity> {
    let mut e = conn.query_row(
        "SELECT e.key, l.name, e.name, e.latin, e.description, e.external_id FROM entities e
         JOIN labels l ON l.id = e.label_id WHERE e.id = ?1",
        [id],
        |r| {
            Ok(Entity {
                id: r.get(0)?,
                label: r.get(1)?,
                name: r.get(2)?,
                latin: r.get(3)?,
                description: r.get(4)?,
                external_id: r.get(5)?,
                aliases: Vec::new(),
            })
        },
    )?;
    e.aliases = aliases_of(conn, id)?;
    Ok(e)
}

/// One entity by id (a merged one answers with the entity it was merged into).
pub fn get(conn: &Connection, key: &str) -> Result<Entity> {
    by_row(conn, row_id(conn, key)?)
}

/// The entities (merged ones left out), optionally of one type or matching a query (name or alias,
/// normalised), by name; with their mention and article counts.
/// `seen`: an analyst annotating blind (their row id): only the mentions they may see are counted.
pub fn list(
    conn: &Connection,
    label: Option<&str>,
    query: Option<&str>,
    seen: Option<i64>,
) -> Result<Vec<EntitySummary>> {
    let q = query.map(normalize).filter(|q| !q.trim().is_empty());
    let visible = seen_sql(seen);
    let mut st = conn.prepare(&format!(
        "SELECT e.id,
                (SELECT count(*) FROM span_entities se JOIN spans s ON s.id = se.span_id
                  WHERE se.entity_id = e.id AND {visible}),
                (SELECT count(DISTINCT s.article_id) FROM span_entities se JOIN spans s ON s.id = se.span_id
                  WHERE se.entity_id = e.id AND {visible})
         FROM entities e JOIN labels l ON l.id = e.label_id
         WHERE e.merged_into IS NULL AND (?1 IS NULL OR l.name = ?1)
           AND (?2 IS NULL OR EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = e.id AND instr(a.norm, ?2) > 0))
         ORDER BY e.name, e.id",
    ))?;
    let rows: Vec<(i64, i64, i64)> = st
        .query_map(params![label, q], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|(id, mentions, articles)| {
            Ok(EntitySummary { entity: by_row(conn, id)?, mentions, articles })
        })
        .collect()
}

/// The entity a span is linked to (its id), if any — for every export format.
pub fn entity_of_span(conn: &Connection, span_id: i64) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT e.key FROM span_entities se JOIN entities e ON e.id = se.entity_id WHERE se.span_id = ?1",
        )?
        .query_row([span_id], |r| r.get(0))
        .optional()?)
}

/// The span's owner and label, checked against who asks.
fn own_span(tx: &Transaction, span_id: i64, annotator: &str) -> Result<Span> {
    let s = annotations::get_span(tx, span_id)?;
    if s.annotator != annotator.trim() {
        return Err(Error::Forbidden(format!(
            "this span belongs to {}; {annotator} cannot link another analyst's span",
            s.annotator
        )));
    }
    Ok(s)
}

/// Link one's own span to an entity of its type (its text becomes an alias), or unlink it (`None`).
/// Returns the entity it was linked to before.
pub fn link(
    tx: &Transaction,
    span_id: i64,
    annotator: &str,
    key: Option<&str>,
) -> Result<Option<String>> {
    let span = own_span(tx, span_id, annotator)?;
    let before = entity_of_span(tx, span_id)?;
    match key {
        None => {
            tx.execute("DELETE FROM span_entities WHERE span_id = ?1", [span_id])?;
        }
        Some(k) => {
            let id = row_id(tx, k)?;
            let e = by_row(tx, id)?;
            if e.label != span.label {
                return Err(Error::Invalid(format!(
                    "{} is a {} entity; this span is {}",
                    e.name, e.label, span.label
                )));
            }
            tx.execute(
                "INSERT INTO span_entities (span_id, entity_id, linked_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (span_id) DO UPDATE SET entity_id = excluded.entity_id, linked_at = excluded.linked_at",
                params![span_id, id, crate::db::now()],
            )?;
            add_alias(tx, id, &span.text)?;
        }
    }
    Ok(before)
}

/// Link an imported span (article, label id, annotator id, start, end) to entity `key`, unless it is
/// linked already (an import adds, never overwrites). An id the registry lacks becomes an entity named
/// after the span's text, so no link is lost.
pub fn link_imported(
    tx: &Transaction,
    (article, label, who, start, end): (i64, i64, i64, usize, usize),
    key: &str,
    label_name: &str,
    text: &str,
    annotator: &str,
) -> Result<()> {
    let key = key.trim();
    let id = match row_id(tx, key) {
        Ok(id) => id,
        Err(Error::NotFound(_)) => {
            let name = if text.trim().is_empty() { key } else { text };
            let new = NewEntity {
                id: Some(key),
                label: label_name,
                name,
                created_by: annotator,
                ..Default::default()
            };
            row_id(tx, &create(tx, &new)?)?
        }
        Err(e) => return Err(e),
    };
    tx.prepare_cached(
        "INSERT OR IGNORE INTO span_entities (span_id, entity_id, linked_at)
         SELECT id, ?6, ?7 FROM spans WHERE article_id = ?1 AND label_id = ?2 AND annotator_id = ?3 AND start = ?4 AND end = ?5",
    )?
    .execute(params![article, label, who, start as i64, end as i64, id, crate::db::now()])?;
    add_alias(tx, id, text)?;
    Ok(())
}

/// Create an entity from one's own span: its text is the preferred name, its label the type; the span
/// is linked to it.
pub fn create_from_span(tx: &Transaction, span_id: i64, annotator: &str) -> Result<String> {
    let span = own_span(tx, span_id, annotator)?;
    let key = create(
        tx,
        &NewEntity {
            label: &span.label,
            name: &span.text,
            created_by: annotator,
            ..Default::default()
        },
    )?;
    link(tx, span_id, annotator, Some(&key))?;
    Ok(key)
}

/// An entity a span's text may refer to, and how well an alias matches.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Proposal {
    #[serde(flatten)]
    pub entity: EntitySummary,
    /// The closest alias's spelling difference.
    pub variant: Variant,
    /// The alias covers only part of the text, or the text only part of the alias (حموشي / عبد اللطيف حموشي).
    pub partial: bool,
    /// The alias that matched.
    pub alias: String,
}

/// A word this long (or longer) shared by a span's text and an alias proposes the alias's entity.
const MIN_SHARED_WORD: usize = 6;

/// Entities of `label` whose aliases match `text` (normalised, clitics, spelling variants), best first:
/// a whole match before a partial one, the closer spelling first, then the most mentioned.
pub fn proposals(conn: &Connection, text: &str, label: &str) -> Result<Vec<Proposal>> {
    let whole = |found: &[variants::Found], len: usize| {
        found.iter().find(|f| f.end == len && f.start <= 3).map(|f| f.variant)
    };
    let text_len = text.chars().count();
    let text_name = Name::new(text);
    let long_words: Vec<Name> = crate::search::words(&normalize(text))
        .filter(|w| w.chars().count() >= MIN_SHARED_WORD)
        .filter_map(Name::new)
        .collect();
    let mut out: Vec<Proposal> = Vec::new();
    for s in list(conn, Some(label), None, None)? {
        let mut best: Option<(bool, Variant, String)> = None;
        for alias in &s.entity.aliases {
            let Some(name) = Name::new(alias) else { continue };
            let here = variants::find_names(text, std::slice::from_ref(&name));
            let cand = if let Some(v) = whole(&here, text_len) {
                Some((false, v, alias.clone()))
            } else if let Some(f) = here.first() {
                Some((true, f.variant, alias.clone()))
            } else if let Some(f) = text_name.as_ref().and_then(|tn| {
                variants::find_names(alias, std::slice::from_ref(tn)).first().copied()
            }) {
                Some((true, f.variant, alias.clone()))
            } else {
                // A long word in common (the family name: الهويريني in two spellings of one official).
                long_words
                    .iter()
                    .filter_map(|w| {
                        variants::find_names(alias, std::slice::from_ref(w)).first().copied()
                    })
                    .map(|f| (true, f.variant.max(Variant::Spacing), alias.clone()))
                    .min_by_key(|c| c.1)
            };
            if let Some(c) = cand {
                if best.as_ref().is_none_or(|b| (c.0, c.1) < (b.0, b.1)) {
                    best = Some(c);
                }
            }
        }
        if let Some((partial, variant, alias)) = best {
            out.push(Proposal { entity: s, variant, partial, alias });
        }
    }
    out.sort_by(|a, b| {
        (a.partial, a.variant, -a.entity.mentions, &a.entity.entity.name).cmp(&(
            b.partial,
            b.variant,
            -b.entity.mentions,
            &b.entity.entity.name,
        ))
    });
    Ok(out)
}

/// What linking all mentions would do at one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MentionAction {
    /// Nothing labelled here: a span of the entity's type is created and linked.
    Create,
    /// The analyst's span of that type is here (or around it), not linked: it is linked.
    Link,
    /// Already linked to this entity.
    Linked,
    /// The analyst's span here is linked to another entity, or has another label: left alone.
    Other,
}

/// One place an entity is mentioned.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Mention {
    #[serde(flatten)]
    pub at: Occurrence,
    pub action: MentionAction,
    /// The analyst's span here (to link, or linked).
    pub span_id: Option<i64>,
}

/// The names of an entity (its aliases), prepared for matching.
fn names_of(e: &Entity) -> Vec<Name> {
    e.aliases.iter().filter_map(|a| Name::new(a)).collect()
}

/// Articles that may mention one of `names`, through the search index (run `search::catch_up` first).
fn candidates(conn: &Connection, names: &[Name]) -> Result<Vec<i64>> {
    let Some(expr) = variants::fts_query(names) else { return Ok(Vec::new()) };
    let mut st = conn.prepare_cached(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid",
    )?;
    let rows = st.query_map([expr], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<i64>>>()?)
}

/// The analyst's spans of one article: (id, start, end, label, linked entity).
type OwnSpan = (i64, i64, i64, String, Option<String>);

fn own_spans(conn: &Connection, article: i64, annotator: &str) -> Result<Vec<OwnSpan>> {
    let mut st = conn.prepare_cached(
        "SELECT s.id, s.start, s.end, l.name, e.key FROM spans s JOIN labels l ON l.id = s.label_id
           JOIN annotators n ON n.id = s.annotator_id
           LEFT JOIN span_entities se ON se.span_id = s.id LEFT JOIN entities e ON e.id = se.entity_id
         WHERE s.article_id = ?1 AND n.name = ?2 ORDER BY s.end - s.start",
    )?;
    let rows = st.query_map(params![article, annotator], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// What to do at `[start, end)` given the analyst's spans there (the shortest around it first).
fn action_at(
    spans: &[OwnSpan],
    start: i64,
    end: i64,
    e: &Entity,
    key: &str,
) -> (MentionAction, Option<i64>) {
    if let Some(s) = spans.iter().find(|s| s.1 <= start && s.2 >= end && s.3 == e.label) {
        return match s.4.as_deref() {
            Some(k) if k == key => (MentionAction::Linked, Some(s.0)),
            Some(_) => (MentionAction::Other, Some(s.0)),
            None => (MentionAction::Link, Some(s.0)),
        };
    }
    match spans.iter().find(|s| s.1 == start && s.2 == end) {
        Some(s) => (MentionAction::Other, Some(s.0)),
        None => (MentionAction::Create, None),
    }
}

/// Every place the entity is mentioned in the corpus (its aliases and their variants, through the
/// search index), with what linking all would do there for `annotator`; at most `limit`.
pub fn mentions(
    conn: &Connection,
    key: &str,
    annotator: &str,
    limit: usize,
) -> Result<Vec<Mention>> {
    let e = get(conn, key)?;
    let key = e.id.clone();
    let names = names_of(&e);
    let mode = crate::clitics::CliticMode::parse(&crate::settings::get(conn)?.clitics)?;
    let mut out = Vec::new();
    for id in candidates(conn, &names)? {
        let (title, text): (String, String) =
            conn.query_row("SELECT title, text FROM articles WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        let mut found = variants::find_names(&text, &names);
        if found.is_empty() {
            continue;
        }
        // Each new span starts where the clitic setting starts a span on its word (token exports fit).
        crate::occurrences::snap_starts(&text, mode, &mut found);
        let chars: Vec<char> = text.chars().collect();
        let spans = own_spans(conn, id, annotator)?;
        for f in found {
            let at = crate::occurrences::occurrence(id, &title, &chars, &f);
            let (action, span_id) = action_at(&spans, at.start, at.end, &e, &key);
            out.push(Mention { at, action, span_id });
            if out.len() >= limit {
                return Ok(out);
            }
        }
    }
    Ok(out)
}

/// A place to link, as listed by [`mentions`].
#[derive(Debug, Clone, Deserialize, TS)]
pub struct MentionPlace {
    pub article_id: i64,
    pub start: i64,
    pub end: i64,
}

/// What [`link_mentions`] did: enough to undo it ([`undo_link_mentions`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct LinkedMentions {
    pub entity: String,
    /// Spans created (of the entity's type) and linked.
    pub created: Vec<Span>,
    /// The analyst's spans that were linked.
    pub linked: Vec<Span>,
    /// Spellings that became aliases.
    pub aliases_added: Vec<String>,
    /// Places left alone (linked to another entity, or labelled otherwise).
    pub skipped: i64,
}

/// Link every given place to the entity as `annotator`, in one step: the analyst's span of the entity's
/// type there (or around it) is linked, otherwise one is created; each spelling becomes an alias.
pub fn link_mentions(
    tx: &Transaction,
    key: &str,
    annotator: &str,
    places: &[MentionPlace],
) -> Result<LinkedMentions> {
    let id = row_id(tx, key)?;
    let e = by_row(tx, id)?;
    let mut out = LinkedMentions { entity: e.id.clone(), ..Default::default() };
    let mut by_article: BTreeMap<i64, Vec<&MentionPlace>> = BTreeMap::new();
    for p in places {
        by_article.entry(p.article_id).or_default().push(p);
    }
    let now = crate::db::now();
    let mut aliases: BTreeSet<String> = BTreeSet::new();
    for (article, ps) in by_article {
        let text = crate::articles::text_of(tx, article)?;
        let idx = CharIndex::new(&text);
        let mut spans = own_spans(tx, article, annotator)?;
        for p in ps {
            let (action, span_id) = action_at(&spans, p.start, p.end, &e, &e.id);
            let span_id = match (action, span_id) {
                (MentionAction::Link, Some(s)) => s,
                (MentionAction::Create, _) => {
                    let (Ok(start), Ok(end)) = (usize::try_from(p.start), usize::try_from(p.end))
                    else {
                        return Err(Error::Invalid(format!(
                            "article {article}: offsets must not be negative"
                        )));
                    };
                    let span = NewSpan {
                        article_id: article,
                        start,
                        end,
                        label: &e.label,
                        annotator,
                        note: "",
                        created_at: None,
                    };
                    annotations::add_span(tx, &idx, &span, false)?.id()
                }
                _ => {
                    out.skipped += 1;
                    continue;
                }
            };
            tx.prepare_cached(
                "INSERT INTO span_entities (span_id, entity_id, linked_at) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![span_id, id, now])?;
            let span = annotations::get_span_in(tx, span_id, &idx)?;
            match spans.iter_mut().find(|s| s.0 == span_id) {
                Some(s) => s.4 = Some(e.id.clone()),
                None => spans.push((span_id, p.start, p.end, e.label.clone(), Some(e.id.clone()))),
            }
            if add_alias(tx, id, &span.text)? {
                aliases.insert(span.text.trim().to_string());
            }
            if action == MentionAction::Create {
                out.created.push(span);
            } else {
                out.linked.push(span);
            }
        }
    }
    out.aliases_added = aliases.into_iter().collect();
    Ok(out)
}

/// Undo [`link_mentions`]: the created spans go, the linked ones are unlinked, the new aliases removed.
pub fn undo_link_mentions(tx: &Transaction, annotator: &str, done: &LinkedMentions) -> Result<()> {
    let id = row_id(tx, &done.entity)?;
    for s in &done.created {
        annotations::delete_span(tx, s.id, annotator)?;
    }
    for s in &done.linked {
        own_span(tx, s.id, annotator)?;
        tx.execute(
            "DELETE FROM span_entities WHERE span_id = ?1 AND entity_id = ?2",
            params![s.id, id],
        )?;
    }
    for a in &done.aliases_added {
        tx.execute(
            "DELETE FROM entity_aliases WHERE entity_id = ?1 AND norm = ?2",
            params![id, normalize(a)],
        )?;
    }
    Ok(())
}

/// Merge entity `from` into `into`: its aliases and span links move; `from` stays, hidden, so the
/// merge can be undone ([`unmerge`]). Both must be of one type. Returns the merge's id.
pub fn merge(tx: &Transaction, into: &str, from: &str, by: &str) -> Result<i64> {
    let (a, b) = (row_id(tx, into)?, row_id(tx, from)?);
    if a == b {
        return Err(Error::Invalid("an entity cannot be merged into itself".into()));
    }
    let (ea, eb) = (by_row(tx, a)?, by_row(tx, b)?);
    if ea.label != eb.label {
        return Err(Error::Invalid(format!(
            "{} is {} and {} is {}: only entities of one type merge",
            ea.name, ea.label, eb.name, eb.label
        )));
    }
    let mut added = Vec::new();
    for alias in &eb.aliases {
        if add_alias(tx, a, alias)? {
            added.push(alias.clone());
        }
    }
    let spans: Vec<i64> = tx
        .prepare("SELECT span_id FROM span_entities WHERE entity_id = ?1 ORDER BY span_id")?
        .query_map([b], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tx.execute("UPDATE span_entities SET entity_id = ?1 WHERE entity_id = ?2", params![a, b])?;
    tx.execute("UPDATE entities SET merged_into = ?1 WHERE id = ?2", params![a, b])?;
    let who = annotations::annotator_id(tx, by)?;
    tx.execute(
        "INSERT INTO entity_merges (into_id, from_id, aliases, spans, merged_by, merged_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![a, b, serde_json::to_string(&added)?, serde_json::to_string(&spans)?, who, crate::db::now()],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Undo a merge: the moved span links and aliases go back, the merged entity is listed again.
pub fn unmerge(tx: &Transaction, merge_id: i64) -> Result<()> {
    let (a, b, aliases, spans): (i64, i64, String, String) = tx
        .query_row(
            "SELECT into_id, from_id, aliases, spans FROM entity_merges WHERE id = ?1",
            [merge_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("there is no merge {merge_id} to undo")))?;
    let aliases: Vec<String> = serde_json::from_str(&aliases)?;
    let spans: Vec<i64> = serde_json::from_str(&spans)?;
    for s in spans {
        tx.execute(
            "UPDATE span_entities SET entity_id = ?1 WHERE span_id = ?2 AND entity_id = ?3",
            params![b, s, a],
        )?;
    }
    for alias in aliases {
        tx.execute(
            "DELETE FROM entity_aliases WHERE entity_id = ?1 AND norm = ?2",
            params![a, normalize(&alias)],
        )?;
    }
    tx.execute("UPDATE entities SET merged_into = NULL WHERE id = ?1", [b])?;
    tx.execute("DELETE FROM entity_merges WHERE id = ?1", [merge_id])?;
    Ok(())
}

/// Split an entity: `aliases` move to a new entity of the same type (named after the first), with the
/// linked spans whose text those aliases match better than the remaining ones. Returns the new id.
pub fn split(tx: &Transaction, key: &str, aliases: &[String], by: &str) -> Result<String> {
    let id = row_id(tx, key)?;
    let e = by_row(tx, id)?;
    let moving: BTreeSet<String> = aliases.iter().map(|a| normalize(a.trim())).collect();
    let (go, stay): (Vec<&String>, Vec<&String>) =
        e.aliases.iter().partition(|a| moving.contains(&normalize(a)));
    if go.is_empty() {
        return Err(Error::Invalid(format!("none of those is an alias of {}", e.name)));
    }
    if stay.is_empty() {
        return Err(Error::Invalid("a split must leave the entity at least one alias".into()));
    }
    let go: Vec<String> = go.into_iter().cloned().collect();
    let stay: Vec<String> = stay.into_iter().cloned().collect();
    let new_key = create(
        tx,
        &NewEntity {
            label: &e.label,
            name: &go[0],
            aliases: &go,
            created_by: by,
            ..Default::default()
        },
    )?;
    let new_id = row_id(tx, &new_key)?;
    for a in &go {
        tx.execute(
            "DELETE FROM entity_aliases WHERE entity_id = ?1 AND norm = ?2",
            params![id, normalize(a)],
        )?;
    }
    if moving.contains(&normalize(&e.name)) {
        tx.execute("UPDATE entities SET name = ?2 WHERE id = ?1", params![id, stay[0]])?;
    }
    let best = |names: &[String], text: &str| -> Option<Variant> {
        let len = text.chars().count();
        names
            .iter()
            .filter_map(|n| Name::new(n))
            .flat_map(|n| variants::find_names(text, &[n]))
            .filter(|f| f.end == len && f.start <= 3)
            .map(|f| f.variant)
            .min()
    };
    let linked: Vec<i64> = tx
        .prepare("SELECT span_id FROM span_entities WHERE entity_id = ?1")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for s in linked {
        let text = annotations::get_span(tx, s)?.text;
        let (g, k) = (best(&go, &text), best(&stay, &text));
        if g.is_some() && (k.is_none() || g < k) {
            tx.execute(
                "UPDATE span_entities SET entity_id = ?1 WHERE span_id = ?2",
                params![new_id, s],
            )?;
        }
    }
    Ok(new_key)
}

/// An article that mentions an entity (through linked spans).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EntityArticle {
    pub article_id: i64,
    pub title: String,
    /// Linked spans in it.
    pub mentions: i64,
    /// The first few, in context.
    pub contexts: Vec<Occurrence>,
}

/// Another entity linked in the same articles.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CoEntity {
    pub id: String,
    #[serde(rename = "type")]
    pub label: String,
    pub name: String,
    /// Articles both are linked in.
    pub articles: i64,
}

/// Everything the entity view shows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EntityView {
    #[serde(flatten)]
    pub summary: EntitySummary,
    /// The articles with linked spans, most mentions first.
    pub by_article: Vec<EntityArticle>,
    pub cooccurring: Vec<CoEntity>,
    /// The relations its linked spans take part in, by article.
    pub relations: Vec<EntityRelation>,
}

/// A relation one of the entity's linked spans takes part in, as the entity view lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EntityRelation {
    pub article_id: i64,
    pub title: String,
    #[serde(rename = "type")]
    #[ts(rename = "type")]
    pub rtype: String,
    /// The type has a direction (a symmetric type reads either way round).
    pub directed: bool,
    /// The entity's span is the relation's source.
    pub outgoing: bool,
    /// The other end: its text as written, its label, and its entity (id, preferred name) if linked.
    pub other_text: String,
    pub other_label: String,
    pub other_entity: Option<String>,
    pub other_name: Option<String>,
    pub annotator: String,
}

/// Relations listed per entity view (the busiest entities have many).
const RELATIONS_IN_VIEW: i64 = 200;

/// The relations the spans linked to entity row `id` take part in, in article and creation order;
/// `seen` as for [`view`] (blind annotation: the analyst's own, and others' on articles marked done).
fn relations_of_entity(
    conn: &Connection,
    id: i64,
    seen: Option<i64>,
) -> Result<Vec<EntityRelation>> {
    let visible = seen.map_or_else(|| "1".to_string(), |me| crate::blind::visible("r", me));
    let mut st = conn.prepare(&format!(
        "SELECT r.article_id, a.title, t.name, t.directed, r.from_span = s.id, o.start, o.end, lo.name,
                eo.key, eo.name, n.name
         FROM span_entities se JOIN spans s ON s.id = se.span_id
              JOIN relations r ON r.from_span = s.id OR r.to_span = s.id
              JOIN relation_types t ON t.id = r.type_id
              JOIN spans o ON o.id = CASE WHEN r.from_span = s.id THEN r.to_span ELSE r.from_span END
              JOIN labels lo ON lo.id = o.label_id
              JOIN articles a ON a.id = r.article_id
              JOIN annotators n ON n.id = r.annotator_id
              LEFT JOIN span_entities so ON so.span_id = o.id
              LEFT JOIN entities eo ON eo.id = so.entity_id
         WHERE se.entity_id = ?1 AND {visible} ORDER BY r.article_id, r.id LIMIT ?2",
    ))?;
    let rows = st.query_map(params![id, RELATIONS_IN_VIEW], |r| {
        Ok((
            EntityRelation {
                article_id: r.get(0)?,
                title: r.get(1)?,
                rtype: r.get(2)?,
                directed: r.get(3)?,
                outgoing: r.get(4)?,
                other_text: String::new(),
                other_label: r.get(7)?,
                other_entity: r.get(8)?,
                other_name: r.get(9)?,
                annotator: r.get(10)?,
            },
            r.get::<_, i64>(5)?,
            r.get::<_, i64>(6)?,
        ))
    })?;
    let mut texts: BTreeMap<i64, String> = BTreeMap::new();
    let mut out = Vec::new();
    for row in rows {
        let (mut rel, start, end) = row?;
        let text = match texts.entry(rel.article_id) {
            std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert(crate::articles::text_of(conn, rel.article_id)?)
            }
        };
        rel.other_text =
            crate::text::slice_cp(text, start as usize, end as usize).unwrap_or("").to_string();
        out.push(rel);
    }
    Ok(out)
}

/// Contexts shown per article in the entity view.
const CONTEXTS_PER_ARTICLE: usize = 3;

/// A condition on spans aliased `s`: all of them, or those an analyst annotating blind may see.
fn seen_sql(seen: Option<i64>) -> String {
    seen.map_or_else(|| "1".to_string(), |me| crate::blind::visible("s", me))
}

/// The entity view; `seen`: an analyst annotating blind (their row id), who sees their own mentions and
/// the others' only on articles they marked done.
pub fn view(conn: &Connection, key: &str, seen: Option<i64>) -> Result<EntityView> {
    let id = row_id(conn, key)?;
    let entity = by_row(conn, id)?;
    let visible = seen_sql(seen);
    let mut st = conn.prepare(&format!(
        "SELECT s.article_id, s.start, s.end FROM span_entities se JOIN spans s ON s.id = se.span_id
         WHERE se.entity_id = ?1 AND {visible} ORDER BY s.article_id, s.start, s.end",
    ))?;
    let rows: Vec<(i64, i64, i64)> = st
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut articles: Vec<EntityArticle> = Vec::new();
    let mut per: BTreeMap<i64, Vec<(i64, i64)>> = BTreeMap::new();
    for (a, s, e) in &rows {
        per.entry(*a).or_default().push((*s, *e));
    }
    for (a, places) in &per {
        let (title, text): (String, String) =
            conn.query_row("SELECT title, text FROM articles WHERE id = ?1", [a], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        let chars: Vec<char> = text.chars().collect();
        let mut seen = BTreeSet::new();
        let contexts = places
            .iter()
            .filter(|p| seen.insert(**p))
            .take(CONTEXTS_PER_ARTICLE)
            .map(|&(s, e)| {
                let f = variants::Found {
                    start: s as usize,
                    end: (e as usize).min(chars.len()),
                    variant: Variant::Exact,
                    name: 0,
                };
                crate::occurrences::occurrence(*a, &title, &chars, &f)
            })
            .collect();
        articles.push(EntityArticle {
            article_id: *a,
            title,
            mentions: places.len() as i64,
            contexts,
        });
    }
    articles.sort_by(|x, y| y.mentions.cmp(&x.mentions).then(x.article_id.cmp(&y.article_id)));
    let visible2 = seen.map_or_else(|| "1".to_string(), |me| crate::blind::visible("s2", me));
    let mut st = conn.prepare(&format!(
        "SELECT e.key, l.name, e.name, count(DISTINCT s.article_id) AS n
         FROM span_entities se JOIN spans s ON s.id = se.span_id JOIN entities e ON e.id = se.entity_id
         JOIN labels l ON l.id = e.label_id
         WHERE se.entity_id != ?1 AND {visible} AND s.article_id IN
               (SELECT s2.article_id FROM span_entities x JOIN spans s2 ON s2.id = x.span_id WHERE x.entity_id = ?1 AND {visible2})
         GROUP BY e.id ORDER BY n DESC, e.name LIMIT 50",
    ))?;
    let cooccurring = st
        .query_map([id], |r| {
            Ok(CoEntity { id: r.get(0)?, label: r.get(1)?, name: r.get(2)?, articles: r.get(3)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let distinct_articles = per.len() as i64;
    let relations = relations_of_entity(conn, id, seen)?;
    Ok(EntityView {
        relations,
        summary: EntitySummary { entity, mentions: rows.len() as i64, articles: distinct_articles },
        by_article: articles,
        cooccurring,
    })
}
