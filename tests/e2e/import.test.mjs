// The import dialog: CSV with Arabic headers mapped through the preview; doccano JSONL with an emoji
// before a label read as UTF-16 offsets; a batch with rejects (file:line, saved report); a big batch
// cancelled from the progress bar (Esc) — whole files only; a web copy cleaned of its boilerplate
// (the dialog's checkbox) beside a token table, with the report's notes and entity counts.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cli, exportRecords, launch, openApp, seedsDir, serve, settle, shot, tempProject } from './harness.mjs';

const file = (name, content, mimeType = 'text/plain') => ({ name, mimeType, buffer: Buffer.from(content) });

/** Open the dialog with the Import button and choose `files` through its Choose files… button. */
async function chooseFiles(page, files) {
  await page.locator('#import-btn').click();
  await page.locator('#import-dialog[open] #import-form').waitFor();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#import-choose').click()]);
  await chooser.setFiles(files);
  await page.locator('#import-file-list li').nth(files.length - 1).waitFor();
}

async function start(t, analyst = 'Amina') {
  const project = tempProject();
  t.after(project.cleanup);
  const server = await serve(project.db);
  t.after(server.stop);
  const browser = await launch();
  t.after(browser.close);
  await openApp(browser.page, server.url, analyst);
  return { project, server, page: browser.page, errors: browser.errors };
}

const articleCount = async (page) => Number(/(\d[\d,]*) articles/.exec(await page.locator('#project-count').textContent())[1].replace(/,/g, ''));

test('CSV with Arabic headers: mapped in the dialog (RTL preview) and imported with the mapped titles', async (t) => {
  const { project, server, page, errors } = await start(t);
  const csv =
    '\ufeffالمعرف,رأس الخبر,المحتوى,الرابط,التاريخ,القسم\n' +
    '1,وزير الخارجية يزور الرباط,"زار الوزير الرباط أمس، وقال: ""الزيارة ناجحة"".\nوعاد مساء.",https://example.com/a,2026-01-02,سياسة\n' +
    '2,أمطار غزيرة في جدة,هطلت أمطار غزيرة على جدة.,https://example.com/b,2026-01-03,طقس\n' +
    '3,معرض الكتاب في القاهرة,افتتح معرض القاهرة الدولي للكتاب.,https://example.com/c,2026-01-04,ثقافة\n';
  await chooseFiles(page, [file('أخبار.csv', csv, 'text/csv')]);

  // The mapping: the usual names are found (المحتوى, الرابط, التاريخ); the title column is chosen by hand.
  const mapping = page.locator('#import-mapping');
  await mapping.waitFor();
  assert.equal(await page.locator('#import-map-text option:checked').textContent(), 'المحتوى');
  assert.equal(await page.locator('#import-map-url option:checked').textContent(), 'الرابط');
  assert.equal(await page.locator('#import-map-date option:checked').textContent(), 'التاريخ');
  assert.equal(await page.locator('#import-map-title option:checked').textContent(), '— not mapped —');
  await page.locator('#import-map-title').selectOption({ label: 'رأس الخبر' });
  assert.equal(await page.locator('#import-preview th.mapped').count(), 4);
  assert.equal(await page.locator('#import-preview th[data-role=title] .imp-col').textContent(), 'رأس الخبر');

  // The preview: header and cells as text, the quoted newline and doubled quotes read, RTL order and alignment.
  const preview = page.locator('#import-preview');
  assert.equal(await preview.getAttribute('dir'), 'rtl');
  assert.deepEqual(await page.$$eval('#import-preview th .imp-col', (ths) => ths.map((th) => th.textContent)), ['المعرف', 'رأس الخبر', 'المحتوى', 'الرابط', 'التاريخ', 'القسم']);
  const cell = await page.$eval('#import-preview tbody tr:first-child td:nth-child(3)', (td) => td.textContent);
  assert.equal(cell, 'زار الوزير الرباط أمس، وقال: "الزيارة ناجحة".\nوعاد مساء.');
  const geo = await page.$$eval('#import-preview th', (ths) => ths.map((th) => th.getBoundingClientRect().left));
  assert.ok(geo[0] > geo[geo.length - 1], 'the first column is on the right in an Arabic table');
  const align = await page.$$eval('#import-preview tbody tr:first-child td', (tds) =>
    tds.map((td) => {
      const r = document.createRange();
      r.selectNodeContents(td);
      const text = [...r.getClientRects()];
      const box = td.getBoundingClientRect();
      return { right: box.right - Math.max(...text.map((x) => x.right)), left: Math.min(...text.map((x) => x.left)) - box.left };
    }),
  );
  assert.ok(align[1].right < 12, `the Arabic title cell is right-aligned (${JSON.stringify(align[1])})`);
  assert.ok(align[3].left < 12, `the URL cell is left-aligned (${JSON.stringify(align[3])})`);
  assert.equal(await page.locator('#import-dialog img, #import-dialog script').count(), 0);
  await page.locator('#import-dialog').evaluate((d) => (d.scrollTop = 0));
  await shot(page, 'import-mapping.png');

  // Import by keyboard from the Import button.
  await page.locator('#import-run').focus();
  await page.keyboard.press('Enter');
  await page.locator('#import-summary', { hasText: '3 imported; ' }).waitFor();
  await page.keyboard.press('Escape');
  await page.locator('#import-dialog:not([open])').waitFor({ state: 'attached' });
  for (const title of ['وزير الخارجية يزور الرباط', 'أمطار غزيرة في جدة', 'معرض الكتاب في القاهرة']) {
    await page.locator('#article-list [data-article-id]', { hasText: title }).waitFor();
  }
  assert.equal(await articleCount(page), 3);
  await settle(page);
  assert.deepEqual(errors, []);
  await server.stop();
  const recs = exportRecords(project.db);
  const a = recs.find((r) => r.title === 'وزير الخارجية يزور الرباط');
  assert.equal(a.text, 'زار الوزير الرباط أمس، وقال: "الزيارة ناجحة".\nوعاد مساء.');
  assert.equal(a.url, 'https://example.com/a');
  assert.equal(a.published_at, '2026-01-02');
  assert.equal(a.meta['القسم'], 'سياسة');
});

