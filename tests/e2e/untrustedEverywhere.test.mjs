// Untrusted text never executes, wherever it reaches the UI: markup and script in metadata, url/source, notes, comments, label names and descriptions, annotator names, guidelines Markdown, HTML and CSV imports, the import report; and browser mode's CSP is sent and enforced.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, cpRangeOf, exportRecords, fixture, openArticle, articleIdByTitle, settle, shot, startApp, tempProject } from './harness.mjs';

// Every payload sets window.__pwned to the name of the place it came from, so a failure says where.
const img = (where) => `<img src=x onerror="window.__pwned='${where}'">`;
const script = (where) => `<script>window.__pwned='${where}'</script>`;
const svg = (where) => `<svg onload="window.__pwned='${where}'"><script>window.__pwned='${where}-svg-script'</script></svg>`;
const jsUrl = (where) => `javascript:window.__pwned='${where}'`;
const custom = '<hashiya-pwn id=pwn></hashiya-pwn>';

const EVIL = img('annotator'); // another analyst's name
const LABEL = img('label'); // a span label the import adds to the schema
const TAG = svg('tag'); // an article tag label
const TITLE = `خبر الرباط ${img('title')}`;
const TEXT = `أعلن وزير الداخلية في الرباط أن ${img('text')} ليس وسما، وأن ${script('text')} نص عادي.\nوزار الوفد مدينة فاس يوم 12 مارس 2025 ${jsUrl('text')} ${custom}`;
const NOTE = `ملاحظة ${img('note')} ${svg('note')}`;
const span = (name, label, annotator, note = '') => {
  const r = cpRangeOf(TEXT, name);
  return { start: r.start, end: r.end, label, text: name, annotator, note };
};
const record = (annotator, spans, tags) => ({
  id: 'evil-everywhere',
  title: TITLE,
  text: TEXT,
  source: svg('source'),
  url: jsUrl('url'),
  published_at: img('published'),
  meta: { [img('meta-key')]: script('meta-value'), nested: { svg: svg('meta'), url: jsUrl('meta') } },
  spans,
  tags: tags.map((label) => ({ label, annotator })),
  status: [{ annotator, status: 'done', updated_at: '2026-11-20T10:00:00.000Z' }],
});
const amina = record('Amina', [span('الرباط', 'LOC', 'Amina', NOTE)], []);
const evil = record(EVIL, [span('وزير الداخلية', LABEL, EVIL, NOTE), span('فاس', 'LOC', EVIL, NOTE)], [TAG]);

// An HTML page whose article body carries script, SVG, an onerror image and a javascript: link.
const HTML = `<!doctype html><html><head><title>صفحة</title>
<link rel="canonical" href="${jsUrl('canonical')}">
<meta property="og:site_name" content="${img('site-name').replace(/"/g, '&quot;')}">
</head><body><article>
<h1>خبر من صفحة HTML &lt;img src=x onerror="window.__pwned='h1'"&gt;</h1>
<p>فقرة أولى <svg onload="window.__pwned='html-svg'"><script>window.__pwned='html-svg-script'</script></svg> تبقى كما هي في النص المستورد.</p>
<p>صورة <img src=x onerror="window.__pwned='html-img'"> ثم <a href="${jsUrl('html-a')}">رابط</a> داخل فقرة طويلة من نص الخبر.</p>
<script>window.__pwned='html-script'</script>
<p>نص حرفي: &lt;script&gt;window.__pwned='html-literal'&lt;/script&gt;</p>
</article></body></html>`;

// CSV cells: title, text, url and an extra column (kept as metadata).
const CSV = `title,text,url,section\n"${'خبر CSV ' + img('csv-title').replace(/"/g, '""')}","${('نص من جدول ' + script('csv-text')).replace(/"/g, '""')}","${jsUrl('csv-url').replace(/"/g, '""')}","${svg('csv-meta').replace(/"/g, '""')}"\n`;

