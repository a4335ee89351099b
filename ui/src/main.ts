// Entry point: build the layout, ask for the analyst, load the project, wire every control and mode.

import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import './styles.css';
import './review.css';
import './dashboard.css';
import { initAgreement } from './agreement';
import { changeAnalyst, ensureAnalyst } from './analyst';
import { applyLabel, initAnnotate } from './annotate';
import { call } from './api';
import { refreshAnnotations, watchLayout } from './article';
import { initRelations } from './relations';
import { wireTitle } from './titleEdit';
import { initList, refreshList } from './articleList';
import { byId } from './dom';
import { initDesktopMenu } from './desktopMenu';
import { initExport } from './exporter';
import { initHotkeys } from './hotkeys';
import { initImport } from './importer';
import { buildLayout } from './layout';
import { go, openFromList } from './modes';
import { renderPalette } from './palette';
import { openReview } from './review';
import { initReview, initReviewChoice } from './reviewMain';
import { rememberAnnotators, rv } from './reviewState';
import { parseHash, type Mode } from './route';
import { state } from './state';
import { installTestHook } from './testHook';
import { initWorkbench, loadWorkbenchSettings } from './workbench';
import { guard, toastError } from './toast';
import { restoreHistory } from './edits';
import { count, onLangChange, t } from './i18n';
import { translateShell } from './shellText';

/** The project's name and size in the top bar and the window title (again after a language switch). */
function showProjectName(): void {
  if (!state.project) return;
  byId('project-count').textContent = t('projectCount', { n: count(state.project.article_count, 'article') });
  document.title = t('appTitle', { name: state.project.name });
}

async function loadProject(): Promise<void> {
  state.project = await call('project_info', {});
  state.labels = state.project.labels;
  byId('project-name').textContent = state.project.name;
  showProjectName();
  renderPalette((label, exact) => guard(() => applyLabel(label, exact), t('errAddSpan'))());
  await loadWorkbenchSettings();
  // This session's undo history of every article (kept in sessionStorage), for this project and analyst.
  restoreHistory();
}

async function start(): Promise<void> {
  buildLayout(byId('app'));
  translateShell();
  onLangChange(showProjectName);
  window.addEventListener('unhandledrejection', (e) => toastError(e.reason));
  installTestHook();
  initList((id) => guard(() => openFromList(id), t('errOpenArticle'))());
  initAnnotate();
  initRelations();
  initHotkeys();
  initWorkbench();
  initReview();
  initAgreement((id, annotators) => {
    rv.annotators = annotators;
    rememberAnnotators(annotators);
    guard(() => go({ mode: 'review', id }), t('errOpenReview'))();
  });
  initImport(loadProject);
  initExport();
  watchLayout();
  wireTitle();
  for (const b of byId('mode-nav').querySelectorAll<HTMLElement>('[data-mode]')) {
    b.addEventListener('click', guard(() => go({ mode: b.dataset.mode as Mode, id: null }), () => t('errSwitchView')));
  }
  byId('analyst-btn').addEventListener(
    'click',
    guard(async () => {
      if (await changeAnalyst()) {
        restoreHistory();
        await refreshList();
        await refreshAnnotations();
        if (state.mode === 'review' && rv.articleId !== null) await openReview(rv.articleId);
      }
    }),
  );
  await ensureAnalyst();
  await loadProject();
  await initDesktopMenu().catch((e) => toastError(e, t('errFileMenu')));
  initReviewChoice();
  await refreshList();
  const route = parseHash(window.location.hash);
  try {
    await go(route);
  } catch (e) {
    history.replaceState(history.state, '', window.location.pathname);
    toastError(e, t('errRouteView'));
    await go({ mode: 'annotate', id: null }).catch(() => {});
  }
  document.body.dataset.ready = 'true';
}

start().catch((e) => toastError(e, t('errStart')));
