// The analyst's name: asked once in a small dialog, remembered in localStorage, changeable from the top bar.

import { byId } from './dom';
import { state } from './state';

const KEY = 'hashiya.analyst';

function stored(): string {
  try {
    return localStorage.getItem(KEY)?.trim() ?? '';
  } catch {
    return '';
  }
}

function remember(name: string): void {
  try {
    localStorage.setItem(KEY, name);
  } catch {
    /* storage disabled: the name lasts for this page only */
  }
}

function showName(): void {
  byId('analyst-label').textContent = state.analyst || '—';
}

/** Ask for a name in the dialog; resolves with it. Cancelling is only allowed once a name exists. */
export function askName(): Promise<string> {
  const dialog = byId<HTMLDialogElement>('name-dialog');
  const input = byId<HTMLInputElement>('analyst-name');
  const save = byId<HTMLButtonElement>('analyst-save');
  input.value = state.analyst;
  return new Promise((resolve) => {
    const done = () => {
      const name = input.value.trim();
      if (!name) {
        input.focus();
        input.classList.add('invalid');
        return;
      }
      input.classList.remove('invalid');
      cleanup();
      dialog.close();
      resolve(name);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter') done();
    };
    const onCancel = (e: Event) => {
      if (!state.analyst) e.preventDefault();
      else {
        cleanup();
        resolve(state.analyst);
      }
    };
    const cleanup = () => {
      save.removeEventListener('click', done);
      input.removeEventListener('keydown', onKey);
      dialog.removeEventListener('cancel', onCancel);
    };
    save.addEventListener('click', done);
    input.addEventListener('keydown', onKey);
    dialog.addEventListener('cancel', onCancel);
    dialog.showModal();
    input.focus();
  });
}

/** The remembered analyst, asking for a name on first run. */
export async function ensureAnalyst(): Promise<string> {
  state.analyst = stored();
  if (!state.analyst) {
    state.analyst = await askName();
    remember(state.analyst);
  }
  showName();
  return state.analyst;
}

/** Change the analyst from the top bar; resolves true if the name changed. */
export async function changeAnalyst(): Promise<boolean> {
  const name = await askName();
  if (name === state.analyst) return false;
  state.analyst = name;
  remember(name);
  showName();
  return true;
}
