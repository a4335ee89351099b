// Draws the review overlay behind the unbroken text: gold spans as tints, one underline lane per analyst, disagreement flags.

import { byId, el, safeColor, tint } from './dom';
import { cpRects } from './geometry';
import { bandBackground, patternOf } from './reviewModel';
import { rv } from './reviewState';
import { labelByName } from './state';

/** Height of an analyst's band and the step between lanes, in px. */
export const BAND = 4;
export const LANE = 6;

function place(layer: HTMLElement, cls: string, x: number, y: number, w: number, h: number): HTMLElement {
  const d = el('div', { class: cls });
  d.style.left = `${x}px`;
  d.style.top = `${y}px`;
  d.style.width = `${w}px`;
  d.style.height = `${h}px`;
  layer.append(d);
  return d;
}

const colorOf = (label: string) => safeColor(labelByName(label)?.color ?? '');

/** Redraw the whole overlay from rv (cheap: a few boxes per span). */
export function drawReview(): void {
  const layer = byId('review-hl');
  layer.replaceChildren();
  const v = rv.view;
  const tv = rv.text;
  if (!v || !tv) return;
  const lanes = rv.annotators.length;
  byId('review-doc').style.setProperty('--lanes', String(lanes));
  const b = layer.getBoundingClientRect();
  rv.list.forEach((d, i) => {
    for (const r of cpRects(tv, d)) {
      const box = place(layer, i === rv.cur ? 'rv-dis rv-current' : 'rv-dis', r.left - b.left - 2, r.top - b.top - 2, r.width + 4, r.height + 4 + lanes * LANE);
      box.dataset.disIndex = String(i);
      box.dataset.kind = d.kind;
    }
  });
  for (const g of v.gold) {
    const color = colorOf(g.label);
    for (const r of cpRects(tv, g)) {
      const box = place(layer, 'rv-gold', r.left - b.left, r.top - b.top, r.width, r.height);
      box.dataset.goldId = String(g.id);
      box.dataset.label = g.label;
      box.style.backgroundColor = tint(color, 0.26);
      box.style.borderColor = color;
    }
  }
  for (const s of v.spans) {
    const lane = rv.annotators.indexOf(s.annotator);
    if (lane < 0) continue;
    const bg = bandBackground(patternOf(lane), colorOf(s.label));
    for (const r of cpRects(tv, s)) {
      const band = place(layer, 'rv-band', r.left - b.left, r.bottom - b.top + 1 + lane * LANE, r.width, BAND);
      band.dataset.spanId = String(s.id);
      band.dataset.annotator = s.annotator;
      band.dataset.label = s.label;
      band.style.background = bg;
    }
  }
}

let frame = 0;

/** Redraw on the next frame (coalesces resize and font-load bursts). */
export function scheduleReviewDraw(): void {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    drawReview();
  });
}

/** Keep the overlay on the glyphs when the pane resizes or fonts load. */
export function watchReviewLayout(): void {
  new ResizeObserver(scheduleReviewDraw).observe(byId('review-doc'));
  document.fonts?.addEventListener?.('loadingdone', scheduleReviewDraw);
}
