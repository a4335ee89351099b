// Generated from the Rust types by `UPDATE_BINDINGS=1 cargo test --test core bindings`. Do not edit.

export type ApiError = { kind: ErrorKind, message: string, };

export type LabelKind = "span" | "tag";

export type Label = { id: number, kind: LabelKind, name: string, 
/**
 * CSS colour, `#rrggbb`.
 */
color: string, 
/**
 * One key, e.g. "p"; empty for none.
 */
hotkey: string, description: string, 
/**
 * The description in Arabic, for the Arabic interface (empty: the English one is shown).
 */
description_ar: string, 
/**
 * The label this one sits under (`ORG` for `ORG.GOV`); empty for a top-level label.
 */
parent: string, };

export type Status = "todo" | "in_progress" | "done";

export type ArticleSummary = { id: number, ext_id: string, title: string, source: string, 
/**
 * Length of the text in code points.
 */
char_len: number, 
/**
 * Spans by every annotator (under blind annotation: those the requesting analyst may see).
 */
span_count: number, 
/**
 * The requesting annotator's status (todo when none is recorded).
 */
status: Status, 
/**
 * With a search: the first hit in the text and its context (none when only the title matched).
 */
snippet?: Snippet, };

export type Article = { id: number, ext_id: string, title: string, 
/**
 * Exactly as imported; never changed.
 */
text: string, source: string, url: string, published_at: string, meta: Record<string, unknown>, content_hash: string, imported_at: string, };

export type Span = { id: number, article_id: number, start: number, end: number, label: string, annotator: string, 
/**
 * `text[start..end]`, for display and checks.
 */
text: string, note: string, created_at: string, updated_at: string, 
/**
 * "suggestion" when the analyst accepted a suggestion; absent for spans made by hand.
 */
origin?: string, 
/**
 * The entity this span is linked to (its id in the registry), if any.
 */
entity?: string, 
/**
 * Attribute values of the span's label (`negated: true`, `certainty: "reported"`); absent when none.
 */
attrs?: Record<string, boolean | string>, };

export type Tag = { label: string, annotator: string, created_at: string, };

export type AnnotatorStatus = { annotator: string, status: Status, updated_at: string, };

export type ProjectInfo = { 
/**
 * The project file, or ":memory:".
 */
path: string, 
/**
 * File name without extension.
 */
name: string, article_count: number, 
/**
 * Everyone who has worked in the project (analysts and reviewers).
 */
annotators: Array<string>, 
/**
 * Those with spans, tags or statuses of their own (reviewers who only adjudicated are not).
 */
analysts: Array<string>, labels: Array<Label>, schema_version: number, 
/**
 * The longest span in the project, in code points (0 without spans): a selection far longer asks first.
 */
longest_span: number, relation_types: Array<RelationType>, attributes: Array<SpanAttribute>, };

export type ListArticlesReq = { 
/**
 * Whose status to show.
 */
annotator: string, offset?: number, 
/**
 * Page size (default 200, at most 1000; 0 counts only).
 */
limit?: number, 
/**
 * Full-text search (see [`crate::search`]).
 */
query?: string, 
/**
 * Articles carrying this tag (by anyone).
 */
tag?: string, 
/**
 * Articles with a span of this label (by anyone).
 */
label?: string, 
/**
 * The requesting analyst's status.
 */
status?: Status, 
/**
 * Articles this analyst put a span or tag on, or set a status for.
 */
worked_by?: string, 
/**
 * Articles with a span linked to this entity (by anyone; its id in the registry).
 */
entity?: string, sort?: Sort, 
/**
 * Blind annotation (the analyst's choice; the command adds the project's setting): span counts,
 * the order by spans and the tag, label, analyst and entity filters see only the requesting
 * analyst's work, and others' work on the articles they marked done.
 */
blind?: boolean, };

export type ArticlePage = { total: number, items: Array<ArticleSummary>, };

export type GetArticleReq = { id: number, 
/**
 * The analyst annotating it: under blind annotation (the project's setting, or `blind`) others' spans
 * and tags are left out until this analyst's status is done. Absent: everything (as a reviewer sees it).
 */
annotator?: string, 
/**
 * This analyst's own choice to annotate blind, whatever the project's setting.
 */
blind?: boolean, };

export type ArticleView = { article: Article, spans: Array<Span>, tags: Array<Tag>, statuses: Array<AnnotatorStatus>, 
/**
 * Others' spans and tags were left out (blind annotation, until the analyst marks the article done).
 */
blind: boolean, 
/**
 * Relations between the spans, by every annotator.
 */
relations: Array<Relation>, 
/**
 * Who last edited the title and when (null while it is the imported title).
 */
title_edit: TitleEdit | null, };

export type AddSpanReq = { article_id: number, annotator: string, 
/**
 * Code points, inclusive.
 */
start: number, 
/**
 * Code points, exclusive.
 */
end: number, label: string, note?: string, 
/**
 * Undo of a delete: the span comes back with the time it was first made (RFC 3339, not in the future).
 */
created_at?: string, 
/**
 * Attribute values (absent: the label's defaults).
 */
attrs?: Record<string, boolean | string>, };

export type AddedSpan = { existing: boolean, id: number, article_id: number, start: number, end: number, label: string, annotator: string, 
/**
 * `text[start..end]`, for display and checks.
 */
text: string, note: string, created_at: string, updated_at: string, 
/**
 * "suggestion" when the analyst accepted a suggestion; absent for spans made by hand.
 */
origin?: string, 
/**
 * The entity this span is linked to (its id in the registry), if any.
 */
entity?: string, 
/**
 * Attribute values of the span's label (`negated: true`, `certainty: "reported"`); absent when none.
 */
attrs?: Record<string, boolean | string>, };

export type UpdateSpanReq = { id: number, annotator: string, start?: number, end?: number, label?: string, note?: string, };

export type DeleteSpanReq = { id: number, annotator: string, 
/**
 * Confirms that the span's relations go with it (otherwise a span with relations is refused).
 */
with_relations?: boolean, };

