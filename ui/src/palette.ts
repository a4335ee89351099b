// The span-label palette: one button per label (swatch, name, hotkey); keeps the text selection on click.

import { byId, el, safeColor } from './dom';
import { t } from './i18n';
import { describe, spanLabels } from './state';

let lastApply: ((label: string, exact: boolean) => void) | null = null;
let onShiftClick: (label: string) => void = () => {};
/** Shift+click on a label: sticky mode with that label (set by the workbench). */
export function onPaletteShiftClick(fn: (label: string) => void): void {
  onShiftClick = fn;
}

/** Render again with the same action (after the labels changed). */
export function rerenderPalette(): void {
  if (lastApply) renderPalette(lastApply);
}

/** Render the palette; `apply(label, exact)` labels the current selection. */
export function renderPalette(apply: (label: string, exact: boolean) => void): void {
  lastApply = apply;
  const bar = byId('palette');
  bar.replaceChildren();
  for (const l of spanLabels()) {
    const sw = el('span', { class: 'swatch' });
    sw.style.backgroundColor = safeColor(l.color);
    const b = el(
      'button',
      { type: 'button', class: 'chip', 'data-label': l.name, title: `${describe(l) || l.name}${l.hotkey ? t('keyHint', { key: l.hotkey.toUpperCase() }) : ''}\n${t('shiftClickSticky')}` },
      sw,
      el('span', {}, l.name),
      l.hotkey ? el('kbd', {}, l.hotkey.toUpperCase()) : null,
    );
    // Keep the text selection: a mousedown on the button would otherwise collapse it.
    b.addEventListener('mousedown', (e) => e.preventDefault());
    b.addEventListener('click', (e) => (e.shiftKey ? onShiftClick(l.name) : apply(l.name, e.altKey)));
    bar.append(b);
  }
  const hint = byId('palette-hint');
  hint.dataset.i18n = 'paletteHint';
  hint.textContent = t('paletteHint');
}
