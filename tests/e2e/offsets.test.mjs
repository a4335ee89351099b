// Test 2: an emoji before the name and \r\n line breaks must not shift exported code-point offsets.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, covers, exportRecords, fixture, launch, openApp, openArticle, articleIdByTitle, serve, shot, tempProject, startApp, settle, measureTextAndBoxes, cpRange } from './harness.mjs';

const TITLE = 'تقرير خاص 😀 عن التعاون الأمني';
const TEXT = [
  TITLE,
  '😀 استقبل عبد اللطيف حموشي وفد FBI بالرباط يوم 12 فبراير 2026 على هامش معرض IGEF 2025 للدفاع.',
  '',
  'The FBI delegation met Hammouchi in Rabat on 12 February 2026.',
  'وقال حموشي إن 3 اتفاقيات 👩🏽‍💻 ستوقع قريبا، بحضور مكتب 🇲🇦 الأمن.',
].join('\r\n');

/** Code-point range of the n-th (0-based) occurrence of `s` in TEXT. */
function cp(s, nth = 0) {
  let i = TEXT.indexOf(s);
  for (let k = 0; k < nth && i >= 0; k++) i = TEXT.indexOf(s, i + 1);
  assert.ok(i >= 0, `${s} is in the fixture ${nth + 1} times`);
  return cpRange(TEXT, s, i);
}

test('spans after an emoji and \\r\\n export with exact code-point offsets', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  cli(project.db, 'import', fixture(project.dir, 'emoji.txt', TEXT));
  const { page, server, browser } = await startApp(t, project.db, 'Omar');
  await openArticle(page, await articleIdByTitle(page, 'تقرير خاص'));

  // One <p> per line, line breaks not rendered; directions per paragraph.
  const paras = await page.$$eval('#article-text p[data-start]', (ps) =>
    ps.map((p) => ({ start: Number(p.dataset.start), text: p.textContent, dir: getComputedStyle(p).direction, nodes: p.childNodes.length })),
  );
  assert.equal(paras.length, 5);
  for (const p of paras) {
    assert.equal(p.nodes, 1, 'each paragraph is one text node');
    assert.equal(TEXT.slice(p.start, p.start + p.text.length), p.text);
    assert.ok(!/[\r\n]/.test(p.text));
  }
  assert.equal(paras[3].dir, 'ltr', 'the English paragraph renders left to right');
  assert.equal(paras[1].dir, 'rtl', 'Arabic paragraphs render right to left');

  const label = async (range, key, { alt = false } = {}) => {
    const before = await page.locator('.hl').count();
    await page.evaluate(([s, e]) => window.hashiya.selectRange(s, e), [range.start, range.end]);
    await page.keyboard.press(alt ? `Alt+${key}` : key);
    await page.waitForFunction((n) => document.querySelectorAll('.hl').length > n, before);
  };

  const name = cp('عبد اللطيف حموشي');
  assert.equal(TEXT.indexOf('عبد اللطيف حموشي') - name.start, 2, 'two astral emoji before the name: UTF-16 is 2 ahead');
  await label(name, 'p');
  await label(cp('FBI'), 'o');
  await label(cp('IGEF 2025'), 'e');
  await label(cp('12 فبراير 2026'), 'd');
  await label(cp('Hammouchi'), 'p');
  // Word snapping: two letters inside "حموشي" label the whole word.
  const inside = cp('حموشي', 1);
  await label({ start: inside.start + 1, end: inside.start + 3 }, 'p');
  // Alt = exact: "الرباط" inside "بالرباط" without the clitic.
  const rabat = cp('الرباط');
  await label(rabat, 'l', { alt: true });

  // Each highlight sits on the text it labels.
  await settle(page);
  for (const [s, e, lab] of [[name.start, name.end, 'PER'], [cp('IGEF 2025').start, cp('IGEF 2025').end, 'EVENT']]) {
    const { text, boxes } = await measureTextAndBoxes(page, s, e, `.hl[data-label=${lab}]`);
    assert.ok(text.length > 0, `${lab}: the text has boxes`);
    for (const r of text) assert.ok(boxes.some((g) => covers(g, r)), `${lab} highlight covers its text: ${JSON.stringify(r)} under ${JSON.stringify(boxes)}`);
  }

  // The exact LOC box leaves out the clitic "ب" (the rightmost letter of "بالرباط" in RTL).
  const word = cp('بالرباط');
  const { text: wordRects, boxes: loc } = await measureTextAndBoxes(page, word.start, word.end, '.hl[data-label=LOC]');
  assert.equal(loc.length, 1);
  assert.equal(wordRects.length, 1);
  assert.ok(loc[0].right < wordRects[0].right - 2, 'the clitic stays outside the exact LOC highlight');
  assert.ok(Math.abs(loc[0].left - wordRects[0].left) < 1.5, 'the LOC highlight ends with the word');

  await shot(page, 'emoji-mixed-line.png', page.locator('#article-text p[data-start]').nth(1), 30);
  await shot(page, 'emoji-article.png', page.locator('#doc'), 10);
  await shot(page, 'exact-clitic-loc.png', page.locator('.hl[data-label=LOC]'), 8);

  await settle(page); // nothing in flight or about to start when the server goes
  await server.stop();
  const [rec] = exportRecords(project.db);
  assert.equal(rec.text, TEXT, 'the text is exported exactly, \\r\\n included');
  const chars = [...rec.text];
  const got = rec.spans.map((s) => [s.label, s.text]).sort();
  assert.deepEqual(got, [
    ['DATE', '12 فبراير 2026'],
    ['EVENT', 'IGEF 2025'],
    ['LOC', 'الرباط'],
    ['ORG', 'FBI'],
    ['PER', 'Hammouchi'],
    ['PER', 'حموشي'],
    ['PER', 'عبد اللطيف حموشي'],
  ].sort());
  for (const s of rec.spans) assert.equal(chars.slice(s.start, s.end).join(''), s.text, `${s.label} [${s.start},${s.end}) slices to its text`);
  const per = rec.spans.find((s) => s.text === 'عبد اللطيف حموشي');
  assert.deepEqual([per.start, per.end], [name.start, name.end]);
  assert.deepEqual(browser.errors, []);
});
