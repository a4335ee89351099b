// Code-point ranges on the rendered text: DOM selection in/out, rects, and hit-testing a pointer.

import type { CpRange } from './snap';
import type { TextView } from './textView';

/** Rects of a code-point range. */
export function cpRects(view: TextView, r: CpRange): DOMRect[] {
  return view.rectsCp(r.start, r.end);
}

/** Set the document selection to a code-point range, as a mouse drag would. */
export function selectCp(view: TextView, startCp: number, endCp: number): void {
  const a = view.cpToDom(startCp, 'start');
  const b = view.cpToDom(endCp, 'end');
  const sel = window.getSelection();
  if (!sel) return;
  sel.removeAllRanges();
  sel.setBaseAndExtent(a.node, a.offset, b.node, b.offset);
}

/** The current document selection as a code-point range on the article, or null. */
export function selectionCp(view: TextView): CpRange | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!range.intersectsNode(view.container)) return null;
  const s = view.domToCp(range.startContainer, range.startOffset, 'down');
  const e = view.domToCp(range.endContainer, range.endOffset, 'up');
  if (s === null || e === null || e <= s) return null;
  return { start: s, end: e };
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const d = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/** Code-point offset of the caret position nearest the pointer (a boundary between characters), or null. */
export function caretCpAtPoint(view: TextView, x: number, y: number): number | null {
  const caret = caretAt(x, y);
  if (!caret) return null;
  return view.domToCp(caret.node, caret.offset);
}

/** The collapsed caret in the article as a code-point offset (a click into a word), or null. */
export function caretCp(view: TextView): number | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || !sel.isCollapsed) return null;
  const r = sel.getRangeAt(0);
  if (!view.container.contains(r.startContainer)) return null;
  return view.domToCp(r.startContainer, r.startOffset);
}

function hits(r: DOMRect, x: number, y: number): boolean {
  const padY = r.height * 0.5;
  return x >= r.left - 1 && x <= r.right + 1 && y >= r.top - padY && y <= r.bottom + padY;
}

/** Code-point offset of the character under the pointer, or null if the pointer is not over text. */
export function cpAtPoint(view: TextView, x: number, y: number): number | null {
  const caret = caretAt(x, y);
  if (!caret) return null;
  for (const { cp, range } of view.charsAround(caret.node, caret.offset)) {
    for (const r of range.getClientRects()) if (hits(r, x, y)) return cp;
  }
  return null;
}
