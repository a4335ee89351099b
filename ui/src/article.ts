// The open article: loads it, renders text/header/highlights, keeps highlights in place on resize and font load.

import { call } from './api';
import { setActive, refreshList } from './articleList';
import { renderStatus, renderTags } from './articleHead';
import type { Status } from './bindings';
import { byId } from './dom';
import { drawHighlights } from './highlights';
import { closePopovers } from './spanEditor';
import { myStatus, state } from './state';
import { TextView } from './textView';

let view: TextView | null = null;
let frame = 0;

/** The rendered text of the open article (null before one is open). */
export function textView(): TextView | null {
  return view;
}

/** Redraw highlights on the next animation frame (coalesces bursts of resize events). */
export function scheduleRedraw(): void {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    if (view && state.view) drawHighlights(byId('hl-layer'), view, state.view.spans);
  });
}

function renderHead(): void {
  renderStatus(setStatus);
  renderTags(toggleTag);
}

/** Open an article: render its text, and move this analyst's status from todo to in progress. */
export async function openArticle(id: number): Promise<void> {
  const v = await call('get_article', { id });
  closePopovers();
  state.view = v;
  if (!view) view = new TextView(byId('article-text'));
  view.render(v.article.text);
  byId('article-title').textContent = v.article.title || '(untitled)';
  byId('article-meta').textContent = [v.article.source, v.article.published_at, v.article.url].filter(Boolean).join(' · ');
  byId('article-empty').hidden = true;
  byId('article-pane').hidden = false;
  byId('main').scrollTop = 0;
  history.replaceState(history.state, '', `#article=${id}`);
  setActive(id);
  renderHead();
  byId('article-pane').dataset.articleId = String(id);
  scheduleRedraw();
  if (myStatus() === 'todo') await setStatus('in_progress');
}

/** Re-fetch the open article's annotations and redraw them (the text itself never changes). */
export async function refreshAnnotations(): Promise<void> {
  if (!state.view) return;
  state.view = await call('get_article', { id: state.view.article.id });
  renderHead();
  scheduleRedraw();
  await refreshList();
}

export async function setStatus(status: Status): Promise<void> {
  if (!state.view) return;
  state.view.statuses = await call('set_status', { article_id: state.view.article.id, annotator: state.analyst, status });
  renderHead();
  await refreshList();
}

export async function toggleTag(label: string, on: boolean): Promise<void> {
  if (!state.view) return;
  state.view.tags = await call('set_tag', { article_id: state.view.article.id, annotator: state.analyst, label, on });
  renderHead();
}

/** Keep highlights glued to the glyphs: redraw on resize and when fonts finish loading. */
export function watchLayout(): void {
  const doc = byId('doc');
  new ResizeObserver(scheduleRedraw).observe(doc);
  window.addEventListener('resize', scheduleRedraw);
  document.fonts?.addEventListener?.('loadingdone', scheduleRedraw);
  document.fonts?.ready.then(scheduleRedraw);
}
