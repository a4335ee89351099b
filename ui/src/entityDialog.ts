// Entities: link a span (ranked proposals or a new entity), the entity view (names, aliases, articles in context,
// co-occurring entities; merge, split, filter the list) and "link all mentions" (accept all or one by one, one undoable step).

import { call } from './api';
import { blindChosen } from './blind';
import { openArticle, refreshAnnotations } from './article';
import type { EntitySummary, EntityView, LinkedMentions, Mention, Occurrence, Span } from './bindings';
import { el } from './dom';
import { recordEdit } from './edits';
import { count as countOf, t } from './i18n';
import { majorityDir } from './direction';
import { state } from './state';
import { guard, toast } from './toast';

function dialog(): HTMLDialogElement {
  let d = document.getElementById('ent-dialog') as HTMLDialogElement | null;
  if (!d) {
    d = el('dialog', { id: 'ent-dialog', class: 'wide-dialog', 'aria-labelledby': 'ent-title' });
    document.body.append(d);
  }
  return d;
}

function show(d: HTMLDialogElement, ...children: (Node | null)[]): void {
  d.replaceChildren(...children.filter((c): c is Node => c !== null));
  if (!d.open) d.showModal();
}

/** An occurrence in context, as text: before, the mention (marked), after. */
function context(o: Occurrence): HTMLElement {
  return el('span', { class: 'occ-context', dir: majorityDir(o.before + o.text + o.after), lang: 'ar' }, el('span', { class: 'occ-side' }, o.before), el('mark', { class: 'occ-hit' }, o.text), el('span', { class: 'occ-side' }, o.after));
}

const close = () => el('button', { type: 'button', class: 'btn', id: 'ent-close' }, t('close'));

/** Link the analyst's span: ranked proposals (Enter links the first), or a new entity from the span. */
export async function openLinking(span: Span): Promise<void> {
  const d = dialog();
  const proposals = await call('entity_proposals', { span_id: span.id });
  const list = el('div', { id: 'ent-proposals', class: 'occ-list', role: 'list' });
  const link = async (id: string | null) => {
    const r = await call('link_span', { annotator: state.analyst, span_id: span.id, entity: id ?? undefined });
    const before = r.before;
    recordEdit({
      label: t('hLinkSpan'),
      articles: [span.article_id],
      undo: async () => void (await call('link_span', { annotator: state.analyst, span_id: span.id, entity: before ?? undefined })),
      redo: async () => void (await call('link_span', { annotator: state.analyst, span_id: span.id, entity: id ?? undefined })),
    });
    await refreshAnnotations();
  };
  proposals.forEach((p, i) => {
    const b = el(
      'button',
      { type: 'button', class: 'pop-item ent-proposal', 'data-entity-id': p.id, 'data-rank': i },
      el('strong', { dir: 'auto' }, p.name),
      el('span', { class: 'muted small' }, p.type),
      el('span', { class: 'muted small', dir: 'auto' }, p.partial ? t('entPartial', { alias: p.alias }) : t('entAlias', { alias: p.alias })),
      el('span', { class: 'badge' }, countOf(Number(p.mentions), 'mention')),
    );
    b.addEventListener('click', guard(async () => (await link(p.id), await openEntity(p.id)), t('errEntity')));
    list.append(b);
  });
  const create = el('button', { type: 'button', class: 'btn btn-primary', id: 'ent-new' }, t('entNew'));
  create.addEventListener('click', guard(async () => {
    const e = await call('create_entity', { annotator: state.analyst, span_id: span.id });
    recordEdit({
      label: t('hLinkSpan'),
      articles: [span.article_id],
      undo: async () => void (await call('link_span', { annotator: state.analyst, span_id: span.id })),
      redo: async () => void (await call('link_span', { annotator: state.analyst, span_id: span.id, entity: e.id })),
    });
    await refreshAnnotations();
    await openEntity(e.id);
  }, t('errEntity')));
  const unlink = span.entity ? el('button', { type: 'button', class: 'btn', id: 'ent-unlink' }, t('entUnlink')) : null;
  unlink?.addEventListener('click', guard(async () => (await link(null), d.close()), t('errEntity')));
  const c = close();
  c.addEventListener('click', () => d.close());
  show(
    d,
    el('h2', { id: 'ent-title' }, t('entLinkTitle'), el('bdi', { dir: 'auto' }, span.text)),
    el('p', { class: 'muted small', role: 'status', id: 'ent-status' }, proposals.length ? t('entProposals', { n: proposals.length }) : t('entNoProposals')),
    list,
    el('div', { class: 'dialog-actions' }, c, unlink, create),
  );
  (list.querySelector<HTMLElement>('button') ?? create).focus();
}