export type DeleteSpansReq = { ids: Array<number>, annotator: string, 
/**
 * Confirms that the spans' relations go with them (otherwise a span with relations is refused).
 */
with_relations?: boolean, };

export type SetTagReq = { article_id: number, annotator: string, label: string, on: boolean, };

export type SetStatusReq = { article_id: number, annotator: string, status: Status, };

export type ImportFile = { 
/**
 * File name; its extension (and content) picks the format: .txt, .html, .csv/.tsv, .json/.jsonl, .conll.
 */
name: string, content: string, 
/**
 * The encoding the client decoded the file with (reported back as the file's encoding).
 */
encoding?: string, };

export type ImportFilesReq = { annotator?: string, files: Array<ImportFile>, 
/**
 * Read every file as this format: txt, html, csv, jsonl, doccano, labelstudio, prodigy, conll.
 */
format?: string, 
/**
 * The unit of other tools' span offsets, "utf16", "codepoint" or "grapheme" (doccano's grapheme
 * mode; default: each format's own, checked against the spans' places).
 */
offsets?: string, 
/**
 * CSV/TSV: which columns hold the text, title, url and date (the mapping dialog's choice).
 */
mapping?: { 
/**
 * Default: text, body, content, article, النص.
 */
text?: string, 
/**
 * Default: title, headline, العنوان. For title, url and date, "" means none.
 */
title?: string, 
/**
 * Default: url, link.
 */
url?: string, 
/**
 * Default: date, published_at, published, pubdate, التاريخ.
 */
date?: string, }, 
/**
 * CoNLL: at most this many sentences per article.
 */
sentences_per_article?: number, 
/**
 * CoNLL: file each tag column's entities under ANNOTATOR:N.
 */
columns_as_annotators?: boolean, 
/**
 * Other tools' spans that split a character cluster: "reject" the record (default, listing
 * every such span), "expand" them to the cluster's edges, or "skip" them; both counted in the report.
 */
misaligned?: string, 
/**
 * Name this import so `job_status` can follow it and `cancel_job` stop it.
 */
job?: string, 
/**
 * Plain text: drop web boilerplate lines (share counters, SEO scores, subscribe and comment
 * lines, related-article footers); the report lists them.
 */
clean?: boolean, };

export type ImportedArticle = { file: string, line: number | null, article_id: number, title: string, new_spans: number, new_tags: number, 
/**
 * The file's detected encoding (e.g. "UTF-8", "UTF-16LE", "Windows-1256").
 */
encoding: string, };

export type Rejection = { file: string, line: number | null, reason: string, };

export type ImportReport = { imported: Array<ImportedArticle>, 
/**
 * Articles whose text was already in the project (their new annotations, if any, were added).
 */
duplicates: Array<ImportedArticle>, rejected: Array<Rejection>, 
/**
 * Files in a folder that are not of a supported type.
 */
skipped_files: Array<string>, spans_added: number, tags_added: number, 
/**
 * Labels the project did not know, added by this import.
 */
labels_added: Array<string>, 
/**
 * Annotations left out on purpose, with file, line and why: Prodigy answers reject/ignore (their
 * text is imported), cancelled Label Studio annotations, Label Studio results that are not labels.
 */
left_out: Array<Rejection>, 
/**
 * Files not imported because the import was cancelled: the one in progress (rolled back, nothing
 * of it written), then those not started. Empty unless cancelled.
 */
cancelled: Array<string>, 
/**
 * Imported and duplicate articles beyond the first [`LISTED`] of each, counted but not listed, so
 * that memory stays small on huge files (a million lines).
 */
imported_not_listed: number, duplicates_not_listed: number, 
/**
 * What the import did to make a file fit, with file and line: CoNLL tokens skipped (empty, or
 * invisible marks without a tag), stray marks ignored, a file without blank lines cut into
 * sentences, boilerplate lines dropped by `clean`.
 */
notes: Array<Rejection>, 
/**
 * Spans added by this import, per label.
 */
entities: { [key in string]: number }, 
/**
 * Other tools' spans that split a character cluster, grown to its edges (`--misaligned expand`).
 */
spans_expanded: number, 
/**
 * Such spans left out (`--misaligned skip`; each is also listed in `left_out`).
 */
spans_skipped: number, };

export type ExportReq = { 
/**
 * "jsonl" (native), "spans", "doccano", "labelstudio", "prodigy", "hf" or "conll".
 */
format: string, 
/**
 * Only these annotators' work; empty or absent for everyone.
 */
annotators?: Array<string>, 
/**
 * Only articles with this status (by one of the chosen annotators; todo also matches none).
 */
status?: Status, 
/**
 * Only articles with this tag.
 */
tag?: string, 
/**
 * Only articles whose title or text contains this.
 */
query?: string, 
/**
 * Span label renames [old, new]; renaming onto an existing label merges them.
 */
rename?: Array<[string, string]>, 
/**
 * Span labels to leave out.
 */
drop?: Array<string>, 
/**
 * Span labels at this depth of the label hierarchy (1: top-level labels).
 */
labels_at_depth?: number, 
/**
 * "codepoint" (default), "utf16" or "utf8"; jsonl and spans only.
 */
offsets?: string, 
/**
 * Token formats: "expand", "split" or "skip" a span with an edge inside a token; absent refuses and lists them.
 */
misaligned?: string, 
/**
 * Token formats: split clitic prefixes off Arabic words (the same as `clitics: "exclude"`).
 */
split_clitics?: boolean, 
/**
 * hf: "ids" (default; class ids into the label list) or "strings" (tag names).
 */
hf_tags?: string, 
/**
 * Token formats: "exclude" splits clitic prefixes off as selections leave them out, "include"
 * keeps whole words; absent: the project's clitic setting.
 */
clitics?: string, 
/**
 * Train/dev/test ratios by article, e.g. "0.8,0.1,0.1" (the result then holds three files).
 */
split?: string, 
/**
 * Seed of the split (default 1).
 */
seed?: number, 
/**
 * Name this export so `job_status` can follow it (articles written) and `cancel_job` stop it.
 */
job?: string, 
/**
 * Export the adjudicated gold layer instead of the analysts' work.
 */
gold?: boolean, 
/**
 * With gold: also articles not yet marked adjudicated.
 */
include_unadjudicated?: boolean, 
/**
 * Only spans made by hand ("analyst") or accepted suggestions ("suggestion").
 */
origin?: string, };

