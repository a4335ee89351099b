// Desktop only: the window's File menu (sent by the shell over a channel) — new, open and recent projects; import and export open their dialogs.

import { Channel } from '@tauri-apps/api/core';
import { open, save } from '@tauri-apps/plugin-dialog';
import { invokeDesktop, isTauri } from './api';
import { byId } from './dom';
import { inProjectDir, projectDir } from './exporter';
import { guard } from './toast';

type MenuAction = { action: 'new' } | { action: 'open' } | { action: 'open_recent'; path: string } | { action: 'import' } | { action: 'export' };

const PROJECT_FILTER = [{ name: 'Hashiya project', extensions: ['hashiya'] }];

/** Close this project and open another (the shell swaps it), then start the page again on it. */
async function switchTo(cmd: 'open_project' | 'new_project', path: string): Promise<void> {
  await invokeDesktop(cmd, { path });
  history.replaceState(null, '', window.location.pathname + window.location.search);
  window.location.reload();
}

async function handle(m: MenuAction): Promise<void> {
  for (const d of document.querySelectorAll<HTMLDialogElement>('dialog[open]')) {
    if (d.id !== 'name-dialog') d.close();
  }
  switch (m.action) {
    case 'new': {
      const path = await save({ title: 'New project', defaultPath: inProjectDir('untitled.hashiya'), filters: PROJECT_FILTER });
      if (path) await switchTo('new_project', path.endsWith('.hashiya') ? path : `${path}.hashiya`);
      return;
    }
    case 'open': {
      const path = await open({ title: 'Open project', multiple: false, directory: false, defaultPath: projectDir() ?? undefined, filters: PROJECT_FILTER });
      if (typeof path === 'string') await switchTo('open_project', path);
      return;
    }
    case 'open_recent':
      return switchTo('open_project', m.path);
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
  channel.onmessage = (m) => guard(() => handle(m), 'The File menu action failed')();
  await invokeDesktop('menu_events', { channel });
}
