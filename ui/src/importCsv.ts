// A small CSV/TSV reader for the import dialog's preview: the header and the first rows, read the way
// the core reads them (delimiter from the header line, quoted fields with doubled quotes and newlines,
// BOM), and the default column mapping. Pure: no DOM.

import { t } from './i18n';

export type Delimiter = ',' | ';' | '\t';

export type CsvPreview = {
  delimiter: Delimiter;
  header: string[];
  /** The first rows after the header (blank lines skipped). */
  rows: string[][];
  /** True when the file has more rows than `rows`. */
  more: boolean;
};

export type Role = 'text' | 'title' | 'url' | 'date';
export const ROLES: Role[] = ['text', 'title', 'url', 'date'];
export type Mapping = Record<Role, string | null>;

/** The names the core picks by itself when no mapping is sent (src/import/csv.rs), case-insensitive. */
export const CORE_NAMES: Record<Role, string[]> = {
  text: ['text', 'body', 'content', 'article', 'article_text', 'النص'],
  title: ['title', 'headline', 'العنوان', 'عنوان'],
  url: ['url', 'link', 'source_url'],
  date: ['date', 'published_at', 'published', 'pubdate', 'publish_date', 'التاريخ'],
};

/** The dialog's first choice: the core's names, then a few more that analysts' sheets use. */
export const USUAL_NAMES: Record<Role, string[]> = {
  text: [...CORE_NAMES.text, 'المحتوى', 'المقال', 'نص'],
  title: [...CORE_NAMES.title, 'عنوان الخبر', 'العنوان الرئيسي'],
  url: [...CORE_NAMES.url, 'الرابط', 'رابط', 'المصدر'],
  date: [...CORE_NAMES.date, 'تاريخ', 'تاريخ النشر'],
};

/** Token tables (src/import/table.rs): a word column and a tag column; read like CoNLL, not mapped. */
const TOKEN_WORD = ['word', 'token', 'words', 'tokens', 'form', 'كلمة', 'الكلمة'];
const TOKEN_TAG = ['tag', 'tags', 'label', 'labels', 'ner', 'ner_tag', 'ner_tags', 'entity', 'iob', 'bio', 'الوسم'];

/** Is this header a token table's (one token per row), which the core reads like CoNLL? */
export function isTokenHeader(header: string[]): boolean {
  const has = (names: string[]) => header.some((h) => names.includes(h.trim().toLowerCase()));
  return has(TOKEN_WORD) && has(TOKEN_TAG) && !has(CORE_NAMES.text);
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Tab for .tsv/.tab; else the most frequent of `,` `;` tab outside quotes on the header line (`,` wins ties and when none). */
export function detectDelimiter(name: string, text: string): Delimiter {
  if (/\.(tsv|tab)$/i.test(name)) return '\t';
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of stripBom(text)) {
    if (c === '\n' && !quoted) break;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  let best: Delimiter = ',';
  for (const d of [';', '\t'] as Delimiter[]) if (counts[d] > counts[best]) best = d;
  return best;
}

/**
 * Read up to `limit` records. A field that starts with `"` runs to the next lone `"` (`""` is a quote;
 * delimiters and line breaks inside are text); anything after the closing quote is kept, as a lenient
 * reader does. Records end at `\n`, `\r\n` or `\r`; blank lines are skipped. `complete` is false when
 * the text has more records than `limit`.
 */
export function readCsv(text: string, delimiter: Delimiter, limit = Infinity): { records: string[][]; complete: boolean } {
  const s = stripBom(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  // The field began with a quote (so an empty quoted field alone on a line is still a record).
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    const wasQuoted = quoted;
    endField();
    quoted = false;
    if (wasQuoted || record.length > 1 || record[0] !== '') records.push(record);
    record = [];
  };
  while (i < s.length) {
    if (records.length >= limit) return { records, complete: !/[^\r\n]/.test(s.slice(i, i + 4096)) && s.length - i <= 4096 };
    const c = s[i];
    if (c === '"' && field === '' && !quoted) {
      quoted = true;
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) {
          field += s.slice(i);
          i = s.length;
          break;
        }
        field += s.slice(i, q);
        if (s[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else if (c === delimiter) {
      endField();
      quoted = false;
      i++;
    } else if (c === '\n' || c === '\r') {
      endRecord();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || quoted || record.length > 0) endRecord();
  if (records.length > limit) return { records: records.slice(0, limit), complete: false };
  return { records, complete: true };
}

/** The header and the first `rows` rows of a CSV/TSV file. */
export function previewCsv(name: string, text: string, rows = 5): CsvPreview {
  const delimiter = detectDelimiter(name, text);
  const { records, complete } = readCsv(text, delimiter, rows + 1);
  const [header = [], ...body] = records;
  return { delimiter, header, rows: body, more: !complete };
}

const norm = (s: string) => s.trim().toLowerCase();

/** The first column whose name (trimmed, any case) is one of `names`. */
function find(header: string[], names: string[]): string | null {
  for (const n of names) {
    const hit = header.find((h) => norm(h) === norm(n));
    if (hit !== undefined) return hit;
  }
  return null;
}

/** The column the core would take for `role` if the mapping left it out. */
export function coreColumn(header: string[], role: Role): string | null {
  return find(header, CORE_NAMES[role]);
}

/** The dialog's default mapping for a header; no column is used twice. */
export function guessMapping(header: string[]): Mapping {
  const used = new Set<string>();
  const m = {} as Mapping;
  for (const role of ROLES) {
    const hit = find(
      header.filter((h) => !used.has(h)),
      USUAL_NAMES[role],
    );
    m[role] = hit;
    if (hit !== null) used.add(hit);
  }
  return m;
}

/** The request's `mapping`: the chosen columns (trimmed, as the core compares them); unmapped roles left out. */
export function mappingRequest(m: Mapping): { text?: string; title?: string; url?: string; date?: string } {
  const out: { text?: string; title?: string; url?: string; date?: string } = {};
  for (const role of ROLES) {
    const v = m[role];
    if (v !== null && v.trim() !== '') out[role] = v.trim();
  }
  return out;
}

/** Problems with a mapping, as sentences (empty when it can be sent). */
export function mappingProblems(header: string[], m: Mapping): string[] {
  const out: string[] = [];
  if (header.length === 0) out.push(t('csvNoHeader'));
  if (m.text === null) out.push(t('csvChooseText'));
  const chosen = ROLES.map((r) => m[r]).filter((v): v is string => v !== null);
  const dup = chosen.find((v, i) => chosen.indexOf(v) !== i);
  if (dup !== undefined) out.push(t('csvTwice', { name: dup }));
  return out;
}

/** `rtl` when the header's first strong character is Arabic/Hebrew script, else `ltr`. */
export function headerDirection(header: string[]): 'rtl' | 'ltr' {
  const m = /[\p{L}]/u.exec(header.join(' '));
  return m && /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u.test(m[0]) ? 'rtl' : 'ltr';
}