export type ExportFile = { name: string, content: string, };

export type ExportResult = { 
/**
 * The main file (with a split: the train part).
 */
filename: string, content: string, 
/**
 * Every file the export wrote: the data (one per split part), the manifest, and for `hf` the tag list.
 */
files: Array<ExportFile>, articles: number, spans: number, 
/**
 * The span labels after renaming and dropping.
 */
labels: Array<string>, 
/**
 * One sentence per change the export made (merged duplicates, overlaps left out, expanded spans…).
 */
notes: Array<string>, };

export type Done = { ok: boolean, };

export type Prf = { 
/**
 * Matched spans.
 */
matched: number, 
/**
 * Spans of the first annotator (the reference).
 */
a_spans: number, 
/**
 * Spans of the second annotator.
 */
b_spans: number, precision: number | null, recall: number | null, f1: number | null, };

export type Kind = "label" | "boundary" | "conflict" | "missing";

export type Agreed = { start: number, end: number, label: string, text: string, span_ids: Array<number>, };

export type Disagreement = { start: number, end: number, label: string, text: string, kind: Kind, 
/**
 * Analysts who have exactly this span, and the ids of their spans.
 */
has: Array<string>, span_ids: Array<number>, lacks: Array<string>, 
/**
 * The place this version belongs to (0, 1, … in text order): overlapping versions of different analysts
 * (a boundary, label or conflicting pair) share one place and count as one disagreement.
 */
place: number, };

export type TagDifference = { label: string, has: Array<string>, lacks: Array<string>, };

export type Comparison = { agreed: Array<Agreed>, disagreements: Array<Disagreement>, tag_differences: Array<TagDifference>, 
/**
 * How many disagreements there are, the one count Review and Agreement both show: each place where the
 * analysts' versions differ (however many versions it has) and each tag difference.
 */
disagreement_count: number, };

export type GoldSpan = { id: number, article_id: number, start: number, end: number, label: string, text: string, reviewer: string, 
/**
 * "accepted", "edited" or "added".
 */
decision: string, 
/**
 * The analyst's span it came from, if any.
 */
source_span_id: number | null, created_at: string, 
/**
 * Attribute values the reviewer settled (taken from the accepted span, then adjudicated).
 */
attrs: Record<string, boolean | string>, 
/**
 * The entity the gold span is linked to (its id in the registry), if any.
 */
entity?: string, };

export type GoldRelation = { id: number, article_id: number, 
/**
 * The source gold span's id.
 */
from: number, 
/**
 * The target gold span's id.
 */
to: number, type: string, reviewer: string, 
/**
 * "accepted" or "added".
 */
decision: string, 
/**
 * The analyst's relation it came from, if any.
 */
source_relation_id: number | null, created_at: string, };

export type ReviewComment = { id: number, span_id: number | null, author: string, text: string, created_at: string, };

export type DecisionLog = { reviewer: string, decision: string, source_span_id: number | null, start: number | null, end: number | null, label: string | null, created_at: string, 
/**
 * What a relation, attribute or entity decision was about (`MEETS [0, 4) PER – [9, 14) PER`,
 * `certainty = "reported"`, `entity E1-…`); empty for span decisions.
 */
detail: string, };

export type Decision = { "action": "accept", span_id: number, } | { "action": "edit", span_id: number, start: number, end: number, label: string, } | { "action": "reject", span_id: number, } | { "action": "add", start: number, end: number, label: string, } | { "action": "remove", gold_id: number, } | { "action": "accept_relation", relation_id: number, } | { "action": "reject_relation", relation_id: number, } | { "action": "add_relation", from_gold: number, to_gold: number, type: string, } | { "action": "remove_relation", gold_relation_id: number, } | { "action": "take_attribute", span_id: number, name: string, } | { "action": "set_attribute", gold_id: number, name: string, value?: boolean | string, } | { "action": "take_entity", span_id: number, } | { "action": "set_entity", gold_id: number, entity?: string, };

export type ReviewArticleReq = { article_id: number, 
/**
 * The analysts to compare (two or more).
 */
annotators: Array<string>, };

export type ReviewView = { article: Article, 
/**
 * The compared analysts' spans.
 */
spans: Array<Span>, tags: Array<Tag>, comparison: Comparison, gold: Array<GoldSpan>, gold_tags: Array<string>, adjudicated: boolean, comments: Array<ReviewComment>, decisions: Array<DecisionLog>, 
/**
 * The compared analysts' relations, and where they differ (missing, type, direction).
 */
relations: Array<Relation>, relation_disagreements: Array<RelationDisagreement>, 
/**
 * Attribute values that differ on spans the analysts marked alike.
 */
attribute_disagreements: Array<AttributeDisagreement>, 
/**
 * Entity links that differ on spans the analysts marked alike.
 */
link_disagreements: Array<LinkDisagreement>, 
/**
 * Relations of the gold layer (between the spans of `gold`).
 */
gold_relations: Array<GoldRelation>, 
/**
 * The preferred name of each entity `link_disagreements` and `gold` name, by entity id.
 */
entity_names: Record<string, string>, };

export type AdjudicateReq = { article_id: number, reviewer: string, annotators: Array<string>, decision: Decision, };

export type AdjudicateAllReq = { article_id: number, reviewer: string, annotators: Array<string>, decisions: Array<Decision>, };

export type AcceptAgreeingReq = { article_id: number, reviewer: string, annotators: Array<string>, };

export type GoldTagReq = { article_id: number, reviewer: string, annotators: Array<string>, label: string, on: boolean, };

