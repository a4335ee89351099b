// Test 6: the whole review flow — two analysts' JSONL files imported with the CLI, disagreements walked with the
// keyboard and resolved each way (accept, reject, add, remove, edit), agreeing spans accepted, article adjudicated,
// and the gold layer exported by the CLI with exact code-point offsets.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cli, fixture, launch, openApp, serve, shot, tempProject, startApp, settle, cpRange } from './harness.mjs';

// Harakat, shadda, Latin words and digits inside Arabic.
const TEXT = 'أعلنَ الرئيسُ عبدُ الفتّاح السيسي في القاهرة يوم 12 مارس 2024 أنّ شركة Siemens AG ستبني محطةً جديدة في مدينة العلمين.';
const TITLE = 'محطة العلمين';
const cp = (s) => cpRange(TEXT, s);
const span = (s, label, annotator) => ({ ...cp(s), label, annotator });
const record = (annotator, spans, tags) =>
  JSON.stringify({ id: 'review-1', title: TITLE, text: TEXT, spans, tags: tags.map((label) => ({ label, annotator })), status: [{ annotator, status: 'done', updated_at: '2026-11-20T10:00:00.000Z' }] }) + '\n';

const salma = [
  span('عبدُ الفتّاح السيسي', 'PER', 'Salma'), // agreed
  span('القاهرة', 'LOC', 'Salma'), // agreed
  span('12 مارس 2024', 'DATE', 'Salma'), // boundary
  span('شركة Siemens AG', 'ORG', 'Salma'), // missing in Karim
  span('العلمين', 'LOC', 'Salma'), // label
];
const karim = [
  span('عبدُ الفتّاح السيسي', 'PER', 'Karim'),
  span('القاهرة', 'LOC', 'Karim'),
  span('مارس 2024', 'DATE', 'Karim'),
  span('العلمين', 'ORG', 'Karim'),
];
const codePoints = (s, a, b) => [...s].slice(a, b).join('');

async function items(page) {
  return page.$$eval('#review-dis-list .dis-item', (els) =>
    els.map((e) => ({ kind: e.dataset.kind, res: e.dataset.resolution, current: e.getAttribute('aria-current') === 'true', text: e.querySelector('.dis-text').textContent, label: e.querySelector('.lbl').textContent })),
  );
}
const currentIndex = async (page) => (await items(page)).findIndex((i) => i.current);
const goldTexts = (page) => page.$$eval('#review-gold-list li', (els) => els.map((e) => `${e.querySelector('.lbl').textContent}:${e.querySelector('.dis-text').textContent}`));
async function waitRes(page, index, res) {
  await page.locator(`#review-dis-list .dis-item[data-dis-index="${index}"][data-resolution="${res}"]`).waitFor();
}

