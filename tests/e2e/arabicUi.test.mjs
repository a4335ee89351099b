// The whole interface in Arabic: switch the language, then open the span editor, the import dialog (with a CSV
// mapping and the report), the export and settings dialogs, all occurrences, the review view and the agreement
// dashboard; each shows Arabic text, the page is right to left, and a screenshot of each is kept in artifacts/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleIdByTitle, cli, fixture, openArticle, settle, shot, startApp, tempProject, cpRange } from './harness.mjs';

const TEXT = 'أعلن الرئيس عبد الفتاح السيسي في القاهرة يوم 12 مارس 2024 أن شركة Siemens AG ستبني محطة جديدة في مدينة العلمين قرب القاهرة.';
const TITLE = 'محطة العلمين';
const cp = (s) => cpRange(TEXT, s);
const span = (s, label, annotator) => ({ ...cp(s), label, annotator });
const record = (annotator, spans) =>
  JSON.stringify({ id: 'ar-ui-1', title: TITLE, text: TEXT, spans, tags: [], status: [{ annotator, status: 'done', updated_at: '2026-11-20T10:00:00.000Z' }] }) + '\n';

/** The text has Arabic letters (label names, keys and format names stay Latin inside it). */
const ARABIC = /[\u0600-\u06ff]/;
function assertArabic(text, what) {
  assert.ok(ARABIC.test(text), `${what} is in Arabic: ${text}`);
}

