// The agreement dashboard: summary, analyst × analyst heatmap, per-label bars and tables, ranked articles, progress, rules.

import { call } from './api';
import { projectAnalysts, renderAnnotatorPicker } from './annotatorPicker';
import { groupLabelTable, num, pairLabelTable, pairsTable, rankedList, relationsTable } from './agreementTables';
import type { AgreementReport, PairAgreement } from './bindings';
import { bars, heatmap } from './charts';
import { byId, el, present } from './dom';
import { loadProgress, renderProgress } from './progress';
import { toastError } from './toast';
import { count, t } from './i18n';

type Metric = 'cohen_kappa' | 'exact_f1' | 'overlap_f1';
const METRIC_TEXT: Record<Metric, string> = {
  get cohen_kappa() {
    return t('mCohen');
  },
  get exact_f1() {
    return t('mExact');
  },
  get overlap_f1() {
    return t('mOverlap');
  },
};

let chosen: string[] = [];
let metric: Metric = 'cohen_kappa';
let pairIndex = 0;
let report: AgreementReport | null = null;
let openForReview: (articleId: number, annotators: string[]) => void = () => {};

export const initAgreement = (open: (articleId: number, annotators: string[]) => void) => (openForReview = open);

function pairOf(r: AgreementReport, a: string, b: string): PairAgreement | undefined {
  return r.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
}

function metricOf(p: PairAgreement | undefined): number | null {
  if (!p) return null;
  return metric === 'cohen_kappa' ? p.cohen_kappa : metric === 'exact_f1' ? p.exact.f1 : p.overlap.f1;
}

function card(title: string, value: HTMLElement, sub: string): HTMLElement {
  return el('div', { class: 'card' }, el('div', { class: 'muted small' }, title), el('div', { class: 'card-value' }, value), el('div', { class: 'muted small' }, sub));
}

function select<T extends string>(id: string, label: string, options: [T, string][], value: T, change: (v: T) => void): HTMLElement {
  const s = el('select', { id }, ...options.map(([v, text]) => el('option', { value: v, selected: v === value }, text)));
  s.addEventListener('change', () => change(s.value as T));
  return el('label', { class: 'small' }, `${label} `, s);
}

