// Review navigation between articles: "next article with disagreements" (Shift+N and the button) skips articles where the
// analysts agree or only one worked, and wraps round; a reviewer who only adjudicated is not offered as an analyst
// (review picker, dashboard, progress, export dialog).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, fixture, launch, openApp, serve, tempProject, startApp, cpRange } from './harness.mjs';

const TEXTS = [
  'قال وزير الخارجية ناصر بوريطة في الرباط إن المؤتمر سيعقد قريبا.',
  'افتتح الملك محمد السادس معرضا في مراكش.',
  'أعلنت الشرطة في طنجة توقيف ثلاثة أشخاص.',
  'زار الوفد مدينة فاس أمس.',
];
// [article index, text, label]; Karim differs from Salma on articles 1 and 3 only; article 4 is Salma's alone.
const PLAN = {
  Salma: [[0, 'ناصر بوريطة', 'PER'], [0, 'الرباط', 'LOC'], [1, 'محمد السادس', 'PER'], [2, 'طنجة', 'LOC'], [3, 'فاس', 'LOC']],
  Karim: [[0, 'ناصر بوريطة', 'PER'], [0, 'الرباط', 'ORG'], [1, 'محمد السادس', 'PER'], [2, 'طنجة', 'LOC'], [2, 'الشرطة', 'ORG']],
};
const cp = (t, s) => cpRange(t, s);

test('review: next article with disagreements; reviewers are not offered as analysts', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  for (const [who, spans] of Object.entries(PLAN)) {
    const lines = TEXTS.map((text, i) => ({ i, text, spans: spans.filter(([j]) => j === i) }))
      .filter((a) => a.spans.length)
      .map(({ i, text, spans: ss }) => JSON.stringify({ id: `n${i}`, title: `خبر ${i + 1}`, text, spans: ss.map(([, s, label]) => ({ ...cp(text, s), label, annotator: who })) }));
    cli(project.db, 'import', fixture(project.dir, `${who}.jsonl`, lines.join('\n') + '\n'));
  }
  const { page, server, browser } = await startApp(t, project.db, 'Rev');

  await page.locator('#mode-review').click();
  await page.locator('#article-list [data-article-id="1"]').click();
  await page.locator('#review-dis-list .dis-item').first().waitFor();
  const at = async (id) => {
    await page.waitForFunction((want) => location.hash === `#review=${want}`, id);
    await page.locator('#review-title', { hasText: `خبر ${id}` }).waitFor();
  };
  await at(1);

  // Article 2: they agree; article 4: only Salma. So 1 → 3 → 1.
  await page.locator('#review-title').click();
  await page.keyboard.press('Shift+N');
  await at(3);
  await page.keyboard.press('Shift+N');
  await at(1);
  await page.locator('#review-next-article').click();
  await at(3);
  await page.locator('#article-list [data-article-id="3"][aria-current=true]').waitFor();

  // The reviewer adjudicates (gold only): accept the first disagreement.
  await page.keyboard.press('j');
  await page.keyboard.press('a');
  await page.locator('#review-gold-list li').first().waitFor();

  // After a reload the reviewer is known to the project, but is not offered as an analyst anywhere.
  await page.reload();
  await page.locator('body[data-ready=true]').waitFor();
  await page.locator('#review-annotators input[data-annotator]').first().waitFor();
  const offered = (sel) => page.$$eval(sel, (els) => els.map((e) => e.dataset.annotator).sort());
  assert.deepEqual(await offered('#review-annotators input[data-annotator]'), ['Karim', 'Salma']);
  await page.locator('#mode-agreement').click();
  await page.locator('#progress-table').waitFor();
  assert.deepEqual(await offered('#agreement-annotators input[data-annotator]'), ['Karim', 'Salma']);
  assert.deepEqual(await offered('#progress-table tr[data-annotator]'), ['Karim', 'Salma']);
  assert.match(await page.locator('#progress-gold').textContent(), /4 articles · 0 adjudicated by reviewers · 1 gold span/);
  await page.locator('#export-btn').click();
  assert.deepEqual(await offered('#export-annotators input[data-annotator]'), ['Karim', 'Salma']);
  const options = await page.$$eval('#filter-analyst option', (os) => os.map((o) => o.value).filter(Boolean).sort());
  assert.deepEqual(options, ['Karim', 'Salma']);

  assert.deepEqual(browser.errors, []);
});
