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

/** Centre of the text at code points [s, e) (client coordinates). */
async function textPoint(page, r, at = 0.5) {
  return page.evaluate(([s, e, at]) => {
    window.hashiya.selectRange(s, e);
    const b = window.getSelection().getRangeAt(0).getBoundingClientRect();
    window.getSelection().removeAllRanges();
    return { x: b.left + b.width * at, y: b.top + b.height / 2 };
  }, [r.start, r.end, at]);
}

async function handleBox(page, edge) {
  const h = page.locator(`.handle-${edge}`);
  let hb = null;
  for (let i = 0; i < 50 && !hb; i++) {
    await h.waitFor();
    hb = await h.boundingBox();
    if (!hb) await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(hb, `the ${edge} handle has a box`);
  return hb;
}

test('a drag released on a resize handle or outside the text never runs to the end of the article', async (t) => {
  const p = project(t, [{ id: 'a', title: 'يوم أول', text: A }]);
  const { page, browser } = await startApp(t, p.db, 'Amina');
  await openArticle(page, await articleIdByTitle(page, 'يوم أول'));
  const name = cpRange(A, 'حموشي');
  await page.evaluate(([s, e]) => window.hashiya.selectRange(s, e), [name.start, name.end]);
  await page.keyboard.press('p');
  await page.locator('.hl[data-label=PER]').first().waitFor();
  // The focused span shows its handles; the start handle does not cover its first letter.
  const hs = await handleBox(page, 'start');
  const first = await page.evaluate(([s]) => {
    window.hashiya.selectRange(s, s + 1);
    const b = window.getSelection().getRangeAt(0).getBoundingClientRect().toJSON();
    window.getSelection().removeAllRanges();
    return b;
  }, [name.start]);
  const covered = Math.max(0, Math.min(hs.x + hs.width, first.right) - Math.max(hs.x, first.left));
  assert.ok(covered <= 1.5, `the start handle covers ${covered.toFixed(1)} px of the first letter (${JSON.stringify(hs)} over ${JSON.stringify(first)})`);
  await shot(page, 'firstday-handle.png', page.locator('.hl[data-label=PER]'), 20);

  // A drag from المدير to the span's start handle, released on the handle.
  const from = await textPoint(page, cpRange(A, 'المدير'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(hs.x + hs.width / 2, hs.y + hs.height / 2, { steps: 8 });
  await page.mouse.up();
  let sel = await page.evaluate(() => window.hashiya.selectionCp());
  const lineEnd = [...A.split('\n').slice(0, 2).join('\n')].length;
  assert.ok(sel && sel.end <= lineEnd, `released on the handle: the selection ${JSON.stringify(sel)} stays in its paragraph (ends by ${lineEnd})`);

  // A drag released outside the text: beside the article, in the empty space under it, and over the side bar.
  const doc = await page.locator('#doc').boundingBox();
  const text = await page.locator('#article-text').boundingBox();
  for (const [where, x, y] of [
    ['in the margin beside the first line', doc.x + 6, text.y + 10],
    ['under the article', text.x + text.width / 2, Math.min(doc.y + doc.height + 30, 890)],
    ['over the article list', 40, text.y + 20],
  ]) {
    await page.mouse.click(from.x, from.y);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(x, y, { steps: 8 });
    await page.mouse.up();
    sel = await page.evaluate(() => window.hashiya.selectionCp());
    const total = [...A].length;
    assert.ok(!sel || sel.end < total || where === 'under the article', `released ${where}: the selection ${JSON.stringify(sel)} does not run to the end (${total})`);
  }
  assert.deepEqual(browser.errors, []);
});

test('a selection over paragraphs asks before it is saved; a long span\'s editor fits a 900 px window', async (t) => {
  const p = project(t, [{ id: 'a', title: 'يوم أول', text: A }]);
  const { page, browser } = await startApp(t, p.db, 'Amina');
  await openArticle(page, await articleIdByTitle(page, 'يوم أول'));
  const from = await textPoint(page, cpRange(A, 'وفد'));
  const to = await textPoint(page, cpRange(A, 'اللقاءات'));
  const drag = async () => {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 10 });
    await page.mouse.up();
  };
  await drag();
  await page.keyboard.press('e');
  await page.locator('#long-span-dialog[open]').waitFor();
  await page.locator('#long-span-dialog', { hasText: 'paragraphs' }).waitFor();
  await page.keyboard.press('Escape');
  await page.locator('#long-span-dialog:not([open])').waitFor({ state: 'attached' });
  await settle(page);
  assert.deepEqual(exportRecords(p.db)[0].spans, [], 'cancelled: nothing saved');
  // Confirmed: saved; its editor shows the quote cut and keeps Delete on screen.
  await drag();
  await page.keyboard.press('e');
  await page.locator('#long-span-yes').click();
  await page.locator('.hl[data-label=EVENT]').first().waitFor();
  await until(() => exportRecords(p.db)[0].spans.length === 1, 'the confirmed span is saved');
  for (const lang of ['en', 'ar']) {
    if (lang === 'ar') await page.locator('#lang-btn').click();
    const box = await page.locator('.hl[data-label=EVENT]').nth(1).boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('#span-editor:not([hidden])').waitFor();
    const ed = await page.locator('#span-editor').boundingBox();
    assert.ok(ed.y >= 0 && ed.y + ed.height <= 900, `the editor ${JSON.stringify(ed)} fits the window`);
    const del = await page.locator('#span-delete').boundingBox();
    assert.ok(del && del.y >= 0 && del.y + del.height <= 900, `Delete ${JSON.stringify(del)} is on screen`);
    assert.match(await page.locator('#span-editor .pop-quote').textContent(), / … /);
    await shot(page, `firstday-long-span-${lang}.png`);
    await page.keyboard.press('Escape');
  }
  assert.deepEqual(browser.errors, []);
});

test('a mixed-direction span is one highlight per line, rounded only at its ends', async (t) => {
  const p = project(t, [{ id: 'a', title: 'يوم أول', text: A }]);
  const { page, browser } = await startApp(t, p.db, 'Amina');
  await openArticle(page, await articleIdByTitle(page, 'يوم أول'));
  for (const [name, key, label] of [['12 فبراير', 'd', 'DATE'], ['كأس العالم 2030', 'e', 'EVENT']]) {
    const r = cpRange(A, name);
    await page.evaluate(([s, e]) => window.hashiya.selectRange(s, e), [r.start, r.end]);
    await page.keyboard.press('Alt+' + key);
    await page.locator(`.hl[data-label=${label}]`).first().waitFor();
    await page.keyboard.press('Escape');
    await page.mouse.click(5, 5);
    const { text, boxes } = await page.evaluate(async ([s, e, label]) => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      window.hashiya.selectRange(s, e);
      const text = [...window.getSelection().getRangeAt(0).getClientRects()].map((x) => x.toJSON()).filter((x) => x.width > 1);
      window.getSelection().removeAllRanges();
      const boxes = [...document.querySelectorAll(`.hl[data-label=${label}]`)].map((x) => ({ ...x.getBoundingClientRect().toJSON(), cls: x.className }));
      return { text, boxes };
    }, [r.start, r.end, label]);
    assert.ok(text.length >= 2, `${name} is laid out in ${text.length} bidi runs (the case to merge)`);
    assert.equal(boxes.length, 1, `${name}: one highlight, not ${boxes.length}: ${JSON.stringify(boxes)}`);
    for (const x of text) assert.ok(x.left >= boxes[0].left - 1.5 && x.right <= boxes[0].right + 1.5, `${name}: the run ${JSON.stringify(x)} lies under the highlight`);
    assert.match(boxes[0].cls, /hl-cap-l/);
    assert.match(boxes[0].cls, /hl-cap-r/);
  }
  for (const lang of ['en', 'ar']) {
    if (lang === 'ar') await page.locator('#lang-btn').click();
    await page.mouse.click(5, 5);
    await new Promise((r) => setTimeout(r, 200));
    await shot(page, `firstday-mixed-${lang}.png`, page.locator('.hl[data-label=DATE], .hl[data-label=EVENT]'), 30);
  }
  assert.deepEqual(browser.errors, []);
});

