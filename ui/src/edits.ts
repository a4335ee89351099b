// Every edit of the session as an undoable command: spans (add, delete with its relations, relabel, resize, note,
// attributes, add many, accepted suggestions), relations (add, change, reverse, delete), tags, status, titles.
// Each command is plain data (a Step) turned into undo/redo calls, so the history of every article is kept for the
// session (sessionStorage): it survives switching articles and a reload.

import { ApiError, call } from './api';
import type { AddedSpan, AddSpansResult, Relation, Span, SpanPlace, Status, TitleEdit } from './bindings';
import { CommandStack, SpanIds, type Command } from './history';
import { changed as sessionChanged } from './session';
import { state } from './state';
import { t, count } from './i18n';

/** One undo history per article (Ctrl+Z undoes the open article's edits). */
const stacks = new Map<number, CommandStack>();
/** Spans deleted and re-created by undo get new ids; commands resolve them here. */
export const spanIds = new SpanIds();
/** Relations deleted and re-created by undo get new ids too. */
export const relIds = new SpanIds();

function stackOf(article: number): CommandStack {
  let s = stacks.get(article);
  if (!s) stacks.set(article, (s = new CommandStack()));
  return s;
}

/** The open article's history (an empty one when none is open). */
export const history = {
  peek: () => (state.view ? stackOf(state.view.article.id).peek() : { undo: null, redo: null }),
};

/** Called after undo/redo with the articles the command touched (to refresh what is shown). */
let changed: (articleIds: number[]) => Promise<void> = async () => {};
export function onUndoRedo(fn: (articleIds: number[]) => Promise<void>): void {
  changed = fn;
}

interface Edit extends Command {
  articles: number[];
  step: Step;
}

/** The session's histories, kept across reloads for this analyst and project. */
const storeKey = () => `hashiya.undo.${state.project?.path ?? ''}.${state.analyst}`;

function persist(): void {
  // Entity steps (recordEdit) are calls, not data: they last as long as the page.
  const steps = (cs: Command[]) => cs.map((c) => (c as Partial<Edit>).step).filter((x): x is Step => !!x);
  const all: Record<string, { done: Step[]; undone: Step[] }> = {};
  for (const [id, s] of stacks) {
    const snap = s.snapshot();
    if (snap.done.length || snap.undone.length) all[id] = { done: steps(snap.done), undone: steps(snap.undone) };
  }
  try {
    sessionStorage.setItem(storeKey(), JSON.stringify({ stacks: all, ids: spanIds.entries(), rels: relIds.entries() }));
  } catch {
    // No storage (or full): the history lasts as long as the page.
  }
}

/** Bring back this session's histories (after a reload); call once the analyst and project are known. */
export function restoreHistory(): void {
  let saved: { stacks?: Record<string, { done: Step[]; undone: Step[] }>; ids?: [number, number][]; rels?: [number, number][] } = {};
  try {
    saved = JSON.parse(sessionStorage.getItem(storeKey()) ?? '{}');
  } catch {
    return;
  }
  stacks.clear();
  for (const [a, b] of saved.ids ?? []) spanIds.moved(a, b);
  for (const [a, b] of saved.rels ?? []) relIds.moved(a, b);
  for (const [id, h] of Object.entries(saved.stacks ?? {})) stackOf(Number(id)).restore(h.done.map(commandOf), h.undone.map(commandOf));
  sessionChanged();
}

/** The article whose history an edit goes to: the one open when it was made (all occurrences may touch only
 * others), else the first it touched. */
const home = (articles: number[]) => state.view?.article.id ?? articles[0];

function record(step: Step): void {
  const e = commandOf(step);
  stackOf(home(e.articles)).push(e);
  persist();
  sessionChanged();
}

/** Record an edit made elsewhere (entity links, merges) as one undoable step (kept until the page reloads). */
export function recordEdit(e: Command & { articles: number[] }): void {
  stackOf(home(e.articles)).push(e);
  persist();
  sessionChanged();
}
const touched = (c: Command | null) => (c as Edit | null)?.articles ?? [];

async function runOnOpen(op: 'undo' | 'redo'): Promise<string | null> {
  if (!state.view) return null;
  const s = stackOf(state.view.article.id);
  const c = await (op === 'undo' ? s.undo() : s.redo());
  persist();
  sessionChanged();
  if (c) await changed(touched(c));
  return c?.label ?? null;
}

/** Undo the open article's last edit; returns its label, or null when there was nothing. */
export const undo = () => runOnOpen('undo');
export const redo = () => runOnOpen('redo');

