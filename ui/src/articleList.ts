// The corpus view (right side): search, filters, sort and my progress over a virtual list fetched in pages of 200; next unfinished.

import { call } from './api';
import type { ArticleSummary, ListArticlesReq, Status } from './bindings';
import { buildCorpusControls, renderMyProgress, syncCorpusControls, type MyProgress } from './corpusFilters';
import { ROW_HEIGHT, SEARCH_ROW_HEIGHT, VirtualList } from './corpusList';
import { count, firstInOrder, firstUnfinished, isFiltered, listReq, NO_FILTER, PAGE, pagesFor, type CorpusFilter } from './corpusModel';
import './corpus.css';
import { blindChosen } from './blind';
import { byId } from './dom';
import { typing } from './dom';
import { state } from './state';
import { nextChoice, suggesting } from './suggestions';
import { guard, toast, toastError } from './toast';
import { onLangChange, t, translate } from './i18n';

/** The list as this analyst may see it (blind annotation: the core counts only what they may see of others' work). */
const seenBy = (req: ListArticlesReq): ListArticlesReq => ({ ...req, blind: blindChosen() });

/** How many pages may load at once while scrolling. */
const PARALLEL = 2;
/** Rows beyond the view whose pages are fetched ahead. */
const PREFETCH = 100;
/** Pages kept in memory; the farthest from the view are dropped beyond this. */
const KEEP_PAGES = 60;
/** "Next unfinished" reads at most this many pages of 1000 after the current article before asking the core directly. */
const SCAN_PAGES = 5;

let filter: CorpusFilter = { ...NO_FILTER };
let total = 0;
/** Bumped by every new filter or refresh: answers for an older generation are dropped. */
let gen = 0;
let cache = new Map<number, ArticleSummary[]>();
/** Pages from before a refresh, shown until their fresh copy arrives (no flicker). */
let stale = new Map<number, ArticleSummary[]>();
let inflight = new Set<number>();
let failed = new Set<number>();
let list: VirtualList | null = null;
let onOpen: (id: number) => void = () => {};
let activeId: number | null = null;

function rowAt(i: number): ArticleSummary | undefined {
  const p = Math.floor(i / PAGE);
  return (cache.get(p) ?? stale.get(p))?.[i - p * PAGE];
}

function showTotal(): void {
  const all = state.project?.article_count ?? total;
  byId('article-total').textContent = isFiltered(filter) ? t('nOfTotal', { n: total.toLocaleString('en-US'), total: count(Math.max(all, total), 'article', true) }) : count(total, 'article');
  list?.setEmptyText(isFiltered(filter) ? t('noMatch') : t('noArticles'));
}

/** Drop the pages farthest from the view when too many are kept. */
function evict(): void {
  if (cache.size <= KEEP_PAGES || !list) return;
  const mid = Math.floor((list.range().first + list.range().last) / 2 / PAGE);
  const far = [...cache.keys()].sort((a, b) => Math.abs(b - mid) - Math.abs(a - mid));
  for (const p of far.slice(0, cache.size - KEEP_PAGES)) cache.delete(p);
}

async function fetchPage(p: number, limit = PAGE): Promise<ArticleSummary[]> {
  const g = gen;
  const mine = inflight;
  mine.add(p);
  try {
    const page = await call('list_articles', seenBy(listReq(filter, state.analyst, p * PAGE, limit)));
    if (g === gen) {
      total = page.total;
      cache.set(p, page.items);
      stale.delete(p);
      evict();
    }
    return page.items;
  } finally {
    mine.delete(p);
  }
}

/** Load the missing pages in view, a few at a time; pages scrolled past before their turn are never asked for. */
function pump(): void {
  if (!list) return;
  const { first, last } = list.range();
  // The pages in view first, then the ones just before and after (so scrolling on rarely meets a row still loading).
  const inView = pagesFor(first, last);
  const around = pagesFor(Math.max(0, first - PREFETCH), Math.min(total - 1, last + PREFETCH)).filter((p) => !inView.includes(p));
  for (const p of [...inView, ...around]) {
    if (inflight.size >= PARALLEL) return;
    if (cache.has(p) || inflight.has(p) || failed.has(p)) continue;
    const g = gen;
    fetchPage(p).then(
      () => {
        if (g !== gen) return;
        showTotal();
        list?.schedule();
      },
      (e) => {
        if (g !== gen) return;
        failed.add(p);
        toastError(e, t('errLoadList'));
      },
    );
  }
}

