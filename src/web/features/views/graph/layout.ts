/**
 * Where nodes go: a quick first placement (so the chart draws at once), ForceAtlas2 in a web
 * worker (the page stays responsive; pinned nodes stay put) and a layered layout for
 * subcontracting chains, top to bottom along Subcontract, Posting and Employment links.
 */
import type { AbstractGraph as Graph } from 'graphology-types';

/** Links that make a chain of command or contract, drawn top to bottom. */
export const HIERARCHY_LINKS: ReadonlySet<string> = new Set([
  'Subcontract',
  'Posting',
  'Employment',
  'Control',
  'Directorship',
  'Ownership',
]);

/** A stable spot for a node with none yet: on a circle around the origin, by its id. */
export function initialPosition(id: string, n: number): { x: number; y: number } {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619) >>> 0;
  const angle = ((h % 3600) / 3600) * 2 * Math.PI;
  const r = Math.sqrt(Math.max(n, 1)) * (10 + ((h >>> 12) % 100) / 10);
  return { x: Math.cos(angle) * r, y: Math.sin(angle) * r };
}

/**
 * Layers by longest path from the top along hierarchy links (cycles broken by visiting each
 * node once); nodes outside any chain go in a row below. Within a layer, order of appearance.
 */
export function hierarchyPositions(graph: Graph): Map<string, { x: number; y: number }> {
  const down = new Map<string, string[]>();
  const indeg = new Map<string, number>();
  graph.forEachEdge((_e, attrs, source, target) => {
    if (!HIERARCHY_LINKS.has(String(attrs.schema))) return;
    down.set(source, [...(down.get(source) ?? []), target]);
    indeg.set(target, (indeg.get(target) ?? 0) + 1);
    if (!indeg.has(source)) indeg.set(source, indeg.get(source) ?? 0);
  });
  const level = new Map<string, number>();
  const roots = [...indeg].filter(([, d]) => d === 0).map(([id]) => id);
  const queue = roots.length ? roots : [...indeg.keys()].slice(0, 1);
  for (const r of queue) level.set(r, 0);
  let visits = 0;
  const limit = graph.size * 4 + 16;
  for (let i = 0; i < queue.length && visits < limit; i++, visits++) {
    const id = queue[i] ?? '';
    for (const next of down.get(id) ?? []) {
      const l = (level.get(id) ?? 0) + 1;
      if ((level.get(next) ?? -1) < l && l <= graph.order) {
        level.set(next, l);
        queue.push(next);
      }
    }
  }
  const rows = new Map<number, string[]>();
  const bottom = Math.max(0, ...level.values()) + 2;
  graph.forEachNode((id) => {
    const l = level.get(id) ?? bottom;
    rows.set(l, [...(rows.get(l) ?? []), id]);
  });
  const out = new Map<string, { x: number; y: number }>();
  for (const [l, ids] of rows) {
    const perRow = l === bottom ? Math.ceil(Math.sqrt(ids.length) * 2) : ids.length;
    ids.forEach((id, i) => out.set(id, { x: ((i % perRow) - perRow / 2) * 40, y: -(l + Math.floor(i / perRow)) * 60 }));
  }
  return out;
}

export interface LayoutJob {
  nodes: { id: string; x: number; y: number; fixed: boolean }[];
  edges: [string, string][];
  iterations: number;
}

/** Runs ForceAtlas2 in the worker; resolves with the new positions (pinned nodes unchanged). */
export function forceLayout(job: LayoutJob): {
  promise: Promise<Map<string, { x: number; y: number }>>;
  cancel: () => void;
} {
  const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  const promise = new Promise<Map<string, { x: number; y: number }>>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<{ ids: string[]; xy: Float64Array }>) => {
      const out = new Map<string, { x: number; y: number }>();
      e.data.ids.forEach((id, i) => out.set(id, { x: e.data.xy[2 * i] ?? 0, y: e.data.xy[2 * i + 1] ?? 0 }));
      worker.terminate();
      resolve(out);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
  });
  worker.postMessage(job);
  return { promise, cancel: () => worker.terminate() };
}
