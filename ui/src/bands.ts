// One highlight per span per line: the client rects of a span (one per bidi run, so `12 فبراير` gives two) merged
// where they touch or overlap on a line, with rounded corners only where the span logically starts and ends. Pure.

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A merged box; `roundLeft`/`roundRight`: that side is one of the span's logical ends (rounded corners). */
export interface Band extends Rect {
  roundLeft: boolean;
  roundRight: boolean;
}

/** Two rects are on one line when their vertical extents overlap by more than half of the smaller height. */
function sameLine(a: Rect, b: Rect): boolean {
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return overlap > 0.5 * Math.min(a.bottom - a.top, b.bottom - b.top);
}

/**
 * Merge `rects` (a span's client rects in logical order, as Range.getClientRects gives them) into bands: rects on
 * one line that touch, overlap or lie within `gap` px of each other become one box spanning both.
 * `hasStart`/`hasEnd`: whether the first/last rect holds the span's logical start/end (false for the parts of a
 * span continuing from or into another paragraph). `rtl`: the direction at the span's start, for the side of
 * the start and end when a band's pieces do not tell it.
 */
export function mergeBands(rects: readonly Rect[], hasStart: boolean, hasEnd: boolean, rtl: boolean, gap = 2): Band[] {
  const lines: { rects: { r: Rect; i: number }[] }[] = [];
  rects.forEach((r, i) => {
    const line = lines.find((l) => sameLine(l.rects[0].r, r));
    if (line) line.rects.push({ r, i });
    else lines.push({ rects: [{ r, i }] });
  });
  const last = rects.length - 1;
  const out: Band[] = [];
  for (const line of lines) {
    const sorted = [...line.rects].sort((a, b) => a.r.left - b.r.left);
    let cur: { box: Rect; members: { r: Rect; i: number }[] } | null = null;
    const groups: { box: Rect; members: { r: Rect; i: number }[] }[] = [];
    for (const m of sorted) {
      if (cur && m.r.left <= cur.box.right + gap) {
        cur.box = { left: cur.box.left, right: Math.max(cur.box.right, m.r.right), top: Math.min(cur.box.top, m.r.top), bottom: Math.max(cur.box.bottom, m.r.bottom) };
        cur.members.push(m);
      } else {
        // Copied field by field: a DOMRect's fields are getters, which a spread would not copy.
        cur = { box: { left: m.r.left, top: m.r.top, right: m.r.right, bottom: m.r.bottom }, members: [m] };
        groups.push(cur);
      }
    }
    for (const g of groups) {
      let roundLeft = false;
      let roundRight = false;
      const side = (r: Rect, fallbackRight: boolean): 'left' | 'right' => {
        const atLeft = Math.abs(r.left - g.box.left) < 0.5;
        const atRight = Math.abs(r.right - g.box.right) < 0.5;
        if (atLeft !== atRight) return atRight ? 'right' : 'left';
        return fallbackRight ? 'right' : 'left';
      };
      const first = g.members.find((m) => m.i === 0);
      const end = g.members.find((m) => m.i === last);
      // The start is on the side where text of its direction begins; the end on the other.
      if (hasStart && first) {
        if (side(first.r, rtl) === 'right') roundRight = true;
        else roundLeft = true;
      }
      if (hasEnd && end) {
        if (side(end.r, !rtl) === 'right') roundRight = true;
        else roundLeft = true;
      }
      out.push({ ...g.box, roundLeft, roundRight });
    }
  }
  return out;
}
