// The import dialog's last step: the report grouped by file (cancelled, rejected with file:line, left
// out, skipped, new labels, imported, duplicates), saved as a text file (browser) or copied (desktop).

import { isTauri } from './api';
import type { ImportReport, ImportedArticle, Rejection } from './bindings';
import { el } from './dom';
import { byFile, encodingOf, entityCounts, num, plural, reportFileName, reportText, summary, where } from './importModel';
import { toast } from './toast';
import { t, type Key } from './i18n';

/** At most this many rows per file in the dialog (the saved report has them all). */
const SHOWN = 300;

let lastText = '';
let lastWhen = new Date();

function more(n: number): HTMLElement | null {
  return n > SHOWN ? el('li', { class: 'muted small' }, t('rptMore', { n: num(n - SHOWN) })) : null;
}

function section(cls: string, title: string, ...body: (Node | string | null)[]): HTMLElement {
  return el('section', { class: `imp-sec ${cls}` }, el('h3', {}, title), ...body);
}

/** A reason as text; the line a note quotes (`dropped (why): LINE`) isolated in its own direction. */
function reasonNode(reason: string): HTMLElement {
  const m = /^(dropped \([^)]*\): )([\s\S]*)$/.exec(reason);
  return m ? el('span', { dir: 'ltr' }, m[1], el('bdi', { dir: 'auto' }, m[2])) : el('span', { dir: 'auto' }, reason);
}

function rejections(list: Rejection[], attr: 'data-rejected' | 'data-left-out' | 'data-note', open: boolean, what: Key): HTMLElement[] {
  return byFile(list).map((g) =>
    el(
      'details',
      { open },
      el('summary', {}, el('span', { dir: 'ltr', class: 'imp-file-name' }, g.file), el('span', { class: 'muted' }, ` — ${t(what, { n: num(g.items.length) })}`)),
      el(
        'ul',
        {},
        ...g.items.slice(0, SHOWN).map((x) => el('li', { [attr]: where(x.file, x.line) }, el('code', { dir: 'ltr' }, where(x.file, x.line)), ' — ', reasonNode(x.reason))),
        more(g.items.length),
      ),
    ),
  );
}

function articles(list: ImportedArticle[], readAs: Map<string, string>): HTMLElement[] {
  return byFile(list).map((g) => {
    const enc = encodingOf(g.items[0], readAs);
    const spans = g.items.reduce((n, a) => n + a.new_spans, 0);
    const tags = g.items.reduce((n, a) => n + a.new_tags, 0);
    const extra = [plural(g.items.length, 'article'), spans ? plural(spans, 'span') : '', tags ? plural(tags, 'tag') : '', enc].filter(Boolean).join(t('listSep'));
    return el(
      'details',
      { 'data-file': g.file },
      el('summary', {}, el('span', { dir: 'ltr', class: 'imp-file-name' }, g.file), el('span', { class: 'muted' }, ` — ${extra}`)),
      el(
        'ul',
        {},
        ...g.items.slice(0, SHOWN).map((a) => el('li', {}, el('span', { dir: 'auto', class: 'imp-title' }, a.title), el('span', { class: 'muted small' }, a.line === null ? '' : t('rptLine', { n: a.line })))),
        more(g.items.length),
      ),
    );
  });
}

/** Fill `#import-result` with the report; returns the summary sentence. */
export function renderReport(box: HTMLElement, r: ImportReport, ctx: { project?: string; annotator?: string; readAs?: Map<string, string> }): string {
  const readAs = ctx.readAs ?? new Map<string, string>();
  lastWhen = new Date();
  lastText = reportText(r, { ...ctx, when: lastWhen, readAs });
  const sum = summary(r);
  const entities = entityCounts(r);
  const parts: (HTMLElement | null)[] = [
    r.cancelled.length
      ? section(
          'imp-cancelled',
          t('rptCancelledN', { files: plural(r.cancelled.length, 'file') }),
          el('p', { class: 'small' }, t('rptRolledBack')),
          el('ul', {}, ...r.cancelled.map((f) => el('li', { 'data-cancelled': f }, el('span', { dir: 'ltr', class: 'imp-file-name' }, f)))),
        )
      : null,
    r.rejected.length ? section('imp-rejected', `${t('rptRejected')} (${num(r.rejected.length)})`, ...rejections(r.rejected, 'data-rejected', true, 'rptNRejected')) : null,
    r.left_out.length ? section('imp-leftout', `${t('rptLeftOut')} (${num(r.left_out.length)})`, ...rejections(r.left_out, 'data-left-out', false, 'rptNLeftOut')) : null,
    r.skipped_files.length ? section('imp-skipped', `${t('rptSkipped')} (${num(r.skipped_files.length)})`, el('ul', {}, ...r.skipped_files.map((f) => el('li', {}, el('span', { dir: 'ltr', class: 'imp-file-name' }, f))))) : null,
    r.notes?.length ? section('imp-notes', `${t('rptNotes')} (${num(r.notes.length)})`, ...rejections(r.notes, 'data-note', false, 'rptNNotes')) : null,
    r.labels_added.length
      ? section('imp-labels', `${t('rptNewLabels')} (${num(r.labels_added.length)})`, el('p', { id: 'import-labels' }, ...r.labels_added.map((l) => el('span', { class: 'imp-label', dir: 'auto' }, l))))
      : null,
    r.imported.length ? section('imp-imported', `${t('rptImported')} (${num(r.imported.length)})`, ...articles(r.imported, readAs)) : null,
    r.duplicates.length ? section('imp-dups', `${t('rptDupsDash')} (${num(r.duplicates.length)})`, ...articles(r.duplicates, readAs)) : null,
    entities.length
      ? section(
          'imp-entities',
          t('rptEntities'),
          el('ul', { id: 'import-entities' }, ...entities.map(([label, n]) => el('li', { 'data-entity-label': label }, el('span', { class: 'imp-label', dir: 'auto' }, label), ` ${num(n)}`))),
        )
      : null,
  ];
  const desktop = isTauri();
  box.replaceChildren(
    el('p', { id: 'import-summary', class: r.rejected.length ? 'imp-bad' : r.cancelled.length ? 'imp-warn' : 'imp-good' }, sum),
    el('div', { id: 'import-report' }, ...parts.filter((p): p is HTMLElement => p !== null)),
    desktop ? el('p', { class: 'muted small' }, t('rptDesktopNote')) : '',
    el(
      'div',
      { class: 'dialog-actions imp-actions' },
      el('button', { type: 'button', id: 'import-again', class: 'btn' }, t('importMore')),
      desktop ? '' : el('button', { type: 'button', id: 'import-save', class: 'btn' }, t('saveReport')),
      el('button', { type: 'button', id: 'import-copy', class: 'btn' }, t('copyReport')),
      el('button', { type: 'button', id: 'import-close', class: 'btn btn-primary' }, t('close')),
    ),
  );
  return sum;
}

/** Download the last report as a text file (browser). */
export function saveReport(): void {
  const url = URL.createObjectURL(new Blob([lastText], { type: 'text/plain;charset=utf-8' }));
  const a = el('a', { href: url, download: reportFileName(lastWhen), hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  toast(t('savedToDownloads', { file: reportFileName(lastWhen) }), 'success');
}

/** Put the last report on the clipboard. */
export async function copyReport(): Promise<void> {
  if (!navigator.clipboard) throw new Error(t('noClipboard'));
  await navigator.clipboard.writeText(lastText);
  toast(t('reportCopied'), 'success');
}

export function lastReportText(): string {
  return lastText;
}
