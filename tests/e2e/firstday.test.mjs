// An analyst's first day (issue 16): status only moves with work, runaway drags, review names and pairs,
// mixed-direction highlights, blind annotation — each with real mouse and keys in Chromium.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleIdByTitle, cli, cpRange, exportRecords, fixture, openArticle, settle, shot, startApp, tempProject } from './harness.mjs';

const A =
  'وصل وفد من الإنتربول إلى الرباط صباح اليوم في 12 فبراير، ثم زار والرباط مرة أخرى.\n' +
  'قال المدير العام للأمن الوطني عبد اللطيف حموشي إن كأس العالم 2030 موعد كبير وإن FBI شريك.\n' +
  'وتابع الوفد زيارته إلى طنجة ثم فاس ثم مراكش ثم أكادير، وعاد في المساء إلى الرباط بعد يوم طويل من اللقاءات.';

/** Poll until `check()` holds (the UI saves asynchronously), then assert it with `message`. */
async function until(check, message) {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(await check(), typeof message === 'function' ? message() : message);
}

function project(t, records) {
  const p = tempProject();
  t.after(p.cleanup);
  cli(p.db, 'import', fixture(p.dir, 'day.jsonl', records.map((r) => JSON.stringify(r)).join('\n') + '\n'));
  return p;
}

test('opening an article leaves it to do; the first tag starts it; Done looks pressed only when it is', async (t) => {
  const p = project(t, [{ id: 'a', title: 'يوم أول', text: A }]);
  const { page, browser } = await startApp(t, p.db, 'Amina');
  const id = await articleIdByTitle(page, 'يوم أول');
  await openArticle(page, id);
  await page.locator('#status [data-status=todo][aria-pressed=true]').waitFor();
  const bg = (s) => page.locator(`#status [data-status=${s}]`).evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(await bg('done'), await bg('in_progress'), 'an unpressed Done looks like the other unpressed buttons');
  await page.locator('#corpus-progress', { hasText: '0 done · 0 in progress · 1 to do' }).waitFor();
  await settle(page);
  assert.deepEqual(exportRecords(p.db)[0].status ?? [], [], 'opening stored no status');
  await page.locator('#tags [data-tag=security]').click();
  await page.locator('#status [data-status=in_progress][aria-pressed=true]').waitFor();
  await page.locator('#corpus-progress', { hasText: '0 done · 1 in progress · 0 to do' }).waitFor();
  await page.locator('#status [data-status=done]').click();
  await page.locator('#status [data-status=done][aria-pressed=true]').waitFor();
  assert.notEqual(await bg('done'), await bg('in_progress'), 'a pressed Done stands out');
  assert.deepEqual(browser.errors, []);
});
