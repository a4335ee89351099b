// Label colours: readable under text as a highlight tint in the light and dark themes, and far enough apart.

import { t as tr } from './i18n';

export type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : null;
}

function lin(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio (1–21). */
export function contrast(a: Rgb, b: Rgb): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

export function blend(fg: Rgb, alpha: number, bg: Rgb): Rgb {
  return [0, 1, 2].map((i) => Math.round(fg[i] * alpha + bg[i] * (1 - alpha))) as Rgb;
}

function lab([r, g, b]: Rgb): [number, number, number] {
  const [R, G, B] = [lin(r), lin(g), lin(b)];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047);
  const y = f(0.2126 * R + 0.7152 * G + 0.0722 * B);
  const z = f((0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** Perceptual distance (CIE76 ΔE); under ~20 two highlight colours are easily confused. */
export function deltaE(a: Rgb, b: Rgb): number {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** The two themes: panel background, text colour, and the highlight tint's opacity. */
export const THEMES = {
  light: { bg: [255, 255, 255] as Rgb, text: [31, 35, 40] as Rgb, alpha: 0.3 },
  dark: { bg: [30, 33, 39] as Rgb, text: [230, 232, 235] as Rgb, alpha: 0.38 },
};

/** Problems with `color` as a label colour next to `others` (empty when it is fine). */
export function colorProblems(color: string, others: { name: string; color: string }[]): string[] {
  const c = parseHex(color);
  if (!c) return [tr('notColour')];
  const out: string[] = [];
  for (const [name, t] of Object.entries(THEMES)) {
    const under = blend(c, t.alpha, t.bg);
    const theme = tr(name === 'dark' ? 'themeDark' : 'themeLight');
    if (contrast(t.text, under) < 4.5) out.push(tr('hardToRead', { theme }));
    if (contrast(c, t.bg) < 1.5) out.push(tr('hardToSee', { theme }));
  }
  for (const o of others) {
    const oc = parseHex(o.color);
    if (oc && deltaE(c, oc) < 20) out.push(tr('tooClose', { name: o.name }));
  }
  return out;
}

/** Suggested label colours: readable in both themes and pairwise distinguishable (checked by tests). */
export const PALETTE = ['#e8590c', '#1c7ed6', '#2f9e44', '#ae3ec9', '#e03131', '#0c8599', '#f08c00', '#6741d9', '#d6336c', '#74b816', '#a0522d', '#5c7cfa'];

/** The first suggested colour far enough from every colour in use. */
export function suggestColor(used: string[]): string {
  const taken = used.map(parseHex).filter((x): x is Rgb => !!x);
  return PALETTE.find((p) => taken.every((t) => deltaE(parseHex(p)!, t) >= 20)) ?? PALETTE[used.length % PALETTE.length];
}