/** Fetch the list again. `reset`: a new filter (back to the top); otherwise keep the place and redraw in place. */
async function reload(reset: boolean): Promise<void> {
  if (!list) return;
  gen++;
  inflight = new Set();
  failed = new Set();
  if (reset) {
    cache = new Map();
    stale = new Map();
    list.reset();
    list.host.scrollTop = 0;
  } else {
    for (const [p, rows] of cache) stale.set(p, rows);
    cache = new Map();
  }
  const g = gen;
  list.setRowHeight(filter.query.trim() ? SEARCH_ROW_HEIGHT : ROW_HEIGHT);
  const { first, last } = list.range();
  const pages = reset || total === 0 ? [0] : pagesFor(first, Math.min(last, Math.max(first, total - 1))).slice(0, PARALLEL);
  await Promise.all(pages.map((p) => fetchPage(p)));
  if (g !== gen) return;
  stale = new Map();
  showTotal();
  list.render();
  // What the rows on screen answer (tests and the benchmark wait for it).
  list.host.dataset.query = filter.query.trim();
  if (filter.query.trim() !== lastQuery) {
    lastQuery = filter.query.trim();
    for (const f of queryListeners) f(lastQuery);
  }
}

let lastQuery = '';
const queryListeners: ((q: string) => void)[] = [];

/** The search in the box (trimmed; '' when none): the open article marks its hits. */
export const currentQuery = (): string => filter.query.trim();

/** Call `f` whenever the search changes (the open article's hit marks follow it). */
export function onQueryChange(f: (q: string) => void): void {
  queryListeners.push(f);
}

/** My progress over the whole project (done / in progress / to do): the core's `my_progress`, which reads
 * only the status index (well under a millisecond on 100,000 articles). */
function loadMyProgress(): Promise<MyProgress> {
  return call('my_progress', { annotator: state.analyst });
}

let progressBusy = false;
let progressAgain = false;
let progressTimer: number | undefined;
/** The progress counts wait this long after the last change (opening articles in a row counts once). */
const PROGRESS_DELAY_MS = 100;

/** Refresh the progress bar soon; calls in a burst, or while one is loading, coalesce into one. */
function refreshProgress(delay = PROGRESS_DELAY_MS): void {
  window.clearTimeout(progressTimer);
  progressTimer = window.setTimeout(loadProgressNow, delay);
}

function loadProgressNow(): void {
  if (progressBusy) {
    progressAgain = true;
    return;
  }
  progressBusy = true;
  loadMyProgress()
    .then((p) => renderMyProgress(p, (s) => setFilter({ status: s })))
    .catch((e) => toastError(e, t('errProgress')))
    .finally(() => {
      progressBusy = false;
      if (progressAgain) {
        progressAgain = false;
        loadProgressNow();
      }
    });
}

/** Change some filters (or the sort) and show the list from the top. */
export async function setFilter(change: Partial<CorpusFilter>): Promise<void> {
  filter = { ...filter, ...change };
  if (Object.keys(change).some((k) => k !== 'query')) syncCorpusControls(filter);
  else byId('filter-clear').hidden = !isFiltered({ ...filter, query: '' });
  if (change.query !== undefined && byId<HTMLInputElement>('article-search').value.trim() !== filter.query.trim()) {
    byId<HTMLInputElement>('article-search').value = filter.query;
  }
  await reload(true);
}

/** The filters in use (for tests and the benchmark). */
export const currentFilter = (): CorpusFilter => ({ ...filter });

/** Re-fetch the rows in view (statuses, span counts) and my progress, keeping the place in the list. */
export async function refreshList(): Promise<void> {
  syncCorpusControls(filter);
  try {
    await reload(false);
  } finally {
    refreshProgress(); // after the rows: the list comes first
  }
}

/** Mark the open article in the list (and bring it into view when its row is loaded). */
export function setActive(id: number | null): void {
  activeId = id;
  if (!list) return;
  list.activeId = id;
  const i = id === null ? -1 : indexInCache(id);
  if (i >= 0) {
    list.focusIndex = i;
    list.reveal(i);
  }
  list.render();
}

function indexInCache(id: number): number {
  for (const [p, rows] of cache) {
    const j = rows.findIndex((a) => a.id === id);
    if (j >= 0) return p * PAGE + j;
  }
  return -1;
}

/** The first unfinished article from row `from` on (not `skip`), reading the cache first and then pages of
 * 1000; gives up (null) after `maxPages` reads or at the end of the list. */
async function scanUnfinished(from: number, skip: number | null, maxPages: number): Promise<{ index: number; article: ArticleSummary } | null> {
  const g = gen;
  for (let i = from, reads = 0; i < total && reads < maxPages; ) {
    const p = Math.floor(i / PAGE);
    let rows = cache.get(p);
    let base = p * PAGE;
    if (!rows) {
      reads++;
      base = i;
      rows = (await call('list_articles', seenBy(listReq(filter, state.analyst, base, 1000)))).items;
      if (g !== gen) return null;
    }
    const hit = firstUnfinished(rows, base, i, skip);
    if (hit >= 0) return { index: hit, article: rows[hit - base] };
    if (rows.length === 0) break;
    i = base + rows.length;
  }
  return null;
}