const who = () => state.analyst;

interface Place {
  article_id: number;
  start: number;
  end: number;
  label: string;
  note?: string;
  /** Undo of a delete brings the span back with the time it was first made. */
  created_at?: string;
  attrs?: Record<string, boolean | string>;
}

async function create(p: Place): Promise<AddedSpan> {
  return call('add_span', {
    article_id: p.article_id,
    annotator: who(),
    start: p.start,
    end: p.end,
    label: p.label,
    note: p.note || undefined,
    created_at: p.created_at,
    attrs: p.attrs,
  });
}

/** Add a span (a duplicate of one of mine at the same place and label is not a new edit: returns null). */
export async function addSpan(p: Place): Promise<Span | null> {
  const dup = state.view?.spans.some((s) => s.article_id === p.article_id && s.start === p.start && s.end === p.end && s.label === p.label && s.annotator === who());
  if (dup) return null;
  const span = await create(p);
  // Stored already (from another window or the CLI since this view was loaded): not an edit of this session,
  // so no undo step that would delete it.
  if (span.existing) return null;
  record({ kind: 'add', label: t('hAdd', { label: p.label }), place: p, first: span.id });
  return span;
}

/** Delete a span; `rels` are its relations, deleted with it (the analyst confirmed) and brought back by undo. */
export async function deleteSpan(span: Span, rels: readonly Relation[] = []): Promise<void> {
  await call('delete_span', { id: spanIds.current(span.id), annotator: who(), with_relations: rels.length > 0 || undefined });
  const p: Place = { article_id: span.article_id, start: span.start, end: span.end, label: span.label, note: span.note, created_at: span.created_at, attrs: span.attrs };
  record({ kind: 'delete', label: t('hDelete', { label: span.label }), place: p, id: span.id, rels: rels.map(relPlace) });
}

/** A relation as undo needs it (span ids as first known: spanIds resolves them). */
interface RelPlace {
  /** The relation's id as first known (relIds resolves it), for a relation deleted with its span. */
  id?: number;
  article_id: number;
  from: number;
  to: number;
  type: string;
  note?: string;
  created_at?: string;
}

const relPlace = (r: Relation): RelPlace => ({ id: r.id, article_id: r.article_id, from: r.from, to: r.to, type: r.type, note: r.note || undefined, created_at: r.created_at });

/** Create a relation again (redo, undo of a delete): its ends resolved to the spans' current ids. */
async function createRel(r: RelPlace, id: number): Promise<void> {
  const added = await call('add_relation', { annotator: who(), from: spanIds.current(r.from), to: spanIds.current(r.to), type: r.type, note: r.note, created_at: r.created_at });
  relIds.moved(id, added.id);
}
const dropRel = (id: number) => call('delete_relation', { id: relIds.current(id), annotator: who() });

/** Link two of the analyst's spans (a relation already stored is not a new edit: returns null). */
export async function addRelation(articleId: number, from: number, to: number, type: string): Promise<Relation | null> {
  const added = await call('add_relation', { annotator: who(), from: spanIds.current(from), to: spanIds.current(to), type });
  if (added.existing) return null;
  record({ kind: 'radd', label: t('hRelAdd', { type }), rel: { article_id: articleId, from: added.from, to: added.to, type }, first: added.id });
  return added;
}

export async function deleteRelation(r: Relation): Promise<void> {
  await dropRel(r.id);
  record({ kind: 'rdelete', label: t('hRelDelete', { type: r.type }), rel: relPlace(r), id: r.id });
}

type RelChange = { type?: string; note?: string; reverse?: boolean };

/** Change a relation's type or note, or reverse it; `what` names the edit. */
export async function changeRelation(r: Relation, to: RelChange, what: string): Promise<Relation> {
  const from: RelChange = {};
  if (to.type !== undefined) from.type = r.type;
  if (to.note !== undefined) from.note = r.note;
  if (to.reverse) from.reverse = true;
  const out = await call('update_relation', { id: relIds.current(r.id), annotator: who(), ...to });
  record({ kind: 'rchange', label: what, article: r.article_id, id: r.id, from, to });
  return out;
}

/** Set a span's attribute values (its whole set). */
export async function setAttrs(span: Span, attrs: Record<string, boolean | string>): Promise<Span> {
  const out = await call('set_span_attrs', { id: spanIds.current(span.id), annotator: who(), attrs });
  record({ kind: 'attrs', label: t('hAttrs'), article: span.article_id, id: span.id, from: span.attrs ?? {}, to: attrs });
  return out;
}

