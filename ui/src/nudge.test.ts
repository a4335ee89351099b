import { describe, expect, it } from 'vitest';
import { nudge, sliceCp, wordsCp } from './nudge';

// Harakat, a Latin name, digits and an emoji before everything (a surrogate pair).
const T = '😀 زارَ وفدُ Siemens AG مدينةَ العلمين يوم 12 مارس.';
const cp = (s: string) => {
  const i = T.indexOf(s);
  const start = [...T.slice(0, i)].length;
  return { start, end: start + [...s].length };
};

describe('word nudging', () => {
  it('finds words as code points', () => {
    const words = wordsCp(T).map((w) => sliceCp(T, w));
    expect(words).toEqual(['زارَ', 'وفدُ', 'Siemens', 'AG', 'مدينةَ', 'العلمين', 'يوم', '12', 'مارس']);
  });

  it('moves the start one word earlier and later', () => {
    const r = cp('العلمين');
    expect(sliceCp(T, nudge(T, r, 'start', -1))).toBe('مدينةَ العلمين');
    const two = cp('Siemens AG');
    expect(sliceCp(T, nudge(T, two, 'start', 1))).toBe('AG');
  });

  it('moves the end one word later and earlier', () => {
    expect(sliceCp(T, nudge(T, cp('يوم'), 'end', 1))).toBe('يوم 12');
    expect(sliceCp(T, nudge(T, cp('يوم 12 مارس'), 'end', -1))).toBe('يوم 12');
  });

  it('never empties the span or runs off the text', () => {
    const one = cp('زارَ');
    expect(nudge(T, one, 'start', 1)).toEqual(one);
    expect(nudge(T, one, 'end', -1)).toEqual(one);
    expect(nudge(T, one, 'start', -1)).toEqual(one);
    const last = cp('مارس');
    expect(nudge(T, last, 'end', 1)).toEqual(last);
  });
});