export type AdjudicatedReq = { article_id: number, reviewer: string, annotators: Array<string>, done: boolean, };

export type CommentReq = { article_id: number, author: string, annotators: Array<string>, span_id?: number, text: string, };

export type AgreementReq = { 
/**
 * Empty: everyone who annotated.
 */
annotators?: Array<string>, 
/**
 * Articles to rank (default 50).
 */
top?: number, 
/**
 * Compare span labels at this depth of the label hierarchy (1: top-level labels).
 */
labels_at_depth?: number, };

export type LabelPair = { label: string, exact: Prf, overlap: Prf, 
/**
 * Token-level kappa of "this label" against everything else.
 */
cohen_kappa: number | null, };

export type PairAgreement = { 
/**
 * The reference for precision and recall.
 */
a: string, b: string, 
/**
 * Articles both worked on.
 */
articles: number, tokens: number, exact: Prf, overlap: Prf, cohen_kappa: number | null, per_label: Array<LabelPair>, 
/**
 * Relations: exact ends and type (see `relation_rule`).
 */
relations: Prf, 
/**
 * Cohen's kappa of span attribute values (see `attribute_rule`), and how many values were compared.
 */
attribute_kappa: number | null, attribute_values: number, 
/**
 * Entity linking (see `linking_rule`): the share of linked spans both linked alike, and how
 * many spans were compared.
 */
linking_accuracy: number | null, linked_spans: number, };

export type LabelGroup = { label: string, fleiss_kappa: number | null, krippendorff_alpha: number | null, };

export type GroupAgreement = { 
/**
 * Articles every compared analyst worked on (Fleiss' kappa needs all raters).
 */
fleiss_articles: number, fleiss_tokens: number, fleiss_kappa: number | null, 
/**
 * Articles at least two compared analysts worked on.
 */
alpha_articles: number, alpha_tokens: number, krippendorff_alpha: number | null, per_label: Array<LabelGroup>, };

export type RankedArticle = { article_id: number, ext_id: string, title: string, 
/**
 * Analysts compared on it.
 */
annotators: Array<string>, 
/**
 * Spans not every analyst has, plus tag differences.
 */
disagreements: number, 
/**
 * Share of tokens on which the analysts' tags are not all the same.
 */
token_disagreement: number | null, };

export type AgreementReport = { annotators: Array<string>, labels: Array<string>, 
/**
 * Articles at least two compared analysts worked on.
 */
articles: number, overlap_rule: string, token_rule: string, alpha_rule: string, worked_rule: string, relation_rule: string, attribute_rule: string, linking_rule: string, pairs: Array<PairAgreement>, group: GroupAgreement, 
/**
 * Most disagreement first.
 */
ranked: Array<RankedArticle>, };

export type Variant = "exact" | "spacing" | "prothetic" | "misspelt";

export type Occurrence = { article_id: number, title: string, 
/**
 * Code points into the article text.
 */
start: number, end: number, 
/**
 * The text at `[start, end)`, as written there.
 */
text: string, 
/**
 * Up to 40 characters before and after, within the paragraph, cut at whole words ("…" where cut).
 */
before: string, after: string, 
/**
 * How the text here differs from what was looked for.
 */
variant: Variant, };

export type Snippet = { 
/**
 * Up to 40 characters before the hit, within its paragraph, cut at whole words ("…" where cut).
 */
before: string, 
/**
 * The hit as written.
 */
hit: string, after: string, 
/**
 * Where the hit is in the text (code points).
 */
start: number, end: number, };

export type SearchHitsReq = { article_id: number, 
/**
 * What the analyst typed in the search box (`word*` for a prefix).
 */
query: string, };

export type SearchHit = { start: number, end: number, };

export type SetTitleReq = { article_id: number, annotator: string, 
/**
 * The new title (trimmed; refused when empty).
 */
title: string, };

export type TitleEdit = { article_id: number, title: string, 
/**
 * The analyst who last edited the title.
 */
edited_by: string | null, 
/**
 * When, UTC (RFC 3339, ms).
 */
edited_at: string | null, };

export type FindOccurrencesReq = { 
/**
 * The span whose text to look for, given by its place.
 */
article_id: number, start: number, end: number, 
/**
 * Whose spans count as "already labelled".
 */
annotator: string, 
/**
 * Look in every article, not only this one.
 */
project?: boolean, 
/**
 * At most this many (default 500).
 */
limit?: number, };

export type FoundOccurrence = { 
/**
 * Labels the annotator already has on exactly this place.
 */
labelled_as: Array<string>, 
/**
 * Labels of the annotator's longer spans around this place (حموشي inside عبداللطيف حموشي): with
 * the label being applied, the place is already labelled and labelling it again would nest a duplicate.
 */
inside: Array<string>, article_id: number, title: string, 
/**
 * Code points into the article text.
 */
start: number, end: number, 
/**
 * The text at `[start, end)`, as written there.
 */
text: string, 
/**
 * Up to 40 characters before and after, within the paragraph, cut at whole words ("…" where cut).
 */
before: string, after: string, 
/**
 * How the text here differs from what was looked for.
 */
variant: Variant, };

export type OccurrencesResult = { 
/**
 * The text looked for.
 */
needle: string, 
/**
 * Other places (the span's own place is left out), article by article, in text order.
 */
items: Array<FoundOccurrence>, 
/**
 * True when `limit` cut the list.
 */
truncated: boolean, };

export type SpanPlace = { article_id: number, start: number, end: number, };

export type AddSpansReq = { annotator: string, label: string, places: Array<SpanPlace>, 
/**
 * "suggestion" marks the new spans as accepted suggestions (redoing an accept); default "analyst".
 */
origin?: string, };

export type AddSpansResult = { 
/**
 * Spans created (their ids undo the step).
 */
added: Array<Span>, 
/**
 * Places where the annotator already had this label.
 */
already: number, };

export type Sort = "id" | "title" | "spans" | "status";

