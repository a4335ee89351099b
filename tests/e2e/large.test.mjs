// Test 5: a 100k-character article with hundreds of spans opens, draws and labels quickly and exactly.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, exportRecords, fixture, launch, openApp, openArticle, articleIdByTitle, serve, settle, tempProject, startApp } from './harness.mjs';

const PARA = 'في 12 فبراير 2026 استقبل عبد اللطيف حموشي 😀 وفد FBI بالرباط على هامش معرض IGEF 2025.';

function bigRecord() {
  const lines = [];
  while (lines.join('\r\n').length < 100_000) lines.push(`${lines.length + 1}. ${PARA}`);
  const text = lines.join('\r\n');
  const spans = [];
  const name = 'عبد اللطيف حموشي';
  for (let i = text.indexOf(name); i >= 0 && spans.length < 400; i = text.indexOf(name, i + 1)) {
    const start = [...text.slice(0, i)].length;
    spans.push({ start, end: start + [...name].length, label: 'PER', text: name, annotator: 'Bulk' });
  }
  return { id: 'big', title: 'مقال طويل جدا', text, spans };
}

test('a 100k-character article with 400 spans stays fast and exact', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  const rec = bigRecord();
  cli(project.db, 'import', fixture(project.dir, 'big.jsonl', JSON.stringify(rec) + '\n'));
  const { page, server, browser } = await startApp(t, project.db, 'Nadia');

  const t0 = Date.now();
  await openArticle(page, await articleIdByTitle(page, 'مقال طويل'));
  // Only paragraphs near the viewport are drawn: the first spans are there at once.
  await page.locator('.hl[data-label=PER]').first().waitFor();
  const openMs = Date.now() - t0;
  const drawnAtOpen = await page.$$eval('.hl', (els) => new Set(els.map((e) => e.dataset.spanId)).size);
  assert.ok(drawnAtOpen > 0 && drawnAtOpen < rec.spans.length, `${drawnAtOpen} of ${rec.spans.length} spans drawn near the top`);
  // Scrolling through the article draws every span on its way.
  const seen = await page.evaluate(async () => {
    const main = document.getElementById('main');
    const ids = new Set();
    for (let y = 0; ; y += main.clientHeight * 0.8) {
      main.scrollTop = y;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      for (const e of document.querySelectorAll('.hl')) ids.add(e.dataset.spanId);
      if (y > main.scrollHeight) break;
    }
    return ids.size;
  });
  assert.equal(seen, rec.spans.length, 'every span is drawn when its paragraph is on screen');

  // Label the last FBI in the text (far past many astral emoji: UTF-16 and code points differ by hundreds).
  const u16 = rec.text.lastIndexOf('FBI');
  const start = [...rec.text.slice(0, u16)].length;
  assert.ok(u16 - start > 500, 'many astral characters before the target');
  const t1 = Date.now();
  await page.evaluate(([s, e]) => window.hashiya.selectRange(s, e), [start, start + 3]);
  await page.keyboard.press('o');
  await page.locator('.hl[data-label=ORG]').first().waitFor();
  const labelMs = Date.now() - t1;
  console.log(`open+draw ${openMs} ms, label ${labelMs} ms`);
  assert.ok(openMs < 8000, `opening took ${openMs} ms`);
  assert.ok(labelMs < 4000, `labelling took ${labelMs} ms`);

  await settle(page); // the list refresh after labelling
  await settle(page); // nothing in flight or about to start when the server goes
  await server.stop();
  const [out] = exportRecords(project.db);
  const org = out.spans.find((s) => s.label === 'ORG');
  assert.deepEqual([org.start, org.end, org.text], [start, start + 3, 'FBI']);
  assert.equal([...out.text].slice(org.start, org.end).join(''), 'FBI');
  assert.deepEqual(browser.errors, []);
});