test('review: names isolated in sentences, a pair is one item with both versions, one disagreement count', async (t) => {
  const text = 'قال المدير العام عبد اللطيف حموشي في الرباط يوم 12 فبراير إن التعاون مع إسبانيا مستمر.';
  const sp = (s, label, annotator) => ({ ...cpRange(text, s), label, annotator });
  const p = project(t, [
    {
      id: 'r',
      title: 'مراجعة',
      text,
      spans: [
        sp('عبد اللطيف حموشي', 'PER', 'عمر'),
        sp('حموشي', 'PER', 'salma'),
        sp('الرباط', 'LOC', 'عمر'),
        sp('الرباط', 'ORG', 'salma'),
        sp('إسبانيا', 'LOC', 'عمر'),
        sp('12 فبراير', 'DATE', 'عمر'),
        sp('12 فبراير', 'DATE', 'salma'),
      ],
      tags: [{ label: 'security', annotator: 'عمر' }],
    },
  ]);
  const report = JSON.parse(cli(p.db, 'agreement', '--json'));
  const { page, browser } = await startApp(t, p.db, 'Reviewer');
  await page.locator('#mode-review').click();
  await page.locator('#article-list [data-article-id]', { hasText: 'مراجعة' }).click();
  await page.locator('#review-dis-list .dis-item').first().waitFor();
  // Three places (the boundary pair, the label pair, إسبانيا) and one tag difference: 4, as Agreement says.
  const places = await page.$$eval('#review-dis-list .dis-place', (ps) => ps.map((p) => [...p.querySelectorAll('.dis-item')].map((i) => `${i.dataset.kind}:${i.querySelector('.dis-text').textContent}`)));
  assert.deepEqual(places, [['boundary:عبد اللطيف حموشي', 'boundary:حموشي'], ['label:الرباط', 'label:الرباط'], ['missing:إسبانيا']]);
  const ranked = report.ranked.find((r) => r.title === 'مراجعة');
  assert.equal(ranked.disagreements, 4);
  assert.match(await page.locator('#review-summary').textContent(), /^4 disagreements/);
  // Names sit in <bdi>: the Arabic name cannot carry the English words around it.
  const lone = page.locator('#review-dis-list .dis-place').nth(2).locator('.who');
  assert.equal(await lone.textContent(), 'عمر has it · salma lacks it');
  assert.deepEqual(await lone.locator('bdi').allTextContents(), ['عمر', 'salma']);
  assert.equal(await page.locator('#review-tag-diffs bdi', { hasText: 'عمر' }).count(), 1);
  // The first word of the English sentence is drawn to the right of the Arabic name (isolated, LTR order).
  const [nameBox, hasBox] = await lone.evaluate((w) => {
    const range = document.createRange();
    const tn = [...w.childNodes].find((n) => n.nodeType === Node.TEXT_NODE);
    range.setStart(tn, 1);
    range.setEnd(tn, 4);
    return [w.querySelector('bdi').getBoundingClientRect().toJSON(), range.getBoundingClientRect().toJSON()];
  });
  assert.ok(hasBox.left >= nameBox.right - 1, `"has" follows the name to its right: ${JSON.stringify([nameBox, hasBox])}`);
  // j: the current place shows both versions side by side.
  await page.keyboard.press('j');
  const versions = await page.$$eval('#review-versions .version', (vs) => vs.map((v) => v.getBoundingClientRect().toJSON()));
  assert.equal(versions.length, 2);
  assert.ok(Math.abs(versions[0].top - versions[1].top) < 2, 'the two versions are side by side');
  for (const lang of ['en', 'ar']) {
    if (lang === 'ar') await page.locator('#lang-btn').click();
    await shot(page, `firstday-review-${lang}.png`);
  }
  assert.match(await page.locator('#review-summary').textContent(), /^4 /);
  assert.deepEqual(browser.errors, []);
});

