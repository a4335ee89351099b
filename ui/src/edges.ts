// Moving a span edge by a word or a grapheme, and which arrow key means which way in right-to-left text.

import { offsetsFor } from './offsets';
import { graphemeMarks, type CpRange } from './snap';
import { nudge, type Edge } from './nudge';

export type Unit = 'word' | 'grapheme';

/** Grapheme boundaries next to `cp`: the one before (dir -1) or after (+1), as code points. */
export function graphemeStep(text: string, cp: number, dir: -1 | 1): number {
  const off = offsetsFor(text);
  const marks = graphemeMarks(text);
  let u = off.cpToUtf16(cp) + dir;
  while (u > 0 && u < text.length && !marks[u]) u += dir;
  return off.utf16ToCp(Math.max(0, Math.min(text.length, u)));
}

/** Move one edge of `r` one unit earlier (-1) or later (+1) in the text; never empty, never outside. */
export function moveEdge(text: string, r: CpRange, edge: Edge, dir: -1 | 1, unit: Unit): CpRange {
  if (unit === 'word') return nudge(text, r, edge, dir);
  if (edge === 'start') {
    const s = graphemeStep(text, r.start, dir);
    return s < r.end && s !== r.start ? { start: s, end: r.end } : r;
  }
  const e = graphemeStep(text, r.end, dir);
  return e > r.start && e !== r.end ? { start: r.start, end: e } : r;
}

/**
 * An arrow key pressed on an edge: the edge moves the way the arrow points on screen. In a right-to-left
 * paragraph the text runs leftwards, so ← is one step later in the text (+1) and → one step earlier (-1);
 * in a left-to-right paragraph the other way round.
 */
export function arrowDir(key: 'ArrowLeft' | 'ArrowRight', rtl: boolean): -1 | 1 {
  const left = key === 'ArrowLeft';
  return left === rtl ? 1 : -1;
}

/** Snap a dragged edge position to a word boundary: the start to the start of the word at `cp`,
 * the end to the end of the word before `cp` (a handle dropped mid-word takes the whole word). */
export function snapEdge(cp: number, edge: Edge, words: CpRange[]): number {
  if (edge === 'start') {
    const w = words.find((w) => w.start <= cp && cp < w.end);
    return w ? w.start : cp;
  }
  const w = words.find((w) => w.start < cp && cp <= w.end);
  return w ? w.end : cp;
}
