// Relation arcs' geometry (pure): where an arc leaves and reaches its spans, the lane it runs in above the line,
// and its polyline from source to target. Arcs between spans on one line rise from the source's box, run in
// their lane and drop onto the target's box; an arc between lines is drawn in two pieces, each running from its
// span's box to the line's edge in the reading direction (the end of the first span's line, the start of the
// second's), so it stays readable in right-to-left text and across line breaks. Shorter arcs take lower lanes.

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** One end of a relation: its span's boxes (one per line, in text order), the paragraph's edges, its direction. */
export interface ArcEnd {
  lines: Box[];
  col: { left: number; right: number };
  rtl: boolean;
  /** The span's start (code points), to tell which end comes first in the text. */
  start: number;
}

export interface ArcInput {
  id: number;
  from: ArcEnd;
  to: ArcEnd;
  directed: boolean;
  /** The label's width (px), kept clear of other arcs' labels in the same lane. */
  labelW: number;
}

export interface ArcPiece {
  id: number;
  /** From the source side to the target side; the last segment drops onto the target when `arrow`. */
  points: [number, number][];
  /** Draw an arrowhead at the last point (directed arcs, on the piece that reaches the target). */
  arrow: boolean;
  label: { x: number; y: number };
  lane: number;
  /** 'whole' on one line; 'out' leaves the first span's line, 'in' reaches the second's. */
  part: 'whole' | 'out' | 'in';
}

export interface ArcOpts {
  /** Height of lane 0 above the line's top (px). */
  rise: number;
  /** Distance between lanes (px). */
  laneH: number;
  /** Lanes beyond this share the top one. */
  maxLanes: number;
  /** Space kept between two arcs in one lane (px). */
  pad: number;
}

export const ARC_DEFAULTS: ArcOpts = { rise: 6, laneH: 9, maxLanes: 4, pad: 4 };

/** Two boxes are on one line when their vertical extents overlap by more than half of the smaller height. */
export function sameLine(a: Box, b: Box): boolean {
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return overlap > 0.5 * Math.min(a.bottom - a.top, b.bottom - b.top);
}

const mid = (b: Box) => (b.left + b.right) / 2;

interface Draft {
  id: number;
  part: ArcPiece['part'];
  /** The box on this line the piece rises from (the line's anchor). */
  anchor: Box;
  /** x of the piece's two ends, source side first. */
  x0: number;
  x1: number;
  /** Tops the vertical legs start from (null: that end is the line's edge, no leg). */
  top0: number | null;
  top1: number | null;
  arrow: boolean;
  labelW: number;
}

/** The pieces of one relation, before lanes. */
function drafts(a: ArcInput): Draft[] {
  const fromFirst = a.from.start <= a.to.start;
  const first = fromFirst ? a.from : a.to;
  const second = fromFirst ? a.to : a.from;
  const p = first.lines[first.lines.length - 1];
  const q = second.lines[0];
  if (!p || !q) return [];
  const base = { id: a.id, labelW: a.labelW };
  if (sameLine(p, q)) {
    const [s, t] = fromFirst ? [p, q] : [q, p];
    return [{ ...base, part: 'whole', anchor: p.top <= q.top ? p : q, x0: mid(s), x1: mid(t), top0: s.top, top1: t.top, arrow: a.directed }];
  }
  // The first span's line ends at its left edge in right-to-left text; the second's line starts at its right edge.
  const outEdge = first.rtl ? first.col.left : first.col.right;
  const inEdge = second.rtl ? second.col.right : second.col.left;
  const out: Draft = fromFirst
    ? { ...base, part: 'out', anchor: p, x0: mid(p), x1: outEdge, top0: p.top, top1: null, arrow: false }
    : { ...base, part: 'out', anchor: p, x0: outEdge, x1: mid(p), top0: null, top1: p.top, arrow: a.directed };
  const inn: Draft = fromFirst
    ? { ...base, part: 'in', anchor: q, x0: inEdge, x1: mid(q), top0: null, top1: q.top, arrow: a.directed }
    : { ...base, part: 'in', anchor: q, x0: mid(q), x1: inEdge, top0: q.top, top1: null, arrow: false };
  return [out, inn];
}

