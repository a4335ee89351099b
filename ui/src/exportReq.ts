// Pure export-dialog logic: form values → ExportReq, OLD=NEW rename lists, train/dev/test split, misaligned-span errors.

import type { ExportReq, Status } from './bindings';
import { t as tr } from './i18n';

export const FORMATS = ['jsonl', 'spans', 'doccano', 'labelstudio', 'prodigy', 'hf', 'conll'] as const;
export const TOKEN_FORMATS = ['prodigy', 'hf', 'conll'];
export const OFFSET_FORMATS = ['jsonl', 'spans'];

export interface ExportForm {
  format: string;
  /** 'analysts' (with `annotators`, empty for everyone) or 'gold'. */
  source: 'analysts' | 'gold';
  annotators: string[];
  includeUnadjudicated: boolean;
  status: '' | Status;
  tag: string;
  query: string;
  /** OLD=NEW, one per line or separated by commas. */
  rename: string;
  drop: string[];
  /** The label hierarchy's level to write ('' as labelled, '1' the top-level labels, …). */
  depth: string;
  offsets: string;
  /** '' (refuse and list), 'expand', 'split' or 'skip'. */
  misaligned: string;
  /** Clitic prefixes in token formats: '' the project's setting, 'exclude' split off, 'include' whole words. */
  clitics: string;
  /** Train / dev / test ratios as typed (fractions or percentages), or null for one file. */
  split: { train: string; dev: string; test: string } | null;
  /** Seed of the split ('' for the default). */
  seed: string;
}

/** Typed ratios → the core's "train,dev,test" (fractions adding up to 1; percentages adding up to 100 are divided). */
export function parseSplit(train: string, dev: string, test: string): string {
  const parts = [train, dev, test].map((x) => Number(x.trim().replace('%', '')));
  if (parts.some((x) => !Number.isFinite(x) || x < 0) || [train, dev, test].some((x) => !x.trim())) {
    throw new Error(tr('splitThree'));
  }
  const sum = parts.reduce((a, b) => a + b, 0);
  const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;
  const ratios = close(sum, 1) ? parts : close(sum, 100) ? parts.map((x) => x / 100) : null;
  if (!ratios) throw new Error(tr('splitSum', { sum: +sum.toFixed(6) }));
  return ratios.map((x) => String(+x.toFixed(9))).join(',');
}

/** The seed as typed → a whole number (throws otherwise). */
export function parseSeed(text: string): number | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const n = Number(t);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(tr('seedWhole', { seed: t }));
  return n;
}

/** `OLD=NEW` lines (or comma-separated) → pairs; throws with the bad entry. */
export function parseRenames(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const raw of text.split(/[\n,،]/)) {
    const item = raw.trim();
    if (!item) continue;
    const i = item.indexOf('=');
    const [a, b] = i < 0 ? ['', ''] : [item.slice(0, i).trim(), item.slice(i + 1).trim()];
    if (!a || !b) throw new Error(tr('renameForm', { item }));
    out.push([a, b]);
  }
  return out;
}

/** The request for the form: options that do not apply to the format are left out. */
export function buildExportReq(f: ExportForm): ExportReq {
  const req: ExportReq = { format: f.format };
  if (f.source === 'gold') {
    req.gold = true;
    if (f.includeUnadjudicated) req.include_unadjudicated = true;
  } else if (f.annotators.length) {
    req.annotators = [...f.annotators];
  }
  if (f.status) req.status = f.status;
  if (f.tag) req.tag = f.tag;
  if (f.query.trim()) req.query = f.query.trim();
  const rename = parseRenames(f.rename);
  if (rename.length) req.rename = rename;
  if (f.drop.length) req.drop = [...f.drop];
  if (/^[1-9]\d*$/.test(f.depth)) req.labels_at_depth = Number(f.depth);
  if (OFFSET_FORMATS.includes(f.format) && f.offsets && f.offsets !== 'codepoint') req.offsets = f.offsets;
  if (TOKEN_FORMATS.includes(f.format)) {
    if (f.misaligned) req.misaligned = f.misaligned;
    if (f.clitics) req.clitics = f.clitics;
  }
  if (f.split) {
    req.split = parseSplit(f.split.train, f.split.dev, f.split.test);
    const seed = parseSeed(f.seed);
    if (seed !== undefined) req.seed = seed;
  }
  return req;
}

/** True when an export error is the list of spans with an edge inside a token. */
export function isMisalignedError(message: string): boolean {
  return /edge inside a token/.test(message) && /expand, split or skip/.test(message);
}

/** File extension and filter name for a desktop save dialog. */
export function saveFilter(format: string): { name: string; ext: string } {
  if (format === 'labelstudio') return { name: 'Label Studio JSON', ext: 'json' };
  if (format === 'conll') return { name: 'CoNLL', ext: 'conll' };
  return { name: 'JSON Lines', ext: 'jsonl' };
}
