// Undo/redo: a pure command stack (each command knows how to undo and redo itself) and span id aliases.

/** One undoable edit. `undo` and `redo` talk to the core; they may throw (the stack is then unchanged). */
export interface Command {
  /** What the edit was, for messages ("Add PER", "Delete span"). */
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

/** Undo and redo stacks; one command runs at a time (presses while one runs wait their turn). */
export class CommandStack {
  private done: Command[] = [];
  private undone: Command[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly limit = 1000) {}

  /** Record an edit that has just been made; it clears what could be redone. */
  push(c: Command): void {
    this.done.push(c);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }
  get canRedo(): boolean {
    return this.undone.length > 0;
  }
  /** The labels of what undo and redo would do next. */
  peek(): { undo: string | null; redo: string | null } {
    return { undo: this.done.at(-1)?.label ?? null, redo: this.undone.at(-1)?.label ?? null };
  }
  get size(): { done: number; undone: number } {
    return { done: this.done.length, undone: this.undone.length };
  }

  /** Undo the last edit; resolves with it, or null when there is nothing to undo. A failure leaves it on the stack. */
  undo(): Promise<Command | null> {
    return this.serial(async () => {
      const c = this.done.pop();
      if (!c) return null;
      try {
        await c.undo();
      } catch (e) {
        this.done.push(c);
        throw e;
      }
      this.undone.push(c);
      return c;
    });
  }

  /** Redo the last undone edit; resolves with it, or null. */
  redo(): Promise<Command | null> {
    return this.serial(async () => {
      const c = this.undone.pop();
      if (!c) return null;
      try {
        await c.redo();
      } catch (e) {
        this.undone.push(c);
        throw e;
      }
      this.done.push(c);
      return c;
    });
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }

  /** The commands that can be undone and redone (oldest first), to keep them beyond the page. */
  snapshot(): { done: Command[]; undone: Command[] } {
    return { done: [...this.done], undone: [...this.undone] };
  }

  /** Put back what `snapshot` gave (after a reload). */
  restore(done: Command[], undone: Command[]): void {
    this.done = done.slice(-this.limit);
    this.undone = [...undone];
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => {});
    return next;
  }
}

/** Span ids across undo: deleting a span and undoing re-creates it under a new id; every command that
 * names the old id must reach the new one. `current(id)` follows the chain. */
export class SpanIds {
  private next = new Map<number, number>();

  /** The span first known as `id` now has `newId`. */
  moved(id: number, newId: number): void {
    const cur = this.current(id);
    if (cur !== newId) this.next.set(cur, newId);
  }

  /** Every alias, to keep them beyond the page. */
  entries(): [number, number][] {
    return [...this.next];
  }

  current(id: number): number {
    let cur = id;
    for (let guard = 0; this.next.has(cur) && guard < 100000; guard++) cur = this.next.get(cur)!;
    return cur;
  }
}