type Change = { label?: string; start?: number; end?: number; note?: string };

async function update(id: number, c: Change): Promise<Span> {
  return call('update_span', { id: spanIds.current(id), annotator: who(), ...c });
}

/** Change a span's label, place or note; `what` names the edit. */
export async function changeSpan(span: Span, to: Change, what: string): Promise<Span> {
  const from: Change = {};
  if (to.label !== undefined) from.label = span.label;
  if (to.start !== undefined) from.start = span.start;
  if (to.end !== undefined) from.end = span.end;
  if (to.note !== undefined) from.note = span.note;
  const out = await update(span.id, to);
  record({ kind: 'change', label: what, article: span.article_id, id: span.id, from, to });
  return out;
}

export async function setTag(articleId: number, label: string, on: boolean): Promise<void> {
  const set = (v: boolean) => call('set_tag', { article_id: articleId, annotator: who(), label, on: v });
  const tags = await set(on);
  if (state.view?.article.id === articleId) state.view.tags = tags;
  record({ kind: 'tag', label: t(on ? 'hTag' : 'hUntag', { label }), article: articleId, tag: label, on });
}

export async function setStatus(articleId: number, from: Status, to: Status): Promise<void> {
  const set = (s: Status) => call('set_status', { article_id: articleId, annotator: who(), status: s });
  const statuses = await set(to);
  if (state.view?.article.id === articleId) state.view.statuses = statuses;
  if (from === to) return;
  record({ kind: 'status', label: t('hStatus', { raw: to.replace('_', ' '), status: t(to) }), article: articleId, from, to });
}

async function gone(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof ApiError && e.kind === 'not_found')) throw e;
  }
}

/** Give an article a new title (its text never changes); undo gives back the title it had. */
export async function setTitle(articleId: number, from: string, to: string): Promise<TitleEdit> {
  const res = await call('set_title', { article_id: articleId, annotator: who(), title: to });
  if (res.title !== from) record({ kind: 'title', label: t('hTitle'), article: articleId, from, to: res.title });
  return res;
}

/** Label many places at once (all occurrences): one step; undo deletes every span it added. */
export async function addMany(label: string, places: SpanPlace[]): Promise<AddSpansResult> {
  const res = await call('add_spans', { annotator: who(), label, places });
  const added = res.added.map((s) => ({ id: s.id, place: { article_id: s.article_id, start: s.start, end: s.end } }));
  if (added.length === 0) return res;
  record({ kind: 'many', label: t('hLabelOcc', { occ: count(added.length, 'occurrence'), label }), tag: label, added });
  return res;
}

/** Accept waiting suggestions: they become this analyst's spans (origin "suggestion"), one undoable step; undo
 * deletes them (they are suggested again), redo makes them again as accepted suggestions. */
export async function acceptSuggestions(ids: number[]): Promise<Span[]> {
  const spans = await call('accept_suggestions', { ids, annotator: who() });
  const added = spans.map((s) => ({ id: s.id, label: s.label, place: { article_id: s.article_id, start: s.start, end: s.end } }));
  if (added.length) record({ kind: 'accept', label: t('hAccept', { n: count(added.length, 'suggestion') }), added });
  return spans;
}

/** Delete spans made by one step (all at once; if some went since, one by one: one already gone is fine). */
async function deleteAll(ids: number[]): Promise<void> {
  try {
    await call('delete_spans', { ids: ids.map((id) => spanIds.current(id)), annotator: who() });
  } catch {
    for (const id of ids) await gone(call('delete_span', { id: spanIds.current(id), annotator: who() }));
  }
}

/** An edit as plain data (what undo and redo need), kept in sessionStorage. */
type Step =
  | { kind: 'add'; label: string; place: Place; first: number }
  | { kind: 'delete'; label: string; place: Place; id: number; rels?: RelPlace[] }
  | { kind: 'radd'; label: string; rel: RelPlace; first: number }
  | { kind: 'rdelete'; label: string; rel: RelPlace; id: number }
  | { kind: 'rchange'; label: string; article: number; id: number; from: RelChange; to: RelChange }
  | { kind: 'attrs'; label: string; article: number; id: number; from: Record<string, boolean | string>; to: Record<string, boolean | string> }
  | { kind: 'change'; label: string; article: number; id: number; from: Change; to: Change }
  | { kind: 'tag'; label: string; article: number; tag: string; on: boolean }
  | { kind: 'status'; label: string; article: number; from: Status; to: Status }
  | { kind: 'title'; label: string; article: number; from: string; to: string }
  | { kind: 'many'; label: string; tag: string; added: { id: number; place: SpanPlace }[] }
  | { kind: 'accept'; label: string; added: { id: number; label: string; place: SpanPlace }[] };

