// Export: JSONL download (Blob + <a download>) in the browser; native save dialog + export_to_file on desktop.

import { save } from '@tauri-apps/plugin-dialog';
import { call, invokeDesktop, isTauri } from './api';
import { byId, el } from './dom';

const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
import { state } from './state';
import { guard, toast } from './toast';

async function exportBrowser(): Promise<void> {
  const r = await call('export', { format: 'jsonl' });
  const url = URL.createObjectURL(new Blob([r.content], { type: 'application/x-ndjson;charset=utf-8' }));
  const a = el('a', { href: url, download: r.filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  const notes = r.notes ?? [];
  const extra = notes.length ? ` ${notes[0]}${notes.length > 1 ? ` (+${notes.length - 1} more notes)` : ''}` : '';
  toast(`Exported ${n(r.articles, 'article')} and ${n(r.spans, 'span')} to ${r.filename}.${extra}`, 'success');
}

async function exportDesktop(): Promise<void> {
  const format = 'jsonl';
  const path = await save({ defaultPath: `${state.project?.name ?? 'hashiya'}.${format}`, filters: [{ name: 'JSON Lines', extensions: ['jsonl'] }] });
  if (!path) return;
  const r = await invokeDesktop<{ articles: number; spans: number }>('export_to_file', { format, path });
  toast(`Exported ${n(r.articles, 'article')} and ${n(r.spans, 'span')} to ${path}.`, 'success');
}

export function initExport(): void {
  byId('export-btn').addEventListener('click', guard(() => (isTauri() ? exportDesktop() : exportBrowser()), 'Export failed'));
}
