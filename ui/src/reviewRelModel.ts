// Relation, attribute and entity-link disagreements in review: which analyst's version the gold layer holds, and
// the decisions that take one version (pure functions, tested without a DOM).

import type { AttributeDisagreement, Decision, GoldRelation, GoldSpan, LinkDisagreement, Place, RelationDisagreement, RelationVote, ReviewView } from './bindings';

/** The gold span at a place with its label, if the gold layer has one. */
export function goldAtPlace(gold: readonly GoldSpan[], p: Place): GoldSpan | undefined {
  return gold.find((g) => g.start === p.start && g.end === p.end && g.label === p.label);
}

/** The text at a place (code points, as the core counts them). */
export function placeText(v: ReviewView, p: Place): string {
  return Array.from(v.article.text).slice(p.start, p.end).join('');
}

/** The gold relations between the two places of a disagreement (either way round). */
function goldBetween(v: ReviewView, d: RelationDisagreement): { rel: GoldRelation; reversed: boolean }[] {
  const a = goldAtPlace(v.gold, d.a);
  const b = goldAtPlace(v.gold, d.b);
  if (!a || !b) return [];
  return v.gold_relations.filter((r) => (r.from === a.id && r.to === b.id) || (r.from === b.id && r.to === a.id)).map((rel) => ({ rel, reversed: rel.from === b.id }));
}

/** Whether the gold layer holds this analyst's version: their relation (type and direction; a symmetric type
 * either way round), or for "no relation" both places in gold with no relation between them. */
export function voteInGold(v: ReviewView, d: RelationDisagreement, vote: RelationVote, symmetric: (type: string) => boolean): boolean {
  const between = goldBetween(v, d);
  if (vote.type === null) return !!goldAtPlace(v.gold, d.a) && !!goldAtPlace(v.gold, d.b) && between.length === 0;
  return between.some((g) => g.rel.type === vote.type && (symmetric(vote.type!) || g.reversed === vote.reversed));
}

/** Take one analyst's version of a relation: the others' relations are rejected, theirs (if any) accepted. */
export function takeRelation(d: RelationDisagreement, vote: RelationVote): Decision[] {
  const others = d.votes.filter((o) => o.relation_id !== null && o.relation_id !== vote.relation_id);
  const out: Decision[] = others.map((o) => ({ action: 'reject_relation', relation_id: o.relation_id! }));
  if (vote.relation_id !== null) out.push({ action: 'accept_relation', relation_id: vote.relation_id });
  return out;
}

/** The gold value of a disagreeing attribute: undefined while the place is not in gold, null when absent there. */
export function goldAttr(v: ReviewView, a: AttributeDisagreement): boolean | string | null | undefined {
  const g = goldAtPlace(v.gold, a.place);
  return g ? (g.attrs[a.name] ?? null) : undefined;
}

/** The gold entity of a disagreeing link: undefined while the place is not in gold, null when unlinked there. */
export function goldEntity(v: ReviewView, l: LinkDisagreement): string | null | undefined {
  const g = goldAtPlace(v.gold, l.place);
  return g ? (g.entity ?? null) : undefined;
}
