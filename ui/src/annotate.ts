// Creating and editing spans: label the (snapped, clitic-aware) selection or the word at the caret, sticky
// labels, click a highlight to edit it (or choose among overlapping ones), resize by keys and handles.

import { redrawNow, refreshAnnotations, scheduleRedraw, textView } from './article';
import type { Span } from './bindings';
import { byId } from './dom';
import { arrowDir, moveEdge, type Unit } from './edges';
import { addSpan, changeSpan, deleteSpan, setAttrs } from './edits';
import { confirmDeleteWithRelations } from './relEditor';
import { relationsOf } from './relModel';
import { linkTo, rel, startLinking } from './relations';
import { caretCp, cpAtPoint, selectionCp } from './geometry';
import { drawPreview, drawStats, markFocus } from './highlights';
import { spansAt } from './lanes';
import type { Edge } from './nudge';
import { confirmLongSpan } from './longSpanDialog';
import { openOccurrences } from './occurrencesDialog';
import { openEntity, openLinking } from './entityDialog';
import { changed, cliticMode, session } from './session';
import { snapRange, wordAt, type CpRange } from './snap';
import { excerpt, runaway } from './spanLength';
import { closePopovers, editorOpenFor, openChooser, openEditor, type At, type EditorActions } from './spanEditor';
import { state } from './state';
import { sugg } from './suggestions';
import { guard, toast } from './toast';
import { t } from './i18n';

/** Alt held at the end of the last mouse selection (exact, grapheme-level mode). */
let altAtMouseUp = false;
let altDown = false;
/** The label used last (sticky mode starts with it). */
export let lastLabel: string | null = null;

/** performance.now() marks of the last label added (for the benchmark). */
export const addMarks = { requested: 0, answered: 0, drawn: 0, drawMs: 0, rebuilt: 0 };

/** The range the next label would get: the snapped selection, else the word at the caret. */
function target(exact: boolean): CpRange | null | 'none' {
  const view = textView();
  if (!view) return 'none';
  const sel = selectionCp(view);
  if (sel) return snapRange(view.text, sel.start, sel.end, exact || altAtMouseUp, cliticMode(), session.cuts);
  const caret = caretCp(view);
  if (caret !== null) return wordAt(view.text, caret, cliticMode(), session.cuts);
  return 'none';
}

/** Label the current selection (or the word at the caret). Returns false (with a message) if there is none. */
export async function applyLabel(label: string, exact: boolean): Promise<boolean> {
  const view = textView();
  if (!view || !state.view) return false;
  const r = target(exact);
  if (r === 'none') {
    toast(t('selectFirst'), 'info');
    return false;
  }
  if (!r) {
    toast(t('onlyWhitespace'), 'info');
    return false;
  }
  const long = runaway(view.text, r, state.project?.longest_span ?? 0);
  if (long) {
    const slice = [...view.text].slice(r.start, r.end).join('');
    if (!(await confirmLongSpan(label, long.length, long.lines, excerpt(slice)))) return false;
  }
  lastLabel = label;
  // The selection is used up now, before the request: a quick next selection must not be cleared by this one.
  window.getSelection()?.removeAllRanges();
  drawPreview(byId('preview-layer'), view, null);
  session.cliticOverride = null;
  addMarks.requested = performance.now();
  const span = await addSpan({ article_id: state.view.article.id, start: r.start, end: r.end, label });
  if (!span) toast(t('alreadyLabelled', { label }), 'info');
  else {
    session.focusId = span.id;
    // Draw the new span at once; the refresh below brings everyone else's changes too.
    addMarks.answered = performance.now();
    state.view.spans = [...state.view.spans, span];
    if (state.project) state.project.longest_span = Math.max(state.project.longest_span, span.end - span.start);
    redrawNow();
    addMarks.drawn = performance.now();
    addMarks.drawMs = drawStats.ms;
    addMarks.rebuilt = drawStats.rebuilt;
  }
  changed();
  await refreshAnnotations();
  return true;
}

/** The span the keyboard acts on, if it is still there. */
export function focusedSpan(): Span | null {
  return state.view?.spans.find((s) => s.id === session.focusId) ?? null;
}

export function setFocus(span: Span | null, reveal = true): void {
  session.focusId = span?.id ?? null;
  sugg.focus = null;
  markFocus(byId('hl-layer'), session.focusId);
  changed();
  scheduleRedraw();
  if (span && reveal) {
    requestAnimationFrame(() => byId('hl-layer').querySelector(`.hl[data-span-id="${span.id}"]`)?.scrollIntoView({ block: 'nearest' }));
  }
}

