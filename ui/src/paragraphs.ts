// Splits article text into paragraphs at line breaks (\r\n, \n, \r), keeping exact UTF-16 starts.

export interface Paragraph {
  /** UTF-16 offset of the paragraph's first character in the whole text. */
  start: number;
  /** The exact substring, without its line break. */
  text: string;
}

/** Every paragraph of `text`, in order; line breaks themselves belong to no paragraph. */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  out.push({ start, text: text.slice(start) });
  return out;
}

/** Index of the paragraph containing UTF-16 offset `u16` (or the one before a line break). */
export function paragraphAt(paras: readonly Paragraph[], u16: number): number {
  let lo = 0;
  let hi = paras.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paras[mid].start <= u16) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