// In the guidelines the payloads set window.pwned: Markdown reads `__…__` as bold, which would cut `__pwned` apart.
const md = (s) => s.replace(/window\.__pwned/g, 'window.pwned');
const GUIDELINES = [
  `# إرشادات ${img('md-heading')}`,
  '',
  script('md-script'),
  '',
  `[اضغط هنا](${jsUrl('md-link')}) و<a href="${jsUrl('md-a')}">رابط</a>`,
  '',
  `![صورة](x onerror=window.__pwned='md-image')`,
  '',
  svg('md-svg'),
  '',
  `- **${img('md-bold')}** و*${img('md-em')}*`,
  `- \`<iframe src="${jsUrl('md-code')}"></iframe>\``,
  '',
  '```',
  img('md-block'),
  '```',
].map(md).join('\n');
const DESCRIPTION = `وصف ${img('description')} ${svg('description')}`;
const COMMENT = `تعليق المراجع ${img('comment')} ${jsUrl('comment')}`;

/** POST one command to `hashiya serve` from the test (as the UI does, with the token). */
async function api(server, cmd, args) {
  const u = new URL(server.url);
  const r = await fetch(new URL(`/api/${cmd}`, u), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hashiya-token': u.searchParams.get('token') },
    body: JSON.stringify(args),
  });
  const body = await r.json();
  assert.ok(r.ok, `${cmd}: ${JSON.stringify(body)}`);
  return body;
}

