// Whether a selection about to be labelled is suspiciously long (a runaway drag): it crosses a line break, or it
// is far longer than any span the project has. Pure, so the rule is tested without a page.

import type { CpRange } from './snap';

/** Below this many code points a selection never asks, whatever the project's spans. */
export const ALWAYS_OK = 80;

/** Why a selection of `text` at `r` should be confirmed before it is saved, or null when it looks like a span.
 * `longest` is the longest span in the project (code points). */
export function runaway(text: string, r: CpRange, longest: number): { length: number; lines: number } | null {
  const slice = [...text].slice(r.start, r.end).join('');
  const length = r.end - r.start;
  const lines = slice.split('\n').length;
  if (lines > 1 || length > Math.max(ALWAYS_OK, 2 * longest)) return { length, lines };
  return null;
}

/** A long text cut to about `max` code points: its beginning and its end, cut at spaces, with " … " between. */
export function excerpt(s: string, max = 160): string {
  const cps = [...s];
  if (cps.length <= max) return s;
  let head = cps.slice(0, Math.round(max * 0.6)).join('');
  let tail = cps.slice(cps.length - Math.round(max * 0.3)).join('');
  const cut = head.lastIndexOf(' ');
  if (cut > head.length / 2) head = head.slice(0, cut);
  const from = tail.indexOf(' ');
  if (from >= 0 && from < tail.length / 2) tail = tail.slice(from + 1);
  return `${head.trimEnd()} … ${tail.trimStart()}`;
}
