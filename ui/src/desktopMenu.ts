// Desktop only: the window's File menu (sent by the shell over a channel) — new, open and recent projects (the shell shows their dialogs); import and export open their dialogs.

import { Channel } from '@tauri-apps/api/core';
import { call, isTauri } from './api';
import type { MenuAction, Switched } from './bindings';
import { byId } from './dom';
import { t } from './i18n';
import { guard } from './toast';

/**
 * Close this project and open another: the shell shows the dialog (new: save, open: open) or, for Open Recent,
 * checks the path is in its recent list; then start the page again on the new project.
 */
async function switchTo(r: Promise<Switched>): Promise<void> {
  if ((await r).status === 'cancelled') return;
  history.replaceState(null, '', window.location.pathname + window.location.search);
  window.location.reload();
}

async function handle(m: MenuAction): Promise<void> {
  for (const d of document.querySelectorAll<HTMLDialogElement>('dialog[open]')) {
    if (d.id !== 'name-dialog') d.close();
  }
  switch (m.action) {
    case 'new':
      return switchTo(call('new_project', {}));
    case 'open':
      return switchTo(call('open_project', {}));
    case 'open_recent':
      return switchTo(call('open_project', { path: m.path }));
    case 'import':
      // The import dialog (files, annotator, format, progress); its file button is a real click, which the file chooser needs.
      byId('import-btn').click();
      return;
    case 'export':
      byId('export-btn').click();
      return;
  }
}

/** Listen to the File menu (desktop only; nothing in browser mode). */
export async function initDesktopMenu(): Promise<void> {
  if (!isTauri()) return;
  const channel = new Channel<MenuAction>();
  channel.onmessage = (m) => guard(() => handle(m), t('errFileMenuAction'))();
  await call('menu_events', { channel });
}
