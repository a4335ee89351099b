// Corpus view benchmark (run by scripts/bench-corpus.sh; not a test): in headless Chromium against `hashiya serve` on a
// large project, measures the list's first paint, scrolling 10,000 rows (frame times from requestAnimationFrame), and
// search from the keystroke to the list showing the answer. Prints a table. Usage: node bench-corpus.mjs DB

import { launch, serve } from './harness.mjs';

const db = process.argv[2];
if (!db) throw new Error('usage: node bench-corpus.mjs PROJECT.hashiya');
const RUNS = Number(process.env.BENCH_RUNS || 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const ms = (x) => `${x.toFixed(1)} ms`;

const server = await serve(db);
const browser = await launch();
const { page } = browser;
try {
  await page.addInitScript(() => {
    localStorage.setItem('hashiya.analyst', 'Bench');
    // The first article row in the DOM, then the frame that paints it.
    document.addEventListener('DOMContentLoaded', () => {
      const mo = new MutationObserver(() => {
        if (!document.querySelector('#article-list [data-article-id]')) return;
        mo.disconnect();
        window.__rowInDom = performance.now();
        requestAnimationFrame(() => (window.__rowPainted = performance.now()));
      });
      mo.observe(document.body, { childList: true, subtree: true });
    });
  });

  // 1. First paint of the list (navigation start → the frame showing the first rows), median of RUNS loads.
  const loads = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(server.url);
    await page.waitForFunction(() => window.__rowPainted !== undefined, null, { timeout: 60000 });
    const r = await page.evaluate(() => {
      const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/list_articles'));
      return { painted: window.__rowPainted, inDom: window.__rowInDom, firstList: api[0]?.duration ?? NaN, total: document.getElementById('article-total')?.textContent };
    });
    loads.push(r);
  }
  const totalText = loads[0].total;

  // Let the progress counts finish before scrolling.
  await page.locator('#corpus-progress [data-progress=done]').waitFor({ timeout: 60000 });

  // 2. Scroll 10,000 rows: ROWS_PER_FRAME rows each frame (a fast fling), frame intervals from rAF timestamps.
  const scroll = async (rowsPerFrame) =>
    page.evaluate(
      ({ rows, per }) =>
        new Promise((resolve) => {
          const host = document.getElementById('article-list');
          const rowH = 56;
          host.scrollTop = 0;
          const target = rows * rowH;
          const frames = [];
          let placeholderFrames = 0;
          let last = null;
          const t0 = performance.now();
          // Long animation frames (over 50 ms) and the scripts in them: was it our code, or the machine?
          const loaf = [];
          let po = null;
          try {
            po = new PerformanceObserver((l) => loaf.push(...l.getEntries().map((e) => ({ d: Math.round(e.duration), script: Math.round((e.scripts ?? []).reduce((a, x) => a + x.duration, 0)), render: Math.round(e.duration - (e.renderStart ? e.renderStart - e.startTime : e.duration)) }))));
            po.observe({ type: 'long-animation-frame' });
          } catch {
            /* not in this Chromium */
          }
          const step = (ts) => {
            if (last !== null) frames.push(ts - last);
            last = ts;
            if (host.querySelector('.vrow-loading')) placeholderFrames++;
            if (host.scrollTop >= target) {
              // Wait until the rows at the end are loaded.
              const done = () => (host.querySelector('.vrow-loading') ? requestAnimationFrame(done) : resolve({ frames, placeholderFrames, ms: performance.now() - t0, rowsInDom: host.querySelectorAll('.vrow').length, long: frames.map((f, i) => [i, Math.round(f)]).filter(([, f]) => f > 50), loaf: (po?.disconnect(), loaf) }));
              return done();
            }
            host.scrollTop = Math.min(target, host.scrollTop + per * rowH);
            requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        }),
      { rows: 10000, per: rowsPerFrame },
    );
  const scrolls = [];
  for (const per of [10, 40]) {
    // A fresh page each time: nothing cached, the progress counts done.
    await page.goto(server.url);
    await page.locator('#corpus-progress [data-progress=done]').waitFor({ timeout: 60000 });
    await page.waitForTimeout(500);
    scrolls.push({ per, ...(await scroll(per)) });
  }

  // 3. Search: the last keystroke of a word → the list answering it (rows in the DOM, then the next frame).
  await page.evaluate(() => {
    document.getElementById('article-list').scrollTop = 0;
    const input = document.getElementById('article-search');
    // The keystroke: keydown, or for a letter typed as text (not on a US layout) its beforeinput.
    const key = () => (window.__key ??= performance.now());
    input.addEventListener('keydown', key, true);
    input.addEventListener('beforeinput', key, true);
    new MutationObserver(() => {
      const q = document.getElementById('article-list').dataset.query;
      if (q && window.__want === q && window.__answered === undefined) {
        window.__answered = performance.now();
        requestAnimationFrame(() => (window.__paintedAnswer = performance.now()));
      }
    }).observe(document.getElementById('article-list'), { attributes: true, attributeFilter: ['data-query'] });
  });
  const words = [
    ['رقم 4242', 'a title number (11 articles)'],
    ['الرياض', 'no match'],
    ['الرباط', 'clitic: finds بالرباط in every article'],
    ['حموشي', 'in every article (100% match)'],
  ];
  const searches = [];
  for (const [word, what] of words) {
    const times = [];
    let shown = '';
    for (let i = 0; i < RUNS; i++) {
      await page.locator('#article-search').fill('');
      await page.waitForFunction(() => (document.getElementById('article-list').dataset.query ?? '') === '');
      await page.locator('#article-search').fill(word.slice(0, -1));
      await page.waitForFunction((q) => document.getElementById('article-list').dataset.query === q, word.slice(0, -1).trim());
      await page.evaluate((w) => {
        window.__want = w;
        window.__key = undefined;
        window.__answered = undefined;
        window.__paintedAnswer = undefined;
      }, word);
      await page.keyboard.type(word.slice(-1));
      await page.waitForFunction(() => window.__paintedAnswer !== undefined, null, { timeout: 60000 });
      const r = await page.evaluate(() => ({ e2e: window.__paintedAnswer - window.__key, total: document.getElementById('article-total').textContent }));
      times.push(r.e2e);
      shown = r.total;
    }
    const api = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/list_articles')).slice(-1)[0]?.duration ?? NaN);
    searches.push({ word, what, median: median(times), max: Math.max(...times), shown, api });
  }

  const row = (a, b, c = '') => console.log(`${a.padEnd(58)} ${String(b).padStart(12)}  ${c}`);
  console.log(`corpus view in Chromium (headless), ${totalText}; median of ${RUNS} unless said`);
  row('list first paint (navigation → rows painted)', ms(median(loads.map((l) => l.painted))), `list_articles page 0 request: ${ms(median(loads.map((l) => l.firstList)))}`);
  for (const s of scrolls) {
    const over = s.frames.filter((f) => f > 17).length;
    row(`scroll 10,000 rows, ${s.per} rows/frame: frames over 16 ms`, `${over} of ${s.frames.length}`, `p50 ${ms(pct(s.frames, 50))} · p95 ${ms(pct(s.frames, 95))} · max ${ms(Math.max(...s.frames))}`);
    row(`   frames with rows still loading ("…")`, `${s.placeholderFrames} of ${s.frames.length}`, `rows in the DOM at the end: ${s.rowsInDom}; ${s.frames.length} frames in ${ms(s.ms)}`);
    const scriptMs = s.loaf.map((l) => l.script);
    row(`   long animation frames (over 50 ms)`, `${s.loaf.length}`, s.loaf.length ? `script in them: max ${ms(Math.max(...scriptMs))} · frame max ${ms(Math.max(...s.loaf.map((l) => l.d)))}` : '');
    if (process.env.BENCH_VERBOSE) console.log('   frames over 50 ms [index, ms]:', JSON.stringify(s.long), 'loaf:', JSON.stringify(s.loaf));
  }
  for (const s of searches) row(`search "${s.word}" keystroke → list painted`, ms(s.median), `max ${ms(s.max)} · request ${ms(s.api)} · ${s.what} · "${s.shown}"`);
  if (browser.errors.length) console.log('page errors:', browser.errors);
} finally {
  await browser.close();
  await server.stop();
}
