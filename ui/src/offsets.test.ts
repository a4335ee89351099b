// Unit tests for offsets.ts: UTF-16 ↔ code-point conversion on astral, ZWJ, flags, harakat and \r\n.
import { describe, expect, it } from 'vitest';
import { buildOffsets, cpToUtf16, utf16ToCp } from './offsets';

/** Reference conversion, the slow obvious way. */
function refCpToU16(text: string, cp: number): number {
  return [...text].slice(0, cp).join('').length;
}

const SAMPLES = [
  '',
  'abc',
  '😀 عبد اللطيف حموشي',
  'قالَ 👩🏽‍💻 المبرمجة',
  'علم 🇲🇦 المغرب 🇸🇦',
  'بِسْمِ اللَّهِ',
  'سطر أول\r\nسطر ثانٍ\nثالث\rرابع',
  'FBI 2025 😀😀 IGEF',
];

describe('offsets', () => {
  for (const text of SAMPLES) {
    it(`round-trips every code point of ${JSON.stringify(text)}`, () => {
      const off = buildOffsets(text);
      const cps = [...text];
      expect(off.cpLength).toBe(cps.length);
      expect(off.u16Length).toBe(text.length);
      for (let cp = 0; cp <= cps.length; cp++) {
        const u = off.cpToUtf16(cp);
        expect(u).toBe(refCpToU16(text, cp));
        expect(off.utf16ToCp(u)).toBe(cp);
        expect(off.isCpBoundary(u)).toBe(true);
      }
    });
  }

  it('shifts by one per astral character before an offset', () => {
    const text = '😀 عبد اللطيف حموشي';
    const name = 'عبد اللطيف حموشي';
    const u16 = text.indexOf(name);
    expect(u16).toBe(3);
    expect(utf16ToCp(text, u16)).toBe(2);
    expect(cpToUtf16(text, 2)).toBe(3);
    expect([...text].slice(2, 2 + [...name].length).join('')).toBe(name);
  });

  it('counts a skin-toned ZWJ sequence as its code points', () => {
    const text = 'x👩🏽‍💻y';
    const off = buildOffsets(text);
    // x, 👩, 🏽, ZWJ, 💻, y
    expect(off.cpLength).toBe(6);
    expect(off.cpToUtf16(5)).toBe(text.indexOf('y'));
    expect(off.utf16ToCp(text.indexOf('y'))).toBe(5);
  });

  it('treats a flag as two regional-indicator code points', () => {
    const text = '🇲🇦!';
    const off = buildOffsets(text);
    expect(off.cpLength).toBe(3);
    expect(off.utf16ToCp(4)).toBe(2);
  });

  it('rounds a position inside a surrogate pair down to the pair start', () => {
    const text = 'a😀b';
    const off = buildOffsets(text);
    expect(off.isCpBoundary(2)).toBe(false);
    expect(off.utf16ToCp(2)).toBe(1);
    expect(off.utf16ToCp(3)).toBe(2);
  });

  it('counts harakat and \\r\\n as separate code points (like the backend)', () => {
    const text = 'قالَ\r\nب';
    const off = buildOffsets(text);
    expect(off.cpLength).toBe(7);
    expect(off.cpToUtf16(6)).toBe(6);
  });

  it('clamps out-of-range input', () => {
    const off = buildOffsets('ab😀');
    expect(off.cpToUtf16(99)).toBe(4);
    expect(off.utf16ToCp(-5)).toBe(0);
    expect(off.utf16ToCp(99)).toBe(3);
  });

  it('is fast on a 100k-character text', () => {
    const text = 'عبد اللطيف 😀 حموشي '.repeat(5000);
    const t0 = performance.now();
    const off = buildOffsets(text);
    let sum = 0;
    for (let i = 0; i < off.cpLength; i += 7) sum += off.cpToUtf16(i);
    expect(sum).toBeGreaterThan(0);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