test('doccano JSONL with an emoji before the label, read as UTF-16 offsets', async (t) => {
  const { project, server, page, errors } = await start(t);
  const text = '😀 زار محمد الرياض أمس.';
  const u16 = text.indexOf('محمد');
  const rec = { text, label: [[u16, u16 + 4, 'PER'], [text.indexOf('الرياض'), text.indexOf('الرياض') + 6, 'LOC']] };
  await chooseFiles(page, [file('doccano.jsonl', JSON.stringify(rec) + '\n', 'application/json')]);
  assert.equal(await page.locator('#import-mapping').isHidden(), true, 'no mapping for JSONL');
  assert.equal(await page.locator('#import-annotator').inputValue(), 'Amina', 'the analyst is the default annotator');
  await page.locator('#import-annotator').fill('doccano-team');
  await page.locator('#import-offsets').selectOption('utf16');
  await page.locator('#import-run').click();
  await page.locator('#import-summary', { hasText: '1 imported; 2 spans' }).waitFor();
  await page.locator('#import-close').click();
  await page.locator('#article-list [data-article-id]').first().waitFor();
  await settle(page);
  assert.deepEqual(errors, []);
  await server.stop();
  const [out] = exportRecords(project.db);
  assert.equal(out.text, text);
  assert.deepEqual(
    out.spans.map((s) => [s.label, s.text, s.annotator, [...out.text].slice(s.start, s.end).join('')]),
    [
      ['PER', 'محمد', 'doccano-team', 'محمد'],
      ['LOC', 'الرياض', 'doccano-team', 'الرياض'],
    ],
  );
});

