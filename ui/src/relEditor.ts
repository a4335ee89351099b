// Relation popovers: the type picker (after choosing the two ends), the relation editor (type, reverse, note,
// delete; read-only for others' relations), and the question before a span is deleted with its relations.

import type { Relation, RelationType, Span } from './bindings';
import { byId, el, present, safeColor } from './dom';
import { relLine, typeByKey, typeFits, typesFor } from './relModel';
import { typeOf } from './relDraw';
import { state } from './state';
import { guard } from './toast';
import { count, currentLang, t, tNodes } from './i18n';
import { place, type At } from './popover';

export type { At };

export function closeRelPopovers(): void {
  byId('rel-picker').hidden = true;
  byId('rel-editor').hidden = true;
}

function swatch(color: string): HTMLElement {
  const s = el('span', { class: 'swatch' });
  s.style.backgroundColor = safeColor(color);
  return s;
}

/** `PER حموشي —MEETS— PER الهويريني`, names isolated so either script keeps its order. */
export function relLineNodes(r: Relation, spans: ReadonlyMap<number, Span> | readonly Span[] = state.view?.spans ?? []): HTMLElement {
  const rtl = currentLang() === 'ar';
  const l = relLine(r, spans, typeOf(r.type)?.directed ?? true, rtl);
  const end = (e: { label: string; text: string } | null) =>
    e ? el('span', { class: 'rel-end' }, el('span', { class: 'rel-end-label' }, e.label), ' ', el('bdi', { dir: 'auto' }, e.text)) : el('span', { class: 'muted' }, '?');
  return el('span', { class: 'rel-line', dir: rtl ? 'rtl' : 'ltr' }, end(l.from), ' ', el('bdi', { dir: 'ltr' }, el('strong', { class: 'rel-link' }, l.link)), ' ', end(l.to));
}

/** Pick the type of a new relation from `from` to `to` (only the types whose ends fit their labels). */
export function openPicker(from: Span, to: Span, at: At, pick: (type: string) => void): boolean {
  closeRelPopovers();
  const types = typesFor(state.project?.relation_types ?? [], from, to);
  if (types.length === 0) return false;
  const pop = byId('rel-picker');
  const list = el('div', { class: 'pop-list', role: 'listbox' });
  const choose = (rt: RelationType) => {
    pop.hidden = true;
    pick(rt.name);
  };
  for (const rt of types) {
    const b = el('button', { type: 'button', class: 'pop-item', 'data-rel-type': rt.name, title: rt.description || rt.name }, swatch(rt.color), el('strong', {}, rt.name), el('span', { class: 'muted small' }, rt.directed ? '→' : '—'), rt.hotkey ? el('kbd', {}, rt.hotkey.toUpperCase()) : null);
    b.addEventListener('click', () => choose(rt));
    list.append(b);
  }
  pop.onkeydown = (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      pop.hidden = true;
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const bs = [...list.querySelectorAll<HTMLElement>('button')];
      const i = bs.indexOf(document.activeElement as HTMLElement);
      bs[(i + (e.key === 'ArrowDown' ? 1 : -1) + bs.length) % bs.length]?.focus();
      return;
    }
    const rt = !e.ctrlKey && !e.metaKey && !e.altKey ? typeByKey(types, e.key) : undefined;
    if (rt) {
      e.preventDefault();
      e.stopPropagation();
      choose(rt);
    }
  };
  pop.replaceChildren(el('div', { class: 'pop-head' }, el('strong', {}, t('relPickType'))), el('p', { class: 'muted small' }, el('bdi', { dir: 'auto' }, from.text), ' → ', el('bdi', { dir: 'auto' }, to.text)), list);
  place(pop, at);
  list.querySelector<HTMLElement>('button')?.focus();
  return true;
}

export interface RelActions {
  retype(r: Relation, type: string): Promise<void>;
  reverse(r: Relation): Promise<void>;
  saveNote(r: Relation, note: string): Promise<void>;
  remove(r: Relation): Promise<void>;
}