test('blind annotation: others\' spans and tag counts stay out until the analyst marks the article done', async (t) => {
  const name = cpRange(A, 'حموشي');
  const p = project(t, [
    { id: 'a', title: 'يوم أول', text: A, spans: [{ ...name, label: 'PER', annotator: 'Salma' }], tags: [{ label: 'security', annotator: 'Salma' }] },
    { id: 'b', title: 'يوم ثان', text: `${A}\nثانية`, spans: [{ ...name, label: 'PER', annotator: 'Salma' }] },
  ]);
  const { page, browser } = await startApp(t, p.db, 'Amina');
  const id = await articleIdByTitle(page, 'يوم أول');
  await openArticle(page, id);
  // Not blind by default: Salma's span and her tag's count show.
  await page.locator('.hl.hl-other[data-annotator=Salma]').first().waitFor();
  await page.locator('#tags [data-tag=security] .count').waitFor();
  const rowB = page.locator(`#article-list [data-article-id="${await articleIdByTitle(page, 'يوم ثان')}"]`);
  await rowB.filter({ hasText: '· 1 span' }).waitFor();
  // The analyst's own toggle: the core sends only Amina's work.
  await page.locator('#blind-toggle').click();
  await page.locator('#blind-toggle[aria-pressed=true]').waitFor();
  await page.locator('#blind-note:not([hidden])').waitFor();
  // The list counts only her spans too (Salma's span on the other article is not counted).
  await rowB.filter({ hasText: '· 0 spans' }).waitFor();
  await until(async () => (await page.locator('.hl-other').count()) === 0, 'the others\' spans are gone');
  assert.equal(await page.locator('#tags .count').count(), 0, 'no tag counts');
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-annotator=Salma]').length), 0, 'not in the page at all');
  await page.evaluate(([s, e]) => window.hashiya.selectRange(s, e), [name.start, name.end]);
  await page.keyboard.press('p');
  await page.locator('.hl:not(.hl-other)[data-label=PER]').first().waitFor();
  await shot(page, 'firstday-blind.png');
  // Done: the others' work appears.
  await page.locator('#status [data-status=done]').click();
  await page.locator('.hl.hl-other[data-annotator=Salma]').first().waitFor();
  await page.locator('#tags [data-tag=security] .count').waitFor();
  await page.locator('#blind-note[hidden]').waitFor({ state: 'attached' });
  // The toggle off; then the project setting on: every analyst is blind, the toggle cannot turn it off.
  await page.locator('#blind-toggle').click();
  await page.locator('#blind-toggle[aria-pressed=false]').waitFor();
  await page.locator('#settings-btn').click();
  await page.locator('#settings-dialog [data-tab=project]').click();
  await page.locator('#setting-blind').check();
  await page.locator('#toast', { hasText: 'Blind annotation on' }).waitFor();
  await page.locator('#settings-close').click();
  await page.locator('#blind-toggle[aria-pressed=true][disabled]').waitFor();
  await openArticle(page, await articleIdByTitle(page, 'يوم ثان'));
  await page.locator('#blind-note:not([hidden])').waitFor();
  assert.equal(await page.locator('.hl-other').count(), 0);
  // A reviewer sees everything (Amina and Salma compared on the article Amina has not finished).
  await page.reload();
  await page.locator('body[data-ready=true]').waitFor();
  await page.locator('#mode-review').click();
  await page.locator('#article-list [data-article-id]', { hasText: 'يوم ثان' }).click();
  await page.locator('.rv-band[data-annotator=Salma]').first().waitFor();
  assert.deepEqual(browser.errors, []);
});

