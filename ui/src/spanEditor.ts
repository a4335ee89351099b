// Span popovers: the editor (relabel, note, delete; read-only for others' spans) and the overlap chooser.

import type { Span } from './bindings';
import { byId, el, present, safeColor } from './dom';
import { spanLabels, state } from './state';
import { guard } from './toast';

export interface EditorActions {
  relabel(span: Span, label: string): Promise<void>;
  saveNote(span: Span, note: string): Promise<void>;
  remove(span: Span): Promise<void>;
}

export interface At {
  x: number;
  y: number;
}

function place(pop: HTMLElement, at: At): void {
  pop.hidden = false;
  const w = pop.offsetWidth;
  const h = pop.offsetHeight;
  const x = Math.max(8, Math.min(at.x - w / 2, window.innerWidth - w - 8));
  const below = at.y + 14;
  const y = below + h > window.innerHeight - 8 ? Math.max(8, at.y - h - 14) : below;
  pop.style.left = `${x}px`;
  pop.style.top = `${y}px`;
}

export function closePopovers(): void {
  byId('span-editor').hidden = true;
  byId('span-chooser').hidden = true;
}

function swatch(label: string): HTMLElement {
  const s = el('span', { class: 'swatch' });
  s.style.backgroundColor = safeColor(spanLabels().find((l) => l.name === label)?.color ?? '');
  return s;
}

/** Open the editor for one span near the pointer. */
export function openEditor(span: Span, at: At, actions: EditorActions): void {
  closePopovers();
  const pop = byId('span-editor');
  pop.dataset.spanId = String(span.id);
  const mine = span.annotator === state.analyst;
  const head = el('div', { class: 'pop-head' }, swatch(span.label), el('strong', {}, span.label), el('span', { class: 'muted small', dir: 'auto' }, ` by ${span.annotator}`));
  const quote = el('blockquote', { dir: 'auto', class: 'pop-quote' }, span.text);
  if (!mine) {
    const note = span.note ? el('p', { dir: 'auto', class: 'small' }, `Note: ${span.note}`) : null;
    pop.replaceChildren(...present(head, quote, note, el('p', { class: 'muted small', id: 'span-readonly' }, `Read-only: only ${span.annotator} can change this span.`)));
    place(pop, at);
    return;
  }
  const labels = el('div', { class: 'pop-labels' });
  for (const l of spanLabels()) {
    const b = el('button', { type: 'button', class: 'chip', 'data-relabel': l.name, 'aria-pressed': String(l.name === span.label) }, swatch(l.name), l.name);
    b.addEventListener('click', guard(() => actions.relabel(span, l.name), 'Relabel failed'));
    labels.append(b);
  }
  const note = el('textarea', { id: 'span-note', rows: 2, dir: 'auto', placeholder: 'Note (optional)' });
  note.value = span.note;
  const save = el('button', { type: 'button', id: 'span-note-save', class: 'btn' }, 'Save note');
  save.addEventListener('click', guard(() => actions.saveNote(span, note.value), 'Saving the note failed'));
  const del = el('button', { type: 'button', id: 'span-delete', class: 'btn btn-danger' }, 'Delete span');
  del.addEventListener('click', guard(() => actions.remove(span), 'Delete failed'));
  pop.replaceChildren(head, quote, labels, note, el('div', { class: 'pop-actions' }, save, del));
  place(pop, at);
}

/** Several spans overlap under the pointer: let the analyst pick one. */
export function openChooser(spans: readonly Span[], at: At, pick: (s: Span) => void): void {
  closePopovers();
  const pop = byId('span-chooser');
  const list = el('div', { class: 'pop-list' });
  for (const s of spans) {
    const b = el('button', { type: 'button', class: 'pop-item', 'data-span-id': s.id }, swatch(s.label), el('strong', {}, s.label), el('span', { dir: 'auto' }, s.text), el('span', { class: 'muted small', dir: 'auto' }, s.annotator));
    b.addEventListener('click', () => pick(s));
    list.append(b);
  }
  pop.replaceChildren(el('div', { class: 'pop-head' }, el('strong', {}, 'Overlapping spans')), list);
  place(pop, at);
}
