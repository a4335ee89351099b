// Unit tests for relModel.ts: types offered by the schema's ends, keys, the side list's line and order, attribute
// badges, defaults and keys.
import { describe, expect, it } from 'vitest';
import type { Relation, RelationType, SpanAttribute } from './bindings';
import { attrBadge, attrByKey, attrValues, canRelate, inTextOrder, relLine, relationsOf, typeByKey, typesFor } from './relModel';

const rt = (name: string, hotkey: string, directed: boolean, from: string[], to: string[]): RelationType => ({ id: 0, name, color: '#123456', hotkey, description: '', directed, from_labels: from, to_labels: to });
const TYPES = [rt('MEETS', 'm', false, ['PER'], ['PER']), rt('VISITS', 'v', true, ['PER'], ['LOC']), rt('ANY', '', true, [], [])];
const span = (id: number, label: string, text = '') => ({ id, label, text, annotator: 'a' });
const rel = (id: number, from: number, to: number, type = 'MEETS'): Relation => ({ id, article_id: 1, from, to, type, annotator: 'a', note: '', created_at: '', updated_at: '' });

describe('types', () => {
  it('offers the types whose ends fit the two labels, a directed one only the right way round', () => {
    expect(typesFor(TYPES, span(1, 'PER'), span(2, 'PER')).map((t) => t.name)).toEqual(['MEETS', 'ANY']);
    expect(typesFor(TYPES, span(1, 'PER'), span(2, 'LOC')).map((t) => t.name)).toEqual(['VISITS', 'ANY']);
    expect(typesFor(TYPES, span(1, 'LOC'), span(2, 'PER')).map((t) => t.name)).toEqual(['ANY']);
  });
  it('a symmetric type fits either way round', () => {
    const near = rt('NEAR', '', false, ['PER'], ['LOC']);
    expect(typesFor([near], span(1, 'LOC'), span(2, 'PER')).length).toBe(1);
  });
  it('tells whether a label can stand at an end of some type', () => {
    expect(canRelate(TYPES.slice(0, 2), 'LOC')).toBe(true);
    expect(canRelate(TYPES.slice(0, 2), 'DATE')).toBe(false);
    expect(canRelate(TYPES, 'DATE')).toBe(true);
  });
  it('finds a type by its key, ignoring case, never by an empty key', () => {
    expect(typeByKey(TYPES, 'V')?.name).toBe('VISITS');
    expect(typeByKey(TYPES, '')).toBeUndefined();
  });
});

describe('relations', () => {
  it("lists a span's relations and orders relations by their first end in the text", () => {
    const rels = [rel(1, 3, 4), rel(2, 1, 2), rel(3, 4, 1)];
    expect(relationsOf(rels, 4).map((r) => r.id)).toEqual([1, 3]);
    const starts = new Map([[1, 50], [2, 80], [3, 10], [4, 30]]);
    expect(inTextOrder(rels, starts).map((r) => r.id)).toEqual([1, 3, 2]);
  });
  it('writes the side list line with the link between the two ends', () => {
    const l = relLine(rel(1, 1, 2, 'MEETS'), [span(1, 'PER', 'حموشي'), span(2, 'PER', 'الهويريني')], false);
    expect(l).toEqual({ from: { label: 'PER', text: 'حموشي' }, link: '—MEETS—', to: { label: 'PER', text: 'الهويريني' } });
    expect(relLine(rel(1, 1, 9, 'VISITS'), [span(1, 'PER', 'x')], true)).toMatchObject({ link: '—VISITS→', to: null });
    // Read right to left, the arrow points left.
    expect(relLine(rel(1, 1, 2, 'VISITS'), [span(1, 'PER', 'x')], true, true).link).toBe('←VISITS—');
  });
});

describe('attributes', () => {
  const defs: SpanAttribute[] = [
    { id: 1, label: 'PER', name: 'negated', kind: 'bool', choices: [], default: 'false', keys: ['n'] },
    { id: 2, label: 'PER', name: 'certainty', kind: 'choice', choices: ['certain', 'reported', 'uncertain'], default: 'certain', keys: ['c', 'r', 'u'] },
    { id: 3, label: 'PER', name: 'role', kind: 'text', choices: [], default: '', keys: [] },
    { id: 4, label: 'LOC', name: 'kind', kind: 'choice', choices: ['city'], default: '', keys: [''] },
  ];
  it('shows only the values that differ from the defaults', () => {
    expect(attrBadge('PER', { negated: false, certainty: 'certain', role: '' }, defs)).toBe('');
    expect(attrBadge('PER', { negated: true, certainty: 'reported', role: 'المدير العام للأمن' }, defs)).toBe('negated · reported · role: المدير العام…');
    expect(attrBadge('PER', undefined, defs)).toBe('');
  });
  it("fills in the label's defaults", () => {
    expect(attrValues('PER', { certainty: 'reported' }, defs)).toEqual({ negated: false, certainty: 'reported', role: '' });
    expect(attrValues('ORG', {}, defs)).toEqual({});
  });
  it('a bool key toggles, a choice key picks its value, other keys do nothing', () => {
    const cur = attrValues('PER', {}, defs);
    expect(attrByKey('PER', cur, defs, 'n')).toMatchObject({ negated: true });
    expect(attrByKey('PER', cur, defs, 'R')).toMatchObject({ certainty: 'reported' });
    expect(attrByKey('PER', cur, defs, 'x')).toBeNull();
    expect(attrByKey('LOC', {}, defs, '')).toBeNull();
  });
});
