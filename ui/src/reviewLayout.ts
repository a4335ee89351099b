// The review pane's skeleton: header (analysts, gold actions), the overlaid text, and the side panel.

import { byId, el } from './dom';
import { t } from './i18n';

export function buildReviewPane(): void {
  byId('review-pane').replaceChildren(
    el(
      'div',
      { id: 'review-head' },
      el('h1', { id: 'review-title', dir: 'auto' }),
      el('div', { id: 'review-annotators', role: 'group', 'aria-label': t('rvAnalystsAria'), 'data-i18n-aria': 'rvAnalystsAria' }),
      el(
        'div',
        { class: 'review-toolbar' },
        el('button', { type: 'button', id: 'review-accept-agreeing', class: 'btn', title: t('rvAcceptAllTitle'), 'data-i18n-title': 'rvAcceptAllTitle' }, el('span', { 'data-i18n': 'rvAcceptAll' }, t('rvAcceptAll')), el('kbd', {}, '⇧A')),
        el('button', { type: 'button', id: 'review-adjudicated', class: 'btn', 'aria-pressed': 'false', title: t('rvAdjTitle'), 'data-i18n-title': 'rvAdjTitle' }, el('span', { 'data-i18n': 'rvMarkAdj' }, t('rvMarkAdj')), el('kbd', {}, 'Ctrl+↵')),
        el('button', { type: 'button', id: 'review-next-article', class: 'btn', title: t('rvNextTitle'), 'data-i18n-title': 'rvNextTitle' }, el('span', { 'data-i18n': 'rvNext' }, t('rvNext')), el('kbd', {}, '⇧N')),
        el('div', { id: 'review-gold-tags', role: 'group', 'aria-label': t('rvGoldTagsAria'), 'data-i18n-aria': 'rvGoldTagsAria' }),
      ),
      el('div', { id: 'review-palette', role: 'toolbar', 'aria-label': t('rvPaletteAria'), 'data-i18n-aria': 'rvPaletteAria' }),
      el('p', { id: 'review-hint', class: 'muted small', 'data-i18n': 'rvHint' }, t('rvHint')),
    ),
    el(
      'div',
      { id: 'review-grid' },
      el('aside', { id: 'review-side', 'aria-label': t('rvDisagreements'), 'data-i18n-aria': 'rvDisagreements' }),
      el(
        'div',
        { id: 'review-doc' },
        el('div', { id: 'review-hl', 'aria-hidden': 'true' }),
        el('div', { id: 'review-text', dir: 'rtl', lang: 'ar' }),
      ),
    ),
    el('div', { id: 'review-empty', class: 'empty', hidden: true }),
  );
}
