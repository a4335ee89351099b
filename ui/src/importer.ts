// Import dialog: choose files and options (CSV/TSV column mapping with a preview), import as a named
// job while job_status is polled for the progress bar (Cancel or Esc → cancel_job), then the report.

import './import.css';
import { call } from './api';
import { refreshList } from './articleList';
import type { ImportReport } from './bindings';
import { byId, el } from './dom';
import { decodeBytes } from './importDecode';
import { buildForm, chosenFiles, readForm, refreshChoices, resetForm, setFiles, showFormError, type Chosen } from './importForm';
import { buildRequest, expectedRecords, jobName, num, ProgressTracker, progressText, type ImportForm, type ProgressView } from './importModel';
import { copyReport, renderReport, saveReport } from './importReport';
import { state } from './state';
import { guard, toast, toastError } from './toast';
import { count, type Key, t } from './i18n';

type Step = 'form' | 'progress' | 'report';
const POLL_MS = 200;

let step: Step = 'form';
let reloadProject: () => Promise<void> = async () => {};
/** The running import: its job name and whether Cancel was asked for. */
let running: { job: string; cancel: boolean } | null = null;
/** How the browser decoded each file of the last import (name → encoding). */
let readAs = new Map<string, string>();

const dialog = () => byId<HTMLDialogElement>('import-dialog');

const TITLES: Record<Step, Key> = { form: 'importArticles', progress: 'importing', report: 'importReportTitle' };

function show(s: Step): void {
  step = s;
  const d = dialog();
  d.dataset.step = s;
  const title = byId('import-title');
  title.dataset.i18n = TITLES[s];
  title.textContent = t(TITLES[s]);
  byId('import-form-step').hidden = s !== 'form';
  byId('import-progress').hidden = s !== 'progress';
  byId('import-result').hidden = s !== 'report';
  if (!d.open) d.showModal();
}

async function readFiles(files: FileList | File[]): Promise<Chosen[]> {
  return Promise.all(
    [...files].map(async (f) => {
      const { text, encoding } = decodeBytes(new Uint8Array(await f.arrayBuffer()));
      return { name: f.name, size: f.size, text, encoding };
    }),
  );
}

/** Open the dialog on a fresh form. */
function openForm(): void {
  resetForm(dialog(), state.analyst);
  show('form');
  byId('import-choose').focus();
}

function renderProgress(v: ProgressView): void {
  const bar = byId<HTMLProgressElement>('import-bar');
  if (v.phase === 'sending') bar.removeAttribute('value');
  else bar.value = v.fraction;
  bar.setAttribute('aria-valuetext', `${Math.round(v.fraction * 100)}%`);
  const box = byId('import-progress');
  box.dataset.phase = v.phase;
  box.dataset.filesDone = String(v.filesDone);
  box.dataset.filesTotal = String(v.filesTotal);
  box.dataset.records = String(v.records);
  byId('import-progress-text').textContent = progressText(v);
  byId('import-files-done').textContent = v.phase === 'sending' ? '' : t('filesDone', { n: num(v.filesDone), total: num(v.filesTotal), files: count(v.filesTotal, 'file', { num: num(v.filesTotal), gen: true }) });
  byId('import-current').textContent = v.phase === 'reading' && v.file ? v.file : '';
  byId('import-current-row').hidden = !(v.phase === 'reading' && v.file);
}

/** Ask the core to stop the running import (again on each poll until it says cancelled). */
function requestCancel(): void {
  if (!running || running.cancel) return;
  running.cancel = true;
  const btn = byId<HTMLButtonElement>('import-cancel');
  btn.disabled = true;
  btn.textContent = t('cancelling');
  byId('import-progress').dataset.cancelling = 'true';
  call('cancel_job', { job: running.job }).catch((e) => toastError(e, t('errCancel')));
}

const sleep = (ms: number) => new Promise((r) => window.setTimeout(r, ms));

/** Import `files` with `form`, following the job until the core answers; then show the report. */
async function runImport(form: ImportForm, files: Chosen[]): Promise<void> {
  if (running) throw new Error(t('importRunning'));
  const job = jobName();
  const me = { job, cancel: false };
  running = me;
  readAs = new Map(files.map((f) => [f.name, f.encoding]));
  byId('import-result').replaceChildren();
  const cancelBtn = byId<HTMLButtonElement>('import-cancel');
  cancelBtn.disabled = false;
  cancelBtn.textContent = t('cancel');
  delete byId('import-progress').dataset.cancelling;
  const tracker = new ProgressTracker(files.map((f) => expectedRecords(f.name, f.text, form.format)));
  renderProgress(tracker.update({ running: false, cancelled: false, files_done: 0, files_total: files.length, file: '', records: 0, elapsed_ms: 0 }));
  show('progress');
  cancelBtn.focus();

  let finished = false;
  const poll = async () => {
    while (!finished) {
      await sleep(POLL_MS);
      if (finished) return;
      try {
        const s = await call('job_status', { job });
        if (finished) return;
        renderProgress(tracker.update(s));
        // A Cancel pressed before the job started (the files still arriving) is sent again now.
        if (me.cancel && s.running && !s.cancelled) await call('cancel_job', { job });
      } catch {
        // A missed snapshot only delays the bar; the import's own answer reports real failures.
      }
    }
  };
  const polling = poll();
  let report: ImportReport;
  try {
    report = await call('import_files', buildRequest(form, files.map((f) => ({ name: f.name, content: f.text })), job));
  } catch (e) {
    finished = true;
    running = null;
    await polling;
    show('form');
    showFormError(dialog(), [t('importFailedMsg', { msg: (e as Error).message ?? String(e) })]);
    toastError(e, t('errImport'));
    return;
  }
  finished = true;
  running = null;
  await polling;
  showReport(report);
  await reloadProject();
  await refreshList();
}

