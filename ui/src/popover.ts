// Where a popover (the span editor, the relation picker and editor) opens: centred under a point, kept inside the
// window, above the point when there is no room below.

/** A point in client coordinates. */
export interface At {
  x: number;
  y: number;
}

/** Show `pop` and put it under `at` (or above it), inside the window. */
export function place(pop: HTMLElement, at: At): void {
  pop.hidden = false;
  const w = pop.offsetWidth;
  const h = pop.offsetHeight;
  const x = Math.max(8, Math.min(at.x - w / 2, window.innerWidth - w - 8));
  const below = at.y + 14;
  const y = below + h > window.innerHeight - 8 ? Math.max(8, at.y - h - 14) : below;
  pop.style.left = `${x}px`;
  pop.style.top = `${y}px`;
}
