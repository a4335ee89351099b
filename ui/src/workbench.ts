// Wires the annotation workbench: settings, keyboard, mode bar, undo refreshes, preferences, dialogs (called from main.ts).

import './fonts.css';
import './workbench.css';

import { toggleSticky } from './annotate';
import { call } from './api';
import { refreshAnnotations, scheduleRedraw } from './article';
import { refreshList } from './articleList';
import { byId } from './dom';
import { onUndoRedo } from './edits';
import { invalidateHighlights } from './highlights';
import { renderModeBar } from './modeBar';
import { onPaletteShiftClick, rerenderPalette } from './palette';
import { initPrefs, textSize, toggleLang, toggleTheme } from './prefs';
import { go } from './modes';
import { session } from './session';
import { closePopovers } from './spanEditor';
import { onLabelsChanged, openGuidelines, openSettings } from './settingsDialog';
import { openRegistry } from './entityDialog';
import { openShortcuts } from './shortcuts';
import { state } from './state';
import { loadSuggestState } from './suggestions';
import { guard } from './toast';
import { globalKey, initWorkbenchKeys, shiftLetter } from './workbenchKeys';
import { onLangChange, t } from './i18n';

/** Once at start-up, after the layout exists. */
export function initWorkbench(): void {
  initWorkbenchKeys();
  session.listeners.push(renderModeBar, scheduleRedraw);
  onUndoRedo(async (articles) => {
    if (state.view && articles.includes(state.view.article.id)) await refreshAnnotations();
    else await refreshList();
  });
  onLabelsChanged(async () => {
    rerenderPalette();
    invalidateHighlights();
    await refreshAnnotations();
  });
  onPaletteShiftClick((label) => toggleSticky(label));
  initPrefs(() => {
    renderModeBar();
    invalidateHighlights();
    scheduleRedraw();
  });
  // A language switch: draw again what code rendered in the old language (the [data-i18n] texts follow by themselves).
  onLangChange(() => {
    closePopovers();
    rerenderPalette();
    if (state.mode === 'annotate') {
      if (state.view) guard(refreshAnnotations)();
    } else guard(() => go({ mode: state.mode, id: null }))();
  });
  const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;
  globalKey((e) => plain(e) && e.key === '?', openShortcuts);
  globalKey((e) => plain(e) && (e.key === '+' || e.key === '='), () => textSize(1));
  globalKey((e) => plain(e) && e.key === '-', () => textSize(-1));
  globalKey(shiftLetter('d'), toggleTheme);
  globalKey(shiftLetter('u'), toggleLang);
  globalKey(shiftLetter('g'), openGuidelines);
  globalKey(shiftLetter('l'), () => openSettings('labels'));
  byId('guidelines-btn').addEventListener('click', guard(openGuidelines, () => t('errGuidelines')));
  byId('entities-btn').addEventListener('click', guard(openRegistry, () => t('errEntity')));
  byId('settings-btn').addEventListener('click', guard(() => openSettings('labels'), () => t('errSettings')));
  byId('theme-btn').addEventListener('click', toggleTheme);
  byId('lang-btn').addEventListener('click', toggleLang);
  renderModeBar();
}

/** With the project: its settings (clitic default, guidelines) and whether it suggests. */
export async function loadWorkbenchSettings(): Promise<void> {
  [session.settings] = await Promise.all([call('get_settings', {}), loadSuggestState()]);
  renderModeBar();
}
