// Unit tests for edges.ts: word and grapheme steps (harakat, emoji), arrow directions in RTL and LTR.
import { describe, expect, it } from 'vitest';
import { arrowDir, graphemeStep, moveEdge, snapEdge } from './edges';
import { sliceCp, wordsCp } from './nudge';

const T = 'زارَ وفدُ 😀 IGEF 2025 مدينةَ العلمين';
const cp = (s: string) => {
  const i = T.indexOf(s);
  const start = [...T.slice(0, i)].length;
  return { start, end: start + [...s].length };
};

describe('moveEdge', () => {
  it('moves by a word', () => {
    expect(sliceCp(T, moveEdge(T, cp('مدينةَ'), 'end', 1, 'word'))).toBe('مدينةَ العلمين');
    expect(sliceCp(T, moveEdge(T, cp('مدينةَ'), 'start', -1, 'word'))).toBe('2025 مدينةَ');
  });
  it('moves by a grapheme, keeping harakat with their letter', () => {
    // وفدُ: shrinking the end drops دُ together.
    expect(sliceCp(T, moveEdge(T, cp('وفدُ'), 'end', -1, 'grapheme'))).toBe('وف');
    expect(sliceCp(T, moveEdge(T, cp('وفدُ'), 'start', 1, 'grapheme'))).toBe('فدُ');
    expect(sliceCp(T, moveEdge(T, cp('زارَ'), 'end', 1, 'grapheme'))).toBe('زارَ ');
  });
  it('steps over an emoji as one grapheme', () => {
    const r = cp('😀');
    expect(graphemeStep(T, r.start, 1)).toBe(r.end);
    expect(sliceCp(T, moveEdge(T, { start: r.end, end: r.end + 1 }, 'start', -1, 'grapheme'))).toBe('😀 ');
  });
  it('never empties or leaves the text', () => {
    const r = cp('وفدُ');
    const one = moveEdge(T, r, 'end', -1, 'grapheme');
    expect(moveEdge(T, { start: r.start, end: r.start + 1 }, 'end', -1, 'grapheme')).toEqual({ start: r.start, end: r.start + 1 });
    expect(one.end).toBeGreaterThan(one.start);
    expect(moveEdge(T, { start: 0, end: 3 }, 'start', -1, 'grapheme')).toEqual({ start: 0, end: 3 });
  });
});

describe('arrowDir', () => {
  it('← is later in right-to-left text, earlier in left-to-right', () => {
    expect(arrowDir('ArrowLeft', true)).toBe(1);
    expect(arrowDir('ArrowRight', true)).toBe(-1);
    expect(arrowDir('ArrowLeft', false)).toBe(-1);
    expect(arrowDir('ArrowRight', false)).toBe(1);
  });
});

describe('snapEdge', () => {
  it('takes whole words when a handle is dropped inside one', () => {
    const words = wordsCp(T);
    const m = cp('مدينةَ');
    expect(snapEdge(m.start + 2, 'start', words)).toBe(m.start);
    expect(snapEdge(m.start + 2, 'end', words)).toBe(m.end);
    expect(snapEdge(m.end, 'end', words)).toBe(m.end);
  });
});
