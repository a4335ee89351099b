// Export: the dialog's Export button → `export` + a download of every file (browser) or export_to_file (desktop: the shell shows the save dialog and writes there).

import { call, isTauri } from './api';
import type { ExportFile, ExportReq, ExportResult } from './bindings';
import { byId, el } from './dom';
import { buildExportForm, readExportForm } from './exportDialog';
import { buildExportReq, isMisalignedError, saveFilter } from './exportReq';
import { state } from './state';
import { count, t } from './i18n';
import { describeError, guard, toast } from './toast';

function showResult(summary: string, notes: readonly string[], files: Node | null = null): void {
  const box = byId('export-result');
  box.hidden = false;
  box.replaceChildren(el('p', { id: 'export-summary' }, summary), ...(files ? [files] : []), ...(notes.length ? [el('ul', { id: 'export-notes' }, ...notes.map((x) => el('li', {}, x)))] : []));
}

/** Show an export failure in the dialog; for spans with an edge inside a token, name them by article
 * (number and title) and offer the three choices in words. */
async function showError(err: unknown, req: ExportReq | null = null): Promise<void> {
  const msg = describeError(err);
  const box = byId('export-error');
  box.hidden = false;
  const children: Node[] = [el('p', { class: 'err-title' }, t('exportFailedTitle'))];
  if (req && isMisalignedError(msg)) {
    const { spans } = await call('misaligned_spans', req).catch(() => ({ spans: [] }));
    if (spans.length) {
      const shown = spans.slice(0, 50);
      children.push(
        el('p', { id: 'export-error-text' }, t('misTitle', { spans: count(spans.length, 'span') })),
        el(
          'ul',
          { id: 'export-misaligned-list' },
          ...shown.map((m) => el('li', { dir: 'auto', 'data-article-id': String(m.article_id) }, t('misItem', { n: m.article_id, title: m.title || t('untitled'), text: m.text, label: m.label, who: m.annotator }))),
          ...(spans.length > shown.length ? [el('li', {}, t('misMore', { n: spans.length - shown.length }))] : []),
        ),
      );
    } else {
      children.push(el('pre', { id: 'export-error-text', dir: 'auto' }, msg));
    }
    const choices = (['expand', 'split', 'skip'] as const).map((c) => {
      const b = el('button', { type: 'button', class: 'btn', 'data-misaligned-choice': c }, t(({ expand: 'misExpand', split: 'misSplit', skip: 'misSkip' } as const)[c]));
      b.addEventListener('click', () => {
        byId<HTMLSelectElement>('export-misaligned').value = c;
        guard(run, t('errExport'))();
      });
      return b;
    });
    children.push(el('div', { class: 'err-choices' }, el('span', { class: 'small' }, t('misChoose')), ...choices));
    box.replaceChildren(...children);
    toast(t('misTitle', { spans: count(spans.length, 'span') }).replace(/:$/, ''), 'error');
    return;
  }
  children.push(el('pre', { id: 'export-error-text', dir: 'auto' }, msg));
  box.replaceChildren(...children);
  toast(msg.split('\n')[0], 'error');
}

/** Blob URLs of the last export's files, revoked when the next export starts or the dialog closes. */
let urls: string[] = [];

function forgetFiles(): void {
  const old = urls;
  urls = [];
  // Later, not now: a download the browser has only just started still reads its URL.
  setTimeout(() => old.forEach((u) => URL.revokeObjectURL(u)), 10000);
}

function fileLink(f: ExportFile): HTMLAnchorElement {
  const url = URL.createObjectURL(new Blob([f.content], { type: 'application/octet-stream' }));
  urls.push(url);
  return el('a', { href: url, download: f.name, 'data-export-file': f.name }, f.name);
}

/** Download every file of the export (the main one first), and list them as links in case the browser held some back. */
function downloadAll(r: ExportResult): HTMLElement {
  forgetFiles();
  const files = r.files?.length ? [...r.files] : [{ name: r.filename, content: r.content }];
  files.sort((a, b) => Number(b.name === r.filename) - Number(a.name === r.filename));
  const links = files.map(fileLink);
  for (const a of links) {
    document.body.append(a);
    a.click();
    a.remove();
  }
  return el('ul', { id: 'export-files' }, ...links.map((a) => el('li', {}, a)));
}

