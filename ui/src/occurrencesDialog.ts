// "All occurrences": find a span's text again (this article or the whole project), tick places, label them in one undoable step.

import { call } from './api';
import { refreshAnnotations } from './article';
import type { FoundOccurrence, OccurrencesResult, Span } from './bindings';
import { el, safeColor } from './dom';
import { addMany } from './edits';
import { labelByName, spanLabels, state } from './state';
import { guard, toast } from './toast';

let wholeProject = false;

function dialog(): HTMLDialogElement {
  let d = document.getElementById('occ-dialog') as HTMLDialogElement | null;
  if (!d) {
    d = el('dialog', { id: 'occ-dialog', class: 'wide-dialog', 'aria-labelledby': 'occ-title' });
    document.body.append(d);
  }
  return d;
}

/** One occurrence in context: before, the match (marked), after — all as text, direction from the text itself. */
function row(o: FoundOccurrence, i: number, label: string, showTitle: boolean): HTMLElement {
  const already = o.labelled_as.length > 0;
  const box = el('input', { type: 'checkbox', 'data-occ': i, id: `occ-${i}`, 'aria-describedby': `occ-ctx-${i}` });
  box.checked = !already;
  const ctx = el('span', { class: 'occ-context', dir: 'auto', id: `occ-ctx-${i}`, lang: 'ar' }, el('span', { class: 'occ-side' }, o.before), el('mark', { class: 'occ-hit' }, o.text), el('span', { class: 'occ-side' }, o.after));
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
        showTitle ? el('span', { class: 'occ-title', dir: 'auto' }, o.title || '(untitled)') : null,
        already ? el('span', { class: 'badge occ-already' }, `already ${o.labelled_as.join(', ')}`) : null,
      ),
    ),
  );
}

/** Open the dialog for `span` and wait for the analyst's choice. */
export async function openOccurrences(span: Span): Promise<void> {
  const d = dialog();
  let label = span.label;
  let result: OccurrencesResult | null = null;

  const status = el('p', { class: 'muted small', id: 'occ-status', role: 'status' }, 'Searching…');
  const list = el('div', { id: 'occ-list', class: 'occ-list' });
  const project = el('input', { type: 'checkbox', id: 'occ-project' });
  project.checked = wholeProject;
  const labelSel = el('select', { id: 'occ-label' });
  for (const l of spanLabels()) labelSel.append(el('option', { value: l.name }, l.name));
  labelSel.value = label;
  const applyAll = el('button', { type: 'button', class: 'btn', id: 'occ-apply-all' }, 'Label all');
  const applyTicked = el('button', { type: 'button', class: 'btn btn-primary', id: 'occ-apply' }, 'Label ticked');
  const cancel = el('button', { type: 'button', class: 'btn', id: 'occ-cancel' }, 'Cancel');
  const tickAll = el('button', { type: 'button', class: 'btn btn-ghost small', id: 'occ-tick-all' }, 'Tick all');
  const tickNone = el('button', { type: 'button', class: 'btn btn-ghost small', id: 'occ-tick-none' }, 'Tick none');

  const boxes = () => [...list.querySelectorAll<HTMLInputElement>('input[data-occ]')];
  const count = () => {
    const n = boxes().filter((b) => b.checked).length;
    applyTicked.textContent = `Label ticked (${n})`;
    applyTicked.disabled = n === 0;
    applyAll.textContent = `Label all (${result?.items.length ?? 0})`;
    applyAll.disabled = !result?.items.length;
  };
  list.addEventListener('change', count);
  tickAll.addEventListener('click', () => (boxes().forEach((b) => (b.checked = true)), count()));
  tickNone.addEventListener('click', () => (boxes().forEach((b) => (b.checked = false)), count()));

  const load = async () => {
    status.textContent = 'Searching…';
    list.replaceChildren();
    result = await call('find_occurrences', { article_id: span.article_id, start: span.start, end: span.end, annotator: state.analyst, project: wholeProject });
    const articles = new Set(result.items.map((o) => o.article_id)).size;
    const already = result.items.filter((o) => o.labelled_as.length > 0).length;
    status.textContent = result.items.length
      ? `${result.items.length} other place${result.items.length === 1 ? '' : 's'} in ${articles} article${articles === 1 ? '' : 's'}${already ? ` (${already} already labelled)` : ''}${result.truncated ? ' — the list is cut; label these, then search again' : ''}.`
      : wholeProject
        ? 'No other place in the project.'
        : 'No other place in this article. Tick “Whole project” to look further.';
    list.replaceChildren(...result.items.map((o, i) => row(o, i, label, wholeProject)));
    count();
  };

  project.addEventListener('change', guard(async () => {
    wholeProject = project.checked;
    await load();
  }, 'Finding the occurrences failed'));
  labelSel.addEventListener('change', () => (label = labelSel.value));

  const apply = async (onlyTicked: boolean) => {
    if (!result) return;
    const ticked = new Set(boxes().filter((b) => b.checked).map((b) => Number(b.dataset.occ)));
    const places = result.items.filter((_, i) => !onlyTicked || ticked.has(i)).map((o) => ({ article_id: o.article_id, start: o.start, end: o.end }));
    if (places.length === 0) return;
    const res = await addMany(label, places);
    d.close();
    toast(`Labelled ${res.added.length} place${res.added.length === 1 ? '' : 's'} ${label}${res.already ? ` (${res.already} already were)` : ''}. Ctrl+Z undoes it in one step.`, 'success');
    await refreshAnnotations();
  };
  applyAll.addEventListener('click', guard(() => apply(false), 'Labelling the occurrences failed'));
  applyTicked.addEventListener('click', guard(() => apply(true), 'Labelling the occurrences failed'));
  cancel.addEventListener('click', () => d.close());

  d.replaceChildren(
    el('h2', { id: 'occ-title' }, 'All occurrences of ', el('bdi', { class: 'occ-needle', dir: 'auto' }, span.text)),
    el(
      'div',
      { class: 'occ-controls' },
      el('label', {}, 'Label ', labelSel),
      el('label', { for: 'occ-project' }, project, ' Whole project'),
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
