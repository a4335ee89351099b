// The import dialog's pure parts: formats and file types, the request, progress from job_status
// snapshots, and the report grouped by file and as plain text. No DOM.

import type { ImportFilesReq, ImportReport, ImportedArticle, JobStatus, Rejection } from './bindings';
import { mappingRequest, type Mapping } from './importCsv';
import { count, t, type Key, type Noun } from './i18n';

/** File types the dialog offers (the core also reads `.bio` and `.tab`). */
export const ACCEPT = '.txt,.html,.htm,.csv,.tsv,.tab,.json,.jsonl,.conll,.iob,.bio';

/** Formats: value and the key of its name. */
export const FORMATS: [string, Key][] = [
  ['', 'fmtAuto'],
  ['txt', 'fmtTxt'],
  ['html', 'fmtHtml'],
  ['csv', 'fmtCsv'],
  ['jsonl', 'fmtJsonl'],
  ['doccano', 'fmtDoccano'],
  ['labelstudio', 'fmtLabelstudio'],
  ['prodigy', 'fmtProdigy'],
  ['conll', 'fmtConll'],
];

export const OFFSETS: [string, Key][] = [
  ['', 'offAuto'],
  ['utf16', 'offUtf16'],
  ['codepoint', 'offCodepoint'],
  ['grapheme', 'offGrapheme'],
];

export const OFFSETS_HINT: Key = 'offHint';

/** Is this file read as a table (CSV/TSV) with these choices? */
export function isTable(name: string, format: string): boolean {
  if (format) return format === 'csv';
  return /\.(csv|tsv|tab)$/i.test(name);
}

/** Do other tools' offsets matter for this format choice? (Automatic: they may, for .json/.jsonl.) */
export function offsetsApply(format: string): boolean {
  return format === '' || format === 'doccano' || format === 'labelstudio' || format === 'prodigy';
}

export type ImportForm = {
  annotator: string;
  format: string;
  offsets: string;
  /** Sent when a table is imported. */
  mapping: Mapping | null;
  /** Drop web boilerplate lines from plain-text files. */
  clean?: boolean;
};

/** A job name nobody else uses. */
export function jobName(now = Date.now(), rnd = Math.random()): string {
  return `import-${now.toString(36)}-${Math.floor(rnd * 0x100000000).toString(36)}`;
}

/** The `import_files` request for the form and the files' texts. */
export function buildRequest(form: ImportForm, files: { name: string; content: string }[], job: string): ImportFilesReq {
  const req: ImportFilesReq = { files, job };
  const annotator = form.annotator.trim();
  if (annotator) req.annotator = annotator;
  if (form.format) req.format = form.format;
  if (form.offsets) req.offsets = form.offsets;
  if (form.clean) req.clean = true;
  if (form.mapping) {
    const m = mappingRequest(form.mapping);
    if (Object.keys(m).length) req.mapping = m;
  }
  return req;
}

/** Records the core will count for a file, roughly: one for a text or HTML page, else one per non-blank line. */
export function expectedRecords(name: string, content: string, format = ''): number {
  const kind = format || (/\.(html?|txt)$/i.test(name) ? 'txt' : '');
  return kind === 'txt' || kind === 'html' ? 1 : countLines(content);
}

function countLines(content: string): number {
  let n = 0;
  let blank = true;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c === 10) {
      if (!blank) n++;
      blank = true;
    } else if (c !== 13 && c !== 32 && c !== 9) blank = false;
  }
  return n + (blank ? 0 : 1);
}

export type ProgressView = {
  /** 0..1, never going back. */
  fraction: number;
  phase: 'sending' | 'reading' | 'indexing';
  filesDone: number;
  filesTotal: number;
  records: number;
  /** Records per second over the whole import so far. */
  rate: number;
  file: string;
  cancelled: boolean;
};

/**
 * Turns job_status snapshots into a progress view. The core counts records over the whole import;
 * the dialog knows how many records each file should give, so the bar moves inside a file too.
 */
export class ProgressTracker {
  private seen = false;
  private best = 0;
  private fileIndex = -1;
  private base = 0;
  private lastRecords = 0;
  private last: ProgressView;

  constructor(private expected: number[]) {
    this.last = { fraction: 0, phase: 'sending', filesDone: 0, filesTotal: expected.length, records: 0, rate: 0, file: '', cancelled: false };
  }

  update(s: JobStatus): ProgressView {
    if (!s.running) {
      // Before the job starts the request is still arriving; after it, the search index catches up.
      this.last = { ...this.last, phase: this.seen ? 'indexing' : 'sending', fraction: this.seen ? Math.max(this.best, this.last.fraction) : 0 };
      return this.last;
    }
    this.seen = true;
    const total = Math.max(1, s.files_total);
    const idx = Math.min(s.files_done, total - 1);
    if (idx !== this.fileIndex) {
      // Where the new file's records began, as well as snapshots tell: the file before should have
      // given its expected count, and it cannot have begun before the last snapshot's count.
      const sumBefore = this.expected.slice(0, idx).reduce((a, b) => a + b, 0);
      const guess = this.fileIndex < 0 ? sumBefore : idx === this.fileIndex + 1 ? Math.max(this.lastRecords, this.base + (this.expected[this.fileIndex] ?? 0)) : this.lastRecords;
      this.base = Math.min(s.records, guess);
      this.fileIndex = idx;
    }
    this.lastRecords = s.records;
    const exp = this.expected[idx] ?? 0;
    const inside = exp > 0 ? Math.min(1, Math.max(0, (s.records - this.base) / exp)) : 0;
    const done = s.files_done >= s.files_total && s.files_total > 0;
    const fraction = done ? 1 : Math.min(1, (s.files_done + inside * 0.99) / total);
    this.best = Math.max(this.best, fraction);
    this.last = {
      fraction: this.best,
      phase: 'reading',
      filesDone: s.files_done,
      filesTotal: s.files_total,
      records: s.records,
      rate: s.elapsed_ms > 0 ? (s.records * 1000) / s.elapsed_ms : 0,
      file: s.file,
      cancelled: s.cancelled,
    };
    return this.last;
  }
}

