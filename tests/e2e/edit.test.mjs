// Test 3: click a highlight to relabel, annotate a note and delete; others' spans are read-only; tags and status persist.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, exportRecords, fixture, launch, openApp, openArticle, articleIdByTitle, serve, shot, tempProject, startApp, settle, cpRange } from './harness.mjs';

const A = 'قال المدير العام عبد اللطيف حموشي إن مدينة طنجة تستضيف مؤتمر قادة الشرطة والأمن العرب.';
const B = 'وصل وفد من الإنتربول إلى الرباط صباح اليوم.';
const cpOf = (text, s) => cpRange(text, s);
const tanger = cpOf(A, 'طنجة');
const records = [
  { id: 'edit-a', title: 'مقال التحرير', text: A, spans: [{ ...tanger, label: 'LOC', text: 'طنجة', annotator: 'Other' }] },
  { id: 'edit-b', title: 'مقال الحالة', text: B },
];

/** Click the middle of a span's highlight. A repaint may replace the element between finding it and
 * measuring it (its box is then null): look again until a box is there. */
async function clickSpan(page, id) {
  const hl = page.locator(`.hl[data-span-id="${id}"]`).first();
  let box = null;
  for (let i = 0; i < 50 && !box; i++) {
    await hl.waitFor({ state: 'visible' });
    box = await hl.boundingBox();
    if (!box) await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(box, `the highlight of span ${id} has a box`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

test('edit spans by clicking them; tags and status persist across reload', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  cli(project.db, 'import', fixture(project.dir, 'edit.jsonl', records.map((r) => JSON.stringify(r)).join('\n') + '\n'));
  const { page, server, browser } = await startApp(t, project.db, 'Reviewer');
  const idA = await articleIdByTitle(page, 'مقال التحرير');
  const idB = await articleIdByTitle(page, 'مقال الحالة');
  await openArticle(page, idA);

  // Another analyst's span is shown, read-only.
  const other = page.locator('.hl.hl-other[data-label=LOC]');
  await other.first().waitFor();
  await clickSpan(page, await other.first().getAttribute('data-span-id'));
  const editor = page.locator('#span-editor');
  await editor.waitFor();
  assert.match(await editor.textContent(), /Read-only/);
  assert.equal(await editor.locator('#span-delete').count(), 0);
  assert.equal(await editor.locator('[data-relabel]').count(), 0);
  await page.keyboard.press('Escape');
  assert.equal(await editor.isVisible(), false);

  // Create a PER span with the palette button (the selection survives the click).
  const name = cpOf(A, 'عبد اللطيف حموشي');
  await page.evaluate(([s, e]) => window.hashiya.selectRange(s, e), [name.start, name.end]);
  await page.locator('#palette [data-label=PER]').click();
  const per = page.locator('.hl[data-label=PER]');
  await per.first().waitFor();
  const id = await per.first().getAttribute('data-span-id');

  // Click it → editor → relabel to ORG.
  await clickSpan(page, id);
  await editor.waitFor();
  assert.equal(await editor.getAttribute('data-span-id'), id);
  assert.match(await editor.locator('.pop-quote').textContent(), /عبد اللطيف حموشي/);
  await editor.locator('[data-relabel=ORG]').click();
  await page.locator(`.hl[data-span-id="${id}"][data-label=ORG]`).first().waitFor();
  assert.equal(await per.count(), 0);

  // Click again → delete.
  await clickSpan(page, id);
  await editor.locator('#span-delete').click();
  await page.locator(`.hl[data-span-id="${id}"]`).first().waitFor({ state: 'detached' });

  // Overlap my span with the other analyst's: a click offers a chooser.
  const city = cpOf(A, 'مدينة طنجة');
  await page.evaluate(([s, e]) => window.hashiya.selectRange(s, e), [city.start, city.end]);
  await page.keyboard.press('l');
  await page.waitForFunction(() => document.querySelectorAll('.hl:not(.hl-other)[data-label=LOC]').length > 0);
  const mine = await page.locator('.hl:not(.hl-other)[data-label=LOC]').first().getAttribute('data-span-id');
  await clickSpan(page, await other.first().getAttribute('data-span-id'));
  const chooser = page.locator('#span-chooser');
  await chooser.waitFor();
  assert.equal(await chooser.locator('[data-span-id]').count(), 2);
  await shot(page, 'overlap-chooser.png');
  await chooser.locator(`[data-span-id="${mine}"]`).click();
  await editor.waitFor();
  await editor.locator('#span-note').fill('المدينة كاملة');
  await shot(page, 'span-editor.png');
  await editor.locator('#span-note-save').click();
  await page.locator('#toast', { hasText: 'Note saved' }).waitFor();

  // Tags: click and hotkey; status done by click.
  await page.locator('#tags [data-tag=security]').click();
  await page.locator('#tags [data-tag=security][aria-pressed=true]').waitFor();
  await page.keyboard.press('2');
  await page.locator('#tags [data-tag=politics][aria-pressed=true]').waitFor();
  await page.locator('#tags [data-tag=security]').click();
  await page.locator('#tags [data-tag=security][aria-pressed=false]').waitFor();
  await page.locator('#status [data-status=done]').click();
  await page.locator('#status [data-status=done][aria-pressed=true]').waitFor();
  await page.locator(`#article-list [data-article-id="${idA}"] [data-status-badge=done]`).waitFor();

  // Article B: opening it leaves it to do; Ctrl+Enter marks it done.
  await openArticle(page, idB);
  await page.locator('#status [data-status=todo][aria-pressed=true]').waitFor();
  await page.keyboard.press('Control+Enter');
  await page.locator('#status [data-status=done][aria-pressed=true]').waitFor();

  await page.reload();
  await page.locator('body[data-ready=true]').waitFor();
  await page.locator(`#article-list [data-article-id="${idA}"] [data-status-badge=done]`).waitFor();
  await page.locator(`#article-list [data-article-id="${idB}"] [data-status-badge=done]`).waitFor();
  await openArticle(page, idA);
  assert.equal(await page.locator('#status [data-status=done]').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('#tags [data-tag=politics]').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('#tags [data-tag=security]').getAttribute('aria-pressed'), 'false');
  assert.equal(await page.locator('.hl[data-label=ORG]').count(), 0, 'the deleted span stays deleted');
  const ids = await page.$$eval('.hl', (els) => [...new Set(els.map((e) => e.dataset.label + ':' + e.dataset.annotator))].sort());
  assert.deepEqual(ids, ['LOC:Other', 'LOC:Reviewer']);

  // Another analyst on the same computer: the name is changed from the top bar; Reviewer's spans become read-only.
  await page.locator('#analyst-btn').click();
  await page.locator('#analyst-name').fill('Second');
  await shot(page, 'name-dialog.png');
  await page.locator('#analyst-save').click();
  await page.locator('#analyst-label', { hasText: 'Second' }).waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('.hl')].every((e) => e.classList.contains('hl-other')));
  assert.equal(await page.locator(`#article-list [data-article-id="${idA}"] [data-status-badge=todo]`).count(), 1, 'the list shows the new analyst\'s status');

  await settle(page); // nothing in flight or about to start when the server goes
  await server.stop();
  const recs = exportRecords(project.db);
  const a = recs.find((r) => r.id === 'edit-a');
  const spans = a.spans.map((s) => [s.annotator, s.label, s.text, s.note ?? '']).sort();
  assert.deepEqual(spans, [['Other', 'LOC', 'طنجة', ''], ['Reviewer', 'LOC', 'مدينة طنجة', 'المدينة كاملة']]);
  assert.deepEqual(a.tags.filter((t) => t.annotator === 'Reviewer').map((t) => t.label), ['politics']);
  for (const r of recs) assert.equal(r.status.find((s) => s.annotator === 'Reviewer')?.status, 'done', `${r.id} is done`);
  assert.deepEqual(browser.errors, []);
});

