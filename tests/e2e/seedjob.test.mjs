// The seed job end to end (issue 16, "Done when"): the five seed articles imported through the Import dialog;
// a person, an organisation, a place, an event and a date labelled with mouse drags, a click and label keys;
// a second analyst in another browser profile; the two reviewed (agreeing spans accepted, the disagreements
// resolved, the article adjudicated); the gold layer and the native file exported from the Export dialog. The
// annotation is shot in the English and the Arabic interface. The entity strings are read from the corpus.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { articleIdByTitle, cpRange, exportRecords, launch, openApp, openArticle, seeds, seedsDir, serve, settle, shot, tempProject } from './harness.mjs';

const SEED = '003_';
// Label, key, text (its first place in the seed), how the first analyst marks it.
const ENTITIES = [
  ['PER', 'p', 'عبد اللطيف حموشي', 'drag'],
  ['ORG', 'o', 'الأمانة العامة لمجلس وزراء الداخلية العرب', 'drag'],
  ['LOC', 'l', 'طنجة', 'click'],
  ['EVENT', 'e', 'المؤتمر السابع والأربعين لقادة الشرطة والأمن العرب', 'drag'],
  ['DATE', 'd', 'الأربعاء 6 دجنبر 2023', 'drag'],
];

/** Client points (whole pixels, as a pointer gives) where a drag over [s, e) starts and ends: just inside the
 * right side of the first (Arabic) letter, and just inside the left side of the last letter — or, when the span
 * ends in digits, the middle of that number (at a run's edge a caret is ambiguous between the two directions;
 * snapping takes the whole word). Scrolled into view first. */
async function ends(page, r, text) {
  const cps = [...text];
  let last = r.end - 1;
  const digits = /[0-9]/.test(cps[last]);
  if (digits) while (last > r.start && /[0-9]/.test(cps[last - 1])) last--;
  return page.evaluate(([s, e, last, digits]) => {
    const main = document.getElementById('main');
    const box = (a, b) => {
      window.hashiya.selectRange(a, b);
      return [...window.getSelection().getRangeAt(0).getClientRects()].filter((x) => x.width > 0)[0];
    };
    const whole = box(s, e);
    main.scrollTop += whole.top - main.getBoundingClientRect().top - 200;
    const [a, b] = [box(s, s + 1), box(digits ? last : e - 1, e)];
    window.getSelection().removeAllRanges();
    const at = (x, f) => ({ x: Math.round(x.left + x.width * f), y: Math.round(x.top + x.height / 2) });
    return { from: at(a, 0.75), to: at(b, digits ? 0.5 : 0.25) };
  }, [r.start, r.end, last, digits]);
}

/** Poll until `check()` holds (the UI saves asynchronously). */
async function until(check, message) {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(await check(), message);
}

/** The stored spans of `who` on the article with `text` (read with the CLI, beside the running server). */
function spansOf(db, text, who) {
  const rec = exportRecords(db).find((r) => r.text === text);
  return (rec?.spans ?? []).filter((s) => s.annotator === who).map((s) => [s.label, s.start, s.end]);
}