const nf = new Intl.NumberFormat('en');
export const num = (n: number) => nf.format(Math.round(n));
/** "3 records" / "3 سجلات" with the number grouped. */
export const plural = (n: number, noun: Noun, gen = false) => count(n, noun, { num: num(n), gen });

/** The progress line under the bar. */
export function progressText(v: ProgressView): string {
  if (v.phase === 'sending') return t('impSending');
  if (v.phase === 'indexing') return t('impIndexing', { records: plural(v.records, 'record') });
  const parts = [t('impFileOf', { n: num(Math.min(v.filesDone + 1, v.filesTotal)), total: num(v.filesTotal) }), plural(v.records, 'record'), t('impRate', { n: num(v.rate) })];
  return parts.join(' · ');
}

export const where = (file: string, line: number | null) => (line === null ? file : `${file}:${line}`);

export type FileGroup<T> = { file: string; items: T[] };

/** Items grouped by file, files in first-seen order. */
export function byFile<T extends { file: string }>(items: T[]): FileGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const g = groups.get(it.file);
    if (g) g.push(it);
    else groups.set(it.file, [it]);
  }
  return [...groups].map(([file, list]) => ({ file, items: list }));
}

/** The one-line summary (also the toast). */
export function summary(r: ImportReport): string {
  const dup = r.duplicates.length + (r.duplicates_not_listed ?? 0);
  const imported = r.imported.length + (r.imported_not_listed ?? 0);
  // "5 articles already here; 46 spans and 5 tags added": a merge of another analyst's file says what it added.
  const parts: string[] = [];
  if (imported > 0 || dup === 0) parts.push(t('impNew', { n: num(imported) }));
  if (dup > 0) parts.push(t('impHere', { articles: plural(dup, 'article') }));
  if (r.rejected.length) parts.push(t('impRejected', { n: num(r.rejected.length) }));
  let s = t('impSummary', { parts: parts.join(t('listSep')), spans: plural(r.spans_added, 'span'), tags: plural(r.tags_added, 'tag') });
  if (r.left_out.length) s += t('impLeftOut', { n: plural(r.left_out.length, 'annotation') });
  if (r.cancelled.length) s += t('impCancelledFiles', { files: plural(r.cancelled.length, 'file') });
  return s;
}

/** Spans added per label, most first (then by name). */
export function entityCounts(r: ImportReport): [string, number][] {
  return Object.entries(r.entities ?? {})
    .filter((e): e is [string, number] => typeof e[1] === 'number')
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The encoding to show for a file: the browser's reading when it was not UTF-8, else the core's. */
export function encodingOf(a: ImportedArticle, readAs: Map<string, string>): string {
  const browser = readAs.get(a.file);
  if (browser && browser !== 'UTF-8') return browser;
  return a.encoding && a.encoding !== 'UTF-8' ? a.encoding : '';
}

/** The whole report as plain text, one finding per line (for Save/Copy report). */
export function reportText(r: ImportReport, ctx: { when: Date; project?: string; annotator?: string; readAs?: Map<string, string> }): string {
  const readAs = ctx.readAs ?? new Map<string, string>();
  const out: string[] = [];
  out.push(t('rptHead'));
  out.push(t('rptDate', { date: ctx.when.toISOString() }));
  if (ctx.project) out.push(t('rptProject', { name: ctx.project }));
  if (ctx.annotator) out.push(t('rptAnnotator', { name: ctx.annotator }));
  out.push('', summary(r));
  const list = (key: Key, lines: string[]) => {
    const title = t(key);
    if (!lines.length) return;
    out.push('', `${title} (${num(lines.length)})`, ...lines.map((l) => `  ${l}`));
  };
  const rej = (x: Rejection) => `${where(x.file, x.line)} — ${x.reason}`;
  if (r.cancelled.length) list('rptCancelled', r.cancelled);
  list('rptRejected', r.rejected.map(rej));
  list('rptLeftOut', r.left_out.map(rej));
  list('rptSkipped', r.skipped_files);
  list('rptNotes', (r.notes ?? []).map(rej));
  list('rptNewLabels', r.labels_added);
  const art = (a: ImportedArticle) => {
    const enc = encodingOf(a, readAs);
    const extra = [a.new_spans ? plural(a.new_spans, 'span') : '', a.new_tags ? plural(a.new_tags, 'tag') : '', enc].filter(Boolean).join(t('listSep'));
    return `${where(a.file, a.line)} — ${a.title}${extra ? ` (${extra})` : ''}`;
  };
  list('rptImported', r.imported.map(art));
  list('rptDuplicates', r.duplicates.map(art));
  const ents = entityCounts(r);
  if (ents.length) out.push('', `${t('rptEntities')}: ${ents.map(([l, n]) => `${l} ${num(n)}`).join(t('listSep'))}`);
  return out.join('\n') + '\n';
}

/** A file name for the saved report. */
export function reportFileName(when: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `import-report-${when.getFullYear()}-${p(when.getMonth() + 1)}-${p(when.getDate())}-${p(when.getHours())}${p(when.getMinutes())}${p(when.getSeconds())}.txt`;
}