export type ListFilter = { 
/**
 * Full-text search (see [`crate::search`]).
 */
query?: string, 
/**
 * Articles carrying this tag (by anyone).
 */
tag?: string, 
/**
 * Articles with a span of this label (by anyone).
 */
label?: string, 
/**
 * The requesting analyst's status.
 */
status?: Status, 
/**
 * Articles this analyst put a span or tag on, or set a status for.
 */
worked_by?: string, 
/**
 * Articles with a span linked to this entity (by anyone; its id in the registry).
 */
entity?: string, sort?: Sort, 
/**
 * Blind annotation (the analyst's choice; the command adds the project's setting): span counts,
 * the order by spans and the tag, label, analyst and entity filters see only the requesting
 * analyst's work, and others' work on the articles they marked done.
 */
blind?: boolean, };

export type LabelEdit = { id?: number, kind: LabelKind, name: string, color: string, hotkey: string, description: string, 
/**
 * The Arabic description (absent: unchanged on an edit, empty on a new label).
 */
description_ar?: string, 
/**
 * The label this one sits under (same kind); empty or absent for a top-level label.
 */
parent?: string, };

export type Usage = { spans: number, tags: number, gold_spans: number, gold_tags: number, 
/**
 * Relations at either end of a span with this label (they go with their spans); absent when none.
 */
relations: number | undefined, };

export type LabelIdReq = { id: number, };

export type DeleteLabelReq = { id: number, 
/**
 * The usage total the analyst was shown and confirmed (see `label_usage`).
 */
expected_annotations: number, };

export type Settings = { 
/**
 * Annotation guidelines in Markdown, shown to every analyst.
 */
guidelines: string, 
/**
 * Whether selecting والرباط labels الرباط ("exclude", the default) or والرباط ("include");
 * token exports split words the same way (`crate::clitics`).
 */
clitics: string, 
/**
 * Blind annotation: while annotating, an analyst sees only their own spans and tags on an article
 * until they mark it done (reviewers see everything).
 */
blind: boolean, };

export type SetSettingsReq = { guidelines?: string, clitics?: string, blind?: boolean, };

export type AnalystProgress = { annotator: string, done: number, in_progress: number, 
/**
 * Articles with no status from this analyst.
 */
todo: number, spans: number, tags: number, 
/**
 * (label, spans) for every span label this analyst used, by label name.
 */
spans_per_label: Array<[string, number]>, };

export type Progress = { articles: number, adjudicated: number, gold_spans: number, analysts: Array<AnalystProgress>, };

export type MyProgressReq = { annotator: string, };

export type MyProgress = { articles: number, done: number, in_progress: number, todo: number, };

export type JobReq = { job: string, };

export type JobStatus = { 
/**
 * False when no such job is running (not started yet, or finished).
 */
running: boolean, cancelled: boolean, files_done: number, files_total: number, 
/**
 * The file being read.
 */
file: string, 
/**
 * Lines, rows or articles read so far.
 */
records: number, elapsed_ms: number, };

export type ErrorKind = "not_found" | "invalid" | "forbidden" | "conflict" | "io" | "database" | "internal" | "unauthorized";

export type ExportToFileReq = { format: string, 
/**
 * The file name the save dialog suggests (a name, never a path).
 */
name: string, 
/**
 * The export options (the `export` command's); without them the format's defaults apply.
 */
req?: ExportReq, };

export type OpenProjectReq = { 
/**
 * A path from File → Open Recent; without it the shell shows the open dialog.
 */
path?: string, };

export type NewProjectReq = { 
/**
 * The file name the save dialog suggests (default `untitled.hashiya`).
 */
name?: string, };

export type MenuEventsReq = { channel: unknown, };

export type MenuAction = { "action": "new" } | { "action": "open" } | { "action": "open_recent", path: string, } | { "action": "import" } | { "action": "export" };

export type Opened = { path: string, name: string, };

export type Switched = { "status": "cancelled" } | { "status": "opened" } & Opened;

export type ExportDone = { articles: number, spans: number, 
/**
 * What the export changed or left out (merged duplicates, dropped overlaps, …), one sentence each.
 */
notes: Array<string>, 
/**
 * The span labels in the export, after renaming and dropping.
 */
labels: Array<string>, 
/**
 * Every data file written (one, or three with a train/dev/test split).
 */
files: Array<string>, };

export type Exported = { "status": "cancelled" } | { "status": "written" } & ExportDone;

export type Mode = "off" | "matcher" | "both";

export type SuggestSettings = { mode: Mode, 
/**
 * Suggestions scoring below this (0–1) are not shown.
 */
threshold: number, };

export type Suggestion = { id: number, article_id: number, start: number, end: number, label: string, text: string, score: number, 
/**
 * "matcher" or "model".
 */
source: string, };

export type Scores = { overall: Prf, by_label: { [key in string]: Prf }, };

export type Evaluation = { train_articles: number, train_sentences: number, train_tokens: number, test_articles: number, test_sentences: number, test_spans: number, matcher: Scores, model: Scores, both: Scores, train_seconds: number, };

export type ModelInfo = { 
/**
 * UTC, RFC 3339.
 */
trained_at: string, articles: number, sentences: number, tokens: number, spans: number, 
/**
 * Span labels it can suggest.
 */
labels: Array<string>, 
/**
 * The analysts learnt from (empty: everyone; the gold layer where it exists).
 */
annotators: Array<string>, seconds: number, epochs: number, 
/**
 * Features with a weight, and forms the matcher knows.
 */
features: number, forms: number, 
/**
 * Size of the stored model.
 */
bytes: number, };

export type Trained = { info: ModelInfo, 
/**
 * An [`Evaluation`]; absent with fewer than two labelled articles.
 */
evaluation?: Evaluation, };

export type SuggestTrainReq = { 
/**
 * Learn from these analysts (default: everyone; the gold layer where a reviewer decided).
 */
annotators?: Array<string>, 
/**
 * Name the training so `job_status` can follow it and `cancel_job` stop it.
 */
job?: string, };

