// Desktop only: the window's File menu (sent by the shell over a channel) — new, open and recent projects, import, export.

import { Channel } from '@tauri-apps/api/core';
import { open, save } from '@tauri-apps/plugin-dialog';
import { invokeDesktop, isTauri } from './api';
import type { ImportReport } from './bindings';
import { byId } from './dom';
import { inProjectDir, projectDir } from './exporter';
import { showReport } from './importer';
import { state } from './state';
import { guard, toast } from './toast';

type MenuAction = { action: 'new' } | { action: 'open' } | { action: 'open_recent'; path: string } | { action: 'import' } | { action: 'export' };

const PROJECT_FILTER = [{ name: 'Hashiya project', extensions: ['hashiya'] }];
const IMPORT_FILTER = [
  { name: 'Articles and annotations', extensions: ['txt', 'jsonl', 'json', 'conll', 'iob', 'bio', 'html', 'htm', 'csv', 'tsv'] },
  { name: 'All files', extensions: ['*'] },
];

/** Close this project and open another (the shell swaps it), then start the page again on it. */
async function switchTo(cmd: 'open_project' | 'new_project', path: string): Promise<void> {
  await invokeDesktop(cmd, { path });
  history.replaceState(null, '', window.location.pathname + window.location.search);
  window.location.reload();
}

async function importPicked(reload: () => Promise<void>, refresh: () => Promise<void>): Promise<void> {
  const picked = await open({ title: 'Import articles', multiple: true, directory: false, defaultPath: projectDir() ?? undefined, filters: IMPORT_FILTER });
  const paths = picked === null ? [] : Array.isArray(picked) ? picked : [picked];
  if (!paths.length) return;
  toast(`Importing ${paths.length} file${paths.length === 1 ? '' : 's'}…`);
  const report = await invokeDesktop<ImportReport>('import_paths', { paths, annotator: state.analyst });
  showReport(report);
  await reload();
  await refresh();
}

async function handle(m: MenuAction, reload: () => Promise<void>, refresh: () => Promise<void>): Promise<void> {
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
      return importPicked(reload, refresh);
    case 'export':
      byId('export-btn').click();
      return;
  }
}

/** Listen to the File menu (desktop only; nothing in browser mode). `reload` reads the project again, `refresh` the list. */
export async function initDesktopMenu(reload: () => Promise<void>, refresh: () => Promise<void>): Promise<void> {
  if (!isTauri()) return;
  const channel = new Channel<MenuAction>();
  channel.onmessage = (m) => guard(() => handle(m, reload, refresh), 'The File menu action failed')();
  await invokeDesktop('menu_events', { channel });
}
