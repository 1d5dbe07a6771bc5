/**
 * The schema's types live here and nowhere else: migrations are history and import no types,
 * and the store's files import each other without a cycle.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const storeDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const importRe = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/g;

const importsOf = (file: string): string[] => [...readFileSync(file, 'utf8').matchAll(importRe)].map((m) => m[1] ?? '');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Migration 004 re-chains the audit records kept before it, with today's hashing, signing and detail rules. */
const auditChainingImports = ['../../shared/ids.ts', '../audit/chain.ts', '../audit/detail.ts', '../keys.ts'];

describe('store schema layout', () => {
  it('migrations import only Kysely and the dialect helper', () => {
    const dir = join(storeDir, 'migrations');
    for (const name of readdirSync(dir)) {
      const allowed = ['kysely', '../dialect.ts', ...(name.startsWith('004_') ? auditChainingImports : [])];
      const extra = importsOf(join(dir, name)).filter((spec) => !allowed.includes(spec));
      expect(extra, name).toEqual([]);
    }
  });

  it('no import cycle among the store files', () => {
    const files = sourceFiles(storeDir);
    const edges = new Map(
      files.map((f) => [
        f,
        importsOf(f)
          .filter((spec) => spec.startsWith('.'))
          .map((spec) => resolve(dirname(f), spec))
          .filter((target) => target.startsWith(storeDir) && existsSync(target)),
      ]),
    );
    const done = new Set<string>();
    const onPath: string[] = [];
    const cycles: string[] = [];
    const visit = (f: string): void => {
      if (done.has(f)) return;
      const at = onPath.indexOf(f);
      if (at >= 0) {
        cycles.push(
          onPath
            .slice(at)
            .map((x) => relative(storeDir, x))
            .join(' -> '),
        );
        return;
      }
      onPath.push(f);
      for (const next of edges.get(f) ?? []) visit(next);
      onPath.pop();
      done.add(f);
    };
    for (const f of files) visit(f);
    expect(cycles).toEqual([]);
  });
});
