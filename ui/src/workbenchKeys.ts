// The annotation view's keyboard (runs before the label hotkeys): undo/redo, span and suggestion focus, accepting
// and rejecting suggestions, resizing, clitic and sticky toggles, all occurrences, relations (Shift+R, then the
// type's key), attribute keys, relabelling the focused span, and app-wide keys (sheet, size, theme…).

import { openRegistry } from './entityDialog';
import { deleteFocused, editSpan, focusedSpan, resizeByArrow, setFocus, toggleClitics, toggleSticky, actions } from './annotate';
import { textView } from './article';
import { redo, undo } from './edits';
import { arrowDir } from './edges';
import { caretCp, selectCp, selectionCp } from './geometry';
import { wordsCp } from './nudge';
import { typing } from './dom';
import { find, keysOf } from './hotkeys';
import { session } from './session';
import { linkingKey, startLinking } from './relations';
import { attrByKey, attrValues } from './relModel';
import { editorOpenFor } from './spanEditor';
import { spanLabels, state } from './state';
import { acceptFocused, acceptOnScreen, focusSuggestion, focusedSuggestion, rejectFocused, walkAll } from './suggestActions';
import { guard, toast } from './toast';
import { t } from './i18n';
import { editTitle } from './titleEdit';

/** App-wide keys registered by other modules (theme, size, sheet…): code or key → action. */
const global: { match: (e: KeyboardEvent) => boolean; run: () => unknown }[] = [];
export function globalKey(match: (e: KeyboardEvent) => boolean, run: () => unknown): void {
  global.push({ match, run });
}

/** Shift + a letter by its physical key (so it works with an Arabic layout too). */
export const shiftLetter = (letter: string) => (e: KeyboardEvent) => e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey && e.code === `Key${letter.toUpperCase()}`;

async function doUndo(redoIt: boolean): Promise<void> {
  const what = redoIt ? await redo() : await undo();
  toast(what ? t(redoIt ? 'redone' : 'undone', { what }) : redoIt ? t('nothingToRedoDot') : t('nothingToUndoDot'), 'info');
}

/** Alt+arrow: select the word after (or before) the current selection, or the first word on screen. */
function selectNextWord(key: 'ArrowLeft' | 'ArrowRight'): void {
  const view = textView();
  if (!view) return;
  const sel = selectionCp(view);
  const caret = caretCp(view);
  const words = wordsCp(view.text);
  let from: number;
  let para: number;
  if (sel || caret !== null) {
    from = sel ? sel.end : caret!;
    para = view.paragraphOfCp(from);
  } else {
    const vis = view.visibleParagraphs(document.getElementById('main')!.getBoundingClientRect(), 0);
    para = vis?.[0] ?? 0;
    const w = words.find((w) => w.start >= view.paragraphCp(para).start);
    if (w) selectCp(view, w.start, w.end);
    return;
  }
  const rtl = getComputedStyle(view.elements[para]).direction === 'rtl';
  const dir = arrowDir(key, rtl);
  const start = sel ? sel.start : caret!;
  const w = dir > 0 ? words.find((w) => w.start >= from) : [...words].reverse().find((w) => w.end <= start);
  if (w) selectCp(view, w.start, w.end);
}

