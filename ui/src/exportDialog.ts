// The export dialog's form: format, analysts or gold, filters, label rename/drop, offsets, alignment choices, train/dev/test split.

import type { Status } from './bindings';
import { projectAnalysts } from './annotatorPicker';
import { byId, el } from './dom';
import { FORMATS, OFFSET_FORMATS, TOKEN_FORMATS, type ExportForm } from './exportReq';
import { spanLabels, tagLabels } from './state';

const FORMAT_TEXT: Record<string, string> = {
  jsonl: 'jsonl — native, lossless, re-importable',
  spans: 'spans — text + spans (Hugging Face datasets)',
  doccano: 'doccano — UTF-16 offsets',
  labelstudio: 'labelstudio — Label Studio tasks',
  prodigy: 'prodigy — ner_manual, tokens',
  hf: 'hf — tokens + IOB2 ner_tags',
  conll: 'conll — CoNLL-2003 IOB2',
};

const field = (label: string, control: HTMLElement, hint = '') =>
  el('label', { class: 'field' }, el('span', { class: 'field-label' }, label), control, hint ? el('span', { class: 'muted small' }, hint) : null);

const options = (pairs: [string, string][]) => pairs.map(([v, t]) => el('option', { value: v }, t));

/** Fill the dialog (again) with the project's current analysts, tags and labels. */
export function buildExportForm(): void {
  const d = byId<HTMLDialogElement>('export-dialog');
  const keep = d.querySelector<HTMLSelectElement>('#export-format')?.value ?? 'jsonl';
  const format = el('select', { id: 'export-format' }, ...options(FORMATS.map((f) => [f, FORMAT_TEXT[f]])));
  format.value = keep;
  const analysts = el(
    'div',
    { id: 'export-annotators', class: 'checks' },
    ...projectAnalysts().map((a) => el('label', { class: 'check' }, el('input', { type: 'checkbox', 'data-annotator': a }), el('span', { dir: 'auto' }, a))),
  );
  const source = el(
    'fieldset',
    { id: 'export-source' },
    el('legend', {}, 'Annotations'),
    el('label', { class: 'check' }, el('input', { type: 'radio', name: 'export-source', id: 'export-src-analysts', value: 'analysts', checked: true }), "Analysts' work — tick some, or none for everyone:"),
    analysts,
    el('label', { class: 'check' }, el('input', { type: 'radio', name: 'export-source', id: 'export-src-gold', value: 'gold' }), 'Gold layer (adjudicated by reviewers)'),
    el('label', { class: 'check indent' }, el('input', { type: 'checkbox', id: 'export-unadjudicated' }), 'also articles not yet marked adjudicated'),
  );
  const status = el('select', { id: 'export-status' }, ...options([['', 'any status'], ['todo', 'to do'], ['in_progress', 'in progress'], ['done', 'done']]));
  const tag = el('select', { id: 'export-tag' }, ...options([['', 'any tag'], ...tagLabels().map((t) => [t.name, t.name] as [string, string])]));
  const query = el('input', { id: 'export-query', type: 'search', dir: 'auto', placeholder: 'title or text contains…' });
  const rename = el('textarea', { id: 'export-rename', rows: 2, placeholder: 'GPE=LOC (one per line)' });
  const drop = el('div', { id: 'export-drop', class: 'checks' }, ...spanLabels().map((l) => el('label', { class: 'check' }, el('input', { type: 'checkbox', 'data-drop': l.name }), l.name)));
  const offsets = el('select', { id: 'export-offsets' }, ...options([['codepoint', 'code points (Python)'], ['utf16', 'UTF-16 units (JavaScript)'], ['utf8', 'UTF-8 bytes']]));
  const misaligned = el('select', { id: 'export-misaligned' }, ...options([['', 'refuse and list them'], ['expand', 'expand to whole tokens'], ['split', 'split the tokens'], ['skip', 'skip those spans']]));
  const clitics = el('label', { class: 'check' }, el('input', { type: 'checkbox', id: 'export-clitics' }), 'split clitic prefixes (', el('bdi', { lang: 'ar', dir: 'rtl' }, 'و ف ب ك ل ال'), ')');
  const ratio = (id: string, label: string, value: string) =>
    el('label', { class: 'field ratio' }, el('span', { class: 'field-label' }, label), el('input', { id, type: 'number', min: 0, max: 1, step: 0.05, value, inputmode: 'decimal' }));
  const split = el(
    'fieldset',
    { id: 'export-split' },
    el('legend', {}, 'Train / dev / test'),
    el('label', { class: 'check' }, el('input', { type: 'checkbox', id: 'export-split-on' }), 'split by article into three files'),
    el(
      'div',
      { class: 'ratios' },
      ratio('export-split-train', 'Train', '0.8'),
      ratio('export-split-dev', 'Dev', '0.1'),
      ratio('export-split-test', 'Test', '0.1'),
      el('label', { class: 'field ratio' }, el('span', { class: 'field-label' }, 'Seed'), el('input', { id: 'export-seed', type: 'number', min: 0, step: 1, value: '1', inputmode: 'numeric' })),
    ),
    el('span', { class: 'muted small' }, 'Ratios add up to 1; the same seed gives the same split.'),
  );
  d.replaceChildren(
    el('h2', { id: 'export-title' }, 'Export training data'),
    el(
      'div',
      { class: 'export-grid' },
      field('Format', format),
      source,
      el('fieldset', {}, el('legend', {}, 'Articles'), field('Status', status, 'of one of the chosen analysts'), field('Tag', tag), field('Search', query)),
      el('fieldset', {}, el('legend', {}, 'Labels'), field('Rename', rename, 'OLD=NEW; two labels renamed to one are merged'), el('span', { class: 'field-label' }, 'Leave out'), drop),
      el('fieldset', { id: 'export-units' }, el('legend', {}, 'Offsets and tokens'), field('Offsets', offsets, 'jsonl and spans only'), field('Span edge inside a token', misaligned, 'token formats: prodigy, hf, conll'), clitics),
      split,
    ),
    el('div', { id: 'export-error', role: 'alert', hidden: true }),
    el('div', { id: 'export-result', role: 'status', hidden: true }),
    el(
      'div',
      { class: 'dialog-actions' },
      el('button', { type: 'button', id: 'export-cancel', class: 'btn' }, 'Close'),
      el('button', { type: 'button', id: 'export-run', class: 'btn btn-primary' }, 'Export'),
    ),
  );
  syncExportForm();
  format.addEventListener('change', syncExportForm);
  source.addEventListener('change', syncExportForm);
  split.addEventListener('change', syncExportForm);
}

