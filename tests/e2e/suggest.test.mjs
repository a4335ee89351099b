// Suggestions in the browser: another analyst's spans on four seeds, "Train now" in Settings → Suggestions (per-label
// scores after it), the fifth seed's suggestions drawn as dashed outlines over their words (no fill, apart from the
// spans), walked with ] and accepted with Enter (or a label key: with that label), one rejected with Delete (its form
// is not suggested again, not even after opening the article again), undo and redo of an accept, Shift+Enter accepts
// all on screen, the export carries origin "suggestion", next unfinished by most suggestions, a higher threshold, off;
// screenshots in English and Arabic (suggest-*.png). Then training on AQMAR in the background: a span labelled
// meanwhile, and Stop.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { cli, cpRangeOf, exportRecords, fixture, measureTextAndBoxes, openArticle, articleIdByTitle, covers, seeds, seedsDir, settle, shot, storedTitle, tempProject, startApp } from './harness.mjs';

const NAMES = [
  ['حموشي', 'PER'],
  ['المغرب', 'LOC'],
  ['السعودية', 'LOC'],
  ['الرياض', 'LOC'],
  ['الإمارات', 'LOC'],
  ['المملكة', 'LOC'],
];

/** Code-point ranges of every standalone occurrence of `name` in `text`. */
function everyPlace(text, name) {
  const isWordChar = (c) => c !== undefined && /[\p{L}\p{M}\p{N}]/u.test(c);
  const out = [];
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    if (isWordChar(text[i - 1]) || isWordChar(text[i + name.length])) continue;
    const start = [...text.slice(0, i)].length;
    out.push({ start, end: start + [...name].length });
  }
  return out;
}

const waiting = (page) => page.evaluate(() => window.hashiya.suggestions());
const focused = async (page) => {
  const s = await waiting(page);
  return s.list.find((x) => x.id === s.focus) ?? null;
};

