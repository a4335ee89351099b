// Project settings: the label schema editor (span and tag labels), the guidelines (Markdown) and the clitic default.

import { call } from './api';
import type { Label, LabelEdit, LabelKind } from './bindings';
import { colorProblems, suggestColor } from './colors';
import { el } from './dom';
import { renderMarkdown } from './markdown';
import { changed, session } from './session';
import { state } from './state';
import { guard, toast } from './toast';

type Tab = 'labels' | 'guidelines' | 'project';
/** Called after the labels changed (palette, tags, highlights) — set by workbench.ts. */
let labelsChanged: () => Promise<void> = async () => {};
export function onLabelsChanged(fn: () => Promise<void>): void {
  labelsChanged = fn;
}

function dialog(): HTMLDialogElement {
  let d = document.getElementById('settings-dialog') as HTMLDialogElement | null;
  if (!d) {
    d = el('dialog', { id: 'settings-dialog', class: 'wide-dialog', 'aria-labelledby': 'settings-title' });
    document.body.append(d);
  }
  return d;
}

async function applyLabels(labels: Label[]): Promise<void> {
  state.labels = labels;
  if (state.project) state.project.labels = labels;
  await labelsChanged();
}

function labelRow(l: Label | null, kind: LabelKind, rerender: () => void): HTMLElement {
  const others = state.labels.filter((x) => x.kind === kind && x.id !== l?.id);
  const name = el('input', { type: 'text', class: 'lab-name', value: l?.name ?? '', dir: 'auto', maxlength: 40, 'aria-label': 'Name', placeholder: 'NAME' });
  const color = el('input', { type: 'color', class: 'lab-color', value: l?.color ?? suggestColor(state.labels.filter((x) => x.kind === kind).map((x) => x.color)), 'aria-label': 'Colour' });
  const hotkey = el('input', { type: 'text', class: 'lab-hotkey', value: l?.hotkey ?? '', maxlength: 1, 'aria-label': 'Hotkey', placeholder: 'key' });
  const desc = el('textarea', { class: 'lab-desc', rows: 2, dir: 'auto', 'aria-label': 'Description (shown as a hint)', placeholder: 'Description: what this label covers (shown as a hint)' });
  desc.value = l?.description ?? '';
  const warn = el('div', { class: 'lab-warn small', role: 'status' });
  const preview = el('span', { class: 'lab-preview', dir: 'rtl', lang: 'ar' }, 'عبد اللطيف حموشي');
  const check = () => {
    const problems = colorProblems(color.value, others);
    const key = hotkey.value.trim().toLowerCase();
    const clash = key && state.labels.find((x) => x.id !== l?.id && x.hotkey.toLowerCase() === key);
    if (clash) problems.push(`The key ${key} is already ${clash.name}'s.`);
    if (key && 'zy[]?+-=/'.includes(key)) problems.push(`The key ${key} is an app shortcut.`);
    warn.replaceChildren(...problems.map((p) => el('div', {}, `⚠ ${p}`)));
    preview.style.setProperty('--c', color.value);
  };
  color.addEventListener('input', check);
  hotkey.addEventListener('input', check);
  check();
  const save = el('button', { type: 'button', class: 'btn btn-primary small lab-save' }, l ? 'Save' : 'Add');
  save.addEventListener(
    'click',
    guard(async () => {
      const edit: LabelEdit = { kind, name: name.value.trim(), color: color.value, hotkey: hotkey.value.trim(), description: desc.value.trim() };
      if (l) edit.id = l.id;
      if (!edit.name) throw new Error('A label needs a name.');
      const renamed = l && l.name !== edit.name;
      await applyLabels(await call('save_label', edit));
      toast(renamed ? `Renamed ${l!.name} to ${edit.name}; its annotations keep it.` : `Saved ${edit.name}.`, 'success');
      rerender();
    }, 'Saving the label failed'),
  );
  const row = el('div', { class: 'lab-row', 'data-label-id': l?.id ?? 'new', 'data-kind': kind }, el('div', { class: 'lab-fields' }, color, name, hotkey, preview, save), desc, warn);
  if (l) {
    const del = el('button', { type: 'button', class: 'btn btn-danger small lab-delete' }, 'Delete…');
    del.addEventListener(
      'click',
      guard(async () => {
        const u = await call('label_usage', { id: l.id });
        const total = u.spans + u.tags + u.gold_spans + u.gold_tags;
        const parts = [[u.spans, 'span'], [u.tags, 'tag'], [u.gold_spans, 'gold span'], [u.gold_tags, 'gold tag']]
          .filter(([n]) => Number(n) > 0)
          .map(([n, w]) => `${n} ${w}${n === 1 ? '' : 's'}`);
        const confirmBtn = el('button', { type: 'button', class: 'btn btn-danger small lab-confirm' }, total ? `Delete ${l.name} and ${total} annotation${total === 1 ? '' : 's'}` : `Delete ${l.name}`);
        const keep = el('button', { type: 'button', class: 'btn small' }, 'Keep it');
        const ask = el('div', { class: 'lab-ask', role: 'alert' }, el('span', {}, total ? `${l.name} is used by ${parts.join(', ')}. They are deleted with it.` : `${l.name} is not used yet.`), confirmBtn, keep);
        keep.addEventListener('click', () => ask.remove());
        confirmBtn.addEventListener(
          'click',
          guard(async () => {
            await applyLabels(await call('delete_label', { id: l.id, expected_annotations: total }));
            toast(`Deleted ${l.name}${total ? ` and ${total} annotation${total === 1 ? '' : 's'}` : ''}.`, 'success');
            rerender();
          }, 'Deleting the label failed'),
        );
        row.querySelector('.lab-ask')?.remove();
        row.append(ask);
        confirmBtn.focus();
      }, 'Counting the label’s annotations failed'),
    );
    row.querySelector('.lab-fields')!.append(del);
  }
  return row;
}

