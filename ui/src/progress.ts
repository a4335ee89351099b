// Per-analyst progress (articles done / in progress, spans per label), counted from the native JSONL export.

import { call } from './api';
import { stacked } from './charts';
import { table } from './agreementTables';
import { el, safeColor } from './dom';
import { labelByName, spanLabels, state } from './state';

export interface Progress {
  annotator: string;
  done: number;
  inProgress: number;
  worked: number;
  spans: Record<string, number>;
}

interface NativeRecord {
  spans?: { label: string; annotator: string }[];
  tags?: { annotator: string }[];
  status?: { annotator: string; status: string }[];
}

/** Count progress per analyst from native JSONL lines (pure; exported for tests). */
export function countProgress(jsonl: string, annotators: readonly string[]): Progress[] {
  const by = new Map<string, Progress>(annotators.map((a) => [a, { annotator: a, done: 0, inProgress: 0, worked: 0, spans: {} }]));
  for (const line of jsonl.split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as NativeRecord;
    const touched = new Set<string>();
    for (const s of r.spans ?? []) {
      const p = by.get(s.annotator);
      if (!p) continue;
      p.spans[s.label] = (p.spans[s.label] ?? 0) + 1;
      touched.add(s.annotator);
    }
    for (const t of r.tags ?? []) touched.add(t.annotator);
    for (const s of r.status ?? []) {
      const p = by.get(s.annotator);
      if (!p) continue;
      if (s.status === 'done') p.done++;
      if (s.status === 'in_progress') p.inProgress++;
      if (s.status === 'done') touched.add(s.annotator);
    }
    for (const a of touched) {
      const p = by.get(a);
      if (p) p.worked++;
    }
  }
  return [...by.values()];
}

const swatch = (color: string) => {
  const s = el('span', { class: 'swatch' });
  s.style.backgroundColor = safeColor(color);
  return s;
};

/** Above this many articles the dashboard asks before reading the whole project. */
export const AUTO_LIMIT = 3000;

export async function loadProgress(): Promise<Progress[]> {
  const r = await call('export', { format: 'jsonl' });
  return countProgress(r.content, state.project?.annotators ?? []);
}

export function renderProgress(rows: Progress[]): HTMLElement {
  const labels = [...new Set([...spanLabels().map((l) => l.name), ...rows.flatMap((r) => Object.keys(r.spans))])];
  const tbl = table(
    'progress-table',
    ['Analyst', 'Done', 'In progress', 'Worked on', 'Spans', ...labels],
    rows.map((p) => [el('bdi', {}, p.annotator), p.done, p.inProgress, p.worked, Object.values(p.spans).reduce((a, b) => a + b, 0), ...labels.map((l) => p.spans[l] ?? 0)]),
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
    tbl,
    el('div', { class: 'charts' }, el('figure', {}, doneChart, el('figcaption', { class: 'small muted' }, 'Articles done (green) and in progress (amber)')), el('figure', {}, spanChart, el('figcaption', { class: 'small muted legend-row' }, 'Spans per label: ', ...labels.map((l) => el('span', { class: 'legend-item' }, swatch(labelByName(l)?.color ?? ''), l))))),
  );
}
