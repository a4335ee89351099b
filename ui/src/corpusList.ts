// The virtual article list: only the rows in view exist in the DOM (fixed row height), reused while scrolling; arrow keys move.

import type { ArticleSummary } from './bindings';
import { visibleRows } from './corpusModel';
import { el } from './dom';
import { STATUS_TEXT } from './state';
import { count, currentLang, t } from './i18n';

/** Where the rows come from: the total, a row if its page is loaded, and a request for the rows in view. */
export interface RowSource {
  total(): number;
  row(i: number): ArticleSummary | undefined;
  need(first: number, last: number): void;
}

/** Row height in CSS pixels (`.vrow` in corpus.css reads it from --row-h). */
export const ROW_HEIGHT = 56;
/** Row height while searching: one more line for the snippet with the hit. */
export const SEARCH_ROW_HEIGHT = 80;

interface Row {
  li: HTMLLIElement;
  key: string;
}

const keyOf = (a: ArticleSummary | undefined, active: number | null) =>
  a ? `${a.id}|${a.status}|${a.span_count}|${a.title}|${a.id === active}|${currentLang()}|${a.snippet?.start ?? ''}` : 'loading';

export class VirtualList {
  private rows = new Map<number, Row>();
  private spacer: HTMLLIElement;
  private frame = 0;
  private emptyText = '';
  /** The row that keeps tabindex=0 (roving focus). */
  focusIndex = 0;
  activeId: number | null = null;
  /** Row height in CSS pixels (taller while searching, for the snippet). */
  rowHeight = ROW_HEIGHT;

  constructor(
    readonly host: HTMLElement,
    private src: RowSource,
    private open: (id: number) => void,
  ) {
    host.classList.add('vlist');
    this.spacer = el('li', { class: 'vspacer', 'aria-hidden': 'true' });
    host.replaceChildren(this.spacer);
    host.addEventListener('scroll', () => this.schedule(), { passive: true });
    new ResizeObserver(() => this.schedule()).observe(host);
    host.addEventListener('keydown', (e) => this.key(e));
    host.addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLElement>('[data-article-id]');
      if (!b) return;
      this.focusIndex = Number(b.closest<HTMLElement>('[data-index]')?.dataset.index ?? this.focusIndex);
      this.open(Number(b.dataset.articleId));
    });
  }

  /** Draw on the next animation frame (scroll and resize bursts coalesce). */
  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  /** The rows the viewport shows now (with a small overscan). */
  range(): { first: number; last: number } {
    return visibleRows(this.host.scrollTop, this.host.clientHeight || 600, this.rowHeight, this.src.total());
  }

  /** Change the row height (redraws every row). */
  setRowHeight(h: number): void {
    if (h === this.rowHeight) return;
    this.rowHeight = h;
    this.host.style.setProperty('--row-h', `${h}px`);
    for (const r of this.rows.values()) r.li.remove();
    this.rows.clear();
  }

  /** Shown instead of rows when the list is empty. */
  setEmptyText(text: string): void {
    this.emptyText = text;
  }

  render(): void {
    const total = this.src.total();
    this.spacer.style.height = `${total * this.rowHeight}px`;
    this.spacer.textContent = total === 0 ? this.emptyText : '';
    this.spacer.classList.toggle('list-empty', total === 0);
    this.spacer.setAttribute('aria-hidden', String(total !== 0));
    const { first, last } = this.range();
    for (const [i, r] of this.rows) {
      if (i < first || i > last) {
        if (r.li.contains(document.activeElement)) continue; // keep the focused row until focus moves
        r.li.remove();
        this.rows.delete(i);
      }
    }
    if (this.focusIndex >= total) this.focusIndex = Math.max(0, total - 1);
    for (let i = first; i <= last; i++) this.draw(i, total);
    this.src.need(first, last);
  }

  private draw(i: number, total: number): void {
    const a = this.src.row(i);
    const key = keyOf(a, this.activeId);
    let r = this.rows.get(i);
    if (!r) {
      r = { li: el('li', { class: 'vrow', 'data-index': i }), key: '' };
      r.li.style.transform = `translateY(${i * this.rowHeight}px)`;
      this.rows.set(i, r);
      this.host.append(r.li);
    }
    r.li.setAttribute('aria-setsize', String(total));
    r.li.setAttribute('aria-posinset', String(i + 1));
    if (r.key !== key) {
      r.key = key;
      const focused = r.li.contains(document.activeElement);
      r.li.replaceChildren(a ? this.item(a) : el('div', { class: 'article-item vrow-loading', 'aria-busy': 'true' }, el('span', { class: 'muted' }, '…')));
      if (focused) (r.li.firstElementChild as HTMLElement | null)?.focus({ preventScroll: true });
    }
    const btn = r.li.firstElementChild as HTMLElement | null;
    btn?.setAttribute('tabindex', i === this.focusIndex ? '0' : '-1');
  }

  private item(a: ArticleSummary): HTMLElement {
    const title = a.title || t('untitled');
    return el(
      'button',
      { type: 'button', class: 'article-item', 'data-article-id': a.id, 'aria-current': a.id === this.activeId ? 'true' : undefined, title },
      el('span', { class: 'article-title', dir: 'auto' }, title),
      // Why it matched: the hit is a whole word, so marking it never splits a word's joined letters.
      a.snippet ? el('span', { class: 'article-snippet', dir: 'auto' }, a.snippet.before, el('mark', { class: 'search-hit' }, a.snippet.hit), a.snippet.after) : null,
      el(
        'span',
        { class: 'article-sub' },
        el('span', { class: 'muted small' }, `#${a.id} · ${count(a.span_count, 'span')}`),
        el('span', { class: `badge badge-${a.status}`, 'data-status-badge': a.status }, STATUS_TEXT[a.status]),
      ),
    );
  }

  /** Index of a loaded row with this article, or -1. */
  indexOf(id: number): number {
    for (const [i, r] of this.rows) if (r.li.querySelector(`[data-article-id="${id}"]`)) return i;
    return -1;
  }

  /** Scroll so row `i` is in view (`center` puts it in the middle). */
  reveal(i: number, center = false): void {
    const h = this.host.clientHeight;
    const top = i * this.rowHeight;
    if (center) this.host.scrollTop = Math.max(0, top - (h - this.rowHeight) / 2);
    else if (top < this.host.scrollTop) this.host.scrollTop = top;
    else if (top + this.rowHeight > this.host.scrollTop + h) this.host.scrollTop = top + this.rowHeight - h;
  }

  /** Move keyboard focus to row `i` (scrolled into view; drawn now). */
  focusRow(i: number): void {
    const total = this.src.total();
    if (total === 0) return;
    this.focusIndex = Math.max(0, Math.min(total - 1, i));
    this.reveal(this.focusIndex);
    this.render();
    (this.rows.get(this.focusIndex)?.li.firstElementChild as HTMLElement | null)?.focus({ preventScroll: true });
  }

  private key(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const page = Math.max(1, Math.floor(this.host.clientHeight / this.rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    let to: number | null = null;
    if (e.key in moves) to = this.focusIndex + moves[e.key];
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = this.src.total() - 1;
    if (to === null) return;
    e.preventDefault();
    e.stopPropagation();
    this.focusRow(to);
  }

  /** Forget every drawn row (the data behind all of them changed). */
  reset(): void {
    for (const r of this.rows.values()) r.li.remove();
    this.rows.clear();
    this.focusIndex = 0;
  }
}
