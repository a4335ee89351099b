// The span-label palette: one button per label (swatch, name, hotkey); keeps the text selection on click.

import { byId, el, safeColor } from './dom';
import { spanLabels } from './state';

/** Render the palette; `apply(label, exact)` labels the current selection. */
export function renderPalette(apply: (label: string, exact: boolean) => void): void {
  const bar = byId('palette');
  bar.replaceChildren();
  for (const l of spanLabels()) {
    const sw = el('span', { class: 'swatch' });
    sw.style.backgroundColor = safeColor(l.color);
    const b = el(
      'button',
      { type: 'button', class: 'chip', 'data-label': l.name, title: l.description || l.name },
      sw,
      el('span', {}, l.name),
      l.hotkey ? el('kbd', {}, l.hotkey.toUpperCase()) : null,
    );
    // Keep the text selection: a mousedown on the button would otherwise collapse it.
    b.addEventListener('mousedown', (e) => e.preventDefault());
    b.addEventListener('click', (e) => apply(l.name, e.altKey));
    bar.append(b);
  }
  byId('palette-hint').textContent =
    'Select text, then click a label or press its key. Selections snap to whole words; hold Alt for an exact selection. Click a highlight to edit it. Ctrl+Enter marks the article done.';
}