/** Fail on any dialog (alert, confirm, prompt) and collect page errors. */
function watch(page) {
  const dialogs = [];
  page.on('dialog', async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
  return dialogs;
}

/** Nothing ran and no element was made from data: no handler attributes, no script/img/iframe/object/embed in
 * the body, no link that is not a download blob, no SVG but the dashboard's own charts (made only of the chart
 * elements) and the relation arcs (paths and arrowheads), no custom element. */
async function assertInert(page, dialogs, where) {
  await page.waitForTimeout(150); // an onerror fires after the failed load of `x`
  const found = await scan(page);
  assert.deepEqual(found.bad, [], `${where}: elements made from data`);
  assert.equal(found.pwned, undefined, `${where}: a payload ran`);
  assert.deepEqual(dialogs, [], `${where}: a dialog opened`);
}

/** What assertInert looks for: elements and attributes that could run or load something, and the payloads' mark. */
function scan(page) {
  return page.evaluate(() => {
    const bad = [];
    for (const e of document.querySelectorAll('*')) {
      for (const a of e.attributes) if (/^on/i.test(a.name)) bad.push(`${e.localName}[${a.name}]`);
    }
    for (const e of document.body.querySelectorAll('script, img, iframe, frame, object, embed, hashiya-pwn, #pwn, foreignObject, image, use')) bad.push(e.localName);
    for (const a of document.querySelectorAll('a[href], area[href]')) if (!a.href.startsWith('blob:')) bad.push(`a[href=${a.getAttribute('href')}]`);
    for (const s of document.querySelectorAll('svg')) {
      // The relation arcs: lines and arrowheads only, no text.
      if (s.matches('svg.rel-svg') && s.parentElement?.id === 'rel-layer') {
        for (const e of s.querySelectorAll('*')) if (!['g', 'path', 'polygon'].includes(e.localName)) bad.push(`<${e.localName}> in the arcs`);
        continue;
      }
      if (!(s.matches('svg.heatmap, svg.bars') && s.closest('#agreement-body, #progress-box'))) bad.push(`svg outside the charts (${s.outerHTML.slice(0, 60)})`);
      for (const e of s.querySelectorAll('*')) if (!['title', 'text', 'rect', 'g', 'line'].includes(e.localName)) bad.push(`<${e.localName}> in a chart`);
    }
    for (const e of document.querySelectorAll('[src]')) if (!e.matches('head script[src]')) bad.push(`${e.localName}[src=${e.getAttribute('src')}]`);
    return { bad, pwned: window.__pwned ?? window.pwned };
  });
}

/** The text of a locator, whitespace as is. */
const text = (loc) => loc.evaluate((e) => e.textContent);

test('hostile metadata, notes, labels, names, comments, guidelines, HTML and CSV show as text in every view', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  cli(project.db, 'import', fixture(project.dir, 'amina.jsonl', JSON.stringify(amina) + '\n'));
  cli(project.db, 'import', fixture(project.dir, 'evil.jsonl', JSON.stringify(evil) + '\n'));
  cli(project.db, 'import', fixture(project.dir, 'page.html', HTML));
  cli(project.db, 'import', fixture(project.dir, 'rows.csv', CSV));

  // The HTML extractor drops scripts (also inside SVG) and keeps the link's words; escaped markup stays literal text.
  const recs = exportRecords(project.db);
  const page1 = recs.find((r) => r.title.startsWith('خبر من صفحة HTML'));
  assert.ok(page1, 'the HTML page was imported');
  for (const gone of ['html-script', 'html-svg-script', 'html-svg', 'html-img', 'html-a']) assert.ok(!page1.text.includes(gone), `${gone} is not in the stored text`);
  assert.match(page1.text, /ثم رابط داخل فقرة/);
  assert.ok(page1.text.includes(`<script>window.__pwned='html-literal'</script>`), 'escaped markup is literal text');
  const csv = recs.find((r) => r.title.startsWith('خبر CSV'));
  assert.equal(csv.url, jsUrl('csv-url'));
  assert.equal(csv.meta.section, svg('csv-meta'));

  const { page, server, browser } = await startApp(t, project.db, 'Amina');
  const dialogs = watch(page);
  const labels = await api(server, 'list_labels', {});
  const label = labels.find((l) => l.name === LABEL);
  assert.ok(label, 'the hostile label name is in the schema');
  // A colour is data that reaches a style: anything but #rrggbb is refused.
  await assert.rejects(api(server, 'save_label', { id: label.id, kind: label.kind, name: label.name, color: 'red;background:url(x)', hotkey: '', description: DESCRIPTION }), /colour|color/i);
  await api(server, 'save_label', { id: label.id, kind: label.kind, name: label.name, color: label.color, hotkey: '', description: DESCRIPTION });
  await api(server, 'set_settings', { guidelines: GUIDELINES });
  await page.reload();
  await page.locator('body[data-ready=true]').waitFor();

  // The list shows the titles as text.
  const id = await articleIdByTitle(page, 'خبر الرباط');
  assert.equal(await page.locator('#article-list [data-article-id]', { hasText: img('title') }).count(), 1);
  await page.locator('#article-list [data-article-id]', { hasText: img('csv-title') }).waitFor();
  await page.locator('#article-list [data-article-id]', { hasText: 'خبر من صفحة HTML <img' }).waitFor();
  await assertInert(page, dialogs, 'list');

  // Annotation view: title, text, source, date and a javascript: url as text; the url is not a link.
  await openArticle(page, id);
  assert.equal(await text(page.locator('#article-title')), TITLE);
  assert.deepEqual(await page.$$eval('#article-text p[data-start]', (ps) => ps.map((p) => p.textContent)), TEXT.split('\n'));
  const meta = await text(page.locator('#article-meta'));
  for (const v of [svg('source'), img('published'), jsUrl('url')]) assert.ok(meta.includes(v), `the metadata line shows ${v}`);
  assert.equal(await page.locator('#article-meta a, #article-meta [href]').count(), 0, 'the url is not a link');
  // The hostile label in the palette and on the other analyst's highlight; the tag chip.
  assert.equal(await page.locator('#palette [data-label]').filter({ hasText: LABEL }).count(), 1);
  assert.match(await page.locator('#palette [data-label]').filter({ hasText: LABEL }).getAttribute('title'), /وصف <img src=x/);
  await page.locator('#tags [data-tag]').filter({ hasText: TAG }).waitFor();
  const other = page.locator('.hl.hl-other');
  await other.first().waitFor();
  const evilSpans = await page.$$eval('.hl.hl-other', (els, who) => els.filter((e) => e.dataset.annotator === who).map((e) => [e.dataset.spanId, e.dataset.label]), EVIL);
  assert.ok(evilSpans.some(([, l]) => l === LABEL), 'the highlight carries the label name as data only');
  await assertInert(page, dialogs, 'annotation view');
  await shot(page, 'untrusted-everywhere-article.png');

  // The other analyst's span: its note, label and name in the read-only editor, as text.
  const [spanId] = evilSpans.find(([, l]) => l === LABEL);
  const hl = page.locator(`.hl[data-span-id="${spanId}"]`).first();
  let box = null;
  for (let i = 0; i < 50 && !box; i++) {
    await hl.waitFor({ state: 'visible' });
    box = await hl.boundingBox();
  }
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const editor = page.locator('#span-editor');
  await editor.waitFor();
  const ed = await text(editor);
  for (const v of [NOTE, LABEL, EVIL, 'وصف <img src=x']) assert.ok(ed.includes(v), `the span editor shows ${v}: ${ed}`);
  await assertInert(page, dialogs, 'span editor');
  await shot(page, 'untrusted-everywhere-span.png', editor, 20);
  await page.keyboard.press('Escape');

  // My own span's note is in the note box as its value.
  const mine = await page.$eval('.hl:not(.hl-other)', (e) => e.dataset.spanId);
  const mbox = await page.locator(`.hl[data-span-id="${mine}"]`).first().boundingBox();
  await page.mouse.click(mbox.x + mbox.width / 2, mbox.y + mbox.height / 2);
  await page.locator('#span-note').waitFor();
  assert.equal(await page.locator('#span-note').inputValue(), NOTE);
  await assertInert(page, dialogs, 'my span editor');
  await page.keyboard.press('Escape');

  // The HTML and CSV articles: the javascript: urls from <link rel=canonical> and the cell are text.
  await openArticle(page, await articleIdByTitle(page, 'خبر من صفحة HTML'));
  assert.equal(await text(page.locator('#article-title')), page1.title);
  assert.ok((await text(page.locator('#article-text'))).includes(`<script>window.__pwned='html-literal'</script>`));
  assert.ok((await text(page.locator('#article-meta'))).includes(page1.url || page1.source || ''));
  await assertInert(page, dialogs, 'HTML article');
  await shot(page, 'untrusted-everywhere-html.png');
  await openArticle(page, await articleIdByTitle(page, 'خبر CSV'));
  assert.ok((await text(page.locator('#article-meta'))).includes(jsUrl('csv-url')));
  assert.ok((await text(page.locator('#article-text'))).includes(script('csv-text')));
  await assertInert(page, dialogs, 'CSV article');

  // Settings: the label editor holds the name and description as input values.
  await page.keyboard.press('Shift+L');
  const dlg = page.locator('#settings-dialog');
  await dlg.waitFor();
  const names = await dlg.locator('.lab-name').evaluateAll((els) => els.map((e) => e.value));
  assert.ok(names.includes(LABEL) && names.includes(TAG), 'the label editor lists the hostile names');
  const descs = await dlg.locator('.lab-desc').evaluateAll((els) => els.map((e) => e.value));
  assert.ok(descs.includes(DESCRIPTION));
  await assertInert(page, dialogs, 'label editor');
  await shot(page, 'untrusted-everywhere-labels.png');
  await dlg.locator('#settings-close').click();

  // Guidelines: raw HTML, javascript: links, images with onerror and SVG are all literal text.
  await page.keyboard.press('Shift+G');
  const g = page.locator('#guidelines-view');
  await g.waitFor();
  assert.equal(await text(g.locator('h2')), md(`إرشادات ${img('md-heading')}`));
  const gt = await text(g);
  for (const v of [script('md-script'), `[اضغط هنا](${jsUrl('md-link')})`, `<a href="${jsUrl('md-a')}">`, `![صورة](x onerror=window.__pwned='md-image')`, svg('md-svg'), img('md-block')].map(md)) {
    assert.ok(gt.includes(v), `the guidelines show ${v} literally`);
  }
  assert.equal(await text(g.locator('li strong')), md(img('md-bold')));
  assert.equal(await text(g.locator('li code')), md(`<iframe src="${jsUrl('md-code')}"></iframe>`));
  const gl = await text(page.locator('.guide-labels'));
  assert.ok(gl.includes(LABEL) && gl.includes(DESCRIPTION), 'the label list beside the guidelines shows name and description as text');
  await assertInert(page, dialogs, 'guidelines');
  await shot(page, 'untrusted-everywhere-guidelines.png');
  await page.keyboard.press('Escape');

  // Review: the hostile analyst's name, label and a reviewer comment (on the article and on a span).
  await page.locator('#mode-review').click();
  await page.locator('#article-list [data-article-id]', { hasText: 'خبر الرباط' }).click();
  await page.locator('#review-dis-list .dis-item').first().waitFor();
  assert.ok((await page.$$eval('#review-annotators input', (els) => els.map((e) => e.dataset.annotator))).includes(EVIL));
  assert.ok((await text(page.locator('#review-annotators'))).includes(EVIL));
  assert.ok((await page.$$eval('#review-dis-list .lbl', (els) => els.map((e) => e.textContent))).includes(LABEL));
  await page.locator('#review-comment-text').fill(COMMENT);
  await page.locator('#review-comment-add').click();
  await page.locator('#review-comments li').filter({ hasText: COMMENT }).waitFor();
  const annotators = await page.$$eval('#review-annotators input:checked', (els) => els.map((e) => e.dataset.annotator));
  await api(server, 'review_comment', { article_id: id, author: EVIL, annotators, span_id: Number(spanId), text: `${COMMENT} ${svg('comment-span')}` });
  await page.locator('#mode-annotate').click();
  await page.locator('#mode-review').click();
  await page.locator('#review-comments li').filter({ hasText: svg('comment-span') }).waitFor();
  const rc = await text(page.locator('#review-comments'));
  assert.ok(rc.includes(EVIL) && rc.includes(COMMENT), 'comment author and text as text');
  await assertInert(page, dialogs, 'review view');
  await shot(page, 'untrusted-everywhere-review.png');

  // Dashboard: names and labels in the cards, tables and the charts' text (the only SVG on the page).
  await page.locator('#mode-agreement').click();
  await page.locator('#agreement-pairs').waitFor();
  const dash = await text(page.locator('#app'));
  assert.ok(dash.includes(EVIL), 'the dashboard names the analyst as text');
  assert.ok(dash.includes(LABEL), 'the dashboard names the label as text');
  // A long name is cut with "…" on the axis and given whole in the text's tooltip (an SVG <title>).
  const svgTexts = await page.$$eval('#agreement-body svg text', (els) => els.map((e) => e.querySelector('title')?.textContent ?? e.textContent));
  assert.ok(svgTexts.includes(EVIL), 'the heatmap axis shows the name as SVG text');
  await assertInert(page, dialogs, 'dashboard');
  await shot(page, 'untrusted-everywhere-dashboard.png');

  assert.deepEqual(browser.errors, []);
  await settle(page);
});

