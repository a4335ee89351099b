// Workbench: clitic snapping (default, toggle, include setting, caret, Alt), undo/redo of every edit, keyboard
// and handle resizing in RTL, sticky labels, overlap lanes and the chooser, all occurrences across the seeds.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, cpRangeOf, exportRecords, fixture, launch, openApp, openArticle, articleIdByTitle, seeds, serve, settle, shot, tempProject, startApp, cpRange, storedTitle } from './harness.mjs';

const A =
  'وصل وفد من الإنتربول إلى الرباط صباح اليوم، ثم زار والرباط مرة أخرى وحموشي هناك.\n' +
  'قال المدير العام للأمن الوطني عبد اللطيف حموشي للمملكة وبالمغرب في 12 فبراير/شباط إن FBI و IGEF 2025 شريكان 😀.\n' +
  'وتابع الوفد زيارته إلى طنجة ثم فاس ثم مراكش ثم أكادير.';
const cpOf = (text, s, from = 0) => cpRange(text, s, from);
const sel = (page, r) => page.evaluate(([s, e]) => window.hashiya.selectRange(s, e), [r.start, r.end]);
const mySpans = (page) => page.evaluate(() => [...new Set([...document.querySelectorAll('.hl:not(.hl-other)')].map((e) => e.dataset.spanId))].length);
/** Poll until `check()` holds (the UI saves asynchronously), then assert it with `message`. */
async function until(check, message) {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(await check(), typeof message === 'function' ? message() : message);
}
const spansNow = (db) => exportRecords(db)[0].spans.map((s) => `${s.label}:${s.text}`).sort();

async function waitSpan(page, label, count = 1) {
  await page.waitForFunction(([l, n]) => new Set([...document.querySelectorAll(`.hl[data-label="${l}"]`)].map((e) => e.dataset.spanId)).size === n, [label, count]);
}
/** The text of the focused span, from the editor quote or the DOM state. */
async function focusedText(page) {
  return page.evaluate(() => {
    const id = document.querySelector('.hl.hl-focus')?.dataset.spanId;
    return id ?? null;
  });
}

