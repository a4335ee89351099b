// The agreement dashboard: summary, analyst × analyst heatmap, per-label bars and tables, ranked articles, progress, rules.

import { call } from './api';
import { projectAnalysts, renderAnnotatorPicker } from './annotatorPicker';
import { groupLabelTable, num, pairLabelTable, pairsTable, rankedList } from './agreementTables';
import type { AgreementReport, PairAgreement } from './bindings';
import { bars, heatmap } from './charts';
import { byId, el, present } from './dom';
import { loadProgress, renderProgress } from './progress';
import { toastError } from './toast';

type Metric = 'cohen_kappa' | 'exact_f1' | 'overlap_f1';
const METRIC_TEXT: Record<Metric, string> = { cohen_kappa: "Cohen's κ (tokens)", exact_f1: 'Span F1, exact', overlap_f1: 'Span F1, overlap' };

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
  const s = el('select', { id }, ...options.map(([v, t]) => el('option', { value: v, selected: v === value }, t)));
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
      card('Articles compared', el('span', { id: 'agreement-articles' }, String(r.articles)), `${names.length} analysts`),
      card("Fleiss' κ (group)", num(g.fleiss_kappa, 'fleiss_kappa'), `${g.fleiss_articles} articles · ${g.fleiss_tokens} tokens`),
      card("Krippendorff's α", num(g.krippendorff_alpha, 'krippendorff_alpha'), `${g.alpha_articles} articles · ${g.alpha_tokens} tokens`),
    ),
    el(
      'section',
      { class: 'dash-sec', id: 'agreement-matrix' },
      el('h2', {}, 'Agreement matrix'),
      select('agreement-metric', 'Show', Object.entries(METRIC_TEXT) as [Metric, string][], metric, (v) => ((metric = v), render())),
      names.length >= 2 ? heatmap(names, (i, j) => metricOf(pairOf(r, names[i], names[j])), `${METRIC_TEXT[metric]} between each pair of analysts`) : el('p', { class: 'muted' }, 'Two analysts are needed.'),
      el('p', { class: 'small muted' }, 'Colour: red at 0 (or below), pale yellow at 0.5, green at 1; grey where the core could not compute the value (n/a).'),
    ),
    el(
      'section',
      { class: 'dash-sec', id: 'agreement-per-label' },
      el('h2', {}, 'Per label (group)'),
      bars(g.per_label.map((l) => ({ label: l.label, values: [l.fleiss_kappa, l.krippendorff_alpha] })), [{ name: "Fleiss' κ", color: '#1971c2' }, { name: "Krippendorff's α", color: '#e8590c' }], 'Agreement per label'),
      groupLabelTable(r),
    ),
    el('section', { class: 'dash-sec' }, el('h2', {}, 'Pairs'), pairsTable(r)),
    pair
      ? el(
          'section',
          { class: 'dash-sec', id: 'agreement-pair' },
          el('h2', {}, 'Per label, one pair'),
          select('agreement-pair-select', 'Pair', r.pairs.map((p, i) => [String(i), `${p.a} × ${p.b}`] as [string, string]), String(pairIndex), (v) => ((pairIndex = Number(v)), render())),
          bars(pair.per_label.map((l) => ({ label: l.label, values: [l.exact.f1, l.overlap.f1, l.cohen_kappa] })), [{ name: 'Exact F1', color: '#2f9e44' }, { name: 'Overlap F1', color: '#74b816' }, { name: "Cohen's κ", color: '#1971c2' }], `Per label: ${pair.a} × ${pair.b}`),
          pairLabelTable(pair),
        )
      : null,
    el('section', { class: 'dash-sec' }, el('h2', {}, 'Articles to review first'), rankedList(r, openForReview)),
    el(
      'section',
      { class: 'dash-sec rules small muted', id: 'agreement-rules' },
      el('p', {}, el('strong', {}, 'Overlap matching: '), r.overlap_rule),
      el('p', {}, el('strong', {}, 'Tokens: '), r.token_rule),
      el('p', {}, el('strong', {}, 'Alpha: '), r.alpha_rule),
      el('p', {}, el('strong', {}, 'Worked on: '), r.worked_rule),
    ),
    ),
  );
}

async function refresh(): Promise<void> {
  if (chosen.length === 1) {
    report = null;
    byId('agreement-body').replaceChildren(el('p', { class: 'empty', id: 'agreement-one' }, 'Tick at least two analysts (or none for everyone).'));
    return;
  }
  report = await call('agreement', chosen.length ? { annotators: chosen } : {});
  render();
}

async function progress(): Promise<void> {
  byId('progress-box').replaceChildren(el('p', { class: 'muted small' }, 'Counting…'));
  byId('progress-box').replaceChildren(renderProgress(await loadProgress()));
}

/** Build (first time) and refresh the dashboard. */
export async function loadAgreement(): Promise<void> {
  const pane = byId('agreement-pane');
  if (!pane.firstChild) {
    pane.append(
      el('h1', {}, 'Agreement'),
      el('div', { id: 'agreement-annotators', role: 'group', 'aria-label': 'Analysts to compare' }),
      el('div', { id: 'agreement-body' }),
      el('section', { class: 'dash-sec' }, el('h2', {}, 'Progress per analyst'), el('div', { id: 'progress-box' })),
    );
  }
  const change = async (names: string[]) => {
    chosen = names;
    renderAnnotatorPicker(byId('agreement-annotators'), projectAnalysts(), chosen, change, 'Analysts (none ticked: everyone):');
    await refresh();
  };
  chosen = chosen.filter((n) => projectAnalysts().includes(n));
  renderAnnotatorPicker(byId('agreement-annotators'), projectAnalysts(), chosen, change, 'Analysts (none ticked: everyone):');
  await Promise.all([refresh(), progress().catch((e) => toastError(e, 'Counting progress failed'))]);
}
