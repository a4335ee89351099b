// Entities in the browser: label the first حموشي, make it an entity (Shift+E), link all its mentions across the five
// seeds in one step (accept all), see the entity view (names, aliases, articles, counts) in English and Arabic, filter the
// list by it, and undo the whole step with one Ctrl+Z.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, cpRangeOf, exportRecords, openArticle, articleIdByTitle, seeds, settle, shot, storedTitle, tempProject, startApp } from './harness.mjs';

const sel = (page, r) => page.evaluate(([s, e]) => window.hashiya.selectRange(s, e), [r.start, r.end]);

test('link every mention of one man across the seeds, view the entity in English and Arabic, undo in one step', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  const files = seeds();
  cli(project.db, 'import', ...files.map((f) => f.file));
  const seed = files.find((f) => f.text.includes('احموشي'));
  const title = storedTitle(project.db, seed.text);
  const { page, browser } = await startApp(t, project.db);
  await openArticle(page, await articleIdByTitle(page, title.slice(0, 40)));

  // The first حموشي on its own, labelled PER with the keyboard, then Shift+E: no entity matches yet, make one.
  await sel(page, cpRangeOf(seed.text, 'حموشي'));
  await page.keyboard.press('p');
  await page.locator('.hl.hl-focus[data-label=PER]').first().waitFor();
  await page.keyboard.press('Shift+E');
  const dlg = page.locator('#ent-dialog');
  await dlg.locator('#ent-status').waitFor();
  assert.equal(await dlg.locator('.ent-proposal').count(), 0);
  await dlg.locator('#ent-new').click();
  await dlg.locator('#ent-name', { hasText: 'حموشي' }).waitFor();
  assert.match(await dlg.locator('#ent-summary').textContent(), /^1 mention in 1 article/);

  // Link all mentions: the list, then accept all.
  await page.keyboard.press('Enter'); // the focused "Link all mentions…"
  await dlg.locator('#ent-mentions .occ-row').first().waitFor();
  const rows = await dlg.locator('#ent-mentions .occ-row').evaluateAll((els) => els.map((e) => ({ hit: e.querySelector('.occ-hit').textContent, action: e.dataset.action, title: e.querySelector('.occ-title').textContent })));
  assert.equal(rows.length, 36, 'every mention in the five seeds');
  assert.deepEqual([...new Set(rows.map((r) => r.hit))].sort(), ['احموشي', 'الحموشي', 'حموشي']);
  assert.equal(rows.filter((r) => r.action === 'linked').length, 1, 'the span it was made from');
  assert.equal(new Set(rows.map((r) => r.title)).size, 5);
  assert.equal(await dlg.locator('#ent-mentions .occ-variant').count(), 2, 'احموشي marked as another spelling');
  await shot(page, 'entity-mentions.png');
  await dlg.locator('#ent-accept-all', { hasText: '(35)' }).click();
  await page.locator('#toast', { hasText: '35 spans created, 0 linked' }).waitFor();
  await dlg.locator('#ent-summary', { hasText: '36 mentions in 5 articles' }).waitFor();
  const aliases = await dlg.locator('#ent-aliases li').allTextContents();
  assert.deepEqual(aliases.sort(), ['احموشي', 'الحموشي', 'حموشي'].sort());
  assert.equal(await dlg.locator('#ent-articles .ent-article').count(), 5);
  await shot(page, 'entity-view-en.png');
  const linked = () => exportRecords(project.db).flatMap((r) => r.spans.filter((s) => s.entity));
  assert.equal(linked().length, 36);
  assert.ok(linked().every((s) => s.label === 'PER' && s.annotator === 'Amina'));

  // The list filtered by the entity: the five articles.
  await dlg.locator('#ent-filter').click();
  await page.waitForFunction(() => /^5\b/.test(document.getElementById('article-total')?.textContent ?? ''));
  assert.equal(await page.locator('#filter-clear').isHidden(), false);

  // In Arabic: the registry (Shift+E with no span focused), then the entity view.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+U');
  await page.locator('html[lang=ar]').waitFor();
  await page.keyboard.press('Shift+E');
  await dlg.locator('#ent-registry [data-entity-id]').first().click();
  await dlg.locator('#ent-summary', { hasText: 'في' }).waitFor();
  const summary = await dlg.locator('#ent-summary').textContent();
  assert.ok(/إشارة/.test(summary) && /مقالات/.test(summary), summary);
  assert.equal(await dlg.locator('#ent-link-all').textContent(), 'ربط كل الإشارات…');
  await shot(page, 'entity-view-ar.png');
  await dlg.locator('#ent-close').click();
  await page.keyboard.press('Shift+U');
  await page.locator('html[lang=en]').waitFor();

  // One Ctrl+Z undoes the whole step: the created spans go, the aliases too.
  await page.keyboard.press('Control+z');
  await page.locator('#toast', { hasText: 'Undone: Link 35 mentions' }).waitFor();
  assert.equal(linked().length, 1);
  await settle(page);
  assert.deepEqual(browser.errors, []);
});
