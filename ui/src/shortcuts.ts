// The shortcut sheet (?): every key of the annotation view, the label and tag keys of this project, and the app's.

import { el } from './dom';
import { t } from './i18n';
import { spanLabels, tagLabels } from './state';

const GROUPS: [string, [string, string][]][] = [
  [
    'Labelling',
    [
      ['label key', 'Label the selection, or the word at the caret (a click into a word)'],
      ['Alt+← / Alt+→', 'Select the next / previous word on screen (← is the next word in Arabic)'],
      ['Shift+← / → (with a selection)', 'Grow or shrink the selection by a word (Alt+Shift: a letter)'],
      ['Alt + label key / Alt-drag', 'Exact selection: letters, not whole words'],
      ['Shift+C', 'Keep / leave out clitic prefixes (و ف ب ك ل) for the next selection'],
      ['Shift+S', 'Sticky label: every selection is labelled at once (a label key switches it)'],
      ['Shift+A', 'All occurrences of the focused span (this article or the project)'],
    ],
  ],
  [
    'Spans',
    [
      ['] / [', 'Focus the next / previous span (text order)'],
      ['Enter', 'Edit the focused span (relabel, resize, note, delete)'],
      ['label key', 'Relabel the focused span (or the one in the editor)'],
      ['Shift+← / Shift+→', 'Move the end one word (in Arabic text ← is later)'],
      ['Ctrl+Shift+← / →', 'Move the start one word'],
      ['Alt+Shift+… ', 'The same by one letter (grapheme)'],
      ['Delete', 'Delete the focused span'],
      ['Ctrl+Enter (in a note)', 'Save the note'],
      ['Esc', 'Close the popover; again: unfocus'],
    ],
  ],
  [
    'History and article',
    [
      ['Ctrl+Z', 'Undo (every edit of this session, also all occurrences in one step)'],
      ['Ctrl+Shift+Z, Ctrl+Y', 'Redo'],
      ['Ctrl+Enter', 'Mark the article done'],
      ['Shift+N', 'Next unfinished article'],
      ['/', 'Search the articles'],
    ],
  ],
  [
    'View',
    [
      ['+ / -', 'Larger / smaller text (remembered)'],
      ['Shift+D', 'Light / dark theme'],
      ['Shift+U', 'Interface in English / Arabic'],
      ['Shift+G', 'Guidelines'],
      ['Shift+L', 'Settings: labels, guidelines, clitic default'],
      ['?', 'This sheet'],
    ],
  ],
];

export function openShortcuts(): void {
  let d = document.getElementById('shortcuts-dialog') as HTMLDialogElement | null;
  if (!d) {
    d = el('dialog', { id: 'shortcuts-dialog', class: 'wide-dialog', 'aria-labelledby': 'shortcuts-title' });
    document.body.append(d);
  }
  const table = (rows: [string, string][]) => el('table', { class: 'keys' }, ...rows.map(([k, v]) => el('tr', {}, el('th', {}, el('kbd', {}, k)), el('td', {}, v))));
  const labels: [string, string][] = [
    ...spanLabels().filter((l) => l.hotkey).map((l): [string, string] => [l.hotkey.toUpperCase(), `${l.name}${l.description ? ` — ${l.description}` : ''}`]),
    ...tagLabels().filter((l) => l.hotkey).map((l): [string, string] => [l.hotkey, `Tag ${l.name}`]),
  ];
  const close = el('button', { type: 'button', class: 'btn btn-primary', id: 'shortcuts-close' }, t('close'));
  const dd = d;
  close.addEventListener('click', () => dd.close());
  d.replaceChildren(
    el('h2', { id: 'shortcuts-title' }, t('shortcuts')),
    el('div', { class: 'keys-grid' }, ...GROUPS.map(([title, rows]) => el('section', {}, el('h3', {}, title), table(rows))), el('section', {}, el('h3', {}, 'This project’s labels and tags'), table(labels))),
    el('div', { class: 'dialog-actions' }, close),
  );
  if (!d.open) d.showModal();
  close.focus();
}
