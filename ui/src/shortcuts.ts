// The shortcut sheet (?): every key of the annotation view, the label and tag keys of this project, and the app's.

import { el } from './dom';
import { t, type Key } from './i18n';
import { describe, spanLabels, tagLabels } from './state';

/** Key names that are words are translated (k:…); the rest are keys as printed on the keyboard. */
/** A key cell: keys as printed (a kbd), 'k:key' (a translated key name), or keys with a translated note after them. */
type KeyCell = string | [string, Key];

const GROUPS: [Key, [KeyCell, Key][]][] = [
  [
    'scLabelling',
    [
      ['k:scLabelKey', 'scLabelSel'],
      ['Alt+← / Alt+→', 'scAltArrow'],
      [['Shift+← / →', 'scWithSel'], 'scGrow'],
      ['k:scAltLabelKey', 'scExact'],
      ['Shift+C', 'scClitic'],
      ['Shift+S', 'scSticky'],
      ['Shift+A', 'scAllOcc'],
      ['Shift+E', 'scEntity'],
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
      [['Ctrl+Enter', 'scInNote'], 'scSaveNote'],
      ['Esc', 'scEsc'],
    ],
  ],
  [
    'scSuggestions',
    [
      ['] / [', 'scFocusNext'],
      [['Enter', 'scOnSugg'], 'scAcceptSugg'],
      ['k:scLabelKey', 'scAcceptAs'],
      [['Delete', 'scOnSugg'], 'scRejectSugg'],
      ['Shift+Enter', 'scAcceptScreen'],
    ],
  ],
  [
    'scRelations',
    [
      ['Shift+R', 'scRelStart'],
      ['k:scRelTypeKey', 'scRelType'],
      ['Ctrl+drag', 'scRelDrag'],
      ['↑ / ↓, Delete', 'scRelList'],
      ['k:scAttrKeyName', 'scAttrKey'],
    ],
  ],
  [
    'scHistory',
    [
      ['Ctrl+Z', 'scUndo'],
      ['Ctrl+Shift+Z, Ctrl+Y', 'scRedo'],
      ['Ctrl+Enter', 'scMarkDone'],
      ['Shift+N', 'scNext'],
      ['F2', 'scTitle'],
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

/** Key names are read left to right (kbd in CSS); a translated name takes its direction from its own text. */
function keyCell(k: KeyCell): (HTMLElement | string)[] {
  if (Array.isArray(k)) return [el('kbd', {}, k[0]), t(k[1])];
  return k.startsWith('k:') ? [el('kbd', { dir: 'auto' }, t(k.slice(2) as Key))] : [el('kbd', {}, k)];
}

export function openShortcuts(): void {
  let d = document.getElementById('shortcuts-dialog') as HTMLDialogElement | null;
  if (!d) {
    d = el('dialog', { id: 'shortcuts-dialog', class: 'wide-dialog', 'aria-labelledby': 'shortcuts-title' });
    document.body.append(d);
  }
  const table = (rows: [KeyCell, string][]) => el('table', { class: 'keys' }, ...rows.map(([k, v]) => el('tr', {}, el('th', {}, ...keyCell(k)), el('td', {}, v))));
  const labels: [string, string][] = [
    ...spanLabels().filter((l) => l.hotkey).map((l): [string, string] => [l.hotkey.toUpperCase(), `${l.name}${describe(l) ? ` — ${describe(l)}` : ''}`]),
    ...tagLabels().filter((l) => l.hotkey).map((l): [string, string] => [l.hotkey, t('scTag', { name: l.name })]),
  ];
  const close = el('button', { type: 'button', class: 'btn btn-primary', id: 'shortcuts-close' }, t('close'));
  const dd = d;
  close.addEventListener('click', () => dd.close());
  d.replaceChildren(
    el('h2', { id: 'shortcuts-title' }, t('shortcuts')),
    el('div', { class: 'keys-grid' }, ...GROUPS.map(([title, rows]) => el('section', {}, el('h3', {}, t(title)), table(rows.map(([k, v]): [KeyCell, string] => [k, t(v)])))), el('section', {}, el('h3', {}, t('scProjectLabels')), table(labels))),
    el('div', { class: 'dialog-actions' }, close),
  );
  if (!d.open) d.showModal();
  close.focus();
}
