//! The command API: every operation the UI can ask for, as typed requests and responses.
//! The desktop shell (Tauri `invoke("api", {cmd, args})`) and browser mode (`POST /api/{cmd}`)
//! both call [`dispatch`], so the two transports run exactly the same code.

pub mod clitics;
pub mod desktop;
pub mod entities;
pub mod jobs;
pub mod misaligned;
pub mod occurrences;
pub mod registry;
pub mod relations;
pub mod review;
pub mod router;
pub mod schema;
pub mod search;
pub mod suggest;
pub mod titles;

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::annotations::{self, NewSpan, SpanChange};
use crate::articles;
use crate::error::{ApiError, Error, Result};
use crate::import::{self, ImportOptions, ImportReport};
use crate::labels;
use crate::model::{AnnotatorStatus, Article, ArticleSummary, Label, Span, Status, Tag};
use crate::store::Store;
use registry::{command, Command, Handler};

#[derive(Debug, Clone, Serialize, TS)]
pub struct ProjectInfo {
    /// The project file, or ":memory:".
    pub path: String,
    /// File name without extension.
    pub name: String,
    pub article_count: i64,
    /// Everyone who has worked in the project (analysts and reviewers).
    pub annotators: Vec<String>,
    /// Those with spans, tags or statuses of their own (reviewers who only adjudicated are not).
    pub analysts: Vec<String>,
    pub labels: Vec<Label>,
    pub schema_version: i64,
    /// The longest span in the project, in code points (0 without spans): a selection far longer asks first.
    pub longest_span: i64,
    /// Relation types and span attributes (the rest of the schema).
    #[serde(flatten)]
    pub relation_schema: crate::relation_types::RelationSchema,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct ListArticlesReq {
    /// Whose status to show.
    pub annotator: String,
    /// Full-text search, tag, label, status and analyst filters, and the order.
    #[serde(flatten)]
    pub filter: articles::ListFilter,
    #[serde(default)]
    #[ts(optional)]
    pub offset: Option<i64>,
    /// Page size (default 200, at most 1000; 0 counts only).
    #[serde(default)]
    #[ts(optional)]
    pub limit: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ArticlePage {
    pub total: i64,
    pub items: Vec<ArticleSummary>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct GetArticleReq {
    pub id: i64,
    /// The analyst annotating it: under blind annotation (the project's setting, or `blind`) others' spans
    /// and tags are left out until this analyst's status is done. Absent: everything (as a reviewer sees it).
    #[serde(default)]
    #[ts(optional)]
    pub annotator: Option<String>,
    /// This analyst's own choice to annotate blind, whatever the project's setting.
    #[serde(default)]
    #[ts(optional)]
    pub blind: Option<bool>,
}

/// An article with all annotations on it, by every annotator.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ArticleView {
    pub article: Article,
    pub spans: Vec<Span>,
    pub tags: Vec<Tag>,
    pub statuses: Vec<AnnotatorStatus>,
    /// Others' spans and tags were left out (blind annotation, until the analyst marks the article done).
    pub blind: bool,
    /// Relations between the spans, by every annotator.
    pub relations: Vec<crate::model::Relation>,
    /// Who last edited the title and when (null while it is the imported title).
    pub title_edit: Option<crate::titles::TitleEdit>,
}

/// The span `add_span` stored, or found already stored: the same place, label and annotator is kept once, and
/// `existing` says so (the UI then records no edit, so an undo cannot delete the earlier span).
#[derive(Debug, Clone, Serialize, TS)]
pub struct AddedSpan {
    #[serde(flatten)]
    pub span: Span,
    pub existing: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct AddSpanReq {
    pub article_id: i64,
    pub annotator: String,
    /// Code points, inclusive.
    pub start: i64,
    /// Code points, exclusive.
    pub end: i64,
    pub label: String,
    #[serde(default)]
    #[ts(optional)]
    pub note: Option<String>,
    /// Undo of a delete: the span comes back with the time it was first made (RFC 3339, not in the future).
    #[serde(default)]
    #[ts(optional)]
    pub created_at: Option<String>,
    /// Attribute values (absent: the label's defaults).
    #[serde(default)]
    #[ts(optional, type = "Record<string, boolean | string>")]
    pub attrs: Option<crate::model::Attrs>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct DeleteSpansReq {
    pub ids: Vec<i64>,
    pub annotator: String,
    /// Confirms that the spans' relations go with them (otherwise a span with relations is refused).
    #[serde(default)]
    #[ts(optional)]
    pub with_relations: Option<bool>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct UpdateSpanReq {
    pub id: i64,
    pub annotator: String,
    #[serde(default)]
    #[ts(optional)]
    pub start: Option<i64>,
    #[serde(default)]
    #[ts(optional)]
    pub end: Option<i64>,
    #[serde(default)]
    #[ts(optional)]
    pub label: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct DeleteSpanReq {
    pub id: i64,
    pub annotator: String,
    /// Confirms that the span's relations go with it (otherwise a span with relations is refused).
    #[serde(default)]
    #[ts(optional)]
    pub with_relations: Option<bool>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct SetTagReq {
    pub article_id: i64,
    pub annotator: String,
    pub label: String,
    pub on: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct SetStatusReq {
    pub article_id: i64,
    pub annotator: String,
    pub status: Status,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct ImportFile {
    /// File name; its extension (and content) picks the format: .txt, .html, .csv/.tsv, .json/.jsonl, .conll.
    pub name: String,
    pub content: String,
    /// The encoding the client decoded the file with (reported back as the file's encoding).
    #[serde(default)]
    #[ts(optional)]
    pub encoding: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct ImportFilesReq {
    #[serde(default)]
    #[ts(optional)]
    pub annotator: Option<String>,
    pub files: Vec<ImportFile>,
    /// Read every file as this format: txt, html, csv, jsonl, doccano, labelstudio, prodigy, conll.
    #[serde(default)]
    #[ts(optional)]
    pub format: Option<String>,
    /// The unit of other tools' span offsets, "utf16", "codepoint" or "grapheme" (doccano's grapheme
    /// mode; default: each format's own, checked against the spans' places).
    #[serde(default)]
    #[ts(optional)]
    pub offsets: Option<String>,
    /// CSV/TSV: which columns hold the text, title, url and date (the mapping dialog's choice).
    #[serde(default)]
    #[ts(optional, inline)]
    pub mapping: Option<import::Columns>,
    /// CoNLL: at most this many sentences per article.
    #[serde(default)]
    #[ts(optional)]
    pub sentences_per_article: Option<i64>,
    /// CoNLL: file each tag column's entities under ANNOTATOR:N.
    #[serde(default)]
    #[ts(optional)]
    pub columns_as_annotators: Option<bool>,
    /// Other tools' spans that split a character cluster: "reject" the record (default, listing
    /// every such span), "expand" them to the cluster's edges, or "skip" them; both counted in the report.
    #[serde(default)]
    #[ts(optional)]
    pub misaligned: Option<String>,
    /// Name this import so `job_status` can follow it and `cancel_job` stop it.
    #[serde(default)]
    #[ts(optional)]
    pub job: Option<String>,
    /// Plain text: drop web boilerplate lines (share counters, SEO scores, subscribe and comment
    /// lines, related-article footers); the report lists them.
    #[serde(default)]
    #[ts(optional)]
    pub clean: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct ExportReq {
    /// "jsonl" (native), "spans", "doccano", "labelstudio", "prodigy", "hf" or "conll".
    pub format: String,
    /// Only these annotators' work; empty or absent for everyone.
    #[serde(default)]
    #[ts(optional)]
    pub annotators: Option<Vec<String>>,
    /// Only articles with this status (by one of the chosen annotators; todo also matches none).
    #[serde(default)]
    #[ts(optional)]
    pub status: Option<Status>,
    /// Only articles with this tag.
    #[serde(default)]
    #[ts(optional)]
    pub tag: Option<String>,
    /// Only articles whose title or text contains this.
    #[serde(default)]
    #[ts(optional)]
    pub query: Option<String>,
    /// Span label renames [old, new]; renaming onto an existing label merges them.
    #[serde(default)]
    #[ts(optional)]
    pub rename: Option<Vec<(String, String)>>,
    /// Span labels to leave out.
    #[serde(default)]
    #[ts(optional)]
    pub drop: Option<Vec<String>>,
    /// Span labels at this depth of the label hierarchy (1: top-level labels).
    #[serde(default)]
    #[ts(optional)]
    pub labels_at_depth: Option<u32>,
    /// "codepoint" (default), "utf16" or "utf8"; jsonl and spans only.
    #[serde(default)]
    #[ts(optional)]
    pub offsets: Option<String>,
    /// Token formats: "expand", "split" or "skip" a span with an edge inside a token; absent refuses and lists them.
    #[serde(default)]
    #[ts(optional)]
    pub misaligned: Option<String>,
    /// Token formats: split clitic prefixes off Arabic words (the same as `clitics: "exclude"`).
    #[serde(default)]
    #[ts(optional)]
    pub split_clitics: Option<bool>,
    /// hf: "ids" (default; class ids into the label list) or "strings" (tag names).
    #[serde(default)]
    #[ts(optional)]
    pub hf_tags: Option<String>,
    /// Token formats: "exclude" splits clitic prefixes off as selections leave them out, "include"
    /// keeps whole words; absent: the project's clitic setting.
    #[serde(default)]
    #[ts(optional)]
    pub clitics: Option<String>,
    /// Train/dev/test ratios by article, e.g. "0.8,0.1,0.1" (the result then holds three files).
    #[serde(default)]
    #[ts(optional)]
    pub split: Option<String>,
    /// Seed of the split (default 1).
    #[serde(default)]
    #[ts(optional)]
    pub seed: Option<u64>,
    /// Name this export so `job_status` can follow it (articles written) and `cancel_job` stop it.
    #[serde(default)]
    #[ts(optional)]
    pub job: Option<String>,
    /// Export the adjudicated gold layer instead of the analysts' work.
    #[serde(default)]
    #[ts(optional)]
    pub gold: Option<bool>,
    /// With gold: also articles not yet marked adjudicated.
    #[serde(default)]
    #[ts(optional)]
    pub include_unadjudicated: Option<bool>,
    /// Only spans made by hand ("analyst") or accepted suggestions ("suggestion").
    #[serde(default)]
    #[ts(optional)]
    pub origin: Option<String>,
}

impl ExportReq {
    /// The export options this request asks for.
    pub fn options(&self) -> Result<crate::export::ExportOptions> {
        use crate::export::{ExportOptions, Format, Misaligned, OffsetUnit};
        Ok(ExportOptions {
            format: Format::parse(&self.format)?,
            annotators: self.annotators.clone().unwrap_or_default(),
            status: self.status,
            tag: self.tag.clone().filter(|t| !t.is_empty()),
            query: self.query.clone().filter(|q| !q.is_empty()),
            rename: self.rename.clone().unwrap_or_default(),
            drop: self.drop.clone().unwrap_or_default(),
            labels_at_depth: self.labels_at_depth.map(|d| d as usize),
            offsets: self
                .offsets
                .as_deref()
                .map(OffsetUnit::parse)
                .transpose()?
                .unwrap_or_default(),
            misaligned: self
                .misaligned
                .as_deref()
                .map(Misaligned::parse)
                .transpose()?
                .unwrap_or_default(),
            split_clitics: self.split_clitics.unwrap_or(false),
            hf_tags: self
                .hf_tags
                .as_deref()
                .map(crate::export::HfTags::parse)
                .transpose()?
                .unwrap_or_default(),
            clitics: self.clitics.as_deref().map(crate::clitics::CliticMode::parse).transpose()?,
            split: self
                .split
                .as_deref()
                .filter(|s| !s.trim().is_empty())
                .map(crate::export::parse_split)
                .transpose()?,
            seed: self.seed.unwrap_or(1),
            gold: self.gold.unwrap_or(false).then_some(
                if self.include_unadjudicated.unwrap_or(false) {
                    crate::export::GoldScope::IncludeUnadjudicated
                } else {
                    crate::export::GoldScope::Adjudicated
                },
            ),
            origin: self.origin.as_deref().map(crate::export::parse_origin).transpose()?,
            ..ExportOptions::default()
        })
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportResult {
    /// The main file (with a split: the train part).
    pub filename: String,
    pub content: String,
    /// Every file the export wrote: the data (one per split part), the manifest, and for `hf` the tag list.
    pub files: Vec<ExportFile>,
    pub articles: i64,
    pub spans: i64,
    /// The span labels after renaming and dropping.
    pub labels: Vec<String>,
    /// One sentence per change the export made (merged duplicates, overlaps left out, expanded spans…).
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportFile {
    pub name: String,
    pub content: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Done {
    pub ok: bool,
}

/// The core's own commands (review, occurrences, schema, jobs and the desktop shell's are declared in
/// their modules; [`commands`] lists them all).
pub const CORE_COMMANDS: &[Command] = &[
    command!(Store, "project_info", "Record<string, never>" => ProjectInfo, cmd_project_info),
    command!(Store, "list_articles", ListArticlesReq => ArticlePage, list_articles),
    command!(Store, "get_article", GetArticleReq => ArticleView, get_article),
    command!(Store, "list_labels", "Record<string, never>" => "Array<Label>", list_labels),
    command!(Store, "add_span", AddSpanReq => AddedSpan, add_span),
    command!(Store, "update_span", UpdateSpanReq => Span, update_span),
    command!(Store, "delete_span", DeleteSpanReq => Done, delete_span),
    command!(Store, "delete_spans", DeleteSpansReq => Done, delete_spans),
    command!(Store, "set_tag", SetTagReq => "Array<Tag>", set_tag),
    command!(Store, "set_status", SetStatusReq => "Array<AnnotatorStatus>", set_status),
    command!(Detached, "import_files", ImportFilesReq => ImportReport, import_files),
    command!(Detached, "export", ExportReq => ExportResult, export),
];

/// Every command, grouped by module, in a stable order (the order of `ui/src/bindings.ts`).
pub fn commands() -> impl Iterator<Item = &'static Command> {
    [
        CORE_COMMANDS,
        review::COMMANDS,
        occurrences::COMMANDS,
        schema::COMMANDS,
        suggest::COMMANDS,
        relations::COMMANDS,
    ]
    .into_iter()
    .chain([search::COMMANDS, clitics::COMMANDS, misaligned::COMMANDS, entities::COMMANDS])
    .chain([titles::COMMANDS, jobs::COMMANDS, desktop::COMMANDS])
    .flatten()
}

/// The command called `name`.
pub fn find(name: &str) -> Option<&'static Command> {
    commands().find(|c| c.name == name)
}

/// A command that takes no arguments (`{}`).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct NoArgs {}

pub(crate) fn args<T: DeserializeOwned>(cmd: &str, v: Value) -> Result<T> {
    serde_json::from_value(v).map_err(|e| Error::Invalid(format!("bad arguments for {cmd}: {e}")))
}

pub(crate) fn to_json<T: Serialize>(v: T) -> Result<Value> {
    Ok(serde_json::to_value(v)?)
}

/// An RFC 3339 time given back by an undo must not lie in the future.
pub(crate) fn not_in_future(t: &str) -> Result<()> {
    let when = chrono::DateTime::parse_from_rfc3339(t)
        .map_err(|e| Error::Invalid(format!("created_at {t:?} is not an RFC 3339 time: {e}")))?;
    if when > chrono::Utc::now() + chrono::Duration::seconds(5) {
        return Err(Error::Invalid(format!("created_at {t:?} is in the future")));
    }
    Ok(())
}

fn offset(v: i64, what: &str) -> Result<usize> {
    usize::try_from(v).map_err(|_| Error::Invalid(format!("{what} offset {v} is negative")))
}

/// Run one command on `store`. The rolling backup follows what the command did, not what it declares:
/// whenever the command changed the project (SQLite's change counter moved), a backup is due, so no
/// command can skip it. Transports call this through [`router::route`].
pub fn dispatch(store: &mut Store, cmd: &str, a: Value) -> std::result::Result<Value, ApiError> {
    let Some(c) = find(cmd) else {
        return Err(Error::NotFound(format!("unknown command {cmd:?}")).to_api());
    };
    let Handler::Store(f) = c.handler else {
        return Err(ApiError::new(
            crate::error::ErrorKind::NotFound,
            format!("{cmd} is answered by the desktop shell or the job registry, not on a project"),
        ));
    };
    let before = store.conn().total_changes();
    let out = f(store, a).map_err(|e| e.to_api())?;
    if store.conn().total_changes() != before {
        // A failed rolling backup must not lose the analyst's change; it is reported on stderr.
        if let Err(e) = store.autobackup() {
            eprintln!("warning: the rolling backup failed: {e}");
        }
    }
    Ok(out)
}

/// Run a long command on its own connection to the project file at `path`, leaving the app's shared
/// handle free meanwhile: SQLite's WAL lets the analyst read and write alongside, and an import holds the
/// write lock only for its final copy. No rolling backup here: the app's next edit takes it as usual.
pub fn dispatch_detached(
    path: &std::path::Path,
    cmd: &str,
    a: Value,
) -> std::result::Result<Value, ApiError> {
    let mut store = Store::open(path).map_err(|e| e.to_api())?;
    match find(cmd).map(|c| c.handler) {
        Some(Handler::Store(f)) => f(&mut store, a).map_err(|e| e.to_api()),
        _ => Err(Error::NotFound(format!("unknown command {cmd:?}")).to_api()),
    }
}

fn cmd_project_info(store: &mut Store, _: NoArgs) -> Result<ProjectInfo> {
    project_info(store)
}

fn list_articles(store: &mut Store, r: ListArticlesReq) -> Result<ArticlePage> {
    if r.filter.query.as_deref().is_some_and(|q| !q.trim().is_empty()) {
        crate::search::catch_up(store.conn_mut(), 500, |_, _| {})?;
    }
    let limit = r.limit.unwrap_or(200).clamp(0, 1000);
    let mut filter = r.filter;
    filter.blind = Some(crate::blind::on(store.conn(), filter.blind)?);
    let (total, items) =
        articles::list(store.conn(), &r.annotator, &filter, r.offset.unwrap_or(0).max(0), limit)?;
    Ok(ArticlePage { total, items })
}

fn get_article(store: &mut Store, r: GetArticleReq) -> Result<ArticleView> {
    let mut view = article_view(store, r.id)?;
    if let Some(me) = r.annotator.as_deref() {
        let blind = crate::blind::on(store.conn(), r.blind)?;
        blind_view(&mut view, me, blind);
    }
    Ok(view)
}

fn list_labels(store: &mut Store, _: NoArgs) -> Result<Vec<Label>> {
    labels::list(store.conn())
}

fn add_span(store: &mut Store, r: AddSpanReq) -> Result<AddedSpan> {
    store.with_tx(|tx| {
        let text = articles::text_of(tx, r.article_id)?;
        let text = crate::text::CharIndex::new(&text);
        let new = NewSpan {
            article_id: r.article_id,
            start: offset(r.start, "start")?,
            end: offset(r.end, "end")?,
            label: &r.label,
            annotator: &r.annotator,
            note: r.note.as_deref().unwrap_or(""),
            created_at: r.created_at.as_deref(),
        };
        if let Some(t) = r.created_at.as_deref() {
            let when = chrono::DateTime::parse_from_rfc3339(t).map_err(|e| {
                Error::Invalid(format!("created_at {t:?} is not an RFC 3339 time: {e}"))
            })?;
            if when > chrono::Utc::now() + chrono::Duration::seconds(5) {
                return Err(Error::Invalid(format!("created_at {t:?} is in the future")));
            }
        }
        let added = annotations::add_span(tx, &text, &new, false)?;
        if let annotations::Added::New(id) = added {
            let attrs = match &r.attrs {
                Some(a) => a.clone(),
                None => crate::relations::default_attrs(tx, &r.label)?,
            };
            if !attrs.is_empty() {
                let defs = crate::relation_types::attributes_of(tx, &r.label)?;
                crate::relations::check_attrs(&defs, &r.label, &attrs)?;
                crate::relations::write_attrs(tx, id, &attrs)?;
            }
        }
        annotations::mark_started(tx, r.article_id, &r.annotator)?;
        Ok(AddedSpan {
            span: annotations::get_span(tx, added.id())?,
            existing: matches!(added, annotations::Added::Existing(_)),
        })
    })
}

fn update_span(store: &mut Store, r: UpdateSpanReq) -> Result<Span> {
    let change = SpanChange {
        start: r.start.map(|v| offset(v, "start")).transpose()?,
        end: r.end.map(|v| offset(v, "end")).transpose()?,
        label: r.label.as_deref(),
        note: r.note.as_deref(),
    };
    store.with_tx(|tx| annotations::update_span(tx, r.id, &r.annotator, &change))
}

fn delete_span(store: &mut Store, r: DeleteSpanReq) -> Result<Done> {
    let with = r.with_relations.unwrap_or(false);
    store.with_tx(|tx| annotations::delete_span_and_relations(tx, r.id, &r.annotator, with))?;
    Ok(Done { ok: true })
}

fn delete_spans(store: &mut Store, r: DeleteSpansReq) -> Result<Done> {
    // All or none: one span that is not the analyst's own (or is gone) refuses the whole step.
    let with = r.with_relations.unwrap_or(false);
    store.with_tx(|tx| {
        r.ids
            .iter()
            .try_for_each(|id| annotations::delete_span_and_relations(tx, *id, &r.annotator, with))
    })?;
    Ok(Done { ok: true })
}

fn set_tag(store: &mut Store, r: SetTagReq) -> Result<Vec<Tag>> {
    store.with_tx(|tx| {
        annotations::set_tag(tx, r.article_id, &r.annotator, &r.label, r.on, false, None)?;
        if r.on {
            annotations::mark_started(tx, r.article_id, &r.annotator)?;
        }
        Ok(())
    })?;
    annotations::tags_of(store.conn(), r.article_id)
}

fn set_status(store: &mut Store, r: SetStatusReq) -> Result<Vec<AnnotatorStatus>> {
    store.with_tx(|tx| annotations::set_status(tx, r.article_id, &r.annotator, r.status, None))?;
    annotations::statuses_of(store.conn(), r.article_id)
}

fn import_files(store: &mut Store, r: ImportFilesReq) -> Result<ImportReport> {
    let format = match r.format.as_deref() {
        Some(f) => Some(import::Format::parse(f).ok_or_else(|| {
            Error::Invalid(format!(
                "unknown import format {f:?} (expected one of {})",
                import::FORMAT_NAMES.join(", ")
            ))
        })?),
        None => None,
    };
    let offsets = match r.offsets.as_deref() {
        Some(u) => Some(import::OffsetUnit::parse(u)?),
        None => None,
    };
    // A named job can be followed (job_status) and cancelled (cancel_job) while it runs.
    let job = r.job.as_deref().map(jobs::register).transpose()?;
    let control = job.as_ref().map(|j| j.control.clone()).unwrap_or_default();
    let opts = ImportOptions {
        annotator: r.annotator,
        format,
        offsets,
        columns: r.mapping.unwrap_or_default(),
        control,
        sentences_per_article: r.sentences_per_article.filter(|n| *n > 0).map(|n| n as usize),
        columns_as_annotators: r.columns_as_annotators.unwrap_or(false),
        clean: r.clean.unwrap_or(false),
        annotator_map: Default::default(),
        misaligned: r
            .misaligned
            .as_deref()
            .map(import::Misaligned::parse)
            .transpose()?
            .unwrap_or_default(),
    };
    opts.control.set_total(r.files.len() as u64);
    let mut report = ImportReport::default();
    for f in &r.files {
        if opts.control.is_cancelled() {
            report.cancelled.push(f.name.clone());
            continue;
        }
        opts.control.start_file(&f.name);
        import::import_bytes(store, &f.name, f.content.as_bytes(), &opts, &mut report)?;
        if let Some(enc) = f.encoding.as_deref().filter(|e| !e.is_empty()) {
            let items = report
                .imported
                .iter_mut()
                .chain(report.duplicates.iter_mut())
                .filter(|i| i.file == f.name);
            items.for_each(|i| i.encoding = enc.to_string());
        }
        opts.control.finish_file();
    }
    // The job stays visible while the new articles become searchable.
    opts.control.start_file("updating the search index");
    crate::search::catch_up(store.conn_mut(), 500, |_, _| {})?;
    drop(job);
    Ok(report)
}

fn export(store: &mut Store, r: ExportReq) -> Result<ExportResult> {
    let job = r.job.as_deref().map(jobs::register).transpose()?;
    let mut opts = r.options()?;
    if let Some(j) = &job {
        opts.control = j.control.clone();
        opts.control.set_total(1);
        opts.control.start_file("export");
    }
    let stem = project_name(store);
    let ext = if opts.format == crate::export::Format::Jsonl {
        "jsonl".to_string()
    } else {
        format!("{}.{}", r.format, opts.format.ext())
    };
    let (report, files) = match export_in_memory(store, &opts, &format!("{stem}.{ext}")) {
        Err(_) if opts.control.is_cancelled() => {
            return Err(Error::Conflict("the export was cancelled; nothing was written".into()))
        }
        other => other?,
    };
    drop(job);
    let main = report
        .files
        .first()
        .and_then(|f| std::path::Path::new(&f.path).file_name())
        .map(|n| n.to_string_lossy().into_owned());
    let main = files.iter().find(|f| Some(&f.name) == main.as_ref()).or(files.first()).cloned();
    Ok(ExportResult {
        filename: main.as_ref().map(|f| f.name.clone()).unwrap_or_default(),
        content: main.map(|f| f.content).unwrap_or_default(),
        files,
        articles: report.total.articles as i64,
        spans: report.total.spans as i64,
        notes: report.total.notes(),
        labels: report.labels,
    })
}

/// Run a file export into a private temporary folder and read every file it wrote back.
fn export_in_memory(
    store: &Store,
    opts: &crate::export::ExportOptions,
    name: &str,
) -> Result<(crate::export::Report, Vec<ExportFile>)> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let dir = std::env::temp_dir().join(format!("hashiya-export-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir)
        .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
    let result = (|| {
        crate::backup::restrict(&dir)?;
        let report = crate::export::export_file_with(store.conn(), opts, &dir.join(name))?;
        let mut files = Vec::new();
        let mut entries: Vec<_> = std::fs::read_dir(&dir)
            .map_err(|e| Error::io("cannot read the export", e))?
            .filter_map(|e| e.ok())
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let content = std::fs::read_to_string(e.path())
                .map_err(|err| Error::io("cannot read the export", err))?;
            files.push(ExportFile { name: e.file_name().to_string_lossy().into_owned(), content });
        }
        Ok((report, files))
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// The project file's name without extension ("project" for an in-memory one).
fn project_name(store: &Store) -> String {
    store
        .path()
        .and_then(|p| p.file_stem())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "project".into())
}

pub fn project_info(store: &Store) -> Result<ProjectInfo> {
    Ok(ProjectInfo {
        path: store.path().map(|p| p.display().to_string()).unwrap_or_else(|| ":memory:".into()),
        name: project_name(store),
        article_count: articles::count(store.conn())?,
        annotators: annotations::annotator_names(store.conn())?,
        analysts: annotations::analyst_names(store.conn())?,
        labels: labels::list(store.conn())?,
        schema_version: crate::db::SCHEMA_VERSION as i64,
        longest_span: annotations::longest_span(store.conn())?,
        relation_schema: crate::relation_types::schema(store.conn())?,
    })
}

/// Blind annotation: until `me` has marked the article done, leave out everyone else's spans and tags.
pub fn blind_view(view: &mut ArticleView, me: &str, blind: bool) {
    let done = view.statuses.iter().any(|s| s.annotator == me && s.status == Status::Done);
    if !blind || done {
        return;
    }
    view.spans.retain(|s| s.annotator == me);
    view.tags.retain(|t| t.annotator == me);
    view.relations.retain(|r| r.annotator == me);
    view.blind = true;
}

pub fn article_view(store: &Store, id: i64) -> Result<ArticleView> {
    let conn = store.conn();
    let article = articles::get(conn, id)?;
    let spans = annotations::spans_of(conn, id, &article.text)?;
    Ok(ArticleView {
        spans,
        tags: annotations::tags_of(conn, id)?,
        statuses: annotations::statuses_of(conn, id)?,
        relations: crate::relations::relations_of(conn, id)?,
        title_edit: Some(crate::titles::get(conn, id)?).filter(|t| t.edited_by.is_some()),
        article,
        blind: false,
    })
}