test('suggestions: train, see them dashed over their words, walk, accept, reject for good, accept all, export', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  const files = seeds();
  cli(project.db, 'import', ...files.map((f) => f.file));
  // Salma labelled the names in the first four seeds (the same texts: the same articles).
  const lines = files.slice(0, 4).map((f) =>
    JSON.stringify({ text: f.text, spans: NAMES.flatMap(([name, label]) => everyPlace(f.text, name).map((r) => ({ ...r, label, annotator: 'Salma' }))) }),
  );
  cli(project.db, 'import', fixture(project.dir, 'salma.jsonl', lines.join('\n') + '\n'));
  const target = files[4];
  const { page, browser } = await startApp(t, project.db);
  await openArticle(page, await articleIdByTitle(page, storedTitle(project.db, target.text).slice(0, 40)));
  await page.locator('#sugg-chip', { hasText: 'not trained' }).waitFor();
  assert.equal(await page.locator('#sugg-layer .sg').count(), 0, 'nothing before a training');

  // Settings → Suggestions (a click on the chip): Train now runs in the background, then per-label scores.
  await page.locator('#sugg-chip').click();
  const dlg = page.locator('#settings-dialog');
  await dlg.locator('[data-tab=suggestions][aria-pressed=true]').waitFor();
  assert.equal(await dlg.locator('#suggest-mode-both').isChecked(), true);
  await dlg.locator('#suggest-train').click();
  await dlg.locator('#suggest-stop:not([hidden])').waitFor();
  await dlg.locator('#suggest-eval').waitFor({ timeout: 60000 });
  const rows = await dlg.locator('#suggest-eval tbody tr th').allTextContents();
  assert.deepEqual(rows, ['All labels', 'LOC', 'PER']);
  const f1 = await dlg.locator('#suggest-eval tbody tr.sg-overall td').nth(2).textContent();
  assert.match(f1, /^(0|1)\.\d{3}$/);
  assert.equal(await dlg.locator('#suggest-train').isEnabled(), true);
  assert.equal(await dlg.locator('#suggest-stop').isHidden(), true);
  await shot(page, 'suggest-settings.png', dlg);
  await dlg.locator('#settings-close').click();

  // The fifth seed's suggestions: dashed outlines with no fill, each over its own words.
  await page.locator('#sugg-layer .sg').first().waitFor();
  const first = await waiting(page);
  assert.ok(first.list.length >= 3, JSON.stringify(first.list));
  assert.ok(first.list.some((s) => s.label === 'PER' && s.text === 'حموشي'), JSON.stringify(first.list));
  assert.equal(Number(await page.locator('#sugg-chip').getAttribute('data-count')), first.list.length);
  const style = await page.locator('#sugg-layer .sg').first().evaluate((e) => {
    const c = getComputedStyle(e);
    return { border: c.borderTopStyle, bg: c.backgroundColor };
  });
  assert.deepEqual(style, { border: 'dashed', bg: 'rgba(0, 0, 0, 0)' });
  const s0 = first.list[0];
  const m = await measureTextAndBoxes(page, s0.start, s0.end, `#sugg-layer .sg[data-suggestion-id="${s0.id}"]`);
  assert.equal(m.boxes.length, 1);
  for (const r of m.text) assert.ok(covers(m.boxes[0], r), `the box covers the glyphs of ${s0.text}`);

  // ] focuses the first suggestion (no span yet), Enter accepts it: Amina's span now, focus on the next suggestion.
  await page.keyboard.press(']');
  await page.locator('#sugg-layer .sg.sg-focus').first().waitFor();
  const a = await focused(page);
  assert.equal(a.id, s0.id);
  await shot(page, 'suggest-rtl.png', page.locator('#sugg-layer .sg.sg-focus'), 90);
  await page.keyboard.press('Enter');
  await page.locator('#toast', { hasText: `Accepted: ${a.text} as ${a.label}` }).waitFor();
  await page.locator(`.hl[data-label=${a.label}][data-annotator=Amina]`).first().waitFor();
  const afterAccept = await waiting(page);
  assert.ok(!afterAccept.list.some((s) => s.start === a.start && s.end === a.end), 'the accepted one waits no more');
  assert.notEqual(afterAccept.focus, null, 'the next suggestion is focused');

  // Delete rejects the focused one (walking on with ] to a form other than the accepted one).
  let r = await focused(page);
  for (let i = 0; i < 20 && r.text === a.text; i++) {
    await page.keyboard.press(']');
    await page.waitForFunction((id) => window.hashiya.suggestions().focus !== id, r.id);
    r = await focused(page);
  }
  assert.notEqual(r.text, a.text);
  await page.keyboard.press('Delete');
  await page.locator('#toast', { hasText: `Rejected: ${r.text} as ${r.label}` }).waitFor();
  const same = (s) => s.text === r.text && s.label === r.label;
  assert.ok(!(await waiting(page)).list.some(same));

  // Ctrl+Z undoes the accept (suggested again), Ctrl+Shift+Z accepts it again.
  await page.keyboard.press('Control+z');
  await page.locator('#toast', { hasText: 'Undone: Accept 1 suggestion' }).waitFor();
  await page.waitForFunction(([s, e]) => window.hashiya.suggestions().list.some((x) => x.start === s && x.end === e), [a.start, a.end]);
  await page.keyboard.press('Control+Shift+z');
  await page.locator('#toast', { hasText: 'Redone: Accept 1 suggestion' }).waitFor();
  await page.waitForFunction(([s, e]) => !window.hashiya.suggestions().list.some((x) => x.start === s && x.end === e), [a.start, a.end]);

  // The rejected form does not come back: open another article and this one again.
  await openArticle(page, await articleIdByTitle(page, storedTitle(project.db, files[0].text).slice(0, 40)));
  await openArticle(page, await articleIdByTitle(page, storedTitle(project.db, target.text).slice(0, 40)));
  await page.locator('#sugg-layer .sg').first().waitFor();
  const again = await waiting(page);
  assert.ok(!again.list.some(same), `${r.text} as ${r.label} was rejected: ${JSON.stringify(again.list)}`);
  await shot(page, 'suggest-with-spans.png');

  // Shift+Enter accepts every suggestion on screen (the ones further down stay).
  const onScreen = await page.evaluate(() => {
    const port = document.getElementById('main').getBoundingClientRect();
    const ids = new Set();
    for (const e of document.querySelectorAll('#sugg-layer .sg')) {
      const b = e.getBoundingClientRect();
      const h = b.bottom - b.top;
      if (Math.min(b.bottom, port.bottom) - Math.max(b.top, port.top) >= h / 2) ids.add(Number(e.dataset.suggestionId));
    }
    return ids.size;
  });
  assert.ok(onScreen >= 1);
  await page.keyboard.press('Shift+Enter');
  await page.locator('#toast', { hasText: `Accepted ${onScreen} suggestion` }).waitFor();
  await page.waitForFunction((n) => window.hashiya.suggestions().list.length === n, again.list.length - onScreen);

  // The export: every accepted suggestion is Amina's span with origin "suggestion"; nothing else of hers.
  await settle(page);
  const rec = exportRecords(project.db).find((x) => x.text === target.text);
  const mine = rec.spans.filter((s) => s.annotator === 'Amina');
  assert.equal(mine.length, 1 + onScreen);
  assert.ok(mine.every((s) => s.origin === 'suggestion'), JSON.stringify(mine));
  assert.ok(mine.some((s) => s.start === a.start && s.end === a.end && s.label === a.label));
  assert.ok(!mine.some(same), 'the rejected form was not accepted');
  assert.ok(exportRecords(project.db).flatMap((x) => x.spans).filter((s) => s.annotator === 'Salma').every((s) => !('origin' in s)));

  // In Arabic: the workbench (right to left) and the shortcut sheet with the suggestion keys.
  await page.keyboard.press('Shift+U');
  await page.locator('html[lang=ar]').waitFor();
  await page.locator('#sugg-chip', { hasText: 'اقتراح' }).waitFor();
  // ] walks Amina's spans, then reaches a suggestion further down (brought into view).
  for (let i = 0; i < 12 && (await focused(page)) === null; i++) await page.keyboard.press(']');
  await page.locator('#sugg-layer .sg.sg-focus').first().waitFor();
  await shot(page, 'suggest-ar.png');
  // A label key accepts the focused suggestion with that label (o: ORG), whatever it was suggested as.
  const asOrg = await focused(page);
  await page.keyboard.press('o');
  await page.locator('.hl[data-label=ORG][data-annotator=Amina]').first().waitFor();
  await settle(page);
  const org = exportRecords(project.db)
    .find((x) => x.text === target.text)
    .spans.filter((x) => x.label === 'ORG' && x.annotator === 'Amina');
  assert.deepEqual(
    org.map((x) => [x.start, x.end, x.origin]),
    [[asOrg.start, asOrg.end, 'suggestion']],
  );
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+L');
  await dlg.locator('[data-tab=suggestions]').click();
  await dlg.locator('#suggest-eval').waitFor();
  assert.equal(await dlg.locator('#suggest-train').textContent(), 'درِّب الآن');
  await shot(page, 'suggest-settings-ar.png', dlg);
  await dlg.locator('#settings-close').click();
  await page.keyboard.press('?');
  await page.locator('#shortcuts-dialog', { hasText: 'Shift+Enter' }).waitFor();
  await page.locator('#shortcuts-close').click();
  await page.keyboard.press('Shift+U');
  await page.locator('html[lang=en]').waitFor();

  // Next unfinished (Shift+N) by the suggestions: the article with the most of them among the other four.
  await page.keyboard.press('Shift+L');
  await dlg.locator('[data-tab=suggestions]').click();
  await dlg.locator('#suggest-next').selectOption('most_suggestions');
  await dlg.locator('#settings-close').click();
  const open = await page.locator('#article-pane').getAttribute('data-article-id');
  await page.keyboard.press('Shift+N');
  await page.locator('#toast', { hasText: 'the most of 4 articles looked at' }).waitFor();
  await page.waitForFunction((id) => document.getElementById('article-pane').dataset.articleId !== id, open);
  await openArticle(page, Number(open));
  await page.locator('#sugg-layer .sg').first().waitFor();

  // A higher threshold: fewer suggestions (only the surest). Off: none is drawn.
  const before = (await waiting(page)).list;
  await page.keyboard.press('Shift+L');
  await dlg.locator('[data-tab=suggestions]').click();
  await dlg.locator('#suggest-threshold').evaluate((e) => {
    e.value = '0.95';
    e.dispatchEvent(new Event('input'));
    e.dispatchEvent(new Event('change'));
  });
  await page.locator('#toast', { hasText: 'Threshold saved: 0.95' }).waitFor();
  const surer = (await waiting(page)).list;
  assert.ok(surer.every((s) => s.score >= 0.95) && surer.length <= before.length, JSON.stringify(surer));
  await dlg.locator('#suggest-mode-off').check();
  await page.locator('#sugg-chip', { hasText: 'Suggestions off' }).waitFor();
  await dlg.locator('#settings-close').click();
  await page.waitForFunction(() => document.querySelectorAll('#sugg-layer .sg').length === 0);
  await settle(page);
  assert.deepEqual(browser.errors, []);
});