/** The undo and redo of a step. */
function commandOf(step: Step): Edit {
  const base = { label: step.label, step };
  switch (step.kind) {
    case 'add': {
      const { place: p, first } = step;
      return {
        ...base,
        articles: [p.article_id],
        undo: async () => void (await call('delete_span', { id: spanIds.current(first), annotator: who() })),
        redo: async () => spanIds.moved(first, (await create(p)).id),
      };
    }
    case 'delete': {
      const { place: p, id } = step;
      const rels = step.rels ?? [];
      return {
        ...base,
        articles: [p.article_id],
        undo: async () => {
          spanIds.moved(id, (await create(p)).id);
          for (const r of rels) await createRel(r, r.id ?? 0);
        },
        redo: async () => void (await call('delete_span', { id: spanIds.current(id), annotator: who(), with_relations: rels.length > 0 || undefined })),
      };
    }
    case 'radd': {
      const { rel, first } = step;
      return { ...base, articles: [rel.article_id], undo: async () => void (await dropRel(first)), redo: () => createRel(rel, first) };
    }
    case 'rdelete': {
      const { rel, id } = step;
      return { ...base, articles: [rel.article_id], undo: () => createRel(rel, id), redo: async () => void (await dropRel(id)) };
    }
    case 'rchange': {
      const set = (c: RelChange) => call('update_relation', { id: relIds.current(step.id), annotator: who(), ...c });
      return { ...base, articles: [step.article], undo: async () => void (await set(step.from)), redo: async () => void (await set(step.to)) };
    }
    case 'attrs': {
      const set = (attrs: Record<string, boolean | string>) => call('set_span_attrs', { id: spanIds.current(step.id), annotator: who(), attrs });
      return { ...base, articles: [step.article], undo: async () => void (await set(step.from)), redo: async () => void (await set(step.to)) };
    }
    case 'change':
      return { ...base, articles: [step.article], undo: async () => void (await update(step.id, step.from)), redo: async () => void (await update(step.id, step.to)) };
    case 'tag': {
      const set = (v: boolean) => call('set_tag', { article_id: step.article, annotator: who(), label: step.tag, on: v });
      return { ...base, articles: [step.article], undo: async () => void (await set(!step.on)), redo: async () => void (await set(step.on)) };
    }
    case 'status': {
      const set = (s: Status) => call('set_status', { article_id: step.article, annotator: who(), status: s });
      return { ...base, articles: [step.article], undo: async () => void (await set(step.from)), redo: async () => void (await set(step.to)) };
    }
    case 'title': {
      const set = (title: string) => call('set_title', { article_id: step.article, annotator: who(), title });
      return { ...base, articles: [step.article], undo: async () => void (await set(step.from)), redo: async () => void (await set(step.to)) };
    }
    case 'many': {
      const { added, tag: label } = step;
      return {
        ...base,
        articles: [...new Set(added.map((a) => a.place.article_id))],
        // A retry after a failure finishes the step.
        undo: () => deleteAll(added.map((a) => a.id)),
        redo: async () => {
          const again = await call('add_spans', { annotator: who(), label, places: added.map((a) => a.place) });
          const key = (p: SpanPlace) => `${p.article_id}:${p.start}:${p.end}`;
          const byPlace = new Map(again.added.map((s) => [key(s), s.id]));
          for (const a of added) {
            const id = byPlace.get(key(a.place));
            if (id !== undefined) spanIds.moved(a.id, id);
          }
        },
      };
    }
    case 'accept': {
      const { added } = step;
      return {
        ...base,
        articles: [...new Set(added.map((a) => a.place.article_id))],
        undo: () => deleteAll(added.map((a) => a.id)),
        redo: async () => {
          const key = (p: SpanPlace) => `${p.article_id}:${p.start}:${p.end}`;
          for (const label of new Set(added.map((a) => a.label))) {
            const mine = added.filter((a) => a.label === label);
            const again = await call('add_spans', { annotator: who(), label, places: mine.map((a) => a.place), origin: 'suggestion' });
            const byPlace = new Map(again.added.map((s) => [key(s), s.id]));
            for (const a of mine) {
              const id = byPlace.get(key(a.place));
              if (id !== undefined) spanIds.moved(a.id, id);
            }
          }
        },
      };
    }
  }
}
