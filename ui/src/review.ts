// The review view: opens an article for the chosen analysts, and sends every reviewer decision to the core.

import { call } from './api';
import { setActive } from './articleList';
import type { Decision, ReviewView } from './bindings';
import { byId } from './dom';
import { projectAnalysts, renderAnnotatorPicker } from './annotatorPicker';
import { drawReview, scheduleReviewDraw } from './reviewDraw';
import { renderReviewHead } from './reviewHead';
import { renderReviewPanel } from './reviewPanel';
import { goldAt } from './reviewModel';
import { current, rememberAnnotators, rv, setView } from './reviewState';
import type { CpRange } from './snap';
import { state } from './state';
import { TextView } from './textView';
import { toast } from './toast';
import { count, enWord, t } from './i18n';

const base = () => ({ article_id: rv.view!.article.id, reviewer: state.analyst, annotators: rv.annotators });

function showEmpty(message: string | null): void {
  const empty = byId('review-empty');
  empty.hidden = message === null;
  empty.textContent = message ?? '';
  byId('review-grid').hidden = message !== null;
}

/** Draw everything from rv.view. */
export function renderReview(): void {
  renderReviewHead();
  renderReviewPanel();
  drawReview();
}

function take(v: ReviewView): void {
  setView(v);
  renderReview();
}

/** Choose the analysts to compare (two or more) and reload the open article. */
export async function setAnnotators(names: string[]): Promise<void> {
  rv.annotators = names;
  rememberAnnotators(names);
  if (rv.articleId !== null) await openReview(rv.articleId);
}

/** Open an article in the review view for the chosen analysts. */
export async function openReview(id: number): Promise<void> {
  rv.articleId = id;
  renderAnnotatorPicker(byId('review-annotators'), projectAnalysts(), rv.annotators, setAnnotators);
  history.replaceState(history.state, '', `#review=${id}`);
  setActive(id);
  if (rv.annotators.length < 2) {
    rv.view = null;
    byId('review-title').textContent = '';
    showEmpty(t('rvChooseTwo'));
    return;
  }
  const v = await call('review_article', { article_id: id, annotators: rv.annotators });
  showEmpty(null);
  if (!rv.text) rv.text = new TextView(byId('review-text'));
  if (rv.view?.article.id !== v.article.id || rv.text.text !== v.article.text) {
    rv.text.render(v.article.text);
    rv.view = null;
  }
  take(v);
  scheduleReviewDraw();
}

/** Nothing to review yet (no article chosen). */
export function reviewNothing(): void {
  renderAnnotatorPicker(byId('review-annotators'), projectAnalysts(), rv.annotators, setAnnotators);
  showEmpty(t('rvChooseArticle'));
}

function need(): NonNullable<ReturnType<typeof current>> | null {
  const d = current();
  if (!d) toast(t('rvNoneSelected'), 'info');
  return d;
}

export async function decide(decision: Decision): Promise<void> {
  if (!rv.view) return;
  take(await call('adjudicate', { ...base(), decision }));
}

/** Several decisions in one step, all or none. */
export async function decideAll(decisions: Decision[]): Promise<void> {
  if (!rv.view || !decisions.length) return;
  take(await call('adjudicate_all', { ...base(), decisions }));
}

export async function acceptCurrent(): Promise<void> {
  const d = need();
  if (d) await decide({ action: 'accept', span_id: d.span_ids[0] });
}

export async function rejectCurrent(): Promise<void> {
  const d = need();
  if (d) await decide({ action: 'reject', span_id: d.span_ids[0] });
}

/** Take the gold span at the current disagreement out of the gold layer. */
export async function removeCurrentGold(): Promise<void> {
  const d = need();
  if (!d || !rv.view) return;
  const g = goldAt(d, rv.view.gold);
  if (!g) {
    toast(t('rvNoGoldHere'), 'info');
    return;
  }
  await decide({ action: 'remove', gold_id: g.id });
}

export async function editCurrent(range: CpRange, label: string): Promise<void> {
  const d = need();
  if (d) await decide({ action: 'edit', span_id: d.span_ids[0], start: range.start, end: range.end, label });
}

export async function addGold(range: CpRange, label: string): Promise<void> {
  await decide({ action: 'add', start: range.start, end: range.end, label });
}

export async function acceptAgreeing(): Promise<void> {
  if (!rv.view) return;
  const before = rv.view.gold.length;
  take(await call('accept_agreeing', base()));
  const added = rv.view.gold.length - before;
  toast(t('rvAgreeingAdded', { n: added, spans: enWord(added, 'span'), spansAr: count(added, 'span') }), 'success');
}

export async function toggleAdjudicated(): Promise<void> {
  if (!rv.view) return;
  take(await call('set_adjudicated', { ...base(), done: !rv.view.adjudicated }));
  toast(rv.view.adjudicated ? t('rvMarkedAdj') : t('rvReopened'), 'success');
}

export async function toggleGoldTag(label: string): Promise<void> {
  if (!rv.view) return;
  take(await call('set_gold_tag', { ...base(), label, on: !rv.view.gold_tags.includes(label) }));
}

export async function comment(text: string, spanId: number | null): Promise<void> {
  if (!rv.view) return;
  if (!text.trim()) {
    toast(t('rvWriteFirst'), 'info');
    return;
  }
  const { article_id, annotators } = base();
  take(await call('review_comment', { article_id, annotators, author: state.analyst, text, ...(spanId === null ? {} : { span_id: spanId }) }));
  toast(t('rvCommentSaved'), 'success');
}

/** Move the cursor and show it. */
export function moveTo(index: number): void {
  rv.cur = index;
  renderReviewPanel();
  drawReview();
  document.querySelector('#review-doc .rv-current')?.scrollIntoView({ block: 'nearest' });
  document.querySelector('#review-dis-list [aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
}
