// What the analyst does with suggestions in the annotation view: walk them with the spans (] / [), accept the
// focused one (Enter, or a label key: with that label) or every one on screen (Shift+Enter), reject the focused one
// (Delete) — a rejected form and
// label is not suggested again — and reload them after a training or a settings change.

import { setFocus } from './annotate';
import { refreshAnnotations, scheduleRedraw } from './article';
import { call } from './api';
import { byId } from './dom';
import { acceptSuggestions, changeSpan } from './edits';
import { markFocus } from './highlights';
import { count, t } from './i18n';
import { changed, session } from './session';
import { state } from './state';
import { loadSuggestions, loadSuggestState, sugg } from './suggestions';
import { nextAfter, onScreen, stops, walk } from './suggestWalk';
import { toast } from './toast';

/** Focus a waiting suggestion (the span focus goes) and bring it into view. */
export function focusSuggestion(id: number | null, reveal = true): void {
  sugg.focus = id;
  if (id !== null) {
    session.focusId = null;
    markFocus(byId('hl-layer'), null);
  }
  changed();
  scheduleRedraw();
  if (id !== null && reveal) {
    requestAnimationFrame(() => byId('sugg-layer').querySelector(`.sg[data-suggestion-id="${id}"]`)?.scrollIntoView({ block: 'nearest' }));
  }
}

/** ] / [: the next or previous span or suggestion in text order. */
export function walkAll(dir: 1 | -1): void {
  if (!state.view) return;
  const current = sugg.focus !== null ? { kind: 'suggestion' as const, id: sugg.focus } : session.focusId !== null ? { kind: 'span' as const, id: session.focusId } : null;
  const next = walk(stops(state.view.spans, sugg.list), current, dir);
  if (!next) return;
  if (next.kind === 'suggestion') focusSuggestion(next.id);
  else {
    const span = state.view.spans.find((s) => s.id === next.id);
    if (span) setFocus(span);
  }
}

export const focusedSuggestion = () => sugg.list.find((s) => s.id === sugg.focus) ?? null;

/** After the focused suggestion went (accepted or rejected): focus the next one still waiting. */
function focusNextAfter(gone: { start: number; end: number } | null): void {
  const next = gone ? nextAfter(sugg.list, gone) : null;
  focusSuggestion(next?.id ?? null, !!next);
}

/** Accept suggestions: the analyst's spans now (undoable in one step). */
async function accept(ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const spans = await acceptSuggestions(ids);
  await refreshAnnotations();
  return spans.length;
}

/** Enter on a focused suggestion; a label key accepts it with that label instead (a relabel after the accept,
 * its own undo step). */
export async function acceptFocused(as?: string): Promise<void> {
  const s = focusedSuggestion();
  if (!s) return;
  const [span] = await acceptSuggestions([s.id]);
  if (span && as && as !== span.label) await changeSpan(span, { label: as }, t('hRelabel', { from: span.label, to: as }));
  await refreshAnnotations();
  toast(t('sgAccepted', { label: as ?? s.label, text: s.text }), 'success');
  focusNextAfter(s);
}

/** Delete on a focused suggestion: the form is not suggested with that label again, here or elsewhere. */
export async function rejectFocused(): Promise<void> {
  const s = focusedSuggestion();
  if (!s) return;
  await call('reject_suggestions', { ids: [s.id], annotator: state.analyst });
  await refreshAnnotations();
  toast(t('sgRejected', { label: s.label, text: s.text }), 'info');
  focusNextAfter(s);
}

/** Shift+Enter: accept every suggestion with a box on screen. */
export async function acceptOnScreen(): Promise<void> {
  const port = byId('main').getBoundingClientRect();
  const boxes = [...byId('sugg-layer').querySelectorAll<HTMLElement>('.sg[data-suggestion-id]')].map((e) => ({ id: Number(e.dataset.suggestionId), box: e.getBoundingClientRect() }));
  const ids = onScreen(boxes, port);
  if (ids.length === 0) {
    toast(sugg.list.length ? t('sgNoneOnScreen') : t('sgNone'), 'info');
    return;
  }
  const n = await accept(ids);
  focusSuggestion(null, false);
  toast(t('sgAcceptedN', { n: count(n, 'suggestion') }), 'success');
}

/** After a training or a change of the switch or threshold: read the project's state and the open article's
 * suggestions again. */
export async function reloadSuggestions(): Promise<void> {
  await loadSuggestState();
  if (state.view) await loadSuggestions(state.view.article.id);
  changed();
  scheduleRedraw();
}
