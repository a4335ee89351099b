import { describe, expect, it } from 'vitest';
import { nextAfter } from './reviewNext';

describe('next article with disagreements', () => {
  it('takes the next id after the open one, wrapping round', () => {
    expect(nextAfter([2, 5, 9], 2)).toBe(5);
    expect(nextAfter([2, 5, 9], 3)).toBe(5);
    expect(nextAfter([2, 5, 9], 9)).toBe(2);
    expect(nextAfter([2, 5, 9], null)).toBe(2);
    expect(nextAfter([5], 5)).toBe(null);
    expect(nextAfter([], 1)).toBe(null);
  });
});
