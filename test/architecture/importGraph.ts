import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The import graph of the source tree: which file loads which, through static `import` and
 * `export … from`. Edges point from the importing file to the imported one; paths are relative to
 * the repository root with forward slashes.
 */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

export interface ModuleImport {
  specifier: string;
  /** `import type` / `export type … from`: erased by the compiler, so nothing is loaded at run time. */
  typeOnly: boolean;
}

export function importsOf(fileName: string, text: string): ModuleImport[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const found: ModuleImport[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const typeOnly = statement.importClause?.isTypeOnly ?? false;
      found.push({ specifier: statement.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      if (ts.isStringLiteral(statement.moduleSpecifier)) {
        found.push({ specifier: statement.moduleSpecifier.text, typeOnly: statement.isTypeOnly });
      }
    }
  }
  return found;
}

const isSource = (name: string): boolean =>
  /\.tsx?$/.test(name) && !/\.d\.ts$/.test(name) && !/\.test\.tsx?$/.test(name) && !/\.testing\.tsx?$/.test(name);

function listSources(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return listSources(root, rel);
    return isSource(entry.name) ? [rel] : [];
  });
}

function resolveImport(root: string, from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.join(path.posix.dirname(from), specifier);
  const stem = base.replace(/\.js$/, '');
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  return candidates.find((c) => existsSync(path.join(root, c)) && statSync(path.join(root, c)).isFile());
}

/** The graph of every non-test TypeScript file under `dir`; type-only imports count when asked. */
export function buildImportGraph(root: string, dir: string, includeTypeOnly: boolean): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const file of listSources(root, dir)) {
    const imports = importsOf(file, readFileSync(path.join(root, file), 'utf8'));
    const targets = imports
      .filter((i) => includeTypeOnly || !i.typeOnly)
      .map((i) => resolveImport(root, file, i.specifier))
      .filter((t): t is string => t !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Tarjan's strongly connected components, each listed in sorted order. */
export function stronglyConnected(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    components.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return components;
}

/** Import cycles: components of more than one file, or a file importing itself; largest first. */
export function importCycles(graph: ImportGraph): string[][] {
  return stronglyConnected(graph)
    .filter((c) => c.length > 1 || (graph.get(c[0] ?? '') ?? []).includes(c[0] ?? ''))
    .sort((a, b) => b.length - a.length || (a[0] ?? '').localeCompare(b[0] ?? ''));
}
