// Snaps a code-point selection to grapheme clusters (never split harakat) and, by default, whole words.

import { cliticPrefixLength, wordSet, type CliticMode } from './clitics';
import { offsetsFor } from './offsets';

export interface CpRange {
  start: number;
  end: number;
}

const graphemeSeg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const wordSeg = new Intl.Segmenter(undefined, { granularity: 'word' });

let boundsCache: { text: string; marks: Uint8Array } | null = null;

/** 1 at every UTF-16 offset where a grapheme cluster starts, and at the end of the text. */
export function graphemeMarks(text: string): Uint8Array {
  if (boundsCache && boundsCache.text === text) return boundsCache.marks;
  const marks = new Uint8Array(text.length + 1);
  for (const s of graphemeSeg.segment(text)) marks[s.index] = 1;
  marks[text.length] = 1;
  boundsCache = { text, marks };
  return marks;
}

/** Grapheme boundaries as code-point offsets (for tests and checks). */
export function graphemeBoundariesCp(text: string): number[] {
  const marks = graphemeMarks(text);
  const off = offsetsFor(text);
  const out: number[] = [];
  for (let i = 0; i <= text.length; i++) if (marks[i]) out.push(off.utf16ToCp(i));
  return out;
}

function isSpace(text: string, i: number): boolean {
  return /\s/.test(text[i] ?? '');
}

/**
 * Snap `[startCp, endCp)` (either order) on `text`:
 * trims surrounding whitespace, widens to grapheme boundaries, and unless `exact`
 * widens to whole words and drops punctuation at the edges; with `clitics` = 'exclude' the clitic
 * prefixes of the first word (و ف ب ك ل before ال, see clitics.ts) are left out.
 * Returns null if nothing but whitespace is selected.
 */
export function snapRange(text: string, startCp: number, endCp: number, exact = false, clitics: CliticMode = 'include'): CpRange | null {
  const off = offsetsFor(text);
  let s = off.cpToUtf16(Math.min(startCp, endCp));
  let e = off.cpToUtf16(Math.max(startCp, endCp));
  while (s < e && isSpace(text, s)) s++;
  while (e > s && isSpace(text, e - 1)) e--;
  if (s >= e) return null;
  const marks = graphemeMarks(text);
  while (s > 0 && !marks[s]) s--;
  while (e < text.length && !marks[e]) e++;
  if (!exact) {
    const words = wordSeg.segment(text);
    let ws = s;
    let we = e;
    const first = words.containing(ws);
    if (first && first.isWordLike) ws = first.index;
    const last = words.containing(we - 1);
    if (last && last.isWordLike) we = last.index + last.segment.length;
    // Drop non-word segments (spaces, punctuation, emoji) at the edges.
    for (let seg = words.containing(ws); seg && ws < we && !seg.isWordLike; seg = words.containing(ws)) {
      ws = seg.index + seg.segment.length;
    }
    for (let seg = words.containing(we - 1); seg && ws < we && !seg.isWordLike; seg = words.containing(we - 1)) {
      we = seg.index;
    }
    if (ws < we) {
      s = ws;
      e = we;
    }
    if (clitics === 'exclude') {
      const seg = words.containing(s);
      if (seg && seg.isWordLike && seg.index === s) {
        const known = wordSet(text);
        const k = cliticPrefixLength(seg.segment, (stem) => known.has(stem));
        if (k > 0 && s + k < e) s += k;
      }
    }
  }
  return { start: off.utf16ToCp(s), end: off.utf16ToCp(e) };
}

/** The word under a caret at `cp` (the one after it, else the one before), snapped like a selection. */
export function wordAt(text: string, cp: number, clitics: CliticMode = 'include'): CpRange | null {
  const off = offsetsFor(text);
  const u = off.cpToUtf16(cp);
  const isWordChar = (i: number) => i >= 0 && i < text.length && /[\p{L}\p{M}\p{N}]/u.test(text[i]);
  if (isWordChar(u)) return snapRange(text, cp, cp + 1, false, clitics);
  if (isWordChar(u - 1)) return snapRange(text, off.utf16ToCp(u - 1), cp, false, clitics);
  return null;
}
