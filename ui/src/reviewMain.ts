// Wires the review view: header buttons, side panel, editor and keyboard to the review actions.

import { projectAnalysts } from './annotatorPicker';
import { byId } from './dom';
import { selectionCp } from './geometry';
import * as R from './review';
import { buildReviewPane } from './reviewLayout';
import { initReviewHead } from './reviewHead';
import { initReviewKeys } from './reviewKeys';
import { initReviewPanel } from './reviewPanel';
import { closeEditor, openEditor } from './reviewEditor';
import { step } from './reviewModel';
import { nextDisagreeing } from './reviewNext';
import { current, rememberedAnnotators, rv } from './reviewState';
import { watchReviewLayout } from './reviewDraw';
import { chooseAnnotators } from './reviewModel';
import { snapRange } from './snap';
import { state } from './state';
import { guard, toast } from './toast';
import { t } from './i18n';

async function addSelection(label: string, exact: boolean): Promise<void> {
  const sel = rv.text && selectionCp(rv.text);
  const r = sel && rv.text ? snapRange(rv.text.text, sel.start, sel.end, exact) : null;
  if (!r) {
    toast(t('rvSelectFirst'), 'info');
    return;
  }
  await R.addGold(r, label);
  window.getSelection()?.removeAllRanges();
}

function edit(): void {
  if (!current()) {
    toast(t('rvNoneSelected'), 'info');
    return;
  }
  openEditor(R.editCurrent);
}

function focusComment(): void {
  const target = document.getElementById('review-comment-target') as HTMLSelectElement | null;
  const d = current();
  if (target && d) target.value = String(d.span_ids[0]);
  const box = document.getElementById('review-comment-text') as HTMLTextAreaElement | null;
  box?.scrollIntoView({ block: 'nearest' });
  box?.focus();
}

/** Open an article in the review view (the list and the address follow). */
const openNext = (id: number) => R.openReview(id);

/** Called once the project (analysts) is known. */
export function initReviewChoice(): void {
  rv.annotators = chooseAnnotators(projectAnalysts(), rememberedAnnotators(), state.analyst);
}

export function initReview(): void {
  buildReviewPane();
  watchReviewLayout();
  initReviewHead(R.toggleGoldTag, addSelection);
  initReviewPanel({
    go: R.moveTo,
    accept: R.acceptCurrent,
    reject: R.rejectCurrent,
    edit,
    removeCurrent: R.removeCurrentGold,
    removeGold: (id) => R.decide({ action: 'remove', gold_id: id }),
    comment: R.comment,
    decideAll: R.decideAll,
  });
  initReviewKeys({
    next: () => R.moveTo(step(rv.list.length, rv.cur, 1)),
    previous: () => R.moveTo(step(rv.list.length, rv.cur, -1)),
    accept: R.acceptCurrent,
    reject: R.rejectCurrent,
    edit,
    removeCurrent: R.removeCurrentGold,
    comment: focusComment,
    acceptAgreeing: R.acceptAgreeing,
    toggleAdjudicated: R.toggleAdjudicated,
    goldTag: R.toggleGoldTag,
    add: addSelection,
    nextArticle: () => nextDisagreeing(openNext),
  });
  byId('review-accept-agreeing').addEventListener('click', guard(R.acceptAgreeing, () => t('errAcceptAgreeing')));
  byId('review-next-article').addEventListener('click', guard(() => nextDisagreeing(openNext), () => t('errNextDis')));
  byId('review-adjudicated').addEventListener('click', guard(R.toggleAdjudicated, () => t('errAdj')));
  document.addEventListener('mousedown', (e) => {
    const t = e.target as Node;
    if (!byId('review-editor').contains(t) && !byId('review-text').contains(t)) closeEditor();
  });
}
