import { describe, expect, it } from 'vitest';
import { hashFor, parseHash } from './route';

describe('routes', () => {
  it('parses every mode', () => {
    expect(parseHash('#article=12')).toEqual({ mode: 'annotate', id: 12 });
    expect(parseHash('#review=3')).toEqual({ mode: 'review', id: 3 });
    expect(parseHash('#review')).toEqual({ mode: 'review', id: null });
    expect(parseHash('#agreement')).toEqual({ mode: 'agreement', id: null });
    expect(parseHash('')).toEqual({ mode: 'annotate', id: null });
    expect(parseHash('#review=x')).toEqual({ mode: 'annotate', id: null });
  });

  it('round-trips', () => {
    for (const h of ['#article=5', '#review=7', '#review', '#agreement', '']) expect(hashFor(parseHash(h))).toBe(h);
  });
});
