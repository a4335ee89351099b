// The pure part of drawing highlights: which paragraphs a span touches, a span's part in one paragraph
// (and whether its logical ends fall there, for the rounded caps), a paragraph's group signature (redraw
// only when it changes), and the direction a paragraph starts in. Code points throughout; no DOM.

import type { Span } from './bindings';

/** Paragraph index → the spans that touch it; `paragraphOf` maps a code point to its paragraph. */
export function bucketSpans(spans: readonly Span[], paragraphOf: (cp: number) => number): Map<number, Span[]> {
  const buckets = new Map<number, Span[]>();
  for (const s of spans) {
    const a = paragraphOf(s.start);
    const b = paragraphOf(Math.max(s.end - 1, s.start));
    for (let i = a; i <= b; i++) {
      const list = buckets.get(i);
      if (list) list.push(s);
      else buckets.set(i, [s]);
    }
  }
  return buckets;
}

/** The part of `span` inside the paragraph `p` (code points), and whether the span starts / ends in it. */
export function clipToParagraph(
  span: { start: number; end: number },
  p: { start: number; end: number },
): { start: number; end: number; startsHere: boolean; endsHere: boolean } {
  return {
    start: Math.max(span.start, p.start),
    end: Math.min(span.end, p.end),
    startsHere: span.start >= p.start,
    endsHere: span.end <= p.end,
  };
}

/** What a paragraph's drawn group depends on: its spans' places, labels, analysts, lanes and colours. */
export function groupSignature(
  spans: readonly Span[],
  lanes: ReadonlyMap<number, number>,
  colorOf: (label: string) => string | undefined,
): string {
  let sig = '';
  for (const s of spans) sig += `${s.id},${s.start},${s.end},${s.label},${s.annotator},${lanes.get(s.id)},${colorOf(s.label)};`;
  return sig;
}

const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** Is the text right to left where it starts (its first letter, as dir=auto decides)? */
export function startsRtl(text: string): boolean {
  const m = /\p{L}/u.exec(text);
  return m ? RTL_CHAR.test(m[0]) : false;
}
