// Pure review logic: disagreements in text order, keyboard navigation, how each one was resolved, analyst marks.

import type { DecisionLog, Disagreement, GoldSpan } from './bindings';
import { t } from './i18n';

/** A stable key for a disagreement (place, label and who has it). */
export const disKey = (d: Disagreement): string => `${d.start}:${d.end}:${d.label}:${d.has.join(',')}`;

/** Disagreements in text order: start, then end, then label, then who has them. */
export function inTextOrder(ds: readonly Disagreement[]): Disagreement[] {
  return [...ds].sort(
    (a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label) || a.has.join(',').localeCompare(b.has.join(',')),
  );
}

/** The list's versions grouped by place (a boundary, label or conflicting pair is one place, one disagreement):
 * for each place, the indices of its versions in `list` (which is in text order, so a place's versions are together). */
export function placesOf(list: readonly Disagreement[]): number[][] {
  const out: number[][] = [];
  let key: number | null = null;
  list.forEach((d, i) => {
    if (d.place !== key) out.push([]);
    key = d.place;
    out[out.length - 1].push(i);
  });
  return out;
}

/** The index after moving `dir` (+1 next, -1 previous) from `cur` (-1: none yet) in a list of `len`; stays at the ends. */
export function step(len: number, cur: number, dir: 1 | -1): number {
  if (len <= 0) return -1;
  if (cur < 0 || cur >= len) return dir > 0 ? 0 : len - 1;
  return Math.min(len - 1, Math.max(0, cur + dir));
}

/** Where the cursor goes after the list changed: the same disagreement if it is still there, else the
 * first one at or after the old place, else the last; -1 when there is none or there was no cursor. */
export function keepCursor(list: readonly Disagreement[], oldKey: string | null, oldStart: number): number {
  if (list.length === 0 || oldKey === null) return -1;
  const same = list.findIndex((d) => disKey(d) === oldKey);
  if (same >= 0) return same;
  const after = list.findIndex((d) => d.start >= oldStart);
  return after >= 0 ? after : list.length - 1;
}

export type Resolution = 'open' | 'accepted' | 'edited' | 'rejected' | 'other';

export const RESOLUTION_TEXT: Record<Resolution, string> = {
  get open() {
    return t('resOpen');
  },
  get accepted() {
    return t('resAccepted');
  },
  get edited() {
    return t('resEdited');
  },
  get rejected() {
    return t('resRejected');
  },
  get other() {
    return t('resOther');
  },
};

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.min(a.end, b.end) > Math.max(a.start, b.start);

/** How a disagreement stands against the gold layer and the decision log (latest decision wins). */
export function resolution(d: Disagreement, gold: readonly GoldSpan[], decisions: readonly DecisionLog[]): Resolution {
  if (gold.some((g) => g.start === d.start && g.end === d.end && g.label === d.label)) return 'accepted';
  if (gold.some((g) => g.decision === 'edited' && g.source_span_id !== null && d.span_ids.includes(g.source_span_id))) return 'edited';
  const last = [...decisions].reverse().find((x) => x.source_span_id !== null && d.span_ids.includes(x.source_span_id));
  if (last?.decision === 'rejected') return 'rejected';
  if (gold.some((g) => overlaps(g, d))) return 'other';
  return 'open';
}

/** The gold span exactly at a disagreement's place and label, if any. */
export function goldAt(d: Disagreement, gold: readonly GoldSpan[]): GoldSpan | undefined {
  return gold.find((g) => g.start === d.start && g.end === d.end && g.label === d.label);
}

/** Band patterns, one per analyst (in the order the analysts were chosen); lanes also differ. */
export const PATTERNS = ['solid', 'striped', 'dotted', 'checked'] as const;
export type Pattern = (typeof PATTERNS)[number];

export function patternOf(index: number): Pattern {
  return PATTERNS[((index % PATTERNS.length) + PATTERNS.length) % PATTERNS.length];
}

/** CSS background for a band of `color` (already a safe #rrggbb) drawn with `pattern`. */
export function bandBackground(pattern: Pattern, color: string): string {
  switch (pattern) {
    case 'solid':
      return color;
    case 'striped':
      return `repeating-linear-gradient(135deg, ${color} 0 3px, transparent 3px 6px)`;
    case 'dotted':
      return `radial-gradient(circle, ${color} 1.6px, transparent 1.8px) 0 0 / 5px 5px`;
    case 'checked':
      return `repeating-linear-gradient(90deg, ${color} 0 8px, transparent 8px 11px)`;
  }
}

/** Parse a list of analysts chosen in the review: the remembered ones still in the project, else a default. */
export function chooseAnnotators(all: readonly string[], remembered: readonly string[], reviewer: string): string[] {
  const kept = remembered.filter((a) => all.includes(a));
  if (kept.length >= 2) return kept;
  const others = all.filter((a) => a !== reviewer);
  return others.length >= 2 ? others : [...all];
}
