// Unit tests for snap.ts: grapheme clusters (harakat, emoji, \r\n) and whole-word snapping.
import { describe, expect, it } from 'vitest';
import { graphemeBoundariesCp, snapRange } from './snap';
import edgeCases from '../../tests/cases/edges.json';

const cpSlice = (t: string, r: { start: number; end: number } | null) => (r ? [...t].slice(r.start, r.end).join('') : null);
const cpIndex = (t: string, needle: string) => [...t.slice(0, t.indexOf(needle))].length;
const cpLen = (s: string) => [...s].length;

describe('snapRange (words)', () => {
  const text = 'قال المدير عبد اللطيف حموشي، إن FBI و IGEF 2025 نجحا.';

  it('keeps an exact whole-word selection', () => {
    const s = cpIndex(text, 'عبد');
    const r = snapRange(text, s, s + cpLen('عبد اللطيف حموشي'));
    expect(cpSlice(text, r)).toBe('عبد اللطيف حموشي');
  });

  it('extends a selection inside a word to the whole word', () => {
    const s = cpIndex(text, 'حموشي') + 1;
    expect(cpSlice(text, snapRange(text, s, s + 2))).toBe('حموشي');
  });

  it('drops spaces and punctuation at the edges', () => {
    const s = cpIndex(text, ' حموشي،');
    expect(cpSlice(text, snapRange(text, s, s + cpLen(' حموشي، ')))).toBe('حموشي');
  });

  it('accepts reversed ranges', () => {
    const s = cpIndex(text, 'FBI');
    expect(cpSlice(text, snapRange(text, s + 3, s))).toBe('FBI');
  });

  it('keeps Latin words and digits together', () => {
    const s = cpIndex(text, 'IGEF') + 2;
    expect(cpSlice(text, snapRange(text, s, s + cpLen('EF 20')))).toBe('IGEF 2025');
  });

  it('returns null for whitespace only', () => {
    const s = cpIndex(text, ' ');
    expect(snapRange(text, s, s + 1)).toBeNull();
  });

  it('keeps a punctuation-only selection as graphemes', () => {
    const s = cpIndex(text, '،');
    expect(cpSlice(text, snapRange(text, s, s + 1))).toBe('،');
  });
});

describe('snapRange (exact, Alt)', () => {
  it('never separates harakat from their letter', () => {
    const text = 'بِسْمِ اللَّهِ';
    // Select only "بِس" without the sukun of س: must extend over the sukun.
    const r = snapRange(text, 0, 3, true);
    expect(cpSlice(text, r)).toBe('بِسْ');
    // Starting on a haraka moves back to its letter.
    expect(snapRange(text, 1, 3, true)?.start).toBe(0);
  });

  it('keeps part of a word when exact', () => {
    const text = 'للمغرب';
    expect(cpSlice(text, snapRange(text, 2, 6, true))).toBe('مغرب');
    expect(cpSlice(text, snapRange(text, 2, 6, false))).toBe('للمغرب');
  });

  it('keeps a ZWJ emoji sequence whole', () => {
    const text = 'a 👩🏽‍💻 b';
    const r = snapRange(text, 3, 4, true);
    expect(cpSlice(text, r)).toBe('👩🏽‍💻');
  });

  it('keeps a flag whole and \\r\\n together', () => {
    const text = 'x🇲🇦y\r\nz';
    expect(cpSlice(text, snapRange(text, 1, 2, true))).toBe('🇲🇦');
    expect(graphemeBoundariesCp(text)).toEqual([0, 1, 3, 4, 6, 7]);
  });

  it('labels a name after an emoji with correct code points', () => {
    const text = '😀 حموشي\r\nفي الرباط';
    const s = cpIndex(text, 'حموشي');
    const r = snapRange(text, s, s + 5);
    expect(r).toEqual({ start: 2, end: 7 });
    expect(cpSlice(text, r)).toBe('حموشي');
  });
});

describe('the span-edge rule (tests/cases/edges.json, the same cases as the core)', () => {
  for (const c of edgeCases.cases) {
    it(c.name, () => expect(graphemeBoundariesCp(c.text)).toEqual(c.edges));
  }
  it('a label may stop at a ZWNJ: می of می‌خواهم, خبرگزاری of خبرگزاری‌ها', () => {
    const text = 'من می\u200cخواهم به خبرگزاری\u200cها';
    const s = cpIndex(text, 'می');
    expect(cpSlice(text, snapRange(text, s, s + 2, true))).toBe('می');
    const k = cpIndex(text, 'خبرگزاری');
    expect(cpSlice(text, snapRange(text, k, k + cpLen('خبرگزاری'), true))).toBe('خبرگزاری');
  });
  it('an emoji ZWJ sequence next to an Arabic word stays whole', () => {
    const text = 'المبرمجة👩🏽\u200d💻ليلى';
    const s = cpIndex(text, '👩');
    expect(cpSlice(text, snapRange(text, s + 1, s + 2, true))).toBe('👩🏽\u200d💻');
  });
});
