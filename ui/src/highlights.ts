// Draws span highlights as boxes in a layer BEHIND the text (text nodes are never split).

import type { Span } from './bindings';
import { safeColor, tint } from './dom';
import { cpRects } from './geometry';
import { boxAt, paint, type Box } from './overlay';
import type { CpRange } from './snap';
import { labelByName, state } from './state';
import type { TextView } from './textView';

/** Redraw every span of the open article. Other analysts' spans are drawn dashed and read-only. */
export function drawHighlights(layer: HTMLElement, view: TextView, spans: readonly Span[]): void {
  const base = layer.getBoundingClientRect();
  const boxes: Box[] = [];
  for (const span of spans) {
    const color = safeColor(labelByName(span.label)?.color ?? '');
    const mine = span.annotator === state.analyst;
    for (const r of cpRects(view, span)) {
      boxes.push({
        ...boxAt(base, r, mine ? 'hl' : 'hl hl-other'),
        data: { spanId: String(span.id), label: span.label, annotator: span.annotator },
        style: { 'background-color': tint(color, mine ? 0.3 : 0.14), 'border-color': color },
      });
    }
  }
  paint(layer, boxes);
}

/** Show where the current selection will land once snapped (dotted outline). */
export function drawPreview(layer: HTMLElement, view: TextView, range: CpRange | null): void {
  const base = layer.getBoundingClientRect();
  paint(layer, range ? cpRects(view, range).map((r) => boxAt(base, r, 'hl-preview')) : []);
}
