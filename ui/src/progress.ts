// Per-analyst progress (done / in progress / to do, spans per label, tags) from the core's `progress` command, with plots.

import { call } from './api';
import { stacked } from './charts';
import { table } from './agreementTables';
import type { Progress } from './bindings';
import { el, safeColor } from './dom';
import { labelByName, spanLabels, state } from './state';

export interface ProgressRow {
  annotator: string;
  done: number;
  inProgress: number;
  todo: number;
  spans: Record<string, number>;
  spanTotal: number;
  tags: number;
}

/** The rows to show: the project's analysts (reviewers who only adjudicated are left out), in the core's order. */
export function progressRows(p: Progress, analysts: readonly string[] | null): ProgressRow[] {
  const keep = analysts ? new Set(analysts) : null;
  return p.analysts
    .filter((a) => !keep || keep.has(a.annotator))
    .map((a) => ({
      annotator: a.annotator,
      done: a.done,
      inProgress: a.in_progress,
      todo: a.todo,
      spans: Object.fromEntries(a.spans_per_label),
      spanTotal: a.spans,
      tags: a.tags,
    }));
}

const swatch = (color: string) => {
  const s = el('span', { class: 'swatch' });
  s.style.backgroundColor = safeColor(color);
  return s;
};

export async function loadProgress(): Promise<{ progress: Progress; rows: ProgressRow[] }> {
  const progress = await call('progress', {});
  return { progress, rows: progressRows(progress, state.project?.analysts ?? null) };
}

export function renderProgress({ progress, rows }: { progress: Progress; rows: ProgressRow[] }): HTMLElement {
  const labels = [...new Set([...spanLabels().map((l) => l.name), ...rows.flatMap((r) => Object.keys(r.spans))])];
  const tbl = table(
    'progress-table',
    ['Analyst', 'Done', 'In progress', 'To do', 'Spans', ...labels, 'Tags'],
    rows.map((p) => [el('bdi', {}, p.annotator), p.done, p.inProgress, p.todo, p.spanTotal, ...labels.map((l) => p.spans[l] ?? 0), p.tags]),
    (i) => ({ 'data-annotator': rows[i].annotator }),
  );
  const spanChart = stacked(
    rows.map((p) => ({ label: p.annotator, parts: labels.map((l) => ({ label: l, color: labelByName(l)?.color ?? '', value: p.spans[l] ?? 0 })) })),
    'Spans per label, per analyst',
  );
  const doneChart = stacked(
    rows.map((p) => ({
      label: p.annotator,
      parts: [
        { label: 'done', color: '#2b8a3e', value: p.done },
        { label: 'in progress', color: '#f59f00', value: p.inProgress },
      ],
    })),
    'Articles done and in progress, per analyst',
  );
  return el(
    'div',
    { id: 'progress' },
    el(
      'p',
      { id: 'progress-gold', class: 'small muted' },
      `${progress.articles.toLocaleString('en-US')} articles · ${progress.adjudicated.toLocaleString('en-US')} adjudicated by reviewers · ${progress.gold_spans.toLocaleString('en-US')} gold spans`,
    ),
    rows.length ? tbl : el('p', { class: 'muted' }, 'No analyst has worked in this project yet.'),
    el('div', { class: 'charts' }, el('figure', {}, doneChart, el('figcaption', { class: 'small muted' }, 'Articles done (green) and in progress (amber)')), el('figure', {}, spanChart, el('figcaption', { class: 'small muted legend-row' }, 'Spans per label: ', ...labels.map((l) => el('span', { class: 'legend-item' }, swatch(labelByName(l)?.color ?? ''), l))))),
  );
}
