// Per-analyst progress (done / in progress / to do, spans per label, tags) from the core's `progress` command, with plots.

import { call } from './api';
import { stacked } from './charts';
import { table } from './agreementTables';
import type { Progress } from './bindings';
import { el, safeColor } from './dom';
import { labelByName, spanLabels, state } from './state';
import { count, t } from './i18n';

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
    [t('pAnalyst'), t('done'), t('in_progress'), t('todo'), t('scSpans'), ...labels, t('pTags')],
    rows.map((p) => [el('bdi', {}, p.annotator), p.done, p.inProgress, p.todo, p.spanTotal, ...labels.map((l) => p.spans[l] ?? 0), p.tags]),
    (i) => ({ 'data-annotator': rows[i].annotator }),
  );
  const spanChart = stacked(
    rows.map((p) => ({ label: p.annotator, parts: labels.map((l) => ({ label: l, color: labelByName(l)?.color ?? '', value: p.spans[l] ?? 0 })) })),
    t('pSpansChart'),
  );
  const doneChart = stacked(
    rows.map((p) => ({
      label: p.annotator,
      parts: [
        { label: t('xDone'), color: '#2b8a3e', value: p.done },
        { label: t('xInProgress'), color: '#f59f00', value: p.inProgress },
      ],
    })),
    t('pDoneChart'),
  );
  return el(
    'div',
    { id: 'progress' },
    el(
      'p',
      { id: 'progress-gold', class: 'small muted' },
      t('pGold', {
        n: progress.articles.toLocaleString('en-US'),
        articles: count(progress.articles, 'article', { num: progress.articles.toLocaleString('en-US') }),
        adj: progress.adjudicated.toLocaleString('en-US'),
        gold: progress.gold_spans.toLocaleString('en-US'),
      }),
    ),
    rows.length ? tbl : el('p', { class: 'muted' }, t('pNobody')),
    el('div', { class: 'charts' }, el('figure', {}, doneChart, el('figcaption', { class: 'small muted' }, t('pDoneCaption'))), el('figure', {}, spanChart, el('figcaption', { class: 'small muted legend-row' }, t('pSpansCaption'), ...labels.map((l) => el('span', { class: 'legend-item' }, swatch(labelByName(l)?.color ?? ''), l))))),
  );
}
