// Relations benchmark, core side (prints a table; not a test): a 100,000-character article with 5,000 spans and
// 2,000 relations served by `hashiya serve`; times get_article and add_relation over HTTP from Node (request sent →
// JSON parsed). The workbench does not draw relation arcs yet, so no in-page time is measured here.
// Run: bash scripts/bench-relations.sh

import { cli, fixture, serve, tempProject } from '../harness.mjs';

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
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
