// Entry point: build the layout, ask for the analyst, load the project, wire every control.

import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import './styles.css';
import { changeAnalyst, ensureAnalyst } from './analyst';
import { applyLabel, initAnnotate } from './annotate';
import { call } from './api';
import { articleFromHash, openArticle, refreshAnnotations, watchLayout } from './article';
import { initList, refreshList } from './articleList';
import { byId } from './dom';
import { initExport } from './exporter';
import { initHotkeys } from './hotkeys';
import { initImport } from './importer';
import { buildLayout } from './layout';
import { renderPalette } from './palette';
import { state } from './state';
import { installTestHook } from './testHook';
import { guard, toastError } from './toast';

async function loadProject(): Promise<void> {
  state.project = await call('project_info', {});
  state.labels = state.project.labels;
  byId('project-name').textContent = state.project.name;
  byId('project-count').textContent = ` · ${state.project.article_count} articles`;
  document.title = `${state.project.name} — Hashiya`;
  renderPalette((label, exact) => guard(() => applyLabel(label, exact), 'Adding the span failed')());
}

async function start(): Promise<void> {
  buildLayout(byId('app'));
  window.addEventListener('unhandledrejection', (e) => toastError(e.reason));
  installTestHook();
  initList((id) => guard(() => openArticle(id), 'Opening the article failed')());
  initAnnotate();
  initHotkeys();
  initImport(loadProject);
  initExport();
  watchLayout();
  byId('analyst-btn').addEventListener(
    'click',
    guard(async () => {
      if (await changeAnalyst()) {
        await refreshList();
        await refreshAnnotations();
      }
    }),
  );
  await ensureAnalyst();
  await loadProject();
  await refreshList();
  const id = articleFromHash();
  if (id !== null) {
    try {
      await openArticle(id);
    } catch (e) {
      history.replaceState(history.state, '', window.location.pathname);
      toastError(e, 'The article in the address could not be opened');
    }
  }
  document.body.dataset.ready = 'true';
}

start().catch((e) => toastError(e, 'Hashiya could not start'));
