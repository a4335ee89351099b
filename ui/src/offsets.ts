// The ONE place that converts between UTF-16 offsets (DOM) and code-point offsets (backend).

/** Precomputed offset tables for one text; O(1) conversions in both directions. */
export interface Offsets {
  readonly text: string;
  /** Length in code points. */
  readonly cpLength: number;
  /** Length in UTF-16 code units (`text.length`). */
  readonly u16Length: number;
  /** UTF-16 offset → code points. Inside a surrogate pair rounds down to the pair's start. */
  utf16ToCp(u16: number): number;
  /** Code points → UTF-16 offset. */
  cpToUtf16(cp: number): number;
  /** True if `u16` does not fall between the two halves of a surrogate pair. */
  isCpBoundary(u16: number): boolean;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function clamp(v: number, max: number): number {
  if (!Number.isFinite(v) || v < 0) return 0;
  return v > max ? max : Math.floor(v);
}

/** Build the conversion tables for `text` (one pass, typed arrays). */
export function buildOffsets(text: string): Offsets {
  const n = text.length;
  const toCp = new Uint32Array(n + 1);
  const toU16 = new Uint32Array(n + 1); // at most n code points
  const inside = new Uint8Array(n + 1);
  let cp = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isLow(c) && i > 0 && isHigh(text.charCodeAt(i - 1))) {
      toCp[i] = cp - 1; // second half of a pair: same code point as its first half
      inside[i] = 1;
      continue;
    }
    toCp[i] = cp;
    toU16[cp] = i;
    cp++;
  }
  toCp[n] = cp;
  toU16[cp] = n;
  const cpLength = cp;
  return {
    text,
    cpLength,
    u16Length: n,
    utf16ToCp: (u16) => toCp[clamp(u16, n)],
    cpToUtf16: (c) => toU16[clamp(c, cpLength)],
    isCpBoundary: (u16) => u16 >= 0 && u16 <= n && inside[u16] === 0,
  };
}

let cached: Offsets | null = null;

/** Tables for `text`, reusing the last ones when the text is the same (the open article). */
export function offsetsFor(text: string): Offsets {
  if (!cached || cached.text !== text) cached = buildOffsets(text);
  return cached;
}

/** UTF-16 offset → code points over `text`. */
export function utf16ToCp(text: string, u16: number): number {
  return offsetsFor(text).utf16ToCp(u16);
}

/** Code points → UTF-16 offset over `text`. */
export function cpToUtf16(text: string, cp: number): number {
  return offsetsFor(text).cpToUtf16(cp);
}
