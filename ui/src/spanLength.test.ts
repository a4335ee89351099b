import { describe, expect, it } from 'vitest';
import { ALWAYS_OK, excerpt, runaway } from './spanLength';

const para = 'قال المدير العام للأمن الوطني عبد اللطيف حموشي إن الوفد وصل.';
const text = `${para}\n${para}`;

describe('runaway', () => {
  it('lets a name through', () => {
    expect(runaway(text, { start: 30, end: 46 }, 0)).toBeNull();
  });
  it('asks for a selection over a line break, however short', () => {
    const nl = [...text].indexOf('\n');
    expect(runaway(text, { start: nl - 3, end: nl + 3 }, 500)).toEqual({ length: 6, lines: 2 });
  });
  it('asks for a selection far longer than any span in the project', () => {
    const long = 'كلمة '.repeat(60);
    expect(runaway(long, { start: 0, end: 200 }, 20)).toEqual({ length: 200, lines: 1 });
    // …but not when the project already has spans about that long.
    expect(runaway(long, { start: 0, end: 200 }, 120)).toBeNull();
  });
  it('never asks below the floor, even in an empty project', () => {
    const long = 'كلمة '.repeat(60);
    expect(runaway(long, { start: 0, end: ALWAYS_OK }, 0)).toBeNull();
    expect(runaway(long, { start: 0, end: ALWAYS_OK + 1 }, 0)).not.toBeNull();
  });
});

describe('excerpt', () => {
  it('keeps a short text whole', () => {
    expect(excerpt(para)).toBe(para);
  });
  it('cuts a long text at spaces, keeping both ends', () => {
    const long = Array.from({ length: 100 }, (_, i) => `كلمة${i}`).join(' ');
    const e = excerpt(long, 100);
    expect(e.startsWith('كلمة0 كلمة1 ')).toBe(true);
    expect(e.endsWith(' كلمة99')).toBe(true);
    expect(e).toContain(' … ');
    expect([...e].length).toBeLessThanOrEqual(100);
    for (const w of e.replace(' … ', ' ').split(' ')) expect(w).toMatch(/^كلمة\d+$/);
  });
});
