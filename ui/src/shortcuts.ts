// The shortcut sheet (?): every key of the annotation view, the label and tag keys of this project, and the app's.

import { el } from './dom';
import { t, type Key } from './i18n';
import { spanLabels, tagLabels } from './state';

/** Key names that are words are translated (k:…); the rest are keys as printed on the keyboard. */
const GROUPS: [Key, [string, Key][]][] = [
  [
    'scLabelling',
    [
      ['k:scLabelKey', 'scLabelSel'],
      ['Alt+← / Alt+→', 'scAltArrow'],
      ['k:scShiftArrowSel', 'scGrow'],
      ['k:scAltLabelKey', 'scExact'],
      ['Shift+C', 'scClitic'],
      ['Shift+S', 'scSticky'],
      ['Shift+A', 'scAllOcc'],
    ],
  ],
  [
    'scSpans',
    [
      ['] / [', 'scFocusNext'],
      ['Enter', 'scEdit'],
      ['k:scLabelKey', 'scRelabel'],
      ['Shift+← / Shift+→', 'scMoveEnd'],
      ['Ctrl+Shift+← / →', 'scMoveStart'],
      ['Alt+Shift+… ', 'scByLetter'],
      ['Delete', 'scDelete'],
      ['k:scCtrlEnterNote', 'scSaveNote'],
      ['Esc', 'scEsc'],
    ],
  ],
  [
    'scHistory',
    [
      ['Ctrl+Z', 'scUndo'],
      ['Ctrl+Shift+Z, Ctrl+Y', 'scRedo'],
      ['Ctrl+Enter', 'scMarkDone'],
      ['Shift+N', 'scNext'],
      ['/', 'scSearch'],
    ],
  ],
  [
    'scView',
    [
      ['+ / -', 'scTextSize'],
      ['Shift+D', 'scTheme'],
      ['Shift+U', 'scLang'],
      ['Shift+G', 'guidelines'],
      ['Shift+L', 'scSettings'],
      ['?', 'scSheet'],
    ],
  ],
];

const keyName = (k: string): string => (k.startsWith('k:') ? t(k.slice(2) as Key) : k);

export function openShortcuts(): void {
  let d = document.getElementById('shortcuts-dialog') as HTMLDialogElement | null;
  if (!d) {
    d = el('dialog', { id: 'shortcuts-dialog', class: 'wide-dialog', 'aria-labelledby': 'shortcuts-title' });
    document.body.append(d);
  }
  const table = (rows: [string, string][]) => el('table', { class: 'keys' }, ...rows.map(([k, v]) => el('tr', {}, el('th', {}, el('kbd', {}, k)), el('td', {}, v))));
  const labels: [string, string][] = [
    ...spanLabels().filter((l) => l.hotkey).map((l): [string, string] => [l.hotkey.toUpperCase(), `${l.name}${l.description ? ` — ${l.description}` : ''}`]),
    ...tagLabels().filter((l) => l.hotkey).map((l): [string, string] => [l.hotkey, t('scTag', { name: l.name })]),
  ];
  const close = el('button', { type: 'button', class: 'btn btn-primary', id: 'shortcuts-close' }, t('close'));
  const dd = d;
  close.addEventListener('click', () => dd.close());
  d.replaceChildren(
    el('h2', { id: 'shortcuts-title' }, t('shortcuts')),
    el('div', { class: 'keys-grid' }, ...GROUPS.map(([title, rows]) => el('section', {}, el('h3', {}, t(title)), table(rows.map(([k, v]): [string, string] => [keyName(k), t(v)])))), el('section', {}, el('h3', {}, t('scProjectLabels')), table(labels))),
    el('div', { class: 'dialog-actions' }, close),
  );
  if (!d.open) d.showModal();
  close.focus();
}
