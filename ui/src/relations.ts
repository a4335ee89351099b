// Relations in the workbench: making one with the keyboard (Shift+R on the focused span, walk to the target with
// ] and [, then the type's key or Enter and the picker) or the mouse (Ctrl/⌘ + drag from one highlight to another),
// editing one (click its arc or label, or its line in the side list), and the side list itself.

import { articleHooks, redrawNow, refreshAnnotations, scheduleRedraw, textView } from './article';
import type { Relation, Span } from './bindings';
import { byId, el } from './dom';
import { addRelation, changeRelation, deleteRelation } from './edits';
import { cpAtPoint } from './geometry';
import { spansAt } from './lanes';
import { drawRelations, type ArcState } from './relDraw';
import { closeRelPopovers, openPicker, openRelEditor, relLineNodes, type At, type RelActions } from './relEditor';
import { inTextOrder, typeByKey, typesFor } from './relModel';
import { changed, session } from './session';
import { state } from './state';
import { guard, toast } from './toast';
import { count, currentLang, t } from './i18n';

/** The relation the keyboard and the editor act on, and the source span of a relation being made. */
export const rel = { focus: null as number | null, linking: null as number | null, dragTo: null as number | null };

export function arcState(): ArcState {
  return { focus: rel.focus, preview: rel.linking === null ? null : { from: rel.linking, to: rel.dragTo ?? session.focusId } };
}

const spanOf = (id: number | null) => state.view?.spans.find((s) => s.id === id) ?? null;
const relOf = (id: number | null) => state.view?.relations.find((r) => r.id === id) ?? null;
const types = () => state.project?.relation_types ?? [];

export function cancelLinking(): void {
  if (rel.linking === null) return;
  rel.linking = null;
  rel.dragTo = null;
  byId('doc').classList.remove('linking');
  changed();
  scheduleRedraw();
}

/** Shift+R: the focused span (one of the analyst's) becomes the source of a new relation. */
export function startLinking(): void {
  const span = spanOf(session.focusId);
  if (!span) return toast(t('focusSpanFirst'), 'info');
  if (span.annotator !== state.analyst) return toast(t('relOwnOnly'), 'info');
  if (types().length === 0) return toast(t('relNoTypes'), 'info');
  rel.linking = span.id;
  byId('doc').classList.add('linking');
  toast(t('relLinking'), 'info');
  changed();
  scheduleRedraw();
}

/** performance.now() marks of the last relation made (for the benchmark): request sent, the arc drawn (at once,
 * provisional), the core's answer, the answered arc drawn. */
export const relMarks = { requested: 0, drawn: 0, answered: 0, confirmed: 0 };

/** Make the relation. Its arc is drawn at once, before the core answers (the ends already fit the type);
 * the core checks them again: its answer replaces the provisional arc, a refusal removes it and says why. */
export async function makeRelation(from: Span, to: Span, type: string): Promise<void> {
  cancelLinking();
  const view = state.view;
  if (!view) return;
  relMarks.requested = performance.now();
  const now = new Date().toISOString();
  const provisional: Relation = {
    id: -1, article_id: view.article.id, from: from.id, to: to.id, type, annotator: state.analyst, note: '', created_at: now, updated_at: now,
  };
  view.relations = [...view.relations, provisional];
  redrawNow();
  relMarks.drawn = performance.now();
  let r: Relation | null;
  try {
    r = await addRelation(view.article.id, from.id, to.id, type);
  } catch (e) {
    view.relations = view.relations.filter((x) => x !== provisional);
    redrawNow();
    throw e;
  }
  relMarks.answered = performance.now();
  view.relations = view.relations.filter((x) => x !== provisional);
  if (!r) toast(t('relExists', { type }), 'info');
  else {
    rel.focus = r.id;
    view.relations = [...view.relations, r];
    toast(t('relAdded', { type }), 'success');
  }
  redrawNow();
  relMarks.confirmed = performance.now();
  // The refresh brings everyone else's changes too.
  await refreshAnnotations();
}

/** The target is fine as a relation's end: another span of the analyst's. */
function targetOk(from: Span, to: Span | null): to is Span {
  if (!to || to.id === from.id) {
    toast(t('relPickTarget'), 'info');
    return false;
  }
  if (to.annotator !== state.analyst) {
    toast(t('relOwnOnly'), 'info');
    return false;
  }
  return true;
}

function spanBox(id: number): At {
  const b = byId('hl-layer').querySelector(`.hl[data-span-id="${id}"]`)?.getBoundingClientRect();
  return b ? { x: b.left + b.width / 2, y: b.bottom } : { x: 200, y: 200 };
}

