// The review side panel: legend, the current disagreement with its actions, the list, tag differences, gold, comments, log.

import type { Decision, Disagreement } from './bindings';
import { byId, el, present, safeColor } from './dom';
import { bandBackground, patternOf, placesOf, resolution, RESOLUTION_TEXT } from './reviewModel';
import { relationsSection } from './reviewRelations';
import { current, rv } from './reviewState';
import { labelByName } from './state';
import { guard } from './toast';
import { count, isolate, type Key, t, tNodes } from './i18n';

export interface PanelActions {
  go(index: number): void;
  accept(): Promise<void>;
  reject(): Promise<void>;
  edit(): void;
  removeCurrent(): Promise<void>;
  removeGold(id: number): Promise<void>;
  comment(text: string, spanId: number | null): Promise<void>;
  /** Several decisions at once, all or none (taking one analyst's version of a relation). */
  decideAll(decisions: Decision[]): Promise<void>;
}

let act: PanelActions;
export const initReviewPanel = (a: PanelActions) => (act = a);

const KIND_KEY: Record<'label' | 'boundary' | 'conflict' | 'missing', Key> = { label: 'kindLabel', boundary: 'kindBoundary', conflict: 'kindConflict', missing: 'kindMissing' };
const kindText = (k: keyof typeof KIND_KEY): string => t(KIND_KEY[k]);
const DECISION_KEY: Record<string, Key> = {
  accepted: 'decAccepted',
  added: 'decAdded',
  edited: 'decEdited',
  rejected: 'decRejected',
  removed: 'decRemoved',
  relation_accepted: 'decRelAccepted',
  relation_rejected: 'decRelRejected',
  relation_added: 'decRelAdded',
  relation_removed: 'decRelRemoved',
  attribute_set: 'decAttrSet',
  entity_set: 'decEntitySet',
};
/** A decision as the core names it, in the interface language when known. */
const decisionText = (d: string): string => (DECISION_KEY[d] ? t(DECISION_KEY[d]) : d);

function labelChip(label: string): HTMLElement {
  const s = el('span', { class: 'swatch' });
  s.style.backgroundColor = safeColor(labelByName(label)?.color ?? '');
  return el('span', { class: 'lbl' }, s, label);
}

function legend(): HTMLElement {
  const items = rv.annotators.map((a, i) => {
    const sample = el('span', { class: 'band-sample' });
    sample.style.background = bandBackground(patternOf(i), '#495057');
    return el('span', { class: 'legend-item', 'data-legend': a }, sample, el('span', { dir: 'auto' }, a), el('span', { class: 'muted small' }, t('rvLane', { n: i + 1 })));
  });
  const gold = el('span', { class: 'legend-item' }, el('span', { class: 'gold-sample' }), t('rvGoldWord'));
  return el('div', { id: 'review-legend' }, ...items, gold);
}

/** Names as isolated runs (<bdi>), so an Arabic name never reorders an English sentence nor a Latin one an Arabic. */
function names(list: readonly string[]): HTMLElement {
  const out = el('span', { class: 'names' });
  list.forEach((n, i) => out.append(...(i ? [t('listSep')] : []), el('bdi', { 'data-name': n }, n)));
  return out;
}

/** Who has a version: a version standing alone says who lacks it too; a version beside the others' versions
 * of the same place only names who has it. */
function who(d: Disagreement, paired: boolean): HTMLElement {
  const parts = paired ? [names(d.has)] : tNodes<Node>(d.lacks.length === 1 ? 'rvHasLacks1' : 'rvHasLacksN', { has: names(d.has), lacks: names(d.lacks) });
  return el('span', { class: 'muted small who' }, ...parts);
}

/** The versions of the place of list item `i` (its index among them first is not implied: text order). */
function placeOf(i: number): number[] {
  return placesOf(rv.list).find((p) => p.includes(i)) ?? [i];
}