const mineOrSay = (span: Span): boolean => {
  if (span.annotator === state.analyst) return true;
  toast(t('readOnlySpan', { name: span.annotator }), 'info');
  return false;
};

/** Resize the focused span: `edge` one `unit` earlier/later in the text. */
export async function resize(span: Span, edge: Edge, dir: -1 | 1, unit: Unit): Promise<void> {
  const view = textView();
  if (!view || !mineOrSay(span)) return;
  const r = moveEdge(view.text, span, edge, dir, unit);
  if (r.start === span.start && r.end === span.end) return;
  await changeSpan(span, { start: r.start, end: r.end }, t('hResize'));
  await refreshAnnotations();
}

/** Arrow keys on the focused span: Shift moves the end, Ctrl+Shift the start; Alt by a grapheme. */
export async function resizeByArrow(span: Span, key: 'ArrowLeft' | 'ArrowRight', startEdge: boolean, grapheme: boolean): Promise<void> {
  const view = textView();
  if (!view) return;
  const edge: Edge = startEdge ? 'start' : 'end';
  const p = view.elements[view.paragraphOfCp(span.start)];
  const rtl = !p || getComputedStyle(p).direction === 'rtl';
  await resize(span, edge, arrowDir(key, rtl), grapheme ? 'grapheme' : 'word');
}

export const actions: EditorActions = {
  async relabel(span, label) {
    if (span.label === label) return;
    await changeSpan(span, { label }, t('hRelabel', { from: span.label, to: label }));
    closePopovers();
    await refreshAnnotations();
  },
  async saveNote(span, note) {
    if (note === span.note) return closePopovers();
    await changeSpan(span, { note }, t('hNote'));
    closePopovers();
    toast(t('noteSaved'), 'success');
    await refreshAnnotations();
  },
  async remove(span) {
    // A span with relations: ask first, then delete it with them in one undoable step.
    const rels = relationsOf(state.view?.relations ?? [], span.id);
    if (rels.length && !(await confirmDeleteWithRelations(span, rels.length))) return;
    await deleteSpan(span, rels);
    if (session.focusId === span.id) session.focusId = null;
    closePopovers();
    await refreshAnnotations();
  },
  async resize(span, edge, dir, unit) {
    await resize(span, edge, dir, unit);
    const fresh = state.view?.spans.find((s) => s.id === span.id);
    if (fresh) reopen(fresh);
  },
  relate(span) {
    closePopovers();
    setFocus(span, false);
    startLinking();
  },
  async attrs(span, values) {
    await setAttrs(span, values);
    await refreshAnnotations();
    const fresh = state.view?.spans.find((s) => s.id === span.id);
    if (fresh && editorOpenFor() === span.id) reopen(fresh);
  },
  async occurrences(span) {
    closePopovers();
    await openOccurrences(span);
  },
  async entity(span) {
    closePopovers();
    if (span.annotator === state.analyst) await openLinking(span);
    else if (span.entity) await openEntity(span.entity);
  },
};

let lastAt: At = { x: 200, y: 200 };
function reopen(span: Span): void {
  openEditor(span, lastAt, actions);
}

/** Open the editor of a span near it (keyboard: Enter on the focused span). */
export function editSpan(span: Span): void {
  const box = byId('hl-layer').querySelector(`.hl[data-span-id="${span.id}"]`)?.getBoundingClientRect();
  lastAt = box ? { x: box.left + box.width / 2, y: box.bottom } : lastAt;
  openEditor(span, lastAt, actions);
}

/** Where several spans overlap, a click on one's band (its bottom edge) picks it; elsewhere the chooser opens. */
function bandUnder(x: number, y: number, ids: Set<number>): number | null {
  const hit: number[] = [];
  for (const b of byId('hl-layer').querySelectorAll<HTMLElement>('.hl[data-span-id]')) {
    const id = Number(b.dataset.spanId);
    if (!ids.has(id)) continue;
    const r = b.getBoundingClientRect();
    if (x >= r.left && x <= r.right && y >= r.bottom - 3.5 && y <= r.bottom + 1) hit.push(id);
  }
  return hit.length === 1 ? hit[0] : null;
}

