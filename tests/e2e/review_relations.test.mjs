// Relations, span attributes and entity links in review: two analysts' JSONL files (imported with the CLI) disagree
// on a relation's type, on an attribute value and on an entity link; the reviewer takes one version of each from
// the review panel (in English, then looks at it in Arabic), the agreement view reports relation F1 and linking
// accuracy, and the CLI's gold export carries all three.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { cli, cpRange, fixture, settle, shot, startApp, tempProject } from './harness.mjs';

// Made-up news text: Arabic with a Latin name and digits inside.
const TEXT = 'استقبلَ الوزيرُ سمير العلوي في الرباط يوم 3 يونيو 2025 المستشارَ Karl Weber لبحث التعاون.';
const TITLE = 'لقاء الرباط';
const MINISTER = 'الوزيرُ سمير العلوي';
const ADVISER = 'Karl Weber';
const RABAT = 'الرباط';

/** One analyst's line: three spans (ids 1–3 inside the line), a relation between the two people, a VISITS both
 * agree on, a certainty value on the adviser, and (for Salma) the minister linked to an entity. */
function record(annotator, { type, certainty, entity }) {
  const span = (id, s, label, extra = {}) => ({ id, ...cpRange(TEXT, s), label, annotator, ...extra });
  const rel = (id, from, to, t) => ({ id, from, to, type: t, annotator, note: '', created_at: '2026-11-20T10:00:00.000Z' });
  return (
    JSON.stringify({
      id: 'rel-review-1',
      title: TITLE,
      text: TEXT,
      spans: [span(1, MINISTER, 'PER', entity ? { entity } : {}), span(2, RABAT, 'LOC'), span(3, ADVISER, 'PER', { attrs: { certainty } })],
      relations: [rel(1, 1, 3, type), rel(2, 3, 2, 'VISITS')],
      tags: [],
    }) + '\n'
  );
}

const votes = (page, sel) =>
  page.$$eval(`${sel} .rel-vote`, (els) =>
    els.map((e) => {
      const what = e.querySelector('.rel-what').cloneNode(true);
      what.querySelector('.res')?.remove(); // the "in gold" mark: read from data-in-gold
      return `${e.dataset.annotator}:${what.textContent}:${e.dataset.inGold}`;
    }),
  );

