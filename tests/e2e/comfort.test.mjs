// Bidi correctness (glyph boxes unchanged by labelling, screenshots of mixed runs), label schema editor,
// guidelines (Markdown as text only), clitic default, text size, dark theme, Arabic interface, shortcut sheet.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, covers, exportRecords, fixture, launch, openApp, openArticle, articleIdByTitle, serve, settle, shot, tempProject, startApp, cpRange } from './harness.mjs';

const TEXT =
  'في 12 فبراير/شباط 2026 أعلن مكتب FBI ومعرض IGEF 2025 عن شراكة 😀 مع المدير العامّ عَبْدُ اللَّطِيفِ حَمُّوشِي في الرباط.\n' +
  'وزار الوفد والرباط ثم طنجة.';
const cpOf = (s, from = 0) => {
  const u16 = TEXT.indexOf(s, from);
  return { ...cpRange(TEXT, s, from), u16, u16end: u16 + s.length };
};
const sel = (page, r) => page.evaluate(([s, e]) => window.hashiya.selectRange(s, e), [r.start, r.end]);

/** Every grapheme's box of a UTF-16 range in the first paragraph, relative to the text block. */
function glyphBoxes(page, r) {
  return page.evaluate(([a, b]) => {
    const p = document.querySelector('#article-text p');
    const node = p.firstChild;
    const base = document.getElementById('article-text').getBoundingClientRect();
    const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const out = [];
    for (const g of seg.segment(node.data.slice(a, b))) {
      const range = document.createRange();
      range.setStart(node, a + g.index);
      range.setEnd(node, a + g.index + g.segment.length);
      out.push([...range.getClientRects()].map((x) => [x.left - base.left, x.top - base.top, x.width, x.height].map((v) => Math.round(v * 100) / 100)));
    }
    return out;
  }, [r.u16, r.u16end]);
}

test('labelling mixed Arabic/Latin/digit runs changes no glyph; highlights cover exactly the selection', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  cli(project.db, 'import', fixture(project.dir, 'bidi.jsonl', JSON.stringify({ id: 'bidi', title: 'اختبار الاتجاه', text: TEXT }) + '\n'));
  const { page, server, browser } = await startApp(t, project.db, 'Hind');
  await openArticle(page, await articleIdByTitle(page, 'اختبار الاتجاه'));

  const cases = [
    ['12 فبراير/شباط', 'd', 'DATE'],
    ['FBI', 'o', 'ORG'],
    ['IGEF 2025', 'o', 'ORG'],
    ['عَبْدُ اللَّطِيفِ حَمُّوشِي', 'p', 'PER'],
  ];
  const whole = cpOf(TEXT.split('\n')[0]);
  const beforeAll = await glyphBoxes(page, whole);
  for (const [s, key, label] of cases) {
    const r = cpOf(s);
    const before = await glyphBoxes(page, r);
    await sel(page, r);
    const selRects = await page.evaluate(() => [...window.getSelection().getRangeAt(0).getClientRects()].map((x) => x.toJSON()).filter((x) => x.width > 1));
    await page.keyboard.press(key);
    await page.waitForFunction(([l, n]) => document.querySelectorAll(`.hl[data-label="${l}"]`).length >= n, [label, 1]);
    await settle(page);
    // Shaping and order unchanged: every grapheme's box is where it was.
    assert.deepEqual(await glyphBoxes(page, r), before, `${s}: glyph boxes unchanged by labelling`);
    // The highlight covers exactly the selected glyphs.
    // The new span is the focused one.
    const boxes = await page.$$eval(`.hl.hl-focus`, (els) => els.map((e) => e.getBoundingClientRect().toJSON()));
    for (const sr of selRects) assert.ok(boxes.some((b) => covers(b, sr)), `${s}: selected glyphs under the highlight`);
    // One box per line (the bidi runs of a line are merged): each lies within the selected runs of its line.
    for (const b of boxes) {
      const line = selRects.filter((sr) => Math.min(sr.bottom, b.bottom) - Math.max(sr.top, b.top) > 1);
      const union = line.length && { left: Math.min(...line.map((r) => r.left)), right: Math.max(...line.map((r) => r.right)), top: Math.min(...line.map((r) => r.top)), bottom: Math.max(...line.map((r) => r.bottom)) };
      assert.ok(union && covers(union, b, 2.5), `${s}: no highlight outside the selection`);
    }
  }
  assert.deepEqual(await glyphBoxes(page, whole), beforeAll, 'the whole line is laid out exactly as before');
  await shot(page, 'bidi-mixed-line.png', page.locator('#article-text p').first(), 20);
  await shot(page, 'bidi-igef-fbi.png', page.locator('.hl[data-label=ORG]'), 16);
  await shot(page, 'bidi-date.png', page.locator('.hl[data-label=DATE]'), 16);
  await shot(page, 'bidi-harakat-emoji.png', page.locator('.hl[data-label=PER]'), 16);
  await settle(page);
  await server.stop();
  const spans = exportRecords(project.db)[0].spans.map((s) => [s.label, s.text]).sort();
  assert.deepEqual(spans, cases.map(([s, , l]) => [l, s]).sort());
  assert.deepEqual(browser.errors, []);
});