/** While an export runs: `first`, then "N articles written" (from job_status) and a Stop button (cancel_job). */
async function withProgress<T>(job: string, work: Promise<T>, first = t('exporting')): Promise<T> {
  const line = el('p', { id: 'export-progress', class: 'small', role: 'status' }, first);
  const stop = el('button', { type: 'button', id: 'export-stop', class: 'btn' }, t('stop'));
  stop.addEventListener('click', () => {
    stop.setAttribute('disabled', '');
    line.textContent = t('stopping');
    call('cancel_job', { job }).catch((e) => toast(describeError(e), 'error'));
  });
  byId('export-run').after(stop, line);
  let done = false;
  const poll = async () => {
    while (!done) {
      await new Promise((r) => setTimeout(r, 200));
      if (done) return;
      try {
        const s = await call('job_status', { job });
        if (s.running && !s.cancelled && s.records > 0) line.textContent = t('exportingN', { n: count(s.records, 'article', { num: s.records.toLocaleString('en-US') }) });
      } catch {
        // A missed snapshot only delays the line; the export's own answer reports failures.
      }
    }
  };
  void poll();
  try {
    return await work;
  } finally {
    done = true;
    line.remove();
    stop.remove();
  }
}

async function exportBrowser(req: ExportReq): Promise<void> {
  const job = `export-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const r = await withProgress(job, call('export', { ...req, job }));
  const list = downloadAll(r);
  const many = (r.files?.length ?? 1) > 1;
  const target = many ? t('exportedFiles', { target: r.filename, files: count(r.files.length, 'file'), names: r.files.map((f) => f.name).join(t('listSep')) }) : r.filename;
  const summary = t('exportedTo', { articles: count(r.articles, 'article'), spans: count(r.spans, 'span'), target });
  showResult(`${summary}${r.labels.length ? t('exportLabels', { labels: r.labels.join(t('listSep')) }) : ''}`, r.notes ?? [], list);
  const notes = r.notes ?? [];
  toast(`${summary}${notes.length ? ` ${notes[0]}${notes.length > 1 ? t('moreNotes', { n: notes.length - 1 }) : ''}` : ''}`, 'success');
}

/** export_to_file's answer: the user closed the save dialog, or what was written. */
async function exportDesktop(req: ExportReq): Promise<void> {
  const { ext } = saveFilter(req.format);
  const stem = (state.project?.name ?? 'hashiya').replace(/[/\\]/g, '_') || 'hashiya';
  const name = req.format === 'jsonl' ? `${stem}.jsonl` : `${stem}.${req.format}.${ext}`;
  const job = `export-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  // The shell shows the save dialog (in the project's folder, suggesting `name`) and writes only where the user chose.
  const r = await withProgress(job, call('export_to_file', { format: req.format, name, req: { ...req, job } }), t('chooseSave'));
  if (r.status === 'cancelled') return;
  const files = r.files;
  const summary = t('exportedDesktop', { articles: count(r.articles, 'article'), spans: count(r.spans, 'span'), target: files.join(t('listSep')) });
  showResult(summary, r.notes);
  toast(summary, 'success');
}

async function run(): Promise<void> {
  byId('export-error').hidden = true;
  byId('export-result').hidden = true;
  let req: ExportReq;
  try {
    req = buildExportReq(readExportForm());
  } catch (e) {
    await showError(e);
    return;
  }
  try {
    await (isTauri() ? exportDesktop(req) : exportBrowser(req));
  } catch (e) {
    await showError(e, req);
  }
}

export function initExport(): void {
  const dialog = byId<HTMLDialogElement>('export-dialog');
  byId('export-btn').addEventListener('click', () => {
    buildExportForm();
    byId('export-run').addEventListener('click', guard(run, t('errExport')));
    byId('export-cancel').addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', forgetFiles, { once: true });
    dialog.showModal();
    byId('export-format').focus();
  });
}
