// A tiny hook for end-to-end tests and the UI benchmark: select a code-point range as a mouse drag would (in the
// visible view), read the waiting suggestions, and time opening an article and adding a span with performance.now().

import { addMarks, applyLabel } from './annotate';
import { inFlight } from './api';
import { openArticle, openMarks, redrawNow, textView } from './article';
import { selectCp, selectionCp } from './geometry';
import { drawStats } from './highlights';
import { makeRelation, relMarks } from './relations';
import { rv } from './reviewState';
import { state } from './state';
import { sugg } from './suggestions';
import type { Suggestion } from './bindings';

export interface Timing {
  /** Request sent → highlights in the DOM (all synchronous work done). */
  total: number;
  /** The request: sent → answer parsed. */
  request: number;
  /** After the answer: text DOM (open) and highlight drawing, layout included. */
  render: number;
  /** The highlight draw alone (rects, boxes). */
  draw: number;
  /** Request sent → the next frame after drawing. */
  frame: number;
  /** Inside the draw: style/size key (forces layout), visible paragraphs, rects, DOM writes. */
  parts?: Record<string, number>;
  /** Paragraph groups (re)built, boxes created. */
  rebuilt: number;
  boxes: number;
}

declare global {
  interface Window {
    hashiya?: {
      selectRange(startCp: number, endCp: number): void;
      /** The current selection on the open article as code points (what a label key would be given), or null. */
      selectionCp(): { start: number; end: number } | null;
      /** Commands in flight. */
      inFlight(): number;
      /** The suggestions waiting on the open article, and the focused one's id. */
      suggestions(): { list: Suggestion[]; focus: number | null };
      benchOpen?(id: number): Promise<Timing>;
      benchAdd?(startCp: number, endCp: number, label: string): Promise<Timing>;
      /** Make a relation between two spans of the open article: request → answer → arc drawn. */
      benchRelate?(fromId: number, toId: number, type: string): Promise<{ total: number; request: number; render: number; arcs: number }>;
    };
  }
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

export function installTestHook(): void {
  window.hashiya = {
    inFlight: () => inFlight.count,
    suggestions: () => ({ list: [...sugg.list], focus: sugg.focus }),
    selectionCp() {
      const view = textView();
      return view ? selectionCp(view) : null;
    },
    selectRange(startCp: number, endCp: number) {
      const view = state.mode === 'review' ? rv.text : textView();
      if (!view) throw new Error('no article is open');
      selectCp(view, startCp, endCp);
    },
    async benchOpen(id: number): Promise<Timing> {
      await openArticle(id);
      // openArticle drew on the next frame (or set the status first): draw now, as the frame would, and time it.
      const t = performance.now();
      redrawNow();
      const drawn = performance.now();
      const m = { ...openMarks };
      const s = { ...drawStats };
      await nextFrame();
      return {
        total: m.rendered - m.requested + (drawn - t),
        request: m.fetched - m.requested,
        render: m.rendered - m.fetched + (drawn - t),
        draw: s.ms,
        frame: m.rendered - m.requested + (drawn - t) + (performance.now() - drawn),
        rebuilt: s.rebuilt,
        boxes: s.boxes,
        parts: { layout: s.layout, visible: s.visible, measure: s.measure, write: s.write, dom: m.rendered - m.fetched },
      };
    },
    async benchRelate(fromId: number, toId: number, type: string) {
      const spans = state.view?.spans ?? [];
      const a = spans.find((s) => s.id === fromId);
      const b = spans.find((s) => s.id === toId);
      if (!a || !b) throw new Error('no such spans');
      const done = makeRelation(a, b, type);
      const t0 = performance.now();
      await new Promise<void>((r, reject) => {
        const wait = () => (relMarks.drawn > relMarks.requested ? r() : performance.now() - t0 > 10000 ? reject(new Error('no relation was added')) : setTimeout(wait, 1));
        wait();
      });
      await done;
      const m = { ...relMarks };
      return { total: m.drawn - m.requested, request: m.answered - m.requested, render: m.confirmed - m.answered, arcs: Number(document.getElementById('rel-layer')?.dataset.arcs ?? 0) };
    },
    async benchAdd(startCp: number, endCp: number, label: string): Promise<Timing> {
      const view = textView();
      if (!view) throw new Error('no article is open');
      selectCp(view, startCp, endCp);
      const labelled = applyLabel(label, true);
      // applyLabel draws the new span as soon as add_span answers, before refreshing.
      const t0 = performance.now();
      await new Promise<void>((r, reject) => {
        const wait = () => (addMarks.drawn > addMarks.requested ? r() : performance.now() - t0 > 10000 ? reject(new Error('no span was added')) : setTimeout(wait, 1));
        wait();
      });
      const m = { ...addMarks };
      await nextFrame();
      const frame = performance.now() - m.requested;
      await labelled;
      return { total: m.drawn - m.requested, request: m.answered - m.requested, render: m.drawn - m.answered, draw: m.drawMs, frame, rebuilt: m.rebuilt, boxes: 0 };
    },
  };
}
