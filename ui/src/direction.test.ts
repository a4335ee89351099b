import { describe, expect, it } from 'vitest';
import { majorityDir } from './direction';

describe('majorityDir', () => {
  it('follows the majority of strong letters, not the first one', () => {
    const cases: [string, 'rtl' | 'ltr'][] = [
      ['AG ستبني محطة جديدة في مدينة العلمين', 'rtl'],
      ['وفد FBI بالرباط', 'rtl'],
      ['The FBI delegation met حموشي in Rabat', 'ltr'],
      ['12 2026 …', 'ltr'],
      ['', 'ltr'],
      ['عبدُ اللطيفِ', 'rtl'],
    ];
    for (const [text, want] of cases) expect(majorityDir(text), text).toBe(want);
  });
});
