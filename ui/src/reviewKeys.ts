// Review keyboard: j/n k/p move, Shift+N next article with disagreements, a r e x c act on the current disagreement, label keys add the selection, tag keys gold tags.

import { typing } from './dom';
import { find, keysOf } from './hotkeys';
import { editorKey } from './reviewEditor';
import { rv } from './reviewState';
import { spanLabels, state, tagLabels } from './state';
import { selectionCp } from './geometry';
import { guard } from './toast';
import { t } from './i18n';

export interface ReviewKeyActions {
  next(): void;
  previous(): void;
  accept(): Promise<void>;
  reject(): Promise<void>;
  edit(): void;
  removeCurrent(): Promise<void>;
  comment(): void;
  acceptAgreeing(): Promise<void>;
  toggleAdjudicated(): Promise<void>;
  goldTag(label: string): Promise<void>;
  add(label: string, exact: boolean): Promise<void>;
  nextArticle(): Promise<void>;
}

const hasSelection = () => !!rv.text && selectionCp(rv.text) !== null;

export function initReviewKeys(a: ReviewKeyActions): void {
  document.addEventListener('keydown', (e) => {
    if (state.mode !== 'review' || !rv.view) return;
    if (editorKey(e)) {
      e.preventDefault();
      return;
    }
    if (typing(e) || e.repeat) return;
    const run = (fn: () => Promise<void> | void, what: string) => {
      e.preventDefault();
      guard(fn, what)();
    };
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) return run(a.toggleAdjudicated, t('errAdj'));
    if (e.ctrlKey || e.metaKey) return;
    const keys = keysOf(e);
    // With text selected, label keys add it to the gold layer (as in the annotation view).
    if (hasSelection()) {
      const l = find(spanLabels(), keys);
      if (l) return run(() => a.add(l.name, e.altKey), t('errAddGold'));
    }
    if (e.altKey) return;
    if (e.shiftKey && keys.includes('a')) return run(a.acceptAgreeing, t('errAcceptAgreeing'));
    if (e.shiftKey && keys.includes('n')) return run(a.nextArticle, t('errNextDis'));
    // The typed letter, or the physical key (so the commands also work with an Arabic layout).
    const cmd = keys.find((k) => k.length === 1 && 'jnkparexc'.includes(k));
    switch (cmd) {
      case 'j':
      case 'n':
        return run(a.next, t('errMove'));
      case 'k':
      case 'p':
        return run(a.previous, t('errMove'));
      case 'a':
        return run(a.accept, t('errAccept'));
      case 'r':
        return run(a.reject, t('errReject'));
      case 'e':
        return run(a.edit, t('errEdit'));
      case 'x':
        return run(a.removeCurrent, t('errRemoveGold'));
      case 'c':
        return run(a.comment, t('errCommenting'));
    }
    const tag = find(tagLabels(), keys);
    if (tag) return run(() => a.goldTag(tag.name), t('errGoldTag'));
  });
}
