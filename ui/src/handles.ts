// Drag handles on the two ends of the focused span (above the text): drag to resize, snapped to words (Alt: exact).

import type { Span } from './bindings';
import { graphemeStep, snapEdge } from './edges';
import { caretCpAtPoint, cpRects } from './geometry';
import { drawPreview } from './highlights';
import type { Edge } from './nudge';
import { wordsCp } from './nudge';
import type { CpRange } from './snap';
import type { TextView } from './textView';
import { t } from './i18n';

/** A handle's width (px), as in styles.css. */
const HANDLE_W = 7;

const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

export function handleLayer(): HTMLElement {
  let layer = document.getElementById('handle-layer');
  if (!layer) {
    layer = document.createElement('div');
    layer.id = 'handle-layer';
    document.getElementById('doc')?.append(layer);
  }
  return layer;
}

/** The x of a span's start or end edge: the side of its first/last character where the text begins/ends. */
function edgeBox(view: TextView, span: CpRange, edge: Edge): { x: number; outward: 1 | -1; top: number; h: number } | null {
  // The span's first (or last) grapheme.
  const ch = edge === 'start'
    ? { start: span.start, end: graphemeStep(view.text, span.start, 1) }
    : { start: graphemeStep(view.text, span.end, -1), end: span.end };
  const rects = cpRects(view, ch);
  const r = edge === 'start' ? rects[0] : rects[rects.length - 1];
  if (!r) return null;
  const rtl = RTL_CHAR.test(view.sliceCp(ch.start, ch.end));
  const right = edge === 'start' ? rtl : !rtl;
  // The span lies left of a right edge: the outside of that edge is further right (+1), else left (-1).
  return { x: right ? r.right : r.left, outward: right ? 1 : -1, top: r.top, h: r.height };
}

let drag: { span: Span; edge: Edge; range: CpRange } | null = null;

/** Draw the handles of `span` (null: none). `commit` saves a new place. */
export function drawHandles(view: TextView | null, span: Span | null, commit: (span: Span, r: CpRange) => void): void {
  const layer = handleLayer();
  if (drag) return; // keep the handle being dragged
  layer.replaceChildren();
  if (!view || !span) return;
  const base = layer.getBoundingClientRect();
  for (const edge of ['start', 'end'] as Edge[]) {
    const b = edgeBox(view, span, edge);
    if (!b) continue;
    const h = document.createElement('div');
    h.className = `handle handle-${edge} handle-${b.outward > 0 ? 'right' : 'left'}`;
    h.dataset.edge = edge;
    h.dataset.spanId = String(span.id);
    h.title = edge === 'start' ? t('dragStart') : t('dragEnd');
    // Outside the span, against its edge: the handle never covers the span's first or last letter.
    h.style.left = `${b.outward > 0 ? b.x - base.left : b.x - base.left - HANDLE_W}px`;
    h.style.top = `${b.top - base.top - 2}px`;
    h.style.height = `${b.h + 4}px`;
    h.addEventListener('pointerdown', (e) => {
      e.preventDefault();
      e.stopPropagation();
      h.setPointerCapture(e.pointerId);
      drag = { span, edge, range: { start: span.start, end: span.end } };
    });
    h.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const cp = caretCpAtPoint(view, e.clientX, e.clientY);
      if (cp === null) return;
      const at = e.altKey ? cp : snapEdge(cp, drag.edge, wordsCp(view.text));
      const r = drag.edge === 'start' ? { start: at, end: drag.span.end } : { start: drag.span.start, end: at };
      if (r.end <= r.start) return;
      drag.range = r;
      const preview = document.getElementById('preview-layer');
      if (preview) drawPreview(preview, view, r);
    });
    const end = () => {
      if (!drag) return;
      const d = drag;
      drag = null;
      const preview = document.getElementById('preview-layer');
      if (preview) drawPreview(preview, view, null);
      if (d.range.start !== d.span.start || d.range.end !== d.span.end) commit(d.span, d.range);
    };
    h.addEventListener('pointerup', end);
    h.addEventListener('pointercancel', end);
    h.addEventListener('click', (e) => e.stopPropagation());
    layer.append(h);
  }
}
