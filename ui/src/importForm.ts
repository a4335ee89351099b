// The import dialog's first step: the chosen files, annotator, format, offsets unit, and for CSV/TSV
// the column mapping with a preview of the first rows. Untrusted text (names, cells) only as text.

import { el } from './dom';
import { coreColumn, guessMapping, headerDirection, isTokenHeader, mappingProblems, previewCsv, ROLES, type CsvPreview, type Mapping, type Role } from './importCsv';
import { ACCEPT, FORMATS, isTable, OFFSETS, OFFSETS_HINT, offsetsApply, type ImportForm } from './importModel';
import { count, enWord, t, translate, type Key } from './i18n';

export type Chosen = { name: string; size: number; text: string; encoding: string };

const ROLE_TEXT: Record<Role, Key> = { text: 'roleText', title: 'roleTitle', url: 'roleUrl', date: 'roleDate' };
const DELIM_TEXT: Record<string, Key> = { ',': 'delimComma', ';': 'delimSemicolon', '\t': 'delimTab' };
const PREVIEW_ROWS = 5;

let chosen: Chosen[] = [];
/** The table previewed (index into `chosen`) and its reading. */
let previewed = -1;
let preview: CsvPreview | null = null;
let mapping: Mapping | null = null;

/** A labelled control; label and hint are string keys (followed on a language switch) or elements. */
const field = (label: Key, control: HTMLElement, hint: HTMLElement | Key | null = null, id = '') =>
  el(
    'label',
    { class: 'field', id: id || undefined },
    el('span', { class: 'field-label', 'data-i18n': label }, t(label)),
    control,
    typeof hint === 'string' ? el('span', { class: 'muted small', 'data-i18n': hint }, t(hint)) : hint,
  );

const q = <T extends HTMLElement>(root: ParentNode, sel: string) => root.querySelector(sel) as T;

function sizeText(n: number): string {
  if (n < 1024) return t('sizeB', { n });
  if (n < 1024 * 1024) return t('sizeKB', { n: (n / 1024).toFixed(1) });
  return t('sizeMB', { n: (n / 1024 / 1024).toFixed(1) });
}

/** The form section (built once; `resetForm` fills it for a new import). */
export function buildForm(): HTMLElement {
  const formats = el('select', { id: 'import-format' }, ...FORMATS.map(([v, k]) => el('option', { value: v, 'data-i18n': k }, t(k))));
  const offsets = el('select', { id: 'import-offsets', 'aria-describedby': 'import-offsets-hint' }, ...OFFSETS.map(([v, k]) => el('option', { value: v, 'data-i18n': k }, t(k))));
  return el(
    'section',
    { id: 'import-form', 'aria-label': t('impWhat'), 'data-i18n-aria': 'impWhat' },
    el(
      'div',
      { class: 'imp-files' },
      el('div', { class: 'imp-files-head' }, el('button', { type: 'button', id: 'import-choose', class: 'btn', 'data-i18n': 'chooseFiles' }, t('chooseFiles')), el('span', { id: 'import-file-count', class: 'muted' }, t('noFiles'))),
      el('ul', { id: 'import-file-list' }),
      el('p', { class: 'muted small' }, el('span', { 'data-i18n': 'impKinds' }, t('impKinds')), el('span', { dir: 'ltr' }, ACCEPT.split(',').join(' '))),
    ),
    el(
      'div',
      { class: 'imp-grid' },
      field('impAnnotator', el('input', { id: 'import-annotator', type: 'text', dir: 'auto', maxlength: 80, autocomplete: 'off' }), 'impAnnotatorHint'),
      field('impFormat', formats, 'impFormatHint'),
      field('impOffsets', offsets, el('span', { id: 'import-offsets-hint', class: 'muted small', 'data-i18n': OFFSETS_HINT }, t(OFFSETS_HINT)), 'import-offsets-field'),
    ),
    el(
      'label',
      { class: 'check imp-clean' },
      el('input', { type: 'checkbox', id: 'import-clean', 'aria-describedby': 'import-clean-hint' }),
      el('span', { 'data-i18n': 'impClean' }, t('impClean')),
      el('span', { id: 'import-clean-hint', class: 'muted small', 'data-i18n': 'impCleanHint' }, t('impCleanHint')),
    ),
    el('fieldset', { id: 'import-mapping', hidden: true }),
    el('div', { id: 'import-error', role: 'alert', hidden: true }),
  );
}

