import { describe, expect, it } from 'vitest';
import { coreColumn, detectDelimiter, guessMapping, headerDirection, isTokenHeader, mappingProblems, mappingRequest, previewCsv, readCsv } from './importCsv';

describe('readCsv', () => {
  it('reads plain rows with \\n, \\r\\n and \\r endings', () => {
    expect(readCsv('a,b\n1,2\r\n3,4\r5,6', ',').records).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
  });
  it('reads quotes, doubled quotes, delimiters and newlines inside quotes', () => {
    const csv = 'title,text\n"قال ""نعم""","سطر أول\nسطر, ثان"\n"",x\n';
    expect(readCsv(csv, ',').records).toEqual([
      ['title', 'text'],
      ['قال "نعم"', 'سطر أول\nسطر, ثان'],
      ['', 'x'],
    ]);
  });
  it('keeps \\r\\n inside a quoted field', () => {
    expect(readCsv('a\n"x\r\ny"\n', ',').records).toEqual([['a'], ['x\r\ny']]);
  });
  it('skips blank lines but keeps empty fields and a lone empty quoted field', () => {
    expect(readCsv('a,b\n\n,\n""\n\n', ',').records).toEqual([['a', 'b'], ['', ''], ['']]);
  });
  it('keeps text after a closing quote (lenient) and an unterminated quote to the end', () => {
    expect(readCsv('"ab"c,d\n"open\nstill', ',').records).toEqual([['abc', 'd'], ['open\nstill']]);
  });
  it('strips a BOM', () => {
    expect(readCsv('\ufeffالنص;العنوان\nا;ب', ';').records[0]).toEqual(['النص', 'العنوان']);
  });
  it('stops at the limit and says whether more follows', () => {
    expect(readCsv('a\n1\n2\n3\n', ',', 2)).toEqual({ records: [['a'], ['1']], complete: false });
    expect(readCsv('a\n1\n', ',', 2)).toEqual({ records: [['a'], ['1']], complete: true });
    expect(readCsv('a\n1\n\n\n', ',', 2).complete).toBe(true);
  });
  it('reads tab-separated fields', () => {
    expect(readCsv('a\tb\n"x\ty"\tz', '\t').records).toEqual([['a', 'b'], ['x\ty', 'z']]);
  });
});

describe('detectDelimiter', () => {
  it('uses tab for .tsv and .tab whatever the content', () => {
    expect(detectDelimiter('x.TSV', 'a,b,c')).toBe('\t');
    expect(detectDelimiter('x.tab', 'a;b')).toBe('\t');
  });
  it('counts , ; and tab on the header line outside quotes', () => {
    expect(detectDelimiter('x.csv', 'a;b;c\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('x.csv', 'a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('x.csv', '"a;b;c",d\n')).toBe(',');
    expect(detectDelimiter('x.csv', '\ufeffالنص;العنوان\n')).toBe(';');
  });
  it('prefers the comma on ties and when there is none', () => {
    expect(detectDelimiter('x.csv', 'a,b;c\n')).toBe(',');
    expect(detectDelimiter('x.csv', 'text\nx')).toBe(',');
  });
});

describe('previewCsv', () => {
  it('gives the header, the first rows and whether more follow', () => {
    const p = previewCsv('a.csv', 'h1;h2\n1;2\n3;4\n5;6\n', 2);
    expect(p).toEqual({ delimiter: ';', header: ['h1', 'h2'], rows: [['1', '2'], ['3', '4']], more: true });
    expect(previewCsv('e.csv', '').header).toEqual([]);
  });
});

describe('mapping', () => {
  it('guesses Arabic and English column names, case-insensitive, trimmed', () => {
    expect(guessMapping(['المحتوى', 'العنوان', 'الرابط', 'التاريخ', 'المصدر'])).toEqual({ text: 'المحتوى', title: 'العنوان', url: 'الرابط', date: 'التاريخ' });
    expect(guessMapping([' Title ', 'BODY', 'Link', 'published_at'])).toEqual({ text: 'BODY', title: ' Title ', url: 'Link', date: 'published_at' });
    expect(guessMapping(['a', 'b'])).toEqual({ text: null, title: null, url: null, date: null });
  });
  it('prefers the core names and never maps one column twice', () => {
    expect(guessMapping(['المحتوى', 'النص']).text).toBe('النص');
    expect(guessMapping(['content', 'text']).text).toBe('text');
  });
  it('knows what the core would pick by itself', () => {
    expect(coreColumn(['x', 'Headline'], 'title')).toBe('Headline');
    expect(coreColumn(['الرابط'], 'url')).toBeNull();
  });
  it('builds the request and lists problems', () => {
    expect(mappingRequest({ text: ' المحتوى ', title: null, url: 'الرابط', date: null })).toEqual({ text: 'المحتوى', url: 'الرابط' });
    expect(mappingProblems(['a', 'b'], { text: null, title: null, url: null, date: null })).toEqual(['Choose the column that holds the article text.']);
    expect(mappingProblems(['a', 'b'], { text: 'a', title: 'a', url: null, date: null })[0]).toMatch(/mapped twice/);
    expect(mappingProblems(['a'], { text: 'a', title: null, url: null, date: null })).toEqual([]);
  });
  it('reads the header direction', () => {
    expect(headerDirection(['id', 'النص'])).toBe('ltr');
    expect(headerDirection(['النص', 'id'])).toBe('rtl');
    expect(headerDirection(['1', 'العنوان'])).toBe('rtl');
  });
});

describe('token tables', () => {
  it('are told by a word and a tag column, and are not article tables', () => {
    expect(isTokenHeader(['Sentence #', 'Word', 'POS', 'Tag'])).toBe(true);
    expect(isTokenHeader(['token', 'label'])).toBe(true);
    expect(isTokenHeader(['title', 'text', 'label'])).toBe(false);
    expect(isTokenHeader(['word', 'text', 'tag'])).toBe(false);
    expect(isTokenHeader(['النص', 'العنوان'])).toBe(false);
  });
});
