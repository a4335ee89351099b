import { describe, expect, it } from 'vitest';
import { barWidth, fmt, heat, inkOn, pct, unit } from './scale';

describe('agreement scale', () => {
  it('formats numbers and n/a', () => {
    expect(fmt(0.12345)).toBe('0.123');
    expect(fmt(1)).toBe('1.000');
    expect(fmt(null)).toBe('n/a');
    expect(fmt(NaN)).toBe('n/a');
    expect(pct(0.256)).toBe('25.6%');
    expect(pct(null)).toBe('n/a');
  });

  it('maps values onto [0, 1], clamped', () => {
    expect(unit(0.5, 0, 1)).toBe(0.5);
    expect(unit(0, -1, 1)).toBe(0.5);
    expect(unit(-3, -1, 1)).toBe(0);
    expect(unit(2, 0, 1)).toBe(1);
    expect(unit(null, 0, 1)).toBeNull();
  });

  it('colours red at the bottom, pale in the middle, green at the top, grey for n/a', () => {
    expect(heat(0)).toBe('rgb(201, 42, 42)');
    expect(heat(0.5)).toBe('rgb(250, 240, 200)');
    expect(heat(1)).toBe('rgb(43, 138, 62)');
    expect(heat(null)).toBe('#e9ecef');
    expect(heat(-1, -1, 1)).toBe('rgb(201, 42, 42)');
    expect(inkOn(1)).toBe('#ffffff');
    expect(inkOn(0.5)).toBe('#1f2328');
  });

  it('sizes bars, nothing for negative or n/a', () => {
    expect(barWidth(0.5, 200)).toBe(100);
    expect(barWidth(-0.2, 200)).toBe(0);
    expect(barWidth(null, 200)).toBe(0);
    expect(barWidth(3, 200)).toBe(200);
  });
});