function pick(from: Span, to: Span, at: At): void {
  const ok = openPicker(from, to, at, (type) => guard(() => makeRelation(from, to, type), t('errRelation'))());
  if (!ok) toast(t('relNoFit', { from: from.label, to: to.label }), 'info');
}

/** A click on a highlight while a relation is being made: its target (then the type). */
export function linkTo(to: Span, at: At): void {
  const from = spanOf(rel.linking);
  if (!from) return cancelLinking();
  if (!targetOk(from, to)) return;
  cancelLinking();
  pick(from, to, at);
}

/** Keys while a relation is being made: Esc cancels, the type's key or Enter (the picker) ends it on the focused
 * span; ] and [ walk as usual. Returns true when the key was used. */
export function linkingKey(e: KeyboardEvent): boolean {
  if (rel.linking === null || e.ctrlKey || e.metaKey || e.altKey) return false;
  const from = spanOf(rel.linking);
  if (!from) {
    cancelLinking();
    return false;
  }
  if (e.key === 'Escape') {
    cancelLinking();
    toast(t('relCancelled'), 'info');
    return true;
  }
  const to = spanOf(session.focusId);
  if (e.key === 'Enter') {
    if (targetOk(from, to)) pick(from, to, spanBox(to.id));
    return true;
  }
  const rt = e.shiftKey ? undefined : typeByKey(types(), e.key);
  if (!rt) return false;
  if (!targetOk(from, to)) return true;
  if (!typesFor([rt], from, to).length) {
    toast(t('relNoFitType', { type: rt.name, from: from.label, to: to.label }), 'error');
    return true;
  }
  guard(() => makeRelation(from, to, rt.name), t('errRelation'))();
  return true;
}

export const relActions: RelActions = {
  async retype(r, type) {
    if (r.type === type) return;
    await changeRelation(r, { type }, t('hRelRetype', { from: r.type, to: type }));
    await afterEdit(r.id);
  },
  async reverse(r) {
    await changeRelation(r, { reverse: true }, t('hRelReverse', { type: r.type }));
    await afterEdit(r.id);
  },
  async saveNote(r, note) {
    if (note === r.note) return closeRelPopovers();
    await changeRelation(r, { note }, t('hNote'));
    toast(t('noteSaved'), 'success');
    await afterEdit(r.id);
  },
  async remove(r) {
    await deleteRelation(r);
    if (rel.focus === r.id) rel.focus = null;
    closeRelPopovers();
    await refreshAnnotations();
  },
};

/** After an edit: refresh and open the editor again on the relation as it is now. */
async function afterEdit(id: number): Promise<void> {
  await refreshAnnotations();
  const r = relOf(id);
  if (r) openRelEditor(r, lastAt, relActions);
  else closeRelPopovers();
}

let lastAt: At = { x: 200, y: 200 };

/** Focus a relation: outline its arc, bring it into view and open its editor. */
export function focusRelation(r: Relation, at?: At): void {
  rel.focus = r.id;
  scheduleRedraw();
  renderList();
  requestAnimationFrame(() => {
    const label = byId('rel-layer').querySelector<HTMLElement>(`.rel-label[data-rel-id="${r.id}"]`);
    label?.scrollIntoView({ block: 'nearest' });
    const b = label?.getBoundingClientRect();
    lastAt = at ?? (b ? { x: b.left + b.width / 2, y: b.bottom } : lastAt);
    openRelEditor(r, lastAt, relActions);
  });
}

let listFor: unknown[] = [];
let listTimer = 0;
let listDone = false;
/** The side list, built when the page is idle (after the arcs are drawn). */
export function renderList(): void {
  window.clearTimeout(listTimer);
  listTimer = window.setTimeout(buildList, 0);
}

/** Side-list lines added per task: an article with thousands of relations never blocks the page for long. */
const LIST_CHUNK = 40;

/** The side list: every relation of the article in text order (others' read-only), walkable with ↑/↓. Built
 * again only when the relations, spans, focus, analyst or language changed (not on every scroll), in chunks. */
