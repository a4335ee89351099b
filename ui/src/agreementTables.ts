// Agreement tables: pairs (exact/overlap P/R/F1, Cohen's kappa; relations, attributes, entity links), labels (group
// and one pair), ranked articles.

import type { AgreementReport, PairAgreement, Prf } from './bindings';
import { el } from './dom';
import { fmt, pct } from './scale';
import { count, t } from './i18n';

type Cell = string | number | Node;

/** A table; a string cell is text, a number is shown as is; `data-value` keeps numbers exact for checks. */
export function table(id: string, head: string[], rows: Cell[][], rowAttrs: (i: number) => Record<string, string> = () => ({})): HTMLTableElement {
  return el(
    'table',
    { id, class: 'metrics' },
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((r, i) => el('tr', rowAttrs(i), ...r.map((c) => el('td', {}, typeof c === 'number' ? String(c) : c))))),
  );
}

/** A metric cell: three decimals, with the exact value in data-value. */
export function num(v: number | null, key: string): HTMLElement {
  return el('span', { class: 'num', 'data-metric': key, 'data-value': v === null ? 'null' : String(v) }, fmt(v));
}

const prf = (p: Prf, k: string) => [num(p.precision, `${k}.precision`), num(p.recall, `${k}.recall`), num(p.f1, `${k}.f1`)];

export function pairsTable(r: AgreementReport): HTMLTableElement {
  return table(
    'agreement-pairs',
    [t('agColARef'), 'B', t('articlesAria'), t('agTokens'), t('agExactP'), t('agExactR'), t('agExactF1'), t('agOverlapP'), t('agOverlapR'), t('agOverlapF1'), t('agCohen')],
    r.pairs.map((p) => [el('bdi', {}, p.a), el('bdi', {}, p.b), p.articles, p.tokens, ...prf(p.exact, 'exact'), ...prf(p.overlap, 'overlap'), num(p.cohen_kappa, 'cohen_kappa')]),
    (i) => ({ 'data-pair': `${r.pairs[i].a}|${r.pairs[i].b}` }),
  );
}

/** Per pair: relation F1, attribute kappa (with the values compared) and entity linking accuracy (with the spans). */
export function relationsTable(r: AgreementReport): HTMLTableElement {
  return table(
    'agreement-relations',
    [t('agColARef'), 'B', t('agRelF1'), t('agAttrKappa'), t('agAttrValues'), t('agLinkAcc'), t('agLinked')],
    r.pairs.map((p) => [el('bdi', {}, p.a), el('bdi', {}, p.b), num(p.relations.f1, 'relations.f1'), num(p.attribute_kappa, 'attribute_kappa'), p.attribute_values, num(p.linking_accuracy, 'linking_accuracy'), p.linked_spans]),
    (i) => ({ 'data-pair': `${r.pairs[i].a}|${r.pairs[i].b}` }),
  );
}

export function groupLabelTable(r: AgreementReport): HTMLTableElement {
  return table(
    'agreement-labels',
    [t('kindLabel'), t('agFleiss'), t('agAlpha')],
    r.group.per_label.map((l) => [l.label, num(l.fleiss_kappa, 'fleiss_kappa'), num(l.krippendorff_alpha, 'krippendorff_alpha')]),
    (i) => ({ 'data-label': r.group.per_label[i].label }),
  );
}

export function pairLabelTable(p: PairAgreement): HTMLTableElement {
  return table(
    'agreement-pair-labels',
    [t('kindLabel'), t('agExactP'), t('agExactR'), t('agExactF1'), t('agOverlapP'), t('agOverlapR'), t('agOverlapF1'), t('agCohen')],
    p.per_label.map((l) => [l.label, ...prf(l.exact, 'exact'), ...prf(l.overlap, 'overlap'), num(l.cohen_kappa, 'cohen_kappa')]),
    (i) => ({ 'data-label': p.per_label[i].label }),
  );
}

export function rankedList(r: AgreementReport, open: (articleId: number, annotators: string[]) => void): HTMLElement {
  if (!r.ranked.length) return el('p', { class: 'muted small' }, t('agNoRanked'));
  return el(
    'ol',
    { id: 'agreement-ranked' },
    ...r.ranked.map((a) => {
      const b = el(
        'button',
        { type: 'button', class: 'ranked-item', 'data-article-id': a.article_id, title: t('agOpenReview') },
        el('span', { class: 'article-title', dir: 'auto' }, a.title || a.ext_id || `#${a.article_id}`),
        el('span', { class: 'muted small' }, t('agRankedLine', { dis: count(a.disagreements, 'disagreement'), pct: pct(a.token_disagreement) }), el('bdi', {}, a.annotators.join(t('listSep')))),
      );
      b.addEventListener('click', () => open(a.article_id, a.annotators));
      return el('li', {}, b);
    }),
  );
}
