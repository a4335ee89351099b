// Relations benchmark, core side (prints a table; not a test): a 100,000-character article with 5,000 spans and
// 2,000 relations served by `hashiya serve`; times get_article and add_relation over HTTP from Node (request sent →
// JSON parsed), then in headless Chromium: opening the article (request → text, highlights and arcs drawn) and making
// a relation (request → its arc drawn).
// Run: bash scripts/bench-relations.sh

import { cli, fixture, launch, openApp, serve, tempProject } from '../harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 15);
const PARA = 'في 12 فبراير 2026 استقبل عبد اللطيف حموشي 😀 وفد FBI بالرباط على هامش معرض IGEF 2025 في دورته الجديدة.';
const ENTITIES = [
  ['12 فبراير 2026', 'DATE'],
  ['عبد اللطيف حموشي', 'PER'],
  ['FBI', 'ORG'],
  ['وفد FBI', 'ORG'],
  ['الرباط', 'LOC'],
  ['IGEF 2025', 'EVENT'],
];

function bigArticle(chars, spanCount, relationCount) {
  const lines = [];
  let len = 0;
  while (len < chars) {
    const line = `${lines.length + 1}. ${PARA}`;
    lines.push(line);
    len += line.length + 1;
  }
  const text = lines.join('\n').slice(0, chars);
  const spans = [];
  const relations = [];
  let cp = 0;
  for (const line of text.split('\n')) {
    const here = {};
    for (const [name, label] of ENTITIES) {
      const i = line.indexOf(name);
      if (i < 0 || spans.length >= spanCount) continue;
      const start = cp + [...line.slice(0, i)].length;
      spans.push({ id: spans.length + 1, start, end: start + [...name].length, label, text: name, annotator: 'Bench' });
      (here[label] ||= []).push(spans.length);
    }
    // Per paragraph: the person visits the place and leads both organisations (while relations are left).
    const per = here.PER?.[0];
    for (const [type, targets] of [['VISITS', here.LOC || []], ['LEADS', here.ORG || []]]) {
      for (const to of targets) {
        if (per && relations.length < relationCount) relations.push({ from: per, to, type, annotator: 'Bench' });
      }
    }
    cp += [...line].length + 1;
  }
  while (relations.length < relationCount) throw new Error(`only ${relations.length} relations fit`);
  return { id: 'bench-rel', title: 'مقال العلاقات الكبير', text, spans, relations };
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};

async function main() {
  const project = tempProject();
  const big = bigArticle(100_000, 5_000, 2_000);
  cli(project.db, 'import', fixture(project.dir, 'bench.jsonl', JSON.stringify(big) + '\n'));
  const server = await serve(project.db);
  try {
    const u = new URL(server.url);
    const token = u.searchParams.get('token');
    const call = async (cmd, args) => {
      const r = await fetch(`${u.origin}/api/${cmd}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hashiya-token': token },
        body: JSON.stringify(args),
      });
      const v = await r.json();
      if (!r.ok) throw new Error(`${cmd}: ${JSON.stringify(v)}`);
      return v;
    };
    const timed = async (cmd, args) => {
      const t0 = performance.now();
      const v = await call(cmd, args);
      return [performance.now() - t0, v];
    };
    const [, view] = await timed('get_article', { id: 1 });
    const opens = [];
    for (let i = 0; i < RUNS; i++) opens.push((await timed('get_article', { id: 1 }))[0]);
    // New relations: MEETS between the person of paragraph k and the person of paragraph k+1 (none exist yet).
    const pers = view.spans.filter((s) => s.label === 'PER');
    const adds = [];
    for (let i = 0; i < RUNS; i++) {
      const [ms, r] = await timed('add_relation', { annotator: 'Bench', from: pers[i].id, to: pers[i + 1].id, type: 'MEETS' });
      if (r.existing) throw new Error('the relation existed already');
      adds.push(ms);
    }
    const row = (name, xs, target) => {
      const s = stats(xs);
      return `| ${name} | ${s.median.toFixed(1)} | ${s.min.toFixed(1)} | ${s.max.toFixed(1)} | ${target} |`;
    };
    console.log(`Article: ${big.text.length} characters (UTF-16), ${view.spans.length} spans, ${view.relations.length} relations; ${RUNS} runs; HASHIYA_BIN=${process.env.HASHIYA_BIN || 'target/debug/hashiya'}`);
    console.log('\n| Measure (ms) | median | min | max | target |\n| --- | ---: | ---: | ---: | ---: |');
    console.log(row('get_article: request → JSON parsed', opens, '(part of open < 150)'));
    console.log(row('add_relation: request → answer parsed', adds, '< 16'));

    // In the page: open (request → text, highlights and the arcs near the viewport drawn), and a new relation.
    const browser = await launch();
    try {
      await openApp(browser.page, server.url, 'Bench');
      const inOpen = [];
      const openRender = [];
      let arcs = 0;
      for (let i = 0; i < RUNS + 1; i++) {
        const t = await browser.page.evaluate(() => window.hashiya.benchOpen(1));
        if (i > 0) inOpen.push(t.total), openRender.push(t.render); // the first open warms the fonts and the code
        if (process.env.BENCH_DEBUG) console.log(JSON.stringify(t));
        arcs = Number(await browser.page.evaluate(() => document.getElementById('rel-layer').dataset.arcs));
      }
      const relates = [];
      const relateRequest = [];
      const relateRender = [];
      const relateWire = [];
      for (let i = 0; i < RUNS; i++) {
        const t = await browser.page.evaluate(([a, b]) => window.hashiya.benchRelate(a, b, 'MEETS'), [pers[i].id, pers[i + 2].id]);
        relates.push(t.total);
        relateRequest.push(t.request);
        relateRender.push(t.render);
        // The browser's own timing of that request (sent → last byte), to tell the wire from the page.
        relateWire.push(await browser.page.evaluate(() => {
          const e = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/add_relation')).at(-1);
          return e ? e.responseEnd - e.startTime : NaN;
        }));
        if (process.env.BENCH_DEBUG) console.log(JSON.stringify(t));
      }
      console.log(row(`open in the page: request → highlights and arcs drawn (${arcs} arcs near the viewport)`, inOpen, '< 150'));
      console.log(row('… of which the page after the answer (text, highlights, arcs)', openRender, ''));
      console.log(row('add a relation in the page: made → its arc drawn (before the answer)', relates, '< 16'));
      console.log(row('… the core\'s answer in the page (made → answer)', relateRequest, ''));
      console.log(row('… of which the request on the wire (resource timing: sent → last byte)', relateWire, ''));
      console.log(row('… the arcs drawn again with the answer', relateRender, ''));
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
