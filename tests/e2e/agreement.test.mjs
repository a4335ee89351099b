// Test 7: the agreement dashboard shows exactly the numbers of `hashiya agreement --json` (heatmap, tables, bars),
// ranks articles that open in the review view, and counts each analyst's progress.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, fixture, launch, openApp, serve, shot, tempProject, startApp, cpRange } from './harness.mjs';

const TEXTS = [
  'قال وزير الخارجية ناصر بوريطة في الرباط إن مؤتمر Interpol سيعقد يوم 5 يونيو 2025.',
  'افتتح الملك محمد السادس معرض GITEX Africa في مراكش بحضور شركة Huawei.',
  'أعلنت الشرطة في طنجة توقيف 3 أشخاص بعد عملية مشتركة مع Europol.',
];
const PLAN = {
  Salma: [[['ناصر بوريطة', 'PER'], ['الرباط', 'LOC'], ['Interpol', 'ORG'], ['5 يونيو 2025', 'DATE']], [['محمد السادس', 'PER'], ['GITEX Africa', 'EVENT'], ['مراكش', 'LOC'], ['Huawei', 'ORG']], [['طنجة', 'LOC'], ['Europol', 'ORG']]],
  Karim: [[['ناصر بوريطة', 'PER'], ['الرباط', 'LOC'], ['مؤتمر Interpol', 'EVENT'], ['يونيو 2025', 'DATE']], [['الملك محمد السادس', 'PER'], ['GITEX Africa', 'EVENT'], ['مراكش', 'LOC']], [['الشرطة', 'ORG'], ['طنجة', 'LOC'], ['Europol', 'ORG']]],
  Nadia: [[['بوريطة', 'PER'], ['الرباط', 'LOC'], ['Interpol', 'ORG']], [['محمد السادس', 'PER'], ['GITEX Africa', 'ORG'], ['مراكش', 'LOC'], ['Huawei', 'ORG']], []],
};
const cp = (t, s) => cpRange(t, s);
const fmt = (v) => (v === null ? 'n/a' : v.toFixed(3));
const same = (shown, v) => (v === null ? shown === 'null' : Number(shown) === v);

async function metricCells(locator) {
  return locator.evaluateAll((els) => els.map((e) => ({ key: e.dataset.metric, value: e.dataset.value, text: e.textContent })));
}

function expectPrf(cells, prf, kappa) {
  const want = [
    ['exact.precision', prf.exact.precision],
    ['exact.recall', prf.exact.recall],
    ['exact.f1', prf.exact.f1],
    ['overlap.precision', prf.overlap.precision],
    ['overlap.recall', prf.overlap.recall],
    ['overlap.f1', prf.overlap.f1],
    ['cohen_kappa', kappa],
  ];
  assert.deepEqual(cells.map((c) => c.key), want.map((w) => w[0]));
  cells.forEach((c, i) => {
    assert.ok(same(c.value, want[i][1]), `${c.key}: ${c.value} vs ${want[i][1]}`);
    assert.equal(c.text, fmt(want[i][1]));
  });
}