function render(): void {
  const r = report;
  const pane = byId('agreement-body');
  if (!r) return pane.replaceChildren();
  const names = r.annotators;
  const g = r.group;
  const pair = r.pairs[Math.min(pairIndex, r.pairs.length - 1)];
  pane.replaceChildren(
    ...present(
    el(
      'div',
      { class: 'cards' },
      card(t('agArticles'), el('span', { id: 'agreement-articles' }, String(r.articles)), t('agNAnalysts', { n: names.length, analysts: count(names.length, 'analyst') })),
      card(t('agFleissGroup'), num(g.fleiss_kappa, 'fleiss_kappa'), t('agArticlesTokens', { a: g.fleiss_articles, t: g.fleiss_tokens })),
      card(t('agAlpha'), num(g.krippendorff_alpha, 'krippendorff_alpha'), t('agArticlesTokens', { a: g.alpha_articles, t: g.alpha_tokens })),
    ),
    el(
      'section',
      { class: 'dash-sec', id: 'agreement-matrix' },
      el('h2', {}, t('agMatrix')),
      select('agreement-metric', t('agShow'), Object.entries(METRIC_TEXT) as [Metric, string][], metric, (v) => ((metric = v), render())),
      names.length >= 2 ? heatmap(names, (i, j) => metricOf(pairOf(r, names[i], names[j])), t('agBetweenPairs', { metric: METRIC_TEXT[metric] })) : el('p', { class: 'muted' }, t('agTwoNeeded')),
      el('p', { class: 'small muted' }, t('agColourHelp')),
    ),
    el(
      'section',
      { class: 'dash-sec', id: 'agreement-per-label' },
      el('h2', {}, t('agPerLabelGroup')),
      bars(g.per_label.map((l) => ({ label: l.label, values: [l.fleiss_kappa, l.krippendorff_alpha] })), [{ name: t('agFleiss'), color: '#1971c2' }, { name: t('agAlpha'), color: '#e8590c' }], t('agPerLabelChart')),
      groupLabelTable(r),
    ),
    el('section', { class: 'dash-sec' }, el('h2', {}, t('agPairs')), pairsTable(r)),
    r.pairs.some((p) => p.relations.f1 !== null || p.attribute_values > 0 || p.linked_spans > 0)
      ? el('section', { class: 'dash-sec', id: 'agreement-relations-sec' }, el('h2', {}, t('agRelSection')), relationsTable(r))
      : null,
    pair
      ? el(
          'section',
          { class: 'dash-sec', id: 'agreement-pair' },
          el('h2', {}, t('agOnePair')),
          select('agreement-pair-select', t('agPair'), r.pairs.map((p, i) => [String(i), `${p.a} × ${p.b}`] as [string, string]), String(pairIndex), (v) => ((pairIndex = Number(v)), render())),
          bars(pair.per_label.map((l) => ({ label: l.label, values: [l.exact.f1, l.overlap.f1, l.cohen_kappa] })), [{ name: t('agExactF1'), color: '#2f9e44' }, { name: t('agOverlapF1'), color: '#74b816' }, { name: t('agCohen'), color: '#1971c2' }], t('agPerLabelPair', { a: pair.a, b: pair.b })),
          pairLabelTable(pair),
        )
      : null,
    el('section', { class: 'dash-sec' }, el('h2', {}, t('agReviewFirst')), rankedList(r, openForReview)),
    el(
      'section',
      { class: 'dash-sec rules small muted', id: 'agreement-rules' },
      el('p', {}, el('strong', {}, t('agRuleOverlap')), el('span', { dir: 'ltr' }, r.overlap_rule)),
      el('p', {}, el('strong', {}, t('agRuleTokens')), el('span', { dir: 'ltr' }, r.token_rule)),
      el('p', {}, el('strong', {}, t('agRuleAlpha')), el('span', { dir: 'ltr' }, r.alpha_rule)),
      el('p', {}, el('strong', {}, t('agRuleWorked')), el('span', { dir: 'ltr' }, r.worked_rule)),
      el('p', {}, el('strong', {}, t('agRuleRelations')), el('span', { dir: 'ltr' }, r.relation_rule)),
      el('p', {}, el('strong', {}, t('agRuleAttributes')), el('span', { dir: 'ltr' }, r.attribute_rule)),
      el('p', {}, el('strong', {}, t('agRuleLinks')), el('span', { dir: 'ltr' }, r.linking_rule)),
    ),
    ),
  );
}

async function refresh(): Promise<void> {
  if (chosen.length === 1) {
    report = null;
    byId('agreement-body').replaceChildren(el('p', { class: 'empty', id: 'agreement-one' }, t('agTickTwo')));
    return;
  }
  report = await call('agreement', chosen.length ? { annotators: chosen } : {});
  render();
}

async function progress(): Promise<void> {
  byId('progress-box').replaceChildren(el('p', { class: 'muted small' }, t('counting')));
  byId('progress-box').replaceChildren(renderProgress(await loadProgress()));
}

/** Build (first time) and refresh the dashboard. */
export async function loadAgreement(): Promise<void> {
  const pane = byId('agreement-pane');
  if (!pane.firstChild) {
    pane.append(
      el('h1', { 'data-i18n': 'agreement' }, t('agreement')),
      el('div', { id: 'agreement-annotators', role: 'group', 'aria-label': t('rvAnalystsAria'), 'data-i18n-aria': 'rvAnalystsAria' }),
      el('div', { id: 'agreement-body' }),
      el('section', { class: 'dash-sec' }, el('h2', { 'data-i18n': 'agProgress' }, t('agProgress')), el('div', { id: 'progress-box' })),
    );
  }
  const change = async (names: string[]) => {
    chosen = names;
    renderAnnotatorPicker(byId('agreement-annotators'), projectAnalysts(), chosen, change, t('agPickerLegend'));
    await refresh();
  };
  chosen = chosen.filter((n) => projectAnalysts().includes(n));
  renderAnnotatorPicker(byId('agreement-annotators'), projectAnalysts(), chosen, change, t('agPickerLegend'));
  await Promise.all([refresh(), progress().catch((e) => toastError(e, t('errCountProgress')))]);
}
