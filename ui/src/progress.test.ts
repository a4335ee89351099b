import { describe, expect, it } from 'vitest';
import { countProgress } from './progress';

const line = (o: object) => JSON.stringify({ text: 'x', ...o });

describe('progress from native JSONL', () => {
  it('counts done / in progress, articles worked on and spans per label, per analyst', () => {
    const jsonl = [
      line({ spans: [{ label: 'PER', annotator: 'a' }, { label: 'PER', annotator: 'a' }, { label: 'LOC', annotator: 'b' }], status: [{ annotator: 'a', status: 'done' }, { annotator: 'b', status: 'in_progress' }] }),
      line({ tags: [{ label: 'x', annotator: 'b' }], status: [{ annotator: 'b', status: 'done' }] }),
      line({ status: [{ annotator: 'a', status: 'in_progress' }] }),
      '',
    ].join('\n');
    expect(countProgress(jsonl, ['a', 'b', 'c'])).toEqual([
      { annotator: 'a', done: 1, inProgress: 1, worked: 1, spans: { PER: 2 } },
      { annotator: 'b', done: 1, inProgress: 1, worked: 2, spans: { LOC: 1 } },
      { annotator: 'c', done: 0, inProgress: 0, worked: 0, spans: {} },
    ]);
  });
});
