// The corpus view's controls above the list: filters (tag, label, my status, analyst), sort, my progress bar, next unfinished.

import type { Sort, Status } from './bindings';
import { count, isFiltered, shares, SORT_TEXT, type CorpusFilter } from './corpusModel';
import { byId, el } from './dom';
import { spanLabels, state, STATUS_TEXT, tagLabels } from './state';
import { t, type Key } from './i18n';

export interface MyProgress {
  articles: number;
  done: number;
  in_progress: number;
  todo: number;
}

const opts = (sel: HTMLSelectElement, pairs: [string, string][], value: string) => {
  sel.replaceChildren(...pairs.map(([v, t]) => el('option', { value: v }, t)));
  sel.value = pairs.some(([v]) => v === value) ? value : '';
};

const select = (id: string, label: Key) => el('select', { id, 'aria-label': t(label), 'data-i18n-aria': label, class: 'corpus-select' });

/** Build the controls (once) after the search box; `change` gets every new filter. */
export function buildCorpusControls(change: (f: Partial<CorpusFilter>) => void, next: () => void): void {
  if (document.getElementById('corpus-filters')) return;
  const status = select('filter-status', 'fMyStatus');
  const tag = select('filter-tag', 'fTag');
  const label = select('filter-label', 'fLabel');
  const analyst = select('filter-analyst', 'fWorkedBy');
  const sort = select('list-sort', 'fSort');
  const clear = el('button', { type: 'button', id: 'filter-clear', class: 'btn btn-ghost small', hidden: true, title: t('clearFiltersTitle'), 'data-i18n': 'clearFilters', 'data-i18n-title': 'clearFiltersTitle' }, t('clearFilters'));
  status.addEventListener('change', () => change({ status: status.value as '' | Status }));
  tag.addEventListener('change', () => change({ tag: tag.value }));
  label.addEventListener('change', () => change({ label: label.value }));
  analyst.addEventListener('change', () => change({ workedBy: analyst.value }));
  sort.addEventListener('change', () => change({ sort: sort.value as Sort }));
  clear.addEventListener('click', () => change({ tag: '', label: '', status: '', workedBy: '', entity: '' }));
  // The entity view's "articles mentioning it".
  document.addEventListener('hashiya:entity-filter', (e) => change({ entity: (e as CustomEvent<{ id: string }>).detail.id }));
  const nextBtn = el('button', { type: 'button', id: 'next-unfinished', class: 'btn small', title: t('nextUnfinishedTitle'), 'data-i18n-title': 'nextUnfinishedTitle' }, el('span', { 'data-i18n': 'nextUnfinished' }, t('nextUnfinished')), el('kbd', {}, '⇧N'));
  nextBtn.addEventListener('click', next);
  const progress = el('div', { id: 'corpus-progress', class: 'small' });
  byId('article-search').after(el('div', { id: 'corpus-filters', role: 'group', 'aria-label': t('filtersAria'), 'data-i18n-aria': 'filtersAria' }, status, tag, label, analyst, sort, clear), progress);
  // The count of articles and the button share one row.
  const total = byId('article-total');
  const row = el('div', { class: 'corpus-row' });
  total.replaceWith(row);
  row.append(total, nextBtn);
}

/** Refill the options from the project (labels, analysts) and show the current filter. */
export function syncCorpusControls(f: CorpusFilter): void {
  opts(byId('filter-status'), [['', t('anyStatus')], ...(Object.entries(STATUS_TEXT) as [Status, string][])], f.status);
  opts(byId('filter-tag'), [['', t('anyTag')], ...tagLabels().map((l) => [l.name, t('tagIs', { name: l.name })] as [string, string])], f.tag);
  opts(byId('filter-label'), [['', t('anyLabel')], ...spanLabels().map((l) => [l.name, t('labelIs', { name: l.name })] as [string, string])], f.label);
  const analysts = [...new Set([...(state.project?.analysts ?? []), ...(f.workedBy ? [f.workedBy] : [])])];
  opts(byId('filter-analyst'), [['', t('anyAnalyst')], ...analysts.map((a) => [a, t('byName', { name: a })] as [string, string])], f.workedBy);
  opts(byId('list-sort'), Object.entries(SORT_TEXT) as [Sort, string][], f.sort);
  for (const id of ['filter-status', 'filter-tag', 'filter-label', 'filter-analyst']) {
    const s = byId<HTMLSelectElement>(id);
    s.classList.toggle('active', s.value !== '');
  }
  byId('filter-clear').hidden = !isFiltered({ ...f, query: '' });
}

/** The current analyst's progress over the whole project: a bar and counts that filter the list. */
export function renderMyProgress(p: MyProgress | null, filterStatus: (s: Status) => void): void {
  const box = byId('corpus-progress');
  if (!p) return box.replaceChildren();
  const [d, ip, td] = shares(p.done, p.in_progress, p.todo);
  const seg = (cls: string, pct: number) => {
    const s = el('span', { class: `seg-${cls}` });
    s.style.width = `${pct}%`;
    return s;
  };
  const bar = el(
    'div',
    { class: 'progress-bar', role: 'progressbar', 'aria-label': t('progressAria', { name: state.analyst }), 'aria-valuemin': 0, 'aria-valuemax': p.articles, 'aria-valuenow': p.done, 'aria-valuetext': t('progressValue', { done: p.done, total: p.articles }) },
    seg('done', d),
    seg('in_progress', ip),
    seg('todo', td),
  );
  const btn = (s: Status, n: number) => {
    const b = el('button', { type: 'button', class: `progress-count count-${s}`, 'data-progress': s, title: t('progressFilterTitle', { status: STATUS_TEXT[s].toLowerCase() }) }, `${n.toLocaleString('en-US')} ${STATUS_TEXT[s].toLowerCase()}`);
    b.addEventListener('click', () => filterStatus(s));
    return b;
  };
  box.replaceChildren(
    bar,
    el('div', { class: 'progress-counts' }, btn('done', p.done), ' · ', btn('in_progress', p.in_progress), ' · ', btn('todo', p.todo)),
  );
  box.title = t('progressTitle', { done: count(p.done, 'article', true), total: p.articles.toLocaleString('en-US') });
}
