// Unit tests for arcs.ts: arcs point from source to target in right-to-left text, lanes stack nested and
// overlapping arcs, arcs across line breaks run to the line's edges, symmetric arcs have no arrowhead.
import { describe, expect, it } from 'vitest';
import { arrowHead, layoutArcs, lineBoxes, pathOf, type ArcEnd, type Box } from './arcs';

const box = (left: number, right: number, top = 100, h = 30): Box => ({ left, right, top, bottom: top + h });
const col = { left: 0, right: 1000 };
/** A span on one line, right to left (its start is further right). */
const end = (b: Box, start: number, rtl = true): ArcEnd => ({ lines: [b], col, rtl, start });

describe('layoutArcs', () => {
  it('runs from the source to the target, in right-to-left text too, with an arrow at the target', () => {
    // Source first in the text (on the right), target after it (on the left).
    const [p] = layoutArcs([{ id: 1, from: end(box(800, 900), 0), to: end(box(200, 300), 40), directed: true, labelW: 40 }]);
    expect(p.part).toBe('whole');
    expect(p.points[0]).toEqual([850, 100]);
    expect(p.points[p.points.length - 1]).toEqual([250, 100]);
    expect(p.arrow).toBe(true);
    // Above the line: every point at or above the boxes' top.
    for (const [, y] of p.points) expect(y).toBeLessThanOrEqual(100);
    expect(p.label).toEqual({ x: 550, y: 94 });
    // Reversed: the arrow reaches the span on the right.
    const [r] = layoutArcs([{ id: 1, from: end(box(200, 300), 40), to: end(box(800, 900), 0), directed: true, labelW: 40 }]);
    expect(r.points[0]).toEqual([250, 100]);
    expect(r.points[r.points.length - 1]).toEqual([850, 100]);
  });

  it('draws a symmetric relation without an arrowhead', () => {
    const [p] = layoutArcs([{ id: 1, from: end(box(800, 900), 0), to: end(box(200, 300), 40), directed: false, labelW: 40 }]);
    expect(p.arrow).toBe(false);
  });

  it('stacks a longer arc over a shorter one it spans, and keeps disjoint arcs in lane 0', () => {
    const a = end(box(800, 900), 0);
    const b = end(box(600, 700), 10);
    const c = end(box(200, 300), 40);
    const d = end(box(50, 100), 60);
    const out = layoutArcs([
      { id: 1, from: a, to: c, directed: true, labelW: 40 },
      { id: 2, from: a, to: b, directed: true, labelW: 40 },
      { id: 3, from: c, to: d, directed: true, labelW: 40 },
    ]);
    const lane = (id: number) => out.find((p) => p.id === id)!.lane;
    expect(lane(2)).toBe(0);
    expect(lane(1)).toBe(1);
    expect(lane(3)).toBe(0);
    expect(out.find((p) => p.id === 1)!.label.y).toBeLessThan(out.find((p) => p.id === 2)!.label.y);
  });

  it('caps the lanes (many relations share the top one)', () => {
    const arcs = Array.from({ length: 10 }, (_, i) => ({ id: i, from: end(box(800, 900), 0), to: end(box(100 + i, 150 + i), 50), directed: true, labelW: 30 }));
    const out = layoutArcs(arcs, { rise: 6, laneH: 9, maxLanes: 3, pad: 4 });
    expect(Math.max(...out.map((p) => p.lane))).toBe(2);
  });

  it('draws an arc across a line break in two pieces, to the end and from the start of the lines', () => {
    const from = end(box(700, 800, 100), 0);
    const to = end(box(850, 950, 160), 90);
    const out = layoutArcs([{ id: 7, from, to, directed: true, labelW: 40 }]);
    expect(out.map((p) => p.part)).toEqual(['out', 'in']);
    const [o, i] = out;
    // Right to left: the first line ends at the left edge, the second starts at the right edge.
    expect(o.points[0]).toEqual([750, 100]);
    expect(o.points[o.points.length - 1][0]).toBe(0);
    expect(o.arrow).toBe(false);
    expect(i.points[0][0]).toBe(1000);
    expect(i.points[i.points.length - 1]).toEqual([900, 160]);
    expect(i.arrow).toBe(true);
    // Each piece runs above its own line.
    expect(o.label.y).toBeLessThan(100);
    expect(i.label.y).toBeLessThan(160);
    expect(i.label.y).toBeGreaterThan(130);
    // Target earlier in the text: the arrow is on the first line's piece.
    const back = layoutArcs([{ id: 8, from: to, to: from, directed: true, labelW: 40 }]);
    expect(back.find((p) => p.part === 'out')!.arrow).toBe(true);
    expect(back.find((p) => p.part === 'in')!.arrow).toBe(false);
  });

  it('routes left-to-right text to the right edge', () => {
    const out = layoutArcs([{ id: 1, from: end(box(100, 200, 100), 0, false), to: end(box(10, 90, 160), 90, false), directed: true, labelW: 20 }]);
    expect(out[0].points[out[0].points.length - 1][0]).toBe(1000);
    expect(out[1].points[0][0]).toBe(0);
  });

  it('uses the closest boxes of spans that run over several lines', () => {
    const from: ArcEnd = { lines: [box(500, 900, 40), box(700, 1000, 100)], col, rtl: true, start: 0 };
    const [p] = layoutArcs([{ id: 1, from, to: end(box(200, 300), 80), directed: true, labelW: 20 }]);
    expect(p.part).toBe('whole');
    expect(p.points[0]).toEqual([850, 100]);
  });
});

describe('paths', () => {
  it('writes an SVG path and an arrowhead pointing down onto the target', () => {
    expect(pathOf([[1, 2], [3.14159, 4]])).toBe('M1 2 L3.1 4');
    const head = arrowHead([[10, 0], [10, 20]], 5);
    expect(head[0]).toEqual([10, 20]);
    for (const [, y] of head.slice(1)) expect(y).toBeCloseTo(15);
  });
});

describe('lineBoxes', () => {
  it('merges the rects of one line (bidi runs) and keeps lines apart, in order', () => {
    const out = lineBoxes([box(800, 900, 100), box(600, 700, 102, 26), box(700, 1000, 140)]);
    expect(out).toEqual([{ left: 600, top: 100, right: 900, bottom: 130 }, box(700, 1000, 140)]);
  });
});
