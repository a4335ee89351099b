// Wires the annotation workbench: settings, keyboard, mode bar, undo refreshes (called from main.ts).

import { call } from './api';
import { refreshAnnotations, scheduleRedraw } from './article';
import { refreshList } from './articleList';
import { onUndoRedo } from './edits';
import { renderModeBar } from './modeBar';
import { session } from './session';
import { state } from './state';
import { initWorkbenchKeys } from './workbenchKeys';

/** Once at start-up, after the layout exists. */
export function initWorkbench(): void {
  initWorkbenchKeys();
  session.listeners.push(renderModeBar, scheduleRedraw);
  onUndoRedo(async (articles) => {
    if (state.view && articles.includes(state.view.article.id)) await refreshAnnotations();
    else await refreshList();
  });
  renderModeBar();
}

/** With the project: its settings (clitic default, guidelines). */
export async function loadWorkbenchSettings(): Promise<void> {
  session.settings = await call('get_settings', {});
  renderModeBar();
}
