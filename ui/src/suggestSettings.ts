// Settings → Suggestions: the project's switch (off / matcher / both) and confidence threshold, what "next unfinished"
// opens (the list's next, the least sure, the most suggestions), "Train now" (in the
// background on a connection of its own: the window stays usable, Stop cancels it) and the last training's held-out
// precision, recall and F1 per label.

import { ApiError, call } from './api';
import type { Evaluation, Mode, Prf, Scores } from './bindings';
import { el } from './dom';
import { count, t, type Key } from './i18n';
import { reloadSuggestions } from './suggestActions';
import { nextChoice, setNextChoice, sugg, type NextChoice } from './suggestions';
import { guard, toast, toastError } from './toast';

/** The training under way (one at a time), and what to call when it ends (the tab re-renders if it shows). */
let training: { job: string; stopping: boolean } | null = null;
let onTrainingChange: () => void = () => {};

/** Train on the project's annotations in the background; the suggestions of the open article follow. */
export async function trainNow(): Promise<void> {
  if (training) return;
  const job = `suggest-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  training = { job, stopping: false };
  onTrainingChange();
  try {
    const r = await call('suggest_train', { job });
    await reloadSuggestions();
    toast(t('sgTrained', { spans: count(r.info.spans, 'span'), articles: count(r.info.articles, 'article'), s: r.info.seconds.toFixed(1) }), 'success');
  } catch (e) {
    if (training?.stopping && e instanceof ApiError && e.kind === 'conflict') toast(t('sgTrainStopped'), 'info');
    else toastError(e, () => t('errTrain'));
  } finally {
    training = null;
    onTrainingChange();
  }
}

function stopTraining(): void {
  if (!training || training.stopping) return;
  training.stopping = true;
  onTrainingChange();
  call('cancel_job', { job: training.job }).catch((e) => toastError(e, () => t('errTrain')));
}

const pct = (x: number | null) => (x === null ? '–' : x.toFixed(3));

function scoreRow(name: string, p: Prf, cls = ''): HTMLElement {
  return el('tr', { class: cls }, el('th', {}, el('bdi', {}, name)), ...[pct(p.precision), pct(p.recall), pct(p.f1), String(p.a_spans), String(p.b_spans)].map((v) => el('td', {}, v)));
}

/** The held-out scores of the recommender the switch uses: overall, then per label. */
function scoresTable(s: Scores): HTMLElement {
  const head = el('tr', {}, ...(['sgLabel', 'sgPrecision', 'sgRecall', 'sgF1', 'sgReference', 'sgSuggested'] as Key[]).map((k) => el('th', {}, t(k))));
  return el(
    'table',
    { id: 'suggest-eval', class: 'keys sg-scores' },
    el('thead', {}, head),
    el('tbody', {}, scoreRow(t('sgOverall'), s.overall, 'sg-overall'), ...Object.entries(s.by_label).map(([label, p]) => scoreRow(label, p))),
  );
}

function evaluationPart(): HTMLElement {
  const tr = sugg.state?.trained;
  if (!tr) return el('p', { id: 'suggest-info', class: 'muted small' }, t('sgNotTrained'));
  const i = tr.info;
  const info = el(
    'p',
    { id: 'suggest-info', class: 'muted small' },
    t('sgInfo', { when: i.trained_at.replace('T', ' ').slice(0, 16), articles: count(i.articles, 'article'), spans: count(i.spans, 'span'), labels: i.labels.join(t('listSep')), s: i.seconds.toFixed(1) }),
  );
  const ev: Evaluation | undefined = tr.evaluation;
  if (!ev) return el('div', {}, info, el('p', { class: 'muted small' }, t('sgNoEval')));
  const which: 'matcher' | 'both' = sugg.state?.settings.mode === 'matcher' ? 'matcher' : 'both';
  const overall = t('sgOverallLine', { model: pct(ev.model.overall.f1), matcher: pct(ev.matcher.overall.f1), both: pct(ev.both.overall.f1) });
  return el(
    'div',
    {},
    info,
    el('p', { class: 'small' }, t('sgEvalHead', { articles: count(ev.test_articles, 'article'), spans: count(ev.test_spans, 'span'), which: t(which === 'both' ? 'sgModeBoth' : 'sgModeMatcher') })),
    scoresTable(ev[which]),
    el('p', { class: 'muted small' }, overall),
  );
}

/** The Suggestions tab; `rerender` draws it again (after a change or when a training ends). */
export function suggestTab(rerender: () => void): HTMLElement {
  onTrainingChange = () => {
    if (document.getElementById('suggest-tab')?.isConnected) rerender();
  };
  const mode = sugg.state?.settings.mode ?? 'both';
  const radio = (v: Mode, text: Key) => {
    const r = el('input', { type: 'radio', name: 'suggest-mode', value: v, id: `suggest-mode-${v}` });
    r.checked = mode === v;
    r.addEventListener(
      'change',
      guard(async () => {
        await call('set_suggest_settings', { mode: v });
        await reloadSuggestions();
        rerender();
      }, () => t('errSaveSetting')),
    );
    return el('label', { for: `suggest-mode-${v}`, class: 'radio' }, r, ' ', t(text));
  };
  const threshold = sugg.state?.settings.threshold ?? 0.5;
  const slider = el('input', { type: 'range', id: 'suggest-threshold', min: 0, max: 1, step: 0.05, value: String(threshold), 'aria-label': t('sgThreshold') });
  const shown = el('output', { id: 'suggest-threshold-value', for: 'suggest-threshold' }, threshold.toFixed(2));
  slider.addEventListener('input', () => (shown.textContent = Number(slider.value).toFixed(2)));
  slider.addEventListener(
    'change',
    guard(async () => {
      await call('set_suggest_settings', { threshold: Number(slider.value) });
      await reloadSuggestions();
      toast(t('sgThresholdSaved', { v: Number(slider.value).toFixed(2) }), 'success');
    }, () => t('errSaveSetting')),
  );
  const train = el('button', { type: 'button', class: 'btn btn-primary', id: 'suggest-train', disabled: !!training }, t('sgTrainNow'));
  train.addEventListener('click', () => void trainNow());
  const stop = el('button', { type: 'button', class: 'btn', id: 'suggest-stop', hidden: !training, disabled: !!training?.stopping }, t('stop'));
  stop.addEventListener('click', stopTraining);
  const status = el('p', { id: 'suggest-status', class: 'small', role: 'status', hidden: !training }, training ? t(training.stopping ? 'stopping' : 'sgTraining') : '');
  const next = el('select', { id: 'suggest-next', 'aria-label': t('sgNextLegend') });
  for (const [v, k] of [['list', 'sgNextList'], ['least_sure', 'sgNextLeast'], ['most_suggestions', 'sgNextMost']] as [NextChoice, Key][]) {
    const o = el('option', { value: v }, t(k));
    o.selected = nextChoice() === v;
    next.append(o);
  }
  next.addEventListener('change', () => setNextChoice(next.value as NextChoice));
  return el(
    'div',
    { id: 'suggest-tab' },
    el('p', { class: 'muted small' }, t('sgHelp')),
    el('fieldset', { class: 'clitic-setting' }, el('legend', {}, t('sgLegend')), radio('off', 'sgModeOff'), radio('matcher', 'sgModeMatcher'), radio('both', 'sgModeBoth')),
    el('fieldset', { class: 'clitic-setting' }, el('legend', {}, t('sgThreshold')), el('div', { class: 'sg-threshold' }, slider, shown), el('p', { class: 'muted small' }, t('sgThresholdHelp'))),
    el('fieldset', { class: 'clitic-setting' }, el('legend', {}, t('sgTrainLegend')), el('div', { class: 'sg-train' }, train, stop), status, evaluationPart()),
    el('fieldset', { class: 'clitic-setting' }, el('legend', {}, t('sgNextLegend')), next, el('p', { class: 'muted small' }, t('sgNextHelp'))),
  );
}
