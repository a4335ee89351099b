// Test 1: import the seed corpus with the CLI, label a person by its code-point range, reload, export.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, cpRangeOf, covers, exportRecords, launch, openApp, openArticle, articleIdByTitle, seeds, serve, storedTitle, shot, tempProject, settle } from './harness.mjs';

const NAME = 'عبد اللطيف حموشي';

test('label a person in a seed article; it survives reload and exports with code-point offsets', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  const files = seeds();
  assert.equal(files.length, 5, 'the seed corpus has five articles');
  cli(project.db, 'import', ...files.map((f) => f.file));

  const seed = files.find((f) => f.text.includes(NAME));
  assert.ok(seed, `a seed article mentions ${NAME}`);
  const title = storedTitle(project.db, seed.text);
  const range = cpRangeOf(seed.text, NAME);
  assert.equal([...seed.text].slice(range.start, range.end).join(''), NAME);

  const server = await serve(project.db);
  t.after(server.stop);
  const browser = await launch();
  t.after(browser.close);
  const { page } = browser;

  await openApp(page, server.url);
  assert.equal(await page.locator('#article-list [data-article-id]').count(), 5);
  const id = await articleIdByTitle(page, title.slice(0, 40));
  await openArticle(page, id);

  // The rendered paragraphs, joined with the original line breaks, are exactly the article text.
  const starts = await page.$$eval('#article-text p[data-start]', (ps) => ps.map((p) => [Number(p.dataset.start), p.textContent]));
  for (const [start, text] of starts) assert.equal(seed.text.slice(start, start + text.length), text);

  await page.evaluate(([s, e]) => window.hashiya.selectRange(s, e), [range.start, range.end]);
  assert.equal(await page.evaluate(() => window.getSelection().toString()), NAME);
  const selRects = await page.evaluate(() => [...window.getSelection().getRangeAt(0).getClientRects()].map((r) => r.toJSON()));
  assert.ok(selRects.length >= 1);

  await page.keyboard.press('p');
  const hl = page.locator('.hl[data-label=PER]');
  await hl.first().waitFor();
  const boxes = await hl.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  for (const r of selRects.filter((r) => r.width > 1)) {
    assert.ok(boxes.some((b) => covers(b, r)), `selected text rect ${JSON.stringify(r)} is under a PER highlight ${JSON.stringify(boxes)}`);
  }
  // A span is drawn as one box per line (its bidi runs merged): compare each box with the selection on its line.
  const lines = [];
  for (const r of selRects.filter((r) => r.width > 1)) {
    const l = lines.find((x) => Math.abs(x.top - r.top) < 1 && Math.abs(x.bottom - r.bottom) < 1);
    if (l) Object.assign(l, { left: Math.min(l.left, r.left), right: Math.max(l.right, r.right) });
    else lines.push({ top: r.top, bottom: r.bottom, left: r.left, right: r.right });
  }
  for (const b of boxes) assert.ok(lines.some((r) => covers(r, b, 2.5)), `no highlight box outside the selected text: ${JSON.stringify(b)} vs ${JSON.stringify(lines)}`);
  await shot(page, 'seed-article.png');
  await shot(page, 'seed-article-per-zoom.png', hl, 40);

  await page.reload();
  await page.locator('body[data-ready=true]').waitFor();
  await hl.first().waitFor();
  const after = await hl.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  assert.equal(after.length, boxes.length, 'the highlight is still there after reload');
  assert.equal(await page.locator('#analyst-name').isVisible(), false, 'the analyst name is remembered');
  // The span (not the opening) set this analyst's status to in progress; only that button looks pressed.
  assert.equal(await page.locator('#status [data-status=in_progress]').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('#status [data-status=done]').getAttribute('aria-pressed'), 'false');

  await settle(page); // nothing in flight or about to start when the server goes
  await server.stop();
  const rec = exportRecords(project.db).find((r) => r.text === seed.text);
  assert.ok(rec, 'the article is exported with its exact text');
  const spans = rec.spans.filter((s) => s.label === 'PER');
  assert.equal(spans.length, 1);
  const [span] = spans;
  assert.equal(span.text, NAME);
  assert.equal(span.annotator, 'Amina');
  assert.deepEqual([span.start, span.end], [range.start, range.end]);
  assert.equal([...rec.text].slice(span.start, span.end).join(''), NAME);
  assert.deepEqual(browser.errors, []);
});
