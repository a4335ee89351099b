// Builds the static page skeleton: top bar with the mode switch, article list (right side), panes, dialogs, popovers.

import { el } from './dom';

export function buildLayout(root: HTMLElement): void {
  const topbar = el(
    'header',
    { id: 'topbar' },
    el('div', { class: 'brand' }, el('span', { class: 'logo', lang: 'ar', dir: 'rtl' }, 'حاشية'), el('span', {}, 'Hashiya')),
    el('div', { class: 'project' }, el('span', { id: 'project-name', dir: 'auto' }, '…'), el('span', { id: 'project-count', class: 'muted' })),
    el(
      'nav',
      { id: 'mode-nav', 'aria-label': 'View' },
      el('button', { type: 'button', id: 'mode-annotate', class: 'seg', 'data-mode': 'annotate', 'aria-pressed': 'true', 'data-i18n': 'annotate' }, 'Annotate'),
      el('button', { type: 'button', id: 'mode-review', class: 'seg', 'data-mode': 'review', 'aria-pressed': 'false', title: 'Compare analysts and adjudicate the gold layer', 'data-i18n': 'review' }, 'Review'),
      el('button', { type: 'button', id: 'mode-agreement', class: 'seg', 'data-mode': 'agreement', 'aria-pressed': 'false', title: 'Agreement between analysts and their progress', 'data-i18n': 'agreement' }, 'Agreement'),
    ),
    el('div', { class: 'spacer' }),
    el('button', { type: 'button', id: 'import-btn', class: 'btn', title: 'Import articles: text, HTML, CSV/TSV, JSON/JSONL, CoNLL', 'aria-haspopup': 'dialog', 'data-i18n': 'import' }, 'Import'),
    el('input', { type: 'file', id: 'import-input', multiple: true, accept: '.txt,.html,.htm,.csv,.tsv,.tab,.json,.jsonl,.conll,.iob,.bio', hidden: true }),
    el('button', { type: 'button', id: 'export-btn', class: 'btn', title: 'Export training data (choose format and options)', 'data-i18n': 'export' }, 'Export…'),
    el('button', { type: 'button', id: 'entities-btn', class: 'btn btn-ghost', title: 'The entity registry (Shift+E)', 'data-i18n': 'entities' }, 'Entities'),
    el('button', { type: 'button', id: 'guidelines-btn', class: 'btn btn-ghost', title: 'Guidelines and label descriptions (Shift+G)', 'data-i18n': 'guidelines' }, 'Guidelines'),
    el('button', { type: 'button', id: 'settings-btn', class: 'btn btn-ghost', title: 'Labels, guidelines, clitic default (Shift+L)', 'data-i18n': 'settings' }, 'Settings'),
    el('button', { type: 'button', id: 'theme-btn', class: 'btn btn-ghost icon', title: 'Light or dark theme (Shift+D)', 'aria-label': 'Theme' }, '◐'),
    el('button', { type: 'button', id: 'lang-btn', class: 'btn btn-ghost', title: 'Interface language (Shift+U)', 'data-i18n': 'language' }, 'العربية'),
    el('button', { type: 'button', id: 'analyst-btn', class: 'btn btn-ghost', title: 'Change analyst' }, el('span', { class: 'muted', 'data-i18n': 'analyst' }, 'Analyst: '), el('span', { id: 'analyst-label', dir: 'auto' })),
  );

  const sidebar = el(
    'aside',
    { id: 'sidebar', 'aria-label': 'Articles' },
    el('input', { type: 'search', id: 'article-search', placeholder: 'Search titles and text…', dir: 'auto', autocomplete: 'off' }),
    el('div', { id: 'article-total', class: 'muted small' }),
    el('ul', { id: 'article-list' }),
  );

  const pane = el(
    'section',
    { id: 'article-pane', hidden: true },
    el(
      'div',
      { id: 'article-head' },
      el('h1', { id: 'article-title', dir: 'auto' }),
      el('div', { id: 'article-meta', class: 'muted small', dir: 'auto' }),
      el('div', { class: 'head-row' }, el('div', { id: 'status', role: 'group', 'aria-label': 'Status' }), el('div', { id: 'tags', role: 'group', 'aria-label': 'Article tags' })),
      el('p', { id: 'blind-note', class: 'muted small', hidden: true }),
    ),
    el('div', { id: 'palette-bar' }, el('div', { id: 'palette', role: 'toolbar', 'aria-label': 'Span labels' }), el('div', { id: 'palette-hint', class: 'muted small' })),
    el(
      'div',
      { id: 'doc' },
      el('div', { id: 'search-layer', 'aria-hidden': 'true' }),
      el('div', { id: 'sugg-layer', 'aria-hidden': 'true' }),
      el('div', { id: 'hl-layer', 'aria-hidden': 'true' }),
      el('div', { id: 'preview-layer', 'aria-hidden': 'true' }),
      el('div', { id: 'article-text', dir: 'rtl', lang: 'ar' }),
      el('div', { id: 'rel-layer' }),
    ),
    el('section', { id: 'rel-list', 'aria-label': 'Relations', 'data-i18n-aria': 'relListAria', hidden: true }),
  );

  const main = el(
    'main',
    { id: 'main' },
    el('div', { id: 'article-empty', class: 'empty', 'data-i18n': 'chooseArticle' }, 'Choose an article from the list.'),
    pane,
    el('section', { id: 'review-pane', hidden: true, 'aria-label': 'Review' }),
    el('section', { id: 'agreement-pane', hidden: true, 'aria-label': 'Agreement' }),
  );

  const nameDialog = el(
    'dialog',
    { id: 'name-dialog', 'aria-labelledby': 'name-dialog-title' },
    el('h2', { id: 'name-dialog-title' }, 'Who is annotating?'),
    el('p', { class: 'muted' }, 'Your name is saved with every span you create. It is remembered on this computer.'),
    el('input', { id: 'analyst-name', type: 'text', dir: 'auto', autocomplete: 'name', maxlength: 80, placeholder: 'Your name' }),
    el('div', { class: 'dialog-actions' }, el('button', { type: 'button', id: 'analyst-save', class: 'btn btn-primary' }, 'Save')),
  );

  const importDialog = el(
    'dialog',
    { id: 'import-dialog', 'aria-labelledby': 'import-title' },
    el('h2', { id: 'import-title' }, 'Import report'),
    el('div', { id: 'import-report' }),
    el('div', { class: 'dialog-actions' }, el('button', { type: 'button', id: 'import-close', class: 'btn btn-primary' }, 'Close')),
  );

  const editor = el('div', { id: 'span-editor', class: 'popover', role: 'dialog', 'aria-label': 'Span', hidden: true });
  const chooser = el('div', { id: 'span-chooser', class: 'popover', role: 'dialog', 'aria-label': 'Choose a span', hidden: true });
  const relPicker = el('div', { id: 'rel-picker', class: 'popover', role: 'dialog', 'aria-label': 'Relation type', hidden: true });
  const relEditor = el('div', { id: 'rel-editor', class: 'popover', role: 'dialog', 'aria-label': 'Relation', hidden: true });
  const reviewEditor = el('div', { id: 'review-editor', class: 'popover', role: 'dialog', 'aria-label': 'Edit the gold span', hidden: true });
  const exportDialog = el('dialog', { id: 'export-dialog', 'aria-labelledby': 'export-title' });

  root.replaceChildren(topbar, el('div', { id: 'body' }, main, sidebar), nameDialog, importDialog, exportDialog, editor, chooser, relPicker, relEditor, reviewEditor);
}