export type SuggestState = { settings: SuggestSettings, 
/**
 * The stored model's record and held-out scores; absent before the first training.
 */
trained?: Trained, };

export type SuggestionsReq = { article_id: number, };

export type SuggestionIdsReq = { ids: Array<number>, annotator: string, };

export type Rejected = { 
/**
 * Waiting suggestions removed (the rejected ones and others of the same form and label).
 */
removed: number, };

export type SetSuggestSettingsReq = { mode?: Mode, threshold?: number, };

export type NextBy = "least_sure" | "most_suggestions";

export type NextPick = { article_id?: number, score: number, examined: number, };

export type SuggestNextReq = { 
/**
 * Whose unfinished articles (not marked done by this analyst).
 */
annotator: string, 
/**
 * The open article: the search starts after it, in id order, and wraps round.
 */
after?: number, by: NextBy, 
/**
 * How many unfinished articles to look at (default 100, at most 5,000).
 */
limit?: number, };

export type Entity = { 
/**
 * Stable across exports and projects ("E…").
 */
id: string, 
/**
 * Its type: a span label.
 */
type: string, 
/**
 * The preferred name.
 */
name: string, 
/**
 * The name in Latin letters, if known.
 */
latin: string, description: string, 
/**
 * An identifier elsewhere typed by the analyst (e.g. a Wikidata QID); nothing is fetched.
 */
external_id: string, 
/**
 * Every spelling it is known by (the preferred name included).
 */
aliases: Array<string>, };

export type EntitySummary = { 
/**
 * Spans linked to it (by every analyst).
 */
mentions: number, 
/**
 * Articles with such a span.
 */
articles: number, 
/**
 * Stable across exports and projects ("E…").
 */
id: string, 
/**
 * Its type: a span label.
 */
type: string, 
/**
 * The preferred name.
 */
name: string, 
/**
 * The name in Latin letters, if known.
 */
latin: string, description: string, 
/**
 * An identifier elsewhere typed by the analyst (e.g. a Wikidata QID); nothing is fetched.
 */
external_id: string, 
/**
 * Every spelling it is known by (the preferred name included).
 */
aliases: Array<string>, };

export type EntityChange = { name?: string, latin?: string, description?: string, external_id?: string, };

export type Proposal = { 
/**
 * The closest alias's spelling difference.
 */
variant: Variant, 
/**
 * The alias covers only part of the text, or the text only part of the alias (حموشي / عبد اللطيف حموشي).
 */
partial: boolean, 
/**
 * The alias that matched.
 */
alias: string, 
/**
 * Spans linked to it (by every analyst).
 */
mentions: number, 
/**
 * Articles with such a span.
 */
articles: number, 
/**
 * Stable across exports and projects ("E…").
 */
id: string, 
/**
 * Its type: a span label.
 */
type: string, 
/**
 * The preferred name.
 */
name: string, 
/**
 * The name in Latin letters, if known.
 */
latin: string, description: string, 
/**
 * An identifier elsewhere typed by the analyst (e.g. a Wikidata QID); nothing is fetched.
 */
external_id: string, 
/**
 * Every spelling it is known by (the preferred name included).
 */
aliases: Array<string>, };

export type MentionAction = "create" | "link" | "linked" | "other";

export type Mention = { action: MentionAction, 
/**
 * The analyst's span here (to link, or linked).
 */
span_id: number | null, article_id: number, title: string, 
/**
 * Code points into the article text.
 */
start: number, end: number, 
/**
 * The text at `[start, end)`, as written there.
 */
text: string, 
/**
 * Up to 40 characters before and after, within the paragraph, cut at whole words ("…" where cut).
 */
before: string, after: string, 
/**
 * How the text here differs from what was looked for.
 */
variant: Variant, };

export type MentionPlace = { article_id: number, start: number, end: number, };

export type LinkedMentions = { entity: string, 
/**
 * Spans created (of the entity's type) and linked.
 */
created: Array<Span>, 
/**
 * The analyst's spans that were linked.
 */
linked: Array<Span>, 
/**
 * Spellings that became aliases.
 */
aliases_added: Array<string>, 
/**
 * Places left alone (linked to another entity, or labelled otherwise).
 */
skipped: number, };

export type EntityArticle = { article_id: number, title: string, 
/**
 * Linked spans in it.
 */
mentions: number, 
/**
 * The first few, in context.
 */
contexts: Array<Occurrence>, };

export type CoEntity = { id: string, type: string, name: string, 
/**
 * Articles both are linked in.
 */
articles: number, };

export type EntityView = { 
/**
 * The articles with linked spans, most mentions first.
 */
by_article: Array<EntityArticle>, cooccurring: Array<CoEntity>, 
/**
 * The relations its linked spans take part in, by article.
 */
relations: Array<EntityRelation>, 
/**
 * Spans linked to it (by every analyst).
 */
mentions: number, 
/**
 * Articles with such a span.
 */
articles: number, 
/**
 * Stable across exports and projects ("E…").
 */
id: string, 
/**
 * Its type: a span label.
 */
type: string, 
/**
 * The preferred name.
 */
name: string, 
/**
 * The name in Latin letters, if known.
 */
latin: string, description: string, 
/**
 * An identifier elsewhere typed by the analyst (e.g. a Wikidata QID); nothing is fetched.
 */
external_id: string, 
/**
 * Every spelling it is known by (the preferred name included).
 */
aliases: Array<string>, };

export type EntityRelation = { article_id: number, title: string, type: string, 
/**
 * The type has a direction (a symmetric type reads either way round).
 */
directed: boolean, 
/**
 * The entity's span is the relation's source.
 */
outgoing: boolean, 
/**
 * The other end: its text as written, its label, and its entity (id, preferred name) if linked.
 */
other_text: string, other_label: string, other_entity: string | null, other_name: string | null, annotator: string, };

