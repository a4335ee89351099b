// "All occurrences": find a span's text again (this article or the whole project), tick places, label them in one undoable step.

import { call } from './api';
import { refreshAnnotations } from './article';
import type { FoundOccurrence, OccurrencesResult, Span } from './bindings';
import { el, safeColor } from './dom';
import { addMany } from './edits';
import { labelByName, spanLabels, state } from './state';
import { guard, toast } from './toast';
import { count as countOf, enWord, t } from './i18n';
import { majorityDir } from './direction';

let wholeProject = false;

function dialog(): HTMLDialogElement {
  let d = document.getElementById('occ-dialog') as HTMLDialogElement | null;
  if (!d) {
    d = el('dialog', { id: 'occ-dialog', class: 'wide-dialog', 'aria-labelledby': 'occ-title' });
    document.body.append(d);
  }
  return d;
}

/** One occurrence in context: before, the match (marked), after — all as text, laid out in the direction of most of its letters. */
/** Already labelled: a label on exactly this place, or a longer span of `label` around it (no nested duplicates). */
export function alreadyLabelled(o: FoundOccurrence, label: string): boolean {
  return o.labelled_as.length > 0 || o.inside.includes(label);
}

function row(o: FoundOccurrence, i: number, label: string, showTitle: boolean): HTMLElement {
  const already = alreadyLabelled(o, label);
  const box = el('input', { type: 'checkbox', 'data-occ': i, id: `occ-${i}`, 'aria-describedby': `occ-ctx-${i}` });
  box.checked = !already;
  const ctx = el('span', { class: 'occ-context', dir: majorityDir(o.before + o.text + o.after), id: `occ-ctx-${i}`, lang: 'ar' }, el('span', { class: 'occ-side' }, o.before), el('mark', { class: 'occ-hit' }, o.text), el('span', { class: 'occ-side' }, o.after));
  const color = safeColor(labelByName(label)?.color ?? '');
  ctx.querySelector('mark')!.setAttribute('style', `border-bottom: 2px solid ${color}`);
  return el(
    'label',
    { class: 'occ-row', for: `occ-${i}`, 'data-article-id': o.article_id, 'data-already': already ? 'true' : 'false' },
    box,
    el(
      'span',
      { class: 'occ-body' },
      ctx,
      el(
        'span',
        { class: 'occ-meta muted small' },
        showTitle ? el('span', { class: 'occ-title', dir: 'auto' }, o.title || t('untitled')) : null,
        o.labelled_as.length > 0
          ? el('span', { class: 'badge occ-already' }, t('alreadyAs', { labels: o.labelled_as.join(t('listSep')) }))
          : already
            ? el('span', { class: 'badge occ-already occ-inside' }, t('insideAs', { label }))
            : null,
        o.variant !== 'exact' ? el('span', { class: 'badge occ-variant', 'data-variant': o.variant }, t('variantSpelling')) : null,
      ),
    ),
  );
}

/** Open the dialog for `span` and wait for the analyst's choice. */
export async function openOccurrences(span: Span): Promise<void> {
  const d = dialog();
  let label = span.label;
  let result: OccurrencesResult | null = null;

  const status = el('p', { class: 'muted small', id: 'occ-status', role: 'status' }, t('searching'));
  const list = el('div', { id: 'occ-list', class: 'occ-list' });
  const project = el('input', { type: 'checkbox', id: 'occ-project' });
  project.checked = wholeProject;
  const labelSel = el('select', { id: 'occ-label' });
  for (const l of spanLabels()) labelSel.append(el('option', { value: l.name }, l.name));
  labelSel.value = label;
  const applyAll = el('button', { type: 'button', class: 'btn', id: 'occ-apply-all' }, t('labelAll'));
  const applyTicked = el('button', { type: 'button', class: 'btn btn-primary', id: 'occ-apply' }, t('labelTicked'));
  const cancel = el('button', { type: 'button', class: 'btn', id: 'occ-cancel' }, t('cancel'));
  const tickAll = el('button', { type: 'button', class: 'btn btn-ghost small', id: 'occ-tick-all' }, t('tickAll'));
  const tickNone = el('button', { type: 'button', class: 'btn btn-ghost small', id: 'occ-tick-none' }, t('tickNone'));

  const boxes = () => [...list.querySelectorAll<HTMLInputElement>('input[data-occ]')];
  const count = () => {
    const n = boxes().filter((b) => b.checked).length;
    applyTicked.textContent = t('labelTickedN', { n });
    applyTicked.disabled = n === 0;
    applyAll.textContent = t('labelAllN', { n: result?.items.length ?? 0 });
    applyAll.disabled = !result?.items.length;
  };
  list.addEventListener('change', count);
  tickAll.addEventListener('click', () => (boxes().forEach((b) => (b.checked = true)), count()));
  tickNone.addEventListener('click', () => (boxes().forEach((b) => (b.checked = false)), count()));

  const load = async () => {
    status.textContent = t('searching');
    list.replaceChildren();
    result = await call('find_occurrences', { article_id: span.article_id, start: span.start, end: span.end, annotator: state.analyst, project: wholeProject });
    render();
  };

  /** The status line and the rows for the current result and label. */
  const render = () => {
    if (!result) return;
    const articles = new Set(result.items.map((o) => o.article_id)).size;
    const already = result.items.filter((o) => alreadyLabelled(o, label)).length;
    status.textContent = result.items.length
      ? t('occFound', {
          n: result.items.length,
          places: enWord(result.items.length, 'place'),
          articles: countOf(articles, 'article', { gen: true }),
          already: already ? t('occAlready', { n: already }) : '',
          cut: result.truncated ? t('occCut') : '',
        })
      : wholeProject
        ? t('occNoneProject')
        : t('occNoneArticle');
    list.replaceChildren(...result.items.map((o, i) => row(o, i, label, wholeProject)));
    count();
  };

  project.addEventListener('change', guard(async () => {
    wholeProject = project.checked;
    await load();
  }, t('errFindOcc')));
  labelSel.addEventListener('change', () => {
    label = labelSel.value;
    render();
  });

  const apply = async (onlyTicked: boolean) => {
    if (!result) return;
    const ticked = new Set(boxes().filter((b) => b.checked).map((b) => Number(b.dataset.occ)));
    const places = result.items.filter((_, i) => !onlyTicked || ticked.has(i)).map((o) => ({ article_id: o.article_id, start: o.start, end: o.end }));
    if (places.length === 0) return;
    const res = await addMany(label, places);
    d.close();
    toast(t('occLabelled', { places: countOf(res.added.length, 'place'), label, already: res.already ? t('occAlreadyWere', { n: res.already }) : '' }), 'success');
    await refreshAnnotations();
  };
  applyAll.addEventListener('click', guard(() => apply(false), t('errLabelOcc')));
  applyTicked.addEventListener('click', guard(() => apply(true), t('errLabelOcc')));
  cancel.addEventListener('click', () => d.close());

  d.replaceChildren(
    el('h2', { id: 'occ-title' }, t('occTitle'), el('bdi', { class: 'occ-needle', dir: 'auto' }, span.text)),
    el(
      'div',
      { class: 'occ-controls' },
      el('label', {}, t('labelWord'), labelSel),
      el('label', { for: 'occ-project' }, project, t('wholeProject')),
      tickAll,
      tickNone,
    ),
    status,
    list,
    el('div', { class: 'dialog-actions' }, cancel, applyAll, applyTicked),
  );
  if (!d.open) d.showModal();
  await load();
  applyTicked.focus();
}
