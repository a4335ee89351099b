// Unit tests for markdown.ts (the parser): headings, lists, paragraphs, code, inline marks; HTML stays text.
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown';

describe('parseMarkdown', () => {
  it('reads the block kinds', () => {
    const md = '# الإرشادات\n\nنص **مهم** و*مائل* و`PER`.\nسطر ثان\n\n- أول\n- ثان\n\n1. one\n2. two\n\n```\n<b>code</b>\n```\n> ملاحظة';
    const b = parseMarkdown(md);
    expect(b.map((x) => x.type)).toEqual(['heading', 'paragraph', 'list', 'list', 'code', 'quote']);
    expect(b[0]).toEqual({ type: 'heading', level: 1, inline: [{ kind: 'text', text: 'الإرشادات' }] });
    expect(b[1]).toEqual({
      type: 'paragraph',
      inline: [
        { kind: 'text', text: 'نص ' },
        { kind: 'strong', text: 'مهم' },
        { kind: 'text', text: ' و' },
        { kind: 'em', text: 'مائل' },
        { kind: 'text', text: ' و' },
        { kind: 'code', text: 'PER' },
        { kind: 'text', text: '. سطر ثان' },
      ],
    });
    expect(b[2]).toMatchObject({ type: 'list', ordered: false, items: [[{ text: 'أول' }], [{ text: 'ثان' }]] });
    expect(b[3]).toMatchObject({ type: 'list', ordered: true });
    expect(b[4]).toEqual({ type: 'code', text: '<b>code</b>' });
  });

  it('keeps HTML and unknown syntax as text', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)> [link](javascript:x)')).toEqual([
      { type: 'paragraph', inline: [{ kind: 'text', text: '<img src=x onerror=alert(1)> [link](javascript:x)' }] },
    ]);
  });

  it('does not read snake_case or a lone * as marks', () => {
    expect(parseInline('a_b_c 2 * 3 * 4')).toEqual([{ kind: 'text', text: 'a_b_c 2 * 3 * 4' }]);
    expect(parseInline('__bold__ and _it_')).toEqual([
      { kind: 'strong', text: 'bold' },
      { kind: 'text', text: ' and ' },
      { kind: 'em', text: 'it' },
    ]);
    // Double underscores that open or close inside a word stay text.
    expect(parseInline('window.__pwned=1; window.__pwned=2 and a__b__c')).toEqual([{ kind: 'text', text: 'window.__pwned=1; window.__pwned=2 and a__b__c' }]);
    expect(parseInline('(__مهم__)')).toEqual([{ kind: 'text', text: '(' }, { kind: 'strong', text: 'مهم' }, { kind: 'text', text: ')' }]);
  });

  it('joins indented continuation lines to the list item; \\r\\n is a line break', () => {
    const b = parseMarkdown('- first\r\n  more\r\n- second');
    expect(b).toHaveLength(1);
    expect(b[0]).toMatchObject({ type: 'list', items: [[{ text: 'first' }, { text: ' ' }, { text: 'more' }], [{ text: 'second' }]] });
  });
});
