// Unit tests for reviewRelModel.ts: which analyst's relation/attribute/link version gold holds, and taking one.
import { describe, expect, it } from 'vitest';
import type { GoldRelation, GoldSpan, RelationDisagreement, ReviewView } from './bindings';
import { goldAttr, goldEntity, placeText, takeRelation, voteInGold } from './reviewRelModel';

const gold = (id: number, start: number, end: number, label: string, extra: Partial<GoldSpan> = {}): GoldSpan => ({
  id,
  article_id: 1,
  start,
  end,
  label,
  text: '',
  reviewer: 'R',
  decision: 'accepted',
  source_span_id: null,
  created_at: '',
  attrs: {},
  ...extra,
});
const rel = (id: number, from: number, to: number, type: string): GoldRelation => ({ id, article_id: 1, from, to, type, reviewer: 'R', decision: 'accepted', source_relation_id: null, created_at: '' });
const view = (g: GoldSpan[], r: GoldRelation[]): ReviewView => ({ article: { text: 'التقى 😀 حموشي المدير' }, gold: g, gold_relations: r }) as unknown as ReviewView;

const A = { start: 8, end: 13, label: 'PER' };
const B = { start: 14, end: 20, label: 'PER' };
const dis: RelationDisagreement = {
  kind: 'type',
  a: A,
  b: B,
  votes: [
    { annotator: 'karim', relation_id: 11, type: 'ADVISES', reversed: true },
    { annotator: 'salma', relation_id: 12, type: 'MEETS', reversed: false },
    { annotator: 'omar', relation_id: null, type: null, reversed: false },
  ],
};
const sym = (t: string) => t === 'MEETS';

describe('relation versions', () => {
  it('taking a version rejects the others and accepts it; taking "none" only rejects', () => {
    expect(takeRelation(dis, dis.votes[0])).toEqual([
      { action: 'reject_relation', relation_id: 12 },
      { action: 'accept_relation', relation_id: 11 },
    ]);
    expect(takeRelation(dis, dis.votes[2])).toEqual([
      { action: 'reject_relation', relation_id: 11 },
      { action: 'reject_relation', relation_id: 12 },
    ]);
  });

  it('says which version the gold layer holds, by type and direction (a symmetric type either way)', () => {
    const g = [gold(1, 8, 13, 'PER'), gold(2, 14, 20, 'PER')];
    const inGold = (r: GoldRelation[]) => dis.votes.map((v) => voteInGold(view(g, r), dis, v, sym));
    expect(inGold([rel(5, 2, 1, 'ADVISES')])).toEqual([true, false, false]);
    expect(inGold([rel(5, 1, 2, 'ADVISES')])).toEqual([false, false, false]);
    expect(inGold([rel(5, 2, 1, 'MEETS')])).toEqual([false, true, false]);
    expect(inGold([])).toEqual([false, false, true]);
    // Nothing in gold at the places: no version is.
    expect(dis.votes.map((v) => voteInGold(view([], []), dis, v, sym))).toEqual([false, false, false]);
  });
});

describe('attribute and link versions', () => {
  it('reads the gold value at the place: undefined when not in gold, null when absent', () => {
    const a = { place: B, name: 'certainty', values: [], span_ids: [] };
    expect(goldAttr(view([], []), a)).toBeUndefined();
    expect(goldAttr(view([gold(2, 14, 20, 'PER')], []), a)).toBeNull();
    expect(goldAttr(view([gold(2, 14, 20, 'PER', { attrs: { certainty: 'reported' } })], []), a)).toBe('reported');
    const l = { place: A, entities: [], span_ids: [] };
    expect(goldEntity(view([gold(1, 8, 13, 'PER', { entity: 'E1-x' })], []), l)).toBe('E1-x');
    expect(goldEntity(view([gold(1, 8, 13, 'LOC')], []), l)).toBeUndefined();
  });

  it('cuts place text in code points (an emoji counts once)', () => {
    expect(placeText(view([], []), A)).toBe('حموشي');
  });
});
