import { describe, expect, it } from 'vitest';
import type { ImportReport, JobStatus } from './bindings';
import { buildRequest, byFile, expectedRecords, isTable, jobName, offsetsApply, ProgressTracker, progressText, reportFileName, reportText, summary } from './importModel';

const status = (o: Partial<JobStatus>): JobStatus => ({ running: true, cancelled: false, files_done: 0, files_total: 2, file: 'a.jsonl', records: 0, elapsed_ms: 1000, ...o });

const emptyReport = (): ImportReport => ({ imported: [], duplicates: [], rejected: [], skipped_files: [], spans_added: 0, tags_added: 0, labels_added: [], left_out: [], cancelled: [], imported_not_listed: 0, duplicates_not_listed: 0, notes: [], entities: {}, spans_expanded: 0, spans_skipped: 0 });

describe('request', () => {
  it('sends only what was chosen', () => {
    const files = [{ name: 'a.csv', content: 'x' }];
    expect(buildRequest({ annotator: ' Amina ', format: '', offsets: '', mapping: null }, files, 'j')).toEqual({ files, job: 'j', annotator: 'Amina' });
    expect(buildRequest({ annotator: '', format: '', offsets: '', mapping: null, clean: true }, files, 'j')).toEqual({ files, job: 'j', clean: true });
    expect(buildRequest({ annotator: '', format: '', offsets: '', mapping: null, clean: false }, files, 'j')).toEqual({ files, job: 'j' });
    expect(buildRequest({ annotator: '', format: 'doccano', offsets: 'utf16', mapping: { text: 'النص', title: null, url: null, date: 'd' } }, files, 'j')).toEqual({
      files,
      job: 'j',
      format: 'doccano',
      offsets: 'utf16',
      mapping: { text: 'النص', date: 'd' },
    });
  });
  it('names jobs apart', () => {
    expect(jobName(1, 0.1)).not.toBe(jobName(1, 0.2));
    expect(jobName(1, 0.1)).toMatch(/^import-/);
  });
  it('knows tables and where offsets apply', () => {
    expect(isTable('a.CSV', '')).toBe(true);
    expect(isTable('a.tsv', '')).toBe(true);
    expect(isTable('a.txt', 'csv')).toBe(true);
    expect(isTable('a.csv', 'txt')).toBe(false);
    expect(offsetsApply('')).toBe(true);
    expect(offsetsApply('doccano')).toBe(true);
    expect(offsetsApply('csv')).toBe(false);
  });
  it('expects one record per text/html file, else one per non-blank line', () => {
    expect(expectedRecords('a.txt', 'x\ny\n')).toBe(1);
    expect(expectedRecords('a.html', '<p>\n</p>')).toBe(1);
    expect(expectedRecords('a.jsonl', '{}\n\n{}\r\n{}')).toBe(3);
    expect(expectedRecords('a.txt', 'a\nb\n', 'jsonl')).toBe(2);
  });
});

describe('ProgressTracker', () => {
  it('says sending before the job starts, then moves inside files and never goes back', () => {
    const t = new ProgressTracker([100, 100]);
    expect(t.update(status({ running: false })).phase).toBe('sending');
    const a = t.update(status({ records: 50 }));
    expect(a.phase).toBe('reading');
    expect(a.fraction).toBeCloseTo(0.2475, 3);
    expect(a.rate).toBe(50);
    const b = t.update(status({ files_done: 1, records: 100, file: 'b.jsonl' }));
    expect(b.fraction).toBeGreaterThanOrEqual(a.fraction);
    expect(b.fraction).toBeCloseTo(0.5, 2);
    const c = t.update(status({ files_done: 1, records: 150, file: 'b.jsonl', elapsed_ms: 3000 }));
    expect(c.fraction).toBeCloseTo(0.7475, 3);
    expect(progressText(c)).toBe('File 2 of 2 · 150 records · 50 records/s');
    const d = t.update(status({ running: false }));
    expect(d.phase).toBe('indexing');
    expect(d.fraction).toBe(c.fraction);
    expect(progressText(d)).toMatch(/search index/);
  });
});

describe('report', () => {
  const r: ImportReport = {
    ...emptyReport(),
    imported: [
      { file: 'a.jsonl', line: 1, article_id: 1, title: 'خبر', new_spans: 2, new_tags: 0, encoding: 'UTF-8' },
      { file: 'b.txt', line: null, article_id: 2, title: 'نص', new_spans: 0, new_tags: 0, encoding: 'UTF-8' },
    ],
    rejected: [
      { file: 'a.jsonl', line: 3, reason: 'the span 5..2 is inverted' },
      { file: 'c.csv', line: 4, reason: 'the row has 1 fields but the header has 2' },
    ],
    cancelled: ['d.jsonl'],
    labels_added: ['PER'],
    spans_added: 2,
    notes: [{ file: 'b.txt', line: 7, reason: 'dropped (share counter): 0 Shares' }],
    entities: { PER: 1, LOC: 1, ORG: 3 },
  };
  it('groups by file in first-seen order', () => {
    expect(byFile(r.rejected).map((g) => [g.file, g.items.length])).toEqual([
      ['a.jsonl', 1],
      ['c.csv', 1],
    ]);
  });
  it('summarises', () => {
    expect(summary(r)).toBe('2 imported, 2 rejected; 2 spans and 0 tags added. Cancelled: 1 file not imported.');
    // Merging another analyst's file of the same articles says what it added.
    expect(summary({ ...emptyReport(), duplicates: r.imported.slice(0, 1), spans_added: 46, tags_added: 5 })).toBe('1 article already here; 46 spans and 5 tags added.');
    expect(summary(emptyReport())).toBe('0 imported; 0 spans and 0 tags added.');
  });
  it('writes every finding on its own line', () => {
    const text = reportText(r, { when: new Date('2026-01-02T03:04:05Z'), project: 'p', annotator: 'Amina', readAs: new Map([['b.txt', 'Windows-1256']]) });
    expect(text).toContain('  a.jsonl:3 — the span 5..2 is inverted\n');
    expect(text).toContain('  c.csv:4 — the row has 1 fields but the header has 2\n');
    expect(text).toContain('Cancelled — not imported');
    expect(text).toContain('  d.jsonl\n');
    expect(text).toContain('  a.jsonl:1 — خبر (2 spans)\n');
    expect(text).toContain('  b.txt — نص (Windows-1256)\n');
    expect(text).toContain('New labels (1)\n  PER\n');
    expect(text).toContain('Notes (1)\n  b.txt:7 — dropped (share counter): 0 Shares\n');
    expect(text.endsWith('\nEntities by label: ORG 3, LOC 1, PER 1\n')).toBe(true);
    expect(text.startsWith('Hashiya import report\nDate: 2026-01-02T03:04:05.000Z\nProject: p\nAnnotator: Amina\n')).toBe(true);
  });
  it('names the saved file by local time', () => {
    expect(reportFileName(new Date(2026, 0, 2, 3, 4, 5))).toBe('import-report-2026-01-02-030405.txt');
  });
});
