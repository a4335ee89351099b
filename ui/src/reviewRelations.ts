// The review panel's section for relations, span attributes and entity links: each disagreement with every
// analyst's version and a button to take it into the gold layer, and the gold relations.

import type { AttributeDisagreement, Decision, LinkDisagreement, Place, RelationDisagreement, RelationVote, ReviewView } from './bindings';
import { el } from './dom';
import { type Key, t, tNodes } from './i18n';
import { goldAttr, goldEntity, placeText, takeRelation, voteInGold } from './reviewRelModel';
import { state } from './state';
import { guard } from './toast';

type Decide = (ds: Decision[]) => Promise<void>;

const KIND: Record<RelationDisagreement['kind'], Key> = { missing: 'rvRelMissing', type: 'rvRelType', direction: 'rvRelDirection' };

const symmetric = (type: string): boolean => state.project?.relation_types.find((r) => r.name === type)?.directed === false;

/** A place's text, isolated, with its label. */
function placeNode(v: ReviewView, p: Place): HTMLElement {
  return el('span', { class: 'rel-end', 'data-label': p.label }, el('bdi', {}, placeText(v, p)), el('span', { class: 'muted small' }, ` ${p.label}`));
}

function takeButton(name: string, decisions: Decision[], decide: Decide): HTMLElement {
  const b = el('button', { type: 'button', class: 'btn small', 'data-take': name, 'aria-label': t('rvTakeAria', { name }) }, t('rvTake'));
  b.addEventListener('click', guard(() => decide(decisions), t('errTake')));
  return b;
}

/** One analyst's version: who, what, whether gold holds it, and the button taking it. */
function versionRow(name: string, what: (Node | string)[], inGold: boolean, decisions: Decision[], decide: Decide): HTMLElement {
  return el(
    'div',
    { class: 'rel-vote', 'data-annotator': name, 'data-in-gold': inGold ? 'true' : 'false' },
    el('strong', { class: 'who' }, el('bdi', {}, name)),
    el('span', { class: 'rel-what' }, ...what, inGold ? el('span', { class: 'res res-accepted small' }, t('rvInGold')) : null),
    takeButton(name, decisions, decide),
  );
}

function relationItem(v: ReviewView, d: RelationDisagreement, n: number, decide: Decide): HTMLElement {
  const vote = (x: RelationVote) => {
    if (x.type === null) return versionRow(x.annotator, [t('rvNoRelation')], voteInGold(v, d, x, symmetric), takeRelation(d, x), decide);
    const [from, to] = x.reversed ? [d.b, d.a] : [d.a, d.b];
    const key: Key = symmetric(x.type) ? 'rvSymmetric' : 'rvDirected';
    const what = [el('strong', { class: 'rel-type' }, x.type), ' ', ...tNodes<Node>(key, { from: placeNode(v, from), to: placeNode(v, to) })];
    return versionRow(x.annotator, what, voteInGold(v, d, x, symmetric), takeRelation(d, x), decide);
  };
  return el(
    'li',
    { 'data-rel-dis': n, 'data-kind': d.kind },
    el('div', { class: 'dis-row' }, el('span', { class: `kind kind-${d.kind}` }, t(KIND[d.kind])), placeNode(v, d.a), ' · ', placeNode(v, d.b)),
    ...d.votes.map(vote),
  );
}

function valueText(x: boolean | string | null): string {
  if (x === null) return t('rvNoValue');
  if (typeof x === 'boolean') return x ? t('rvYes') : t('rvNo');
  return x;
}

function attributeItem(v: ReviewView, a: AttributeDisagreement, n: number, decide: Decide): HTMLElement {
  const gold = goldAttr(v, a);
  return el(
    'li',
    { 'data-attr-dis': n, 'data-attr': a.name },
    el('div', { class: 'dis-row' }, ...tNodes<Node>('rvAttrOf', { name: el('strong', {}, a.name), text: placeNode(v, a.place) })),
    ...a.values.map(([name, value], i) =>
      versionRow(name, [el('bdi', { class: 'attr-value' }, valueText(value))], gold !== undefined && gold === value, [{ action: 'take_attribute', span_id: a.span_ids[i], name: a.name }], decide),
    ),
  );
}

/** An entity by its preferred name, its id beside it (muted); "not linked" for none. */
function entityNode(v: ReviewView, id: string | null): HTMLElement {
  if (id === null) return el('span', { class: 'entity-none' }, t('rvNoEntity'));
  return el('span', { class: 'entity', 'data-entity': id }, el('bdi', {}, v.entity_names[id] ?? id), ' ', el('bdi', { class: 'muted small entity-id', dir: 'ltr' }, id));
}

function linkItem(v: ReviewView, l: LinkDisagreement, n: number, decide: Decide): HTMLElement {
  const gold = goldEntity(v, l);
  return el(
    'li',
    { 'data-link-dis': n },
    el('div', { class: 'dis-row' }, ...tNodes<Node>('rvLinkOf', { text: placeNode(v, l.place) })),
    ...l.entities.map(([name, entity], i) =>
      versionRow(name, [entityNode(v, entity)], gold !== undefined && gold === entity, [{ action: 'take_entity', span_id: l.span_ids[i] }], decide),
    ),
  );
}

function goldRelations(v: ReviewView, decide: Decide): HTMLElement | null {
  if (!v.gold_relations.length) return null;
  const at = (id: number): Place | null => {
    const g = v.gold.find((x) => x.id === id);
    return g ? { start: g.start, end: g.end, label: g.label } : null;
  };
  return el(
    'div',
    { id: 'review-gold-relations' },
    el('h4', { class: 'small muted' }, t('rvGoldRelations')),
    el(
      'ul',
      {},
      ...v.gold_relations.map((r) => {
        const [from, to] = [at(r.from), at(r.to)];
        const ends = from && to ? tNodes<Node>(symmetric(r.type) ? 'rvSymmetric' : 'rvDirected', { from: placeNode(v, from), to: placeNode(v, to) }) : [];
        const rm = el('button', { type: 'button', class: 'btn btn-ghost btn-danger small', 'data-remove-gold-relation': r.id, 'aria-label': t('rvRemoveRelAria', { type: r.type }) }, '×');
        rm.addEventListener('click', guard(() => decide([{ action: 'remove_relation', gold_relation_id: r.id }]), t('errTake')));
        return el('li', { 'data-gold-relation': r.id, 'data-type': r.type }, el('strong', { class: 'rel-type' }, r.type), ' ', ...ends, rm);
      }),
    ),
  );
}

/** The section, or null when there is nothing to show (no disagreement, no gold relation). */
export function relationsSection(v: ReviewView, decide: Decide): HTMLElement | null {
  const rels = v.relation_disagreements.map((d, n) => relationItem(v, d, n, decide));
  const attrs = v.attribute_disagreements.map((a, n) => attributeItem(v, a, n, decide));
  const links = v.link_disagreements.map((l, n) => linkItem(v, l, n, decide));
  const gold = goldRelations(v, decide);
  if (!rels.length && !attrs.length && !links.length && !gold && !v.relations.length) return null;
  const any = rels.length + attrs.length + links.length > 0;
  return el(
    'section',
    { class: 'side-sec', id: 'review-relations' },
    el('h3', {}, t('rvRelations')),
    any ? el('ol', { id: 'review-rel-list', class: 'rel-list' }, ...rels, ...attrs, ...links) : el('p', { class: 'muted small' }, t('rvNoRelDiffs')),
    gold,
  );
}
