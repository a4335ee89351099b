// Export: the dialog's Export button → `export` + download (browser) or save dialog + export_to_file (desktop).

import { save } from '@tauri-apps/plugin-dialog';
import { call, invokeDesktop, isTauri } from './api';
import type { ExportReq } from './bindings';
import { byId, el } from './dom';
import { buildExportForm, readExportForm } from './exportDialog';
import { buildExportReq, isMisalignedError, saveFilter } from './exportReq';
import { state } from './state';
import { describeError, guard, toast } from './toast';

const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;

function showResult(summary: string, notes: readonly string[]): void {
  const box = byId('export-result');
  box.hidden = false;
  box.replaceChildren(el('p', { id: 'export-summary' }, summary), ...(notes.length ? [el('ul', { id: 'export-notes' }, ...notes.map((x) => el('li', {}, x)))] : []));
}

/** Show an export failure in the dialog; for spans with an edge inside a token, offer the three choices. */
function showError(err: unknown): void {
  const msg = describeError(err);
  const box = byId('export-error');
  box.hidden = false;
  const children: Node[] = [el('p', { class: 'err-title' }, 'The export failed:'), el('pre', { id: 'export-error-text', dir: 'auto' }, msg)];
  if (isMisalignedError(msg)) {
    const choices = (['expand', 'split', 'skip'] as const).map((c) => {
      const b = el('button', { type: 'button', class: 'btn', 'data-misaligned-choice': c }, { expand: 'Expand them to whole tokens', split: 'Split the tokens', skip: 'Skip those spans' }[c]);
      b.addEventListener('click', () => {
        byId<HTMLSelectElement>('export-misaligned').value = c;
        guard(run, 'Export failed')();
      });
      return b;
    });
    children.push(el('div', { class: 'err-choices' }, el('span', { class: 'small' }, 'Choose what to do with them:'), ...choices));
  }
  box.replaceChildren(...children);
  toast(msg.split('\n')[0], 'error');
}

function download(content: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/octet-stream' }));
  const a = el('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function exportBrowser(req: ExportReq): Promise<void> {
  const r = await call('export', req);
  download(r.content, r.filename);
  const summary = `Exported ${n(r.articles, 'article')} and ${n(r.spans, 'span')} to ${r.filename}.`;
  showResult(`${summary}${r.labels.length ? ` Labels: ${r.labels.join(', ')}.` : ''}`, r.notes ?? []);
  const notes = r.notes ?? [];
  toast(`${summary}${notes.length ? ` ${notes[0]}${notes.length > 1 ? ` (+${notes.length - 1} more notes)` : ''}` : ''}`, 'success');
}

async function exportDesktop(req: ExportReq): Promise<void> {
  const { name, ext } = saveFilter(req.format);
  const stem = state.project?.name ?? 'hashiya';
  const path = await save({ defaultPath: req.format === 'jsonl' ? `${stem}.jsonl` : `${stem}.${req.format}.${ext}`, filters: [{ name, extensions: [ext] }] });
  if (!path) return;
  const r = await invokeDesktop<{ articles: number; spans: number; notes?: string[] }>('export_to_file', { format: req.format, path, req });
  const summary = `Exported ${n(r.articles, 'article')} and ${n(r.spans, 'span')} to ${path}.`;
  showResult(summary, r.notes ?? []);
  toast(summary, 'success');
}

async function run(): Promise<void> {
  byId('export-error').hidden = true;
  byId('export-result').hidden = true;
  let req: ExportReq;
  try {
    req = buildExportReq(readExportForm());
  } catch (e) {
    showError(e);
    return;
  }
  try {
    await (isTauri() ? exportDesktop(req) : exportBrowser(req));
  } catch (e) {
    showError(e);
  }
}

export function initExport(): void {
  const dialog = byId<HTMLDialogElement>('export-dialog');
  byId('export-btn').addEventListener('click', () => {
    buildExportForm();
    byId('export-run').addEventListener('click', guard(run, 'Export failed'));
    byId('export-cancel').addEventListener('click', () => dialog.close());
    dialog.showModal();
    byId('export-format').focus();
  });
}
