// Unit tests for i18n.ts: both tables have every key, non-empty.
import { describe, expect, it } from 'vitest';
import { TABLES } from './i18n';

describe('string tables', () => {
  it('Arabic has every English key, none empty', () => {
    const keys = Object.keys(TABLES.en).sort();
    expect(Object.keys(TABLES.ar).sort()).toEqual(keys);
    for (const k of keys) expect((TABLES.ar as Record<string, string>)[k].trim(), k).not.toBe('');
  });
});
