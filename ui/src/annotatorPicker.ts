// Checkboxes to choose analysts (review, agreement, export); keeps the order in which they were chosen.

import { el } from './dom';
import { state } from './state';
import { guard } from './toast';
import { t } from './i18n';

/** The analysts to offer: those with spans, tags or statuses of their own (reviewers who only adjudicated are not). */
export const projectAnalysts = (): string[] => state.project?.analysts ?? state.project?.annotators ?? [];

/** Render one checkbox per analyst in `box`; `change` gets the new choice (chosen order kept, new ones last). */
export function renderAnnotatorPicker(
  box: HTMLElement,
  all: readonly string[],
  chosen: readonly string[],
  change: (names: string[]) => Promise<void> | void,
  legend = t('compareLegend'),
): void {
  const items = all.map((name) => {
    const input = el('input', { type: 'checkbox', 'data-annotator': name, checked: chosen.includes(name) });
    input.addEventListener(
      'change',
      guard(() => {
        const on = new Set([...box.querySelectorAll<HTMLInputElement>('input[data-annotator]')].filter((i) => i.checked).map((i) => i.dataset.annotator!));
        const next = [...chosen.filter((n) => on.has(n)), ...all.filter((n) => on.has(n) && !chosen.includes(n))];
        return change(next);
      }, t('errAnalysts')),
    );
    return el('label', { class: 'check' }, input, el('span', { dir: 'auto' }, name));
  });
  box.replaceChildren(el('span', { class: 'muted small' }, legend), ...(items.length ? items : [el('span', { class: 'muted small' }, t('noAnalysts'))]));
}
