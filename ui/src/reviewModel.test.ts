import { describe, expect, it } from 'vitest';
import type { DecisionLog, Disagreement, GoldSpan } from './bindings';
import { bandBackground, chooseAnnotators, disKey, inTextOrder, keepCursor, patternOf, placesOf, resolution, step } from './reviewModel';

const dis = (start: number, end: number, label: string, has: string[], span_ids: number[], kind: Disagreement['kind'] = 'missing', place = 0): Disagreement => ({
  place,
  start,
  end,
  label,
  text: '',
  kind,
  has,
  span_ids,
  lacks: [],
});
const gold = (id: number, start: number, end: number, label: string, decision = 'accepted', source_span_id: number | null = null): GoldSpan => ({
  id,
  article_id: 1,
  start,
  end,
  label,
  text: '',
  reviewer: 'R',
  decision,
  source_span_id,
  created_at: '',
  attrs: {},
});
const log = (decision: string, source_span_id: number | null): DecisionLog => ({ reviewer: 'R', decision, source_span_id, start: null, end: null, label: null, created_at: '', detail: '' });

describe('disagreement order and navigation', () => {
  const list = inTextOrder([dis(20, 30, 'ORG', ['b'], [4]), dis(10, 15, 'PER', ['b'], [2]), dis(10, 15, 'LOC', ['a'], [1]), dis(10, 12, 'PER', ['a'], [3])]);

  it('sorts by start, end, label, analysts', () => {
    expect(list.map(disKey)).toEqual(['10:12:PER:a', '10:15:LOC:a', '10:15:PER:b', '20:30:ORG:b']);
  });

  it('steps forward and back, starting from nothing, staying at the ends', () => {
    expect(step(4, -1, 1)).toBe(0);
    expect(step(4, -1, -1)).toBe(3);
    expect(step(4, 0, 1)).toBe(1);
    expect(step(4, 3, 1)).toBe(3);
    expect(step(4, 0, -1)).toBe(0);
    expect(step(0, -1, 1)).toBe(-1);
    expect(step(2, 7, -1)).toBe(1);
  });

  it('keeps the cursor on the same disagreement, or the next place', () => {
    expect(keepCursor(list, '10:15:PER:b', 10)).toBe(2);
    expect(keepCursor(list, 'gone', 11)).toBe(3);
    expect(keepCursor(list, 'gone', 99)).toBe(3);
    expect(keepCursor(list, null, 0)).toBe(-1);
    expect(keepCursor([], 'x', 0)).toBe(-1);
  });
});

describe('resolution', () => {
  const d = dis(10, 15, 'PER', ['a'], [7]);
  it('is open with nothing decided', () => expect(resolution(d, [], [])).toBe('open'));
  it('is accepted when gold has exactly this span', () => expect(resolution(d, [gold(1, 10, 15, 'PER')], [log('accepted', 7)])).toBe('accepted'));
  it('is edited when gold has an edited span from it', () => expect(resolution(d, [gold(1, 8, 15, 'LOC', 'edited', 7)], [log('edited', 7)])).toBe('edited'));
  it('is rejected when its last decision is a rejection', () => expect(resolution(d, [], [log('accepted', 7), log('rejected', 7)])).toBe('rejected'));
  it('is accepted again after a rejection', () => expect(resolution(d, [gold(2, 10, 15, 'PER')], [log('rejected', 7), log('accepted', 7)])).toBe('accepted'));
  it('notes another version in gold', () => expect(resolution(d, [gold(1, 10, 15, 'LOC', 'accepted', 9)], [log('accepted', 9)])).toBe('other'));
  it('ignores gold elsewhere', () => expect(resolution(d, [gold(1, 15, 20, 'PER')], [])).toBe('open'));
});

describe('analyst marks and choice', () => {
  it('gives each analyst a pattern, cycling', () => {
    expect([0, 1, 2, 3, 4].map(patternOf)).toEqual(['solid', 'striped', 'dotted', 'checked', 'solid']);
    expect(bandBackground('solid', '#123456')).toBe('#123456');
    expect(bandBackground('striped', '#123456')).toContain('repeating-linear-gradient');
  });

  it('keeps remembered analysts still in the project, else everyone but the reviewer', () => {
    expect(chooseAnnotators(['a', 'b', 'c', 'R'], ['b', 'c', 'gone'], 'R')).toEqual(['b', 'c']);
    expect(chooseAnnotators(['a', 'b', 'R'], ['b'], 'R')).toEqual(['a', 'b']);
    expect(chooseAnnotators(['a', 'R'], [], 'R')).toEqual(['a', 'R']);
  });
});

describe('places', () => {
  it('groups the versions of one place (a pair is one disagreement), in text order', () => {
    const list = inTextOrder([
      dis(10, 15, 'LOC', ['a'], [1], 'label', 0),
      dis(10, 15, 'ORG', ['b'], [2], 'label', 0),
      dis(20, 30, 'DATE', ['a'], [3], 'boundary', 1),
      dis(22, 30, 'DATE', ['b'], [4], 'boundary', 1),
      dis(40, 45, 'PER', ['a'], [5], 'missing', 2),
    ]);
    expect(placesOf(list)).toEqual([[0, 1], [2, 3], [4]]);
    expect(placesOf([])).toEqual([]);
  });
});
