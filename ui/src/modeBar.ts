// The bar under the palette: clitic mode (and the one-shot toggle), sticky label, undo/redo — state visible, all clickable.

import { toggleClitics, toggleSticky } from './annotate';
import { byId, el, safeColor } from './dom';
import { history, redo, undo } from './edits';
import { cliticMode, session } from './session';
import { t } from './i18n';
import { prefs, textSize } from './prefs';
import { labelByName } from './state';
import { guard, toast } from './toast';

function bar(): HTMLElement {
  let b = document.getElementById('workbench-bar');
  if (!b) {
    b = el('div', { id: 'workbench-bar', class: 'small' });
    byId('palette-bar').append(b);
  }
  return b;
}

/** Redraw the bar from the session state. */
export function renderModeBar(): void {
  const mode = cliticMode();
  const once = session.cliticOverride !== null;
  const clitics = el(
    'button',
    { type: 'button', class: `chip mode-chip${once ? ' once' : ''}`, id: 'clitic-toggle', 'data-clitics': mode, 'aria-pressed': String(once), title: 'Clitic prefixes (و ف ب ك ل before ال): left out of the span, or kept. Shift+C switches it for the next selection.' },
    mode === 'exclude' ? 'و|الرباط → الرباط' : 'والرباط → والرباط',
    once ? el('span', { class: 'muted' }, ' (next only)') : null,
    el('kbd', {}, '⇧C'),
  );
  clitics.addEventListener('mousedown', (e) => e.preventDefault());
  clitics.addEventListener('click', toggleClitics);
  const sw = el('span', { class: 'swatch' });
  if (session.sticky) sw.style.backgroundColor = safeColor(labelByName(session.sticky)?.color ?? '');
  const sticky = el(
    'button',
    { type: 'button', class: 'chip mode-chip', id: 'sticky-toggle', 'data-sticky': session.sticky ?? '', 'aria-pressed': String(!!session.sticky), title: 'Sticky label: every selection is labelled at once with this label (Shift+S; a label key switches the label).' },
    session.sticky ? sw : null,
    session.sticky ? `Sticky: ${session.sticky}` : 'Sticky: off',
    el('kbd', {}, '⇧S'),
  );
  sticky.addEventListener('mousedown', (e) => e.preventDefault());
  sticky.addEventListener('click', () => toggleSticky());
  const smaller = el('button', { type: 'button', class: 'btn btn-ghost small', id: 'text-smaller', title: t('textSmaller'), 'aria-label': t('textSmaller') }, 'A−');
  const bigger = el('button', { type: 'button', class: 'btn btn-ghost small', id: 'text-bigger', title: t('textBigger'), 'aria-label': t('textBigger') }, 'A+');
  smaller.addEventListener('click', () => textSize(-1));
  bigger.addEventListener('click', () => textSize(1));
  const size = el('span', { class: 'muted small', id: 'text-size' }, `${prefs.textSize}px`);
  const p = history.peek();
  const u = el('button', { type: 'button', class: 'btn btn-ghost small', id: 'undo-btn', disabled: !p.undo, title: p.undo ? `Undo: ${p.undo} (Ctrl+Z)` : 'Nothing to undo' }, t('undo'));
  const r = el('button', { type: 'button', class: 'btn btn-ghost small', id: 'redo-btn', disabled: !p.redo, title: p.redo ? `Redo: ${p.redo} (Ctrl+Shift+Z, Ctrl+Y)` : 'Nothing to redo' }, t('redo'));
  u.addEventListener('click', guard(async () => toast(`Undone: ${(await undo()) ?? 'nothing'}`, 'info'), 'Undo failed'));
  r.addEventListener('click', guard(async () => toast(`Redone: ${(await redo()) ?? 'nothing'}`, 'info'), 'Redo failed'));
  bar().replaceChildren(clitics, sticky, el('span', { class: 'spacer' }), smaller, size, bigger, u, r);
}
