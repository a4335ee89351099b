// Asks before a suspiciously long selection is saved as a span (a drag that ran away): label it, or cancel.

import { el } from './dom';
import { t } from './i18n';

/** Resolves true when the analyst confirms labelling `length` characters over `lines` lines as `label`. */
export function confirmLongSpan(label: string, length: number, lines: number, excerpt: string): Promise<boolean> {
  let d = document.getElementById('long-span-dialog') as HTMLDialogElement | null;
  if (!d) {
    d = el('dialog', { id: 'long-span-dialog', 'aria-labelledby': 'long-span-title' });
    document.body.append(d);
  }
  const dialog = d;
  const yes = el('button', { type: 'button', class: 'btn', id: 'long-span-yes' }, t('longSpanYes', { label }));
  const no = el('button', { type: 'button', class: 'btn btn-primary', id: 'long-span-no' }, t('cancel'));
  dialog.replaceChildren(
    el('h2', { id: 'long-span-title' }, t('longSpanTitle')),
    el('p', {}, lines > 1 ? t('longSpanLines', { n: length, lines }) : t('longSpanChars', { n: length })),
    el('blockquote', { dir: 'auto', class: 'pop-quote' }, excerpt),
    el('div', { class: 'dialog-actions' }, yes, no),
  );
  return new Promise((resolve) => {
    let answer = false;
    yes.addEventListener('click', () => ((answer = true), dialog.close()));
    no.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => resolve(answer), { once: true });
    dialog.showModal();
    no.focus();
  });
}