/** Open the editor of a relation near `at`. */
export function openRelEditor(r: Relation, at: At, actions: RelActions): void {
  closeRelPopovers();
  const pop = byId('rel-editor');
  pop.dataset.relId = String(r.id);
  const mine = r.annotator === state.analyst;
  const head = el('div', { class: 'pop-head' }, relLineNodes(r));
  const by = el('p', { class: 'muted small' }, ...tNodes<Node>('byAnnotator', { name: el('bdi', {}, r.annotator) }));
  if (!mine) {
    const note = r.note ? el('p', { dir: 'auto', class: 'small' }, t('noteIs', { note: r.note })) : null;
    pop.replaceChildren(...present(head, by, note, el('p', { class: 'muted small', id: 'rel-readonly' }, ...tNodes<Node>('relReadOnly', { name: el('bdi', {}, r.annotator) }))));
    place(pop, at);
    return;
  }
  const spans = state.view?.spans ?? [];
  const a = spans.find((s) => s.id === r.from);
  const b = spans.find((s) => s.id === r.to);
  const types = a && b ? typesFor(state.project?.relation_types ?? [], a, b) : [];
  const chips = el('div', { class: 'pop-labels', role: 'group', 'aria-label': t('relTypeAria') });
  for (const rt of types) {
    const c = el('button', { type: 'button', class: 'chip', 'data-retype': rt.name, 'aria-pressed': String(rt.name === r.type), title: rt.description || rt.name }, swatch(rt.color), rt.name, rt.hotkey ? el('kbd', {}, rt.hotkey.toUpperCase()) : null);
    c.addEventListener('click', guard(() => actions.retype(r, rt.name), t('errRelation')));
    chips.append(c);
  }
  // Reverse only a directed relation whose ends also fit the other way round.
  const rt = typeOf(r.type);
  const rev = rt?.directed && a && b && typeFits(rt, b.label, a.label) ? el('button', { type: 'button', id: 'rel-reverse', class: 'btn', title: t('relReverseTitle') }, t('relReverse')) : null;
  rev?.addEventListener('click', guard(() => actions.reverse(r), t('errRelation')));
  const note = el('textarea', { id: 'rel-note', rows: 2, dir: 'auto', placeholder: t('notePlaceholder') });
  note.value = r.note;
  note.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      guard(() => actions.saveNote(r, note.value), t('errRelation'))();
    }
  });
  const save = el('button', { type: 'button', id: 'rel-note-save', class: 'btn', title: t('saveNoteTitle') }, t('saveNote'));
  save.addEventListener('click', guard(() => actions.saveNote(r, note.value), t('errRelation')));
  const del = el('button', { type: 'button', id: 'rel-delete', class: 'btn btn-danger' }, t('relDelete'));
  del.addEventListener('click', guard(() => actions.remove(r), t('errRelation')));
  pop.onkeydown = (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      closeRelPopovers();
    }
  };
  pop.replaceChildren(...present(head, by, chips, note, el('div', { class: 'pop-actions' }, save, rev, del)));
  place(pop, at);
}

/** Ask before deleting a span that has relations: resolves true when the analyst confirms. */
export function confirmDeleteWithRelations(span: Span, n: number): Promise<boolean> {
  let d = document.getElementById('rel-delete-dialog') as HTMLDialogElement | null;
  if (!d) {
    d = el('dialog', { id: 'rel-delete-dialog', 'aria-labelledby': 'rel-delete-title' });
    document.body.append(d);
  }
  const dialog = d;
  const yes = el('button', { type: 'button', class: 'btn btn-danger', id: 'rel-delete-yes' }, t('relDeleteBoth'));
  const no = el('button', { type: 'button', class: 'btn btn-primary', id: 'rel-delete-no' }, t('cancel'));
  dialog.replaceChildren(
    el('h2', { id: 'rel-delete-title' }, t('relDeleteSpanTitle', { label: span.label })),
    el('p', {}, t('relDeleteSpanText', { rels: count(n, 'relation') })),
    el('blockquote', { dir: 'auto', class: 'pop-quote' }, span.text),
    el('div', { class: 'dialog-actions' }, yes, no),
  );
  return new Promise((resolve) => {
    let answer = false;
    yes.addEventListener('click', () => ((answer = true), dialog.close()));
    no.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => resolve(answer), { once: true });
    dialog.showModal();
    no.focus();
  });
}