test('a batch with rejects: the report lists file:line and reasons, grouped by file, and saves as text', async (t) => {
  const { server, page } = await start(t);
  const bad = ['{"title":"سليم","text":"نص صالح"}', '{"title":"مقطوع","text":"نص', JSON.stringify({ id: 'x', text: 'abc', spans: [{ start: 2, end: 1, label: 'PER', text: '', annotator: 'a' }] })].join('\n') + '\n';
  const rows = 'title,text\nأ,نص أول\nب\n';
  const evilName = '<img src=x onerror="window.__pwned=1">.txt';
  // A legacy Arabic file (Windows-1256 bytes for السلام, a blank line, نص) is decoded in the browser.
  const legacy = { name: 'legacy.txt', mimeType: 'text/plain', buffer: Buffer.from([0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3, 0x0a, 0x0a, 0xe4, 0xd5]) };
  await chooseFiles(page, [file('bad.jsonl', bad), file('rows.csv', rows), file('empty.txt', ''), file(evilName, ''), legacy]);
  assert.match(await page.locator('#import-file-list li[data-file="legacy.txt"]').textContent(), /read as Windows-1256/);
  await page.locator('#import-mapping').waitFor();
  await page.locator('#import-run').click();
  await page.locator('#import-summary', { hasText: '3 imported, 5 rejected' }).waitFor();
  for (const w of ['bad.jsonl:2', 'bad.jsonl:3', 'rows.csv:3', 'empty.txt', evilName]) await page.locator(`[data-rejected="${w.replace(/"/g, '\\"')}"]`).waitFor();
  assert.match(await page.locator('[data-rejected="bad.jsonl:3"]').textContent(), /^bad\.jsonl:3 — span #1 \[2, 1\) PER: .*inverted/);
  assert.match(await page.locator('[data-rejected="rows.csv:3"]').textContent(), /the row has 1 fields but the header has 2/);
  assert.equal(await page.locator('.imp-rejected details').count(), 4, 'one group per file');
  assert.match(await page.locator('#toast').textContent(), /5 rejected/);
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
  assert.equal(await page.locator('#import-dialog img').count(), 0);
  await shot(page, 'import-report.png');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#import-save').click()]);
  assert.match(download.suggestedFilename(), /^import-report-.*\.txt$/);
  const saved = readFileSync(await download.path(), 'utf8');
  assert.match(saved, /^Hashiya import report\n/);
  assert.match(saved, /\n {2}bad\.jsonl:2 — not a valid article record/);
  assert.match(saved, /\n {2}rows\.csv:3 — the row has 1 fields but the header has 2\n/);
  assert.match(saved, /\n {2}empty\.txt — the file is empty\n/);
  assert.match(saved, /\nImported \(3\)\n {2}bad\.jsonl:1 — سليم\n {2}rows\.csv:2 — أ\n {2}legacy\.txt — السلام \(Windows-1256\)\n/);
  // The report is reachable by keyboard: Import more… goes back to a fresh form.
  await page.locator('#import-again').focus();
  await page.keyboard.press('Enter');
  await page.locator('#import-form:visible').waitFor();
  assert.equal(await page.locator('#import-file-list li').count(), 0);
  await page.keyboard.press('Escape');
  await settle(page);
  await server.stop();
});

test('cancel from the progress bar: whole files only, the report lists the cancelled ones', async (t) => {
  const { project, server, page, errors } = await start(t);
  const FILES = 30;
  const LINES = 2000;
  const body = ' في مدينة الرياض والقاهرة وبيروت، حيث اجتمع الوفد مع ممثلي الوزارات لبحث التعاون الاقتصادي والثقافي.';
  const files = Array.from({ length: FILES }, (_, f) => {
    let s = '';
    for (let i = 0; i < LINES; i++) s += JSON.stringify({ title: `خبر ${f}-${i}`, text: `نص الخبر رقم ${f}-${i}${body}` }) + '\n';
    return file(`batch-${String(f).padStart(2, '0')}.jsonl`, s, 'application/json');
  });
  await chooseFiles(page, files);
  await page.locator('#import-run').click();
  const progress = page.locator('#import-progress');
  await page.waitForFunction(() => Number(document.querySelector('#import-progress')?.dataset.filesDone ?? 0) >= 1 && document.querySelector('#import-progress')?.dataset.phase === 'reading', null, { polling: 20 });
  assert.match(await page.locator('#import-progress-text').textContent(), /^File \d+ of 30 · [\d,]+ records · [\d,]+ records\/s$/);
  assert.match(await page.locator('#import-current').textContent(), /^batch-\d\d\.jsonl$/);
  await shot(page, 'import-progress.png', progress, 30);
  await page.keyboard.press('Escape');
  await page.locator('#import-summary').waitFor();
  assert.equal(await page.locator('#import-dialog[open]').count(), 1, 'Esc cancelled the import, it did not close the dialog');
  const cancelled = await page.$$eval('[data-cancelled]', (lis) => lis.map((li) => li.dataset.cancelled));
  assert.ok(cancelled.length >= 1 && cancelled.length < FILES, `some files cancelled: ${cancelled.length}`);
  assert.deepEqual(cancelled, files.slice(FILES - cancelled.length).map((f) => f.name), 'the last files, in order');
  const done = FILES - cancelled.length;
  assert.match(await page.locator('#import-summary').textContent(), new RegExp(`^${(done * LINES).toLocaleString('en')} imported[,;] .*Cancelled: ${cancelled.length} files? not imported`));
  await page.locator('#import-close').click();
  await page.waitForFunction((n) => document.querySelector('#project-count')?.textContent?.includes(` ${n} articles`), done * LINES);
  await settle(page);
  assert.deepEqual(errors, []);
  await server.stop();
  // Too big for exportRecords' pipe: export to a file.
  const out = path.join(project.dir, 'all.jsonl');
  cli(project.db, 'export', '--out', out);
  const recs = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(recs.length, done * LINES, 'a whole number of files');
  const perFile = new Map();
  for (const r of recs) perFile.set(r.title.split(' ')[1].split('-')[0], (perFile.get(r.title.split(' ')[1].split('-')[0]) ?? 0) + 1);
  assert.deepEqual([...perFile.values()], Array(done).fill(LINES));
});

test('a web copy with "drop web boilerplate" checked, and a token table: notes and entities by label in the report', async (t) => {
  assert.ok(existsSync(seedsDir), `${seedsDir} is missing: the tests need ../shared/corpus beside the repository`);
  const copy = readFileSync(path.join(seedsDir, '001_06362ecf7ff77bef.txt'), 'utf8');
  const { project, server, page, errors } = await start(t);
  const table = 'token,label\nزار,O\nعبد,PER\nاللطيف,PER\nحموشي,PER\nالرياض,LOC\n';
  await chooseFiles(page, [file('copy.txt', copy), file('tokens.csv', table, 'text/csv')]);
  assert.equal(await page.locator('#import-mapping').isHidden(), true, 'a token table needs no column mapping');
  const clean = page.locator('#import-clean');
  assert.equal(await clean.isChecked(), false, 'off by default');
  await page.locator('label.imp-clean').click();
  assert.equal(await clean.isChecked(), true);
  await shot(page, 'import-clean.png', page.locator('#import-form'));
  await page.locator('#import-run').click();
  await page.locator('#import-summary', { hasText: '2 imported' }).waitFor();
  assert.doesNotMatch(await page.locator('#import-summary').textContent(), /rejected|already here/);
  // Every dropped line is listed with file:line; the entities are counted per label.
  for (const w of ['copy.txt:1', 'copy.txt:3', 'copy.txt:7', 'copy.txt:8', 'copy.txt:56', 'copy.txt:58', 'copy.txt:60', 'copy.txt:61']) {
    await page.locator(`[data-note="${w}"]`).waitFor({ state: 'attached' });
  }
  assert.equal(await page.locator('[data-note^="copy.txt:"]').count(), 8);
  assert.match(await page.locator('[data-note="copy.txt:7"]').textContent(), /dropped \(share counter\): 0 Shares$/);
  assert.deepEqual(await page.$$eval('#import-entities li', (lis) => lis.map((li) => li.textContent)), ['LOC 1', 'PER 1']);
  await page.locator('.imp-notes details summary').click();
  await shot(page, 'import-clean-report.png');
  await page.locator('#import-close').click();
  await page.locator('#article-list [data-article-id]', { hasText: 'بالصور' }).waitFor();
  await settle(page);
  assert.deepEqual(errors, []);
  await server.stop();
  const recs = exportRecords(project.db);
  const web = recs.find((r) => r.title.startsWith('بالصور'));
  assert.ok(web, 'the title is the headline, not the domain');
  assert.ok(!web.text.includes('0 Shares') && !web.text.includes('alalamiyanews.com') && !web.text.includes('اترك تعليقاً'));
  assert.ok(web.text.startsWith('بالصور'));
  // Body lines: six words or more (the comment form's note aside).
  const body = copy.split('\n').filter((l) => l.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 6 && !l.includes('لن يتم نشر'));
  assert.ok(body.length > 15);
  for (const line of body) assert.ok(web.text.includes(line), `kept: ${line.slice(0, 40)}`);
});
