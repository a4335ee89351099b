// Corpus view logic without the DOM: filters → list_articles requests, the rows a scroll position shows, pages to fetch, next unfinished.

import type { ArticleSummary, ListArticlesReq, Sort, Status } from './bindings';
import { count as countIn, t, type Noun } from './i18n';

/** Rows per list_articles request while scrolling. */
export const PAGE = 200;

export interface CorpusFilter {
  query: string;
  tag: string;
  label: string;
  /** The current analyst's status; '' for any. */
  status: '' | Status;
  /** Articles this analyst worked on; '' for anyone. */
  workedBy: string;
  /** Articles mentioning this entity (its id); '' for any. */
  entity: string;
  sort: Sort;
}

export const NO_FILTER: CorpusFilter = { query: '', tag: '', label: '', status: '', workedBy: '', entity: '', sort: 'id' };

/** Sort names in the interface language (read at render time). */
export const SORT_TEXT: Record<Sort, string> = {
  get id() {
    return t('sortId');
  },
  get title() {
    return t('sortTitle');
  },
  get spans() {
    return t('sortSpans');
  },
  get status() {
    return t('sortStatus');
  },
};

/** True when anything narrows the list (the sort does not). */
export function isFiltered(f: CorpusFilter): boolean {
  return !!(f.query.trim() || f.tag || f.label || f.status || f.workedBy || f.entity);
}

/** The list_articles request for one page (only the filters that are set). */
export function listReq(f: CorpusFilter, annotator: string, offset: number, limit = PAGE): ListArticlesReq {
  const req: ListArticlesReq = { annotator, offset, limit };
  const q = f.query.trim();
  if (q) req.query = q;
  if (f.tag) req.tag = f.tag;
  if (f.label) req.label = f.label;
  if (f.status) req.status = f.status;
  if (f.workedBy) req.worked_by = f.workedBy;
  if (f.entity) req.entity = f.entity;
  if (f.sort !== 'id') req.sort = f.sort;
  return req;
}

/** Rows [first, last] (inclusive) to draw for a scroll position, with `overscan` extra rows each side. */
export function visibleRows(scrollTop: number, height: number, rowHeight: number, total: number, overscan = 6): { first: number; last: number } {
  if (total <= 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(total - 1, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return { first, last: Math.max(first - 1, last) };
}

/** Page numbers that hold rows [first, last]. */
export function pagesFor(first: number, last: number, page = PAGE): number[] {
  if (last < first) return [];
  const out: number[] = [];
  for (let p = Math.floor(first / page); p <= Math.floor(last / page); p++) out.push(p);
  return out;
}

export const unfinished = (a: ArticleSummary): boolean => a.status !== 'done';

/** Index of the first unfinished row after `from` in `rows` (a slice starting at row `base`), skipping `currentId`; -1 if none. */
export function firstUnfinished(rows: readonly ArticleSummary[], base: number, from: number, currentId: number | null): number {
  for (let i = Math.max(0, from - base); i < rows.length; i++) {
    const a = rows[i];
    if (a.id !== currentId && unfinished(a)) return base + i;
  }
  return -1;
}

/** "1,234 articles" with grouping, "1 article" / "2 articles" (Arabic: "مقال واحد", "مقالان", "1,234 مقالًا"). */
export function count(n: number, what: Noun, gen = false): string {
  return countIn(n, what, { num: n.toLocaleString('en-US'), gen });
}

/** Share of done / in progress / to do as percentages that add up to 100 (0 articles: all zero). */
export function shares(done: number, inProgress: number, todo: number): [number, number, number] {
  const total = done + inProgress + todo;
  if (total <= 0) return [0, 0, 0];
  const d = (100 * done) / total;
  const p = (100 * inProgress) / total;
  return [d, p, Math.max(0, 100 - d - p)];
}

/** Of two candidate rows, the one the list shows first under `sort` (ties and unknowns: `a`). */
export function firstInOrder(a: ArticleSummary | null, b: ArticleSummary | null, sort: Sort): ArticleSummary | null {
  if (!a || !b) return a ?? b;
  const rank = (s: Status) => (s === 'todo' ? 0 : s === 'in_progress' ? 1 : 2);
  let c = 0;
  if (sort === 'title') c = a.title.toLowerCase() < b.title.toLowerCase() ? -1 : a.title.toLowerCase() > b.title.toLowerCase() ? 1 : 0;
  else if (sort === 'spans') c = b.span_count - a.span_count;
  else if (sort === 'status') c = rank(a.status) - rank(b.status);
  if (c === 0) c = a.id - b.id;
  return c <= 0 ? a : b;
}
