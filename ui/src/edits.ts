// Every edit of the session as an undoable command: spans (add, delete, relabel, resize, note, add many), tags, status.

import { ApiError, call } from './api';
import type { AddedSpan, AddSpansResult, Span, SpanPlace, Status } from './bindings';
import { CommandStack, SpanIds, type Command } from './history';
import { changed as sessionChanged } from './session';
import { state } from './state';
import { t, count } from './i18n';

export const history = new CommandStack();
/** Spans deleted and re-created by undo get new ids; commands resolve them here. */
export const spanIds = new SpanIds();

/** Called after undo/redo with the articles the command touched (to refresh what is shown). */
let changed: (articleIds: number[]) => Promise<void> = async () => {};
export function onUndoRedo(fn: (articleIds: number[]) => Promise<void>): void {
  changed = fn;
}

interface Edit extends Command {
  articles: number[];
}

function record(e: Edit): void {
  history.push(e);
  sessionChanged();
}

/** Record an edit made elsewhere (entity links, merges) as one undoable step. */
export function recordEdit(e: Command & { articles: number[] }): void {
  record(e);
}
const touched = (c: Command | null) => (c as Edit | null)?.articles ?? [];

/** Undo the last edit; returns its label, or null when there was nothing. */
export async function undo(): Promise<string | null> {
  const c = await history.undo();
  sessionChanged();
  if (c) await changed(touched(c));
  return c?.label ?? null;
}

export async function redo(): Promise<string | null> {
  const c = await history.redo();
  sessionChanged();
  if (c) await changed(touched(c));
  return c?.label ?? null;
}

const who = () => state.analyst;

interface Place {
  article_id: number;
  start: number;
  end: number;
  label: string;
  note?: string;
  /** Undo of a delete brings the span back with the time it was first made. */
  created_at?: string;
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
  const first = span.id;
  record({
    label: t('hAdd', { label: p.label }),
    articles: [p.article_id],
    undo: async () => void (await call('delete_span', { id: spanIds.current(first), annotator: who() })),
    redo: async () => spanIds.moved(first, (await create(p)).id),
  });
  return span;
}

export async function deleteSpan(span: Span): Promise<void> {
  await call('delete_span', { id: spanIds.current(span.id), annotator: who() });
  const p: Place = { article_id: span.article_id, start: span.start, end: span.end, label: span.label, note: span.note, created_at: span.created_at };
  record({
    label: t('hDelete', { label: span.label }),
    articles: [span.article_id],
    undo: async () => spanIds.moved(span.id, (await create(p)).id),
    redo: async () => void (await call('delete_span', { id: spanIds.current(span.id), annotator: who() })),
  });
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
  record({
    label: what,
    articles: [span.article_id],
    undo: async () => void (await update(span.id, from)),
    redo: async () => void (await update(span.id, to)),
  });
  return out;
}

export async function setTag(articleId: number, label: string, on: boolean): Promise<void> {
  const set = (v: boolean) => call('set_tag', { article_id: articleId, annotator: who(), label, on: v });
  const tags = await set(on);
  if (state.view?.article.id === articleId) state.view.tags = tags;
  record({ label: t(on ? 'hTag' : 'hUntag', { label }), articles: [articleId], undo: async () => void (await set(!on)), redo: async () => void (await set(on)) });
}

export async function setStatus(articleId: number, from: Status, to: Status): Promise<void> {
  const set = (s: Status) => call('set_status', { article_id: articleId, annotator: who(), status: s });
  const statuses = await set(to);
  if (state.view?.article.id === articleId) state.view.statuses = statuses;
  if (from === to) return;
  record({ label: t('hStatus', { raw: to.replace('_', ' '), status: t(to) }), articles: [articleId], undo: async () => void (await set(from)), redo: async () => void (await set(to)) });
}

async function gone(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof ApiError && e.kind === 'not_found')) throw e;
  }
}

/** Label many places at once (all occurrences): one step; undo deletes every span it added. */
export async function addMany(label: string, places: SpanPlace[]): Promise<AddSpansResult> {
  const res = await call('add_spans', { annotator: who(), label, places });
  const added = res.added.map((s) => ({ id: s.id, place: { article_id: s.article_id, start: s.start, end: s.end } }));
  if (added.length === 0) return res;
  const articles = [...new Set(added.map((a) => a.place.article_id))];
  record({
    label: t('hLabelOcc', { occ: count(added.length, 'occurrence'), label }),
    articles,
    undo: async () => {
      // All at once (delete_spans is all or none). If some were deleted since, one by one: a span
      // already gone is fine, so a retry after a failure finishes the step.
      try {
        await call('delete_spans', { ids: added.map((a) => spanIds.current(a.id)), annotator: who() });
      } catch {
        for (const a of added) await gone(call('delete_span', { id: spanIds.current(a.id), annotator: who() }));
      }
    },
    redo: async () => {
      const again = await call('add_spans', { annotator: who(), label, places: added.map((a) => a.place) });
      const key = (p: SpanPlace) => `${p.article_id}:${p.start}:${p.end}`;
      const byPlace = new Map(again.added.map((s) => [key(s), s.id]));
      for (const a of added) {
        const id = byPlace.get(key(a.place));
        if (id !== undefined) spanIds.moved(a.id, id);
      }
    },
  });
  return res;
}
