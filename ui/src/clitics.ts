// Arabic clitic prefixes (و ف + ب ك ل + ال): how much of a word's front to leave out of a span, dictionary-free.

export type CliticMode = 'exclude' | 'include';

const MARK = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/; // harakat, Quranic marks, tatweel
const LETTER = /[\u0621-\u064A\u0671-\u06D3]/;

/** One letter folded the way search folds it (أ إ آ ٱ → ا, ى → ي, ة → ه). */
function fold(c: string): string {
  if ('أإآٱ'.includes(c)) return 'ا';
  if (c === 'ى') return 'ي';
  if (c === 'ة') return 'ه';
  return c;
}

/** Arabic-normalise a word: no harakat or tatweel, folded letters (as the core's search). */
export function normalizeWord(word: string): string {
  let out = '';
  for (const c of word) if (!MARK.test(c)) out += fold(c);
  return out;
}

/** Words (as written, folded with normalizeWord) that are not clitic stems even though they look like
 * one: والد (father) is not و + الد, بالغة (extreme) is not ب + الغة, وكالة (agency) is not و + كالة. */
const NOT_CLITIC = new Set(
  ['والد', 'والده', 'والدي', 'والدا', 'والدين', 'والديه', 'والدته', 'والدتها', 'والدتي', 'والدها', 'والدهم', 'والي', 'واليه', 'بالغ', 'بالغه', 'بالغا', 'بالغين', 'بالغون', 'كالات'].map(normalizeWord),
);

/** Letters of `word` (marks skipped), each with its UTF-16 index in the word. */
function letters(word: string): { c: string; i: number }[] {
  const out: { c: string; i: number }[] = [];
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    if (MARK.test(c)) continue;
    out.push({ c: fold(c), i });
  }
  return out;
}

/**
 * How many UTF-16 units at the front of `word` are clitic prefixes to leave out of a span:
 * - `و`/`ف` + `ب`/`ك`/`ل` + `ال` (والرباط, بالرياض, وبالمغرب, كالأسد, فالمغرب) → the span starts at `ال`;
 * - `لل` (ل + the article whose alif is elided, للمملكة, فللمغرب) → only the first `ل` goes;
 * - a prefix before a word without the article (وحموشي, لبنان) only when `known(stem)` says the stem
 *   occurs on its own (in the article), because و ف ب ك ل begin many words (وزير, فلسطين, بيان).
 * The stem after the article keeps at least 3 letters (بالغة, والدة, وكالات are words).
 * Returns 0 when nothing should be left out. `known` receives the normalised stem.
 */
export function cliticPrefixLength(word: string, known: (stem: string) => boolean = () => false): number {
  const L = letters(word);
  if (L.length < 3 || !L.every((l) => LETTER.test(l.c))) return 0;
  if (NOT_CLITIC.has(normalizeWord(word))) return 0;
  const at = (k: number) => L[k]?.c;
  const cut = (k: number) => (k <= 0 || k >= L.length ? 0 : L[k].i);
  const stem = (k: number) => L.slice(k).map((l) => l.c).join('');
  const conj = at(0) === 'و' || at(0) === 'ف' ? 1 : 0;
  let i = conj;
  if (at(i) === 'ب' || at(i) === 'ك' || at(i) === 'ل') {
    if (at(i) === 'ل' && at(i + 1) === 'ل') {
      // ل + ال: keep the second ل (the article's), if a real word follows it.
      if (L.length - (i + 2) >= 2) return cut(i + 1);
      return conj && known(stem(1)) ? cut(1) : 0;
    }
    if (at(i + 1) === 'ا' && at(i + 2) === 'ل' && L.length - (i + 3) >= 3) return cut(i + 1);
    if (L.length - (i + 1) >= 3 && known(stem(i + 1))) return cut(i + 1);
    if (conj && L.length - 1 >= 3 && known(stem(1))) return cut(1);
    return 0;
  }
  if (conj && at(i) === 'ا' && at(i + 1) === 'ل' && L.length - (i + 2) >= 3) return cut(i);
  if (conj && L.length - 1 >= 3 && known(stem(1))) return cut(1);
  return 0;
}

/** The set of normalised words of a text (for `known`), cached for the last text. */
let wordsCache: { text: string; words: Set<string> } | null = null;
export function wordSet(text: string): Set<string> {
  if (wordsCache?.text === text) return wordsCache.words;
  const words = new Set<string>();
  for (const w of text.split(/[^\p{L}\p{M}\p{N}]+/u)) if (w) words.add(normalizeWord(w));
  wordsCache = { text, words };
  return words;
}