/** The horizontal extent a piece needs in its lane: its run and its label. */
function extent(d: Draft, pad: number): [number, number] {
  const m = (d.x0 + d.x1) / 2;
  return [Math.min(d.x0, d.x1, m - d.labelW / 2) - pad, Math.max(d.x0, d.x1, m + d.labelW / 2) + pad];
}

/** Lay out every arc: pieces grouped by line, each line's pieces in lanes (shortest lowest, greedy). */
export function layoutArcs(arcs: readonly ArcInput[], opts: ArcOpts = ARC_DEFAULTS): ArcPiece[] {
  const all = arcs.flatMap(drafts);
  // Group the pieces by line (by their anchor box), top to bottom.
  const lines: { top: number; anchor: Box; items: Draft[] }[] = [];
  for (const d of [...all].sort((a, b) => a.anchor.top - b.anchor.top)) {
    const line = lines.find((l) => sameLine(l.anchor, d.anchor));
    if (line) {
      line.items.push(d);
      line.top = Math.min(line.top, d.anchor.top);
    } else lines.push({ top: d.anchor.top, anchor: d.anchor, items: [d] });
  }
  const out: ArcPiece[] = [];
  for (const line of lines) {
    const sized = line.items.map((d) => ({ d, ext: extent(d, opts.pad) }));
    sized.sort((a, b) => a.ext[1] - a.ext[0] - (b.ext[1] - b.ext[0]) || a.ext[0] - b.ext[0] || a.d.id - b.d.id);
    const lanes: [number, number][][] = [];
    for (const { d, ext } of sized) {
      let lane = lanes.findIndex((used) => used.every(([l, r]) => ext[1] <= l || ext[0] >= r));
      if (lane < 0) lane = lanes.length;
      lane = Math.min(lane, opts.maxLanes - 1);
      (lanes[lane] ??= []).push(ext);
      const y = line.top - opts.rise - lane * opts.laneH;
      const points: [number, number][] = [];
      if (d.top0 !== null) points.push([d.x0, d.top0]);
      points.push([d.x0, y], [d.x1, y]);
      if (d.top1 !== null) points.push([d.x1, d.top1]);
      out.push({ id: d.id, points, arrow: d.arrow, label: { x: (d.x0 + d.x1) / 2, y }, lane, part: d.part });
    }
  }
  return out;
}

/** An SVG path through the points. */
export function pathOf(points: readonly [number, number][]): string {
  return points.map(([x, y], i) => `${i ? 'L' : 'M'}${Math.round(x * 10) / 10} ${Math.round(y * 10) / 10}`).join(' ');
}

/** The arrowhead at the end of a piece (a small triangle pointing along its last segment). */
export function arrowHead(points: readonly [number, number][], size = 5): [number, number][] {
  const [x1, y1] = points[points.length - 1];
  const [x0, y0] = points[points.length - 2] ?? [x1, y1 - 1];
  const len = Math.hypot(x1 - x0, y1 - y0) || 1;
  const ux = (x1 - x0) / len;
  const uy = (y1 - y0) / len;
  return [
    [x1, y1],
    [x1 - ux * size - uy * size * 0.6, y1 - uy * size + ux * size * 0.6],
    [x1 - ux * size + uy * size * 0.6, y1 - uy * size - ux * size * 0.6],
  ];
}

/** A span's client rects (in text order) as one box per line, in line order. */
export function lineBoxes(rects: readonly Box[]): Box[] {
  const out: Box[] = [];
  for (const r of rects) {
    const i = out.findIndex((b) => sameLine(b, r));
    if (i < 0) out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    else out[i] = { left: Math.min(out[i].left, r.left), top: Math.min(out[i].top, r.top), right: Math.max(out[i].right, r.right), bottom: Math.max(out[i].bottom, r.bottom) };
  }
  return out;
}