/** Show an import's report in the dialog (also used by the desktop File menu's import). */
export function showReport(r: ImportReport): void {
  const box = byId('import-result');
  const sum = renderReport(box, r, { project: state.project?.name, annotator: state.analyst, readAs });
  readAs = new Map();
  byId('import-again').addEventListener('click', openForm);
  document.getElementById('import-save')?.addEventListener('click', guard(saveReport, t('errSaveReport'))); // browser only
  byId('import-copy').addEventListener('click', guard(copyReport, t('errCopyReport')));
  byId('import-close').addEventListener('click', () => dialog().close());
  show('report');
  byId('import-close').focus();
  toast(sum, r.rejected.length ? 'error' : 'success');
}

/** Files given to the file input: into the form when it is open, else imported at once with the defaults. */
async function filesChosen(list: FileList): Promise<void> {
  if (list.length === 0) return;
  const files = await readFiles(list);
  const d = dialog();
  if (d.open && step === 'form') {
    setFiles(d, files);
    byId('import-run').focus();
    return;
  }
  if (running) throw new Error(t('importRunning'));
  // Not from the dialog (e.g. a script or test setting the input): the defaults, unless a table needs its columns.
  resetForm(d, state.analyst);
  setFiles(d, files);
  const { form, problems } = readForm(d);
  if (form.mapping) {
    show('form');
    byId('import-run').focus();
    return;
  }
  if (problems.length) {
    show('form');
    showFormError(d, problems);
    return;
  }
  await runImport(form, files);
}

async function startFromForm(): Promise<void> {
  const d = dialog();
  const { form, problems } = readForm(d);
  showFormError(d, problems);
  if (problems.length) {
    d.querySelector<HTMLElement>('#import-error')?.focus();
    return;
  }
  await runImport(form, chosenFiles());
}

function buildDialog(): void {
  const d = dialog();
  d.classList.add('import-dialog');
  const form = buildForm();
  d.replaceChildren(
    el('h2', { id: 'import-title', 'data-i18n': TITLES.form }, t(TITLES.form)),
    el(
      'div',
      { id: 'import-form-step' },
      form,
      el(
        'div',
        { class: 'dialog-actions imp-actions' },
        el('button', { type: 'button', id: 'import-dismiss', class: 'btn', 'data-i18n': 'cancel' }, t('cancel')),
        el('button', { type: 'button', id: 'import-run', class: 'btn btn-primary', 'data-i18n': 'import' }, t('import')),
      ),
    ),
    el(
      'section',
      { id: 'import-progress', hidden: true, 'aria-live': 'polite' },
      el('progress', { id: 'import-bar', max: 1, 'aria-labelledby': 'import-progress-text' }),
      el('p', { id: 'import-progress-text' }),
      el('p', { class: 'small' }, el('span', { id: 'import-files-done' })),
      el('p', { id: 'import-current-row', class: 'small', hidden: true }, el('span', { class: 'muted', 'data-i18n': 'reading' }, t('reading')), el('span', { id: 'import-current', dir: 'ltr' })),
      el('p', { class: 'muted small', 'data-i18n': 'cancelHelp' }, t('cancelHelp')),
      el('div', { class: 'dialog-actions imp-actions' }, el('button', { type: 'button', id: 'import-cancel', class: 'btn btn-danger' }, t('cancel'))),
    ),
    el('section', { id: 'import-result', hidden: true }),
  );
  d.querySelector('#import-error')?.setAttribute('tabindex', '-1');
}

/** Wire the import button, the dialog and its file input; `reload` refreshes project info afterwards. */
export function initImport(reload: () => Promise<void>): void {
  reloadProject = reload;
  buildDialog();
  const d = dialog();
  const input = byId<HTMLInputElement>('import-input');
  byId('import-btn').addEventListener('click', () => {
    if (running) show('progress');
    else openForm();
  });
  byId('import-choose').addEventListener('click', () => input.click());
  input.addEventListener(
    'change',
    guard(async () => {
      try {
        if (input.files) await filesChosen(input.files);
      } finally {
        input.value = '';
      }
    }, () => t('errImport')),
  );
  byId('import-format').addEventListener('change', () => refreshChoices(d));
  byId('import-run').addEventListener('click', guard(startFromForm, () => t('errImport')));
  byId('import-dismiss').addEventListener('click', () => d.close());
  byId('import-cancel').addEventListener('click', requestCancel);
  byId('import-annotator').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      guard(startFromForm, t('errImport'))();
    }
  });
  // While importing, Esc cancels the import instead of closing the dialog.
  d.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && step === 'progress') {
      e.preventDefault();
      requestCancel();
    }
  });
  d.addEventListener('cancel', (e) => {
    if (step === 'progress') {
      e.preventDefault();
      requestCancel();
    }
  });
  d.addEventListener('close', () => {
    if (step === 'progress' && running) d.showModal();
  });
}
