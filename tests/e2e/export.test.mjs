// Test 8: the export dialog — spans of the gold layer; one analyst with rename, drop and UTF-16 offsets; CoNLL with a
// span edge inside a token (the error lists it, "expand" resolves it). Each download is checked.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cli, exportRecords, fixture, launch, openApp, serve, shot, tempProject, startApp, cpRange, settle } from './harness.mjs';

const TEXT = 'وصل ناصر بوريطة 😀 بالرباط يوم 5 يونيو 2025 لحضور مؤتمر Interpol.';
const cp = (s) => cpRange(TEXT, s);
const rec = (annotator, spans) =>
  JSON.stringify({ id: 'exp-1', title: 'زيارة', text: TEXT, spans: spans.map(([s, label]) => ({ ...cp(s), label, annotator })), status: [{ annotator, status: 'done', updated_at: '2026-11-20T10:00:00.000Z' }] }) + '\n';

async function exportWith(page, setup, trigger = () => page.locator('#export-run').click()) {
  await page.locator('#export-btn').click();
  await page.locator('#export-dialog[open]').waitFor();
  await setup();
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  return { name: download.suggestedFilename(), content: readFileSync(await download.path(), 'utf8') };
}

async function close(page) {
  await page.locator('#export-cancel').click();
  await page.locator('#export-dialog[open]').waitFor({ state: 'detached' });
}

test('export dialog: gold spans, filters and label mapping, misaligned spans resolved by a choice', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  cli(project.db, 'import', fixture(project.dir, 'salma.jsonl', rec('Salma', [['ناصر بوريطة', 'PER'], ['الرباط', 'LOC'], ['5 يونيو 2025', 'DATE'], ['Interpol', 'ORG']])));
  cli(project.db, 'import', fixture(project.dir, 'karim.jsonl', rec('Karim', [['ناصر بوريطة', 'PER'], ['يونيو 2025', 'DATE'], ['Interpol', 'ORG']])));
  const { page, server, browser } = await startApp(t, project.db, 'Reviewer');

  // A gold layer: accept the agreeing spans and mark the article adjudicated.
  await page.locator('#mode-review').click();
  await page.locator('#article-list [data-article-id]').first().click();
  await page.locator('#review-dis-list .dis-item').first().waitFor();
  await page.keyboard.press('Shift+A');
  await page.locator('#review-gold-list li').nth(1).waitFor();
  await page.keyboard.press('Control+Enter');
  await page.locator('#review-adjudicated[aria-pressed=true]').waitFor();
  await settle(page); // the adjudication is stored before the export reads the gold layer

  // 1. spans + gold layer.
  const gold = await exportWith(page, async () => {
    await page.locator('#export-format').selectOption('spans');
    await page.locator('#export-src-gold').check();
    assert.equal(await page.locator('#export-annotators input').first().isDisabled(), true);
    assert.equal(await page.locator('#export-misaligned').isDisabled(), true);
    await shot(page, 'export-dialog.png');
  });
  assert.equal(gold.name, 'project.spans.jsonl');
  const [g, ...more] = gold.content.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(more.length, 0);
  assert.equal(g.text, TEXT);
  assert.deepEqual(g.spans.map((s) => [s.label, [...g.text].slice(s.start, s.end).join('')]), [['PER', 'ناصر بوريطة'], ['ORG', 'Interpol']]);
  await page.locator('#export-summary', { hasText: 'Exported 1 article and 2 spans to project.spans.jsonl' }).waitFor();
  await close(page);

  // 2. One analyst, LOC renamed to GPE, DATE dropped, UTF-16 offsets (JavaScript slicing).
  const one = await exportWith(page, async () => {
    await page.locator('#export-format').selectOption('spans');
    await page.locator('#export-annotators input[data-annotator=Salma]').check();
    await page.locator('#export-rename').fill('LOC=GPE');
    await page.locator('#export-drop input[data-drop=DATE]').check();
    await page.locator('#export-offsets').selectOption('utf16');
  });
  const [s] = one.content.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(s.spans.map((x) => [x.label, s.text.slice(x.start, x.end)]), [['PER', 'ناصر بوريطة'], ['GPE', 'الرباط'], ['ORG', 'Interpol']]);
  assert.match(await page.locator('#export-summary').textContent(), /Labels: .*GPE/);
  await close(page);

  // 3. CoNLL with whole-word tokens (clitic prefixes kept with the word): "الرباط" ends inside the token
  // "بالرباط" → the dialog names the span by article number and title, in words; Expand exports.
  const conll = await exportWith(
    page,
    async () => {
      await page.locator('#export-format').selectOption('conll');
      await page.locator('#export-clitics').selectOption('include');
      await page.locator('#export-run').click();
      await page.locator('#export-error [data-misaligned-choice=expand]').waitFor();
      assert.match(await page.locator('#export-error-text').textContent(), /have an edge inside a token of this export \(1 span\)/);
      assert.match(await page.locator('#export-misaligned-list').textContent(), /Article \d+ “زيارة”: «الرباط» LOC, by Salma/);
      assert.doesNotMatch(await page.locator('#export-error').textContent(), /--misaligned/);
      await page.locator('#toast[data-kind=error]').waitFor();
      await shot(page, 'export-misaligned.png');
    },
    () => page.locator('#export-error [data-misaligned-choice=expand]').click(),
  );
  assert.equal(conll.name, 'project.conll.conll');
  const lines = conll.content.split('\n');
  assert.equal(lines[0], '-DOCSTART- O');
  assert.ok(lines.includes('بالرباط B-LOC'), conll.content);
  assert.ok(lines.includes('Interpol B-ORG'));
  assert.equal(await page.locator('#export-misaligned').inputValue(), 'expand');
  assert.match(await page.locator('#export-notes').textContent(), /expand/i);
  assert.equal(await page.locator('#export-error').isVisible(), false);
  await close(page);
  assert.deepEqual(browser.errors.filter((e) => !/status of 400/.test(e)), []);
});

test('a clitic-prefixed word selected with the mouse labels its stem and exports to CoNLL with no option', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  cli(project.db, 'import', fixture(project.dir, 'visit.txt', 'زيارة\n' + TEXT));
  const { page, browser } = await startApp(t, project.db, 'Salma');
  await page.locator('#article-list [data-article-id]').first().click();
  await page.locator('#article-text').waitFor();
  // The word's box on screen, then a real mouse drag across it (RTL: its start is on the right).
  const r = cpRange('زيارة\n' + TEXT, 'بالرباط');
  const box = await page.evaluate(([s, e]) => {
    window.hashiya.selectRange(s, e);
    const rects = [...window.getSelection().getRangeAt(0).getClientRects()].filter((x) => x.width > 1);
    window.getSelection().removeAllRanges();
    return rects[0].toJSON();
  }, [r.start, r.end]);
  await page.mouse.move(box.right - 2, box.top + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.left + 2, box.top + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.press('l');
  await page.locator('.hl[data-label=LOC]').first().waitFor();
  await settle(page);
  await shot(page, 'clitic-mouse-label.png', page.locator('#article-text'), 20);
  const spans = exportRecords(project.db)[0].spans;
  assert.deepEqual(spans.map((s) => [s.label, s.text]), [['LOC', 'الرباط']]);
  const conll = await exportWith(page, async () => {
    await page.locator('#export-format').selectOption('conll');
  });
  const lines = conll.content.split('\n');
  assert.ok(lines.includes('ب O') && lines.includes('الرباط B-LOC'), conll.content);
  assert.equal(await page.locator('#export-error').isVisible(), false);
  await close(page);
  assert.deepEqual(browser.errors, []);
});
