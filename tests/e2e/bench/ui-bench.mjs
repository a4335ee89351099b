// UI benchmark (prints a table; not a test): in Chromium, open a 100,000-character article with 5,000 spans
// and add spans to it, timed with performance.now() inside the page. Run: bash scripts/bench-ui.sh

import { cli, fixture, launch, openApp, articleIdByTitle, serve, tempProject } from '../harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 9);
const PARA = 'في 12 فبراير 2026 استقبل عبد اللطيف حموشي 😀 وفد FBI بالرباط على هامش معرض IGEF 2025 في دورته الجديدة.';
const ENTITIES = [
  ['12 فبراير 2026', 'DATE'],
  ['عبد اللطيف حموشي', 'PER'],
  ['FBI', 'ORG'],
  ['وفد FBI', 'ORG'], // overlaps FBI: two lanes
  ['الرباط', 'LOC'],
  ['IGEF 2025', 'EVENT'],
];

function bigArticle(chars, spanCount) {
  const lines = [];
  let len = 0;
  while (len < chars) {
    const line = `${lines.length + 1}. ${PARA}`;
    lines.push(line);
    len += line.length + 1;
  }
  const text = lines.join('\n').slice(0, chars);
  const spans = [];
  let cp = 0;
  for (const line of text.split('\n')) {
    for (const [name, label] of ENTITIES) {
      const i = line.indexOf(name);
      if (i < 0 || spans.length >= spanCount) continue;
      const start = cp + [...line.slice(0, i)].length;
      spans.push({ start, end: start + [...name].length, label, text: name, annotator: 'Bench' });
    }
    cp += [...line].length + 1;
  }
  return { id: 'bench-big', title: 'مقال القياس الكبير', text, spans };
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};
const f = (v) => (v === undefined ? '' : v.toFixed(1));

async function main() {
  const project = tempProject();
  const big = bigArticle(100_000, 5_000);
  const small = { id: 'bench-small', title: 'مقال صغير', text: 'نص قصير للتبديل بين المقالات.' };
  cli(project.db, 'import', fixture(project.dir, 'bench.jsonl', [big, small].map((r) => JSON.stringify(r)).join('\n') + '\n'));
  const server = await serve(project.db);
  const browser = await launch();
  try {
    const { page } = browser;
    await openApp(page, server.url, 'Bench');
    const bigId = await articleIdByTitle(page, 'مقال القياس الكبير');
    const smallId = await articleIdByTitle(page, 'مقال صغير');
    await page.evaluate(async () => {
      await document.fonts.load('400 20px "Hashiya Arabic"', 'عربي Latin 2025');
      await document.fonts.ready;
    });
    // Warm up (the first open also sets the status to in progress).
    await page.evaluate((id) => window.hashiya.benchOpen(id), bigId);
    await page.evaluate((id) => window.hashiya.benchOpen(id), smallId);

    const opens = [];
    for (let i = 0; i < RUNS; i++) {
      opens.push(await page.evaluate((id) => window.hashiya.benchOpen(id), bigId));
      await page.evaluate((id) => window.hashiya.benchOpen(id), smallId);
    }
    await page.evaluate((id) => window.hashiya.benchOpen(id), bigId);
    // Add spans on words near the top (what an analyst sees): "هامش" of line k, exact.
    const adds = [];
    const text = big.text;
    let from = 0;
    for (let i = 0; i < RUNS; i++) {
      const u = text.indexOf('هامش', from);
      from = u + 1;
      const start = [...text.slice(0, u)].length;
      adds.push(await page.evaluate(([s, e]) => window.hashiya.benchAdd(s, e, 'LOC'), [start, start + 4]));
    }
    const rows = [
      ['open: request → highlights drawn', opens.map((o) => o.total), 100],
      ['  of which request (get_article)', opens.map((o) => o.request)],
      ['  of which text DOM + layout + draw', opens.map((o) => o.render)],
      ['  of which highlight draw', opens.map((o) => o.draw)],
      ['    text DOM built (no layout yet)', opens.map((o) => o.parts.dom)],
      ['    draw: first layout (size key)', opens.map((o) => o.parts.layout)],
      ['    draw: visible paragraphs', opens.map((o) => o.parts.visible)],
      ['    draw: span rects', opens.map((o) => o.parts.measure)],
      ['    draw: boxes written', opens.map((o) => o.parts.write)],
      ['open: request → next frame', opens.map((o) => o.frame)],
      ['add span: answer → re-rendered', adds.map((a) => a.render), 16],
      ['  of which highlight draw', adds.map((a) => a.draw)],
      ['add span: request → re-rendered', adds.map((a) => a.total)],
      ['add span: request → next frame', adds.map((a) => a.frame)],
    ];
    const text1 = `Article: ${big.text.length.toLocaleString('en')} characters (UTF-16), ${big.spans.length.toLocaleString('en')} spans, ${big.text.split('\n').length} paragraphs; ${RUNS} runs; Chromium ${browser.context.browser()?.version() ?? ''}`;
    console.log(text1);
    console.log(`Drawn at open: ${opens[0].rebuilt} paragraphs, ${opens[0].boxes} boxes (only near the viewport); add: ${adds[0].rebuilt} paragraph rebuilt\n`);
    console.log('| Measure (ms) | median | min | max | target |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const [name, xs, target] of rows) {
      const s = stats(xs);
      console.log(`| ${name} | ${f(s.median)} | ${f(s.min)} | ${f(s.max)} | ${target ? `< ${target}` : ''} |`);
    }
  } finally {
    await browser.close();
    await server.stop();
    project.cleanup();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
