// Suggestions waiting on the open article: loaded from the core (`suggestions`, none before a training or with the
// switch off) and drawn as dashed outlines with no fill in their own layer under the analyst's highlights — boxes
// from Range.getClientRects(), one per line; the text is never split.

import { call } from './api';
import type { NextBy, Suggestion, SuggestState } from './bindings';
import { mergeBands } from './bands';
import { safeColor } from './dom';
import { startsRtl } from './highlightModel';
import { MARGIN } from './highlights';
import { boxAt, paint, type Box } from './overlay';
import { labelByName } from './state';
import type { TextView } from './textView';

export const sugg = {
  /** The project's switch, threshold and last training (null until read). */
  state: null as SuggestState | null,
  /** The open article's waiting suggestions, in text order. */
  list: [] as Suggestion[],
  /** The suggestion the keyboard acts on (Enter accepts, Delete rejects); null = none. */
  focus: null as number | null,
};

/** What "next unfinished" (Shift+N) opens: the next in the list, or by the suggestions (remembered on this computer). */
export type NextChoice = 'list' | NextBy;
const NEXT_KEY = 'hashiya.suggestNext';

export function nextChoice(): NextChoice {
  try {
    const v = localStorage.getItem(NEXT_KEY);
    return v === 'least_sure' || v === 'most_suggestions' ? v : 'list';
  } catch {
    return 'list';
  }
}

export function setNextChoice(v: NextChoice): void {
  try {
    localStorage.setItem(NEXT_KEY, v);
  } catch {
    // No storage: the choice lasts as long as the page does not reload.
  }
}

/** Does the project suggest anything (a trained model and the switch not off)? */
export function suggesting(): boolean {
  return !!sugg.state?.trained && sugg.state.settings.mode !== 'off';
}

export async function loadSuggestState(): Promise<SuggestState> {
  sugg.state = await call('suggest_state', {});
  return sugg.state;
}

/** Bumped by every load: an answer for an article no longer open is dropped. */
let gen = 0;

/** Fetch the suggestions on article `id` (computed afresh by the core: places labelled since are left out). */
export async function loadSuggestions(id: number): Promise<void> {
  const g = ++gen;
  const list = suggesting() ? await call('suggestions', { article_id: id }) : [];
  if (g !== gen) return;
  sugg.list = list;
  if (!list.some((s) => s.id === sugg.focus)) sugg.focus = null;
}

/** Forget the open article's suggestions (another article is opening). */
export function clearSuggestions(): void {
  gen++;
  sugg.list = [];
  sugg.focus = null;
}

/** Draw the suggestions within the drawing margin of the viewport `port` on `layer`; the focused one outlined. */
export function drawSuggestions(layer: HTMLElement, view: TextView, port: { top: number; bottom: number }): void {
  const boxes: Box[] = [];
  const vis = sugg.list.length ? view.visibleParagraphs(port, MARGIN) : null;
  if (vis) {
    const base = layer.getBoundingClientRect();
    for (const s of sugg.list) {
      const [p, last] = view.paragraphsOfCp(s.start, s.end);
      if (p > vis[1] || last < vis[0]) continue;
      const color = safeColor(labelByName(s.label)?.color ?? '');
      const cls = `sg${s.id === sugg.focus ? ' sg-focus' : ''}`;
      for (const r of mergeBands(view.rectsCp(s.start, s.end), true, true, startsRtl(view.paras[p].text))) {
        const box = boxAt(base, { left: r.left, top: r.top, width: r.right - r.left, height: r.bottom - r.top }, cls);
        boxes.push({ ...box, data: { suggestionId: String(s.id), label: s.label, source: s.source }, style: { 'border-color': color } });
      }
    }
  }
  paint(layer, boxes);
}
