// Chromium's rendering of an article, for the desktop rendering comparison (test_arabic_render.py):
//   node chromium.mjs PROJECT ARTICLE_ID WORDS_JSON OUT.png
// serves PROJECT in browser mode, opens the article in headless Chromium at 1 device pixel per CSS pixel,
// runs probe.js (the same script the desktop test runs in the window), screenshots the viewport to OUT.png
// and prints probe.js's answer as JSON.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp, openArticle, serve } from '../../e2e/harness.mjs';

const [db, id, wordsJson, out] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const probe = readFileSync(path.join(here, 'probe.js'), 'utf8');

const server = await serve(db);
const browser = await launch({ scale: 1, width: 1280, height: 860 });
try {
  const { page } = browser;
  await openApp(page, server.url, 'render-check');
  await openArticle(page, Number(id));
  // Runtime evaluation (not a page script), so the app's CSP does not apply; probe.js reads `arguments[0]`.
  const answer = await page.evaluate(`(function () { ${probe} }).apply(null, [${wordsJson}])`);
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(400);
  await page.screenshot({ path: out });
  if (browser.errors.length) throw new Error(browser.errors.join('\n'));
  process.stdout.write(JSON.stringify(answer));
} finally {
  await browser.close();
  await server.stop();
}
