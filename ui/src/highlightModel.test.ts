import { describe, expect, it } from 'vitest';
import type { Span } from './bindings';
import { bucketSpans, clipToParagraph, groupSignature, startsRtl } from './highlightModel';

const span = (id: number, start: number, end: number, label = 'PER', annotator = 'salma'): Span =>
  ({ id, article_id: 1, start, end, label, annotator, text: '', note: '', created_at: '', updated_at: '' }) as Span;

// Three paragraphs as code-point ranges: [0, 10), [11, 20), [21, 30) (one line break between each).
const paras = [
  { start: 0, end: 10 },
  { start: 11, end: 20 },
  { start: 21, end: 30 },
];
const paragraphOf = (cp: number) => {
  let i = 0;
  while (i + 1 < paras.length && paras[i + 1].start <= cp) i++;
  return i;
};

describe('highlight model', () => {
  it('puts a span in every paragraph it touches, and only those', () => {
    const b = bucketSpans([span(1, 2, 5), span(2, 8, 15), span(3, 12, 29), span(4, 19, 20)], paragraphOf);
    expect([...b.keys()].sort()).toEqual([0, 1, 2]);
    expect(b.get(0)?.map((s) => s.id)).toEqual([1, 2]);
    expect(b.get(1)?.map((s) => s.id)).toEqual([2, 3, 4]);
    expect(b.get(2)?.map((s) => s.id)).toEqual([3]);
  });

  it('a span ending right at a paragraph end stays out of the next paragraph', () => {
    const b = bucketSpans([span(1, 5, 10)], paragraphOf);
    expect([...b.keys()]).toEqual([0]);
  });

  it('clips a span to a paragraph and says where its logical ends are', () => {
    expect(clipToParagraph({ start: 8, end: 15 }, paras[0])).toEqual({ start: 8, end: 10, startsHere: true, endsHere: false });
    expect(clipToParagraph({ start: 8, end: 15 }, paras[1])).toEqual({ start: 11, end: 15, startsHere: false, endsHere: true });
    expect(clipToParagraph({ start: 12, end: 14 }, paras[1])).toEqual({ start: 12, end: 14, startsHere: true, endsHere: true });
  });

  it('the group signature changes with a colour, a lane or a place, not otherwise', () => {
    const spans = [span(1, 2, 5), span(2, 3, 4, 'LOC')];
    const lanes = new Map([[1, 0], [2, 1]]);
    const colors: Record<string, string> = { PER: '#e03131', LOC: '#1971c2' };
    const sig = groupSignature(spans, lanes, (l) => colors[l]);
    expect(groupSignature(spans, lanes, (l) => colors[l])).toBe(sig);
    expect(groupSignature(spans, lanes, (l) => (l === 'LOC' ? '#000000' : colors[l]))).not.toBe(sig);
    expect(groupSignature(spans, new Map([[1, 1], [2, 0]]), (l) => colors[l])).not.toBe(sig);
    expect(groupSignature([span(1, 2, 6), spans[1]], lanes, (l) => colors[l])).not.toBe(sig);
  });

  it('reads the direction a paragraph starts in from its first letter', () => {
    expect(startsRtl('  2030 كأس العالم')).toBe(true);
    expect(startsRtl('FBI يلتقي')).toBe(false);
    expect(startsRtl('123 456')).toBe(false);
  });
});
