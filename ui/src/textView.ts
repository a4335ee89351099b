// Renders article text as one <p dir=auto data-start> per paragraph and maps DOM points ↔ offsets. The rest of
// the UI speaks code points to it (`*Cp` methods): this is where DOM (UTF-16) positions become code points,
// through the tables of `offsets.ts`, so no other module converts a DOM offset.

import { offsetsFor, type Offsets } from './offsets';
import { paragraphAt, splitParagraphs, type Paragraph } from './paragraphs';

export interface DomPoint {
  node: Text;
  offset: number;
}

export class TextView {
  text = '';
  paras: Paragraph[] = [];
  nodes: Text[] = [];
  /** The <p> of each paragraph. */
  elements: HTMLElement[] = [];
  /** Bumped by every render (caches keyed on it know the text changed). */
  version = 0;
  private index = new Map<Node, number>();
  private off: Offsets = offsetsFor('');
  /** Each paragraph as a code-point range (its line break excluded). */
  private parasCp: { start: number; end: number }[] = [];

  constructor(readonly container: HTMLElement) {}

  /** Replace the rendered text. Each paragraph holds exactly one text node (textContent semantics). */
  render(text: string): void {
    this.text = text;
    this.off = offsetsFor(text);
    this.paras = splitParagraphs(text);
    this.parasCp = this.paras.map((p) => ({ start: this.off.utf16ToCp(p.start), end: this.off.utf16ToCp(p.start + p.text.length) }));
    this.nodes = [];
    this.elements = [];
    this.version++;
    this.index.clear();
    const frag = document.createDocumentFragment();
    this.paras.forEach((p, i) => {
      const el = document.createElement('p');
      el.dir = 'auto';
      el.dataset.start = String(p.start);
      if (p.text === '') el.className = 'blank';
      const node = document.createTextNode(p.text);
      el.append(node);
      this.nodes.push(node);
      this.elements.push(el);
      this.index.set(node, i);
      this.index.set(el, i);
      frag.append(el);
    });
    this.container.replaceChildren(frag);
  }

  /** Whole-text UTF-16 offset of a DOM boundary point, or null if it cannot be placed. */
  domToU16(node: Node, offset: number): number | null {
    const i = this.index.get(node);
    if (i !== undefined) {
      const p = this.paras[i];
      if (node.nodeType === Node.TEXT_NODE) return p.start + Math.min(offset, p.text.length);
      return offset === 0 ? p.start : p.start + p.text.length;
    }
    if (node === this.container) {
      return offset < this.paras.length ? this.paras[offset].start : this.text.length;
    }
    if (this.container.contains(node)) return null;
    const pos = this.container.compareDocumentPosition(node);
    if (pos & Node.DOCUMENT_POSITION_PRECEDING) return 0;
    if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return this.text.length;
    return null;
  }

  /** DOM point for a whole-text UTF-16 offset. Offsets inside a line break go to the next
   * paragraph's start (bias 'start') or stay at the end of this one (bias 'end'). */
  u16ToDom(u16: number, bias: 'start' | 'end'): DomPoint {
    const i = paragraphAt(this.paras, u16);
    const p = this.paras[i];
    const local = u16 - p.start;
    if (local > p.text.length) {
      if (bias === 'start' && i + 1 < this.paras.length) return { node: this.nodes[i + 1], offset: 0 };
      return { node: this.nodes[i], offset: p.text.length };
    }
    return { node: this.nodes[i], offset: Math.max(0, local) };
  }

  /** Paragraph index and local offset of a text node, if it is one of ours. */
  paragraphOf(node: Node): number | undefined {
    return node.nodeType === Node.TEXT_NODE ? this.index.get(node) : undefined;
  }

