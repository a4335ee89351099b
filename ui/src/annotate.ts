// Creating and editing spans: label the (snapped) selection, click a highlight to edit or choose it.

import { call } from './api';
import { refreshAnnotations, textView } from './article';
import type { Span } from './bindings';
import { byId } from './dom';
import { cpAtPoint, selectionCp } from './geometry';
import { drawPreview } from './highlights';
import { snapRange } from './snap';
import { closePopovers, openChooser, openEditor, type At, type EditorActions } from './spanEditor';
import { state } from './state';
import { toast } from './toast';

/** Alt held at the end of the last mouse selection (exact, grapheme-level mode). */
let altAtMouseUp = false;
let altDown = false;

/** Label the current selection. Returns false (with a message) if nothing is selected. */
export async function applyLabel(label: string, exact: boolean): Promise<boolean> {
  const view = textView();
  if (!view || !state.view) return false;
  const sel = selectionCp(view);
  if (!sel) {
    toast('Select some text in the article first, then choose a label.', 'info');
    return false;
  }
  const r = snapRange(view.text, sel.start, sel.end, exact || altAtMouseUp);
  if (!r) {
    toast('The selection is only whitespace.', 'info');
    return false;
  }
  await call('add_span', { article_id: state.view.article.id, annotator: state.analyst, start: r.start, end: r.end, label });
  window.getSelection()?.removeAllRanges();
  drawPreview(byId('preview-layer'), view, null);
  await refreshAnnotations();
  return true;
}

const actions: EditorActions = {
  async relabel(span, label) {
    await call('update_span', { id: span.id, annotator: state.analyst, label });
    closePopovers();
    await refreshAnnotations();
  },
  async saveNote(span, note) {
    await call('update_span', { id: span.id, annotator: state.analyst, note });
    closePopovers();
    toast('Note saved.', 'success');
    await refreshAnnotations();
  },
  async remove(span) {
    await call('delete_span', { id: span.id, annotator: state.analyst });
    closePopovers();
    await refreshAnnotations();
  },
};

function spansAt(cp: number): Span[] {
  return (state.view?.spans ?? []).filter((s) => s.start <= cp && cp < s.end);
}

function onTextClick(e: MouseEvent): void {
  const view = textView();
  const sel = window.getSelection();
  if (!view || (sel && !sel.isCollapsed)) return;
  const cp = cpAtPoint(view, e.clientX, e.clientY);
  const found = cp === null ? [] : spansAt(cp);
  const at: At = { x: e.clientX, y: e.clientY };
  if (found.length === 0) closePopovers();
  else if (found.length === 1) openEditor(found[0], at, actions);
  else openChooser(found, at, (s) => openEditor(s, at, actions));
}

function updatePreview(): void {
  const view = textView();
  if (!view) return;
  const sel = selectionCp(view);
  drawPreview(byId('preview-layer'), view, sel && snapRange(view.text, sel.start, sel.end, altDown || altAtMouseUp));
}

/** Wire pointer and selection handling on the article text. */
export function initAnnotate(): void {
  const text = byId('article-text');
  text.addEventListener('click', onTextClick);
  text.addEventListener('mousedown', () => (altAtMouseUp = false));
  document.addEventListener('mouseup', (e) => {
    if (e.target instanceof Node && text.contains(e.target)) altAtMouseUp = e.altKey;
  });
  let pending = 0;
  document.addEventListener('selectionchange', () => {
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
