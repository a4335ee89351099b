// Unit tests for lanes.ts: nested and overlapping spans get distinct lanes; navigation in text order.
import { describe, expect, it } from 'vitest';
import { assignLanes, neighbour, spansAt } from './lanes';

describe('assignLanes', () => {
  it('puts a LOC inside an ORG one lane deeper', () => {
    const lanes = assignLanes([
      { id: 2, start: 10, end: 15 },
      { id: 1, start: 0, end: 20 },
    ]);
    expect(lanes.get(1)).toBe(0);
    expect(lanes.get(2)).toBe(1);
  });
  it('reuses lanes for spans that do not overlap', () => {
    const lanes = assignLanes([
      { id: 1, start: 0, end: 5 },
      { id: 2, start: 5, end: 9 },
      { id: 3, start: 20, end: 30 },
    ]);
    expect([...lanes.values()]).toEqual([0, 0, 0]);
  });
  it('crossing spans and three levels of nesting', () => {
    const lanes = assignLanes([
      { id: 1, start: 0, end: 10 },
      { id: 2, start: 5, end: 15 },
      { id: 3, start: 6, end: 8 },
      { id: 4, start: 0, end: 10 },
    ]);
    // 1 and 4 are the same place: longer-first then id order.
    expect([lanes.get(1), lanes.get(4), lanes.get(2), lanes.get(3)]).toEqual([0, 1, 2, 3]);
  });
});

describe('spansAt and neighbour', () => {
  const spans = [
    { id: 3, start: 30, end: 34 },
    { id: 1, start: 0, end: 20 },
    { id: 2, start: 10, end: 15 },
  ];
  it('lists the spans under a point, outermost first', () => {
    expect(spansAt(spans, 12).map((s) => s.id)).toEqual([1, 2]);
    expect(spansAt(spans, 20)).toEqual([]);
  });
  it('walks in text order and wraps', () => {
    expect(neighbour(spans, null, 1)?.id).toBe(1);
    expect(neighbour(spans, 1, 1)?.id).toBe(2);
    expect(neighbour(spans, 3, 1)?.id).toBe(1);
    expect(neighbour(spans, 1, -1)?.id).toBe(3);
    expect(neighbour([], null, 1)).toBeNull();
  });
});
