// Relations' pure logic: which relation types fit two spans' labels, the side list's lines, a span's relations,
// and the short text of a span's attribute values (the badge on its highlight).

import type { Relation, RelationType, SpanAttribute } from './bindings';

interface Labelled {
  id: number;
  label: string;
  text: string;
  annotator: string;
}

const fits = (allowed: readonly string[], label: string) => allowed.length === 0 || allowed.includes(label);

/** Does a relation of type `rt` fit from a span labelled `from` to one labelled `to`? A symmetric type fits
 * either way round. */
export function typeFits(rt: RelationType, from: string, to: string): boolean {
  const ahead = fits(rt.from_labels, from) && fits(rt.to_labels, to);
  return ahead || (!rt.directed && fits(rt.from_labels, to) && fits(rt.to_labels, from));
}

/** The relation types offered between two spans, in schema order. */
export function typesFor(types: readonly RelationType[], from: Labelled, to: Labelled): RelationType[] {
  return types.filter((rt) => typeFits(rt, from.label, to.label));
}

/** Can a span labelled `label` stand at either end of some relation type? */
export function canRelate(types: readonly RelationType[], label: string): boolean {
  return types.some((rt) => fits(rt.from_labels, label) || fits(rt.to_labels, label));
}

/** The type whose key is `key` among `types` (case-insensitive), if any. */
export function typeByKey(types: readonly RelationType[], key: string): RelationType | undefined {
  const k = key.toLowerCase();
  return k ? types.find((rt) => rt.hotkey && rt.hotkey.toLowerCase() === k) : undefined;
}

/** The relations with `spanId` at either end. */
export function relationsOf(rels: readonly Relation[], spanId: number): Relation[] {
  return rels.filter((r) => r.from === spanId || r.to === spanId);
}

/** A relation as the side list shows it: its two ends and the link between them (`—MEETS—`, `—VISITS→`). */
export interface RelLine {
  from: { label: string; text: string } | null;
  link: string;
  to: { label: string; text: string } | null;
}

/** `rtl`: the line is read right to left (the Arabic interface): the arrow points left, to the target. */
export function relLine(rel: Relation, spans: readonly Labelled[] | ReadonlyMap<number, Labelled>, directed: boolean, rtl = false): RelLine {
  const end = (id: number) => {
    const s = spans instanceof Map ? spans.get(id) : (spans as readonly Labelled[]).find((x) => x.id === id);
    return s ? { label: s.label, text: s.text } : null;
  };
  const link = rtl ? `${directed ? '←' : '—'}${rel.type}—` : `—${rel.type}${directed ? '→' : '—'}`;
  return { from: end(rel.from), link, to: end(rel.to) };
}

/** Relations in the order of their first end in the text (then by id), for the side list and its keys. */
export function inTextOrder<R extends Relation>(rels: readonly R[], starts: Map<number, number>): R[] {
  const at = (r: R) => Math.min(starts.get(r.from) ?? Infinity, starts.get(r.to) ?? Infinity);
  return [...rels].sort((a, b) => at(a) - at(b) || a.id - b.id);
}

/** The values of a span's attributes that differ from their defaults, shortly ("reported", "negated"). */
export function attrBadge(label: string, attrs: Record<string, boolean | string> | undefined, defs: readonly SpanAttribute[]): string {
  if (!attrs) return '';
  const out: string[] = [];
  for (const d of defs) {
    if (d.label !== label || !(d.name in attrs)) continue;
    const v = attrs[d.name];
    if (String(v) === d.default) continue;
    if (d.kind === 'bool') {
      if (v === true) out.push(d.name);
    } else if (typeof v === 'string' && v !== '') out.push(d.kind === 'text' ? `${d.name}: ${v.length > 12 ? `${v.slice(0, 12)}…` : v}` : v);
  }
  return out.join(' · ');
}

/** The attribute values a span starts with (its label's defaults) merged with what it holds. */
export function attrValues(label: string, attrs: Record<string, boolean | string> | undefined, defs: readonly SpanAttribute[]): Record<string, boolean | string> {
  const out: Record<string, boolean | string> = {};
  for (const d of defs) {
    if (d.label !== label) continue;
    const v = attrs?.[d.name];
    if (v !== undefined) out[d.name] = v;
    else if (d.kind === 'bool') out[d.name] = d.default === 'true';
    else out[d.name] = d.default;
  }
  return out;
}

/** The attribute change a key asks for on a span (a bool's key toggles it, a choice's key picks it), if any. */
export function attrByKey(label: string, current: Record<string, boolean | string>, defs: readonly SpanAttribute[], key: string): Record<string, boolean | string> | null {
  const k = key.toLowerCase();
  if (!k) return null;
  for (const d of defs) {
    if (d.label !== label) continue;
    if (d.kind === 'bool' && d.keys[0]?.toLowerCase() === k) return { ...current, [d.name]: !current[d.name] };
    if (d.kind === 'choice') {
      const i = d.keys.findIndex((x) => x && x.toLowerCase() === k);
      if (i >= 0 && i < d.choices.length) return { ...current, [d.name]: d.choices[i] };
    }
  }
  return null;
}
