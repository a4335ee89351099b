// Unit tests for i18n.ts: both tables have every key, Arabic filled in and really Arabic; count phrases; t() parameters.
import { afterEach, describe, expect, it } from 'vitest';
import { arabicCategory, count, currentLang, fill, t, TABLES } from './i18n';

/** Keys whose Arabic is allowed to equal the English (punctuation, or names of formats and tools). */
const SAME = new Set(['colon', 'projectCount', 'fmtDoccano', 'exportedFiles']);
/** Keys whose Arabic holds no Arabic letter of its own (punctuation, a tool's name, a count phrase filled in). */
const NO_ARABIC = new Set(['colon', 'projectCount', 'fmtDoccano', 'language', 'agNAnalysts', 'exportedFiles']);

describe('string tables', () => {
  const keys = Object.keys(TABLES.en).sort();
  const ar = TABLES.ar as Record<string, string>;
  const en = TABLES.en as Record<string, string>;

  it('Arabic has every English key, none empty', () => {
    expect(Object.keys(TABLES.ar).sort()).toEqual(keys);
    for (const k of keys) expect(ar[k].trim(), k).not.toBe('');
  });

  it('every Arabic string differs from the English one (but for a few listed ones)', () => {
    expect(keys.filter((k) => !SAME.has(k) && ar[k] === en[k])).toEqual([]);
  });

  it('every Arabic string is written in Arabic (but for a few listed ones)', () => {
    expect(keys.filter((k) => !NO_ARABIC.has(k) && !/[\u0600-\u06ff]/.test(ar[k]))).toEqual([]);
  });

  it('the language button names the other language', () => {
    expect(en.language).toBe('العربية');
    expect(ar.language).toBe('English');
  });

  it('keeps the English texts the tests and users rely on', () => {
    expect(en.undone).toBe('Undone: {what}');
    expect(en.impSummary).toBe('{parts}; {spans} and {tags} added.');
    expect(en.noToken).toMatch(/^No access token/);
    expect(en.noServer).toMatch(/^Cannot reach the Hashiya server/);
  });
});

describe('count phrases', () => {
  it('English: singular for 1, plural otherwise', () => {
    expect([0, 1, 2, 3, 11, 100].map((n) => count(n, 'article', { in: 'en' }))).toEqual(['0 articles', '1 article', '2 articles', '3 articles', '11 articles', '100 articles']);
    expect(count(1, 'span', { in: 'en' })).toBe('1 span');
    expect(count(1234, 'article', { in: 'en', num: '1,234' })).toBe('1,234 articles');
  });

  it('Arabic: one, dual, 3–10 plural, 11–99 singular accusative, 100 and 0 singular genitive', () => {
    expect([0, 1, 2, 3, 11, 100].map((n) => count(n, 'article', { in: 'ar' }))).toEqual(['0 مقال', 'مقال واحد', 'مقالان', '3 مقالات', '11 مقالًا', '100 مقال']);
    expect([0, 1, 2, 3, 11, 100].map((n) => count(n, 'span', { in: 'ar' }))).toEqual(['0 مقطع', 'مقطع واحد', 'مقطعان', '3 مقاطع', '11 مقطعًا', '100 مقطع']);
    expect(count(2, 'article', { in: 'ar', gen: true })).toBe('مقالين');
    expect(count(10, 'file', { in: 'ar' })).toBe('10 ملفات');
    expect(count(103, 'file', { in: 'ar' })).toBe('103 ملفات');
    expect(count(111, 'file', { in: 'ar' })).toBe('111 ملفًا');
  });

  it('Arabic plural categories follow n mod 100', () => {
    expect([0, 1, 2, 3, 10, 11, 99, 100, 102, 105, 1000].map(arabicCategory)).toEqual(['other', 'one', 'two', 'few', 'few', 'many', 'many', 'other', 'other', 'few', 'other']);
  });
});

describe('t()', () => {
  afterEach(() => expect(currentLang()).toBe('en'));

  it('fills parameters and leaves unknown ones', () => {
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(t('stickyOn', { label: 'PER' })).toBe('Sticky: PER');
    expect(t('occLabelled', { places: count(10, 'place'), label: 'PER', already: '' })).toBe('Labelled 10 places PER. Ctrl+Z undoes it in one step.');
  });
});

describe('tNodes', () => {
  it('puts node parameters in place and fills the others', async () => {
    const { tNodes, setLang } = await import('./i18n');
    const fake = { name: 'عمر' };
    const doc = { documentElement: { lang: '', dir: '' }, body: { dir: '' }, getElementById: () => null, querySelectorAll: () => [] } as unknown as Document;
    setLang('en', doc);
    expect(tNodes('rvHasLacks1', { has: fake, lacks: 'salma' })).toEqual([fake, ' has it · ', 'salma', ' lacks it']);
    setLang('ar', doc);
    expect(tNodes('rvHasLacks1', { has: fake, lacks: 'salma' })).toEqual(['لدى ', fake, ' · ليس لدى ', 'salma']);
    setLang('en', doc);
  });
});
