// The corpus view: Arabic-normalised search, each filter (tag, label, my status, analyst), each sort, my progress,
// keyboard navigation of the virtual list, and "next unfinished" (Shift+N) with its wrap-around.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, fixture, launch, openApp, serve, shot, tempProject, startApp, cpRange } from './harness.mjs';

const T = '2026-11-20T10:00:00.000Z';
const cp = (text, s) => cpRange(text, s);
const span = (text, s, label, annotator) => ({ ...cp(text, s), label, annotator, created_at: T });
const tag = (label, annotator) => ({ label, annotator, created_at: T });
const status = (annotator, s) => ({ annotator, status: s, updated_at: T });

// Ids follow the import order: a1 → 1 … a5 → 5.
const ARTICLES = [
  { id: 'a1', title: 'أحمد بن علي في طنجة', text: 'زار أحمد بن علي مدينة طنجة يوم الاثنين.', spans: [['أحمد بن علي', 'PER', 'Karim']], tags: [['politics', 'Karim']], status: [['Amina', 'done']] },
  { id: 'a2', title: 'مؤتمر بالرياض', text: 'انعقد مؤتمر الطاقة بالرياض بحضور وفود عربية.', spans: [['مؤتمر الطاقة', 'EVENT', 'Karim'], ['الرياض', 'LOC', 'Karim']], tags: [['economy', 'Karim']], status: [] },
  { id: 'a3', title: 'Zeta news', text: 'خبر عن الاقتصاد المغربي في الدار البيضاء.', spans: [['الدار البيضاء', 'LOC', 'Salma']], tags: [], status: [['Amina', 'in_progress'], ['Salma', 'done']] },
  { id: 'a4', title: 'بيان الشرطة', text: 'أصدرت الشرطة بيانا حول الحادث.', spans: [['الشرطة', 'ORG', 'Salma']], tags: [['security', 'Salma']], status: [['Amina', 'done']] },
  { id: 'a5', title: 'ألف خبر', text: 'نص قصير دون كيانات.', spans: [], tags: [], status: [] },
];

const jsonl = ARTICLES.map((a) =>
  JSON.stringify({
    id: a.id,
    title: a.title,
    text: a.text,
    spans: a.spans.map(([s, l, who]) => span(a.text, s, l, who)),
    tags: a.tags.map(([l, who]) => tag(l, who)),
    status: a.status.map(([who, s]) => status(who, s)),
  }),
).join('\n');

/** The ids the list shows, top to bottom (virtual rows are placed by index, not DOM order). */
const shown = (page) =>
  page.$$eval('#article-list .vrow', (rows) =>
    rows
      .map((r) => [Number(r.dataset.index), r.querySelector('[data-article-id]')])
      .filter(([, b]) => b)
      .sort((a, b) => a[0] - b[0])
      .map(([, b]) => Number(b.dataset.articleId)),
  );

async function expectList(page, ids, what) {
  try {
    await page.waitForFunction(
      (want) => {
        const rows = [...document.querySelectorAll('#article-list .vrow')]
          .map((r) => [Number(r.dataset.index), r.querySelector('[data-article-id]')])
          .filter(([, b]) => b)
          .sort((a, b) => a[0] - b[0])
          .map(([, b]) => Number(b.dataset.articleId));
        return JSON.stringify(rows) === JSON.stringify(want);
      },
      ids,
      { timeout: 5000 },
    );
  } catch {
    assert.deepEqual(await shown(page), ids, what);
  }
}

