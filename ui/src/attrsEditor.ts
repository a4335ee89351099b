// The span editor's attributes: a checkbox per yes/no attribute, a select per list, an input per free text, each
// with its key; saved at once (the whole set). Read-only (values as text) for another analyst's span.

import type { Span } from './bindings';
import { el } from './dom';
import { attrValues } from './relModel';
import { state } from './state';
import { t } from './i18n';

const keyHint = (k: string | undefined) => (k ? el('kbd', {}, k.toUpperCase()) : null);

/** The attribute fields of `span`'s label (null when its label has none); `save` gets the new whole set, or
 * is null for a read-only view. */
export function attrFields(span: Span, save: ((values: Record<string, boolean | string>) => void) | null): HTMLElement | null {
  const defs = (state.project?.attributes ?? []).filter((d) => d.label === span.label);
  if (defs.length === 0) return null;
  const values = attrValues(span.label, span.attrs, defs);
  const box = el('fieldset', { class: 'pop-attrs', id: 'span-attrs', 'aria-label': t('attrsAria') }, el('legend', { class: 'muted small' }, t('attrsTitle')));
  const put = (name: string, v: boolean | string) => save?.({ ...values, [name]: v });
  for (const d of defs) {
    const v = values[d.name];
    const id = `attr-${d.id}`;
    if (!save) {
      const shown = d.kind === 'bool' ? (v ? '✓' : '✗') : String(v || t('attrsNone'));
      box.append(el('div', { class: 'pop-attr small' }, el('span', { class: 'muted' }, `${d.name}: `), el('bdi', { dir: 'auto' }, shown)));
      continue;
    }
    if (d.kind === 'bool') {
      const c = el('input', { type: 'checkbox', id, 'data-attr': d.name });
      c.checked = v === true;
      c.addEventListener('change', () => put(d.name, c.checked));
      box.append(el('label', { class: 'pop-attr', for: id }, c, ` ${d.name} `, keyHint(d.keys[0])));
    } else if (d.kind === 'choice') {
      const s = el('select', { id, 'data-attr': d.name });
      for (const [i, c] of d.choices.entries()) {
        const o = el('option', { value: c }, d.keys[i] ? `${c} (${d.keys[i].toUpperCase()})` : c);
        s.append(o);
      }
      if (!d.choices.includes(String(v))) s.append(el('option', { value: '' }, t('attrsNone')));
      s.value = String(v);
      s.addEventListener('change', () => put(d.name, s.value));
      box.append(el('label', { class: 'pop-attr', for: id }, `${d.name} `, s));
    } else {
      const i = el('input', { type: 'text', id, dir: 'auto', 'data-attr': d.name });
      i.value = String(v ?? '');
      i.addEventListener('change', () => put(d.name, i.value));
      box.append(el('label', { class: 'pop-attr', for: id }, `${d.name} `, i));
    }
  }
  return box;
}