/** The current place's versions side by side (the current one marked; a click picks another). */
function versionsBox(): HTMLElement {
  const place = placeOf(rv.cur);
  const paired = place.length > 1;
  return el(
    'div',
    { class: `versions${paired ? ' versions-pair' : ''}`, id: 'review-versions' },
    ...place.map((i) => {
      const v = rv.list[i];
      const b = el(
        'button',
        { type: 'button', class: 'version', 'data-dis-index': i, 'aria-current': i === rv.cur ? 'true' : undefined },
        paired ? labelChip(v.label) : null,
        el('blockquote', { class: 'pop-quote', dir: 'auto' }, v.text),
        who(v, paired),
      );
      b.addEventListener('click', () => act.go(i));
      return b;
    }),
  );
}

/** "2 / 3": the current place among the places (a pair counts once). */
function placeNumber(): string {
  const places = placesOf(rv.list);
  return `${places.findIndex((p) => p.includes(rv.cur)) + 1} / ${places.length}`;
}

function currentBox(): HTMLElement {
  const d = current();
  if (!d || !rv.view) return el('div', { id: 'review-current', class: 'muted small' }, rv.list.length ? t('rvPressJ') : t('rvNoDisagreements'));
  const res = resolution(d, rv.view.gold, rv.view.decisions);
  const btn = (id: string, text: string, key: string, fn: () => Promise<void> | void, cls = 'btn') => {
    const b = el('button', { type: 'button', id, class: cls }, `${text} `, el('kbd', {}, key));
    b.addEventListener('click', guard(fn, `${text} failed`));
    return b;
  };
  return el(
    'div',
    { id: 'review-current', 'data-dis-index': rv.cur },
    el('div', { class: 'cur-head' }, el('span', { class: `kind kind-${d.kind}` }, kindText(d.kind)), labelChip(d.label), el('span', { class: `res res-${res}`, 'data-resolution': res }, RESOLUTION_TEXT[res]), el('span', { class: 'muted small' }, placeNumber())),
    versionsBox(),
    el(
      'div',
      { class: 'cur-actions' },
      btn('review-accept', t('rvAccept'), 'a', act.accept, 'btn btn-primary'),
      btn('review-reject', t('rvReject'), 'r', act.reject),
      btn('review-edit', t('rvEdit'), 'e', act.edit),
      btn('review-remove', t('rvRemove'), 'x', act.removeCurrent, 'btn btn-danger'),
    ),
  );
}

/** One item per place: a pair (or more) of versions side by side, or a single version with who lacks it. */
function disList(): HTMLElement {
  const v = rv.view!;
  return el(
    'ol',
    { id: 'review-dis-list' },
    ...placesOf(rv.list).map((place, n) => {
      const paired = place.length > 1;
      const versions = place.map((i) => {
        const d = rv.list[i];
        const res = resolution(d, v.gold, v.decisions);
        const b = el(
          'button',
          { type: 'button', class: 'dis-item', 'data-dis-index': i, 'data-kind': d.kind, 'data-resolution': res, 'aria-current': i === rv.cur ? 'true' : undefined },
          el('span', { class: 'dis-row' }, paired && i !== place[0] ? null : el('span', { class: `kind kind-${d.kind}` }, kindText(d.kind)), labelChip(d.label), el('span', { class: `res res-${res}` }, RESOLUTION_TEXT[res])),
          el('span', { class: 'dis-text', dir: 'auto' }, d.text),
          who(d, paired),
        );
        b.addEventListener('click', () => act.go(i));
        return b;
      });
      return el('li', { class: `dis-place${paired ? ' dis-pair' : ''}`, 'data-place': n }, ...versions);
    }),
  );
}

function section(title: string, ...body: (Node | null)[]): HTMLElement {
  return el('section', { class: 'side-sec' }, el('h3', {}, title), ...present(...body));
}

function goldList(): HTMLElement {
  const v = rv.view!;
  if (!v.gold.length) return el('p', { class: 'muted small', id: 'review-gold-list' }, t('rvGoldEmpty'));
  return el(
    'ul',
    { id: 'review-gold-list' },
    ...v.gold.map((g) => {
      const rm = el('button', { type: 'button', class: 'btn btn-ghost btn-danger small', 'data-remove-gold': g.id, 'aria-label': t('rvRemoveAria', { label: g.label, text: g.text }) }, '×');
      rm.addEventListener('click', guard(() => act.removeGold(g.id), t('errRemoveGoldSpan')));
      return el('li', { 'data-gold-id': g.id }, labelChip(g.label), el('span', { class: 'dis-text', dir: 'auto' }, g.text), el('span', { class: 'muted small' }, decisionText(g.decision)), rm);
    }),
  );
}