/** The entity view: names, aliases, the articles mentioning it (counts and context), co-occurring entities. */
export async function openEntity(id: string): Promise<void> {
  const d = dialog();
  const v: EntityView = await call('get_entity', { id, annotator: state.analyst, blind: blindChosen() });
  const aliases = el('ul', { class: 'ent-aliases', id: 'ent-aliases' });
  for (const a of v.aliases) {
    const li = el('li', { class: 'chip', dir: 'auto' }, a);
    if (a !== v.name) {
      const split = el('input', { type: 'checkbox', 'data-alias': a, 'aria-label': t('entSplitPick', { alias: a }) });
      li.prepend(split);
    }
    aliases.append(li);
  }
  const articles = el('div', { class: 'occ-list', id: 'ent-articles' });
  for (const a of v.by_article) {
    const open = el('button', { type: 'button', class: 'btn btn-ghost small ent-open', 'data-article-id': a.article_id }, el('bdi', { dir: 'auto' }, a.title || t('untitled')), ' ', el('span', { class: 'badge' }, countOf(Number(a.mentions), 'mention')));
    open.addEventListener('click', guard(async () => (d.close(), await openArticle(a.article_id)), t('errEntity')));
    articles.append(el('div', { class: 'occ-row ent-article' }, open, ...a.contexts.map((c) => el('div', {}, context(c)))));
  }
  // Its relations: the arrow points from source to target in reading order (← in Arabic, → in
  // English); a symmetric type has a plain dash. The other end opens its entity when it has one.
  const rels = el('div', { class: 'occ-list', id: 'ent-relations' });
  for (const r of v.relations) {
    const arrow = !r.directed ? '—' : (r.outgoing === (document.documentElement.dir === 'rtl')) ? '←' : '→';
    const other = el('bdi', { dir: 'auto' }, r.other_name ?? r.other_text);
    const otherEl = r.other_entity
      ? el('button', { type: 'button', class: 'chip', 'data-entity-id': r.other_entity }, other)
      : el('span', {}, other);
    const entity = r.other_entity;
    if (entity) otherEl.addEventListener('click', guard(() => openEntity(entity), t('errEntity')));
    const open = el('button', { type: 'button', class: 'btn btn-ghost small ent-open', 'data-article-id': r.article_id }, el('bdi', { dir: 'auto' }, r.title || t('untitled')));
    open.addEventListener('click', guard(async () => (d.close(), await openArticle(r.article_id)), t('errEntity')));
    rels.append(el('div', { class: 'occ-row ent-relation', 'data-type': r.type },
      el('bdi', { dir: 'auto' }, v.name), ` ${arrow} `, el('strong', {}, r.type), ` ${arrow} `,
      el('span', { class: 'badge' }, r.other_label), ' ', otherEl, ' ',
      el('span', { class: 'muted small' }, t('entRelBy', { who: r.annotator })), ' ', open));
  }
  const co = el('div', { class: 'ent-co', id: 'ent-co' });
  for (const c of v.cooccurring) {
    const b = el('button', { type: 'button', class: 'chip', 'data-entity-id': c.id }, el('bdi', { dir: 'auto' }, c.name), ' ', el('span', { class: 'muted small' }, `${c.type} · ${countOf(Number(c.articles), 'article')}`));
    b.addEventListener('click', guard(() => openEntity(c.id), t('errEntity')));
    co.append(b);
  }
  const linkAll = el('button', { type: 'button', class: 'btn btn-primary', id: 'ent-link-all' }, t('entLinkAll'));
  linkAll.addEventListener('click', guard(() => openMentions(id), t('errEntity')));
  const filter = el('button', { type: 'button', class: 'btn', id: 'ent-filter' }, t('entFilter'));
  filter.addEventListener('click', () => {
    d.close();
    document.dispatchEvent(new CustomEvent('hashiya:entity-filter', { detail: { id: v.id, name: v.name } }));
  });
  const split = el('button', { type: 'button', class: 'btn', id: 'ent-split' }, t('entSplit'));
  split.addEventListener('click', guard(async () => {
    const picked = [...aliases.querySelectorAll<HTMLInputElement>('input[data-alias]:checked')].map((b) => b.dataset.alias!);
    if (!picked.length) return toast(t('entSplitNone'), 'info');
    const n = await call('split_entity', { annotator: state.analyst, id: v.id, aliases: picked });
    recordEdit({
      label: t('hSplit'),
      articles: [],
      undo: async () => void (await call('merge_entities', { annotator: state.analyst, into: v.id, from: n.id })),
      redo: async () => toast(t('entNoRedo'), 'info'),
    });
    await openEntity(n.id);
  }, t('errEntity')));
  const mergeSel = el('select', { id: 'ent-merge-into', 'aria-label': t('entMergeAria') }, el('option', { value: '' }, t('entMergePick')));
  const others: EntitySummary[] = (await call('list_entities', { label: v.type, annotator: state.analyst, blind: blindChosen() })).filter((e) => e.id !== v.id);
  for (const o of others) mergeSel.append(el('option', { value: o.id }, `${o.name} (${o.aliases.length})`));
  const merge = el('button', { type: 'button', class: 'btn', id: 'ent-merge' }, t('entMerge'));
  merge.addEventListener('click', guard(async () => {
    const from = mergeSel.value;
    if (!from) return toast(t('entMergePick'), 'info');
    const r = await call('merge_entities', { annotator: state.analyst, into: v.id, from });
    let mergeId = r.merge_id;
    recordEdit({
      label: t('hMerge'),
      articles: [],
      undo: async () => void (await call('unmerge_entities', { merge_id: mergeId })),
      redo: async () => void (mergeId = (await call('merge_entities', { annotator: state.analyst, into: v.id, from })).merge_id),
    });
    toast(t('entMerged'), 'success');
    await openEntity(v.id);
  }, t('errEntity')));
  const c = close();
  c.addEventListener('click', () => d.close());
  const facts = [v.latin ? el('span', { dir: 'ltr', id: 'ent-latin' }, v.latin) : null, v.external_id ? el('code', { id: 'ent-external' }, v.external_id) : null].filter((x): x is HTMLElement => x !== null);
  show(
    d,
    el('h2', { id: 'ent-title' }, el('bdi', { dir: 'auto', id: 'ent-name' }, v.name), ' ', el('span', { class: 'badge' }, v.type)),
    el('p', { class: 'muted small', id: 'ent-summary', role: 'status' }, t('entSummary', { mentions: countOf(Number(v.mentions), 'mention'), articles: countOf(v.by_article.length, 'article', { gen: true }) }), ...facts.flatMap((f) => [' · ', f])),
    el('h3', {}, t('entAliases')),
    aliases,
    el('h3', {}, t('entArticles')),
    articles,
    el('h3', {}, t('entCo')),
    v.cooccurring.length ? co : el('p', { class: 'muted small' }, t('entNoCo')),
    el('h3', {}, t('entRelations')),
    v.relations.length ? rels : el('p', { class: 'muted small' }, t('entNoRelations')),
    el('div', { class: 'occ-controls' }, mergeSel, merge, split),
    el('div', { class: 'dialog-actions' }, c, filter, linkAll),
  );
  linkAll.focus();
}

