// Project settings: the label schema editor (span and tag labels), the guidelines (Markdown), the clitic default and
// blind annotation, and suggestions (suggestSettings.ts).

import { call } from './api';
import type { Label, LabelEdit, LabelKind } from './bindings';
import { colorProblems, suggestColor } from './colors';
import { el } from './dom';
import { refreshAnnotations } from './article';
import { renderMarkdown } from './markdown';
import { changed, session } from './session';
import { describe, state } from './state';
import { loadSuggestState } from './suggestions';
import { suggestTab } from './suggestSettings';
import { guard, toast } from './toast';
import { count, t, type Key, type Noun } from './i18n';

type Tab = 'labels' | 'guidelines' | 'project' | 'suggestions';
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
  const name = el('input', { type: 'text', class: 'lab-name', value: l?.name ?? '', dir: 'auto', maxlength: 40, 'aria-label': t('labName'), placeholder: t('labNamePh') });
  const color = el('input', { type: 'color', class: 'lab-color', value: l?.color ?? suggestColor(state.labels.filter((x) => x.kind === kind).map((x) => x.color)), 'aria-label': t('labColour') });
  const hotkey = el('input', { type: 'text', class: 'lab-hotkey', value: l?.hotkey ?? '', maxlength: 1, 'aria-label': t('labHotkey'), placeholder: t('labHotkeyPh') });
  const desc = el('textarea', { class: 'lab-desc', rows: 2, dir: 'auto', 'aria-label': t('labDesc'), placeholder: t('labDescPh') });
  desc.value = l?.description ?? '';
  const descAr = el('textarea', { class: 'lab-desc-ar', rows: 2, dir: 'rtl', lang: 'ar', 'aria-label': t('labDescAr'), placeholder: t('labDescArPh') });
  descAr.value = l?.description_ar ?? '';
  const warn = el('div', { class: 'lab-warn small', role: 'status' });
  const preview = el('span', { class: 'lab-preview', dir: 'rtl', lang: 'ar' }, 'عبد اللطيف حموشي');
  const check = () => {
    const problems = colorProblems(color.value, others);
    const key = hotkey.value.trim().toLowerCase();
    const clash = key && state.labels.find((x) => x.id !== l?.id && x.hotkey.toLowerCase() === key);
    if (clash) problems.push(t('keyTaken', { key, name: clash.name }));
    if (key && 'zy[]?+-=/'.includes(key)) problems.push(t('keyApp', { key }));
    warn.replaceChildren(...problems.map((p) => el('div', {}, `⚠ ${p}`)));
    preview.style.setProperty('--c', color.value);
  };
  color.addEventListener('input', check);
  hotkey.addEventListener('input', check);
  check();
  const save = el('button', { type: 'button', class: 'btn btn-primary small lab-save' }, l ? t('save') : t('add'));
  save.addEventListener(
    'click',
    guard(async () => {
      const edit: LabelEdit = { kind, name: name.value.trim(), color: color.value, hotkey: hotkey.value.trim(), description: desc.value.trim(), description_ar: descAr.value.trim() };
      if (l) edit.id = l.id;
      if (!edit.name) throw new Error(t('labNeedsName'));
      const renamed = l && l.name !== edit.name;
      await applyLabels(await call('save_label', edit));
      toast(renamed ? t('labRenamed', { from: l!.name, to: edit.name }) : t('labSaved', { name: edit.name }), 'success');
      rerender();
    }, () => t('errSaveLabel')),
  );
  const row = el('div', { class: 'lab-row', 'data-label-id': l?.id ?? 'new', 'data-kind': kind }, el('div', { class: 'lab-fields' }, color, name, hotkey, preview, save), desc, descAr, warn);
  if (l) {
    const del = el('button', { type: 'button', class: 'btn btn-danger small lab-delete' }, t('deleteDots'));
    del.addEventListener(
      'click',
      guard(async () => {
        const u = await call('label_usage', { id: l.id });
        const total = u.spans + u.tags + u.gold_spans + u.gold_tags;
        const parts = ([[u.spans, 'span'], [u.tags, 'tag'], [u.gold_spans, 'goldSpan'], [u.gold_tags, 'goldTag']] as [number, Noun][])
          .filter(([n]) => Number(n) > 0)
          .map(([n, w]) => count(n, w));
        const confirmBtn = el('button', { type: 'button', class: 'btn btn-danger small lab-confirm' }, total ? t('labDeleteWith', { name: l.name, n: count(total, 'annotation', { gen: true }) }) : t('labDelete', { name: l.name }));
        const keep = el('button', { type: 'button', class: 'btn small' }, t('keepIt'));
        const ask = el('div', { class: 'lab-ask', role: 'alert' }, el('span', {}, total ? t('labUsedBy', { name: l.name, parts: parts.join(t('listSep')) }) : t('labUnused', { name: l.name })), confirmBtn, keep);
        keep.addEventListener('click', () => ask.remove());
        confirmBtn.addEventListener(
          'click',
          guard(async () => {
            await applyLabels(await call('delete_label', { id: l.id, expected_annotations: total }));
            toast(t('labDeleted', { name: l.name, with: total ? t('labAndN', { n: count(total, 'annotation', { gen: true }) }) : '' }), 'success');
            rerender();
          }, () => t('errDeleteLabel')),
        );
        row.querySelector('.lab-ask')?.remove();
        row.append(ask);
        confirmBtn.focus();
      }, () => t('errLabelUsage')),
    );
    row.querySelector('.lab-fields')!.append(del);
  }
  return row;
}

