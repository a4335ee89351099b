// The article header controls: status buttons (todo / in progress / done) and article-tag chips.

import type { Status } from './bindings';
import { byId, el, safeColor } from './dom';
import { describe, myStatus, state, STATUS_TEXT, tagLabels } from './state';
import { guard } from './toast';
import { t } from './i18n';

const STATUSES: Status[] = ['todo', 'in_progress', 'done'];

/** Render the three status buttons; the current analyst's status is pressed. */
export function renderStatus(set: (s: Status) => Promise<void>): void {
  const box = byId('status');
  const current = myStatus();
  box.replaceChildren(
    ...STATUSES.map((s) => {
      const b = el(
        'button',
        { type: 'button', class: `seg seg-${s}`, 'data-status': s, 'aria-pressed': String(s === current), title: s === 'done' ? t('markDoneTitle') : undefined },
        STATUS_TEXT[s],
      );
      b.addEventListener('click', guard(() => set(s), t('errStatus')));
      return b;
    }),
  );
}

/** Render tag chips; pressed when the current analyst has set the tag. Others' tags show as a count. */
export function renderTags(toggle: (label: string, on: boolean) => Promise<void>): void {
  const box = byId('tags');
  const tags = state.view?.tags ?? [];
  box.replaceChildren(
    ...tagLabels().map((l) => {
      const mine = tags.some((t) => t.label === l.name && t.annotator === state.analyst);
      const others = tags.filter((t) => t.label === l.name && t.annotator !== state.analyst).map((t) => t.annotator);
      const dot = el('span', { class: 'swatch' });
      dot.style.backgroundColor = safeColor(l.color);
      const b = el(
        'button',
        { type: 'button', class: 'chip tag', 'data-tag': l.name, 'aria-pressed': String(mine), title: [describe(l), others.length ? t('alsoTaggedBy', { names: others.join(t('listSep')) }) : ''].filter(Boolean).join('\n') },
        dot,
        l.name,
        others.length ? el('span', { class: 'count' }, `+${others.length}`) : null,
        l.hotkey ? el('kbd', {}, l.hotkey) : null,
      );
      b.addEventListener('click', guard(() => toggle(l.name, !mine), t('errTag')));
      return b;
    }),
  );
}