function buildList(): void {
  const box = byId('rel-list');
  const v = state.view;
  const key = [v?.relations, v?.spans, rel.focus, state.analyst, currentLang()];
  if (listDone && key.every((k, i) => k === listFor[i]) && box.childElementCount) return;
  listFor = key;
  listDone = false;
  const spanById = new Map((v?.spans ?? []).map((s) => [s.id, s]));
  const rels = v ? inTextOrder(v.relations, new Map(v.spans.map((s) => [s.id, s.start]))) : [];
  box.hidden = rels.length === 0;
  const ol = el('ol', { class: 'rel-items' });
  box.replaceChildren(el('h2', { class: 'rel-list-title' }, t('relListTitle'), ' ', el('span', { class: 'muted small' }, count(rels.length, 'relation'))), ol);
  let i = 0;
  const more = () => {
    const frag = document.createDocumentFragment();
    for (const end = Math.min(rels.length, i + LIST_CHUNK); i < end; i++) {
      const r = rels[i];
      const mine = r.annotator === state.analyst;
      const b = el('button', { type: 'button', class: `rel-item${mine ? '' : ' rel-other'}${r.id === rel.focus ? ' rel-focus' : ''}`, 'data-rel-id': r.id, title: mine ? r.note || undefined : t('relReadOnly', { name: r.annotator }) }, relLineNodes(r, spanById), mine ? null : el('span', { class: 'muted small' }, ` · ${r.annotator}`));
      b.addEventListener('click', () => focusRelation(r));
      frag.append(el('li', {}, b));
    }
    ol.append(frag);
    if (i < rels.length) listTimer = window.setTimeout(more, 0);
    else listDone = true;
  };
  more();
}

/** Keys in the side list: ↑/↓ walk it, Delete deletes the relation (one of the analyst's). */
function listKey(e: KeyboardEvent): void {
  const b = (e.target as HTMLElement).closest<HTMLElement>('.rel-item');
  if (!b) return;
  const all = [...byId('rel-list').querySelectorAll<HTMLElement>('.rel-item')];
  const i = all.indexOf(b);
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    e.stopPropagation();
    all[(i + (e.key === 'ArrowDown' ? 1 : -1) + all.length) % all.length]?.focus();
  } else if (e.key === 'Delete' || e.key === 'Backspace') {
    e.preventDefault();
    e.stopPropagation();
    const r = relOf(Number(b.dataset.relId));
    if (r && r.annotator === state.analyst) guard(() => relActions.remove(r), t('errRelation'))();
  }
}

/** The innermost of the analyst's spans under the pointer. */
function mySpanAt(x: number, y: number): Span | null {
  const view = textView();
  const cp = view ? cpAtPoint(view, x, y) : null;
  if (cp === null) return null;
  const mine = spansAt(state.view?.spans ?? [], cp).filter((s) => s.annotator === state.analyst);
  return mine[mine.length - 1] ?? null;
}

/** Wire arc clicks, the side list and Ctrl/⌘-drag between highlights. */
export function initRelations(): void {
  articleHooks.drawn.push((view) => {
    drawRelations(byId('rel-layer'), view, byId('main').getBoundingClientRect(), arcState());
    renderList();
  });
  articleHooks.opened.push(() => {
    rel.focus = null;
    cancelLinking();
    closeRelPopovers();
  });
  byId('rel-layer').addEventListener('click', (e) => {
    const hit = (e.target as Element).closest('[data-rel-id]');
    const r = relOf(Number(hit?.getAttribute('data-rel-id')));
    if (r) focusRelation(r, { x: e.clientX, y: e.clientY });
  });
  byId('rel-list').addEventListener('keydown', listKey);
  document.addEventListener('keydown', (e) => e.key === 'Escape' && closeRelPopovers());
  const text = byId('article-text');
  text.addEventListener('mousedown', (e) => {
    if (e.button !== 0 || !(e.ctrlKey || e.metaKey)) return;
    const from = mySpanAt(e.clientX, e.clientY);
    if (!from) return;
    e.preventDefault();
    rel.linking = from.id;
    rel.dragTo = null;
    byId('doc').classList.add('linking');
    const move = (m: MouseEvent) => {
      const over = mySpanAt(m.clientX, m.clientY);
      const id = over && over.id !== from.id ? over.id : null;
      if (id !== rel.dragTo) {
        rel.dragTo = id;
        scheduleRedraw();
      }
    };
    const up = (u: MouseEvent) => {
      window.removeEventListener('mousemove', move, true);
      window.removeEventListener('mouseup', up, true);
      u.preventDefault();
      u.stopPropagation();
      const to = mySpanAt(u.clientX, u.clientY);
      cancelLinking();
      if (to && to.id !== from.id) pick(from, to, { x: u.clientX, y: u.clientY });
    };
    window.addEventListener('mousemove', move, true);
    window.addEventListener('mouseup', up, true);
  });
  document.addEventListener('mousedown', (e) => {
    const n = e.target as Node;
    if (!byId('rel-picker').contains(n) && !byId('rel-editor').contains(n) && !byId('rel-layer').contains(n) && !byId('rel-list').contains(n)) closeRelPopovers();
  });
}