const ACTIONS: Record<Mention['action'], string> = { create: 'entCreate', link: 'entLinkSpan', linked: 'entLinked', other: 'entOther' };

/** Every mention of the entity in the corpus; accept all, or tick them one by one; one undoable step. */
export async function openMentions(id: string): Promise<void> {
  const d = dialog();
  const r = await call('entity_mentions', { id, annotator: state.analyst });
  const todo = r.items.filter((m) => m.action === 'create' || m.action === 'link');
  const list = el('div', { class: 'occ-list', id: 'ent-mentions' });
  r.items.forEach((m, i) => {
    const can = m.action === 'create' || m.action === 'link';
    const box = el('input', { type: 'checkbox', 'data-mention': i, id: `ent-m-${i}` });
    box.checked = can;
    box.disabled = !can;
    list.append(
      el('label', { class: 'occ-row', for: `ent-m-${i}`, 'data-action': m.action }, box, el('span', { class: 'occ-body' }, context(m), el('span', { class: 'occ-meta muted small' }, el('bdi', { dir: 'auto', class: 'occ-title' }, m.title || t('untitled')), el('span', { class: 'badge' }, t(ACTIONS[m.action] as never)), m.variant !== 'exact' ? el('span', { class: 'badge occ-variant' }, t('variantSpelling')) : null))),
    );
  });
  const boxes = () => [...list.querySelectorAll<HTMLInputElement>('input[data-mention]:checked')];
  const accept = el('button', { type: 'button', class: 'btn btn-primary', id: 'ent-accept' }, t('entAcceptTicked'));
  const acceptAll = el('button', { type: 'button', class: 'btn', id: 'ent-accept-all' }, t('entAcceptAll', { n: todo.length }));
  const apply = async (places: Mention[]) => {
    if (!places.length) return;
    const req = { id, annotator: state.analyst, places: places.map((m) => ({ article_id: m.article_id, start: m.start, end: m.end })) };
    let done: LinkedMentions = await call('link_mentions', req);
    recordEdit({
      label: t('hLinkAll', { n: done.created.length + done.linked.length }),
      articles: [...new Set(places.map((p) => p.article_id))],
      undo: async () => void (await call('undo_link_mentions', { annotator: state.analyst, done })),
      redo: async () => void (done = await call('link_mentions', req)),
    });
    toast(t('entLinkedN', { created: done.created.length, linked: done.linked.length }), 'success');
    await refreshAnnotations();
    await openEntity(id);
  };
  accept.addEventListener('click', guard(() => apply(boxes().map((b) => r.items[Number(b.dataset.mention)])), t('errEntity')));
  acceptAll.addEventListener('click', guard(() => apply(todo), t('errEntity')));
  const back = el('button', { type: 'button', class: 'btn', id: 'ent-back' }, t('entBack'));
  back.addEventListener('click', guard(() => openEntity(id), t('errEntity')));
  const articles = new Set(r.items.map((m) => m.article_id)).size;
  show(
    d,
    el('h2', { id: 'ent-title' }, t('entMentionsTitle')),
    el('p', { class: 'muted small', role: 'status', id: 'ent-status' }, t('entMentionsFound', { mentions: countOf(r.items.length, 'mention'), articles: countOf(articles, 'article', { gen: true }), todo: todo.length })),
    list,
    el('div', { class: 'dialog-actions' }, back, acceptAll, accept),
  );
  acceptAll.focus();
}

/** The registry: every entity, by name; Enter or a click opens its view. */
export async function openRegistry(): Promise<void> {
  const d = dialog();
  const all = await call('list_entities', { annotator: state.analyst, blind: blindChosen() });
  const list = el('div', { class: 'pop-list', id: 'ent-registry' });
  for (const e of all) {
    const b = el('button', { type: 'button', class: 'pop-item', 'data-entity-id': e.id }, el('strong', { dir: 'auto' }, e.name), el('span', { class: 'muted small' }, e.type), el('span', { class: 'muted small' }, t('entCounts', { aliases: e.aliases.length, mentions: countOf(Number(e.mentions), 'mention') })));
    b.addEventListener('click', guard(() => openEntity(e.id), t('errEntity')));
    list.append(b);
  }
  const c = close();
  c.addEventListener('click', () => d.close());
  show(d, el('h2', { id: 'ent-title' }, t('entRegistry')), all.length ? list : el('p', { class: 'muted' }, t('entNone')), el('div', { class: 'dialog-actions' }, c));
  (list.querySelector<HTMLElement>('button') ?? c).focus();
}
