// The open article's title: shown in the head, edited in place (a click or F2; Enter saves, Escape cancels).
// Only the title changes (set_title); the text, and so every offset, stays as imported.

import { refreshList } from './articleList';
import { byId, el } from './dom';
import * as edits from './edits';
import { state } from './state';
import { guard, toast } from './toast';
import { isolate, onLangChange, t } from './i18n';

let editing: HTMLInputElement | null = null;

/** Show the open article's title, with who last edited it in the tooltip. */
export function showTitle(): void {
  const v = state.view;
  const h = byId('article-title');
  if (!v) return;
  // Another article opened while a title was being edited: that edit is dropped.
  if (editing && editing.dataset.article !== String(v.article.id)) close();
  h.textContent = v.article.title || t('untitled');
  h.tabIndex = 0;
  const e = v.title_edit;
  h.title = [t('titleEditHint'), e?.edited_by ? t('titleEditedBy', { name: isolate(e.edited_by), when: (e.edited_at ?? '').replace('T', ' ').slice(0, 16) + ' UTC' }) : '']
    .filter(Boolean)
    .join('\n');
}

function close(): void {
  editing?.remove();
  editing = null;
  byId('article-title').hidden = false;
}

async function save(input: HTMLInputElement): Promise<void> {
  const v = state.view;
  if (!v) return close();
  const title = input.value.trim();
  if (!title) {
    toast(t('titleEmpty'), 'error');
    input.focus();
    return;
  }
  if (title !== v.article.title) {
    const res = await edits.setTitle(v.article.id, v.article.title, title);
    if (state.view?.article.id === res.article_id) {
      state.view.article.title = res.title;
      state.view.title_edit = res;
    }
  }
  close();
  showTitle();
  byId('article-title').focus();
  await refreshList();
}

/** Edit the open article's title in place. */
export function editTitle(): void {
  if (!state.view || editing) return;
  const h = byId('article-title');
  const input = el('input', {
    type: 'text',
    id: 'article-title-input',
    dir: 'auto',
    maxlength: '500',
    autocomplete: 'off',
    'aria-label': t('titleInputLabel'),
  });
  input.value = state.view.article.title;
  input.dataset.article = String(state.view.article.id);
  input.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      guard(() => save(input), t('errTitle'))();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
      h.focus();
    }
  });
  // Leaving the field without Enter keeps the old title.
  input.addEventListener('blur', () => window.setTimeout(() => editing === input && close(), 0));
  h.hidden = true;
  h.after(input);
  editing = input;
  input.focus();
  input.select();
}

/** A click on the title (not the end of a drag selecting part of it) or Enter/F2 on it starts an edit. */
export function wireTitle(): void {
  const h = byId('article-title');
  // The tooltip and "(untitled)" follow a language switch.
  onLangChange(showTitle);
  h.addEventListener('click', () => {
    if (window.getSelection()?.isCollapsed === false) return;
    editTitle();
  });
  h.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      e.stopPropagation();
      editTitle();
    }
  });
}
