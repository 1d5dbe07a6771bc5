import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildImportGraph, importCycles, importsOf } from './importGraph.ts';
import { filesInCyclesToday } from './knownExceptions.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('import graph', () => {
  it('finds every cycle, including a file importing itself, and nothing else', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', ['d', 'e']],
      ['e', []],
      ['f', ['a']],
    ]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('finds no cycle in a graph without one', () => {
    expect(
      importCycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('reads imports and re-exports, and marks the type-only ones', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      "export { c } from './c.ts';",
      "export type { D } from './d.ts';",
      "export * from './e.ts';",
      "import './f.ts';",
    ].join('\n');
    expect(importsOf('x.ts', text)).toEqual([
      { specifier: './a.ts', typeOnly: false },
      { specifier: './b.ts', typeOnly: true },
      { specifier: './c.ts', typeOnly: false },
      { specifier: './d.ts', typeOnly: true },
      { specifier: './e.ts', typeOnly: false },
      { specifier: './f.ts', typeOnly: false },
    ]);
  });
});

describe('src/', () => {
  // Type-only imports count: a type cycle still means neither file can be read without the other.
  let cycles: string[][] = [];
  beforeAll(() => {
    cycles = importCycles(buildImportGraph(root, 'src', true));
  });

  it('has no import cycle beyond the ones being removed', () => {
    const fresh = cycles.filter((cycle) => cycle.some((file) => !filesInCyclesToday.includes(file)));
    expect(fresh, 'new import cycles').toEqual([]);
  });

  it('lists only files still in a cycle as exceptions', () => {
    expect(
      filesInCyclesToday.filter((file) => !cycles.flat().includes(file)),
      'no longer in a cycle',
    ).toEqual([]);
  });
});
