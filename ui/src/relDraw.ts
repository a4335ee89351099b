// Draws the open article's relations as arcs above the lines (an SVG over the text, in the gaps between lines)
// with their type as a label, and span attribute badges under the highlights; repainted only when they change.

import { ARC_DEFAULTS, arrowHead, layoutArcs, lineBoxes, pathOf, type ArcEnd, type ArcInput, type Box } from './arcs';
import type { Relation, Span } from './bindings';
import { safeColor } from './dom';
import { cpRects } from './geometry';
import { startsRtl } from './highlightModel';
import { attrBadge } from './relModel';
import { state } from './state';
import type { TextView } from './textView';

const SVG = 'http://www.w3.org/2000/svg';
/** Label font size (px) and an estimate of a character's width, to keep labels apart in a lane. */
const LABEL_CHAR_W = 6.4;
/** Arcs are drawn for the spans within this many px of the viewport (scrolling draws the next ones). */
const ARC_MARGIN = 300;

/** What the arcs layer shows besides the stored relations: the focused relation and a relation being made. */
export interface ArcState {
  focus: number | null;
  /** Linking: the source span and the span the target would be (a dashed preview arc), if any. */
  preview: { from: number; to: number | null } | null;
}

let painted = '';

export const typeOf = (name: string) => state.project?.relation_types.find((r) => r.name === name);

/** Does the article need the wider line spacing (it has relations or attribute badges to show)? */
export function needsSpacing(): boolean {
  const v = state.view;
  if (!v) return false;
  return v.relations.length > 0 || v.spans.some((s) => attrBadge(s.label, s.attrs, state.project?.attributes ?? []) !== '');
}

function endOf(view: TextView, span: Span, base: DOMRect, paras: Map<number, { col: { left: number; right: number }; rtl: boolean }>): ArcEnd | null {
  const rel = (r: Box): Box => ({ left: r.left - base.left, right: r.right - base.left, top: r.top - base.top, bottom: r.bottom - base.top });
  const lines = lineBoxes(cpRects(view, span).map(rel));
  if (lines.length === 0) return null;
  const pi = view.paragraphOfCp(span.start);
  let p = paras.get(pi);
  if (!p) {
    const b = view.elements[pi].getBoundingClientRect();
    p = { col: { left: b.left - base.left, right: b.right - base.left }, rtl: startsRtl(view.paras[pi].text) };
    paras.set(pi, p);
  }
  return { lines, col: p.col, rtl: p.rtl, start: span.start };
}

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/** Draw the arcs of the relations near the viewport, and the attribute badges of the spans there. */
export function drawRelations(layer: HTMLElement, view: TextView, port: { top: number; bottom: number }, st: ArcState): void {
  const v = state.view;
  if (!v) return;
  const base = layer.getBoundingClientRect();
  const vis = view.visibleParagraphs(port, ARC_MARGIN);
  const near = (s: Span) => {
    if (!vis) return false;
    const [a, b] = view.paragraphsOfCp(s.start, s.end);
    return b >= vis[0] && a <= vis[1];
  };
  const byId = new Map(v.spans.map((s) => [s.id, s]));
  const paras = new Map<number, { col: { left: number; right: number }; rtl: boolean }>();
  const ends = new Map<number, ArcEnd | null>();
  const endFor = (s: Span) => {
    if (!ends.has(s.id)) ends.set(s.id, endOf(view, s, base, paras));
    return ends.get(s.id) ?? null;
  };
  const inputs: ArcInput[] = [];
  const shown: Relation[] = [];
  for (const r of v.relations) {
    const a = byId.get(r.from);
    const b = byId.get(r.to);
    if (!a || !b || (!near(a) && !near(b))) continue;
    const from = endFor(a);
    const to = endFor(b);
    if (!from || !to) continue;
    inputs.push({ id: r.id, from, to, directed: typeOf(r.type)?.directed ?? true, labelW: r.type.length * LABEL_CHAR_W + 10 });
    shown.push(r);
  }
  const pv = st.preview;
  const pa = pv && byId.get(pv.from);
  const pb = pv && pv.to !== null && pv.to !== pv.from ? byId.get(pv.to) : undefined;
  if (pa && pb) {
    const from = endFor(pa);
    const to = endFor(pb);
    if (from && to) inputs.push({ id: -1, from, to, directed: true, labelW: 20 });
  }
  const pieces = layoutArcs(inputs, ARC_DEFAULTS);
  const badges: { span: Span; text: string; box: Box; rtl: boolean }[] = [];
  const defs = state.project?.attributes ?? [];
  for (const s of v.spans) {
    const text = attrBadge(s.label, s.attrs, defs);
    if (!text || !near(s)) continue;
    const e = endFor(s);
    if (e) badges.push({ span: s, text, box: e.lines[0], rtl: e.rtl });
  }
  const relOf = new Map(shown.map((r) => [r.id, r]));
  const sig = JSON.stringify([pieces, [...relOf.values()].map((r) => [r.id, r.type, r.annotator, r.note]), st.focus, state.analyst, badges.map((b) => [b.span.id, b.text, b.box]), defs.length, state.project?.relation_types]);
  if (sig === painted && layer.isConnected) return;
  painted = sig;
  const svg = svgEl('svg', { class: 'rel-svg' });
  const labels: HTMLElement[] = [];
  for (const p of pieces) {
    const r = relOf.get(p.id);
    const color = r ? safeColor(typeOf(r.type)?.color ?? '') : '#868e96';
    const mine = !r || r.annotator === state.analyst;
    const cls = `${r ? '' : ' rel-preview'}${mine ? '' : ' rel-other'}${r && r.id === st.focus ? ' rel-focus' : ''}`;
    const g = svgEl('g', { class: `rel${cls}`, 'data-rel-id': String(p.id), 'data-part': p.part });
    const d = pathOf(p.points);
    g.append(svgEl('path', { class: 'rel-hit', d }), svgEl('path', { class: 'rel-arc', d, stroke: color }));
    if (p.arrow) g.append(svgEl('polygon', { class: 'rel-head', points: arrowHead(p.points).map(([x, y]) => `${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`).join(' '), fill: color }));
    svg.append(g);
    if (!r) continue;
    const l = document.createElement('div');
    l.className = `rel-label${cls}`;
    l.dataset.relId = String(r.id);
    l.dataset.part = p.part;
    l.textContent = p.part === 'in' ? `${r.type} ↩` : r.type;
    l.style.cssText = `left:${Math.round(p.label.x)}px;top:${Math.round(p.label.y)}px;border-color:${color};color:${color}`;
    if (r.note) l.title = r.note;
    labels.push(l);
  }
  for (const b of badges) {
    const d = document.createElement('div');
    d.className = 'attr-badge';
    d.dataset.spanId = String(b.span.id);
    d.textContent = b.text;
    d.dir = 'auto';
    // Under the span's start corner (its right edge in right-to-left text).
    d.style.cssText = b.rtl ? `right:${Math.round(base.width - b.box.right)}px;top:${Math.round(b.box.bottom)}px` : `left:${Math.round(b.box.left)}px;top:${Math.round(b.box.bottom)}px`;
    labels.push(d);
  }
  if (pieces.length === 0 && labels.length === 0) layer.replaceChildren();
  else layer.replaceChildren(svg, ...labels);
  layer.dataset.arcs = String(shown.length);
}

/** Forget what was painted (the layer is drawn again on the next call). */
export function invalidateRelations(): void {
  painted = '';
}
