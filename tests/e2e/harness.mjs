// Shared e2e harness: temp projects, the hashiya CLI, `hashiya serve`, and a headless system Chromium.

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const bin = process.env.HASHIYA_BIN ? path.resolve(process.env.HASHIYA_BIN) : path.join(repoRoot, 'target', 'debug', 'hashiya');
export const uiDir = process.env.HASHIYA_UI_DIR ? path.resolve(process.env.HASHIYA_UI_DIR) : path.join(repoRoot, 'ui', 'dist');
export const seedsDir = path.resolve(repoRoot, '..', 'shared', 'corpus', 'seeds');
export const artifacts = path.join(here, 'artifacts');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

for (const [what, p, fix] of [
  ['the hashiya CLI', bin, 'run `cargo build` at the repository root, or set HASHIYA_BIN'],
  ['the built UI', path.join(uiDir, 'index.html'), 'run `npm --prefix ui ci && npm --prefix ui run build`, or set HASHIYA_UI_DIR'],
  ['Chromium', chromiumPath, 'install the Debian chromium package, or set CHROMIUM_PATH'],
]) {
  if (!existsSync(p)) throw new Error(`${what} is missing at ${p}: ${fix}`);
}

/** A fresh temp folder with a project path inside; `cleanup()` removes it. */
export function tempProject() {
  const dir = mkdtempSync(path.join(tmpdir(), 'hashiya-e2e-'));
  return { dir, db: path.join(dir, 'project.hashiya'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Run the CLI synchronously; returns stdout. Throws with stderr on failure. */
export function cli(db, ...args) {
  try {
    return execFileSync(bin, ['--db', db, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`hashiya ${args.join(' ')} failed: ${e.stderr || e.message}`);
  }
}

/** Export the project as parsed JSONL records. */
export function exportRecords(db) {
  return cli(db, 'export', '--format', 'jsonl')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** The title the project stored for the article with this text (a web copy's title skips its site lines). */
export function storedTitle(db, text) {
  const rec = exportRecords(db).find((r) => r.text === text);
  if (!rec) throw new Error('no article with that text in the project');
  return rec.title;
}

/** The seed corpus files, with their texts. */
export function seeds() {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ file: path.join(seedsDir, f), name: f, text: readFileSync(path.join(seedsDir, f), 'utf8') }));
}

/** Code-point range `{start, end, text}` of `s` in `text` (its first occurrence at or after UTF-16 index `from`):
 * what native JSONL spans and `selectRange` take. Throws when `s` is not there. */
export function cpRange(text, s, from = 0) {
  const i = text.indexOf(s, from);
  if (i < 0) throw new Error(`${s} is not in the text`);
  const start = [...text.slice(0, i)].length;
  return { start, end: start + [...s].length, text: s };
}

/** Code-point range of the first occurrence of `name` at `from` or later that stands alone as words. */
export function cpRangeOf(text, name, from = 0) {
  const isWordChar = (c) => c !== undefined && /[\p{L}\p{M}\p{N}]/u.test(c);
  for (let i = text.indexOf(name, from); i >= 0; i = text.indexOf(name, i + 1)) {
    if (isWordChar(text[i - 1]) || isWordChar(text[i + name.length])) continue;
    const start = [...text.slice(0, i)].length;
    return { start, end: start + [...name].length, u16: i };
  }
  throw new Error(`no standalone ${name} in the text`);
}

/** Start `hashiya serve --port 0` and resolve with its URL and a stop() that waits for exit. */
export async function serve(db) {
  const child = spawn(bin, ['--db', db, 'serve', '--port', '0', '--ui', uiDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL in 15 s: ${out} ${err}`)), 15000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGINT');
    });
  return { url, stop, child };
}

/** Launch headless system Chromium with a fresh profile. Collects page errors and console errors.
 * `scale`: device pixels per CSS pixel (2 by default; the desktop comparison uses 1, like its Xvfb window). */
export async function launch({ scale = 2, width = 1280, height = 900 } = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'hashiya-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    viewport: { width, height },
    deviceScaleFactor: scale,
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} ${m.location().url}`);
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, errors, close };
}

/** Open the app, answer the name dialog, wait until the list is loaded. */
export async function openApp(page, url, analyst = 'Amina') {
  await page.goto(url);
  await page.locator('#analyst-name').fill(analyst);
  await page.locator('#analyst-save').click();
  await page.locator('body[data-ready=true]').waitFor();
}

/** Serve `db`, open it in a fresh browser as `analyst`; both are stopped when the test ends. */
export async function startApp(t, db, analyst = 'Amina') {
  const server = await serve(db);
  t.after(server.stop);
  const browser = await launch();
  t.after(browser.close);
  await openApp(browser.page, server.url, analyst);
  return { page: browser.page, server, browser };
}

/** Open an article by its list entry and wait for its text. */
export async function openArticle(page, id) {
  await page.locator(`#article-list [data-article-id="${id}"]`).click();
  // The pane carries the id of the article it shows (the previous article's text may still be there).
  await page.locator(`#article-pane[data-article-id="${id}"] #article-text p[data-start]`).first().waitFor();
  // Make sure the Arabic and Latin faces are loaded before measuring anything.
  await page.evaluate(async () => {
    await Promise.all(
      ['Hashiya Arabic', 'Noto Naskh Arabic'].flatMap((f) => [document.fonts.load(`400 20px "${f}"`, 'عربي'), document.fonts.load(`400 20px "${f}"`, 'Latin 2025')]),
    );
    await document.fonts.ready;
  });
}

/** Write a fixture file into `dir` and return its path. */
export function fixture(dir, name, content) {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** Save a screenshot of the viewport, or of a clip around `locator` (padding in px), into artifacts/. */
export async function shot(page, name, locator = null, pad = 60) {
  mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, name);
  if (!locator) {
    await page.screenshot({ path: file });
    return file;
  }
  await locator.first().scrollIntoViewIfNeeded();
  const boxes = await locator.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  const left = Math.max(0, Math.min(...boxes.map((b) => b.left)) - pad * 4);
  const top = Math.max(0, Math.min(...boxes.map((b) => b.top)) - pad);
  const right = Math.max(...boxes.map((b) => b.right)) + pad * 4;
  const bottom = Math.max(...boxes.map((b) => b.bottom)) + pad;
  await page.screenshot({ path: file, clip: { x: left, y: top, width: right - left, height: bottom - top } });
  return file;
}

/** Article id for a title, via the CLI import's JSON report is not needed: read it from the list. */
export async function articleIdByTitle(page, title) {
  const item = page.locator('#article-list [data-article-id]', { hasText: title }).first();
  await item.waitFor();
  return Number(await item.getAttribute('data-article-id'));
}

/** Bounding boxes of highlight rects of one label (page coordinates). */
export async function highlightBoxes(page, selector) {
  return page.$$eval(selector, (els) => els.map((e) => e.getBoundingClientRect().toJSON()));
}

/** Do two rects overlap by more than `min` px in both directions? */
export function overlaps(a, b, min = 1) {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > min && h > min;
}

/** Is rect `inner` covered by `outer` (within `tol` px)? */
export function covers(outer, inner, tol = 1.5) {
  return outer.left <= inner.left + tol && outer.right >= inner.right - tol && outer.top <= inner.top + tol && outer.bottom >= inner.bottom - tol;
}

/** Client rects of the text at code points [s, e) and boxes of the elements matching `selector`, measured in
 * one go once two measurements a frame apart agree: a list refresh or panel opening may still be moving the
 * text, and the overlay follows one frame later. */
export async function measureTextAndBoxes(page, s, e, selector) {
  let last = null;
  for (let i = 0; i < 40; i++) {
    const now = await page.evaluate(async ([s, e, selector]) => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      window.hashiya.selectRange(s, e);
      const text = [...window.getSelection().getRangeAt(0).getClientRects()].map((x) => x.toJSON()).filter((x) => x.width > 1);
      window.getSelection().removeAllRanges();
      const boxes = [...document.querySelectorAll(selector)].map((x) => x.getBoundingClientRect().toJSON());
      return { text, boxes };
    }, [s, e, selector]);
    if (last && JSON.stringify(last) === JSON.stringify(now)) return now;
    last = now;
  }
  return last;
}

/** Wait until the page has no command in flight (e.g. the list refresh after an edit) for 300 ms, before stopping the server. */
export async function settle(page) {
  let quiet = 0;
  for (let i = 0; i < 200 && quiet < 3; i++) {
    quiet = (await page.evaluate(() => window.hashiya?.inFlight?.() ?? 0)) === 0 ? quiet + 1 : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
}