export type ListEntitiesReq = { 
/**
 * Only entities of this type (span label).
 */
label?: string, 
/**
 * Only those with a name or alias containing this (normalised).
 */
query?: string, 
/**
 * The analyst asking: under blind annotation (the project's setting, or `blind`) mentions count
 * only where they may see them (their own; others' on articles they marked done).
 */
annotator?: string, blind?: boolean, };

export type EntityIdReq = { id: string, };

export type EntityViewReq = { id: string, annotator?: string, blind?: boolean, };

export type CreateEntityReq = { annotator: string, 
/**
 * Create from this span of the annotator's: its text is the name, its label the type; it is linked.
 */
span_id?: number, 
/**
 * Otherwise, the type and name.
 */
label?: string, name?: string, latin?: string, description?: string, external_id?: string, aliases?: Array<string>, };

export type UpdateEntityReq = { id: string, name?: string, latin?: string, description?: string, external_id?: string, };

export type AliasReq = { id: string, alias: string, };

export type LinkSpanReq = { annotator: string, span_id: number, 
/**
 * The entity to link to; none (null) unlinks.
 */
entity?: string, };

export type LinkSpanResult = { span: Span, 
/**
 * The entity it was linked to before (to undo).
 */
before: string | null, };

export type ProposalsReq = { span_id: number, };

export type MentionsReq = { id: string, 
/**
 * Whose spans count as labelled (and who would link).
 */
annotator: string, 
/**
 * At most this many (default 2,000).
 */
limit?: number, };

export type MentionsResult = { items: Array<Mention>, 
/**
 * True when `limit` cut the list.
 */
truncated: boolean, };

export type LinkMentionsReq = { id: string, annotator: string, places: Array<MentionPlace>, };

export type UndoLinkMentionsReq = { annotator: string, done: LinkedMentions, };

export type MergeEntitiesReq = { annotator: string, 
/**
 * The entity that stays.
 */
into: string, 
/**
 * The entity merged into it.
 */
from: string, };

export type MergeResult = { 
/**
 * Undoes it (`unmerge_entities`).
 */
merge_id: number, entity: Entity, };

export type UnmergeReq = { merge_id: number, };

export type SplitEntityReq = { annotator: string, id: string, 
/**
 * Aliases that move to the new entity (named after the first).
 */
aliases: Array<string>, };

export type CliticCutsReq = { article_id: number, };

export type CliticCuts = { 
/**
 * `[word_start, stem_start]` in code points for every word with a clitic prefix: where a
 * selection of the word starts with the setting "exclude", and where a token export splits it.
 */
cuts: Array<[number, number]>, };

export type MisalignedSpan = { 
/**
 * The article's number in the project, and its title.
 */
article_id: number, title: string, 
/**
 * Code points into the article text.
 */
start: number, end: number, label: string, annotator: string, text: string, };

export type MisalignedSpans = { 
/**
 * Every span of the export with an edge inside a token (empty for other formats).
 */
spans: Array<MisalignedSpan>, };

export type RelationType = { id: number, name: string, 
/**
 * CSS colour, `#rrggbb`.
 */
color: string, 
/**
 * One key, e.g. "m"; empty for none.
 */
hotkey: string, description: string, 
/**
 * False for a symmetric relation (its ends may stand either way round).
 */
directed: boolean, 
/**
 * Span labels allowed at the source end; empty allows any.
 */
from_labels: Array<string>, 
/**
 * Span labels allowed at the target end; empty allows any.
 */
to_labels: Array<string>, };

export type AttrKind = "bool" | "choice" | "text";

export type SpanAttribute = { id: number, 
/**
 * The span label whose spans carry it.
 */
label: string, name: string, kind: AttrKind, 
/**
 * The values of a `choice` attribute, in order.
 */
choices: Array<string>, 
/**
 * The value a new span starts with: "true"/"false" for bool, a choice, or text; empty for none.
 */
default: string, 
/**
 * Keys: one for a bool attribute (toggles it), one per choice; empty strings for none.
 */
keys: Array<string>, };

export type Relation = { id: number, article_id: number, 
/**
 * The source span's id.
 */
from: number, 
/**
 * The target span's id.
 */
to: number, 
/**
 * The relation type's name.
 */
type: string, annotator: string, note: string, created_at: string, updated_at: string, };

export type RelationSchema = { relation_types: Array<RelationType>, attributes: Array<SpanAttribute>, };

export type RelationTypeEdit = { id?: number, name: string, color: string, hotkey: string, description: string, directed: boolean, from_labels: Array<string>, to_labels: Array<string>, };

export type AttributeEdit = { id?: number, 
/**
 * The span label whose spans carry it.
 */
label: string, name: string, kind: AttrKind, choices: Array<string>, default: string, keys: Array<string>, };

export type DeleteRelationTypeReq = { id: number, 
/**
 * The number of relations the analyst was shown and confirmed (see `relation_type_usage`).
 */
expected_relations: number, };

export type AddRelationReq = { annotator: string, 
/**
 * The source span's id.
 */
from: number, 
/**
 * The target span's id.
 */
to: number, 
/**
 * The relation type's name.
 */
type: string, note?: string, 
/**
 * Undo of a delete: the relation comes back with the time it was first made (RFC 3339).
 */
created_at?: string, };

export type AddedRelation = { existing: boolean, id: number, article_id: number, 
/**
 * The source span's id.
 */
from: number, 
/**
 * The target span's id.
 */
to: number, 
/**
 * The relation type's name.
 */
type: string, annotator: string, note: string, created_at: string, updated_at: string, };

export type UpdateRelationReq = { id: number, annotator: string, type?: string, note?: string, 
/**
 * Swap source and target.
 */
reverse?: boolean, };

export type DeleteRelationReq = { id: number, annotator: string, };

export type SetSpanAttrsReq = { id: number, annotator: string, 
/**
 * The span's whole set of values: one left out is removed.
 */
attrs: Record<string, boolean | string>, };

export type Place = { start: number, end: number, label: string, };

export type RelationDiffKind = "missing" | "type" | "direction";

export type RelationVote = { annotator: string, relation_id: number | null, type: string | null, 
/**
 * The relation runs from `b` to `a`.
 */
reversed: boolean, };