function onTextClick(e: MouseEvent): void {
  const view = textView();
  const sel = window.getSelection();
  if (!view || (sel && !sel.isCollapsed)) return;
  const cp = cpAtPoint(view, e.clientX, e.clientY);
  const found = cp === null ? [] : spansAt(state.view?.spans ?? [], cp);
  const at: At = { x: e.clientX, y: e.clientY };
  lastAt = at;
  if (found.length === 0) {
    closePopovers();
    if (session.focusId !== null) setFocus(null, false);
    return;
  }
  // Making a relation: a click on a highlight ends it there (the innermost of the analyst's spans).
  if (rel.linking !== null) {
    const mine = found.filter((s) => s.annotator === state.analyst);
    linkTo(mine[mine.length - 1] ?? found[found.length - 1], at);
    return;
  }
  const band = found.length > 1 ? bandUnder(e.clientX, e.clientY, new Set(found.map((s) => s.id))) : null;
  const one = found.length === 1 ? found[0] : found.find((s) => s.id === band);
  if (one) {
    setFocus(one, false);
    openEditor(one, at, actions);
  } else
    openChooser(found, at, (s) => {
      setFocus(s, false);
      openEditor(s, at, actions);
    });
}

function updatePreview(): void {
  const view = textView();
  if (!view) return;
  const sel = selectionCp(view);
  drawPreview(byId('preview-layer'), view, sel && snapRange(view.text, sel.start, sel.end, altDown || altAtMouseUp, cliticMode(), session.cuts));
}

/** Sticky mode on (with `label`, else the last label used, else the first) or off. */
export function toggleSticky(label?: string): void {
  if (session.sticky && !label) session.sticky = null;
  else session.sticky = label ?? lastLabel ?? state.labels.find((l) => l.kind === 'span')?.name ?? null;
  changed();
}

export function toggleClitics(): void {
  const def = session.settings.clitics === 'include' ? 'include' : 'exclude';
  const next = (session.cliticOverride ?? def) === 'exclude' ? 'include' : 'exclude';
  session.cliticOverride = next === def ? null : next;
  changed();
  updatePreview();
}

export async function deleteFocused(): Promise<void> {
  const span = focusedSpan();
  if (!span || !mineOrSay(span)) return;
  await actions.remove(span);
}

/** A mouse selection being dragged in the article: where its moving end last was inside the text. */
let dragSel: { node: Node; offset: number } | null | 'none' = 'none';

/** A drag released over a handle, a margin or another panel may leave the selection's moving end outside the
 * article text, which reads as "to the end of the article": put it back where it last was inside the text. */
function keepSelectionInText(text: HTMLElement): void {
  const sel = window.getSelection();
  const last = dragSel;
  dragSel = 'none';
  byId('doc').classList.remove('selecting');
  if (!sel || sel.rangeCount === 0 || !sel.anchorNode || !text.contains(sel.anchorNode)) return;
  if (sel.focusNode && text.contains(sel.focusNode)) return;
  if (last && last !== 'none') sel.extend(last.node, last.offset);
  else sel.collapseToStart();
}

/** Wire pointer and selection handling on the article text. */
export function initAnnotate(): void {
  const text = byId('article-text');
  text.addEventListener('click', onTextClick);
  text.addEventListener('mousedown', (e) => {
    altAtMouseUp = false;
    if (e.button !== 0) return;
    dragSel = null;
    // While the selection is dragged, handles let the pointer through (a release on one must select text).
    byId('doc').classList.add('selecting');
  });
  // Before any other mouseup handler (sticky labels read the selection).
  window.addEventListener('mouseup', () => dragSel !== 'none' && keepSelectionInText(text), true);
  document.addEventListener('mouseup', (e) => {
    if (!(e.target instanceof Node && text.contains(e.target))) return;
    altAtMouseUp = e.altKey;
    const view = textView();
    if (session.sticky && view && selectionCp(view)) {
      const label = session.sticky;
      guard(() => applyLabel(label, e.altKey), t('errAddSpan'))();
    }
  });
  let pending = 0;
  document.addEventListener('selectionchange', () => {
    const sel = window.getSelection();
    if (dragSel !== 'none' && sel?.focusNode && text.contains(sel.focusNode)) dragSel = { node: sel.focusNode, offset: sel.focusOffset };
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      updatePreview();
    });
  });
  const trackAlt = (e: KeyboardEvent) => {
    if (e.key === 'Alt' && altDown !== (e.type === 'keydown')) {
      altDown = e.type === 'keydown';
      updatePreview();
    }
  };
  window.addEventListener('keydown', trackAlt);
  window.addEventListener('keyup', trackAlt);
  document.addEventListener('mousedown', (e) => {
    const t = e.target as Node;
    if (!byId('span-editor').contains(t) && !byId('span-chooser').contains(t) && !text.contains(t)) closePopovers();
  });
}