test('dark mode: chart axes, legends and values stand out from the panel', async (t) => {
  const sp = (s, label, annotator) => ({ ...cpRange(A, s), label, annotator });
  const p = project(t, [{ id: 'a', title: 'يوم أول', text: A, spans: [sp('الرباط', 'LOC', 'Salma'), sp('الرباط', 'LOC', 'Karim'), sp('حموشي', 'PER', 'Salma'), sp('FBI', 'ORG', 'Karim')] }]);
  const { page, browser } = await startApp(t, p.db, 'Reviewer');
  await page.locator('#mode-agreement').click();
  await page.locator('svg .axis').first().waitFor();
  await page.keyboard.press('Shift+D');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  const worst = await page.evaluate(() => {
    const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
    const panel = rgb(getComputedStyle(document.querySelector('.dash-sec')).backgroundColor);
    const out = [];
    for (const e of document.querySelectorAll('svg .axis, svg .bar-text, svg .cell-none')) out.push([e.getAttribute('class'), ratio(rgb(getComputedStyle(e).fill), panel)]);
    for (const e of document.querySelectorAll('svg .axis-line')) out.push(['axis-line', ratio(rgb(getComputedStyle(e).stroke), panel)]);
    return out.sort((a, b) => a[1] - b[1]);
  });
  assert.ok(worst.length > 3, 'charts are drawn');
  for (const [cls, r] of worst) assert.ok(r >= (cls === 'axis-line' ? 3 : 4.5), `${cls}: contrast ${r.toFixed(2)} on the dark panel`);
  await shot(page, 'firstday-dark-charts.png');
  assert.deepEqual(browser.errors, []);
});