test('the import report and the CSV preview show hostile file names, cells and quoted bad input as text', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  const { page, browser } = await startApp(t, project.db, 'Amina');
  const dialogs = watch(page);
  const badLabel = `<svg onload="window.__pwned='reason'">`;
  const jsonlName = `${img('file-name')}.jsonl`;
  const jsonl =
    [
      JSON.stringify({ title: 'سليم', text: 'نص صالح عن الرباط' }),
      JSON.stringify({ title: 'مخالف', text: 'نص', spans: [{ start: 0, end: 99, label: badLabel, text: '', annotator: 'x' }] }),
      script('line'),
    ].join('\n') + '\n';
  const csvName = `${svg('csv-name')}.csv`;
  const csv = `title,text,${img('csv-header')}\n"${img('csv-cell').replace(/"/g, '""')}","نص الخلية ${script('csv-cell')}",${jsUrl('csv-cell')}\n`;
  await page.locator('#import-btn').click();
  await page.locator('#import-dialog[open] #import-form').waitFor();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#import-choose').click()]);
  await chooser.setFiles([
    { name: jsonlName, mimeType: 'application/json', buffer: Buffer.from(jsonl) },
    { name: csvName, mimeType: 'text/csv', buffer: Buffer.from(csv) },
  ]);
  await page.locator('#import-file-list li').nth(1).waitFor();
  assert.ok((await text(page.locator('#import-file-list'))).includes(jsonlName));

  // The CSV preview: header and cells as text.
  await page.locator('#import-mapping').waitFor();
  const preview = await text(page.locator('#import-preview'));
  for (const v of [img('csv-header'), img('csv-cell'), script('csv-cell'), jsUrl('csv-cell')]) assert.ok(preview.includes(v), `the preview shows ${v}`);
  await assertInert(page, dialogs, 'CSV preview');
  await shot(page, 'untrusted-everywhere-csv-preview.png');

  // The report: file names and the reasons quoting the bad label, as text.
  await page.locator('#import-run').click();
  await page.locator('#import-summary', { hasText: '2 imported' }).waitFor();
  const report = await text(page.locator('#import-dialog'));
  assert.ok(report.includes(`${jsonlName}:2`), 'the rejected line names the file');
  assert.ok(report.includes(badLabel), 'the reason quotes the label as text');
  assert.ok(report.includes(`${jsonlName}:3`));
  assert.ok(report.includes(csvName));
  await assertInert(page, dialogs, 'import report');
  await shot(page, 'untrusted-everywhere-report.png');
  await page.locator('#import-close').click();
  await page.locator('#article-list [data-article-id]', { hasText: img('csv-cell') }).waitFor();
  await assertInert(page, dialogs, 'list after the UI import');
  assert.deepEqual(browser.errors, []);
  await settle(page);
});

