// Draws span highlights as boxes in a layer BEHIND the text (text nodes are never split): paragraph by
// paragraph, only near the viewport, each paragraph's boxes rebuilt only when its spans or the layout change.

import type { Span } from './bindings';
import { safeColor, tint } from './dom';
import { mergeBands, type Band } from './bands';
import { cpRects } from './geometry';
import { assignLanes } from './lanes';
import { offsetsFor } from './offsets';
import { boxAt, paint } from './overlay';
import { paragraphAt } from './paragraphs';
import type { CpRange } from './snap';
import { labelByName, state } from './state';
import type { TextView } from './textView';

/** Vertical inset per overlap lane (px): nested spans draw inside their container, bands apart. */
export const LANE_INSET = 4;
/** How far beyond the visible area paragraphs are drawn (px), and kept once drawn. */
export const MARGIN = 900;
const KEEP = 2 * MARGIN;

interface Index {
  spans: readonly Span[];
  version: number;
  /** Paragraph → the spans that touch it. */
  buckets: Map<number, Span[]>;
  lanes: Map<number, number>;
}

let index: Index | null = null;
/** Drawn paragraphs: boxes are placed relative to their paragraph, the group at the paragraph's place in the
 * layer, so a paragraph above changing height (lazy layout, a font) only moves groups, never rebuilds them. */
const groups = new Map<number, { sig: string; el: HTMLElement; x: number; y: number }>();
let layoutKey = '';

function indexSpans(view: TextView, spans: readonly Span[]): Index {
  if (index && index.spans === spans && index.version === view.version) return index;
  const off = offsetsFor(view.text);
  const buckets = new Map<number, Span[]>();
  for (const s of spans) {
    const a = paragraphAt(view.paras, off.cpToUtf16(s.start));
    const b = paragraphAt(view.paras, Math.max(off.cpToUtf16(s.end) - 1, 0));
    for (let i = a; i <= b; i++) {
      const list = buckets.get(i);
      if (list) list.push(s);
      else buckets.set(i, [s]);
    }
  }
  index = { spans, version: view.version, buckets, lanes: assignLanes(spans) };
  return index;
}

/** Stats of the last draw (for the benchmark and tests). */
export const drawStats = { paragraphs: 0, rebuilt: 0, boxes: 0, ms: 0, layout: 0, visible: 0, measure: 0, write: 0 };

interface Piece {
  span: Span;
  lane: number;
  /** One box per line (bidi runs merged), rounded at the span's logical ends. */
  rects: Band[];
}

const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** Is the text right to left where it starts (its first letter, as dir=auto decides)? */
export function startsRtl(text: string): boolean {
  const m = /\p{L}/u.exec(text);
  return m ? RTL_CHAR.test(m[0]) : false;
}

/** The paragraph's place in the layer. */
function paraAt(view: TextView, para: number, base: DOMRect): { x: number; y: number; box: DOMRect } {
  const box = view.elements[para].getBoundingClientRect();
  return { x: Math.round((box.left - base.left) * 100) / 100, y: Math.round((box.top - base.top) * 100) / 100, box };
}

/** Read phase: the rects of each span's part in paragraph `para` (no DOM writes, so one layout serves all). */
function measure(view: TextView, para: number, spans: Span[], lanes: Map<number, number>): Piece[] {
  const off = offsetsFor(view.text);
  const p = view.paras[para];
  const rtl = startsRtl(p.text);
  return spans.map((span) => {
    const a16 = off.cpToUtf16(span.start);
    const b16 = off.cpToUtf16(span.end);
    const s16 = Math.max(a16, p.start);
    const e16 = Math.min(b16, p.start + p.text.length);
    return { span, lane: lanes.get(span.id) ?? 0, rects: mergeBands(view.rects(s16, e16), a16 >= p.start, b16 <= p.start + p.text.length, rtl) };
  });
}

/** Write phase: one group of boxes for a paragraph. */
function buildGroup(para: number, pieces: Piece[], at: { x: number; y: number; box: DOMRect }): HTMLElement {
  const g = document.createElement('div');
  g.className = 'hl-para';
  g.dataset.para = String(para);
  g.style.left = `${at.x}px`;
  g.style.top = `${at.y}px`;
  const base = at.box;
  for (const { span, lane, rects } of pieces) {
    const color = safeColor(labelByName(span.label)?.color ?? '');
    const mine = span.annotator === state.analyst;
    const cls = `hl${mine ? '' : ' hl-other'}${lane ? ` hl-lane` : ''}`;
    for (const r of rects) {
      const b = boxAt(base, { left: r.left, top: r.top, width: r.right - r.left, height: r.bottom - r.top }, cls);
      const inset = Math.min(lane * LANE_INSET, Math.max(0, (b.h - 8) / 2));
      const d = document.createElement('div');
      d.className = `${cls}${r.roundLeft ? ' hl-cap-l' : ''}${r.roundRight ? ' hl-cap-r' : ''}`;
      d.style.cssText = `left:${b.x}px;top:${b.y + inset}px;width:${b.w}px;height:${b.h - 2 * inset}px;background-color:${tint(color, mine ? 0.3 : 0.14)};border-color:${color}`;
      d.dataset.spanId = String(span.id);
      d.dataset.label = span.label;
      d.dataset.annotator = span.annotator;
      d.dataset.lane = String(lane);
      g.append(d);
      drawStats.boxes++;
    }
  }
  return g;
}

