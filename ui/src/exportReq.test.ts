import { describe, expect, it } from 'vitest';
import { buildExportReq, isMisalignedError, parseRenames, saveFilter, type ExportForm } from './exportReq';

const base: ExportForm = {
  format: 'jsonl',
  source: 'analysts',
  annotators: [],
  includeUnadjudicated: false,
  status: '',
  tag: '',
  query: '',
  rename: '',
  drop: [],
  depth: '',
  offsets: 'codepoint',
  misaligned: '',
  clitics: '',
  split: null,
  seed: '',
};

describe('export request', () => {
  it('is just the format by default', () => expect(buildExportReq(base)).toEqual({ format: 'jsonl' }));

  it('writes the labels at a level of their hierarchy when one is chosen', () => {
    expect(buildExportReq({ ...base, depth: '1' })).toEqual({ format: 'jsonl', labels_at_depth: 1 });
    expect(buildExportReq({ ...base, depth: '' })).toEqual({ format: 'jsonl' });
  });

  it('takes the gold layer instead of analysts', () => {
    expect(buildExportReq({ ...base, format: 'spans', source: 'gold', annotators: ['a'], includeUnadjudicated: true })).toEqual({
      format: 'spans',
      gold: true,
      include_unadjudicated: true,
    });
  });

  it('passes filters, renames and drops', () => {
    const req = buildExportReq({ ...base, annotators: ['a', 'b'], status: 'done', tag: 'security', query: ' طنجة ', rename: 'GPE=LOC\nFAC = LOC, NORP=ORG', drop: ['MISC'] });
    expect(req).toEqual({
      format: 'jsonl',
      annotators: ['a', 'b'],
      status: 'done',
      tag: 'security',
      query: 'طنجة',
      rename: [['GPE', 'LOC'], ['FAC', 'LOC'], ['NORP', 'ORG']],
      drop: ['MISC'],
    });
  });

  it('keeps offsets only for jsonl and spans, token options only for token formats', () => {
    expect(buildExportReq({ ...base, format: 'spans', offsets: 'utf16', misaligned: 'skip', clitics: 'include' })).toEqual({ format: 'spans', offsets: 'utf16' });
    expect(buildExportReq({ ...base, format: 'conll', offsets: 'utf16', misaligned: 'expand', clitics: 'include' })).toEqual({
      format: 'conll',
      misaligned: 'expand',
      clitics: 'include',
    });
  });

  it('refuses a rename without =', () => {
    expect(() => parseRenames('GPE')).toThrow(/OLD=NEW/);
    expect(() => parseRenames('=LOC')).toThrow(/OLD=NEW/);
    expect(parseRenames('  \n')).toEqual([]);
  });

  it('recognises the misaligned-spans error and picks save filters', () => {
    expect(isMisalignedError('2 spans have an edge inside a token, so a conll export would have to move or drop them; choose --misaligned expand, split or skip:\n  …')).toBe(true);
    expect(isMisalignedError('unknown export format')).toBe(false);
    expect(saveFilter('labelstudio').ext).toBe('json');
    expect(saveFilter('conll').ext).toBe('conll');
    expect(saveFilter('hf').ext).toBe('jsonl');
  });

  it('adds a train/dev/test split with its seed', () => {
    expect(buildExportReq({ ...base, split: { train: '0.8', dev: '0.1', test: '0.1' }, seed: '7' })).toEqual({ format: 'jsonl', split: '0.8,0.1,0.1', seed: 7 });
    expect(buildExportReq({ ...base, split: { train: '80', dev: '10', test: '10%' }, seed: '' })).toEqual({ format: 'jsonl', split: '0.8,0.1,0.1' });
    expect(buildExportReq({ ...base, split: { train: '0.7', dev: '0.3', test: '0' }, seed: '0' })).toEqual({ format: 'jsonl', split: '0.7,0.3,0', seed: 0 });
    expect(() => buildExportReq({ ...base, split: { train: '0.8', dev: '0.1', test: '0.2' }, seed: '' })).toThrow(/add up to 1.*1\.1/);
    expect(() => buildExportReq({ ...base, split: { train: '-1', dev: '1', test: '1' }, seed: '' })).toThrow(/0 or more/);
    expect(() => buildExportReq({ ...base, split: { train: '1', dev: '', test: '0' }, seed: '' })).toThrow(/three ratios/);
    expect(() => buildExportReq({ ...base, split: { train: '1', dev: '0', test: '0' }, seed: '1.5' })).toThrow(/whole number/);
  });
});
