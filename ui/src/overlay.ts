// Overlay boxes (highlights, bands, flags), repainted only when they changed (no DOM churn on resize/font events).

import { el } from './dom';

export interface Box {
  cls: string;
  x: number;
  y: number;
  w: number;
  h: number;
  data?: Record<string, string>;
  /** Inline styles (colours already made safe by the caller). */
  style?: Record<string, string>;
}

const painted = new WeakMap<HTMLElement, string>();
const r2 = (v: number) => Math.round(v * 100) / 100;

/** A box at a client rect, relative to the layer's own client rect. */
export function boxAt(base: DOMRect, r: { left: number; top: number; width: number; height: number }, cls: string): Box {
  return { cls, x: r2(r.left - base.left), y: r2(r.top - base.top), w: r2(r.width), h: r2(r.height) };
}

/** Replace the layer's boxes with `boxes`, unless they are exactly what it already shows. */
export function paint(layer: HTMLElement, boxes: Box[]): void {
  const sig = JSON.stringify(boxes.map((b) => ({ ...b, x: r2(b.x), y: r2(b.y), w: r2(b.w), h: r2(b.h) })));
  if (painted.get(layer) === sig && layer.childElementCount === boxes.length) return;
  painted.set(layer, sig);
  layer.replaceChildren(
    ...boxes.map((b) => {
      const d = el('div', { class: b.cls });
      d.style.left = `${b.x}px`;
      d.style.top = `${b.y}px`;
      d.style.width = `${b.w}px`;
      d.style.height = `${b.h}px`;
      for (const [k, v] of Object.entries(b.data ?? {})) d.dataset[k] = v;
      for (const [k, v] of Object.entries(b.style ?? {})) d.style.setProperty(k, v);
      return d;
    }),
  );
}
