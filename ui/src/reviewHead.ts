// The review header: title, "adjudicated" state, gold tag chips (with who tagged), and the add-to-gold palette.

import { byId, el, safeColor } from './dom';
import { rv } from './reviewState';
import { spanLabels, tagLabels } from './state';
import { guard } from './toast';
import { t } from './i18n';

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
  byId('review-title').textContent = v.article.title || t('untitled');
  const adj = byId('review-adjudicated');
  adj.setAttribute('aria-pressed', String(v.adjudicated));
  const adjText = adj.firstChild as HTMLElement;
  adjText.dataset.i18n = v.adjudicated ? 'rvAdjudicated' : 'rvMarkAdj';
  adjText.textContent = t(v.adjudicated ? 'rvAdjudicated' : 'rvMarkAdj');
  byId('review-gold-tags').replaceChildren(
    el('span', { class: 'muted small' }, t('rvGoldTags')),
    ...tagLabels().map((l) => {
      const who = v.tags.filter((t) => t.label === l.name).map((t) => t.annotator);
      const b = el(
        'button',
        { type: 'button', class: 'chip tag', 'data-gold-tag': l.name, 'aria-pressed': String(v.gold_tags.includes(l.name)), title: who.length ? t('rvTaggedBy', { names: who.join(t('listSep')) }) : t('rvNobodyTagged') },
        swatch(l.color),
        l.name,
        who.length ? el('span', { class: 'count' }, `${who.length}/${rv.annotators.length}`) : null,
        l.hotkey ? el('kbd', {}, l.hotkey) : null,
      );
      b.addEventListener('click', guard(() => onTag(l.name), t('errGoldTag')));
      return b;
    }),
  );
  const pal = byId('review-palette');
  if (pal.childElementCount === 0) {
    pal.append(el('span', { class: 'muted small' }, t('rvAddToGold')));
    for (const l of spanLabels()) {
      const b = el('button', { type: 'button', class: 'chip', 'data-add-label': l.name }, swatch(l.color), l.name, l.hotkey ? el('kbd', {}, l.hotkey.toUpperCase()) : null);
      b.addEventListener('mousedown', (e) => e.preventDefault()); // keep the text selection
      b.addEventListener('click', (e) => guard(() => onAdd(l.name, e.altKey), t('errAddGold'))());
      pal.append(b);
    }
  }
}
