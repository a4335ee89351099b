// The review header: title, "adjudicated" state, gold tag chips (with who tagged), and the add-to-gold palette.

import { byId, el, safeColor } from './dom';
import { rv } from './reviewState';
import { spanLabels, tagLabels } from './state';
import { guard } from './toast';

let onTag: (label: string) => Promise<void> = async () => {};
let onAdd: (label: string, exact: boolean) => Promise<void> = async () => {};

export function initReviewHead(tag: (label: string) => Promise<void>, add: (label: string, exact: boolean) => Promise<void>): void {
  onTag = tag;
  onAdd = add;
}

const swatch = (color: string) => {
  const s = el('span', { class: 'swatch' });
  s.style.backgroundColor = safeColor(color);
  return s;
};

export function renderReviewHead(): void {
  const v = rv.view;
  if (!v) return;
  byId('review-title').textContent = v.article.title || '(untitled)';
  const adj = byId('review-adjudicated');
  adj.setAttribute('aria-pressed', String(v.adjudicated));
  adj.firstChild!.textContent = v.adjudicated ? 'Adjudicated ✓ ' : 'Mark adjudicated ';
  byId('review-gold-tags').replaceChildren(
    el('span', { class: 'muted small' }, 'Gold tags:'),
    ...tagLabels().map((l) => {
      const who = v.tags.filter((t) => t.label === l.name).map((t) => t.annotator);
      const b = el(
        'button',
        { type: 'button', class: 'chip tag', 'data-gold-tag': l.name, 'aria-pressed': String(v.gold_tags.includes(l.name)), title: who.length ? `Tagged by: ${who.join(', ')}` : 'No compared analyst tagged this' },
        swatch(l.color),
        l.name,
        who.length ? el('span', { class: 'count' }, `${who.length}/${rv.annotators.length}`) : null,
        l.hotkey ? el('kbd', {}, l.hotkey) : null,
      );
      b.addEventListener('click', guard(() => onTag(l.name), 'Changing the gold tag failed'));
      return b;
    }),
  );
  const pal = byId('review-palette');
  if (pal.childElementCount === 0) {
    pal.append(el('span', { class: 'muted small' }, 'Add selection to gold:'));
    for (const l of spanLabels()) {
      const b = el('button', { type: 'button', class: 'chip', 'data-add-label': l.name }, swatch(l.color), l.name, l.hotkey ? el('kbd', {}, l.hotkey.toUpperCase()) : null);
      b.addEventListener('mousedown', (e) => e.preventDefault()); // keep the text selection
      b.addEventListener('click', (e) => guard(() => onAdd(l.name, e.altKey), 'Adding the gold span failed')());
      pal.append(b);
    }
  }
}