/** Outline the focused span's boxes (a class toggle: boxes are never rebuilt for focus). */
export function markFocus(layer: HTMLElement, focusId: number | null): void {
  for (const e of layer.querySelectorAll<HTMLElement>('.hl-focus')) if (Number(e.dataset.spanId) !== focusId) e.classList.remove('hl-focus');
  if (focusId !== null) for (const e of layer.querySelectorAll<HTMLElement>(`.hl[data-span-id="${focusId}"]`)) e.classList.add('hl-focus');
}

/** Forget every drawn paragraph (after the labels' colours or the analyst changed). */
export function invalidateHighlights(): void {
  layoutKey = '';
}

/** Redraw the spans of the open article within `margin` px of the viewport `port` (client rect of the scroller);
 * groups drawn earlier stay while within twice the margin. Other analysts' spans are drawn dashed and
 * read-only; the focused span is outlined. */
export function drawHighlights(
  layer: HTMLElement,
  view: TextView,
  spans: readonly Span[],
  port: { top: number; bottom: number },
  focusId: number | null = null,
  margin = MARGIN,
): boolean {
  const t0 = performance.now();
  drawStats.rebuilt = 0;
  drawStats.boxes = 0;
  const k0 = performance.now();
  const key = `${view.version}|${view.container.clientWidth}|${getComputedStyle(view.container).fontSize}|${getComputedStyle(view.container).fontFamily}|${state.analyst}`;
  if (key !== layoutKey) {
    layoutKey = key;
    groups.clear();
    layer.replaceChildren();
  }
  const { buckets, lanes } = indexSpans(view, spans);
  const k1 = performance.now();
  const vis = view.visibleParagraphs(port, margin);
  const keep = view.visibleParagraphs(port, Math.max(KEEP, margin));
  const k2 = performance.now();
  const want: number[] = [];
  if (vis) for (let i = vis[0]; i <= vis[1]; i++) if (buckets.has(i)) want.push(i);
  for (const [i, g] of groups) {
    // Out of range, or no span left in the paragraph (its last one deleted, or hidden by blind annotation).
    if (!keep || i < keep[0] || i > keep[1] || !buckets.has(i)) {
      g.el.remove();
      groups.delete(i);
    }
  }
  // Read everything first, then write: no layout is forced between boxes.
  const base = layer.getBoundingClientRect();
  const todo: { i: number; sig: string; pieces: Piece[]; at: ReturnType<typeof paraAt> }[] = [];
  const moves: { el: HTMLElement; x: number; y: number }[] = [];
  for (const i of want) {
    const list = buckets.get(i)!;
    let sig = '';
    for (const s of list) sig += `${s.id},${s.start},${s.end},${s.label},${s.annotator},${lanes.get(s.id)},${labelByName(s.label)?.color};`;
    const at = paraAt(view, i, base);
    const g = groups.get(i);
    if (g?.sig === sig) {
      if (g.x !== at.x || g.y !== at.y) moves.push({ el: g.el, x: at.x, y: at.y }), Object.assign(g, { x: at.x, y: at.y });
      continue;
    }
    todo.push({ i, sig, pieces: measure(view, i, list, lanes), at });
  }
  // Groups kept beyond the drawing margin follow their paragraphs too.
  for (const [i, g] of groups) {
    if (want.length && i >= want[0] && i <= want[want.length - 1]) continue;
    const at = paraAt(view, i, base);
    if (g.x !== at.x || g.y !== at.y) moves.push({ el: g.el, x: at.x, y: at.y }), Object.assign(g, { x: at.x, y: at.y });
  }
  const k3 = performance.now();
  for (const m of moves) {
    m.el.style.left = `${m.x}px`;
    m.el.style.top = `${m.y}px`;
  }
  for (const { i, sig, pieces, at } of todo) {
    const el = buildGroup(i, pieces, at);
    const g = groups.get(i);
    if (g) g.el.replaceWith(el);
    else layer.append(el);
    // A paragraph not laid out yet (content-visibility; WebKitGTK answers no rects for it before its first paint)
    // is measured again on the next draw instead of keeping its empty group.
    const unmeasured = pieces.some((p) => p.rects.length === 0 && p.span.end > p.span.start);
    groups.set(i, { sig: unmeasured ? '' : sig, el, x: at.x, y: at.y });
    drawStats.rebuilt++;
  }
  markFocus(layer, focusId);
  const k4 = performance.now();
  Object.assign(drawStats, { layout: k1 - k0, visible: k2 - k1, measure: k3 - k2, write: k4 - k3 });
  drawStats.paragraphs = groups.size;
  layer.dataset.drawn = String(groups.size);
  drawStats.ms = performance.now() - t0;
  // Whether paragraphs within the full margin may still be missing (the caller draws them when idle).
  return margin < MARGIN;
}

/** Show where the current selection will land once snapped (dotted outline). */
export function drawPreview(layer: HTMLElement, view: TextView, range: CpRange | null): void {
  const base = layer.getBoundingClientRect();
  const bands = range ? mergeBands(cpRects(view, range), true, true, startsRtl(view.text)) : [];
  paint(layer, bands.map((r) => boxAt(base, { left: r.left, top: r.top, width: r.right - r.left, height: r.bottom - r.top }, 'hl-preview')));
}
