// The export dialog's train/dev/test split: every file of the export is downloaded (the three parts and the manifest;
// for hf also the tag list), each part equal to the CLI's `export --split … --seed …`; bad ratios are refused in the dialog.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { cli, fixture, launch, openApp, serve, tempProject, startApp } from './harness.mjs';

const lines = Array.from({ length: 8 }, (_, i) => {
  const text = `خبر رقم ${i + 1}: زار الوزير مدينة الرباط.`;
  const start = [...text.slice(0, text.indexOf('الرباط'))].length;
  return JSON.stringify({ id: `s${i}`, title: `خبر ${i + 1}`, text, spans: [{ start, end: start + 6, text: 'الرباط', label: 'LOC', annotator: 'Salma' }] });
});

async function exportAll(page, setup, expected) {
  const downloads = [];
  const onDownload = (d) => downloads.push(d);
  page.on('download', onDownload);
  await page.locator('#export-btn').click();
  await page.locator('#export-dialog[open]').waitFor();
  await setup();
  await page.locator('#export-run').click();
  await page.locator('#export-result').waitFor();
  for (let i = 0; i < 50 && downloads.length < expected; i++) await page.waitForTimeout(100);
  page.off('download', onDownload);
  const out = {};
  for (const d of downloads) out[d.suggestedFilename()] = readFileSync(await d.path(), 'utf8');
  return out;
}

test('export dialog: a train/dev/test split downloads every file, as the CLI writes them', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  cli(project.db, 'import', fixture(project.dir, 'split.jsonl', lines.join('\n') + '\n'));
  const { page, server, browser } = await startApp(t, project.db, 'Amina');

  // Bad ratios: a clear message in the dialog, nothing exported.
  await page.locator('#export-btn').click();
  await page.locator('#export-dialog[open]').waitFor();
  assert.equal(await page.locator('#export-split-train').isDisabled(), true, 'ratios are off until the split is ticked');
  await page.locator('#export-split-on').check();
  await page.locator('#export-split-train').fill('0.9');
  await page.locator('#export-run').click();
  await page.locator('#export-error', { hasText: 'must add up to 1' }).waitFor();
  await page.locator('#export-cancel').click();

  const files = await exportAll(
    page,
    async () => {
      await page.locator('#export-format').selectOption('spans');
      await page.locator('#export-split-on').check();
      await page.locator('#export-split-train').fill('0.5');
      await page.locator('#export-split-dev').fill('0.25');
      await page.locator('#export-split-test').fill('0.25');
      await page.locator('#export-seed').fill('3');
    },
    4,
  );
  assert.deepEqual(Object.keys(files).sort(), ['project.spans.dev.jsonl', 'project.spans.jsonl.manifest.json', 'project.spans.test.jsonl', 'project.spans.train.jsonl'].sort());
  assert.match(await page.locator('#export-summary').textContent(), /Exported 8 articles and 8 spans to project\.spans\.train\.jsonl \(4 files/);
  assert.equal(await page.locator('#export-files a[download]').count(), 4);
  await page.locator('#export-cancel').click();

  // The CLI's split with the same ratios and seed gives the same parts.
  const cliOut = path.join(project.dir, 'cli', 'project.spans.jsonl');
  mkdirSync(path.dirname(cliOut));
  cli(project.db, 'export', '--format', 'spans', '--split', '0.5,0.25,0.25', '--seed', '3', '--out', cliOut);
  for (const part of ['train', 'dev', 'test']) {
    assert.equal(files[`project.spans.${part}.jsonl`], readFileSync(path.join(project.dir, 'cli', `project.spans.${part}.jsonl`), 'utf8'), part);
  }
  const counts = ['train', 'dev', 'test'].map((p) => files[`project.spans.${p}.jsonl`].trim().split('\n').length);
  assert.deepEqual(counts, [4, 2, 2]);
  const manifest = JSON.parse(files['project.spans.jsonl.manifest.json']);
  assert.ok(JSON.stringify(manifest).includes('0.5'), 'the manifest records the split');
  assert.ok(readdirSync(path.join(project.dir, 'cli')).some((f) => f.endsWith('manifest.json')));

  // hf: the tag list comes too.
  const hf = await exportAll(page, () => page.locator('#export-format').selectOption('hf'), 3);
  assert.ok(Object.keys(hf).some((n) => n.endsWith('.labels.json')), Object.keys(hf).join(', '));
  assert.equal(Object.keys(hf).length, 3);

  assert.deepEqual(browser.errors, []);
});
