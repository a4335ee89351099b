// Shared app state: the analyst, the project's labels, the open article, and the current mode.

import type { ArticleView, Label, ProjectInfo, Status } from './bindings';
import type { Mode } from './route';
import { currentLang, t } from './i18n';

export const state = {
  analyst: '',
  project: null as ProjectInfo | null,
  labels: [] as Label[],
  view: null as ArticleView | null,
  /** Which view is showing: annotation, review, or the agreement dashboard. */
  mode: 'annotate' as Mode,
};

export const spanLabels = (): Label[] => state.labels.filter((l) => l.kind === 'span');
export const tagLabels = (): Label[] => state.labels.filter((l) => l.kind === 'tag');

/** The label with this name (span labels first), if the project has it. */
export function labelByName(name: string): Label | undefined {
  return state.labels.find((l) => l.kind === 'span' && l.name === name) ?? state.labels.find((l) => l.name === name);
}

/** The current analyst's status on the open article. */
export function myStatus(): Status {
  return state.view?.statuses.find((s) => s.annotator === state.analyst)?.status ?? 'todo';
}

/** Status names in the interface language (read at render time). */
export const STATUS_TEXT: Record<Status, string> = {
  get todo() {
    return t('todo');
  },
  get in_progress() {
    return t('in_progress');
  },
  get done() {
    return t('done');
  },
};

/** A label's description in the interface language (the Arabic one in the Arabic interface, when it has one). */
export function describe(l: Label | undefined): string {
  if (!l) return '';
  return currentLang() === 'ar' && l.description_ar ? l.description_ar : l.description;
}
