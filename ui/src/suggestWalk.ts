// Walking the open article's spans and waiting suggestions together in text order (] / [), and the suggestions
// whose boxes are on screen (accept all on screen). Pure.

export type StopKind = 'span' | 'suggestion';

export interface Stop {
  kind: StopKind;
  id: number;
  start: number;
  end: number;
}

interface Placed {
  id: number;
  start: number;
  end: number;
}

/** Spans and suggestions as one list in text order (longer first at one start; spans before suggestions). */
export function stops(spans: readonly Placed[], suggestions: readonly Placed[]): Stop[] {
  const all: Stop[] = [
    ...spans.map((s): Stop => ({ kind: 'span', id: s.id, start: s.start, end: s.end })),
    ...suggestions.map((s): Stop => ({ kind: 'suggestion', id: s.id, start: s.start, end: s.end })),
  ];
  const rank = (k: StopKind) => (k === 'span' ? 0 : 1);
  return all.sort((a, b) => a.start - b.start || b.end - a.end || rank(a.kind) - rank(b.kind) || a.id - b.id);
}

/** The stop after (dir 1) or before (dir -1) `current`, wrapping round; the first or last when nothing is focused
 * (or the focused one is gone). Null when there is nothing to walk. */
export function walk(list: readonly Stop[], current: { kind: StopKind; id: number } | null, dir: 1 | -1): Stop | null {
  if (list.length === 0) return null;
  const i = current ? list.findIndex((s) => s.kind === current.kind && s.id === current.id) : -1;
  if (i < 0) return dir > 0 ? list[0] : list[list.length - 1];
  return list[(i + dir + list.length) % list.length];
}

/** The waiting suggestion to focus after `gone` was accepted or rejected: the next one in text order after its
 * place (wrapping), among those still waiting. */
export function nextAfter(waiting: readonly Placed[], gone: { start: number; end: number }): Placed | null {
  if (waiting.length === 0) return null;
  const order = [...waiting].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  return order.find((s) => s.start >= gone.end || (s.start >= gone.start && s.end !== gone.end)) ?? order[0];
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Ids of the suggestions with a box at least half inside `port` vertically (a box cut by the edge of the
 * scroller counts when most of it shows). */
export function onScreen(boxes: readonly { id: number; box: Box }[], port: Box): number[] {
  const ids = new Set<number>();
  for (const { id, box } of boxes) {
    const h = box.bottom - box.top;
    const inside = Math.min(box.bottom, port.bottom) - Math.max(box.top, port.top);
    if (h > 0 && inside >= h / 2 && box.right > port.left && box.left < port.right) ids.add(id);
  }
  return [...ids];
}
