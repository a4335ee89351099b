// Keyboard shortcuts: label hotkeys label the selection, tag hotkeys toggle tags, Ctrl+Enter marks done, Esc closes.

import { applyLabel } from './annotate';
import { setStatus, toggleTag } from './article';
import { closePopovers } from './spanEditor';
import { typing } from './dom';
import { spanLabels, state, tagLabels } from './state';
import { guard } from './toast';
import { t } from './i18n';

/** Keys to match, in order: the typed character, then the physical key (so hotkeys also work
 * with an Arabic keyboard layout or while Alt changes the character). */
export function keysOf(e: KeyboardEvent): string[] {
  const out = [e.key.toLowerCase()];
  if (e.code.startsWith('Key')) out.push(e.code.slice(3).toLowerCase());
  else if (e.code.startsWith('Digit')) out.push(e.code.slice(5));
  return out;
}

export function find<T extends { hotkey: string }>(labels: T[], keys: string[]): T | undefined {
  for (const k of keys) {
    const hit = labels.find((l) => l.hotkey && l.hotkey.toLowerCase() === k);
    if (hit) return hit;
  }
  return undefined;
}

export function initHotkeys(): void {
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      closePopovers();
      return;
    }
    if (state.mode !== 'annotate' || typing(e) || !state.view || e.repeat) return;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      guard(() => setStatus('done'), t('errMarkDone'))();
      return;
    }
    if (e.ctrlKey || e.metaKey) return;
    const keys = keysOf(e);
    const span = find(spanLabels(), keys);
    if (span) {
      e.preventDefault();
      guard(() => applyLabel(span.name, e.altKey), t('errAddSpan'))();
      return;
    }
    const tag = find(tagLabels(), keys);
    if (tag && !e.altKey) {
      e.preventDefault();
      const on = !(state.view.tags ?? []).some((t) => t.label === tag.name && t.annotator === state.analyst);
      guard(() => toggleTag(tag.name, on), t('errTag'))();
    }
  });
}