test('a span saved elsewhere since the article opened is not an edit here: undo leaves it', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  cli(project.db, 'import', fixture(project.dir, 'dup.jsonl', JSON.stringify({ id: 'dup-b', title: 'مقال الحالة', text: B }) + '\n'));
  const { page, server } = await startApp(t, project.db, 'Amal');
  const id = await articleIdByTitle(page, 'مقال الحالة');
  await openArticle(page, id);

  // The same analyst labels الرباط from another window (here: the HTTP API) after this view was loaded.
  const rabat = cpOf(B, 'الرباط');
  const url = new URL(server.url);
  const res = await fetch(new URL('/api/add_span', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hashiya-token': url.searchParams.get('token') },
    body: JSON.stringify({ article_id: id, annotator: 'Amal', ...rabat, label: 'LOC' }),
  });
  assert.equal(res.status, 200);
  const elsewhere = await res.json();
  assert.equal(elsewhere.existing, false);

  // Labelling it here finds it stored: no new span, no undo step, and it is drawn after the refresh.
  await page.evaluate(([s, e]) => window.hashiya.selectRange(s, e), [rabat.start, rabat.end]);
  await page.keyboard.press('l');
  await page.locator('#toast', { hasText: 'LOC' }).waitFor();
  await page.locator(`.hl[data-span-id="${elsewhere.id}"]`).first().waitFor();
  await page.keyboard.press('Control+z');
  await settle(page);
  assert.equal(await page.locator(`.hl[data-span-id="${elsewhere.id}"]`).count() > 0, true, 'undo did not delete the span saved elsewhere');

  await server.stop();
  const [rec] = exportRecords(project.db);
  assert.deepEqual(rec.spans.map((s) => [s.label, s.text, s.annotator]), [['LOC', 'الرباط', 'Amal']]);
});
