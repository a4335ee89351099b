// User-visible messages: one #toast banner for info, success and errors (errors are never swallowed).

import { el } from './dom';
import { t } from './i18n';

type Kind = 'info' | 'success' | 'error';
let timer: number | undefined;

/** Show `message` in #toast; errors stay until closed or replaced (at least 10 s). */
export function toast(message: string, kind: Kind = 'info'): void {
  const box = document.getElementById('toast');
  if (!box) return;
  window.clearTimeout(timer);
  box.replaceChildren(
    el('span', { class: 'toast-text' }, message),
    el('button', { type: 'button', class: 'toast-close', 'aria-label': t('closeMessage') }, '×'),
  );
  box.className = `toast toast-${kind}`;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  box.dataset.kind = kind;
  box.hidden = false;
  box.querySelector('.toast-close')?.addEventListener('click', () => (box.hidden = true));
  timer = window.setTimeout(() => (box.hidden = true), kind === 'error' ? 10000 : 4000);
}

/** A readable sentence for any thrown value. */
export function describeError(err: unknown): string {
  if (err && typeof err === 'object' && 'message' in err) return String((err as { message: unknown }).message);
  return String(err);
}

/** What a failure was about: a sentence, or a function giving it in the language of the moment. */
export type Context = string | (() => string);

/** Show an error to the user: the UI's own framing (translated) around the message as the backend sent it. */
export function toastError(err: unknown, context?: Context): void {
  const msg = describeError(err);
  const c = typeof context === 'function' ? context() : context;
  toast(c ? `${c}${t('colon')}${msg}` : msg, 'error');
}

/** Wrap an async handler so any failure becomes a visible error message. */
export function guard<A extends unknown[]>(fn: (...args: A) => Promise<unknown> | unknown, context?: Context) {
  return (...args: A): void => {
    try {
      const r = fn(...args);
      if (r instanceof Promise) r.catch((e) => toastError(e, context));
    } catch (e) {
      toastError(e, context);
    }
  };
}
