// Overlap layout: each span gets a lane (0 = outermost) so nested and overlapping spans stay visible apart.

export interface Interval {
  id: number;
  start: number;
  end: number;
}

/**
 * Lanes by greedy interval colouring: spans in text order (longer first at the same start), each in the
 * lowest lane whose last span has ended. A span inside another always gets a higher lane than it; spans
 * that do not overlap anything are in lane 0.
 */
export function assignLanes(spans: readonly Interval[]): Map<number, number> {
  const order = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  const laneEnds: number[] = [];
  const out = new Map<number, number>();
  for (const s of order) {
    let lane = laneEnds.findIndex((end) => end <= s.start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = s.end;
    out.set(s.id, lane);
  }
  return out;
}

/** The spans that contain code point `cp`, outermost first. */
export function spansAt<T extends Interval>(spans: readonly T[], cp: number): T[] {
  return spans.filter((s) => s.start <= cp && cp < s.end).sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
}

/** Spans in text order, and the one after / before `id` (wrapping), for keyboard navigation. */
export function neighbour<T extends Interval>(spans: readonly T[], id: number | null, dir: 1 | -1): T | null {
  if (spans.length === 0) return null;
  const order = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  const i = id === null ? -1 : order.findIndex((s) => s.id === id);
  if (i < 0) return dir > 0 ? order[0] : order[order.length - 1];
  return order[(i + dir + order.length) % order.length];
}