test('browser mode sends a strict CSP and nosniff, and the browser enforces them on injected markup', async (t) => {
  const project = tempProject();
  t.after(project.cleanup);
  const { page, server, browser } = await startApp(t, project.db, 'Amina');
  const dialogs = watch(page);

  // The headers, as a plain HTTP client sees them, on the page and on its script.
  const u = new URL(server.url);
  const res = await fetch(u);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  const csp = Object.fromEntries(
    res.headers
      .get('content-security-policy')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([k, ...v]) => [k, v]),
  );
  assert.deepEqual(csp['default-src'], ["'self'"]);
  assert.deepEqual(csp['script-src'], ["'self'"], 'scripts only from the app itself: no inline, no eval, nothing remote');
  assert.deepEqual(csp['object-src'], ["'none'"]);
  assert.deepEqual(csp['base-uri'], ["'none'"]);
  assert.deepEqual(csp['frame-ancestors'], ["'none'"]);
  assert.deepEqual(csp['form-action'], ["'none'"]);
  assert.deepEqual(csp['connect-src'], ["'self'"]);
  for (const [k, v] of Object.entries(csp)) {
    for (const src of v) assert.ok(!/^(https?:|\*|'unsafe-eval'|'strict-dynamic')/.test(src) && !(k.startsWith('script') && src === "'unsafe-inline'"), `${k} allows ${src}`);
  }
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer', 'the token in the URL is never sent as a referrer');
  const js = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(await res.text())[1];
  const jsRes = await fetch(new URL(js, u));
  assert.equal(jsRes.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.equal(jsRes.headers.get('x-content-type-options'), 'nosniff');
  assert.ok(jsRes.headers.get('content-security-policy'));
  // The page the browser got carries the same policy.
  const nav = await page.goto(server.url);
  assert.equal((await nav.headerValue('content-security-policy')).replace(/\s+/g, ' '), res.headers.get('content-security-policy').replace(/\s+/g, ' '));
  await page.locator('#analyst-name, body[data-ready=true]').first().waitFor();

  // Markup injected into the DOM by the test itself: the policy blocks its inline handlers and scripts.
  const result = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    document.body.insertAdjacentHTML('beforeend', `<img id=inj src=x onerror="window.__pwned='injected-img'">`);
    document.body.insertAdjacentHTML('beforeend', `<svg><image href=x onerror="window.__pwned='injected-svg'"></image></svg>`);
    const s = document.createElement('script');
    s.textContent = "window.__pwned='injected-script'";
    document.body.append(s);
    const a = document.createElement('a');
    a.href = "javascript:window.__pwned='injected-link'";
    document.body.append(a);
    a.click();
    // A string timer is eval: the page runs it (not the test's own evaluate, which DevTools exempts).
    setTimeout("window.__pwned='string-timer'", 0);
    let remote = 'loaded';
    try {
      await fetch('https://example.com/');
    } catch {
      remote = 'refused';
    }
    await new Promise((r) => setTimeout(r, 500));
    return { violations, remote, pwned: window.__pwned };
  });
  assert.equal(result.pwned, undefined, 'no injected script ran');
  // The scan every view passes above does see markup made into elements.
  const seen = (await scan(page)).bad;
  for (const x of ['img[onerror]', 'img', 'image[onerror]', 'image', 'script']) assert.ok(seen.includes(x), `the scan finds ${x}: ${seen}`);
  assert.ok(seen.some((x) => x.startsWith('svg outside the charts')), `the scan finds the svg: ${seen}`);
  assert.ok(seen.some((x) => x.startsWith('a[href=javascript:')), `the scan finds the javascript: link: ${seen}`);
  assert.equal(result.remote, 'refused', 'a remote fetch is refused');
  assert.ok(result.violations.filter((v) => v.startsWith('script-src')).length >= 4, `the policy reported the blocked scripts: ${result.violations}`);
  assert.ok(result.violations.some((v) => v.startsWith('connect-src')), `the policy reported the remote fetch: ${result.violations}`);
  assert.deepEqual(dialogs, []);
  // Chromium reports each blocked inline handler as a console error: those are the expected ones.
  assert.deepEqual(
    browser.errors.filter((e) => !/Content Security Policy|Refused to|Failed to load resource|Failed to fetch/.test(e)),
    [],
  );
});
