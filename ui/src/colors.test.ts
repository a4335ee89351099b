// Unit tests for colors.ts: contrast maths, readable tints in both themes, the suggested palette is distinguishable.
import { describe, expect, it } from 'vitest';
import { colorProblems, contrast, deltaE, parseHex, PALETTE, suggestColor } from './colors';

describe('colours', () => {
  it('computes WCAG contrast', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 0);
    expect(contrast([255, 255, 255], [255, 255, 255])).toBeCloseTo(1, 5);
  });
  it('flags unreadable and confusable colours', () => {
    expect(colorProblems('nope', [])).toEqual(['Not a colour (#rrggbb).']);
    expect(colorProblems('#ffffff', []).some((p) => p.includes('light theme'))).toBe(true);
    expect(colorProblems('#1c7ed6', [{ name: 'ORG', color: '#1c7fd8' }])).toContain("Too close to ORG's colour.");
  });
  it('the palette is readable in both themes and pairwise distinct', () => {
    for (const c of PALETTE) expect(colorProblems(c, []), c).toEqual([]);
    for (let i = 0; i < PALETTE.length; i++)
      for (let j = i + 1; j < PALETTE.length; j++) expect(deltaE(parseHex(PALETTE[i])!, parseHex(PALETTE[j])!), `${PALETTE[i]} ${PALETTE[j]}`).toBeGreaterThanOrEqual(20);
  });
  it('suggests a colour away from those in use', () => {
    expect(suggestColor([])).toBe(PALETTE[0]);
    expect(suggestColor([PALETTE[0]])).not.toBe(PALETTE[0]);
  });
});