test('label schema, guidelines, clitic default, text size, theme, Arabic interface and the shortcut sheet', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  cli(project.db, 'import', fixture(project.dir, 'comfort.jsonl', JSON.stringify({ id: 'c', title: 'مقال الراحة', text: TEXT }) + '\n'));
  const { page, server, browser } = await startApp(t, project.db, 'Hind');
  const id = await articleIdByTitle(page, 'مقال الراحة');
  await openArticle(page, id);
  await sel(page, cpOf('عَبْدُ اللَّطِيفِ حَمُّوشِي'));
  await page.keyboard.press('p');
  await sel(page, cpOf('FBI'));
  await page.keyboard.press('o');
  await sel(page, cpOf('IGEF 2025'));
  await page.keyboard.press('o');
  await page.waitForFunction(() => new Set([...document.querySelectorAll('.hl[data-label=ORG]')].map((e) => e.dataset.spanId)).size === 2);

  // Settings (Shift+L): rename PER → PERSON (the span keeps it), new description, add a label, delete ORG after its count.
  await page.keyboard.press('Shift+L');
  const dlg = page.locator('#settings-dialog');
  await dlg.waitFor();
  const per = dlg.locator('.lab-row[data-kind=span]', { has: page.locator('.lab-name[value=PER]') });
  await per.locator('.lab-name').fill('PERSON');
  await per.locator('.lab-desc').fill('شخص: اسم علم لإنسان');
  await per.locator('.lab-save').click();
  await page.locator('#toast', { hasText: 'Renamed PER to PERSON' }).waitFor();
  await page.locator('.hl[data-label=PERSON]').first().waitFor();
  // A colour too close to another label's is flagged.
  const fresh = dlg.locator('.lab-row[data-label-id=new][data-kind=span]');
  await fresh.locator('.lab-color').fill('#e8590d');
  await fresh.locator('.lab-warn', { hasText: 'Too close to' }).waitFor();
  await fresh.locator('.lab-color').fill('#0c8599');
  await fresh.locator('.lab-name').fill('WEAPON');
  await fresh.locator('.lab-hotkey').fill('w');
  await fresh.locator('.lab-save').click();
  await page.locator('#palette [data-label=WEAPON]').waitFor();
  const org = dlg.locator('.lab-row[data-kind=span]', { has: page.locator('.lab-name[value=ORG]') });
  await org.locator('.lab-delete').click();
  await org.locator('.lab-ask', { hasText: 'ORG is used by 2 spans' }).waitFor();
  await shot(page, 'settings-labels.png');
  await org.locator('.lab-confirm', { hasText: 'Delete ORG and 2 annotations' }).click();
  await page.locator('#toast', { hasText: 'Deleted ORG and 2 annotations' }).waitFor();
  assert.equal(await page.locator('#palette [data-label=ORG]').count(), 0);
  await page.waitForFunction(() => document.querySelectorAll('.hl[data-label=ORG]').length === 0);
  // The description is the hint on the palette and in the span editor.
  assert.match(await page.locator('#palette [data-label=PERSON]').getAttribute('title'), /شخص: اسم علم لإنسان/);

  // Guidelines in Markdown, rendered as text (HTML in it stays text).
  await dlg.locator('[data-tab=guidelines]').click();
  await dlg.locator('#guidelines-src').fill('# إرشادات التوسيم\n\n- **PERSON**: الأسماء الكاملة\n- لا تضم *السوابق* مثل `و` و`ال`\n\n<img src=x onerror="window.__pwned=1">');
  await dlg.locator('#guidelines-save').click();
  await page.locator('#toast', { hasText: 'Guidelines saved' }).waitFor();
  await dlg.locator('[data-tab=project]').click();
  await dlg.locator('#clitics-include').check();
  await page.locator('#toast', { hasText: 'keep clitic prefixes' }).waitFor();
  await dlg.locator('#settings-close').click();
  await page.keyboard.press('Shift+G');
  const g = page.locator('#guidelines-view');
  await g.waitFor();
  assert.equal(await g.locator('h2').textContent(), 'إرشادات التوسيم');
  assert.equal(await g.locator('li').count(), 2);
  assert.equal(await g.locator('li strong').textContent(), 'PERSON');
  assert.equal(await g.locator('img').count(), 0);
  assert.match(await g.textContent(), /<img src=x onerror/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await shot(page, 'guidelines.png');
  await page.keyboard.press('Escape');

  // The clitic default is now "include": والرباط keeps its و.
  await page.locator('#clitic-toggle[data-clitics=include]').waitFor();
  await sel(page, cpOf('والرباط'));
  await page.keyboard.press('l');
  await page.locator('.hl[data-label=LOC]').first().waitFor();
  await page.locator(`.hl[data-label=PERSON]`).first().waitFor();
  const clickAt = await page.$eval('.hl[data-label=PERSON]', (e) => e.getBoundingClientRect().toJSON());
  await page.mouse.click(clickAt.left + clickAt.width / 2, clickAt.top + clickAt.height / 2);
  await page.locator('#span-editor #span-label-hint', { hasText: 'شخص' }).waitFor();
  await page.keyboard.press('Escape');

  // Text size: + twice → 24px, remembered across a reload; highlights still on their glyphs.
  await page.keyboard.press('Escape');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  assert.equal(await page.$eval('#article-text', (e) => getComputedStyle(e).fontSize), '24px');
  await page.reload();
  await page.locator('body[data-ready=true]').waitFor();
  await openArticle(page, id);
  assert.equal(await page.$eval('#article-text', (e) => getComputedStyle(e).fontSize), '24px');
  await page.locator('.hl[data-label=PERSON]').first().waitFor();
  const r = cpOf('عَبْدُ اللَّطِيفِ حَمُّوشِي');
  await sel(page, r);
  const selRects = await page.evaluate(() => [...window.getSelection().getRangeAt(0).getClientRects()].map((x) => x.toJSON()).filter((x) => x.width > 1));
  const hl = await page.$$eval('.hl[data-label=PERSON]', (els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  for (const s of selRects) assert.ok(hl.some((b) => covers(b, s)), 'the highlight follows the larger text');
  await page.evaluate(() => window.getSelection().removeAllRanges());
  await page.locator('#text-smaller').click();
  assert.equal(await page.$eval('#article-text', (e) => getComputedStyle(e).fontSize), '22px');

  // Dark theme (Shift+D), remembered.
  await page.keyboard.press('Shift+D');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.waitForTimeout(100);
  await shot(page, 'dark-theme.png');

  // Arabic interface (Shift+U): the shell mirrors, article paragraphs keep dir=auto.
  await page.keyboard.press('Shift+U');
  assert.equal(await page.evaluate(() => document.body.dir), 'rtl');
  assert.equal(await page.getAttribute('#app', 'dir'), 'rtl');
  assert.equal(await page.textContent('#mode-annotate'), 'التوسيم');
  assert.deepEqual(await page.$$eval('#article-text p', (ps) => [...new Set(ps.map((p) => p.getAttribute('dir')))]), ['auto']);
  const [list, main] = await Promise.all([page.$eval('#sidebar', (e) => e.getBoundingClientRect().left), page.$eval('#main', (e) => e.getBoundingClientRect().left)]);
  assert.ok(list < main, 'in Arabic the article list moves to the left (mirrored)');
  await shot(page, 'arabic-shell-dark.png');
  await page.keyboard.press('Shift+U');
  assert.equal(await page.evaluate(() => document.body.dir), 'ltr');
  await page.keyboard.press('Shift+D');

  // The shortcut sheet.
  await page.keyboard.press('?');
  const sheet = page.locator('#shortcuts-dialog');
  await sheet.waitFor();
  const sheetText = await sheet.textContent();
  for (const k of ['Ctrl+Z', 'Shift+C', 'Shift+S', 'Shift+A', 'Shift+N', 'PERSON', 'WEAPON']) assert.ok(sheetText.includes(k), `the sheet lists ${k}`);
  await shot(page, 'shortcut-sheet.png');
  await page.keyboard.press('Escape');
  await sheet.waitFor({ state: 'hidden' });

  await settle(page);
  await server.stop();
  const [rec] = exportRecords(project.db);
  assert.deepEqual(rec.spans.map((s) => [s.label, s.text]).sort(), [['LOC', 'والرباط'], ['PERSON', 'عَبْدُ اللَّطِيفِ حَمُّوشِي']]);
  assert.deepEqual(browser.errors, []);
});
