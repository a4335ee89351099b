// "Next article with disagreements" (Shift+N in the review view): from the agreement report's ranked articles for the
// compared analysts, the first after the open one in article order, wrapping round.

import { call } from './api';
import { rv } from './reviewState';
import { toast } from './toast';
import { t } from './i18n';

/** The report is read again after this long (analysts may import more work meanwhile). */
const FRESH_MS = 60_000;
/** The most articles the core ranks in one report. */
const TOP = 10_000;

let cache: { key: string; at: number; ids: number[] } | null = null;

/** Article ids with at least one disagreement between `annotators`, ascending (cached a minute per choice). */
async function disagreeing(annotators: readonly string[]): Promise<number[]> {
  const key = JSON.stringify([...annotators].sort());
  if (!cache || cache.key !== key || Date.now() - cache.at > FRESH_MS) {
    // The report reads the whole project once (seconds on a large one); later presses use it for a minute.
    toast(t('rvFinding'));
    const r = await call('agreement', { annotators: [...annotators], top: TOP });
    cache = { key, at: Date.now(), ids: r.ranked.filter((a) => a.disagreements > 0).map((a) => a.article_id).sort((a, b) => a - b) };
  }
  return cache.ids;
}

/** The article after `current` in `ids` (ascending), wrapping to the first; null when there is no other. */
export function nextAfter(ids: readonly number[], current: number | null): number | null {
  const after = ids.find((i) => current === null || i > current);
  if (after !== undefined) return after;
  const first = ids.find((i) => i !== current);
  return first ?? null;
}

/** Open the next article where the compared analysts disagree. */
export async function nextDisagreeing(open: (id: number) => Promise<void>): Promise<void> {
  if (rv.annotators.length < 2) {
    toast(t('rvChooseTwoFirst'), 'info');
    return;
  }
  const id = nextAfter(await disagreeing(rv.annotators), rv.articleId);
  if (id === null) {
    toast(rv.articleId === null ? t('rvAgreeAll') : t('rvNoOther'), 'info');
    return;
  }
  await open(id);
}

/** Forget the cached report (after the analysts' work changed). */
export function forgetDisagreeing(): void {
  cache = null;
}