/** Open my next article that is not done, after the open one in the list's order (wrapping to the top). */
export async function nextUnfinished(): Promise<void> {
  const current = state.view?.article.id ?? activeId;
  // Ordered by the suggestions (Settings → Suggestions): the core looks at the unfinished articles after this one.
  const by = nextChoice();
  if (by !== 'list' && suggesting()) {
    const r = await call('suggest_next', { annotator: state.analyst, after: current ?? 0, by });
    if (r.article_id === undefined) return toast(t('noUnfinished'), 'info');
    onOpen(r.article_id);
    toast(by === 'least_sure' ? t('sgNextLeastToast', { score: r.score.toFixed(2), n: count(r.examined, 'article') }) : t('sgNextMostToast', { n: count(r.score, 'suggestion'), of: count(r.examined, 'article') }), 'info');
    return;
  }
  const at = current === null ? -1 : indexInCache(current);
  const hit = await scanUnfinished(at + 1, current, SCAN_PAGES);
  let id = hit?.article.id ?? null;
  if (id === null) {
    // Nothing soon after: ask the core for the first article in progress and the first to do (list order), wrapping round.
    const [ip, td] = await Promise.all(
      (['in_progress', 'todo'] as Status[]).map((s) => call('list_articles', seenBy(listReq({ ...filter, status: filter.status || s }, state.analyst, 0, 2)))),
    );
    const pick = (xs: ArticleSummary[]) => xs.find((a) => a.id !== current && a.status !== 'done') ?? null;
    id = firstInOrder(pick(ip.items), pick(td.items), filter.sort)?.id ?? null;
  }
  if (id === null) {
    toast(isFiltered(filter) ? t('noUnfinishedHere') : t('noUnfinished'), 'info');
    return;
  }
  if (hit) list?.reveal(hit.index, true);
  onOpen(id);
}

let searching = false;
let pendingSearch: string | null = null;

/** Search as the analyst types, debounced by the core's own answer time: a keystroke while a search is running
 * only replaces the text to search next, so a burst of typing sends the first and the last text, never a backlog. */
function search(text: string): void {
  if (searching) {
    pendingSearch = text;
    return;
  }
  searching = true;
  setFilter({ query: text })
    .catch((e) => toastError(e, t('errSearch')))
    .finally(() => {
      searching = false;
      const next = pendingSearch;
      pendingSearch = null;
      if (next !== null && next.trim() !== filter.query.trim()) search(next);
    });
}

/** Wire the corpus view: controls, the virtual list, the debounced search box and its keys. */
export function initList(open: (id: number) => void): void {
  onOpen = open;
  const host = byId('article-list');
  list = new VirtualList(host, { total: () => total, row: rowAt, need: () => pump() }, (id) => onOpen(id));
  host.style.setProperty('--row-h', `${ROW_HEIGHT}px`);
  buildCorpusControls((f) => guard(() => setFilter(f), t('errFilter'))(), guard(nextUnfinished, () => t('errNextUnfinished')));
  const input = byId<HTMLInputElement>('article-search');
  input.setAttribute('aria-keyshortcuts', '/');
  translate(input, { title: 'searchTitle' });
  input.title = t('searchTitle');
  onLangChange(() => {
    showTotal();
    syncCorpusControls(filter);
    if (document.getElementById('corpus-progress')?.hasChildNodes()) refreshProgress(0);
    list?.schedule();
  });
  input.addEventListener('input', () => {
    // One letter matches nearly everything (and costs the most): wait for a second one, or Enter.
    if ([...input.value.trim()].length === 1) {
      byId('article-total').textContent = t('oneMoreLetter');
      return;
    }
    search(input.value);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      list?.focusRow(list.focusIndex);
    } else if (e.key === 'Enter') search(input.value);
  });
  // "/" focuses the search; Shift+N opens the next unfinished article (annotation view; the review view has its own).
  window.addEventListener(
    'keydown',
    (e) => {
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '/' && !e.shiftKey) {
        e.preventDefault();
        e.stopImmediatePropagation();
        input.focus();
        input.select();
      } else if (e.shiftKey && (e.key === 'N' || e.code === 'KeyN') && state.mode === 'annotate' && !e.repeat) {
        e.preventDefault();
        e.stopImmediatePropagation();
        guard(nextUnfinished, t('errNextUnfinished'))();
      }
    },
    true,
  );
}
