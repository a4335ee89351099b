// The review editor popover: relabel and resize (by word, or to the text selection) before `adjudicate edit`.

import { byId, el, safeColor } from './dom';
import { cpRects, selectionCp } from './geometry';
import { find, keysOf } from './hotkeys';
import { nudge, sliceCp, type Edge } from './nudge';
import { current, rv } from './reviewState';
import { snapRange, type CpRange } from './snap';
import { spanLabels } from './state';
import { guard } from './toast';
import { type Key, t } from './i18n';

let range: CpRange | null = null;
let label = '';
let save: (r: CpRange, label: string) => Promise<void> = async () => {};

export const editorOpen = () => !byId('review-editor').hidden;

export function closeEditor(): void {
  byId('review-editor').hidden = true;
  range = null;
}

const NUDGES: [Edge, -1 | 1, Key, string][] = [
  ['start', -1, 'nStartEarlier', '1'],
  ['start', 1, 'nStartLater', '2'],
  ['end', -1, 'nEndEarlier', '3'],
  ['end', 1, 'nEndLater', '4'],
];

function render(): void {
  const pop = byId('review-editor');
  if (!range || !rv.text) return;
  const text = rv.text.text;
  const chips = spanLabels().map((l) => {
    const s = el('span', { class: 'swatch' });
    s.style.backgroundColor = safeColor(l.color);
    const b = el('button', { type: 'button', class: 'chip', 'data-edit-label': l.name, 'aria-pressed': String(l.name === label) }, s, l.name, l.hotkey ? el('kbd', {}, l.hotkey.toUpperCase()) : null);
    b.addEventListener('click', () => {
      label = l.name;
      render();
    });
    return b;
  });
  const nudges = NUDGES.map(([edge, dir, title, key]) => {
    const b = el('button', { type: 'button', class: 'btn small', 'data-nudge': `${edge}${dir}` }, `${t(title)} `, el('kbd', {}, key));
    b.addEventListener('click', () => move(edge, dir));
    return b;
  });
  const useSel = el('button', { type: 'button', class: 'btn small', id: 'review-editor-selection' }, t('reUseSel'), el('kbd', {}, 'u'));
  useSel.addEventListener('mousedown', (e) => e.preventDefault());
  useSel.addEventListener('click', () => useSelection());
  const ok = el('button', { type: 'button', class: 'btn btn-primary', id: 'review-editor-save' }, t('reSave'), el('kbd', {}, '↵'));
  ok.addEventListener('click', guard(submit, t('errEditSpan')));
  const cancel = el('button', { type: 'button', class: 'btn', id: 'review-editor-cancel' }, `${t('cancel')} `, el('kbd', {}, 'Esc'));
  cancel.addEventListener('click', closeEditor);
  pop.replaceChildren(
    el('div', { class: 'pop-head' }, el('strong', {}, t('reTitle')), el('span', { class: 'muted small' }, ` [${range.start}, ${range.end})`)),
    el('blockquote', { class: 'pop-quote', dir: 'auto', id: 'review-editor-quote' }, sliceCp(text, range)),
    el('div', { class: 'pop-labels' }, ...chips),
    el('div', { class: 'nudges' }, ...nudges, useSel),
    el('div', { class: 'pop-actions' }, cancel, ok),
  );
}

function place(): void {
  const pop = byId('review-editor');
  pop.hidden = false;
  const r = range && rv.text ? cpRects(rv.text, range)[0] : null;
  const x = r ? r.left + r.width / 2 : window.innerWidth / 2;
  const y = r ? r.bottom + 24 : 120;
  const w = pop.offsetWidth;
  const h = pop.offsetHeight;
  pop.style.left = `${Math.max(8, Math.min(x - w / 2, window.innerWidth - w - 8))}px`;
  pop.style.top = `${y + h > window.innerHeight - 8 ? Math.max(8, (r?.top ?? y) - h - 12) : y}px`;
}

function move(edge: Edge, dir: -1 | 1): void {
  if (!range || !rv.text) return;
  range = nudge(rv.text.text, range, edge, dir);
  render();
}

function useSelection(): void {
  if (!rv.text) return;
  const sel = selectionCp(rv.text);
  const r = sel && snapRange(rv.text.text, sel.start, sel.end);
  if (r) {
    range = r;
    render();
  }
}

async function submit(): Promise<void> {
  if (!range || !label) return;
  const r = range;
  closeEditor();
  await save(r, label);
}

/** Open the editor on the current disagreement; `onSave` sends `adjudicate edit`. */
export function openEditor(onSave: (r: CpRange, label: string) => Promise<void>): void {
  const d = current();
  if (!d) return;
  save = onSave;
  range = { start: d.start, end: d.end };
  label = d.label;
  render();
  place();
  byId<HTMLButtonElement>('review-editor-save').focus();
}

/** Keys while the editor is open: label hotkeys, 1–4 nudge, u selection, Enter save, Esc cancel. True if handled. */
export function editorKey(e: KeyboardEvent): boolean {
  if (!editorOpen()) return false;
  if (e.key === 'Escape') {
    closeEditor();
    return true;
  }
  if (e.key === 'Enter') {
    if (e.target instanceof HTMLButtonElement && byId('review-editor').contains(e.target)) return false; // the focused button's own click
    guard(submit, t('errEditSpan'))();
    return true;
  }
  const n = NUDGES.find((x) => x[3] === e.key);
  if (n) {
    move(n[0], n[1]);
    return true;
  }
  if (e.key === 'u') {
    useSelection();
    return true;
  }
  const l = find(spanLabels(), keysOf(e));
  if (l) {
    label = l.name;
    render();
    return true;
  }
  return false;
}
