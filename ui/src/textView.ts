// Renders article text as one <p dir=auto data-start> per paragraph and maps DOM points ↔ UTF-16 offsets.

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

  constructor(readonly container: HTMLElement) {}

  /** Replace the rendered text. Each paragraph holds exactly one text node (textContent semantics). */
  render(text: string): void {
    this.text = text;
    this.paras = splitParagraphs(text);
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
}