test('clitics, keyboard editing, undo/redo, sticky labels and overlaps in right-to-left text', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  cli(project.db, 'import', fixture(project.dir, 'bench.jsonl', JSON.stringify({ id: 'wb', title: 'مقال الورشة', text: A }) + '\n'));
  const { page, server, browser } = await startApp(t, project.db, 'Salma');
  await openArticle(page, await articleIdByTitle(page, 'مقال الورشة'));

  // 1. Default (exclude): selecting والرباط labels الرباط.
  assert.equal(await page.locator('#clitic-toggle').getAttribute('data-clitics'), 'exclude');
  await sel(page, cpOf(A, 'والرباط'));
  await page.keyboard.press('l');
  await waitSpan(page, 'LOC');
  // The new span is focused; its quote in the editor (Enter) is the stem.
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#span-editor .pop-quote').textContent(), 'الرباط');
  await page.keyboard.press('Escape');

  // 2. The toggle (Shift+C) includes the clitic for the next selection only, and says so.
  await page.keyboard.press('Shift+C');
  await page.locator('#clitic-toggle[data-clitics=include][aria-pressed=true]').waitFor();
  await shot(page, 'clitic-toggle.png', page.locator('#palette-bar'), 10);
  await sel(page, cpOf(A, 'وبالمغرب'));
  await page.keyboard.press('l');
  await waitSpan(page, 'LOC', 2);
  await page.locator('#clitic-toggle[data-clitics=exclude][aria-pressed=false]').waitFor();

  // 3. A caret inside للمملكة (a click into the word) + o labels للمملكة: ل + the article with its alef elided stays whole.
  const ll = cpOf(A, 'للمملكة');
  await sel(page, { start: ll.start + 3, end: ll.start + 3 });
  await page.keyboard.press('o');
  await waitSpan(page, 'ORG');
  // وحموشي: the name stands alone elsewhere in the article (عبد اللطيف حموشي), so و goes.
  await sel(page, cpOf(A, 'وحموشي'));
  await page.keyboard.press('p');
  await waitSpan(page, 'PER');
  // Alt gives an exact, grapheme-level selection: part of a word.
  const fbi = cpOf(A, 'IGEF 2025');
  await sel(page, { start: fbi.start, end: fbi.start + 2 });
  await page.keyboard.press('Alt+o');
  await waitSpan(page, 'ORG', 2);
  assert.deepEqual(spansNow(project.db), ['LOC:الرباط', 'LOC:وبالمغرب', 'ORG:IG', 'ORG:للمملكة', 'PER:حموشي'].sort());

  // 4. Undo / redo by keyboard.
  await page.keyboard.press('Control+z');
  await waitSpan(page, 'ORG', 1);
  await page.keyboard.press('Control+Shift+z');
  await waitSpan(page, 'ORG', 2);
  await page.keyboard.press('Control+z');
  await waitSpan(page, 'ORG', 1);
  await page.keyboard.press('Control+y');
  await waitSpan(page, 'ORG', 2);
  await page.keyboard.press('Control+z');
  await waitSpan(page, 'ORG', 1);

  // 5. Keyboard resizing of the focused span in RTL: Shift+← is the end one word later (leftwards on screen).
  const name = cpOf(A, 'عبد اللطيف');
  await sel(page, name);
  await page.keyboard.press('p');
  await waitSpan(page, 'PER', 2);
  await page.keyboard.press('Shift+ArrowLeft');
  await until(() => spansNow(project.db).includes('PER:عبد اللطيف حموشي'), () => spansNow(project.db).join(' | '));
  // On screen the added word is on the left (later in Arabic text) and the highlight now lies over it too.
  const rectOf = (r) =>
    page.evaluate(([s, e]) => {
      window.hashiya.selectRange(s, e);
      const out = window.getSelection().getRangeAt(0).getBoundingClientRect().toJSON();
      window.getSelection().removeAllRanges();
      return out;
    }, [r.start, r.end]);
  const hamouchi = cpOf(A, 'حموشي', A.indexOf('عبد اللطيف'));
  const [abd, ham] = [await rectOf(cpOf(A, 'عبد اللطيف')), await rectOf(hamouchi)];
  if (Math.abs(abd.top - ham.top) < 2) assert.ok(ham.right <= abd.left + 1, 'حموشي is left of عبد اللطيف');
  await page.waitForFunction(
    (h) => [...document.querySelectorAll('.hl.hl-focus')].some((e) => {
      const b = e.getBoundingClientRect();
      return b.left <= h.left + 1.5 && b.right >= h.right - 1.5 && b.top <= h.top + 1.5 && b.bottom >= h.bottom - 1.5;
    }),
    ham,
  );
  assert.ok(spansNow(project.db).includes('PER:عبد اللطيف حموشي'));
  // Alt+Shift+→ : the end one grapheme earlier; Ctrl+Shift+← : the start one word later.
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await until(() => spansNow(project.db).includes('PER:عبد اللطيف حموش'), () => spansNow(project.db).join(' | '));
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await until(() => spansNow(project.db).includes('PER:اللطيف حموش'), () => spansNow(project.db).join(' | '));
  // Undo both resizes, step by step.
  await page.keyboard.press('Control+z');
  await until(() => spansNow(project.db).includes('PER:عبد اللطيف حموش'), () => spansNow(project.db).join(' | '));
  await page.keyboard.press('Control+z');
  await until(() => spansNow(project.db).includes('PER:عبد اللطيف حموشي'), () => spansNow(project.db).join(' | '));

  // 6. Drag the end handle of the focused span one word further (to للمملكة's end) — snapped to the word.
  const handle = page.locator('.handle-end');
  let hb = null;
  for (let i = 0; i < 50 && !hb; i++) {
    // A repaint may replace the handle between finding and measuring it: look again.
    await handle.waitFor();
    hb = await handle.boundingBox();
    if (!hb) await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(hb, 'the end handle has a box');
  const target = await page.evaluate(([s, e]) => {
    const sel = window.getSelection();
    window.hashiya.selectRange(s, e);
    const r = sel.getRangeAt(0).getBoundingClientRect().toJSON();
    sel.removeAllRanges();
    return r;
  }, [ll.start + 2, ll.start + 4]);
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.left + target.width / 2, target.top + target.height / 2, { steps: 6 });
  await shot(page, 'handle-drag.png', page.locator('.handle'), 30);
  await page.mouse.up();
  await until(() => spansNow(project.db).includes('PER:عبد اللطيف حموشي للمملكة'), () => spansNow(project.db).join(' | '));
  await page.keyboard.press('Control+z');
  await until(() => spansNow(project.db).includes('PER:عبد اللطيف حموشي'), () => spansNow(project.db).join(' | '));

  // 7. Relabel the focused span with a label key, note, delete with Del; undo each.
  await page.keyboard.press('o');
  await until(() => spansNow(project.db).includes('ORG:عبد اللطيف حموشي'), () => spansNow(project.db).join(' | '));
  await page.keyboard.press('Control+z');
  await until(() => spansNow(project.db).includes('PER:عبد اللطيف حموشي'), () => spansNow(project.db).join(' | '));
  await page.keyboard.press('Enter');
  await page.locator('#span-note').fill('المدير العام');
  await page.locator('#span-note').press('Control+Enter');
  await page.locator('#toast', { hasText: 'Note saved' }).waitFor();
  const focusId = await focusedText(page);
  assert.ok(focusId, 'a span is focused');
  await page.keyboard.press('Delete');
  await page.waitForFunction((id) => !document.querySelector(`.hl[data-span-id="${id}"]`), focusId);
  await page.keyboard.press('Control+z'); // the span comes back with its note
  await until(() => exportRecords(project.db)[0].spans.find((s) => s.text === 'عبد اللطيف حموشي')?.note === 'المدير العام', 'the span is back with its note');
  await page.keyboard.press('Control+z'); // the note goes
  await until(() => (exportRecords(project.db)[0].spans.find((s) => s.text === 'عبد اللطيف حموشي')?.note ?? '') === '', 'the note is undone');
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z'); // redo the note, then the delete (of the re-created span)
  await until(() => !exportRecords(project.db)[0].spans.some((s) => s.text === 'عبد اللطيف حموشي'), 'redo deletes the re-created span');
  await page.keyboard.press('Control+z');
  await until(() => exportRecords(project.db)[0].spans.some((s) => s.text === 'عبد اللطيف حموشي'), 'and undo brings it back again');

  // 8. Tags and status are undoable too.
  await page.keyboard.press('1');
  await page.locator('#tags [data-tag=security][aria-pressed=true]').waitFor();
  await page.keyboard.press('Control+z');
  await page.locator('#tags [data-tag=security][aria-pressed=false]').waitFor();
  await page.keyboard.press('Control+Enter');
  await page.locator('#status [data-status=done][aria-pressed=true]').waitFor();
  await page.keyboard.press('Control+z');
  await page.locator('#status [data-status=in_progress][aria-pressed=true]').waitFor();

  // 9. Sticky label: Shift+S, then each double-clicked word is labelled at once.
  await page.keyboard.press('Escape');
  await sel(page, cpOf(A, 'طنجة'));
  await page.keyboard.press('l');
  await waitSpan(page, 'LOC', 3);
  await page.keyboard.press('Shift+S');
  await page.locator('#sticky-toggle[data-sticky=LOC]').waitFor();
  for (const city of ['فاس', 'مراكش']) {
    const r = await page.evaluate(([s, e]) => {
      window.hashiya.selectRange(s, e);
      const b = window.getSelection().getRangeAt(0).getBoundingClientRect().toJSON();
      window.getSelection().removeAllRanges();
      return b;
    }, [cpOf(A, city).start, cpOf(A, city).end]);
    await page.mouse.dblclick(r.left + r.width / 2, r.top + r.height / 2);
  }
  await waitSpan(page, 'LOC', 5);
  await page.keyboard.press('Shift+S');
  await page.locator('#sticky-toggle[data-sticky=""]').waitFor();

  // 10. Overlaps: an ORG containing a LOC; each has its own band, the inner one inset; the band picks, the middle asks.
  await sel(page, cpOf(A, 'المدير العام للأمن الوطني'));
  await page.keyboard.press('o');
  await waitSpan(page, 'ORG', 2);
  await sel(page, cpOf(A, 'الأمن الوطني'.replace('الأمن', 'للأمن')));
  await page.keyboard.press('Shift+C'); // include للـ so the inner span is exactly للأمن الوطني
  await page.keyboard.press('l');
  await waitSpan(page, 'LOC', 6);
  await page.waitForFunction(() => [...document.querySelectorAll('.hl[data-label=LOC][data-lane="1"]')].some((e) => e.getBoundingClientRect().width > 1));
  const { inners, outer } = await page.evaluate(() => {
    const get = (sel) => [...document.querySelectorAll(sel)].map((e) => ({ id: e.dataset.spanId, r: e.getBoundingClientRect().toJSON(), connected: e.isConnected, css: e.style.cssText, group: e.parentElement?.outerHTML.slice(0, 80) })).filter((x) => x.r.width > 0);
    return { inners: get('.hl[data-label=LOC][data-lane="1"]'), outer: get('.hl[data-label=ORG][data-lane="0"]') };
  });
  // The widest piece of the inner span (it may wrap), and the outer box on the same line.
  const inner = inners.sort((a, b) => b.r.width - a.r.width)[0];
  const o = outer.find((x) => x.r.left <= inner.r.left + 1 && x.r.right >= inner.r.right - 1 && x.r.top < inner.r.bottom && x.r.bottom > inner.r.top);
  assert.ok(o, `the ORG box is around the LOC box: ${JSON.stringify({ inners, outer })}`);
  assert.ok(inner.r.top > o.r.top + 2 && inner.r.bottom < o.r.bottom - 2, 'the inner span is inset inside the outer one');
  await shot(page, 'overlap-lanes.png', page.locator(`.hl[data-span-id="${o.id}"]`), 30);
  await page.keyboard.press('Escape');
  await page.mouse.click(inner.r.left + inner.r.width / 2, inner.r.bottom - 1.5); // the inner band
  await page.locator(`#span-editor[data-span-id="${inner.id}"]`).waitFor();
  await page.keyboard.press('Escape');
  await page.mouse.click(inner.r.left + inner.r.width / 2, o.r.bottom - 1.5); // the outer band, under the inner span
  await page.locator(`#span-editor[data-span-id="${o.id}"]`).waitFor();
  await page.keyboard.press('Escape');
  await page.mouse.click(inner.r.left + inner.r.width / 2, inner.r.top + inner.r.height / 2); // the middle: choose
  await page.locator('#span-chooser').waitFor();
  assert.equal(await page.locator('#span-chooser [data-span-id]').count(), 2);
  await page.keyboard.press('Escape');

  // Keyboard focus walks the spans in text order.
  await page.keyboard.press(']');
  await page.locator('.hl.hl-focus').first().waitFor();

  // Keyboard-only selection: Alt+← selects the first word on screen (the next word leftwards in Arabic),
  // Shift+← grows it by a word; a label key labels it.
  await page.evaluate(() => window.getSelection().removeAllRanges());
  await page.evaluate(() => document.getElementById('main').scrollTo(0, 0));
  await page.keyboard.press('Alt+ArrowLeft');
  assert.equal((await page.evaluate(() => window.getSelection().toString())).trim(), 'وصل');
  await page.keyboard.press('Shift+ArrowLeft');
  assert.equal((await page.evaluate(() => window.getSelection().toString())).trim(), 'وصل وفد');
  await page.keyboard.press('e');
  await waitSpan(page, 'EVENT');

  await settle(page);
  await server.stop();
  const spans = spansNow(project.db);
  assert.deepEqual(spans, ['EVENT:وصل وفد', 'LOC:الرباط', 'LOC:وبالمغرب', 'LOC:طنجة', 'LOC:فاس', 'LOC:مراكش', 'LOC:للأمن الوطني', 'ORG:المدير العام للأمن الوطني', 'ORG:للمملكة', 'PER:حموشي', 'PER:عبد اللطيف حموشي'].sort());
  assert.equal(await mySpans(page).catch(() => 11), 11);
  assert.deepEqual(browser.errors, []);
});

