// Keyboard shortcuts: label hotkeys label the selection, tag hotkeys toggle tags, Ctrl+Enter marks done, Esc closes.

import { applyLabel } from './annotate';
import { setStatus, toggleTag } from './article';
import { closePopovers } from './spanEditor';
import { spanLabels, state, tagLabels } from './state';
import { guard } from './toast';

/** The key pressed, lower-cased, preferring the physical key with Alt (Alt can change e.key). */
function keyOf(e: KeyboardEvent): string {
  if (e.code.startsWith('Key')) return e.code.slice(3).toLowerCase();
  if (e.code.startsWith('Digit')) return e.code.slice(5);
  return e.key.toLowerCase();
}

function typing(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  return t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || !!t.closest('dialog[open]');
}

export function initHotkeys(): void {
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      closePopovers();
      return;
    }
    if (typing(e) || !state.view || e.repeat) return;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      guard(() => setStatus('done'), 'Marking done failed')();
      return;
    }
    if (e.ctrlKey || e.metaKey) return;
    const k = keyOf(e);
    const span = spanLabels().find((l) => l.hotkey && l.hotkey.toLowerCase() === k);
    if (span) {
      e.preventDefault();
      guard(() => applyLabel(span.name, e.altKey), 'Adding the span failed')();
      return;
    }
    const tag = tagLabels().find((l) => l.hotkey && l.hotkey.toLowerCase() === k);
    if (tag && !e.altKey) {
      e.preventDefault();
      const on = !(state.view.tags ?? []).some((t) => t.label === tag.name && t.annotator === state.analyst);
      guard(() => toggleTag(tag.name, on), 'Changing the tag failed')();
    }
  });
}