test('review: relation type, attribute and entity link disagreements taken into gold and exported', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  cli(project.db, 'import', fixture(project.dir, 'salma.jsonl', record('Salma', { type: 'MEETS', certainty: 'reported', entity: 'E-alaoui' })));
  cli(project.db, 'import', fixture(project.dir, 'karim.jsonl', record('Karim', { type: 'ADVISES', certainty: 'certain', entity: null })));
  const { page, server, browser } = await startApp(t, project.db, 'Reviewer');

  await page.locator('#mode-review').click();
  await page.locator('#article-list [data-article-id]', { hasText: TITLE }).click();
  await page.locator('#review-relations').waitFor();
  await page.evaluate(async () => {
    await document.fonts.load('400 20px "Noto Naskh Arabic"', 'عربي');
    await document.fonts.ready;
  });

  // The three disagreements, each with both analysts' versions (Karim first: names in order).
  const rel = '#review-rel-list li[data-rel-dis]';
  assert.equal(await page.locator(rel).getAttribute('data-kind'), 'type');
  assert.deepEqual(await votes(page, rel), [`Karim:ADVISES ${MINISTER} PER → ${ADVISER} PER:false`, `Salma:MEETS ${MINISTER} PER – ${ADVISER} PER (both ways):false`]);
  const attr = '#review-rel-list li[data-attr="certainty"]';
  assert.deepEqual(await votes(page, attr), ['Karim:certain:false', 'Salma:reported:false']);
  const link = '#review-rel-list li[data-link-dis]';
  assert.deepEqual(await votes(page, link), ['Karim:not linked:false', `Salma:${MINISTER} E-alaoui:false`]);

  // Accept what both agree on: the three spans and the VISITS relation.
  await page.locator('#review-accept-agreeing').click();
  await page.locator('#review-gold-relations li[data-type="VISITS"]').waitFor();
  // An accepted span brings one analyst's value along: one version of the attribute is in gold, to be adjudicated.
  assert.equal((await votes(page, attr)).filter((v) => v.endsWith(':true')).length, 1);

  // Take Karim's relation type, Salma's attribute value and Salma's entity link.
  await page.locator(`${rel} .rel-vote[data-annotator="Karim"] [data-take]`).click();
  await page.locator(`${rel} .rel-vote[data-annotator="Karim"][data-in-gold="true"]`).waitFor();
  await page.locator(`${attr} .rel-vote[data-annotator="Salma"] [data-take]`).click();
  await page.locator(`${attr} .rel-vote[data-annotator="Salma"][data-in-gold="true"]`).waitFor();
  await page.locator(`${link} .rel-vote[data-annotator="Salma"] [data-take]`).click();
  await page.locator(`${link} .rel-vote[data-annotator="Salma"][data-in-gold="true"]`).waitFor();
  assert.deepEqual(await votes(page, rel), [`Karim:ADVISES ${MINISTER} PER → ${ADVISER} PER:true`, `Salma:MEETS ${MINISTER} PER – ${ADVISER} PER (both ways):false`]);
  assert.deepEqual(await votes(page, attr), ['Karim:certain:false', 'Salma:reported:true']);
  assert.deepEqual(await page.$$eval('#review-gold-relations li', (els) => els.map((e) => e.dataset.type).sort()), ['ADVISES', 'VISITS']);
  const log = await page.locator('#review-log ol').textContent();
  for (const d of ['relation rejected', 'relation accepted', 'attribute set', 'entity link set']) assert.ok(log.includes(d), `${d} in the log: ${log}`);
  assert.ok(log.includes('certainty = "reported"'), log);
  await shot(page, 'review-relations-en.png', page.locator('#review-relations'), 10);

  // The same panel in Arabic.
  await page.locator('#lang-btn').click();
  await page.locator('#review-relations h3', { hasText: 'العلاقات والسمات والروابط' }).waitFor();
  const [arVote] = await votes(page, `${rel}`);
  assert.equal(arVote, `Karim:ADVISES من ${MINISTER} PER إلى ${ADVISER} PER:true`);
  assert.equal(await page.locator(`${rel} .rel-vote[data-annotator="Karim"] .res`).textContent(), 'في الطبقة الذهبية');
  assert.equal(await page.locator(`${rel} .rel-vote[data-annotator="Karim"] [data-take]`).textContent(), 'اعتماد');
  await shot(page, 'review-relations-ar.png', page.locator('#review-relations'), 10);
  await page.locator('#lang-btn').click();

  // The agreement view: relation F1 and entity linking accuracy of the pair (Salma linked, Karim did not).
  await page.locator('#mode-agreement').click();
  const row = page.locator('#agreement-relations tr[data-pair="Karim|Salma"]');
  await row.waitFor();
  const metric = (k) => row.locator(`[data-metric="${k}"]`).getAttribute('data-value');
  assert.equal(await metric('relations.f1'), '0.5');
  assert.equal(await metric('linking_accuracy'), '0');
  assert.match(await page.locator('#agreement-rules').textContent(), /Entity links: linking accuracy/);
  await page.locator('#mode-review').click();
  await page.locator('#review-relations').waitFor();

  // A reload shows the same decisions, stored.
  await page.reload();
  await page.locator('body[data-ready=true]').waitFor();
  await page.locator(`${rel} .rel-vote[data-annotator="Karim"][data-in-gold="true"]`).waitFor();
  assert.deepEqual(browser.errors, []);
  await settle(page);
  await server.stop();

  // The gold export: the reviewer's relations between gold spans, the value taken, the entity link.
  const [rec] = cli(project.db, 'export', '--format', 'jsonl', '--gold', '--include-unadjudicated')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const byId = new Map(rec.spans.map((s) => [s.id, s]));
  const rels = rec.relations.map((r) => `${r.type}:${byId.get(r.from).text}>${byId.get(r.to).text}:${r.annotator}`).sort();
  assert.deepEqual(rels, [`ADVISES:${MINISTER}>${ADVISER}:Reviewer`, `VISITS:${ADVISER}>${RABAT}:Reviewer`]);
  const adviser = rec.spans.find((s) => s.text === ADVISER);
  assert.deepEqual(adviser.attrs, { certainty: 'reported' });
  assert.equal(rec.spans.find((s) => s.text === MINISTER).entity, 'E-alaoui');
  // brat standoff: the same relations as R lines between the gold T lines.
  const dir = path.join(project.dir, 'brat');
  cli(project.db, 'export', '--format', 'brat', '--gold', '--include-unadjudicated', '--out', dir);
  const ann = readFileSync(path.join(dir, readdirSync(dir).find((f) => f.endsWith('.ann'))), 'utf8');
  assert.deepEqual(ann.split('\n').filter((l) => l.startsWith('R')).map((l) => l.split('\t')[1].split(' ')[0]).sort(), ['ADVISES', 'VISITS']);
  // The analysts' own relations are untouched.
  const analysts = cli(project.db, 'export', '--format', 'jsonl').trim().split('\n').map((l) => JSON.parse(l))[0];
  assert.deepEqual(analysts.relations.map((r) => `${r.annotator}:${r.type}`).sort(), ['Karim:ADVISES', 'Karim:VISITS', 'Salma:MEETS', 'Salma:VISITS']);
});
