// The export dialog's form: format, analysts or gold, filters, label rename/drop, offsets, alignment choices, train/dev/test split.

import type { Status } from './bindings';
import { projectAnalysts } from './annotatorPicker';
import { byId, el } from './dom';
import { FORMATS, OFFSET_FORMATS, TOKEN_FORMATS, type ExportForm } from './exportReq';
import { spanLabels, tagLabels } from './state';
import { t, type Key } from './i18n';

const FORMAT_TEXT: Record<string, Key> = {
  jsonl: 'xfJsonl',
  spans: 'xfSpans',
  doccano: 'xfDoccano',
  labelstudio: 'xfLabelstudio',
  prodigy: 'xfProdigy',
  hf: 'xfHf',
  conll: 'xfConll',
};

const field = (label: Key, control: HTMLElement, hint: Key | null = null) =>
  el('label', { class: 'field' }, el('span', { class: 'field-label' }, t(label)), control, hint ? el('span', { class: 'muted small' }, t(hint)) : null);

const options = (pairs: [string, string][]) => pairs.map(([v, text]) => el('option', { value: v }, text));

/** Fill the dialog (again) with the project's current analysts, tags and labels. */
export function buildExportForm(): void {
  const d = byId<HTMLDialogElement>('export-dialog');
  const keep = d.querySelector<HTMLSelectElement>('#export-format')?.value ?? 'jsonl';
  const format = el('select', { id: 'export-format' }, ...options(FORMATS.map((f) => [f, FORMAT_TEXT[f] ? t(FORMAT_TEXT[f]) : f])));
  format.value = keep;
  const analysts = el(
    'div',
    { id: 'export-annotators', class: 'checks' },
    ...projectAnalysts().map((a) => el('label', { class: 'check' }, el('input', { type: 'checkbox', 'data-annotator': a }), el('span', { dir: 'auto' }, a))),
  );
  const source = el(
    'fieldset',
    { id: 'export-source' },
    el('legend', {}, t('xAnnotations')),
    el('label', { class: 'check' }, el('input', { type: 'radio', name: 'export-source', id: 'export-src-analysts', value: 'analysts', checked: true }), t('xAnalystsWork')),
    analysts,
    el('label', { class: 'check' }, el('input', { type: 'radio', name: 'export-source', id: 'export-src-gold', value: 'gold' }), t('xGold')),
    el('label', { class: 'check indent' }, el('input', { type: 'checkbox', id: 'export-unadjudicated' }), t('xUnadjudicated')),
  );
  const status = el('select', { id: 'export-status' }, ...options([['', t('xAnyStatus')], ['todo', t('xTodo')], ['in_progress', t('xInProgress')], ['done', t('xDone')]]));
  const tag = el('select', { id: 'export-tag' }, ...options([['', t('xAnyTag')], ...tagLabels().map((l) => [l.name, l.name] as [string, string])]));
  const query = el('input', { id: 'export-query', type: 'search', dir: 'auto', placeholder: t('xQueryPh') });
  const rename = el('textarea', { id: 'export-rename', rows: 2, placeholder: t('xRenamePh') });
  const drop = el('div', { id: 'export-drop', class: 'checks' }, ...spanLabels().map((l) => el('label', { class: 'check' }, el('input', { type: 'checkbox', 'data-drop': l.name }), l.name)));
  // A level of the label hierarchy, offered when some label sits under another (ORG.GOV under ORG).
  const depthOf = (name: string, seen = new Set<string>()): number => {
    const l = spanLabels().find((x) => x.name === name);
    if (!l || !l.parent || seen.has(name)) return 1;
    seen.add(name);
    return 1 + depthOf(l.parent, seen);
  };
  const deepest = Math.max(1, ...spanLabels().map((l) => depthOf(l.name)));
  const levels: [string, string][] = [['', t('xDepthAsIs')]];
  for (let d = 1; d < deepest; d++) levels.push([String(d), t('xDepthN', { n: d })]);
  const depth = el('select', { id: 'export-depth' }, ...options(levels));
  const offsets = el('select', { id: 'export-offsets' }, ...options([['codepoint', t('xCodepoints')], ['utf16', t('xUtf16')], ['utf8', t('xUtf8')], ['grapheme', t('xGraphemes')]]));
  const misaligned = el('select', { id: 'export-misaligned' }, ...options([['', t('xRefuse')], ['expand', t('xExpand')], ['split', t('xSplitTokens')], ['skip', t('xSkip')]]));
  const clitics = field('xClitics', el('select', { id: 'export-clitics' }, ...options([['', t('xCliticsProject')], ['exclude', t('xCliticsExclude')], ['include', t('xCliticsInclude')]])), 'xCliticsHint');
  const ratio = (id: string, label: Key, value: string) =>
    el('label', { class: 'field ratio' }, el('span', { class: 'field-label' }, t(label)), el('input', { id, type: 'number', min: 0, max: 1, step: 0.05, value, inputmode: 'decimal' }));
  const split = el(
    'fieldset',
    { id: 'export-split' },
    el('legend', {}, t('xTrainDevTest')),
    el('label', { class: 'check' }, el('input', { type: 'checkbox', id: 'export-split-on' }), t('xSplitOn')),
    el(
      'div',
      { class: 'ratios' },
      ratio('export-split-train', 'xTrain', '0.8'),
      ratio('export-split-dev', 'xDev', '0.1'),
      ratio('export-split-test', 'xTest', '0.1'),
      el('label', { class: 'field ratio' }, el('span', { class: 'field-label' }, t('xSeed')), el('input', { id: 'export-seed', type: 'number', min: 0, step: 1, value: '1', inputmode: 'numeric' })),
    ),
    el('span', { class: 'muted small' }, t('xRatiosHint')),
  );
  d.replaceChildren(
    el('h2', { id: 'export-title' }, t('xTitle')),
    el(
      'div',
      { class: 'export-grid' },
      field('impFormat', format),
      source,
      el('fieldset', {}, el('legend', {}, t('articlesAria')), field('statusAria', status, 'xStatusHint'), field('fTag', tag), field('xSearch', query)),
      el('fieldset', {}, el('legend', {}, t('xLabels')), deepest > 1 ? field('xDepth', depth, 'xDepthHint') : null, field('xRename', rename, 'xRenameHint'), el('span', { class: 'field-label' }, t('xLeaveOut')), drop),
      el('fieldset', { id: 'export-units' }, el('legend', {}, t('xOffsetsTokens')), field('xOffsets', offsets, 'xOffsetsHint'), field('xEdge', misaligned, 'xEdgeHint'), clitics),
      split,
    ),
    el('div', { id: 'export-error', role: 'alert', hidden: true }),
    el('div', { id: 'export-result', role: 'status', hidden: true }),
    el(
      'div',
      { class: 'dialog-actions' },
      el('button', { type: 'button', id: 'export-cancel', class: 'btn' }, t('close')),
      el('button', { type: 'button', id: 'export-run', class: 'btn btn-primary' }, t('xRun')),
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
  byId<HTMLSelectElement>('export-clitics').disabled = !TOKEN_FORMATS.includes(f);
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
    depth: document.getElementById('export-depth') ? byId<HTMLSelectElement>('export-depth').value : '',
    offsets: byId<HTMLSelectElement>('export-offsets').value,
    misaligned: byId<HTMLSelectElement>('export-misaligned').value,
    clitics: byId<HTMLSelectElement>('export-clitics').value,
    split: byId<HTMLInputElement>('export-split-on').checked
      ? { train: byId<HTMLInputElement>('export-split-train').value, dev: byId<HTMLInputElement>('export-split-dev').value, test: byId<HTMLInputElement>('export-split-test').value }
      : null,
    seed: byId<HTMLInputElement>('export-seed').value,
  };
}
