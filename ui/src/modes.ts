// Switching between the annotation view, the review view and the agreement dashboard (and the address bar).

import { loadAgreement } from './agreement';
import { openArticle, scheduleRedraw } from './article';
import { setActive } from './articleList';
import { byId } from './dom';
import { call } from './api';
import { openReview, reviewNothing } from './review';
import { initReviewChoice } from './reviewMain';
import { closeEditor } from './reviewEditor';
import { scheduleReviewDraw } from './reviewDraw';
import { rv } from './reviewState';
import type { Mode, Route } from './route';
import { closePopovers } from './spanEditor';
import { state } from './state';

function show(mode: Mode): void {
  state.mode = mode;
  closePopovers();
  closeEditor();
  byId('article-empty').hidden = mode !== 'annotate' || state.view !== null;
  byId('article-pane').hidden = mode !== 'annotate' || state.view === null;
  byId('review-pane').hidden = mode !== 'review';
  byId('agreement-pane').hidden = mode !== 'agreement';
  for (const b of byId('mode-nav').querySelectorAll<HTMLElement>('[data-mode]')) b.setAttribute('aria-pressed', String(b.dataset.mode === mode));
  document.body.dataset.mode = mode;
}

/** Analysts may have been added since the project was opened (another browser profile, an import): read
 * them again before the review or the dashboard offers them; an incomplete choice is made again. */
async function refreshAnalysts(): Promise<void> {
  if (!state.project) return;
  const p = await call('project_info', {});
  state.project.analysts = p.analysts;
  state.project.annotators = p.annotators;
  if (rv.annotators.length < 2) initReviewChoice();
}

/** The latest route asked for: an earlier one still loading must not show its mode over it. */
let latest = 0;

/** Show a route: the article in that mode, or the mode's own starting point. */
export async function go(r: Route): Promise<void> {
  const me = ++latest;
  const entering = state.mode !== r.mode;
  show(r.mode);
  if (r.mode === 'annotate') {
    const id = r.id ?? rv.articleId ?? state.view?.article.id ?? null;
    if (id !== null && id !== state.view?.article.id) await openArticle(id);
    if (me !== latest) return;
    show('annotate');
    if (state.view) history.replaceState(history.state, '', `#article=${state.view.article.id}`);
    setActive(state.view?.article.id ?? null);
    scheduleRedraw();
  } else if (r.mode === 'review') {
    if (entering) await refreshAnalysts();
    if (me !== latest) return;
    const id = r.id ?? rv.articleId ?? state.view?.article.id ?? null;
    if (id === null) {
      history.replaceState(history.state, '', '#review');
      reviewNothing();
    } else await openReview(id);
    scheduleReviewDraw();
  } else {
    if (entering) await refreshAnalysts();
    if (me !== latest) return;
    history.replaceState(history.state, '', '#agreement');
    await loadAgreement();
  }
}

/** Open an article from the list in the current mode (the dashboard opens it for review). */
export function openFromList(id: number): Promise<void> {
  return go({ mode: state.mode === 'annotate' ? 'annotate' : 'review', id });
}
