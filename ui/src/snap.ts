// Snaps a code-point selection to span edges (never split harakat) and, by default, whole words.
// The edge rule is the core's (src/text.rs): grapheme clusters, plus an edge before a join control
// (ZWNJ, ZWJ) whose cluster begins with a letter, digit, space or punctuation; tests/cases/edges.json
// holds the cases both sides are tested on.

import type { CliticMode, Cuts } from './clitics';
import { offsetsFor } from './offsets';

export interface CpRange {
  start: number;
  end: number;
}

const graphemeSeg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const wordSeg = new Intl.Segmenter(undefined, { granularity: 'word' });

let boundsCache: { text: string; marks: Uint8Array } | null = null;

const JOIN_CONTROL = /[\u200C\u200D]/;
/** A cluster beginning with one of these holds text, not an emoji (the core's `joins_text`). */
const JOINS_TEXT = /[\p{Alphabetic}\p{N}\p{White_Space}!-\/:-@[-`{-~\u2010-\u2027«»،؛؟٪٫٬۔]/u;

/** 1 at every UTF-16 offset where a span may start or end (the edge rule above), and at the end. */
export function graphemeMarks(text: string): Uint8Array {
  if (boundsCache && boundsCache.text === text) return boundsCache.marks;
  const marks = new Uint8Array(text.length + 1);
  for (const s of graphemeSeg.segment(text)) {
    marks[s.index] = 1;
    if (s.segment.length > 1 && JOINS_TEXT.test(String.fromCodePoint(s.segment.codePointAt(0) ?? 0))) {
      for (let i = 1; i < s.segment.length; i++) if (JOIN_CONTROL.test(s.segment[i])) marks[s.index + i] = 1;
    }
  }
  marks[text.length] = 1;
  boundsCache = { text, marks };
  return marks;
}

/** Span edges as code-point offsets (for tests and checks). */
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
 * prefix of the first word is left out where the core's clitic model (`cuts`) starts its stem.
 * Returns null if nothing but whitespace is selected.
 */
export function snapRange(text: string, startCp: number, endCp: number, exact = false, clitics: CliticMode = 'include', cuts?: Cuts): CpRange | null {
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
    if (clitics === 'exclude' && cuts) {
      const seg = words.containing(s);
      const stem = seg && seg.isWordLike && seg.index === s ? cuts.get(off.utf16ToCp(s)) : undefined;
      if (stem !== undefined && off.cpToUtf16(stem) < e) s = off.cpToUtf16(stem);
    }
  }
  return { start: off.utf16ToCp(s), end: off.utf16ToCp(e) };
}

/** The word under a caret at `cp` (the one after it, else the one before), snapped like a selection. */
export function wordAt(text: string, cp: number, clitics: CliticMode = 'include', cuts?: Cuts): CpRange | null {
  const off = offsetsFor(text);
  const u = off.cpToUtf16(cp);
  const isWordChar = (i: number) => i >= 0 && i < text.length && /[\p{L}\p{M}\p{N}]/u.test(text[i]);
  if (isWordChar(u)) return snapRange(text, cp, cp + 1, false, clitics, cuts);
  if (isWordChar(u - 1)) return snapRange(text, off.utf16ToCp(u - 1), cp, false, clitics, cuts);
  return null;
}
