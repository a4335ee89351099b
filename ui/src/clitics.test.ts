// Clitic-aware snapping (snap.ts) with the core's cuts: the model is the core's (src/clitics.rs,
// tested there); the UI only starts a selection where the core's `clitic_cuts` says the stem starts.
import { describe, expect, it } from 'vitest';
import { cutsFrom } from './clitics';
import { snapRange, wordAt } from './snap';

const cpOf = (t: string, s: string) => {
  const i = t.indexOf(s);
  const start = [...t.slice(0, i)].length;
  return { start, end: start + [...s].length };
};
const slice = (t: string, r: { start: number; end: number } | null) => (r ? [...t].slice(r.start, r.end).join('') : null);

describe('snapRange with clitics', () => {
  const T = '😀 وصل حموشي والرباط صباحا، ثم زار وحموشي للمملكة وبالمغرب في 12 فبراير/شباط.';
  // What the core's clitic_cuts answers for T (word start → stem start): و|الرباط, و|حموشي, وب|المغرب;
  // للمملكة has none (the article's alef is elided: the word stays whole).
  const cut = (word: string, prefix: number) => [cpOf(T, word).start, cpOf(T, word).start + prefix] as [number, number];
  const cuts = cutsFrom([cut('والرباط', 1), cut('وحموشي', 1), cut('وبالمغرب', 2)]);
  it('excludes by default in the app and includes when asked', () => {
    const r = cpOf(T, 'والرباط');
    expect(slice(T, snapRange(T, r.start, r.end, false, 'exclude', cuts))).toBe('الرباط');
    expect(slice(T, snapRange(T, r.start, r.end, false, 'include'))).toBe('والرباط');
    // A selection inside the word snaps to the word, then the clitic goes.
    expect(slice(T, snapRange(T, r.start + 3, r.start + 4, false, 'exclude', cuts))).toBe('الرباط');
  });
  it('keeps للمملكة whole and strips وب', () => {
    const r = cpOf(T, 'للمملكة');
    expect(slice(T, snapRange(T, r.start, r.end, false, 'exclude', cuts))).toBe('للمملكة');
    const b = cpOf(T, 'وبالمغرب');
    expect(slice(T, snapRange(T, b.start, b.end, false, 'exclude', cuts))).toBe('المغرب');
  });
  it('without the cuts (not loaded yet) the whole word', () => {
    const r = cpOf(T, 'والرباط');
    expect(slice(T, snapRange(T, r.start, r.end, false, 'exclude'))).toBe('والرباط');
  });
  it('strips و before a name the article spells on its own', () => {
    const r = cpOf(T, 'وحموشي');
    expect(slice(T, snapRange(T, r.start, r.end, false, 'exclude', cuts))).toBe('حموشي');
  });
  it('only the first word of a longer selection', () => {
    const r = cpOf(T, 'والرباط صباحا');
    expect(slice(T, snapRange(T, r.start, r.end, false, 'exclude', cuts))).toBe('الرباط صباحا');
  });
  it('exact (Alt) selection ignores the clitic setting', () => {
    const r = cpOf(T, 'والرباط');
    expect(slice(T, snapRange(T, r.start, r.end, true, 'exclude', cuts))).toBe('والرباط');
  });
  it('a caret inside a word picks the word', () => {
    const r = cpOf(T, 'والرباط');
    expect(slice(T, wordAt(T, r.start + 2, 'exclude', cuts))).toBe('الرباط');
    expect(slice(T, wordAt(T, r.end, 'include'))).toBe('والرباط');
    expect(slice(T, wordAt(T, cpOf(T, '12').start + 1))).toBe('12');
    expect(wordAt(T, cpOf(T, '،').end + 0)).toBeNull();
  });
});
