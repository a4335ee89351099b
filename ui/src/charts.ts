// Inline SVG plots built with DOM APIs (no library, no innerHTML): the agreement heatmap and horizontal bars.

import { safeColor } from './dom';
import { barWidth, fmt, heat, inkOn } from './scale';

const NS = 'http://www.w3.org/2000/svg';
type Attrs = Record<string, string | number>;

/** An SVG element; string children become text nodes (untrusted names stay text). */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

/** Rough width of a label in px (SVG cannot measure before it is in the page). */
const textWidth = (s: string, px = 13) => Math.max(...s.split('\n').map((l) => l.length)) * px * 0.6;

/** A name that fits `maxPx`: cut with "…" when too long, the whole name then in a tooltip. */
export function fitName(name: string, maxPx: number, px = 13): (Node | string)[] {
  if (textWidth(name, px) <= maxPx) return [name];
  const chars = Math.max(1, Math.floor(maxPx / (px * 0.6)) - 1);
  return [`${[...name].slice(0, chars).join('')}…`, svg('title', {}, name)];
}

/**
 * An analyst × analyst matrix: each cell coloured by `value(i, j)` on [min, max] with the value
 * printed; the diagonal is left blank.
 */
export function heatmap(names: readonly string[], value: (i: number, j: number) => number | null, title: string, min = 0, max = 1): SVGSVGElement {
  const cell = 74;
  const left = Math.min(160, Math.max(60, ...names.map((n) => textWidth(n))) + 12);
  const top = 34;
  const n = names.length;
  const root = svg('svg', { width: left + n * cell + 4, height: top + n * cell + 4, role: 'img', class: 'heatmap', 'aria-label': title });
  root.append(svg('title', {}, title));
  names.forEach((name, j) => root.append(svg('text', { x: left + j * cell + cell / 2, y: top - 10, 'text-anchor': 'middle', class: 'axis' }, ...fitName(name, cell - 6))));
  names.forEach((name, i) => {
    root.append(svg('text', { x: left - 8, y: top + i * cell + cell / 2 + 4, 'text-anchor': 'end', class: 'axis' }, ...fitName(name, left - 12)));
    names.forEach((other, j) => {
      const x = left + j * cell;
      const y = top + i * cell;
      if (i === j) {
        root.append(svg('rect', { x, y, width: cell - 2, height: cell - 2, class: 'cell-empty' }));
        root.append(svg('text', { x: x + cell / 2 - 1, y: y + cell / 2 + 4, 'text-anchor': 'middle', class: 'cell-text cell-none' }, '—'));
        return;
      }
      const v = value(i, j);
      const g = svg('g', { class: 'cell', 'data-a': name, 'data-b': other, 'data-value': v === null ? 'null' : String(v) });
      g.append(svg('title', {}, `${name} × ${other}: ${fmt(v)}`));
      g.append(svg('rect', { x, y, width: cell - 2, height: cell - 2, rx: 4, fill: heat(v, min, max) }));
      g.append(svg('text', { x: x + cell / 2 - 1, y: y + cell / 2 + 5, 'text-anchor': 'middle', class: 'cell-text', fill: inkOn(v, min, max) }, fmt(v)));
      root.append(g);
    });
  });
  return root;
}

export interface Series {
  name: string;
  color: string;
}

export interface BarRow {
  label: string;
  values: (number | null)[];
}

/** Grouped horizontal bars, one group per row and one bar per series, on [0, max], values printed. */
export function bars(rows: readonly BarRow[], series: readonly Series[], title: string, max = 1): SVGSVGElement {
  const width = 300;
  const bar = 14;
  const gap = 10;
  const left = Math.min(160, Math.max(50, ...rows.map((r) => textWidth(r.label))) + 12);
  const group = series.length * (bar + 2) + gap;
  const legendH = 24;
  const h = legendH + rows.length * group + 6;
  const root = svg('svg', { width: left + width + 60, height: h, role: 'img', class: 'bars', 'aria-label': title });
  root.append(svg('title', {}, title));
  series.forEach((s, k) => {
    const x = left + k * 130;
    root.append(svg('rect', { x, y: 4, width: 12, height: 12, rx: 2, fill: safeColor(s.color) }));
    root.append(svg('text', { x: x + 16, y: 14, class: 'axis' }, s.name));
  });
  root.append(svg('line', { x1: left, x2: left, y1: legendH - 2, y2: h, class: 'axis-line' }));
  root.append(svg('line', { x1: left + width, x2: left + width, y1: legendH - 2, y2: h, class: 'grid-line', 'stroke-dasharray': '3 3' }));
  rows.forEach((r, i) => {
    const y0 = legendH + i * group;
    root.append(svg('text', { x: left - 8, y: y0 + (series.length * (bar + 2)) / 2 + 4, 'text-anchor': 'end', class: 'axis' }, ...fitName(r.label, left - 12)));
    series.forEach((s, k) => {
      const v = r.values[k] ?? null;
      const y = y0 + k * (bar + 2);
      const w = barWidth(v, width, max);
      const g = svg('g', { class: 'bar', 'data-row': r.label, 'data-series': s.name, 'data-value': v === null ? 'null' : String(v) });
      g.append(svg('title', {}, `${r.label} — ${s.name}: ${fmt(v)}`));
      g.append(svg('rect', { x: left, y, width: Math.max(w, 0.5), height: bar, fill: safeColor(s.color) }));
      g.append(svg('text', { x: left + w + 4, y: y + bar - 3, class: 'bar-text' }, fmt(v)));
      root.append(g);
    });
  });
  return root;
}

export interface StackPart {
  label: string;
  color: string;
  value: number;
}

/** One stacked horizontal bar per row (counts), total printed at the end. */
export function stacked(rows: readonly { label: string; parts: StackPart[] }[], title: string): SVGSVGElement {
  const width = 320;
  const bar = 16;
  const gap = 8;
  const left = Math.min(160, Math.max(50, ...rows.map((r) => textWidth(r.label))) + 12);
  const max = Math.max(1, ...rows.map((r) => r.parts.reduce((a, p) => a + p.value, 0)));
  const root = svg('svg', { width: left + width + 60, height: rows.length * (bar + gap) + 6, role: 'img', class: 'bars', 'aria-label': title });
  root.append(svg('title', {}, title));
  rows.forEach((r, i) => {
    const y = i * (bar + gap) + 4;
    root.append(svg('text', { x: left - 8, y: y + bar - 3, 'text-anchor': 'end', class: 'axis' }, ...fitName(r.label, left - 12)));
    let x = left;
    for (const p of r.parts) {
      const w = (p.value / max) * width;
      if (w <= 0) continue;
      const rect = svg('rect', { x, y, width: w, height: bar, fill: safeColor(p.color), 'data-part': p.label });
      rect.append(svg('title', {}, `${r.label} — ${p.label}: ${p.value}`));
      root.append(rect);
      x += w;
    }
    root.append(svg('text', { x: x + 4, y: y + bar - 3, class: 'bar-text' }, String(r.parts.reduce((a, p) => a + p.value, 0))));
  });
  return root;
}
