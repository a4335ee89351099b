// Pure helpers for the agreement plots and tables: number formatting and the heatmap colour scale.

/** A metric for display: three decimals, or "n/a" when the core could not compute it. */
export function fmt(v: number | null | undefined, digits = 3): string {
  return v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : v.toFixed(digits);
}

/** A share as a percentage with one decimal. */
export function pct(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : `${(v * 100).toFixed(1)}%`;
}

/** Position of `v` on a scale from `min` to `max`, clamped to [0, 1]; null stays null. */
export function unit(v: number | null, min: number, max: number): number | null {
  if (v === null || !Number.isFinite(v) || max <= min) return null;
  return Math.min(1, Math.max(0, (v - min) / (max - min)));
}

const LOW = [201, 42, 42]; // red: no agreement
const MID = [250, 240, 200]; // pale yellow
const HIGH = [43, 138, 62]; // green: full agreement

/** Heatmap fill for `v` on [min, max]: red → pale yellow → green; grey for n/a. */
export function heat(v: number | null, min = 0, max = 1): string {
  const t = unit(v, min, max);
  if (t === null) return '#e9ecef';
  const [a, b, k] = t < 0.5 ? [LOW, MID, t * 2] : [MID, HIGH, (t - 0.5) * 2];
  const c = a.map((x, i) => Math.round(x + (b[i] - x) * k));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** Dark or light text on a heat cell, whichever reads better. */
export function inkOn(v: number | null, min = 0, max = 1): string {
  const t = unit(v, min, max);
  return t !== null && (t < 0.2 || t > 0.8) ? '#ffffff' : '#1f2328';
}

/** Width in px of a bar for `v` on [0, max] in `width` px (negative values draw nothing). */
export function barWidth(v: number | null, width: number, max = 1): number {
  if (v === null || !Number.isFinite(v) || v <= 0) return 0;
  return Math.min(width, (v / max) * width);
}
