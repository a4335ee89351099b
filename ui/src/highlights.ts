// Draws span highlights as boxes in a layer BEHIND the text (text nodes are never split): paragraph by
// paragraph, only near the viewport, each paragraph's boxes rebuilt only when its spans or the layout change.

import type { Span } from './bindings';
import { safeColor, tint } from './dom';
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
/** How far beyond the visible area paragraphs are drawn (px). */
const MARGIN = 900;

interface Index {
  spans: readonly Span[];
  version: number;
  /** Paragraph → the spans that touch it. */
  buckets: Map<number, Span[]>;
  lanes: Map<number, number>;
}

let index: Index | null = null;
const groups = new Map<number, { sig: string; el: HTMLElement }>();
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
export const drawStats = { paragraphs: 0, rebuilt: 0, boxes: 0, ms: 0 };

function buildGroup(view: TextView, para: number, spans: Span[], lanes: Map<number, number>, focusId: number | null, base: DOMRect): HTMLElement {
  const g = document.createElement('div');
  g.className = 'hl-para';
  g.dataset.para = String(para);
  const off = offsetsFor(view.text);
  const p = view.paras[para];
  const frag = document.createDocumentFragment();
  for (const span of spans) {
    const color = safeColor(labelByName(span.label)?.color ?? '');
    const mine = span.annotator === state.analyst;
    const lane = lanes.get(span.id) ?? 0;
    const s16 = Math.max(off.cpToUtf16(span.start), p.start);
    const e16 = Math.min(off.cpToUtf16(span.end), p.start + p.text.length);
    const cls = `hl${mine ? '' : ' hl-other'}${span.id === focusId ? ' hl-focus' : ''}${lane ? ` hl-lane` : ''}`;
    for (const r of view.rects(s16, e16)) {
      const b = boxAt(base, r, cls);
      const inset = Math.min(lane * LANE_INSET, Math.max(0, (b.h - 8) / 2));
      const d = document.createElement('div');
      d.className = cls;
      d.style.left = `${b.x}px`;
      d.style.top = `${b.y + inset}px`;
      d.style.width = `${b.w}px`;
      d.style.height = `${b.h - 2 * inset}px`;
      d.style.backgroundColor = tint(color, mine ? 0.3 : 0.14);
      d.style.borderColor = color;
      d.dataset.spanId = String(span.id);
      d.dataset.label = span.label;
      d.dataset.annotator = span.annotator;
      d.dataset.lane = String(lane);
      frag.append(d);
      drawStats.boxes++;
    }
  }
  g.append(frag);
  return g;
}

/** Forget every drawn paragraph (after the labels' colours or the analyst changed). */
export function invalidateHighlights(): void {
  layoutKey = '';
}

/** Redraw the spans of the open article near the viewport `port` (client rect of the scroller).
 * Other analysts' spans are drawn dashed and read-only; the focused span is outlined. */
export function drawHighlights(layer: HTMLElement, view: TextView, spans: readonly Span[], port: { top: number; bottom: number }, focusId: number | null = null): void {
  const t0 = performance.now();
  drawStats.rebuilt = 0;
  drawStats.boxes = 0;
  const key = `${view.version}|${view.container.clientWidth}|${getComputedStyle(view.container).fontSize}|${state.analyst}`;
  if (key !== layoutKey) {
    layoutKey = key;
    groups.clear();
    layer.replaceChildren();
  }
  const { buckets, lanes } = indexSpans(view, spans);
  const vis = view.visibleParagraphs(port, MARGIN);
  const want: number[] = [];
  if (vis) for (let i = vis[0]; i <= vis[1]; i++) if (buckets.has(i)) want.push(i);
  const wanted = new Set(want);
  for (const [i, g] of groups) {
    if (!wanted.has(i)) {
      g.el.remove();
      groups.delete(i);
    }
  }
  let base: DOMRect | null = null;
  for (const i of want) {
    const list = buckets.get(i)!;
    let sig = '';
    for (const s of list) sig += `${s.id},${s.start},${s.end},${s.label},${s.annotator},${lanes.get(s.id)},${s.id === focusId ? 1 : 0},${labelByName(s.label)?.color};`;
    const g = groups.get(i);
    if (g && g.sig === sig) continue;
    base ??= layer.getBoundingClientRect();
    const el = buildGroup(view, i, list, lanes, focusId, base);
    if (g) g.el.replaceWith(el);
    else layer.append(el);
    groups.set(i, { sig, el });
    drawStats.rebuilt++;
  }
  drawStats.paragraphs = groups.size;
  layer.dataset.drawn = String(groups.size);
  drawStats.ms = performance.now() - t0;
}

/** Show where the current selection will land once snapped (dotted outline). */
export function drawPreview(layer: HTMLElement, view: TextView, range: CpRange | null): void {
  const base = layer.getBoundingClientRect();
  paint(layer, range ? cpRects(view, range).map((r) => boxAt(base, r, 'hl-preview')) : []);
}