function labelsTab(rerender: () => void): HTMLElement {
  const section = (kind: LabelKind, title: Key) =>
    el(
      'section',
      { class: 'lab-section', 'data-kind': kind },
      el('h3', {}, t(title)),
      ...state.labels.filter((l) => l.kind === kind).map((l) => labelRow(l, kind, rerender)),
      el('h4', { class: 'muted small' }, kind === 'span' ? t('newSpanLabel') : t('newTag')),
      labelRow(null, kind, rerender),
    );
  return el(
    'div',
    {},
    el('p', { class: 'muted small' }, t('labelsHelp')),
    section('span', 'paletteAria'),
    section('tag', 'tagsAria'),
  );
}

function guidelinesTab(): HTMLElement {
  const area = el('textarea', { id: 'guidelines-src', rows: 16, dir: 'auto', 'aria-label': t('guideMd') });
  area.value = session.settings.guidelines;
  const preview = el('div', { id: 'guidelines-preview', class: 'md' });
  const show = () => preview.replaceChildren(renderMarkdown(area.value));
  area.addEventListener('input', show);
  show();
  const save = el('button', { type: 'button', class: 'btn btn-primary', id: 'guidelines-save' }, t('saveGuidelines'));
  save.addEventListener(
    'click',
    guard(async () => {
      session.settings = await call('set_settings', { guidelines: area.value });
      toast(t('guidelinesSaved'), 'success');
    }, () => t('errSaveGuidelines')),
  );
  return el(
    'div',
    { class: 'guide-edit' },
    el('p', { class: 'muted small' }, t('mdHelp')),
    el('div', { class: 'guide-cols' }, area, preview),
    el('div', { class: 'dialog-actions' }, save),
  );
}

function projectTab(): HTMLElement {
  const radio = (v: 'exclude' | 'include', text: Key) => {
    const r = el('input', { type: 'radio', name: 'clitics', value: v, id: `clitics-${v}` });
    r.checked = (session.settings.clitics || 'exclude') === v;
    r.addEventListener(
      'change',
      guard(async () => {
        session.settings = await call('set_settings', { clitics: v });
        session.cliticOverride = null;
        changed();
        toast(t(v === 'exclude' ? 'savedCliticsOut' : 'savedCliticsKeep'), 'success');
      }, () => t('errSaveSetting')),
    );
    return el('label', { for: `clitics-${v}`, class: 'radio' }, r, ' ', t(text));
  };
  const blind = el('input', { type: 'checkbox', id: 'setting-blind' });
  blind.checked = session.settings.blind;
  blind.addEventListener(
    'change',
    guard(async () => {
      session.settings = await call('set_settings', { blind: blind.checked });
      changed();
      await refreshAnnotations();
      toast(t(blind.checked ? 'blindSavedOn' : 'blindSavedOff'), 'success');
    }, () => t('errSaveSetting')),
  );
  return el(
    'div',
    {},
    el(
      'fieldset',
      { class: 'clitic-setting' },
      el('legend', {}, t('cliticLegend')),
      radio('exclude', 'cliticExclude'),
      radio('include', 'cliticInclude'),
      el('p', { class: 'muted small' }, t('cliticHelp')),
    ),
    el(
      'fieldset',
      { class: 'clitic-setting' },
      el('legend', {}, t('blindLegend')),
      el('label', { for: 'setting-blind', class: 'check' }, blind, ' ', t('blindSetting')),
      el('p', { class: 'muted small' }, t('blindHelp')),
    ),
  );
}

/** Open the settings on a tab. */
export async function openSettings(tab: Tab = 'labels'): Promise<void> {
  session.settings = await call('get_settings', {});
  await loadSuggestState();
  const d = dialog();
  let current = tab;
  const render = () => {
    const tabs = el('div', { class: 'tabs', role: 'tablist' });
    for (const [tab, text] of [['labels', 'xLabels'], ['guidelines', 'guidelines'], ['project', 'tabProject'], ['suggestions', 'tabSuggestions']] as [Tab, Key][]) {
      const b = el('button', { type: 'button', role: 'tab', class: 'seg', 'data-tab': tab, 'aria-selected': String(tab === current), 'aria-pressed': String(tab === current) }, t(text));
      b.addEventListener('click', () => {
        current = tab;
        render();
      });
      tabs.append(b);
    }
    const body = current === 'labels' ? labelsTab(render) : current === 'guidelines' ? guidelinesTab() : current === 'project' ? projectTab() : suggestTab(render);
    const close = el('button', { type: 'button', class: 'btn', id: 'settings-close' }, t('close'));
    close.addEventListener('click', () => d.close());
    d.replaceChildren(el('h2', { id: 'settings-title' }, t('settingsTitleH')), tabs, el('div', { class: 'settings-body' }, body), el('div', { class: 'dialog-actions' }, close));
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
      return [el('dt', {}, sw, ` ${l.name} `, l.hotkey ? el('kbd', {}, l.hotkey) : null, el('span', { class: 'muted small' }, l.kind === 'tag' ? t('tagSuffix') : '')), el('dd', { dir: 'auto' }, describe(l) || '—')];
    }),
  );
  const body = el('div', { id: 'guidelines-view', class: 'md' }, session.settings.guidelines.trim() ? renderMarkdown(session.settings.guidelines) : el('p', { class: 'muted' }, t('noGuidelines')));
  const edit = el('button', { type: 'button', class: 'btn', id: 'guidelines-edit' }, t('editDots'));
  const close = el('button', { type: 'button', class: 'btn btn-primary' }, t('close'));
  const dd = d;
  edit.addEventListener('click', guard(async () => (dd.close(), await openSettings('guidelines')), t('errSettings')));
  close.addEventListener('click', () => dd.close());
  d.replaceChildren(el('h2', { id: 'guidelines-title' }, t('guidelines')), body, el('h3', {}, t('xLabels')), labels, el('div', { class: 'dialog-actions' }, edit, close));
  if (!d.open) d.showModal();
  close.focus();
}