/** Start a fresh form for `annotator`. */
export function resetForm(root: ParentNode, annotator: string): void {
  q<HTMLInputElement>(root, '#import-annotator').value = annotator;
  q<HTMLSelectElement>(root, '#import-format').value = '';
  q<HTMLSelectElement>(root, '#import-offsets').value = '';
  q<HTMLInputElement>(root, '#import-clean').checked = false;
  setFiles(root, []);
  showFormError(root, []);
}

export function chosenFiles(): Chosen[] {
  return chosen;
}

/** The files now chosen; re-renders the list and the mapping. */
export function setFiles(root: ParentNode, files: Chosen[]): void {
  chosen = files;
  previewed = -1;
  preview = null;
  mapping = null;
  const list = q<HTMLUListElement>(root, '#import-file-list');
  list.replaceChildren(
    ...files.map((f) =>
      el(
        'li',
        { 'data-file': f.name },
        el('span', { class: 'imp-file-name', dir: 'ltr' }, f.name),
        el('span', { class: 'muted small' }, ` ${sizeText(f.size)}${f.encoding !== 'UTF-8' ? t('readAs', { enc: f.encoding }) : ''}`),
      ),
    ),
  );
  const total = files.reduce((n, f) => n + f.size, 0);
  const countBox = q(root, '#import-file-count');
  countBox.textContent = files.length ? `${count(files.length, 'file')}${t('listSep')}${sizeText(total)}` : t('noFiles');
  if (files.length) delete countBox.dataset.i18n;
  else translate(countBox, { text: 'noFiles' });
  refreshChoices(root);
}

/** Files whose article columns are mapped (not token tables, which are read like CoNLL). */
const tables = (format: string) =>
  chosen.map((f, i) => [f, i] as const).filter(([f]) => isTable(f.name, format) && !isTokenHeader(previewCsv(f.name, f.text, 0).header));

/** Show or hide the mapping and the offsets unit for the current format and files. */
export function refreshChoices(root: ParentNode): void {
  const format = q<HTMLSelectElement>(root, '#import-format').value;
  const offsets = q<HTMLSelectElement>(root, '#import-offsets');
  offsets.disabled = !offsetsApply(format);
  q(root, '#import-offsets-field').classList.toggle('imp-off', offsets.disabled);
  const tbl = tables(format);
  const box = q<HTMLFieldSetElement>(root, '#import-mapping');
  if (tbl.length === 0) {
    box.hidden = true;
    box.replaceChildren();
    previewed = -1;
    preview = null;
    mapping = null;
    return;
  }
  box.hidden = false;
  if (!tbl.some(([, i]) => i === previewed)) showTable(root, tbl[0][1]);
  else renderMapping(root);
}

function showTable(root: ParentNode, index: number): void {
  const f = chosen[index];
  previewed = index;
  preview = previewCsv(f.name, f.text, PREVIEW_ROWS);
  mapping = guessMapping(preview.header);
  renderMapping(root);
}

function roleSelect(root: ParentNode, role: Role, header: string[]): HTMLSelectElement {
  const m = mapping as Mapping;
  // "not mapped" is only offered when the core would not pick a usual name by itself.
  const noneOk = role !== 'text' && coreColumn(header, role) === null;
  const s = el(
    'select',
    { id: `import-map-${role}`, 'data-role': role },
    m[role] === null && !noneOk ? el('option', { value: '', disabled: true }, t('chooseColumn')) : null,
    noneOk ? el('option', { value: '' }, t('notMapped')) : null,
    ...header.map((h, i) => el('option', { value: String(i) }, h || t('columnN', { n: i + 1 }))),
  );
  s.value = m[role] === null ? '' : String(header.indexOf(m[role] as string));
  s.addEventListener('change', () => {
    m[role] = s.value === '' ? null : header[Number(s.value)];
    renderMapping(root, role);
  });
  return s;
}