test('training runs in the background: the analyst labels meanwhile, and Stop keeps the project untrained', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  const files = seeds();
  cli(project.db, 'import', files[0].file);
  const title = storedTitle(project.db, files[0].text);
  // AQMAR's training file as 27 articles of 50 sentences: several seconds of training in a debug build.
  const aqmar = path.join(seedsDir, '..', 'aqmar', 'train.txt');
  cli(project.db, 'import', '--format', 'conll', '--annotator', 'corpus', '--sentences-per-article', '50', aqmar);
  const { page, browser } = await startApp(t, project.db);
  await openArticle(page, await articleIdByTitle(page, title.slice(0, 40)));
  await page.keyboard.press('Shift+L');
  const dlg = page.locator('#settings-dialog');
  await dlg.locator('[data-tab=suggestions]').click();
  await dlg.locator('#suggest-train').click();
  await dlg.locator('#suggest-status', { hasText: 'Training in the background' }).waitFor();
  await dlg.locator('#settings-close').click();

  // While it trains, the window answers: a span is labelled and drawn.
  const r = cpRangeOf(files[0].text, 'حموشي');
  await page.evaluate(([s, e]) => window.hashiya.selectRange(s, e), [r.start, r.end]);
  await page.keyboard.press('p');
  await page.locator('.hl[data-label=PER][data-annotator=Amina]').first().waitFor();
  await page.keyboard.press('Shift+L');
  await dlg.locator('[data-tab=suggestions]').click();
  assert.equal(await dlg.locator('#suggest-stop').isVisible(), true, 'still training after the span was drawn');

  // Stop: the training ends without a model.
  await dlg.locator('#suggest-stop').click();
  await page.locator('#toast', { hasText: 'Training stopped' }).waitFor({ timeout: 30000 });
  await dlg.locator('#suggest-info', { hasText: 'Not trained yet' }).waitFor();
  assert.equal(await dlg.locator('#suggest-train').isEnabled(), true);
  await dlg.locator('#settings-close').click();
  await page.locator('#sugg-chip', { hasText: 'not trained' }).waitFor();
  const stored = cli(project.db, 'export', '--format', 'spans', '--annotators', 'Amina', '--status', 'in_progress')
    .split('\n')
    .filter((l) => l.trim());
  assert.equal(stored.length, 1, 'one article in progress');
  assert.deepEqual(
    JSON.parse(stored[0]).spans.map((x) => [x.start, x.end, x.label]),
    [[r.start, r.end, 'PER']],
    'the span labelled during the training is stored',
  );
  await settle(page);
  // The cancelled command answers 409 (conflict), which the browser logs; nothing else.
  assert.deepEqual(browser.errors.filter((e) => !/status of 409 .*\/api\/suggest_train/.test(e)), []);
});
