// Test 4: untrusted article text renders as text (no HTML, no script); UI import report, search and export download.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openApp, openArticle, articleIdByTitle, serve, shot, tempProject, startApp, settle } from './harness.mjs';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const evil = {
  id: 'evil-1',
  title: `عنوان ${IMG} خبيث`,
  text: `فقرة أولى ${IMG} ثم ${SCRIPT}\nسطر ثان &lt;b&gt; <b>bold?</b>`,
};
const good = { id: 'good-1', title: 'خبر عادي عن الرباط', text: 'زار الوفد الرباط أمس.' };
const jsonl = [JSON.stringify(evil), JSON.stringify(good), '{"title": "no text field"}'].join('\n') + '\n';

test('untrusted text is shown as text; import report, search and export work from the UI', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  const { page, server, browser } = await startApp(t, project.db, 'Salma');
  assert.equal(await page.locator('#article-list [data-article-id]').count(), 0);

  // Import through the file input: a report lists imported and rejected lines.
  await page.locator('#import-input').setInputFiles([
    { name: 'mixed.jsonl', mimeType: 'application/json', buffer: Buffer.from(jsonl) },
    { name: 'plain.txt', mimeType: 'text/plain', buffer: Buffer.from('عنوان نصي\n\nنص المقال.') },
  ]);
  const report = page.locator('#import-dialog');
  await report.waitFor();
  assert.match(await page.locator('#import-summary').textContent(), /3 imported, 1 rejected/);
  await page.locator('[data-rejected="mixed.jsonl:3"]').waitFor();
  assert.match(await page.locator('#toast').textContent(), /1 rejected/);
  await page.locator('#import-close').click();
  await page.locator('#article-list [data-article-id]').nth(2).waitFor();

  // Importing the same file again reports duplicates.
  await page.locator('#import-input').setInputFiles([{ name: 'plain.txt', mimeType: 'text/plain', buffer: Buffer.from('عنوان نصي\n\nنص المقال.') }]);
  await page.locator('#import-summary', { hasText: '1 article already here' }).waitFor();
  await page.locator('#import-close').click();

  // The evil title and text appear literally.
  const listItem = page.locator('#article-list [data-article-id]', { hasText: IMG });
  assert.equal(await listItem.count(), 1, 'the title is listed as text');
  const id = await articleIdByTitle(page, 'خبيث');
  await openArticle(page, id);
  assert.equal(await page.locator('#article-title').textContent(), evil.title);
  const paras = await page.$$eval('#article-text p[data-start]', (ps) => ps.map((p) => p.textContent));
  assert.deepEqual(paras, evil.text.split('\n'));
  assert.equal(await page.locator('#app img, #app script, #app b').count(), 0, 'no element was created from the data');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
  await shot(page, 'untrusted.png');

  // Label the literal "<script>" text: it is just characters.
  const s = [...evil.text.slice(0, evil.text.indexOf('<script>'))].length;
  await page.evaluate(([a, b]) => window.hashiya.selectRange(a, b), [s, s + [...SCRIPT].length]);
  await page.keyboard.press('Alt+o');
  await page.locator('.hl[data-label=ORG]').first().waitFor();

  // Search filters through list_articles.
  await page.locator('#article-search').fill('الرباط');
  await page.waitForFunction(() => document.querySelectorAll('#article-list [data-article-id]').length === 1);
  assert.match(await page.locator('#article-list').textContent(), /خبر عادي/);
  await page.locator('#article-search').fill('');
  await page.waitForFunction(() => document.querySelectorAll('#article-list [data-article-id]').length === 3);

  // Export (the dialog's defaults) downloads the project as JSONL.
  await page.locator('#export-btn').click();
  await page.locator('#export-dialog[open]').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-run').click()]);
  assert.match(download.suggestedFilename(), /\.jsonl$/);
  const lines = readFileSync(await download.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 3);
  const rec = lines.find((r) => r.id === 'evil-1');
  assert.equal(rec.text, evil.text);
  assert.deepEqual(rec.spans.map((x) => [x.label, x.text, x.annotator]), [['ORG', SCRIPT, 'Salma']]);
  await page.locator('#toast', { hasText: 'Exported 3 articles and 1 span' }).waitFor();
  await page.locator('#export-summary', { hasText: 'Exported 3 articles and 1 span' }).waitFor();
  await page.keyboard.press('Escape');
  await page.locator('#export-dialog[open]').waitFor({ state: 'detached' });

  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
  assert.deepEqual(browser.errors, []);

  // Errors are shown, never swallowed: a tab without the token, then a stopped server.
  const bare = await browser.context.newPage();
  await bare.goto(server.url.replace(/\?token=.*$/, ''));
  await bare.locator('#toast[data-kind=error]', { hasText: 'No access token' }).waitFor();
  await bare.close();
  await settle(page); // nothing in flight or about to start when the server goes
  await server.stop();
  await page.locator('#status [data-status=done]').click();
  await page.locator('#toast[data-kind=error]', { hasText: 'Cannot reach the Hashiya server' }).waitFor();
});
