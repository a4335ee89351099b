// Unit tests for history.ts: undo/redo order, redo cleared by a new edit, failures keep the stack, id aliases.
import { describe, expect, it } from 'vitest';
import { CommandStack, SpanIds, type Command } from './history';

function counter() {
  const log: string[] = [];
  const cmd = (name: string, fail = { undo: false, redo: false }): Command => ({
    label: name,
    async undo() {
      if (fail.undo) throw new Error(`undo ${name} failed`);
      log.push(`undo ${name}`);
    },
    async redo() {
      if (fail.redo) throw new Error(`redo ${name} failed`);
      log.push(`redo ${name}`);
    },
  });
  return { log, cmd };
}

describe('CommandStack', () => {
  it('undoes in reverse order and redoes in order', async () => {
    const { log, cmd } = counter();
    const s = new CommandStack();
    s.push(cmd('a'));
    s.push(cmd('b'));
    expect(s.peek()).toEqual({ undo: 'b', redo: null });
    expect((await s.undo())?.label).toBe('b');
    expect((await s.undo())?.label).toBe('a');
    expect(await s.undo()).toBeNull();
    expect((await s.redo())?.label).toBe('a');
    expect(s.peek()).toEqual({ undo: 'a', redo: 'b' });
    expect(log).toEqual(['undo b', 'undo a', 'redo a']);
  });

  it('a new edit clears redo', async () => {
    const { cmd } = counter();
    const s = new CommandStack();
    s.push(cmd('a'));
    await s.undo();
    expect(s.canRedo).toBe(true);
    s.push(cmd('b'));
    expect(s.canRedo).toBe(false);
    expect(await s.redo()).toBeNull();
  });

  it('a failed undo stays undoable, a failed redo stays redoable', async () => {
    const { cmd } = counter();
    const s = new CommandStack();
    s.push(cmd('x', { undo: true, redo: false }));
    await expect(s.undo()).rejects.toThrow('undo x failed');
    expect(s.size).toEqual({ done: 1, undone: 0 });
    const t = new CommandStack();
    t.push(cmd('y', { undo: false, redo: true }));
    await t.undo();
    await expect(t.redo()).rejects.toThrow('redo y failed');
    expect(t.size).toEqual({ done: 0, undone: 1 });
  });

  it('runs one command at a time, in the order asked', async () => {
    const order: string[] = [];
    const slow = (name: string, ms: number): Command => ({
      label: name,
      undo: () => new Promise((r) => setTimeout(() => (order.push(name), r()), ms)),
      redo: async () => {},
    });
    const s = new CommandStack();
    s.push(slow('first', 5));
    s.push(slow('second', 30));
    await Promise.all([s.undo(), s.undo()]);
    expect(order).toEqual(['second', 'first']);
  });

  it('keeps at most `limit` commands', async () => {
    const { cmd } = counter();
    const s = new CommandStack(2);
    ['a', 'b', 'c'].forEach((n) => s.push(cmd(n)));
    expect(s.size.done).toBe(2);
    await s.undo();
    await s.undo();
    expect(await s.undo()).toBeNull();
  });
});

describe('SpanIds', () => {
  it('follows a span re-created twice', () => {
    const ids = new SpanIds();
    expect(ids.current(7)).toBe(7);
    ids.moved(7, 12);
    ids.moved(7, 30); // from the original id: goes through 12
    expect(ids.current(7)).toBe(30);
    expect(ids.current(12)).toBe(30);
    ids.moved(30, 30);
    expect(ids.current(7)).toBe(30);
  });
});

describe('keeping the history beyond the page', () => {
  it('restores what can be undone and redone, in order', async () => {
    const { CommandStack } = await import('./history');
    const log: string[] = [];
    const cmd = (n: string) => ({ label: n, undo: async () => void log.push(`undo ${n}`), redo: async () => void log.push(`redo ${n}`) });
    const a = new CommandStack();
    a.push(cmd('1'));
    a.push(cmd('2'));
    a.push(cmd('3'));
    await a.undo();
    const snap = a.snapshot();
    const b = new CommandStack();
    b.restore(snap.done, snap.undone);
    expect(b.peek()).toEqual({ undo: '2', redo: '3' });
    await b.redo();
    await b.undo();
    await b.undo();
    expect(log).toEqual(['undo 3', 'redo 3', 'undo 3', 'undo 2']);
  });
  it('keeps span id aliases', async () => {
    const { SpanIds } = await import('./history');
    const a = new SpanIds();
    a.moved(1, 5);
    a.moved(5, 9);
    const b = new SpanIds();
    for (const [x, y] of a.entries()) b.moved(x, y);
    expect(b.current(1)).toBe(9);
  });
});