export type RelationDisagreement = { kind: RelationDiffKind, 
/**
 * The two places, in text order.
 */
a: Place, b: Place, votes: Array<RelationVote>, };

export type AttributeDisagreement = { place: Place, name: string, 
/**
 * Each analyst with a span at this place: their value (absent: none).
 */
values: Array<[string, boolean | string | null]>, 
/**
 * The analysts' spans, in the order of `values` (to take one's value into gold).
 */
span_ids: Array<number>, };

export type LinkDisagreement = { place: Place, 
/**
 * Each analyst with a span at this place: the entity id it is linked to (absent: none).
 */
entities: Array<[string, string | null]>, 
/**
 * The analysts' spans, in the order of `entities`.
 */
span_ids: Array<number>, };

/** Every command, with its request and response types. */
export type Commands = {
  project_info: { req: Record<string, never>; res: ProjectInfo };
  list_articles: { req: ListArticlesReq; res: ArticlePage };
  get_article: { req: GetArticleReq; res: ArticleView };
  list_labels: { req: Record<string, never>; res: Array<Label> };
  add_span: { req: AddSpanReq; res: AddedSpan };
  update_span: { req: UpdateSpanReq; res: Span };
  delete_span: { req: DeleteSpanReq; res: Done };
  delete_spans: { req: DeleteSpansReq; res: Done };
  set_tag: { req: SetTagReq; res: Array<Tag> };
  set_status: { req: SetStatusReq; res: Array<AnnotatorStatus> };
  import_files: { req: ImportFilesReq; res: ImportReport };
  export: { req: ExportReq; res: ExportResult };
  review_article: { req: ReviewArticleReq; res: ReviewView };
  adjudicate: { req: AdjudicateReq; res: ReviewView };
  adjudicate_all: { req: AdjudicateAllReq; res: ReviewView };
  accept_agreeing: { req: AcceptAgreeingReq; res: ReviewView };
  set_gold_tag: { req: GoldTagReq; res: ReviewView };
  set_adjudicated: { req: AdjudicatedReq; res: ReviewView };
  review_comment: { req: CommentReq; res: ReviewView };
  agreement: { req: AgreementReq; res: AgreementReport };
  progress: { req: Record<string, never>; res: Progress };
  my_progress: { req: MyProgressReq; res: MyProgress };
  find_occurrences: { req: FindOccurrencesReq; res: OccurrencesResult };
  add_spans: { req: AddSpansReq; res: AddSpansResult };
  save_label: { req: LabelEdit; res: Array<Label> };
  label_usage: { req: LabelIdReq; res: Usage };
  delete_label: { req: DeleteLabelReq; res: Array<Label> };
  get_settings: { req: Record<string, never>; res: Settings };
  set_settings: { req: SetSettingsReq; res: Settings };
  relation_schema: { req: Record<string, never>; res: RelationSchema };
  save_relation_type: { req: RelationTypeEdit; res: RelationSchema };
  relation_type_usage: { req: LabelIdReq; res: number };
  delete_relation_type: { req: DeleteRelationTypeReq; res: RelationSchema };
  save_attribute: { req: AttributeEdit; res: RelationSchema };
  delete_attribute: { req: LabelIdReq; res: RelationSchema };
  suggest_state: { req: Record<string, never>; res: SuggestState };
  suggest_train: { req: SuggestTrainReq; res: Trained };
  suggestions: { req: SuggestionsReq; res: Array<Suggestion> };
  accept_suggestions: { req: SuggestionIdsReq; res: Array<Span> };
  reject_suggestions: { req: SuggestionIdsReq; res: Rejected };
  set_suggest_settings: { req: SetSuggestSettingsReq; res: SuggestSettings };
  suggest_next: { req: SuggestNextReq; res: NextPick };
  add_relation: { req: AddRelationReq; res: AddedRelation };
  update_relation: { req: UpdateRelationReq; res: Relation };
  delete_relation: { req: DeleteRelationReq; res: Done };
  set_span_attrs: { req: SetSpanAttrsReq; res: Span };
  search_hits: { req: SearchHitsReq; res: Array<SearchHit> };
  clitic_cuts: { req: CliticCutsReq; res: CliticCuts };
  misaligned_spans: { req: ExportReq; res: MisalignedSpans };
  list_entities: { req: ListEntitiesReq; res: Array<EntitySummary> };
  get_entity: { req: EntityViewReq; res: EntityView };
  create_entity: { req: CreateEntityReq; res: Entity };
  update_entity: { req: UpdateEntityReq; res: Entity };
  add_alias: { req: AliasReq; res: Entity };
  remove_alias: { req: AliasReq; res: Entity };
  link_span: { req: LinkSpanReq; res: LinkSpanResult };
  entity_proposals: { req: ProposalsReq; res: Array<Proposal> };
  entity_mentions: { req: MentionsReq; res: MentionsResult };
  link_mentions: { req: LinkMentionsReq; res: LinkedMentions };
  undo_link_mentions: { req: UndoLinkMentionsReq; res: Done };
  merge_entities: { req: MergeEntitiesReq; res: MergeResult };
  unmerge_entities: { req: UnmergeReq; res: Done };
  split_entity: { req: SplitEntityReq; res: Entity };
  set_title: { req: SetTitleReq; res: TitleEdit };
  job_status: { req: JobReq; res: JobStatus };
  cancel_job: { req: JobReq; res: JobStatus };
  export_to_file: { req: ExportToFileReq; res: Exported };
  open_project: { req: OpenProjectReq; res: Switched };
  new_project: { req: NewProjectReq; res: Switched };
  recent_projects: { req: Record<string, never>; res: Array<string> };
  menu_events: { req: MenuEventsReq; res: null };
};
/** Commands the desktop shell answers itself (Tauri commands of their own, not `api`). */
export const SHELL_COMMANDS = ["export_to_file", "open_project", "new_project", "recent_projects", "menu_events"] as const;
