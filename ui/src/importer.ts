// Import: pick .txt/.jsonl files, send them to import_files, show the report, refresh the list.

import { call } from './api';
import { refreshList } from './articleList';
import type { ImportReport } from './bindings';
import { byId, el, present } from './dom';
import { state } from './state';
import { guard, toast } from './toast';

const where = (file: string, line: number | null) => (line === null ? file : `${file}:${line}`);

/** The detected encoding, when the core reports one and it is not plain UTF-8. */
function encodingNote(a: object): string {
  const enc = (a as { encoding?: unknown }).encoding;
  return typeof enc === 'string' && enc && enc !== 'UTF-8' ? ` (${enc})` : '';
}

function section(title: string, rows: HTMLElement[], cls: string): HTMLElement | null {
  if (rows.length === 0) return null;
  return el('section', { class: cls }, el('h3', {}, `${title} (${rows.length})`), el('ul', {}, ...rows));
}

/** Render the report in the import dialog. */
export function showReport(r: ImportReport): void {
  const summary = `${r.imported.length} imported, ${r.duplicates.length} duplicate${r.duplicates.length === 1 ? '' : 's'}, ${r.rejected.length} rejected; ${r.spans_added} spans and ${r.tags_added} tags added.`;
  byId('import-report').replaceChildren(
    ...present(
    el('p', { id: 'import-summary' }, summary),
    section('Imported', r.imported.map((a) => el('li', {}, el('span', { dir: 'auto' }, a.title), el('span', { class: 'muted small' }, ` — ${where(a.file, a.line)}${encodingNote(a)}`))), 'rep-ok'),
    section('Duplicates (same text already in the project)', r.duplicates.map((a) => el('li', {}, el('span', { dir: 'auto' }, a.title), el('span', { class: 'muted small' }, ` — ${where(a.file, a.line)}`))), 'rep-dup'),
    section('Rejected', r.rejected.map((x) => el('li', { 'data-rejected': where(x.file, x.line) }, el('code', {}, where(x.file, x.line)), ': ', el('span', { dir: 'auto' }, x.reason))), 'rep-bad'),
    section('Skipped files', r.skipped_files.map((f) => el('li', {}, f)), 'rep-skip'),
    r.labels_added.length ? el('p', { class: 'small' }, `New labels added: ${r.labels_added.join(', ')}`) : null,
    ),
  );
  byId<HTMLDialogElement>('import-dialog').showModal();
  toast(summary, r.rejected.length ? 'error' : 'success');
}

async function importFiles(files: FileList, reload: () => Promise<void>): Promise<void> {
  const payload = await Promise.all([...files].map(async (f) => ({ name: f.name, content: await f.text() })));
  if (payload.length === 0) return;
  const report = await call('import_files', { annotator: state.analyst, files: payload });
  showReport(report);
  await reload();
  await refreshList();
}

/** Wire the import button and its hidden file input; `reload` refreshes project info afterwards. */
export function initImport(reload: () => Promise<void>): void {
  const input = byId<HTMLInputElement>('import-input');
  byId('import-btn').addEventListener('click', () => input.click());
  input.addEventListener(
    'change',
    guard(async () => {
      try {
        if (input.files) await importFiles(input.files, reload);
      } finally {
        input.value = '';
      }
    }, 'Import failed'),
  );
  byId('import-close').addEventListener('click', () => byId<HTMLDialogElement>('import-dialog').close());
}