/** Enable only the options that apply to the chosen format and source. */
export function syncExportForm(): void {
  const f = byId<HTMLSelectElement>('export-format').value;
  const gold = byId<HTMLInputElement>('export-src-gold').checked;
  byId<HTMLSelectElement>('export-offsets').disabled = !OFFSET_FORMATS.includes(f);
  byId<HTMLSelectElement>('export-misaligned').disabled = !TOKEN_FORMATS.includes(f);
  byId<HTMLInputElement>('export-clitics').disabled = !TOKEN_FORMATS.includes(f);
  byId<HTMLInputElement>('export-unadjudicated').disabled = !gold;
  for (const i of byId('export-annotators').querySelectorAll('input')) i.disabled = gold;
  const split = byId<HTMLInputElement>('export-split-on').checked;
  for (const id of ['export-split-train', 'export-split-dev', 'export-split-test', 'export-seed']) byId<HTMLInputElement>(id).disabled = !split;
}

/** The form's current values. */
export function readExportForm(): ExportForm {
  const checked = (box: string, attr: string) => [...byId(box).querySelectorAll<HTMLInputElement>(`input[${attr}]`)].filter((i) => i.checked).map((i) => i.getAttribute(attr)!);
  return {
    format: byId<HTMLSelectElement>('export-format').value,
    source: byId<HTMLInputElement>('export-src-gold').checked ? 'gold' : 'analysts',
    annotators: checked('export-annotators', 'data-annotator'),
    includeUnadjudicated: byId<HTMLInputElement>('export-unadjudicated').checked,
    status: byId<HTMLSelectElement>('export-status').value as '' | Status,
    tag: byId<HTMLSelectElement>('export-tag').value,
    query: byId<HTMLInputElement>('export-query').value,
    rename: byId<HTMLTextAreaElement>('export-rename').value,
    drop: checked('export-drop', 'data-drop'),
    offsets: byId<HTMLSelectElement>('export-offsets').value,
    misaligned: byId<HTMLSelectElement>('export-misaligned').value,
    splitClitics: byId<HTMLInputElement>('export-clitics').checked,
    split: byId<HTMLInputElement>('export-split-on').checked
      ? { train: byId<HTMLInputElement>('export-split-train').value, dev: byId<HTMLInputElement>('export-split-dev').value, test: byId<HTMLInputElement>('export-split-test').value }
      : null,
    seed: byId<HTMLInputElement>('export-seed').value,
  };
}