test('the seed job: import the seeds, label five kinds with mouse and keys, review a second analyst, export', async (t) => {
  assert.ok(existsSync(seedsDir), `${seedsDir} is missing: the tests need ../shared/corpus beside the repository`);
  const files = seeds();
  assert.equal(files.length, 5);
  const seed = files.find((f) => f.name.startsWith(SEED));
  const want = ENTITIES.map(([label, key, text, how]) => ({ label, key, how, ...cpRange(seed.text, text) }));
  const project = tempProject();
  t.after(project.cleanup);
  const server = await serve(project.db);
  t.after(server.stop);
  const amina = await launch();
  t.after(amina.close);
  const { page } = amina;
  await openApp(page, server.url, 'Amina');

  // 1. The five seeds through the Import dialog.
  await page.locator('#import-btn').click();
  await page.locator('#import-dialog[open] #import-form').waitFor();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#import-choose').click()]);
  await chooser.setFiles(files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: readFileSync(f.file) })));
  await page.locator('#import-file-list li').nth(4).waitFor();
  await page.locator('#import-run').click();
  await page.locator('#import-summary', { hasText: '5 imported' }).waitFor();
  await page.locator('#import-close').click();
  await until(async () => (await page.locator('#article-list [data-article-id]').count()) === 5, 'five articles in the list');
  const title = seed.text.split('\n')[0].trim();
  const id = await articleIdByTitle(page, title.slice(0, 30));
  await openArticle(page, id);

  // 2. Amina labels the five with the mouse (a drag from the first letter to the last, or a click into the word)
  // and the label key; snapping gives whole words.
  for (const w of want) {
    const { from, to } = await ends(page, w, seed.text);
    if (w.how === 'drag') {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 8 });
      await page.mouse.up();
    } else {
      await page.mouse.click(from.x, from.y);
    }
    await page.keyboard.press(w.key);
    await page.locator(`.hl:not(.hl-other)[data-label=${w.label}]`).first().waitFor();
  }
  await settle(page);
  const mine = spansOf(project.db, seed.text, 'Amina').sort((a, b) => a[1] - b[1]);
  assert.deepEqual(mine, want.map((w) => [w.label, w.start, w.end]).sort((a, b) => a[1] - b[1]), 'each span exactly on its words');
  await page.locator('#status [data-status=done]').click();
  await page.locator('#status [data-status=done][aria-pressed=true]').waitFor();
  await settle(page);
  await page.locator('#main').evaluate((m) => (m.scrollTop = 0));
  await shot(page, 'seedjob-annotated-en.png');
  for (const w of want) await shot(page, `seedjob-${w.label.toLowerCase()}-en.png`, page.locator(`.hl[data-label=${w.label}]`), 30);
  await page.locator('#lang-btn').click();
  await page.locator('html[lang=ar]').waitFor();
  await page.locator('#main').evaluate((m) => (m.scrollTop = 0));
  await settle(page);
  await shot(page, 'seedjob-annotated-ar.png');
  await shot(page, 'seedjob-date-ar.png', page.locator('.hl[data-label=DATE]'), 30);
  await page.locator('#lang-btn').click();
  await page.locator('html[lang=en]').waitFor();

  // 3. Salma, in another browser profile, with the keyboard: the person, the place and the event as Amina, the
  // date without its weekday (a boundary disagreement), no organisation (a missing one).
  const salma = await launch();
  t.after(salma.close);
  await openApp(salma.page, server.url, 'Salma');
  await openArticle(salma.page, id);
  const short = cpRange(seed.text, '6 دجنبر 2023');
  for (const [label, key, r] of [['PER', 'p', want[0]], ['LOC', 'l', want[2]], ['EVENT', 'e', want[3]], ['DATE', 'd', short]]) {
    await salma.page.evaluate(([s, e]) => window.hashiya.selectRange(s, e), [r.start, r.end]);
    await salma.page.keyboard.press(key);
    await salma.page.locator(`.hl:not(.hl-other)[data-label=${label}]`).first().waitFor();
  }
  await settle(salma.page);

  // 4. Review (Amina reviews, so she adds herself to the comparison; Salma, who joined after this page was opened,
  // is offered without a reload): agreeing spans accepted at once, Amina's date and organisation accepted.
  await page.locator('#mode-review').click();
  await page.locator('#article-list [data-article-id]', { hasText: title.slice(0, 30) }).click();
  await page.locator('#review-annotators input[data-annotator=Salma]:checked').waitFor();
  await page.locator('#review-annotators input[data-annotator=Amina]').check();
  await page.locator('#review-dis-list .dis-item').first().waitFor();
  assert.deepEqual(await page.$$eval('#review-annotators input:checked', (els) => els.map((e) => e.dataset.annotator)), ['Amina', 'Salma']);
  await page.keyboard.press('Shift+A');
  await page.locator('#review-gold-list li').nth(2).waitFor();
  for (const text of ['الأربعاء 6 دجنبر 2023', 'الأمانة العامة لمجلس وزراء الداخلية العرب']) {
    await page.locator('#review-dis-list .dis-item', { hasText: text }).first().click();
    await page.keyboard.press('a');
    await page.locator('#review-gold-list li', { hasText: text }).waitFor();
  }
  await shot(page, 'seedjob-review-en.png');
  await page.locator('#review-text').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Enter');
  await page.locator('#review-adjudicated[aria-pressed=true]').waitFor();
  await settle(page);

  // 5. Export from the dialog: the gold layer as spans, then the native file with both analysts.
  const exportWith = async (setup) => {
    await page.locator('#export-btn').click();
    await page.locator('#export-dialog[open]').waitFor();
    await setup();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-run').click()]);
    const content = readFileSync(await download.path(), 'utf8');
    await page.locator('#export-cancel').click();
    await page.locator('#export-dialog[open]').waitFor({ state: 'detached' });
    return content.trim().split('\n').map((l) => JSON.parse(l));
  };
  const gold = await exportWith(async () => {
    await page.locator('#export-format').selectOption('spans');
    await page.locator('#export-src-gold').check();
  });
  const g = gold.find((r) => r.text === seed.text);
  assert.ok(g, 'the adjudicated seed is in the gold export');
  const slice = (s) => [...seed.text].slice(s.start, s.end).join('');
  assert.deepEqual(
    g.spans.map((s) => [s.label, slice(s)]).sort(),
    ENTITIES.map(([label, , text]) => [label, text]).sort(),
    'the gold layer: the five, the date with its weekday',
  );
  const native = await exportWith(async () => page.locator('#export-format').selectOption('jsonl'));
  assert.equal(native.length, 5, 'every seed');
  const n = native.find((r) => r.text === seed.text);
  const by = (who) => n.spans.filter((s) => s.annotator === who).map((s) => [s.label, s.start, s.end, s.text]).sort();
  assert.deepEqual(by('Amina'), want.map((w) => [w.label, w.start, w.end, w.text]).sort());
  assert.equal(by('Salma').length, 4);
  assert.deepEqual(n.status.find((s) => s.annotator === 'Amina')?.status, 'done');
  assert.deepEqual(amina.errors, []);
  assert.deepEqual(salma.errors, []);
});
