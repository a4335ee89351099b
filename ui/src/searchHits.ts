// The search's hits in the open article: fetched from the core (`search_hits`, whole words as the list matched them)
// and drawn as overlay boxes under the text, like highlights; the text itself is never split.

import { call } from './api';
import type { SearchHit } from './bindings';
import type { TextView } from './textView';
import { boxAt, paint, type Box } from './overlay';

let hits: SearchHit[] = [];
/** Bumped by every load: an answer for an older article or search is dropped. */
let gen = 0;

/** Fetch the hits of `query` in article `id` ('' clears them); resolves with how many there are. */
export async function loadSearchHits(id: number, query: string): Promise<number> {
  const g = ++gen;
  const found = query ? await call('search_hits', { article_id: id, query }) : [];
  if (g === gen) hits = found;
  return hits.length;
}

/** Draw the loaded hits on `layer` (positions relative to `layer`'s own box). */
export function drawSearchHits(layer: HTMLElement, view: TextView): void {
  const base = layer.getBoundingClientRect();
  const boxes: Box[] = [];
  for (const h of hits) {
    for (const r of view.rectsCp(h.start, h.end)) boxes.push({ ...boxAt(base, r, 'search-box'), data: { start: String(h.start), end: String(h.end) } });
  }
  paint(layer, boxes);
}
