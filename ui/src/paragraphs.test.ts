// Unit tests for paragraphs.ts: exact UTF-16 starts across \r\n, \n and \r.
import { describe, expect, it } from 'vitest';
import { paragraphAt, splitParagraphs } from './paragraphs';

describe('splitParagraphs', () => {
  it('splits at every kind of line break and keeps exact starts', () => {
    const text = 'أ😀\r\nب\n\nج\rEnd';
    const paras = splitParagraphs(text);
    expect(paras.map((p) => p.text)).toEqual(['أ😀', 'ب', '', 'ج', 'End']);
    for (const p of paras) expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text);
    expect(paras[1].start).toBe(5);
  });

  it('returns one empty paragraph for empty text and a trailing one after a final break', () => {
    expect(splitParagraphs('')).toEqual([{ start: 0, text: '' }]);
    expect(splitParagraphs('a\n').map((p) => p.text)).toEqual(['a', '']);
  });

  it('finds the paragraph containing an offset', () => {
    const paras = splitParagraphs('ab\r\ncd\nef');
    expect(paragraphAt(paras, 0)).toBe(0);
    expect(paragraphAt(paras, 3)).toBe(0); // inside \r\n
    expect(paragraphAt(paras, 4)).toBe(1);
    expect(paragraphAt(paras, 9)).toBe(2);
  });
});