test('review: walk the disagreements with the keyboard, resolve each way, export the gold layer', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  cli(project.db, 'import', fixture(project.dir, 'salma.jsonl', record('Salma', salma, ['economy', 'politics'])));
  cli(project.db, 'import', fixture(project.dir, 'karim.jsonl', record('Karim', karim, ['economy'])));
  const { page, server, browser } = await startApp(t, project.db, 'Reviewer');

  // The review view from the top bar, then the article from the list.
  await page.locator('#mode-review').click();
  await page.locator('#review-empty', { hasText: 'Choose an article' }).waitFor();
  await page.locator('#article-list [data-article-id]', { hasText: TITLE }).click();
  await page.locator('#review-dis-list .dis-item').first().waitFor();
  await page.evaluate(async () => {
    await document.fonts.load('400 20px "Noto Naskh Arabic"', 'عربي');
    await document.fonts.ready;
  });
  assert.match(await page.evaluate(() => location.hash), /^#review=\d+$/);
  assert.deepEqual(await page.$$eval('#review-annotators input:checked', (els) => els.map((e) => e.dataset.annotator)), ['Karim', 'Salma']);

  // The disagreements in text order, with their kinds.
  const list = await items(page);
  assert.deepEqual(
    list.map((i) => [i.kind, i.label, i.text]),
    [
      ['boundary', 'DATE', '12 مارس 2024'],
      ['boundary', 'DATE', 'مارس 2024'],
      ['missing', 'ORG', 'شركة Siemens AG'],
      ['label', 'LOC', 'العلمين'],
      ['label', 'ORG', 'العلمين'],
    ],
  );
  assert.ok(list.every((i) => i.res === 'open' && !i.current));
  assert.match(await page.locator('#review-dis-list .dis-item').nth(2).textContent(), /Salma has it · Karim lacks it/);
  // The text is one unbroken node per paragraph; each analyst has their own lane of bands.
  assert.deepEqual(await page.$$eval('#review-text p', (ps) => ps.map((p) => p.childNodes.length)), [1]);
  assert.equal(await page.locator('#review-text').textContent(), TEXT);
  assert.equal(await page.locator('.rv-band[data-annotator=Salma]').count() >= 5, true);
  assert.equal(await page.locator('.rv-band[data-annotator=Karim]').count() >= 4, true);
  const lanes = await page.$$eval('.rv-band', (els) => {
    const top = {};
    for (const e of els) (top[e.dataset.annotator] ??= new Set()).add(Math.round(e.getBoundingClientRect().top));
    return Object.fromEntries(Object.entries(top).map(([k, v]) => [k, [...v]]));
  });
  for (const y of lanes.Karim) assert.ok(!lanes.Salma.includes(y), 'the analysts are on different lanes');
  await shot(page, 'review-start.png');

  // j: the first disagreement; a: accept Salma's date.
  await page.keyboard.press('j');
  assert.equal(await currentIndex(page), 0);
  await page.locator('.rv-dis.rv-current').first().waitFor();
  await page.keyboard.press('a');
  await waitRes(page, 0, 'accepted');
  await waitRes(page, 1, 'other');

  // j j: Salma's "شركة Siemens AG"; r: reject it, then add "Siemens AG" from a selection with the ORG key.
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  assert.equal(await currentIndex(page), 2);
  await page.keyboard.press('r');
  await waitRes(page, 2, 'rejected');
  const siemens = cp('Siemens AG');
  await page.evaluate(([s, e]) => window.hashiya.selectRange(s, e), [siemens.start, siemens.end]);
  await page.keyboard.press('o');
  await page.locator('#review-gold-list li', { hasText: 'Siemens AG' }).waitFor();
  assert.equal(await currentIndex(page), 2, 'adding keeps the cursor');

  // j: Salma's LOC العلمين — accept, then x removes it from the gold layer again.
  await page.keyboard.press('j');
  await page.keyboard.press('a');
  await waitRes(page, 3, 'accepted');
  await page.keyboard.press('x');
  await waitRes(page, 3, 'open');

  // j: Karim's ORG العلمين — e: edit to LOC, start one word earlier ("مدينة العلمين"), Enter saves.
  await page.keyboard.press('j');
  assert.equal(await currentIndex(page), 4);
  await page.keyboard.press('e');
  const editor = page.locator('#review-editor');
  await editor.waitFor();
  await page.keyboard.press('l');
  await editor.locator('[data-edit-label=LOC][aria-pressed=true]').waitFor();
  await page.keyboard.press('1');
  assert.equal(await page.locator('#review-editor-quote').textContent(), 'مدينة العلمين');
  await shot(page, 'review-editor.png');
  await page.keyboard.press('Enter');
  await waitRes(page, 4, 'edited');
  await waitRes(page, 3, 'other');
  assert.equal(await editor.isVisible(), false);

  // k moves back; Shift+A accepts every agreeing span; 3 toggles the economy gold tag.
  await page.keyboard.press('k');
  assert.equal(await currentIndex(page), 3);
  await page.keyboard.press('Shift+A');
  await page.locator('#review-gold-list li', { hasText: 'القاهرة' }).waitFor();
  await page.keyboard.press('3');
  await page.locator('#review-gold-tags [data-gold-tag=economy][aria-pressed=true]').waitFor();
  assert.match(await page.locator('#review-tag-diffs').textContent(), /politics/);

  // Comments: c on the current span (Ctrl+Enter saves), then one on the article.
  await page.keyboard.press('c');
  await page.keyboard.type('الاسم الصحيح: مدينة العلمين');
  await page.keyboard.press('Control+Enter');
  await page.locator('#review-comments li', { hasText: 'الاسم الصحيح' }).waitFor();
  await page.locator('#review-comment-target').selectOption('');
  await page.locator('#review-comment-text').fill('Checked against the source.');
  await page.locator('#review-comment-add').click();
  await page.locator('#review-comments li', { hasText: 'Checked against the source.' }).waitFor();
  assert.match(await page.locator('#review-comments li').first().textContent(), /Reviewer on العلمين: الاسم الصحيح/);

  // Ctrl+Enter marks the article adjudicated.
  await page.locator('#review-text').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Enter');
  await page.locator('#review-adjudicated[aria-pressed=true]').waitFor();

  const gold = await goldTexts(page);
  assert.deepEqual(gold, ['PER:عبدُ الفتّاح السيسي', 'LOC:القاهرة', 'DATE:12 مارس 2024', 'ORG:Siemens AG', 'LOC:مدينة العلمين']);
  await page.locator('#review-dis-list .dis-item').nth(3).click();
  await page.locator('.rv-gold').first().waitFor();
  await shot(page, 'review-view.png');
  await shot(page, 'review-text.png', page.locator('#review-doc'), 10);

  // A reload comes back to the same review, with everything stored.
  await page.reload();
  await page.locator('body[data-ready=true]').waitFor();
  await page.locator('#review-adjudicated[aria-pressed=true]').waitFor();
  assert.deepEqual(await goldTexts(page), gold);
  assert.equal(await page.locator('#review-comments li').count(), 2);
  assert.ok((await page.locator('#review-log summary').textContent()).includes('Decision log'));
  assert.deepEqual(browser.errors, []);

  // The originals are untouched, and the CLI exports exactly the gold layer.
  await settle(page); // nothing in flight or about to start when the server goes
  await server.stop();
  const out = path.join(project.dir, 'gold.jsonl');
  cli(project.db, 'export', '--format', 'spans', '--gold', '--out', out);
  const [rec, ...rest] = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(rest.length, 0);
  assert.equal(rec.text, TEXT);
  const expected = [
    ['PER', 'عبدُ الفتّاح السيسي'],
    ['LOC', 'القاهرة'],
    ['DATE', '12 مارس 2024'],
    ['ORG', 'Siemens AG'],
    ['LOC', 'مدينة العلمين'],
  ];
  assert.deepEqual(
    rec.spans.map((s) => [s.label, codePoints(rec.text, s.start, s.end)]),
    expected,
  );
  assert.deepEqual(rec.spans.map((s) => [s.start, s.end]), expected.map(([, s]) => [cp(s).start, cp(s).end]));
  assert.deepEqual(rec.tags, ['economy']);
  const natives = cli(project.db, 'export', '--format', 'jsonl').trim().split('\n').map((l) => JSON.parse(l));
  const analysts = natives[0].spans.map((s) => `${s.annotator}:${s.label}:${s.text}`).sort();
  assert.deepEqual(analysts, [...salma, ...karim].map((s) => `${s.annotator}:${s.label}:${s.text}`).sort(), "the analysts' spans are unchanged");
});