test('undo history is kept per article for the session: across switching articles and a reload', async (t) => {
  const B = `${A}\nثانية`;
  const p = project(t, [
    { id: 'a', title: 'يوم أول', text: A },
    { id: 'b', title: 'يوم ثان', text: B },
  ]);
  const { page, browser } = await startApp(t, p.db, 'Amina');
  const idA = await articleIdByTitle(page, 'يوم أول');
  const idB = await articleIdByTitle(page, 'يوم ثان');
  const label = async (r, key) => {
    await page.evaluate(([s, e]) => window.hashiya.selectRange(s, e), [r.start, r.end]);
    await page.keyboard.press(key);
  };
  const spansOf = (ext) => exportRecords(p.db).find((r) => r.id === ext).spans.map((s) => s.text);
  await openArticle(page, idA);
  await label(cpRange(A, 'الرباط'), 'l');
  await until(() => spansOf('a').length === 1, 'A has its span');
  await openArticle(page, idB);
  await label(cpRange(B, 'طنجة'), 'l');
  await until(() => spansOf('b').length === 1, 'B has its span');
  // Back to A: Ctrl+Z undoes A's edit, not B's (the later one).
  await openArticle(page, idA);
  await page.locator('#undo-btn:not([disabled])').waitFor();
  await page.locator('#article-text').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await until(() => spansOf('a').length === 0, 'A\'s span undone');
  assert.deepEqual(spansOf('b'), ['طنجة'], 'B untouched');
  // A reload keeps both histories: B's edit can still be undone, A's redone.
  await settle(page);
  await page.reload();
  await page.locator('body[data-ready=true]').waitFor();
  await openArticle(page, idB);
  await page.locator('#undo-btn:not([disabled])').waitFor();
  await page.locator('#article-text').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await until(() => spansOf('b').length === 0, 'B\'s span undone after the reload');
  await openArticle(page, idA);
  await page.locator('#redo-btn:not([disabled])').waitFor();
  await page.locator('#article-text').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+z');
  await until(() => spansOf('a').length === 1, 'A\'s span redone after the reload');
  assert.deepEqual(browser.errors, []);
});

test('the Arabic interface shows the labels\' Arabic descriptions', async (t) => {
  const p = project(t, [{ id: 'a', title: 'يوم أول', text: A, spans: [{ ...cpRange(A, 'حموشي'), label: 'PER', annotator: 'Amina' }] }]);
  const { page, browser } = await startApp(t, p.db, 'Amina');
  await openArticle(page, await articleIdByTitle(page, 'يوم أول'));
  const hint = async () => {
    // Switching the language redraws the article: wait for the highlight to be back.
    let box = null;
    await until(async () => (box = await page.locator('.hl[data-label=PER]').first().boundingBox()) !== null, 'the PER highlight is drawn');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const text = await page.locator('#span-label-hint').textContent();
    await page.keyboard.press('Escape');
    return text;
  };
  assert.match(await hint(), /^Person/);
  await page.locator('#lang-btn').click();
  assert.equal(await hint(), 'شخص: فرد مسمّى باسمه');
  assert.match(await page.locator('#palette [data-label=PER]').getAttribute('title'), /^شخص: فرد مسمّى باسمه/);
  assert.deepEqual(browser.errors, []);
});