function labelsTab(rerender: () => void): HTMLElement {
  const section = (kind: LabelKind, title: string) =>
    el(
      'section',
      { class: 'lab-section', 'data-kind': kind },
      el('h3', {}, title),
      ...state.labels.filter((l) => l.kind === kind).map((l) => labelRow(l, kind, rerender)),
      el('h4', { class: 'muted small' }, kind === 'span' ? 'New span label' : 'New tag'),
      labelRow(null, kind, rerender),
    );
  return el(
    'div',
    {},
    el('p', { class: 'muted small' }, 'Renaming keeps every annotation. Colours are checked for reading in the light and dark themes and for telling labels apart. Descriptions show as hints on the palette and in the span editor.'),
    section('span', 'Span labels'),
    section('tag', 'Article tags'),
  );
}

function guidelinesTab(): HTMLElement {
  const area = el('textarea', { id: 'guidelines-src', rows: 16, dir: 'auto', 'aria-label': 'Guidelines (Markdown)' });
  area.value = session.settings.guidelines;
  const preview = el('div', { id: 'guidelines-preview', class: 'md' });
  const show = () => preview.replaceChildren(renderMarkdown(area.value));
  area.addEventListener('input', show);
  show();
  const save = el('button', { type: 'button', class: 'btn btn-primary', id: 'guidelines-save' }, 'Save guidelines');
  save.addEventListener(
    'click',
    guard(async () => {
      session.settings = await call('set_settings', { guidelines: area.value });
      toast('Guidelines saved.', 'success');
    }, 'Saving the guidelines failed'),
  );
  return el(
    'div',
    { class: 'guide-edit' },
    el('p', { class: 'muted small' }, 'Markdown: # headings, - lists, 1. numbered, **bold**, *italic*, `code`, ``` blocks. Every analyst sees them (Shift+G).'),
    el('div', { class: 'guide-cols' }, area, preview),
    el('div', { class: 'dialog-actions' }, save),
  );
}

