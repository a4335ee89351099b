import { describe, expect, it } from 'vitest';
import { mergeBands, type Rect } from './bands';

const r = (left: number, right: number, top = 100, h = 34): Rect => ({ left, right, top, bottom: top + h });

describe('mergeBands', () => {
  it('merges the two bidi runs of 12 فبراير (RTL line: the digits on the right) into one band', () => {
    // Logical order: "12 " (rightmost) then "فبراير" (left of it), touching.
    const bands = mergeBands([r(300, 330), r(240, 300)], true, true, true);
    expect(bands).toEqual([{ ...r(240, 330), roundLeft: true, roundRight: true }]);
  });
  it('merges كأس العالم 2030 (the LTR number at the logical end, on the left) with a sub-pixel seam', () => {
    const bands = mergeBands([r(400, 520), r(350.4, 399.6)], true, true, true);
    expect(bands).toHaveLength(1);
    expect(bands[0]).toMatchObject({ left: 350.4, right: 520, roundLeft: true, roundRight: true });
  });
  it('keeps one band per line, rounded only at the logical start (first line) and end (last line)', () => {
    // An RTL span wrapping: it starts at the right of line 1 and ends on the left part of line 2.
    const bands = mergeBands([r(100, 500, 100), r(300, 500, 168), r(250, 300, 168)], true, true, true);
    expect(bands).toEqual([
      { ...r(100, 500, 100), roundLeft: false, roundRight: true },
      { ...r(250, 500, 168), roundLeft: true, roundRight: false },
    ]);
  });
  it('rounds the left side first in left-to-right text', () => {
    const bands = mergeBands([r(10, 200, 100), r(10, 80, 168)], true, true, false);
    expect(bands).toEqual([
      { ...r(10, 200, 100), roundLeft: true, roundRight: false },
      { ...r(10, 80, 168), roundLeft: false, roundRight: true },
    ]);
  });
  it('leaves boxes apart when a gap separates them on a line, and squares a part continuing from another paragraph', () => {
    const bands = mergeBands([r(300, 330), r(100, 150)], false, true, true);
    expect(bands).toHaveLength(2);
    expect(bands.find((b) => b.left === 300)).toMatchObject({ roundLeft: false, roundRight: false });
    expect(bands.find((b) => b.left === 100)).toMatchObject({ roundLeft: true, roundRight: false });
  });
  it('merges overlapping rects (a taller glyph box) and keeps the union', () => {
    const bands = mergeBands([r(200, 260, 100, 34), r(250, 300, 98, 38)], true, true, false);
    expect(bands).toEqual([{ left: 200, right: 300, top: 98, bottom: 136, roundLeft: true, roundRight: true }]);
  });
  it('gives nothing for no rects', () => {
    expect(mergeBands([], true, true, true)).toEqual([]);
  });
});