test('corpus view: normalised search, filters, sorting, progress and next unfinished', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  cli(project.db, 'import', fixture(project.dir, 'corpus.jsonl', jsonl + '\n'));
  const { page, server, browser } = await startApp(t, project.db, 'Amina');

  await expectList(page, [1, 2, 3, 4, 5], 'every article, in import order');
  assert.equal(await page.locator('#article-total').textContent(), '5 articles');

  // My progress: 2 done, 1 in progress, 2 to do; the bar says so.
  await page.locator('#corpus-progress [data-progress=done]', { hasText: '2 done' }).waitFor();
  assert.match(await page.locator('#corpus-progress').textContent(), /2 done · 1 in progress · 2 to do/);
  assert.equal(await page.locator('#corpus-progress [role=progressbar]').getAttribute('aria-valuenow'), '2');
  assert.equal(await page.locator('#corpus-progress [role=progressbar]').getAttribute('aria-valuemax'), '5');
  await shot(page, 'corpus-view.png');

  // Search is Arabic-normalised: احمد finds أحمد, الرياض finds بالرياض; "/" focuses the box.
  await page.locator('body').press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'article-search');
  await page.keyboard.type('احمد');
  await expectList(page, [1], 'احمد finds أحمد');
  assert.equal(await page.locator('#article-total').textContent(), '1 of 5 articles');
  await page.locator('#article-search').fill('الرياض');
  await expectList(page, [2], 'الرياض finds بالرياض');
  await page.locator('#article-search').fill('بيان');
  await expectList(page, [4], 'a title word');
  await page.locator('#article-search').fill('لا شيء هنا');
  await expectList(page, [], 'no match');
  await page.locator('#article-list .list-empty', { hasText: 'No article matches' }).waitFor();
  await page.locator('#article-search').fill('');
  await expectList(page, [1, 2, 3, 4, 5], 'search cleared');

  // Each filter.
  const filterBy = async (id, value, ids, what) => {
    await page.locator(`#${id}`).selectOption(value);
    await expectList(page, ids, what);
  };
  await filterBy('filter-tag', 'politics', [1], 'tag politics');
  await filterBy('filter-tag', 'economy', [2], 'tag economy');
  await filterBy('filter-tag', '', [1, 2, 3, 4, 5], 'any tag');
  await filterBy('filter-label', 'LOC', [2, 3], 'label LOC');
  await filterBy('filter-label', 'ORG', [4], 'label ORG');
  await filterBy('filter-label', '', [1, 2, 3, 4, 5], 'any label');
  await filterBy('filter-status', 'done', [1, 4], 'my status done');
  await filterBy('filter-status', 'in_progress', [3], 'my status in progress');
  await filterBy('filter-status', 'todo', [2, 5], 'my status to do');
  await filterBy('filter-status', '', [1, 2, 3, 4, 5], 'any status');
  // The analyst filter offers the analysts (Amina only has statuses, which counts as work).
  const analysts = await page.$$eval('#filter-analyst option', (os) => os.map((o) => o.value).filter(Boolean));
  assert.deepEqual(analysts.sort(), ['Amina', 'Karim', 'Salma']);
  await filterBy('filter-analyst', 'Karim', [1, 2], 'worked on by Karim');
  await filterBy('filter-analyst', 'Salma', [3, 4], 'worked on by Salma');
  // Filters combine with each other and with the search; Clear filters keeps the search.
  await filterBy('filter-status', 'done', [4], 'Salma and done');
  await page.locator('#filter-clear').click();
  await expectList(page, [1, 2, 3, 4, 5], 'cleared');
  assert.equal(await page.locator('#filter-analyst').inputValue(), '');
  // A click on a progress count filters by that status.
  await page.locator('#corpus-progress [data-progress=in_progress]').click();
  await expectList(page, [3], 'progress count → filter');
  assert.equal(await page.locator('#filter-status').inputValue(), 'in_progress');
  await page.locator('#filter-clear').click();

  // Each sort.
  await filterBy('list-sort', 'spans', [2, 1, 3, 4, 5], 'most spans first');
  await filterBy('list-sort', 'title', [3, 1, 5, 4, 2], 'titles A–Z (Latin before Arabic)');
  await filterBy('list-sort', 'status', [2, 5, 3, 1, 4], 'my status: to do, in progress, done');
  await filterBy('list-sort', 'id', [1, 2, 3, 4, 5], 'import order');

  // The list by keyboard: ArrowDown from the search moves into the list, arrows move, Enter opens.
  await page.locator('#article-search').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.articleId), '2');
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.articleId), '5');
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await page.locator('#article-pane[data-article-id="1"]').waitFor();

  // Next unfinished (Shift+N): after article 1 (done) comes 2 (to do), then 3 (in progress), then 5 (4 is done),
  // then round to the top: 2 again. Opening an article leaves its status as it was.
  const next = async (id) => {
    await page.locator('#article-text').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift+N');
    await page.locator(`#article-pane[data-article-id="${id}"]`).waitFor();
    await page.locator(`#article-list [data-article-id="${id}"][aria-current=true]`).waitFor();
  };
  await next(2);
  await page.locator('#status [data-status=todo][aria-pressed=true]').waitFor();
  await page.locator('#status [data-status=done][aria-pressed=false]').waitFor();
  await next(3);
  await next(5);
  await next(2);
  // The button does the same.
  await page.locator('#next-unfinished').click();
  await page.locator('#article-pane[data-article-id="3"]').waitFor();
  await page.locator('#corpus-progress', { hasText: '2 done · 1 in progress · 2 to do' }).waitFor();

  // With a filter, next unfinished stays inside the filtered list.
  await page.locator('#filter-analyst').selectOption('Salma');
  await expectList(page, [3, 4], 'Salma');
  await page.locator('#next-unfinished').click();
  await page.locator('#toast', { hasText: 'No other unfinished article in this list' }).waitFor();
  assert.equal(await page.locator('#article-pane').getAttribute('data-article-id'), '3');

  assert.deepEqual(browser.errors, []);
});
