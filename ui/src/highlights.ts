// Draws span highlights as boxes in a layer BEHIND the text (text nodes are never split).

import type { Span } from './bindings';
import { el, safeColor, tint } from './dom';
import { cpRects } from './geometry';
import type { CpRange } from './snap';
import { labelByName, state } from './state';
import type { TextView } from './textView';

function box(layer: HTMLElement, base: DOMRect, r: DOMRect, cls: string): HTMLElement {
  const d = el('div', { class: cls });
  d.style.left = `${r.left - base.left}px`;
  d.style.top = `${r.top - base.top}px`;
  d.style.width = `${r.width}px`;
  d.style.height = `${r.height}px`;
  layer.append(d);
  return d;
}

/** Redraw every span of the open article. Other analysts' spans are drawn dashed and read-only. */
export function drawHighlights(layer: HTMLElement, view: TextView, spans: readonly Span[]): void {
  layer.replaceChildren();
  const base = layer.getBoundingClientRect();
  for (const span of spans) {
    const color = safeColor(labelByName(span.label)?.color ?? '');
    const mine = span.annotator === state.analyst;
    for (const r of cpRects(view, span)) {
      const d = box(layer, base, r, mine ? 'hl' : 'hl hl-other');
      d.dataset.spanId = String(span.id);
      d.dataset.label = span.label;
      d.dataset.annotator = span.annotator;
      d.style.backgroundColor = tint(color, mine ? 0.3 : 0.14);
      d.style.borderColor = color;
    }
  }
}

/** Show where the current selection will land once snapped (dotted outline). */
export function drawPreview(layer: HTMLElement, view: TextView, range: CpRange | null): void {
  layer.replaceChildren();
  if (!range) return;
  const base = layer.getBoundingClientRect();
  for (const r of cpRects(view, range)) box(layer, base, r, 'hl-preview');
}
