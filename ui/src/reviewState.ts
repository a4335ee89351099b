// Review state: the compared analysts (remembered), the ReviewView on screen, its disagreements and the cursor.

import type { Disagreement, ReviewView } from './bindings';
import { disKey, inTextOrder, keepCursor } from './reviewModel';
import type { TextView } from './textView';

const KEY = 'hashiya.review.annotators';

export const rv = {
  /** Analysts compared, in the order chosen (lanes and patterns follow it). */
  annotators: [] as string[],
  articleId: null as number | null,
  view: null as ReviewView | null,
  list: [] as Disagreement[],
  cur: -1,
  text: null as TextView | null,
};

/** The disagreement under the cursor, if any. */
export function current(): Disagreement | null {
  return rv.cur >= 0 ? (rv.list[rv.cur] ?? null) : null;
}

/** Take a fresh ReviewView, keeping the cursor on the same disagreement when it is still there. */
export function setView(v: ReviewView): void {
  const old = current();
  const sameArticle = rv.view?.article.id === v.article.id;
  rv.view = v;
  rv.list = inTextOrder(v.comparison.disagreements);
  rv.cur = sameArticle && old ? keepCursor(rv.list, disKey(old), old.start) : -1;
}

export function rememberedAnnotators(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberAnnotators(names: string[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(names));
  } catch {
    /* storage disabled: the choice lasts for this page only */
  }
}
