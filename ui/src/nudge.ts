// Moving a span edge by one whole word (code points), for the review editor's keyboard resizing.

import { offsetsFor } from './offsets';
import type { CpRange } from './snap';

const wordSeg = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Word-like segments of `text` as code-point ranges, in order. */
export function wordsCp(text: string): CpRange[] {
  const off = offsetsFor(text);
  const out: CpRange[] = [];
  for (const s of wordSeg.segment(text)) {
    if (s.isWordLike) out.push({ start: off.utf16ToCp(s.index), end: off.utf16ToCp(s.index + s.segment.length) });
  }
  return out;
}

export type Edge = 'start' | 'end';

/**
 * Move one edge of `r` by a word: the start to the previous word's start (dir -1) or the next word's
 * start (+1); the end to the previous word's end (-1) or the next word's end (+1). The range never
 * becomes empty; when there is no word to move to, `r` comes back unchanged.
 */
export function nudge(text: string, r: CpRange, edge: Edge, dir: -1 | 1): CpRange {
  const words = wordsCp(text);
  if (edge === 'start') {
    const starts = words.map((w) => w.start);
    const to = dir < 0 ? [...starts].reverse().find((s) => s < r.start) : starts.find((s) => s > r.start && s < r.end);
    return to === undefined ? r : { start: to, end: r.end };
  }
  const ends = words.map((w) => w.end);
  const to = dir > 0 ? ends.find((e) => e > r.end) : [...ends].reverse().find((e) => e < r.end && e > r.start);
  return to === undefined ? r : { start: r.start, end: to };
}

/** Code-point slice of `text`. */
export function sliceCp(text: string, r: CpRange): string {
  const off = offsetsFor(text);
  return text.slice(off.cpToUtf16(r.start), off.cpToUtf16(r.end));
}
