// Editing an article's title in the workbench (issue 16, point 9): a click or F2 opens it, Enter saves,
// Escape cancels, an empty title is refused; the list, search, undo and the native export follow, and the
// text (every offset) is untouched. In the English and the Arabic interface.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleIdByTitle, cli, exportRecords, fixture, openArticle, settle, shot, startApp, tempProject } from './harness.mjs';

const TEXT = 'وصل وفد من الإنتربول إلى الرباط في 12 فبراير 2025.\nوالتقى المدير العام عبد اللطيف حموشي في مقر DGSN.';

test('a title is edited in place; the text and the spans never change', async (t) => {
  const p = tempProject();
  t.after(p.cleanup);
  const line = { id: 'a', title: 'عنوان مستورد', text: TEXT, spans: [{ start: 25, end: 31, label: 'LOC', text: 'الرباط', annotator: 'Salma' }] };
  cli(p.db, 'import', fixture(p.dir, 'a.jsonl', JSON.stringify(line) + '\n'));
  const { page, browser } = await startApp(t, p.db, 'Amina');
  const id = await articleIdByTitle(page, 'عنوان مستورد');
  await openArticle(page, id);
  const title = page.locator('#article-title');
  const input = page.locator('#article-title-input');

  // A click opens the field; Escape leaves the title as it was.
  await title.click();
  await input.waitFor();
  assert.equal(await input.inputValue(), 'عنوان مستورد');
  await input.fill('لن يُحفظ');
  await input.press('Escape');
  await input.waitFor({ state: 'detached' });
  assert.equal(await title.textContent(), 'عنوان مستورد');

  // An empty title is refused: the field stays open and nothing is stored.
  await title.click();
  await input.fill('   ');
  await input.press('Enter');
  await page.locator('.toast', { hasText: 'A title cannot be empty' }).waitFor();
  assert.ok(await input.isVisible(), 'the field stays open');
  await input.press('Escape');

  // F2 (the text focused, nothing typed) opens it; Enter saves a title with Latin and digits inside.
  await page.locator('#article-text').click();
  await page.keyboard.press('F2');
  await input.waitFor();
  await input.fill('زيارة وفد FBI إلى الرباط في 2025');
  await input.press('Enter');
  await input.waitFor({ state: 'detached' });
  assert.equal(await title.textContent(), 'زيارة وفد FBI إلى الرباط في 2025');
  await page.locator(`#article-list [data-article-id="${id}"]`, { hasText: 'زيارة وفد FBI' }).waitFor();
  assert.match(await title.getAttribute('title'), /Title edited by \u2068Amina\u2069, \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  await shot(page, 'title-edited-en.png', page.locator('#article-head'));
  await settle(page);
  let rec = exportRecords(p.db)[0];
  assert.equal(rec.title, 'زيارة وفد FBI إلى الرباط في 2025', 'the native export has the new title');
  assert.equal(rec.text, TEXT, 'the text is as imported');
  assert.deepEqual(rec.spans.map((s) => [s.start, s.end, s.text]), [[25, 31, 'الرباط']], 'the span is where it was');

  // Search finds the new title.
  await page.locator('#article-search').fill('FBI');
  await page.locator(`#article-list [data-article-id="${id}"]`).waitFor();
  await page.locator('#article-search').fill('مستورد');
  await page.locator(`#article-list [data-article-id="${id}"]`).waitFor({ state: 'detached' });
  await page.locator('#article-search').fill('');

  // Ctrl+Z gives the old title back.
  await page.locator('#article-text').click();
  await page.keyboard.press('Control+z');
  await page.locator('#article-title', { hasText: 'عنوان مستورد' }).waitFor();
  await settle(page);
  assert.equal(exportRecords(p.db)[0].title, 'عنوان مستورد');

  // The Arabic interface: the same field, Arabic hint and error.
  await page.locator('#lang-btn').click();
  await page.locator('html[lang=ar]').waitFor();
  assert.match(await title.getAttribute('title'), /انقر أو اضغط F2 لتحرير العنوان/);
  assert.match(await title.getAttribute('title'), /عدّل العنوانَ \u2068Amina\u2069/);
  await title.click();
  await input.fill('');
  await input.press('Enter');
  await page.locator('.toast', { hasText: 'لا يمكن أن يكون العنوان فارغًا' }).waitFor();
  await input.fill('لقاء أمني في الرباط يوم 12 فبراير');
  await input.press('Enter');
  await input.waitFor({ state: 'detached' });
  assert.equal(await title.textContent(), 'لقاء أمني في الرباط يوم 12 فبراير');
  await shot(page, 'title-edited-ar.png', page.locator('#article-head'));
  await settle(page);
  rec = exportRecords(p.db)[0];
  assert.equal(rec.title, 'لقاء أمني في الرباط يوم 12 فبراير');
  assert.equal(rec.text, TEXT);
  assert.deepEqual(browser.errors, []);
});
