import { describe, expect, it } from 'vitest';
import { nextAfter, onScreen, stops, walk } from './suggestWalk';

const spans = [
  { id: 7, start: 10, end: 15 },
  { id: 3, start: 40, end: 45 },
];
const sugg = [
  { id: 1, start: 0, end: 4 },
  { id: 2, start: 20, end: 26 },
  { id: 9, start: 50, end: 52 },
];

describe('walking spans and suggestions', () => {
  it('puts both in text order', () => {
    expect(stops(spans, sugg).map((s) => `${s.kind[1]}${s.id}`)).toEqual(['u1', 'p7', 'u2', 'p3', 'u9']);
  });
  it('steps forward and back, wrapping, and starts at an end when nothing is focused', () => {
    const list = stops(spans, sugg);
    expect(walk(list, null, 1)).toMatchObject({ kind: 'suggestion', id: 1 });
    expect(walk(list, null, -1)).toMatchObject({ kind: 'suggestion', id: 9 });
    expect(walk(list, { kind: 'span', id: 7 }, 1)).toMatchObject({ kind: 'suggestion', id: 2 });
    expect(walk(list, { kind: 'suggestion', id: 2 }, -1)).toMatchObject({ kind: 'span', id: 7 });
    expect(walk(list, { kind: 'suggestion', id: 9 }, 1)).toMatchObject({ kind: 'suggestion', id: 1 });
    // A span and a suggestion may share an id: the kind tells them apart.
    expect(walk(stops([{ id: 1, start: 5, end: 6 }], sugg), { kind: 'span', id: 1 }, 1)).toMatchObject({ kind: 'suggestion', id: 2 });
    // The focused one is gone (accepted): start again from the first.
    expect(walk(list, { kind: 'suggestion', id: 99 }, 1)).toMatchObject({ kind: 'suggestion', id: 1 });
    expect(walk([], null, 1)).toBeNull();
  });
  it('moves on to the next waiting suggestion after one is accepted or rejected', () => {
    const waiting = sugg.filter((s) => s.id !== 2);
    expect(nextAfter(waiting, { start: 20, end: 26 })).toMatchObject({ id: 9 });
    expect(nextAfter(sugg.filter((s) => s.id !== 9), { start: 50, end: 52 })).toMatchObject({ id: 1 });
    expect(nextAfter([], { start: 0, end: 1 })).toBeNull();
  });
});

describe('suggestions on screen', () => {
  const port = { top: 100, bottom: 500, left: 0, right: 800 };
  const box = (top: number, h = 20) => ({ top, bottom: top + h, left: 10, right: 60 });
  it('keeps boxes mostly inside the scroller, once per suggestion', () => {
    const ids = onScreen(
      [
        { id: 1, box: box(50) }, // above
        { id: 2, box: box(88) }, // 8 of 20 px inside: no
        { id: 3, box: box(95) }, // 15 of 20 px inside: yes
        { id: 4, box: box(300) },
        { id: 4, box: box(330) }, // a second line of the same suggestion
        { id: 5, box: box(495) }, // 5 px inside: no
        { id: 6, box: box(600) },
      ],
      port,
    );
    expect(ids).toEqual([3, 4]);
  });
});
