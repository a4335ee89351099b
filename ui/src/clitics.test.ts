// Table-driven tests for clitics.ts and clitic-aware snapping (snap.ts): which prefix a span leaves out.
import { describe, expect, it } from 'vitest';
import { cliticPrefixLength, normalizeWord } from './clitics';
import { snapRange, wordAt } from './snap';

const strip = (w: string, known: string[] = []) => w.slice(cliticPrefixLength(w, (s) => known.map(normalizeWord).includes(s)));

describe('cliticPrefixLength', () => {
  const table: [string, string, string[]?][] = [
    ['والرباط', 'الرباط'],
    ['بالرياض', 'الرياض'],
    ['وبالمغرب', 'المغرب'],
    ['كالأسد', 'الأسد'],
    ['فالمغرب', 'المغرب'],
    ['وللمملكة', 'لمملكة'],
    ['للمملكة', 'لمملكة'], // ل + ال with its alif elided: only the first ل goes
    ['فللمغرب', 'لمغرب'],
    ['للغاية', 'لغاية'],
    ['لله', 'لله'],
    ['الرباط', 'الرباط'],
    ['فلسطين', 'فلسطين'], // ف ل begin the word itself
    ['فلمحمد', 'محمد', ['محمد']], // ف + ل before a word found on its own
    ['فلمحمد', 'فلمحمد'],
    ['وزير', 'وزير'],
    ['لبنان', 'لبنان'],
    ['ولبنان', 'لبنان', ['لبنان']],
    ['وحموشي', 'حموشي', ['حموشي']],
    ['وبحموشي', 'حموشي', ['حموشي']],
    ['وحموشي', 'وحموشي'],
    ['بالغة', 'بالغة'],
    ['والدة', 'والدة'],
    ['والده', 'والده'],
    ['وكالة', 'وكالة'],
    ['وكالات', 'وكالات'],
    ['بيان', 'بيان'],
    ['وَالرِّباط', 'الرِّباط'], // harakat stay with their letters
    ['وبِالمغرب', 'المغرب'],
    ['مصر', 'مصر'],
    ['FBI', 'FBI'],
  ];
  for (const [word, want, known] of table) {
    it(`${word} → ${want}${known ? ` (knowing ${known.join(', ')})` : ''}`, () => expect(strip(word, known)).toBe(want));
  }
});

const cpOf = (t: string, s: string) => {
  const i = t.indexOf(s);
  const start = [...t.slice(0, i)].length;
  return { start, end: start + [...s].length };
};
const slice = (t: string, r: { start: number; end: number } | null) => (r ? [...t].slice(r.start, r.end).join('') : null);

describe('snapRange with clitics', () => {
  const T = '😀 وصل حموشي والرباط صباحا، ثم زار وحموشي للمملكة وبالمغرب في 12 فبراير/شباط.';
  it('excludes by default in the app and includes when asked', () => {
    const r = cpOf(T, 'والرباط');
    expect(slice(T, snapRange(T, r.start, r.end, false, 'exclude'))).toBe('الرباط');
    expect(slice(T, snapRange(T, r.start, r.end, false, 'include'))).toBe('والرباط');
    // A selection inside the word snaps to the word, then the clitic goes.
    expect(slice(T, snapRange(T, r.start + 3, r.start + 4, false, 'exclude'))).toBe('الرباط');
  });
  it('keeps the article ل of لل and strips وب', () => {
    const r = cpOf(T, 'للمملكة');
    expect(slice(T, snapRange(T, r.start, r.end, false, 'exclude'))).toBe('لمملكة');
    const b = cpOf(T, 'وبالمغرب');
    expect(slice(T, snapRange(T, b.start, b.end, false, 'exclude'))).toBe('المغرب');
  });
  it('strips و before a name the article spells on its own', () => {
    const r = cpOf(T, 'وحموشي');
    expect(slice(T, snapRange(T, r.start, r.end, false, 'exclude'))).toBe('حموشي');
  });
  it('only the first word of a longer selection', () => {
    const r = cpOf(T, 'والرباط صباحا');
    expect(slice(T, snapRange(T, r.start, r.end, false, 'exclude'))).toBe('الرباط صباحا');
  });
  it('exact (Alt) selection ignores the clitic setting', () => {
    const r = cpOf(T, 'والرباط');
    expect(slice(T, snapRange(T, r.start, r.end, true, 'exclude'))).toBe('والرباط');
  });
  it('a caret inside a word picks the word', () => {
    const r = cpOf(T, 'والرباط');
    expect(slice(T, wordAt(T, r.start + 2, 'exclude'))).toBe('الرباط');
    expect(slice(T, wordAt(T, r.end, 'include'))).toBe('والرباط');
    expect(slice(T, wordAt(T, cpOf(T, '12').start + 1))).toBe('12');
    expect(wordAt(T, cpOf(T, '،').end + 0)).toBeNull();
  });
});