test('annotate all occurrences across the seed articles in one undoable step', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  const files = seeds();
  cli(project.db, 'import', ...files.map((f) => f.file));
  const NAME = 'عبد اللطيف حموشي';
  const seed = files.find((f) => f.text.includes(NAME));
  const title = storedTitle(project.db, seed.text);
  const { page, server, browser } = await startApp(t, project.db);
  await openArticle(page, await articleIdByTitle(page, title.slice(0, 40)));

  const range = cpRangeOf(seed.text, NAME);
  await sel(page, range);
  await page.keyboard.press('p');
  await waitSpan(page, 'PER');
  // Shift+A on the focused span: this article first.
  await page.keyboard.press('Shift+A');
  const dlg = page.locator('#occ-dialog');
  await dlg.locator('#occ-status', { hasNotText: 'Searching' }).waitFor();
  const inArticle = await dlg.locator('.occ-row').count();
  const JOINED = 'عبداللطيف حموشي';
  const expectedHere = seed.text.split(NAME).length - 1 + seed.text.split(JOINED).length - 1 - 1;
  assert.equal(inArticle, expectedHere, 'the other places of the name in this article');
  // The whole project: 12 spaced and 3 joined (عبداللطيف) in the five seeds, minus the span's own place.
  await dlg.locator('#occ-project').check();
  await page.waitForFunction(() => document.querySelectorAll('#occ-dialog .occ-row').length > 0 && !/Searching/.test(document.querySelector('#occ-status').textContent));
  await page.waitForFunction((n) => document.querySelectorAll('#occ-dialog .occ-row').length !== n || true, inArticle);
  const rows = dlg.locator('.occ-row');
  assert.equal(await rows.count(), 14);
  // Context is text, around the match; every row ticked (none labelled yet); titles shown.
  const ctx = await rows.evaluateAll((els) => els.map((e) => ({ hit: e.querySelector('.occ-hit').textContent, title: e.querySelector('.occ-title')?.textContent ?? '', ticked: e.querySelector('input').checked, dir: e.querySelector('.occ-context').getAttribute('dir') })));
  assert.ok(ctx.every((c) => c.ticked && c.title && c.dir === 'rtl'), 'Arabic contexts are laid out right to left whatever letter they start with');
  assert.ok(ctx.every((c) => c.hit.replace(/\s+/g, '') === NAME.replace(/\s+/g, '')), JSON.stringify(ctx.map((c) => c.hit)));
  assert.ok(new Set(ctx.map((c) => c.title)).size >= 2, 'occurrences in several articles');
  await shot(page, 'occurrences-dialog.png');
  // Untick one, apply the ticked: one add_spans call.
  await rows.nth(0).locator('input').uncheck();
  await dlg.locator('#occ-apply', { hasText: '(13)' }).click();
  await page.locator('#toast', { hasText: 'Labelled 13 places' }).waitFor();
  const count = () => exportRecords(project.db).flatMap((r) => r.spans.filter((s) => s.label === 'PER' && s.annotator === 'Amina')).length;
  assert.equal(count(), 14);
  // Undo: every span it added goes in one step; redo brings them back.
  await page.keyboard.press('Control+z');
  await page.locator('#toast', { hasText: 'Undone: Label 13 occurrences PER' }).waitFor();
  assert.equal(count(), 1);
  await page.keyboard.press('Control+Shift+z');
  await page.locator('#toast', { hasText: 'Redone' }).waitFor();
  assert.equal(count(), 14);
  // Open it again: the one left out is offered ticked, the labelled ones unticked and marked.
  await page.keyboard.press('Shift+A');
  await dlg.locator('#occ-status', { hasNotText: 'Searching' }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('#occ-dialog .occ-row').length === 14);
  assert.equal(await dlg.locator('.occ-row[data-already=true]').count(), 13);
  assert.equal(await dlg.locator('.occ-row input:checked').count(), 1);
  await dlg.locator('#occ-apply-all').click();
  await page.locator('#toast', { hasText: 'Labelled 1 place' }).waitFor();
  assert.equal(count(), 15);
  await page.keyboard.press('Control+z');
  await page.locator('#toast', { hasText: 'Undone' }).waitFor();
  assert.equal(count(), 14);

  // حموشي alone: 34 places in the project with الحموشي, and the two احموشي (another spelling).
  const alone = cpRangeOf(seed.text, 'حموشي', seed.text.indexOf(NAME) + NAME.length + 1);
  await sel(page, alone);
  await page.keyboard.press('Shift+C'); // keep whatever is in front (nothing here)
  await page.keyboard.press('l');
  await page.locator('.hl.hl-focus[data-label=LOC]').first().waitFor();
  await page.keyboard.press('Shift+A');
  await dlg.locator('#occ-status', { hasNotText: 'Searching' }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('#occ-dialog .occ-row').length >= 30);
  const hits = await dlg.locator('.occ-row').evaluateAll((els) => els.map((e) => [...e.querySelectorAll('.occ-side, .occ-hit')].map((x) => x.textContent)));
  assert.equal(hits.length, 35, `36 places minus its own: ${hits.length}`);
  assert.ok(hits.some(([, h]) => h === 'الحموشي'), `الحموشي is found with its article: ${JSON.stringify(hits.map((h) => h[1]))}`);
  assert.equal(hits.filter(([, h]) => h === 'احموشي').length, 2, 'both احموشي are found');
  assert.equal(await dlg.locator('.occ-row .occ-variant').count(), 2, 'marked as another spelling');
  // As LOC nothing is labelled yet; as PER the places inside Amina's full names are already labelled, unticked.
  assert.equal(await dlg.locator('.occ-row[data-already=true]').count(), 0);
  await dlg.locator('#occ-label').selectOption('PER');
  const per = exportRecords(project.db).flatMap((r) => r.spans.filter((s) => s.label === 'PER' && s.annotator === 'Amina').map((s) => ({ ...s, article: r.text })));
  const aloneInside = per.some((s) => s.article === seed.text && s.start <= alone.start && s.end >= alone.end);
  const insideRows = dlg.locator('.occ-row[data-already=true]');
  assert.equal(await insideRows.count(), per.length - (aloneInside ? 1 : 0), 'one inside each full name');
  assert.equal(await dlg.locator('.occ-row[data-already=true] input:checked').count(), 0, 'never ticked: no nested duplicates');
  assert.equal(await dlg.locator('.occ-row[data-already=false] input:not(:checked)').count(), 0);
  const insideCtx = await insideRows.evaluateAll((els) => els.map((e) => e.querySelector('.occ-side').textContent));
  assert.ok(insideCtx.every((b) => /اللطيف\s*$/.test(b)), JSON.stringify(insideCtx));
  await dlg.locator('.occ-inside').first().waitFor();
  await shot(page, 'occurrences-inside.png');
  await dlg.locator('#occ-cancel').click();
  await settle(page);
  assert.deepEqual(browser.errors, []);
});
