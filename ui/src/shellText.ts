// Translations for the static page skeleton built by layout.ts: each element is marked with its data-i18n* keys
// once, and setLang refreshes them on every switch (layout.ts itself stays language-free).

import { refreshTexts, translate, type Key } from './i18n';

type Keys = { text?: Key; title?: Key; aria?: Key; placeholder?: Key };

const BY_SELECTOR: [string, Keys][] = [
  ['#mode-nav', { aria: 'viewNav' }],
  ['#mode-review', { title: 'reviewTitle' }],
  ['#mode-agreement', { title: 'agreementTitle' }],
  ['#import-btn', { title: 'importTitle' }],
  ['#export-btn', { title: 'exportTitle' }],
  ['#guidelines-btn', { title: 'guidelinesTitle' }],
  ['#entities-btn', { title: 'entitiesTitle' }],
  ['#settings-btn', { title: 'settingsTitle' }],
  ['#theme-btn', { title: 'themeTitle', aria: 'theme' }],
  ['#lang-btn', { title: 'languageTitle' }],
  ['#analyst-btn', { title: 'analystTitle' }],
  ['#sidebar', { aria: 'articlesAria' }],
  ['#article-search', { placeholder: 'searchPlaceholder' }],
  ['#status', { aria: 'statusAria' }],
  ['#tags', { aria: 'tagsAria' }],
  ['#palette', { aria: 'paletteAria' }],
  ['#review-pane', { aria: 'review' }],
  ['#agreement-pane', { aria: 'agreement' }],
  ['#name-dialog-title', { text: 'nameTitle' }],
  ['#name-dialog p.muted', { text: 'nameHelp' }],
  ['#analyst-name', { placeholder: 'namePlaceholder' }],
  ['#analyst-save', { text: 'save' }],
  ['#span-editor', { aria: 'spanAria' }],
  ['#span-chooser', { aria: 'chooserAria' }],
  ['#review-editor', { aria: 'reviewEditorAria' }],
];

/** Mark the skeleton's elements (after buildLayout) and fill them in the current language. */
export function translateShell(root: Document = document): void {
  for (const [sel, keys] of BY_SELECTOR) translate(root.querySelector(sel), keys);
  refreshTexts(root);
}
