// The open article: loads it, renders text/header/highlights, keeps highlights in place on resize, scroll and font load.

import { cutsFrom } from './clitics';
import { call } from './api';
import { currentQuery, onQueryChange, setActive, refreshList } from './articleList';
import { renderStatus, renderTags } from './articleHead';
import type { Span, Status } from './bindings';
import { blindChosen, blindOn } from './blind';
import { byId } from './dom';
import * as edits from './edits';
import { drawHandles } from './handles';
import { drawHighlights, invalidateHighlights } from './highlights';
import { invalidateRelations, needsSpacing } from './relDraw';
import { drawSearchHits, loadSearchHits } from './searchHits';
import { changed, session } from './session';
import type { CpRange } from './snap';
import { closePopovers } from './spanEditor';
import { myStatus, state } from './state';
import { clearSuggestions, drawSuggestions, loadSuggestions } from './suggestions';
import { TextView } from './textView';
import { showTitle } from './titleEdit';
import { t } from './i18n';
import { guard } from './toast';

let view: TextView | null = null;

/** Called after every draw (relation arcs, the side list) and when an article opens (relations reset): the
 * relation modules register here, as they use this one. */
export const articleHooks = { drawn: [] as ((view: TextView) => void)[], opened: [] as (() => void)[] };
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
    redrawNow();
  });
}

let idle = 0;
const drawLayer = (margin?: number) =>
  view && state.view && drawHighlights(byId('hl-layer'), view, state.view.spans, byId('main').getBoundingClientRect(), session.focusId, margin);

/** Draw now: highlights on screen at once (the paragraphs around it right after, off the critical path),
 * and the focused span's handles. Timings in drawStats. */
export function redrawNow(): void {
  if (!view || !state.view || state.mode !== 'annotate') return;
  // Relations and attribute badges need room between the lines (only in articles that have them).
  const doc = byId('doc');
  if (doc.classList.contains('has-rel') !== needsSpacing()) {
    doc.classList.toggle('has-rel');
    invalidateHighlights();
    invalidateRelations();
  }
  if (drawLayer(0)) {
    window.clearTimeout(idle);
    idle = window.setTimeout(() => {
      if (state.mode === 'annotate') drawLayer();
    }, 30);
  }
  const focused = state.view.spans.find((s) => s.id === session.focusId && s.annotator === state.analyst) ?? null;
  drawHandles(view, focused, resizeTo);
  drawSearchHits(byId('search-layer'), view);
  drawSuggestions(byId('sugg-layer'), view, byId('main').getBoundingClientRect());
  for (const f of articleHooks.drawn) f(view);
}

/** Mark the hits of the list's search in the open article (none when the search box is empty). */
async function markSearchHits(id: number, query: string): Promise<void> {
  const n = await loadSearchHits(id, query);
  byId('article-pane').dataset.searchHits = String(n);
  scheduleRedraw();
}

onQueryChange((q) => {
  const open = state.view;
  if (open) guard(() => markSearchHits(open.article.id, q), t('errSearchHits'))();
});

function resizeTo(span: Span, r: CpRange): void {
  guard(async () => {
    await edits.changeSpan(span, { start: r.start, end: r.end }, t('hResize'));
    await refreshAnnotations();
  }, t('errResize'))();
}

/** The article as this analyst may see it (blind annotation: the core leaves the others' work out). */
const articleReq = (id: number) => ({ id, annotator: state.analyst, blind: blindChosen() });

function renderHead(): void {
  showTitle();
  renderStatus(setStatus);
  renderTags(toggleTag);
  const note = byId('blind-note');
  note.hidden = !state.view?.blind;
  note.textContent = state.view?.blind ? t('blindNote') : '';
}

/** performance.now() marks of the last open (for the benchmark): request sent, answer parsed, text rendered. */
export const openMarks = { requested: 0, fetched: 0, rendered: 0 };

/** Open an article and render its text. Opening changes no status: the core moves to-do to in progress at
 * the analyst's first span or tag, and the analyst sets the rest. */
export async function openArticle(id: number): Promise<void> {
  openMarks.requested = performance.now();
  const [v, c] = await Promise.all([call('get_article', articleReq(id)), call('clitic_cuts', { article_id: id })]);
  openMarks.fetched = performance.now();
  closePopovers();
  state.view = v;
  session.cuts = cutsFrom(c.cuts);
  session.focusId = null;
  clearSuggestions();
  for (const f of articleHooks.opened) f();
  // The undo buttons follow the open article's own history.
  changed();
  if (!view) view = new TextView(byId('article-text'));
  view.render(v.article.text);
  byId('article-meta').textContent = [v.article.source, v.article.published_at, v.article.url].filter(Boolean).join(' · ');
  byId('article-empty').hidden = true;
  byId('article-pane').hidden = false;
  byId('main').scrollTop = 0;
  history.replaceState(history.state, '', `#article=${id}`);
  setActive(id);
  renderHead();
  byId('article-pane').dataset.articleId = String(id);
  openMarks.rendered = performance.now();
  scheduleRedraw();
  guard(() => markSearchHits(id, currentQuery()), t('errSearchHits'))();
  guard(async () => {
    await loadSuggestions(id);
    changed();
    scheduleRedraw();
  }, t('errSuggestions'))();
}

/** Re-fetch the open article's annotations and redraw them (the text itself never changes). */
export async function refreshAnnotations(): Promise<void> {
  if (!state.view) return;
  const id = state.view.article.id;
  // Suggestions are computed afresh: places labelled meanwhile are no longer suggested.
  [state.view] = await Promise.all([call('get_article', articleReq(id)), loadSuggestions(id)]);
  changed();
  renderHead();
  scheduleRedraw();
  await refreshList();
}

/** Set this analyst's status on the open article (undoable). */
export async function setStatus(status: Status): Promise<void> {
  if (!state.view) return;
  await edits.setStatus(state.view.article.id, myStatus(), status);
  renderHead();
  // Under blind annotation, done shows the others' work (and leaving done hides it again).
  if (state.view.blind || blindOn()) await refreshAnnotations();
  else await refreshList();
}

/** Set or clear an article tag (undoable). */
export async function toggleTag(label: string, on: boolean): Promise<void> {
  if (!state.view) return;
  await edits.setTag(state.view.article.id, label, on);
  renderHead();
  // A first tag may have moved the status to in progress.
  if (on) await refreshAnnotations();
}

/** Keep highlights glued to the glyphs: redraw on resize and when fonts finish loading. */
export function watchLayout(): void {
  const doc = byId('doc');
  new ResizeObserver(scheduleRedraw).observe(doc);
  window.addEventListener('resize', scheduleRedraw);
  byId('main').addEventListener('scroll', scheduleRedraw, { passive: true });
  const fontsChanged = () => {
    invalidateHighlights();
    invalidateRelations();
    scheduleRedraw();
  };
  document.fonts?.addEventListener?.('loadingdone', fontsChanged);
  document.fonts?.ready.then(fontsChanged);
}
