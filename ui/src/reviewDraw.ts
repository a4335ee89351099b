// Review overlay behind the unbroken text: gold tints, one underline lane per analyst, flags on open disagreements.

import { byId, safeColor, tint } from './dom';
import { cpRects } from './geometry';
import { boxAt, paint, type Box } from './overlay';
import { bandBackground, patternOf, resolution } from './reviewModel';
import { rv } from './reviewState';
import { labelByName } from './state';

/** Height of an analyst's band and the step between lanes, in px. */
export const BAND = 4;
export const LANE = 6;

const colorOf = (label: string) => safeColor(labelByName(label)?.color ?? '');

/** Redraw the whole overlay from rv (cheap: a few boxes per span; the DOM changes only if they moved). */
export function drawReview(): void {
  const layer = byId('review-hl');
  const v = rv.view;
  const tv = rv.text;
  if (!v || !tv) return paint(layer, []);
  const lanes = rv.annotators.length;
  byId('review-doc').style.setProperty('--lanes', String(lanes));
  const b = layer.getBoundingClientRect();
  const boxes: Box[] = [];
  rv.list.forEach((d, i) => {
    for (const r of cpRects(tv, d)) {
      const done = resolution(d, v.gold, v.decisions) !== 'open';
      const box = boxAt(b, r, i === rv.cur ? 'rv-dis rv-current' : done ? 'rv-dis rv-done' : 'rv-dis');
      boxes.push({ ...box, x: box.x - 2, y: box.y - 2, w: box.w + 4, h: box.h + 4 + lanes * LANE, data: { disIndex: String(i), kind: d.kind } });
    }
  });
  for (const g of v.gold) {
    const color = colorOf(g.label);
    for (const r of cpRects(tv, g)) {
      boxes.push({ ...boxAt(b, r, 'rv-gold'), data: { goldId: String(g.id), label: g.label }, style: { 'background-color': tint(color, 0.26), 'border-color': color } });
    }
  }
  for (const s of v.spans) {
    const lane = rv.annotators.indexOf(s.annotator);
    if (lane < 0) continue;
    const bg = bandBackground(patternOf(lane), colorOf(s.label));
    for (const r of cpRects(tv, s)) {
      const box = boxAt(b, r, 'rv-band');
      boxes.push({ ...box, y: box.y + box.h + 1 + lane * LANE, h: BAND, data: { spanId: String(s.id), annotator: s.annotator, label: s.label }, style: { background: bg } });
    }
  }
  paint(layer, boxes);
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
