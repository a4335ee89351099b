// Span popovers: the editor (relabel, resize, note, delete, all occurrences; read-only for others' spans) and the overlap chooser.

import type { Span } from './bindings';
import { byId, el, present, safeColor } from './dom';
import type { Unit } from './edges';
import type { Edge } from './nudge';
import { attrFields } from './attrsEditor';
import { canRelate } from './relModel';
import { excerpt } from './spanLength';
import { describe, labelByName, spanLabels, state } from './state';
import { guard } from './toast';
import { t, tNodes } from './i18n';
import { place, type At } from './popover';

/** The longest quote the editor shows whole (code points). */
const QUOTE_MAX = 200;

export interface EditorActions {
  relabel(span: Span, label: string): Promise<void>;
  saveNote(span: Span, note: string): Promise<void>;
  remove(span: Span): Promise<void>;
  resize(span: Span, edge: Edge, dir: -1 | 1, unit: Unit): Promise<void>;
  occurrences(span: Span): Promise<void>;
  /** Link the span to an entity (own spans), or open its entity. */
  entity(span: Span): Promise<void>;
  /** Start a relation from the span (then the target: ] / [ and a key, or a click on its highlight). */
  relate(span: Span): void;
  /** Set the span's attribute values (its whole set). */
  attrs(span: Span, values: Record<string, boolean | string>): Promise<void>;
}

export type { At };

export function closePopovers(): void {
  byId('span-editor').hidden = true;
  byId('span-chooser').hidden = true;
}

export const editorOpenFor = (): number | null => {
  const pop = byId('span-editor');
  return pop.hidden ? null : Number(pop.dataset.spanId);
};

function swatch(label: string): HTMLElement {
  const s = el('span', { class: 'swatch' });
  s.style.backgroundColor = safeColor(spanLabels().find((l) => l.name === label)?.color ?? '');
  return s;
}

/** The label's description (the guideline hint), if it has one. */
function hint(label: string): HTMLElement | null {
  const d = describe(labelByName(label));
  return d ? el('p', { class: 'muted small label-hint', dir: 'auto', id: 'span-label-hint' }, d) : null;
}

/** Open the editor for one span near the pointer. */
export function openEditor(span: Span, at: At, actions: EditorActions): void {
  closePopovers();
  const pop = byId('span-editor');
  pop.dataset.spanId = String(span.id);
  const mine = span.annotator === state.analyst;
  const head = el('div', { class: 'pop-head' }, swatch(span.label), el('strong', {}, span.label), el('span', { class: 'muted small' }, ...tNodes<Node>('byAnnotator', { name: el('bdi', {}, span.annotator) })));
  // A long span (a drag that ran away) is shown cut, so the editor stays small enough to reach Delete.
  const quote = el('blockquote', { dir: 'auto', class: 'pop-quote', title: [...span.text].length > QUOTE_MAX ? t('quoteCut', { n: [...span.text].length }) : undefined }, excerpt(span.text, QUOTE_MAX));
  const all = el('button', { type: 'button', id: 'span-occurrences', class: 'btn', title: t('allOccTitle') }, t('allOccBtn'), el('kbd', {}, '⇧A'));
  all.addEventListener('click', guard(() => actions.occurrences(span), t('errFindOcc')));
  const ent = span.entity || mine ? el('button', { type: 'button', id: 'span-entity', class: 'btn', title: t('entBtnTitle') }, span.entity ? t('entLinkedBtn') : t('entBtn'), el('kbd', {}, '⇧E')) : null;
  ent?.addEventListener('click', guard(() => actions.entity(span), t('errEntity')));
  if (!mine) {
    const note = span.note ? el('p', { dir: 'auto', class: 'small' }, t('noteIs', { note: span.note })) : null;
    pop.replaceChildren(...present(head, hint(span.label), quote, attrFields(span, null), note, el('p', { class: 'muted small', id: 'span-readonly' }, ...tNodes<Node>('readOnlySpan', { name: el('bdi', {}, span.annotator) })), all, ent));
    place(pop, at);
    return;
  }
  const labels = el('div', { class: 'pop-labels', role: 'group', 'aria-label': t('relabelAria') });
  for (const l of spanLabels()) {
    const b = el('button', { type: 'button', class: 'chip', 'data-relabel': l.name, 'aria-pressed': String(l.name === span.label), title: describe(l) || l.name }, swatch(l.name), l.name, l.hotkey ? el('kbd', {}, l.hotkey.toUpperCase()) : null);
    b.addEventListener('click', guard(() => actions.relabel(span, l.name), t('errRelabel')));
    labels.append(b);
  }
  // Resize: arrows as on screen in right-to-left text (the start is on the right).
  const sizes: [Edge, -1 | 1, string, string, string][] = [
    ['start', -1, 'start-earlier', '→|', t('startEarlier')],
    ['start', 1, 'start-later', '|←', t('startLater')],
    ['end', -1, 'end-earlier', '|→', t('endEarlier')],
    ['end', 1, 'end-later', '←|', t('endLater')],
  ];
  const resize = el('div', { class: 'pop-resize', role: 'group', 'aria-label': t('resizeAria') }, el('span', { class: 'muted small' }, t('resizeLabel')));
  for (const [edge, dir, id, text, title] of sizes) {
    const b = el('button', { type: 'button', class: 'btn small', 'data-resize': id, title }, text);
    b.addEventListener('click', (e) => guard(() => actions.resize(span, edge, dir, e.altKey ? 'grapheme' : 'word'), t('errResize'))());
    resize.append(b);
  }
  const note = el('textarea', { id: 'span-note', rows: 2, dir: 'auto', placeholder: t('notePlaceholder') });
  note.value = span.note;
  note.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      guard(() => actions.saveNote(span, note.value), t('errSaveNote'))();
    }
  });
  const save = el('button', { type: 'button', id: 'span-note-save', class: 'btn', title: t('saveNoteTitle') }, t('saveNote'));
  save.addEventListener('click', guard(() => actions.saveNote(span, note.value), t('errSaveNote')));
  const relate = canRelate(state.project?.relation_types ?? [], span.label) ? el('button', { type: 'button', id: 'span-relate', class: 'btn', title: t('relStartTitle') }, t('relStart'), el('kbd', {}, '⇧R')) : null;
  relate?.addEventListener('click', () => actions.relate(span));
  const del = el('button', { type: 'button', id: 'span-delete', class: 'btn btn-danger', title: t('deleteSpanTitle') }, t('deleteSpan'));
  del.addEventListener('click', guard(() => actions.remove(span), t('errDelete')));
  const attrs = attrFields(span, (values) => guard(() => actions.attrs(span, values), t('errAttrs'))());
  pop.replaceChildren(...present(head, hint(span.label), quote, labels, attrs, resize, note, el('div', { class: 'pop-actions' }, save, all, ent, relate, del)));
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
  pop.replaceChildren(el('div', { class: 'pop-head' }, el('strong', {}, t('overlapping'))), list);
  place(pop, at);
  list.querySelector<HTMLElement>('button')?.focus();
}
