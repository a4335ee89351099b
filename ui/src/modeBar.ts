// The bar under the palette: clitic mode (and the one-shot toggle), sticky label, suggestions waiting, undo/redo — state
// visible, all clickable.

import { toggleClitics, toggleSticky } from './annotate';
import { refreshAnnotations } from './article';
import { blindChosen, blindOn, chooseBlind } from './blind';
import { byId, el, safeColor } from './dom';
import { history, redo, undo } from './edits';
import { cliticMode, session } from './session';
import { count, t } from './i18n';
import { prefs, textSize } from './prefs';
import { openSettings } from './settingsDialog';
import { labelByName } from './state';
import { sugg, suggesting } from './suggestions';
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
    { type: 'button', class: `chip mode-chip${once ? ' once' : ''}`, id: 'clitic-toggle', 'data-clitics': mode, 'aria-pressed': String(once), title: t('cliticTitle') },
    mode === 'exclude' ? 'و|الرباط → الرباط' : 'والرباط → والرباط',
    once ? el('span', { class: 'muted' }, t('nextOnly')) : null,
    el('kbd', {}, '⇧C'),
  );
  clitics.addEventListener('mousedown', (e) => e.preventDefault());
  clitics.addEventListener('click', toggleClitics);
  const sw = el('span', { class: 'swatch' });
  if (session.sticky) sw.style.backgroundColor = safeColor(labelByName(session.sticky)?.color ?? '');
  const sticky = el(
    'button',
    { type: 'button', class: 'chip mode-chip', id: 'sticky-toggle', 'data-sticky': session.sticky ?? '', 'aria-pressed': String(!!session.sticky), title: t('stickyTitle') },
    session.sticky ? sw : null,
    session.sticky ? t('stickyOn', { label: session.sticky }) : t('stickyOff'),
    el('kbd', {}, '⇧S'),
  );
  sticky.addEventListener('mousedown', (e) => e.preventDefault());
  sticky.addEventListener('click', () => toggleSticky());
  // Blind annotation: pressed when on; the project's setting cannot be switched off here.
  const forced = session.settings.blind;
  const blind = el(
    'button',
    { type: 'button', class: 'chip mode-chip', id: 'blind-toggle', 'aria-pressed': String(blindOn()), disabled: forced, title: forced ? t('blindForced') : t('blindTitle') },
    t('blindChip'),
  );
  blind.addEventListener('mousedown', (e) => e.preventDefault());
  blind.addEventListener(
    'click',
    guard(async () => {
      chooseBlind(!blindChosen());
      renderModeBar();
      await refreshAnnotations();
    }, () => t('errSaveSetting')),
  );
  // Suggestions: how many wait on this article (a click opens their settings: switch, threshold, training).
  const n = sugg.list.length;
  const sg = el(
    'button',
    { type: 'button', class: 'chip mode-chip', id: 'sugg-chip', 'data-count': String(n), title: t('sgChipTitle') },
    !sugg.state?.trained ? t('sgChipUntrained') : suggesting() ? count(n, 'suggestion') : t('sgChipOff'),
    suggesting() && n ? el('kbd', {}, '⇧↵') : null,
  );
  sg.addEventListener('mousedown', (e) => e.preventDefault());
  sg.addEventListener('click', guard(() => openSettings('suggestions'), () => t('errSettings')));
  const smaller = el('button', { type: 'button', class: 'btn btn-ghost small', id: 'text-smaller', title: t('textSmaller'), 'aria-label': t('textSmaller') }, 'A−');
  const bigger = el('button', { type: 'button', class: 'btn btn-ghost small', id: 'text-bigger', title: t('textBigger'), 'aria-label': t('textBigger') }, 'A+');
  smaller.addEventListener('click', () => textSize(-1));
  bigger.addEventListener('click', () => textSize(1));
  const size = el('span', { class: 'muted small', id: 'text-size' }, `${prefs.textSize}px`);
  const p = history.peek();
  const u = el('button', { type: 'button', class: 'btn btn-ghost small', id: 'undo-btn', disabled: !p.undo, title: p.undo ? t('undoTitle', { what: p.undo }) : t('nothingToUndo') }, t('undo'));
  const r = el('button', { type: 'button', class: 'btn btn-ghost small', id: 'redo-btn', disabled: !p.redo, title: p.redo ? t('redoTitle', { what: p.redo }) : t('nothingToRedo') }, t('redo'));
  u.addEventListener('click', guard(async () => toast(t('undone', { what: (await undo()) ?? t('nothing') }), 'info'), () => t('errUndo')));
  r.addEventListener('click', guard(async () => toast(t('redone', { what: (await redo()) ?? t('nothing') }), 'info'), () => t('errRedo')));
  bar().replaceChildren(clitics, sticky, blind, sg, el('span', { class: 'spacer' }), smaller, size, bigger, u, r);
}