function projectTab(): HTMLElement {
  const radio = (v: 'exclude' | 'include', text: string) => {
    const r = el('input', { type: 'radio', name: 'clitics', value: v, id: `clitics-${v}` });
    r.checked = (session.settings.clitics || 'exclude') === v;
    r.addEventListener(
      'change',
      guard(async () => {
        session.settings = await call('set_settings', { clitics: v });
        session.cliticOverride = null;
        changed();
        toast('Saved: selections now ' + (v === 'exclude' ? 'leave clitic prefixes out.' : 'keep clitic prefixes.'), 'success');
      }, 'Saving the setting failed'),
    );
    return el('label', { for: `clitics-${v}`, class: 'radio' }, r, ' ', text);
  };
  return el(
    'fieldset',
    { class: 'clitic-setting' },
    el('legend', {}, 'Clitic prefixes (و ف ب ك ل before a word)'),
    radio('exclude', 'Leave them out: selecting والرباط labels الرباط (default)'),
    radio('include', 'Keep them: selecting والرباط labels والرباط'),
    el('p', { class: 'muted small' }, 'Shift+C switches it for the next selection only; Alt selects exactly what you drag.'),
  );
}

/** Open the settings on a tab. */
export async function openSettings(tab: Tab = 'labels'): Promise<void> {
  session.settings = await call('get_settings', {});
  const d = dialog();
  let current = tab;
  const render = () => {
    const tabs = el('div', { class: 'tabs', role: 'tablist' });
    for (const [t, text] of [['labels', 'Labels'], ['guidelines', 'Guidelines'], ['project', 'Project']] as [Tab, string][]) {
      const b = el('button', { type: 'button', role: 'tab', class: 'seg', 'data-tab': t, 'aria-selected': String(t === current), 'aria-pressed': String(t === current) }, text);
      b.addEventListener('click', () => {
        current = t;
        render();
      });
      tabs.append(b);
    }
    const body = current === 'labels' ? labelsTab(render) : current === 'guidelines' ? guidelinesTab() : projectTab();
    const close = el('button', { type: 'button', class: 'btn', id: 'settings-close' }, 'Close');
    close.addEventListener('click', () => d.close());
    d.replaceChildren(el('h2', { id: 'settings-title' }, 'Project settings'), tabs, el('div', { class: 'settings-body' }, body), el('div', { class: 'dialog-actions' }, close));
  };
  render();
  if (!d.open) d.showModal();
}

/** The guidelines page: the project's guidelines and every label's description. */
export async function openGuidelines(): Promise<void> {
  session.settings = await call('get_settings', {});
  let d = document.getElementById('guidelines-dialog') as HTMLDialogElement | null;
  if (!d) {
    d = el('dialog', { id: 'guidelines-dialog', class: 'wide-dialog', 'aria-labelledby': 'guidelines-title' });
    document.body.append(d);
  }
  const labels = el(
    'dl',
    { class: 'guide-labels' },
    ...state.labels.flatMap((l) => {
      const sw = el('span', { class: 'swatch' });
      sw.style.backgroundColor = /^#[0-9a-f]{6}$/i.test(l.color) ? l.color : '#868e96';
      return [el('dt', {}, sw, ` ${l.name} `, l.hotkey ? el('kbd', {}, l.hotkey) : null, el('span', { class: 'muted small' }, l.kind === 'tag' ? ' (tag)' : '')), el('dd', { dir: 'auto' }, l.description || '—')];
    }),
  );
  const body = el('div', { id: 'guidelines-view', class: 'md' }, session.settings.guidelines.trim() ? renderMarkdown(session.settings.guidelines) : el('p', { class: 'muted' }, 'No guidelines yet.'));
  const edit = el('button', { type: 'button', class: 'btn', id: 'guidelines-edit' }, 'Edit…');
  const close = el('button', { type: 'button', class: 'btn btn-primary' }, 'Close');
  const dd = d;
  edit.addEventListener('click', guard(async () => (dd.close(), await openSettings('guidelines')), 'Opening the settings failed'));
  close.addEventListener('click', () => dd.close());
  d.replaceChildren(el('h2', { id: 'guidelines-title' }, 'Guidelines'), body, el('h3', {}, 'Labels'), labels, el('div', { class: 'dialog-actions' }, edit, close));
  if (!d.open) d.showModal();
  close.focus();
}
