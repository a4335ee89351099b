// No import cycles among the UI's modules: each module can be read (and tested) after the ones it imports.

import { describe, expect, it } from 'vitest';

/** Every module's source, read by Vite at test time. */
const sources = import.meta.glob<string>('./*.ts', { query: '?raw', import: 'default', eager: true });

/** module → the modules it imports at run time (type-only imports leave no edge). */
function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const [file, src] of Object.entries(sources)) {
    const f = file.replace(/^\.\//, '');
    if (f.endsWith('.test.ts') || f.endsWith('.d.ts')) continue;
    const deps = [...src.matchAll(/^import\s+(?!type\s)[^'"]*['"]\.\/([\w.]+?)(?:\.ts)?['"]/gm)].map((m) => m[1]).filter((d) => !d.endsWith('.css'));
    g.set(f.replace(/\.ts$/, ''), deps);
  }
  return g;
}

/** One cycle, if any (depth-first search with a path stack). */
function findCycle(g: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of g.get(n) ?? []) {
      if (state.get(m) === 'open') return [...stack.slice(stack.indexOf(m)), m];
      if (!state.has(m)) {
        const c = visit(m);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of g.keys()) {
    if (!state.has(n)) {
      const c = visit(n);
      if (c) return c;
    }
  }
  return null;
}

describe('module graph', () => {
  it('sees the modules and their imports', () => {
    const g = graph();
    expect(g.get('articleList')).toContain('dom');
    expect(findCycle(new Map([['a', ['b']], ['b', ['a']]]))).toEqual(['a', 'b', 'a']);
  });
  it('has no import cycle', () => {
    expect(findCycle(graph())).toBeNull();
  });
});