function handle(e: KeyboardEvent): boolean {
  if (typing(e)) return false;
  for (const g of global) {
    if (g.match(e)) {
      guard(g.run, t('errShortcut'))();
      return true;
    }
  }
  if (state.mode !== 'annotate' || !state.view) return false;
  if (e.key === 'F2' && !e.ctrlKey && !e.altKey && !e.metaKey) {
    editTitle();
    return true;
  }
  if (!e.repeat && linkingKey(e)) return true;
  const ctrl = e.ctrlKey || e.metaKey;
  const k = e.key.toLowerCase();
  if (ctrl && !e.altKey && (e.code === 'KeyZ' || k === 'z')) {
    guard(() => doUndo(e.shiftKey), e.shiftKey ? t('errRedo') : t('errUndo'))();
    return true;
  }
  if (ctrl && !e.altKey && !e.shiftKey && (e.code === 'KeyY' || k === 'y')) {
    guard(() => doUndo(true), t('errRedo'))();
    return true;
  }
  const view = textView();
  const span = focusedSpan();
  const hasSel = !!(view && selectionCp(view));
  if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && e.shiftKey && span && !hasSel) {
    guard(() => resizeByArrow(span, e.key as 'ArrowLeft' | 'ArrowRight', ctrl, e.altKey), t('errResize'))();
    return true;
  }
  // Selecting by keyboard: Alt+←/→ selects the next word on screen (← is the next word in Arabic text),
  // Shift+←/→ grows or shrinks the selection by a word (with Alt by a letter) — visual directions.
  if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && !ctrl && view) {
    const way = e.key === 'ArrowLeft' ? 'left' : 'right';
    const sel = window.getSelection() as Selection & { modify?: (a: string, d: string, g: string) => void };
    if (!sel?.modify) return false;
    if (e.altKey && !e.shiftKey) {
      selectNextWord(e.key as 'ArrowLeft' | 'ArrowRight');
      if (span) setFocus(null, false);
      return true;
    }
    if (e.shiftKey && hasSel) {
      sel.modify('extend', way, e.altKey ? 'character' : 'word');
      return true;
    }
  }
  if (ctrl || e.repeat) return false;
  if (shiftLetter('c')(e)) return toggleClitics(), true;
  if (shiftLetter('s')(e)) return toggleSticky(), true;
  if (shiftLetter('r')(e)) return startLinking(), true;
  if (shiftLetter('e')(e)) {
    const s = span ?? state.view.spans.find((x) => x.id === editorOpenFor());
    if (!s) guard(openRegistry, t('errEntity'))();
    else guard(() => actions.entity(s), t('errEntity'))();
    return true;
  }
  if (shiftLetter('a')(e)) {
    const s = span ?? state.view.spans.find((x) => x.id === editorOpenFor());
    if (!s) toast(t('focusSpanFirst'), 'info');
    else guard(() => actions.occurrences(s), t('errFindOcc'))();
    return true;
  }
  if (e.key === ']' || e.key === '[') {
    walkAll(e.key === ']' ? 1 : -1);
    return true;
  }
  // Suggestions: Enter accepts the focused one, Delete rejects it, Shift+Enter accepts all on screen.
  const suggestion = focusedSuggestion();
  if (e.key === 'Enter' && e.shiftKey && !e.altKey) {
    guard(acceptOnScreen, t('errAcceptSugg'))();
    return true;
  }
  if (suggestion && e.key === 'Enter' && !e.altKey) {
    guard(() => acceptFocused(), t('errAcceptSugg'))();
    return true;
  }
  if (suggestion && (e.key === 'Delete' || e.key === 'Backspace')) {
    guard(rejectFocused, t('errRejectSugg'))();
    return true;
  }
  if (suggestion && e.key === 'Escape') {
    focusSuggestion(null, false);
    return false;
  }
  if (e.key === 'Enter' && span && !e.shiftKey && !e.altKey) {
    editSpan(span);
    return true;
  }
  if ((e.key === 'Delete' || e.key === 'Backspace') && span) {
    guard(deleteFocused, t('errDelete'))();
    return true;
  }
  if (e.key === 'Escape' && session.focusId !== null && editorOpenFor() === null) {
    setFocus(null, false);
    return false; // let Esc close popovers too
  }
  // A label key with no selection: relabel the span in the editor, or the focused span when the caret is in it
  // (or nowhere); with the caret elsewhere the label hotkeys label the word there; in sticky mode with
  // nothing to act on, the key switches the sticky label.
  // An attribute key of the focused span's label (or the span in the editor) sets that attribute.
  const own = span ?? state.view.spans.find((x) => x.id === editorOpenFor());
  if (own && own.annotator === state.analyst && !e.shiftKey && !e.altKey) {
    const defs = state.project?.attributes ?? [];
    const next = attrByKey(own.label, attrValues(own.label, own.attrs, defs), defs, e.key);
    if (next) {
      guard(() => actions.attrs(own, next), t('errAttrs'))();
      return true;
    }
  }
  const label = !e.shiftKey ? find(spanLabels(), keysOf(e)) : undefined;
  if (label && !hasSel && suggestion) {
    guard(() => acceptFocused(label.name), t('errAcceptSugg'))();
    return true;
  }
  if (label && !hasSel) {
    const caret = view ? caretCp(view) : null;
    const inEditor = state.view.spans.find((x) => x.id === editorOpenFor());
    const onFocus = span && (caret === null || (span.start <= caret && caret <= span.end)) ? span : undefined;
    const target = inEditor ?? onFocus;
    if (target && target.annotator === state.analyst) {
      guard(() => actions.relabel(target, label.name), t('errRelabel'))();
      return true;
    }
    if (session.sticky && caret === null) return toggleSticky(label.name), true;
  }
  return false;
}

export function initWorkbenchKeys(): void {
  // Capture phase on window: before the label hotkeys (document) see the key.
  window.addEventListener(
    'keydown',
    (e) => {
      if (handle(e)) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    },
    true,
  );
}