/** Wait for the span's highlight and click its middle (a repaint may replace it: measure again). */
async function clickSpan(page, selector) {
  const hl = page.locator(selector).first();
  let box = null;
  for (let i = 0; i < 50 && !box; i++) {
    await hl.waitFor({ state: 'visible' });
    box = await hl.boundingBox();
    if (!box) await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(box, 'the highlight has a box');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** No element inside `root` sticks out of it sideways (nothing cut off at a dialog's edge). */
async function assertInside(page, root) {
  const out = await page.$eval(root, (r) => {
    const box = r.getBoundingClientRect();
    return [...r.querySelectorAll('*')]
      .filter((e) => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
      .filter((e) => !e.closest('.imp-preview-wrap, table, pre'))
      .map((e) => ({ e, b: e.getBoundingClientRect() }))
      .filter(({ b }) => b.width > 0 && (b.left < box.left - 1 || b.right > box.right + 1))
      .map(({ e }) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${e.className}: ${e.textContent.slice(0, 40)}`);
  });
  assert.deepEqual(out, [], `nothing sticks out of ${root}`);
}

test('Arabic interface: editor, dialogs, review and agreement in Arabic, mirrored', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  cli(project.db, 'import', fixture(project.dir, 'salma.jsonl', record('Salma', [span('عبد الفتاح السيسي', 'PER', 'Salma'), span('القاهرة', 'LOC', 'Salma'), span('12 مارس 2024', 'DATE', 'Salma')])));
  cli(project.db, 'import', fixture(project.dir, 'karim.jsonl', record('Karim', [span('عبد الفتاح السيسي', 'PER', 'Karim'), span('مارس 2024', 'DATE', 'Karim'), span('العلمين', 'LOC', 'Karim')])));
  const { page, browser } = await startApp(t, project.db, 'Salma');
  const id = await articleIdByTitle(page, TITLE);

  // English first; then the language button.
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
  await page.locator('#lang-btn').click();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
  assert.equal(await page.textContent('#lang-btn'), 'English');
  assert.equal(await page.getAttribute('#import-btn', 'title'), 'استيراد مقالات: نص، HTML، CSV/TSV، JSON/JSONL، CoNLL');
  assert.equal(await page.getAttribute('#article-search', 'placeholder'), 'ابحث في العناوين والنصوص…');
  assert.equal(await page.textContent('#project-count'), ' · مقال واحد');
  await page.locator('#article-total', { hasText: 'مقال واحد' }).waitFor();
  assert.equal(await page.textContent('#filter-clear'), 'مسح المرشحات');
  assert.equal(await page.locator('#list-sort option').first().textContent(), 'ترتيب الاستيراد');

  // The article, its status buttons and the mode bar.
  await openArticle(page, id);
  await page.locator('#status [data-status=done]', { hasText: 'منجز' }).waitFor();
  assertArabic(await page.textContent('#sticky-toggle'), 'the sticky label chip');
  assertArabic(await page.textContent('#palette-hint'), 'the palette hint');
  const sub = await page.locator('#article-list [data-article-id] .article-sub').first().textContent();
  assert.match(sub, /^#\d+ · (\d+ مقاطع|\d+ مقطعًا|مقطعان|مقطع واحد)منجز$/, 'the list row counts spans in Arabic');
  await shot(page, 'arabic-annotate.png');

  // The span editor on one of my spans.
  await clickSpan(page, '.hl[data-label=LOC]:not(.hl-other)');
  const editor = page.locator('#span-editor');
  await editor.waitFor();
  assert.equal(await editor.locator('#span-delete').textContent(), 'حذف المقطع');
  assert.equal(await editor.locator('#span-note-save').textContent(), 'حفظ الملاحظة');
  assert.equal(await editor.locator('#span-note').getAttribute('placeholder'), 'ملاحظة (اختيارية)');
  assertArabic(await editor.locator('.pop-resize').textContent(), 'the resize row');
  await shot(page, 'arabic-span-editor.png', editor);
  await assertInside(page, '#span-editor');

  // All occurrences: القاهرة is there twice.
  await editor.locator('#span-occurrences').click();
  const occ = page.locator('#occ-dialog[open]');
  await occ.locator('#occ-status', { hasText: 'المواضع الأخرى: 1 في مقال واحد' }).waitFor();
  assert.equal(await occ.locator('#occ-cancel').textContent(), 'إلغاء');
  assertArabic(await occ.locator('#occ-title').textContent(), 'the occurrences title');
  await shot(page, 'arabic-occurrences.png');
  await assertInside(page, '#occ-dialog');
  await occ.locator('#occ-apply').click();
  await page.locator('#toast', { hasText: 'وُسم موضع واحد بالوسم LOC' }).waitFor();

  // The import dialog: a CSV with its column mapping, then the report.
  await page.locator('#import-btn').click();
  const imp = page.locator('#import-dialog[open]');
  await imp.locator('#import-form').waitFor();
  assert.equal(await imp.locator('#import-title').textContent(), 'استيراد مقالات');
  assert.equal(await imp.locator('#import-choose').textContent(), 'اختيار الملفات…');
  assert.equal(await imp.locator('#import-run').textContent(), 'استيراد');
  const csv = 'title,body,section\nخبر أول,هذا نص الخبر الأول عن الرباط.,سياسة\nخبر ثان,هذا نص الخبر الثاني عن جدة.,طقس\nخبر ثالث,هذا نص الخبر الثالث عن تونس.,اقتصاد\n';
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), imp.locator('#import-choose').click()]);
  await chooser.setFiles([{ name: 'akhbar.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }]);
  await imp.locator('#import-mapping legend', { hasText: 'الأعمدة' }).waitFor();
  assert.equal(await imp.locator('#import-file-count').textContent(), `ملف واحد، ${Buffer.byteLength(csv)} بايت`);
  assertArabic(await imp.locator('#import-preview-note').textContent(), 'the preview note');
  assert.match(await imp.locator('#import-preview-note').textContent(), /3 أعمدة؛ أول 3 صفوف/);
  await shot(page, 'arabic-import-mapping.png');
  await assertInside(page, '#import-dialog');
  await imp.locator('#import-map-text').selectOption({ label: 'body' });
  await imp.locator('#import-run').click();
  await imp.locator('#import-summary').waitFor();
  assert.equal(await imp.locator('#import-title').textContent(), 'تقرير الاستيراد');
  assert.match(await imp.locator('#import-summary').textContent(), /^المستورد: 3؛ أُضيف 0 مقطع و0 تصنيف\.$/);
  assert.equal(await imp.locator('#import-close').textContent(), 'إغلاق');
  await page.locator('#toast', { hasText: 'المستورد: 3' }).waitFor();
  await shot(page, 'arabic-import-report.png');
  await assertInside(page, '#import-dialog');
  await imp.locator('#import-close').click();
  await page.locator('#project-count', { hasText: '4 مقالات' }).waitFor();

  // The export dialog.
  await page.locator('#export-btn').click();
  const exp = page.locator('#export-dialog[open]');
  await exp.waitFor();
  assert.equal(await exp.locator('#export-title').textContent(), 'تصدير بيانات التدريب');
  assert.equal(await exp.locator('#export-run').textContent(), 'تصدير');
  assertArabic(await exp.locator('#export-source').textContent(), 'the source choice');
  await shot(page, 'arabic-export.png');
  await assertInside(page, '#export-dialog');
  await exp.locator('#export-cancel').click();

  // The settings: labels, guidelines and project tabs.
  await page.locator('#settings-btn').click();
  const set = page.locator('#settings-dialog[open]');
  await set.waitFor();
  assert.equal(await set.locator('#settings-title').textContent(), 'إعدادات المشروع');
  assert.equal(await set.locator('[data-tab=labels]').textContent(), 'الوسوم');
  assert.equal(await set.locator('.lab-section[data-kind=span] h3').textContent(), 'وسوم المقاطع');
  await shot(page, 'arabic-settings-labels.png');
  await assertInside(page, '#settings-dialog');
  await set.locator('[data-tab=project]').click();
  await set.locator('legend', { hasText: 'السوابق' }).waitFor();
  await set.locator('#clitics-include').check();
  await page.locator('#toast', { hasText: 'حُفظ: التحديدات تُبقي السوابق الآن.' }).waitFor();
  await set.locator('#clitics-exclude').check();
  await shot(page, 'arabic-settings-project.png');
  await set.locator('#settings-close').click();

  // The review view: Salma and Karim compared.
  await page.locator('#mode-review').click();
  await page.locator('#review-dis-list .dis-item').first().waitFor();
  assertArabic(await page.textContent('#review-summary'), 'the review summary');
  assert.equal(await page.locator('#review-accept-agreeing span').first().textContent(), 'قبول كل المتفق عليه ');
  assert.equal(await page.locator('#review-side h3').first().textContent(), 'الخلافات');
  assertArabic(await page.textContent('#review-current'), 'the current disagreement');
  assertArabic(await page.textContent('#review-hint'), 'the review hint');
  await page.evaluate(async () => {
    await document.fonts.load('400 20px "Noto Naskh Arabic"', 'عربي');
    await document.fonts.ready;
  });
  await shot(page, 'arabic-review.png');
  const [side, doc] = await Promise.all([page.$eval('#review-side', (e) => e.getBoundingClientRect()), page.$eval('#review-doc', (e) => e.getBoundingClientRect())]);
  assert.ok(side.left !== doc.left, 'the side panel and the text sit side by side');

  // Back to English while in the review view: redrawn at once, in English.
  await page.locator('#lang-btn').click();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
  await page.locator('#review-side h3', { hasText: 'Disagreements' }).first().waitFor();
  assert.match(await page.textContent('#review-summary'), /^\d+ disagreements \(\d+ open\)/);
  await page.locator('#lang-btn').click();
  await page.locator('#review-side h3', { hasText: 'الخلافات' }).first().waitFor();

  // The agreement dashboard.
  await page.locator('#mode-agreement').click();
  await page.locator('#agreement-pane h1', { hasText: 'الاتفاق' }).waitFor();
  await page.locator('#progress-table').waitFor();
  assertArabic(await page.textContent('#agreement-matrix h2'), 'the matrix heading');
  assert.equal(await page.locator('#progress-table th').first().textContent(), 'المحلل');
  await shot(page, 'arabic-agreement.png');

  // The shortcut sheet and the guidelines.
  await page.locator('#mode-annotate').click();
  await page.keyboard.press('?');
  const sheet = page.locator('#shortcuts-dialog[open]');
  await sheet.waitFor();
  assert.equal(await sheet.locator('h2').textContent(), 'اختصارات لوحة المفاتيح');
  await shot(page, 'arabic-shortcuts.png');
  await assertInside(page, '#shortcuts-dialog');
  await page.keyboard.press('Escape');
  await page.locator('#guidelines-btn').click();
  const guide = page.locator('#guidelines-dialog[open]');
  await guide.waitFor();
  assert.equal(await guide.locator('#guidelines-title').textContent(), 'الإرشادات');
  await shot(page, 'arabic-guidelines.png');
  await page.keyboard.press('Escape');

  // Still Arabic after a reload (the preference is remembered).
  await page.reload();
  await page.locator('body[data-ready=true]').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await page.textContent('#mode-annotate'), 'التوسيم');

  await settle(page);
  assert.deepEqual(browser.errors, []);
});