function renderMapping(root: ParentNode, focusRole: Role | null = null): void {
  const box = q<HTMLFieldSetElement>(root, '#import-mapping');
  if (!preview || !mapping) return;
  const { header, rows, delimiter, more } = preview;
  const m = mapping;
  const format = q<HTMLSelectElement>(root, '#import-format').value;
  const tbl = tables(format);
  const picker =
    tbl.length > 1
      ? field(
          'previewOf',
          (() => {
            const s = el('select', { id: 'import-map-file' }, ...tbl.map(([f, i]) => el('option', { value: String(i) }, f.name)));
            s.value = String(previewed);
            s.addEventListener('change', () => showTable(root, Number(s.value)));
            return s;
          })(),
        )
      : null;
  const roleOf = (h: string) => ROLES.find((r) => m[r] === h) ?? null;
  const dir = headerDirection(header);
  const table = el(
    'table',
    { id: 'import-preview', dir },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...header.map((h) => {
          const role = roleOf(h);
          return el(
            'th',
            { scope: 'col', class: role ? 'mapped' : undefined, 'data-role': role ?? undefined },
            el('span', { class: 'imp-col', dir: 'auto' }, h),
            el('span', { class: 'imp-role' }, role ? t(ROLE_TEXT[role]) : t('roleMeta')),
          );
        }),
      ),
    ),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...header.map((h, i) => el('td', { dir: 'auto', class: roleOf(h) ? 'mapped' : undefined }, r[i] ?? ''))))),
  );
  const problems = mappingProblems(header, m);
  box.replaceChildren(
    el('legend', {}, t('columns')),
    el(
      'p',
      { class: 'muted small' },
      tbl.length > 1 ? t('mappingAll') : '',
      t('otherColumnsMeta'),
    ),
    picker ?? '',
    el('div', { class: 'imp-map' }, ...ROLES.map((r) => field(r === 'text' ? 'roleTextRequired' : ROLE_TEXT[r], roleSelect(root, r, header)))),
    el(
      'p',
      { class: 'muted small', id: 'import-preview-note' },
      el('span', { class: 'imp-file-name', dir: 'ltr' }, chosen[previewed].name),
      t('previewNote', {
        delim: t(DELIM_TEXT[delimiter]),
        columns: count(header.length, 'column'),
        n: rows.length,
        rowsWord: enWord(rows.length, 'row'),
        rows: count(rows.length, 'row', { gen: true }),
        more: more ? t('moreFollow') : '',
      }),
    ),
    el('div', { class: 'imp-preview-wrap', tabindex: 0, role: 'region', 'aria-label': t('previewRowsAria') }, table),
    problems.length ? el('p', { id: 'import-map-problem', class: 'imp-problem', role: 'alert' }, problems.join(' ')) : '',
  );
  if (focusRole) q<HTMLSelectElement>(box, `#import-map-${focusRole}`)?.focus();
}

/** Show problems under the form (empty: hide). */
export function showFormError(root: ParentNode, problems: string[]): void {
  const box = q<HTMLElement>(root, '#import-error');
  box.hidden = problems.length === 0;
  box.replaceChildren(...problems.map((p) => el('p', {}, p)));
}

/** The form's choices, or the reasons it cannot be sent. */
export function readForm(root: ParentNode): { form: ImportForm; problems: string[] } {
  const format = q<HTMLSelectElement>(root, '#import-format').value;
  const offsetsSel = q<HTMLSelectElement>(root, '#import-offsets');
  const form: ImportForm = {
    annotator: q<HTMLInputElement>(root, '#import-annotator').value,
    format,
    offsets: offsetsSel.disabled ? '' : offsetsSel.value,
    mapping: tables(format).length && mapping ? { ...mapping } : null,
    clean: q<HTMLInputElement>(root, '#import-clean').checked,
  };
  const problems: string[] = [];
  if (chosen.length === 0) problems.push(t('chooseFilesFirst'));
  if (form.mapping && preview) problems.push(...mappingProblems(preview.header, form.mapping));
  return { form, problems };
}