function comments(): HTMLElement {
  const v = rv.view!;
  const d = current();
  const target = el('select', { id: 'review-comment-target', 'aria-label': t('rvCommentOn') }, el('option', { value: '' }, t('rvTheArticle')));
  if (d) target.append(el('option', { value: String(d.span_ids[0]) }, t('rvTheSpan', { name: isolate(d.has[0]), label: d.label })));
  const text = el('textarea', { id: 'review-comment-text', rows: 2, dir: 'auto', placeholder: t('rvCommentPh') });
  const send = () => act.comment(text.value, target.value ? Number(target.value) : null);
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      guard(send, t('errComment'))();
    }
  });
  const add = el('button', { type: 'button', id: 'review-comment-add', class: 'btn' }, t('rvComment'));
  add.addEventListener('click', guard(send, t('errComment')));
  const spanText = (id: number | null) => (id === null ? t('rvArticleWord') : (v.spans.find((s) => s.id === id)?.text ?? t('rvSpanN', { n: id })));
  return el(
    'div',
    { id: 'review-comments' },
    el('ul', {}, ...v.comments.map((c) => el('li', { 'data-comment-id': c.id }, el('strong', { dir: 'auto' }, c.author), el('span', { class: 'muted small', dir: 'auto' }, t('rvOn', { what: spanText(c.span_id) })), el('span', { dir: 'auto' }, c.text)))),
    el('div', { class: 'comment-form' }, el('label', { class: 'small muted' }, t('rvOnLabel'), target), text, add),
  );
}

function decisionLog(): HTMLElement {
  const v = rv.view!;
  return el(
    'details',
    { id: 'review-log' },
    el('summary', { class: 'small' }, t('rvLog', { n: v.decisions.length })),
    el('ol', { class: 'small' }, ...v.decisions.map((x) => el('li', { dir: 'auto' }, `${x.created_at.slice(0, 19).replace('T', ' ')} ${isolate(x.reviewer)}: ${decisionText(x.decision)}${x.label ? ` ${x.label}` : ''}${x.start !== null ? ` [${x.start}, ${x.end})` : ''}${x.detail ? ` · ${x.detail}` : ''}`))),
  );
}

export function renderReviewPanel(): void {
  const v = rv.view;
  const side = byId('review-side');
  if (!v) {
    side.replaceChildren();
    return;
  }
  // A place is open while none of its versions is resolved.
  const open = placesOf(rv.list).filter((p) => p.every((i) => resolution(rv.list[i], v.gold, v.decisions) === 'open')).length;
  const tagDiffs = v.comparison.tag_differences;
  side.replaceChildren(
    ...present(
    legend(),
    el('p', { id: 'review-summary', class: 'small' }, t('rvSummary', { n: v.comparison.disagreement_count, dis: count(v.comparison.disagreement_count, 'disagreement'), open, agreed: v.comparison.agreed.length, gold: v.gold.length, adj: v.adjudicated ? t('rvAdjSuffix') : '' })),
    currentBox(),
    section(t('rvDisagreements'), rv.list.length ? disList() : el('p', { class: 'muted small' }, t('rvNone'))),
    relationsSection(v, act.decideAll),
    tagDiffs.length
      ? section(t('rvTagDiffs'), el('ul', { id: 'review-tag-diffs' }, ...tagDiffs.map((td) => el('li', { 'data-tag-diff': td.label }, el('strong', {}, td.label), ' ', el('span', { class: 'muted small' }, ...tNodes<Node>('rvTagHasNot', { has: names(td.has), lacks: names(td.lacks) }))))))
      : null,
    section(t('rvGoldLayer'), goldList()),
    section(t('rvComments'), comments()),
    decisionLog(),
    ),
  );
}