  /** Indices [first, last] of the paragraphs within `margin` px of the client rect `port`
   * (binary search over the paragraphs' boxes, which are in document order); null when none is. */
  visibleParagraphs(port: { top: number; bottom: number }, margin: number): [number, number] | null {
    const n = this.elements.length;
    if (n === 0) return null;
    const top = port.top - margin;
    const bottom = port.bottom + margin;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.elements[mid].getBoundingClientRect().bottom < top) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= n || this.elements[lo].getBoundingClientRect().top > bottom) return null;
    let a = lo;
    let b = n - 1;
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if (this.elements[mid].getBoundingClientRect().top <= bottom) a = mid;
      else b = mid - 1;
    }
    return [lo, a];
  }

  /** Client rects of the text between two whole-text UTF-16 offsets, paragraph by paragraph,
   * over text nodes only (so no paragraph boxes sneak in). */
  rects(startU16: number, endU16: number): DOMRect[] {
    const out: DOMRect[] = [];
    if (endU16 <= startU16 || this.paras.length === 0) return out;
    const range = document.createRange();
    const last = paragraphAt(this.paras, endU16);
    for (let i = paragraphAt(this.paras, startU16); i <= last; i++) {
      const p = this.paras[i];
      const ls = Math.max(0, startU16 - p.start);
      const le = Math.min(p.text.length, endU16 - p.start);
      if (ls >= le) continue;
      range.setStart(this.nodes[i], ls);
      range.setEnd(this.nodes[i], le);
      for (const r of range.getClientRects()) if (r.width > 0.5 && r.height > 0.5) out.push(r);
    }
    return out;
  }

  // ---- The code-point API: everything outside speaks code points. ----

  /** The text's length in code points. */
  get cpLength(): number {
    return this.off.cpLength;
  }

  /** The text of a code-point range. */
  sliceCp(start: number, end: number): string {
    return this.text.slice(this.off.cpToUtf16(start), this.off.cpToUtf16(end));
  }

  /** Paragraph `i` as a code-point range (without its line break). */
  paragraphCp(i: number): { start: number; end: number } {
    return this.parasCp[i] ?? { start: 0, end: 0 };
  }

  /** Index of the paragraph holding code point `cp` (or the one before a line break). */
  paragraphOfCp(cp: number): number {
    return paragraphAt(this.paras, this.off.cpToUtf16(cp));
  }

  /** The first and last paragraph a code-point range touches (a range ending at a line break stays in
   * its own paragraph). */
  paragraphsOfCp(start: number, end: number): [number, number] {
    return [this.paragraphOfCp(start), this.paragraphOfCp(Math.max(end - 1, start))];
  }

  /** Client rects of a code-point range (see {@link rects}). */
  rectsCp(start: number, end: number): DOMRect[] {
    return this.rects(this.off.cpToUtf16(start), this.off.cpToUtf16(end));
  }

  /** DOM point for a code-point offset (bias as {@link u16ToDom}). */
  cpToDom(cp: number, bias: 'start' | 'end'): DomPoint {
    return this.u16ToDom(this.off.cpToUtf16(cp), bias);
  }

  /** Code-point offset of a DOM boundary point, or null. A point between the two halves of a surrogate
   * pair goes to the character's start (`down`) or past it (`up`, for the end of a selection). */
  domToCp(node: Node, offset: number, round: 'down' | 'up' = 'down'): number | null {
    let u = this.domToU16(node, offset);
    if (u === null) return null;
    if (round === 'up' && !this.off.isCpBoundary(u)) u += 1;
    return this.off.utf16ToCp(u);
  }

  /** The characters on either side of a caret in one of our text nodes: each one's code-point offset and
   * a DOM range over it (a surrogate pair is one character). */
  charsAround(node: Node, offset: number): { cp: number; range: Range }[] {
    const pi = this.paragraphOf(node);
    if (pi === undefined) return [];
    const p = this.paras[pi];
    const out: { cp: number; range: Range }[] = [];
    for (const local of [offset - 1, offset]) {
      if (local < 0 || local >= p.text.length) continue;
      const cp = this.off.utf16ToCp(p.start + local);
      const a = this.off.cpToUtf16(cp) - p.start;
      const b = this.off.cpToUtf16(cp + 1) - p.start;
      const range = document.createRange();
      range.setStart(node, a);
      range.setEnd(node, Math.min(b, p.text.length));
      out.push({ cp, range });
    }
    return out;
  }
}
