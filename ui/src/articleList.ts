// The article list (right side): titles, span counts, this analyst's status, search via list_articles.

import { call } from './api';
import type { ArticleSummary } from './bindings';
import { byId, el } from './dom';
import { state, STATUS_TEXT } from './state';
import { guard } from './toast';

let activeId: number | null = null;
let query = '';
let onOpen: (id: number) => void = () => {};

function item(a: ArticleSummary): HTMLElement {
  const btn = el(
    'button',
    { type: 'button', class: 'article-item', 'data-article-id': a.id, 'aria-current': a.id === activeId ? 'true' : undefined },
    el('span', { class: 'article-title', dir: 'auto' }, a.title || '(untitled)'),
    el(
      'span',
      { class: 'article-sub' },
      el('span', { class: 'muted small' }, `${a.span_count} span${a.span_count === 1 ? '' : 's'}`),
      el('span', { class: `badge badge-${a.status}`, 'data-status-badge': a.status }, STATUS_TEXT[a.status]),
    ),
  );
  btn.addEventListener('click', () => onOpen(a.id));
  return el('li', {}, btn);
}

/** Re-fetch and redraw the list with the current search query. */
export async function refreshList(): Promise<void> {
  const page = await call('list_articles', { annotator: state.analyst, query, limit: 1000 });
  const empty = el('li', { class: 'list-empty muted' }, query ? 'No article matches this search.' : 'No articles yet. Use Import to add .txt or .jsonl files.');
  byId('article-list').replaceChildren(...(page.items.length ? page.items.map(item) : [empty]));
  byId('article-total').textContent = query
    ? `${page.total} matching article${page.total === 1 ? '' : 's'}`
    : `${page.total} article${page.total === 1 ? '' : 's'}${page.total > page.items.length ? ` (showing ${page.items.length})` : ''}`;
}

/** Mark the open article in the list. */
export function setActive(id: number | null): void {
  activeId = id;
  for (const b of byId('article-list').querySelectorAll<HTMLElement>('[data-article-id]')) {
    if (Number(b.dataset.articleId) === id) b.setAttribute('aria-current', 'true');
    else b.removeAttribute('aria-current');
  }
}

/** Wire the search box (debounced) and the open callback. */
export function initList(open: (id: number) => void): void {
  onOpen = open;
  const input = byId<HTMLInputElement>('article-search');
  let t: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(t);
    t = window.setTimeout(
      guard(async () => {
        query = input.value.trim();
        await refreshList();
      }, 'Search failed'),
      200,
    );
  });
}