test('agreement dashboard: the CLI numbers, heatmap and bars; ranked articles open the review; progress', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  for (const [who, arts] of Object.entries(PLAN)) {
    const lines = TEXTS.map((text, i) =>
      JSON.stringify({ id: `a${i}`, title: `مقال ${i + 1}`, text, spans: arts[i].map(([s, label]) => ({ ...cp(text, s), label, annotator: who })), status: [{ annotator: who, status: 'done', updated_at: '2026-11-20T10:00:00.000Z' }] }),
    );
    cli(project.db, 'import', fixture(project.dir, `${who}.jsonl`, lines.join('\n') + '\n'));
  }
  const report = JSON.parse(cli(project.db, 'agreement', '--json'));
  const pairReport = JSON.parse(cli(project.db, 'agreement', '--annotators', 'Karim,Salma', '--json'));
  const { page, server, browser } = await startApp(t, project.db, 'Reviewer');

  await page.locator('#mode-agreement').click();
  await page.locator('#agreement-pairs').waitFor();
  assert.equal(await page.evaluate(() => location.hash), '#agreement');
  assert.equal(await page.locator('#agreement-articles').textContent(), String(report.articles));

  // Group numbers.
  const cards = await metricCells(page.locator('.cards .num'));
  assert.deepEqual(cards.map((c) => c.key), ['fleiss_kappa', 'krippendorff_alpha']);
  assert.ok(same(cards[0].value, report.group.fleiss_kappa) && cards[0].text === fmt(report.group.fleiss_kappa));
  assert.ok(same(cards[1].value, report.group.krippendorff_alpha) && cards[1].text === fmt(report.group.krippendorff_alpha));

  // The heatmap: every pair, both ways, for each metric; the diagonal is blank.
  const cellFor = async (a, b) => {
    const g = page.locator(`svg.heatmap g.cell[data-a="${a}"][data-b="${b}"]`);
    return { value: await g.getAttribute('data-value'), text: await g.locator('text').textContent() };
  };
  for (const [metric, pick] of [
    ['cohen_kappa', (p) => p.cohen_kappa],
    ['exact_f1', (p) => p.exact.f1],
    ['overlap_f1', (p) => p.overlap.f1],
  ]) {
    await page.locator('#agreement-metric').selectOption(metric);
    assert.equal(await page.locator('svg.heatmap g.cell').count(), report.annotators.length * (report.annotators.length - 1));
    for (const p of report.pairs) {
      for (const [a, b] of [[p.a, p.b], [p.b, p.a]]) {
        const c = await cellFor(a, b);
        assert.ok(same(c.value, pick(p)), `${metric} ${a}×${b}`);
        assert.equal(c.text, fmt(pick(p)));
      }
    }
    if (metric === 'cohen_kappa') await shot(page, 'agreement-dashboard.png');
  }

  // The pairs table and the per-label tables.
  for (const p of report.pairs) {
    const row = page.locator(`#agreement-pairs tr[data-pair="${p.a}|${p.b}"]`);
    assert.match(await row.textContent(), new RegExp(`^${p.a}${p.b}${p.articles}${p.tokens}`));
    expectPrf(await metricCells(row.locator('.num')), p, p.cohen_kappa);
  }
  for (const l of report.group.per_label) {
    const cells = await metricCells(page.locator(`#agreement-labels tr[data-label="${l.label}"] .num`));
    assert.ok(same(cells[0].value, l.fleiss_kappa) && same(cells[1].value, l.krippendorff_alpha), l.label);
    const bars = await page.$$eval(`svg.bars g.bar[data-row="${l.label}"]`, (els) => els.map((e) => [e.dataset.series, e.dataset.value]));
    assert.ok(same(bars.find((b) => b[0] === "Fleiss' κ")[1], l.fleiss_kappa));
    assert.ok(same(bars.find((b) => b[0] === "Krippendorff's α")[1], l.krippendorff_alpha));
  }
  await page.locator('#agreement-pair-select').selectOption('1');
  const second = report.pairs[1];
  for (const l of second.per_label) {
    expectPrf(await metricCells(page.locator(`#agreement-pair-labels tr[data-label="${l.label}"] .num`)), l, l.cohen_kappa);
  }

  // The rules, as small print.
  const rules = await page.locator('#agreement-rules').textContent();
  for (const r of [report.overlap_rule, report.token_rule, report.alpha_rule, report.worked_rule]) assert.ok(rules.includes(r));

  // Progress per analyst, from the project.
  for (const [who, arts] of Object.entries(PLAN)) {
    const cells = await page.$$eval(`#progress-table tr[data-annotator="${who}"] td`, (tds) => tds.map((td) => td.textContent));
    assert.equal(cells[0], who);
    assert.equal(cells[1], '3', `${who} is done with 3 articles`);
    assert.equal(cells[4], String(arts.flat().length), `${who}'s spans`);
  }
  await shot(page, 'agreement-progress.png', page.locator('#progress'), 20);

  // Only two analysts: the numbers follow the CLI's --annotators.
  await page.locator('#agreement-annotators input[data-annotator=Karim]').check();
  await page.locator('#agreement-one').waitFor();
  await page.locator('#agreement-annotators input[data-annotator=Salma]').check();
  await page.waitForFunction(() => document.querySelectorAll('#agreement-pairs tbody tr').length === 1);
  const [fk] = await metricCells(page.locator('.cards .num'));
  assert.ok(same(fk.value, pairReport.group.fleiss_kappa));

  // Ranked articles, worst first; a click opens the review of that article.
  const ids = await page.$$eval('#agreement-ranked [data-article-id]', (els) => els.map((e) => Number(e.dataset.articleId)));
  assert.deepEqual(ids, pairReport.ranked.map((r) => r.article_id));
  await page.locator('#agreement-ranked [data-article-id]').first().click();
  await page.locator('#review-dis-list .dis-item').first().waitFor();
  assert.equal(await page.evaluate(() => location.hash), `#review=${ids[0]}`);
  assert.deepEqual(await page.$$eval('#review-annotators input:checked', (els) => els.map((e) => e.dataset.annotator)), pairReport.ranked[0].annotators);
  // One count: each place where the versions differ (a pair is one) and each tag difference.
  const places = await page.locator('#review-dis-list .dis-place').count();
  const tagDiffs = await page.locator('#review-tag-diffs li').count();
  assert.equal(places + tagDiffs, pairReport.ranked[0].disagreements);
  assert.match(await page.locator('#review-summary').textContent(), new RegExp(`^${pairReport.ranked[0].disagreements} disagreement`));
  assert.deepEqual(browser.errors, []);
});
