// User-visible messages: one #toast banner for info, success and errors (errors are never swallowed).

import { el } from './dom';

type Kind = 'info' | 'success' | 'error';
let timer: number | undefined;

/** Show `message` in #toast; errors stay until closed or replaced (at least 10 s). */
export function toast(message: string, kind: Kind = 'info'): void {
  const box = document.getElementById('toast');
  if (!box) return;
  window.clearTimeout(timer);
  box.replaceChildren(
    el('span', { class: 'toast-text' }, message),
    el('button', { type: 'button', class: 'toast-close', 'aria-label': 'Close message' }, '×'),
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

/** Show an error to the user. */
export function toastError(err: unknown, context?: string): void {
  const msg = describeError(err);
  toast(context ? `${context}: ${msg}` : msg, 'error');
}

/** Wrap an async handler so any failure becomes a visible error message. */
export function guard<A extends unknown[]>(fn: (...args: A) => Promise<unknown> | unknown, context?: string) {
  return (...args: A): void => {
    try {
      const r = fn(...args);
      if (r instanceof Promise) r.catch((e) => toastError(e, context));
    } catch (e) {
      toastError(e, context);
    }
  };
}
