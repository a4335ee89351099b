// The review pane's skeleton: header (analysts, gold actions), the overlaid text, and the side panel.

import { byId, el } from './dom';

export function buildReviewPane(): void {
  byId('review-pane').replaceChildren(
    el(
      'div',
      { id: 'review-head' },
      el('h1', { id: 'review-title', dir: 'auto' }),
      el('div', { id: 'review-annotators', role: 'group', 'aria-label': 'Analysts to compare' }),
      el(
        'div',
        { class: 'review-toolbar' },
        el('button', { type: 'button', id: 'review-accept-agreeing', class: 'btn', title: 'Put every span all compared analysts agree on into the gold layer (Shift+A)' }, 'Accept all agreeing ', el('kbd', {}, '⇧A')),
        el('button', { type: 'button', id: 'review-adjudicated', class: 'btn', 'aria-pressed': 'false', title: 'Mark this article adjudicated, or reopen it (Ctrl+Enter)' }, 'Mark adjudicated ', el('kbd', {}, 'Ctrl+↵')),
        el('button', { type: 'button', id: 'review-next-article', class: 'btn', title: 'Open the next article where the compared analysts disagree (Shift+N)' }, 'Next article with disagreements ', el('kbd', {}, '⇧N')),
        el('div', { id: 'review-gold-tags', role: 'group', 'aria-label': 'Gold tags' }),
      ),
      el('div', { id: 'review-palette', role: 'toolbar', 'aria-label': 'Add the selected text to the gold layer' }),
      el(
        'p',
        { id: 'review-hint', class: 'muted small' },
        'j / k: next / previous disagreement · Shift+N next article with disagreements · a accept · r reject · e edit · x remove from gold · c comment. ' +
          'Select text and press a label key to add a span to the gold layer; tag keys toggle gold tags.',
      ),
    ),
    el(
      'div',
      { id: 'review-grid' },
      el('aside', { id: 'review-side', 'aria-label': 'Disagreements' }),
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
