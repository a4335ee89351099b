import { describe, expect, it } from 'vitest';
import type { Progress } from './bindings';
import { progressRows } from './progress';

const p: Progress = {
  articles: 10,
  adjudicated: 2,
  gold_spans: 5,
  analysts: [
    { annotator: 'a', done: 3, in_progress: 1, todo: 6, spans: 4, tags: 1, spans_per_label: [['LOC', 1], ['PER', 3]] },
    { annotator: 'rev', done: 0, in_progress: 0, todo: 10, spans: 0, tags: 0, spans_per_label: [] },
    { annotator: 'b', done: 0, in_progress: 2, todo: 8, spans: 0, tags: 0, spans_per_label: [] },
  ],
};

describe('progress rows from the core', () => {
  it('keeps the analysts (not reviewers who only adjudicated) and maps spans per label', () => {
    expect(progressRows(p, ['a', 'b'])).toEqual([
      { annotator: 'a', done: 3, inProgress: 1, todo: 6, spans: { LOC: 1, PER: 3 }, spanTotal: 4, tags: 1 },
      { annotator: 'b', done: 0, inProgress: 2, todo: 8, spans: {}, spanTotal: 0, tags: 0 },
    ]);
  });
  it('shows everyone when the analysts are unknown', () => {
    expect(progressRows(p, null).map((r) => r.annotator)).toEqual(['a', 'rev', 'b']);
  });
});
