import { describe, expect, it } from 'vitest';
import type { ArticleSummary, Status } from './bindings';
import { firstInOrder, firstUnfinished, isFiltered, listReq, NO_FILTER, pagesFor, shares, visibleRows } from './corpusModel';

const a = (id: number, status: Status = 'todo', extra: Partial<ArticleSummary> = {}): ArticleSummary => ({ id, ext_id: '', title: `t${id}`, source: '', char_len: 1, span_count: 0, status, ...extra });

describe('corpus model', () => {
  it('sends only the filters that are set', () => {
    expect(listReq(NO_FILTER, 'Amina', 400)).toEqual({ annotator: 'Amina', offset: 400, limit: 200 });
    expect(listReq({ query: ' احمد ', tag: 'economy', label: 'PER', status: 'done', workedBy: 'Karim', entity: '', sort: 'spans' }, 'Amina', 0, 1000)).toEqual({
      annotator: 'Amina', offset: 0, limit: 1000, query: 'احمد', tag: 'economy', label: 'PER', status: 'done', worked_by: 'Karim', sort: 'spans',
    });
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, sort: 'title' })).toBe(false);
    expect(isFiltered({ ...NO_FILTER, query: '  ' })).toBe(false);
    expect(isFiltered({ ...NO_FILTER, workedBy: 'x' })).toBe(true);
  });

  it('draws only the rows in view, and knows their pages', () => {
    expect(visibleRows(0, 560, 56, 100000, 0)).toEqual({ first: 0, last: 10 });
    expect(visibleRows(56 * 5000, 560, 56, 100000, 2)).toEqual({ first: 4998, last: 5012 });
    expect(visibleRows(0, 560, 56, 3)).toEqual({ first: 0, last: 2 });
    expect(visibleRows(0, 560, 56, 0)).toEqual({ first: 0, last: -1 });
    expect(pagesFor(190, 215)).toEqual([0, 1]);
    expect(pagesFor(0, -1)).toEqual([]);
    expect(pagesFor(99990, 99999)).toEqual([499]);
  });

  it('finds the next unfinished row after the current one', () => {
    const rows = [a(1, 'done'), a(2), a(3, 'done'), a(4, 'in_progress')];
    expect(firstUnfinished(rows, 0, 0, null)).toBe(1);
    expect(firstUnfinished(rows, 0, 2, null)).toBe(3);
    expect(firstUnfinished(rows, 0, 0, 2)).toBe(3);
    expect(firstUnfinished(rows, 200, 202, null)).toBe(203);
    expect(firstUnfinished([a(1, 'done')], 0, 0, null)).toBe(-1);
  });

  it('orders two candidates as the list would', () => {
    expect(firstInOrder(a(5), a(3), 'id')?.id).toBe(3);
    expect(firstInOrder(a(5, 'todo', { span_count: 9 }), a(3), 'spans')?.id).toBe(5);
    expect(firstInOrder(a(1, 'in_progress'), a(9, 'todo'), 'status')?.id).toBe(9);
    expect(firstInOrder(a(1, 'todo', { title: 'b' }), a(2, 'todo', { title: 'A' }), 'title')?.id).toBe(2);
    expect(firstInOrder(null, a(2), 'id')?.id).toBe(2);
  });

  it('splits the progress bar into shares that add up to 100', () => {
    expect(shares(0, 0, 0)).toEqual([0, 0, 0]);
    const [d, p, t] = shares(1, 1, 1);
    expect(d + p + t).toBeCloseTo(100);
  });
});
