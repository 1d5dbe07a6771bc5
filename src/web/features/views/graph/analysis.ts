/**
 * Key players and sub-networks on the drawn chart: Louvain communities, degree, betweenness
 * (Brandes; on big charts from a sample of sources, scaled up — Brandes & Pich 2007) and
 * PageRank. Computed in the page on the graph as drawn, so filters and the period count.
 */
import louvainModule from 'graphology-communities-louvain';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import type { AbstractGraph as Graph } from 'graphology-types';
import { interop } from './cjs.ts';

const louvain = interop(louvainModule);
const pagerank = interop(pagerankModule);

export type Measure = 'degree' | 'betweenness' | 'pagerank';

/** Above this many nodes betweenness is estimated from this many sampled sources. */
export const BETWEENNESS_SAMPLE = 300;

export function communities(graph: Graph): Record<string, number> {
  if (graph.order === 0) return {};
  return louvain(graph, { getEdgeWeight: null, rng: seeded(1) });
}

export function measure(graph: Graph, m: Measure): Map<string, number> {
  if (m === 'degree') return new Map(graph.mapNodes((n) => [n, graph.degree(n)] as const));
  if (m === 'pagerank') return new Map(Object.entries(graph.order ? pagerank(graph, { getEdgeWeight: null }) : {}));
  return betweenness(graph);
}

/** A small deterministic generator, so the same chart gives the same communities and samples. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Brandes' betweenness over undirected links, exact up to BETWEENNESS_SAMPLE nodes. */
export function betweenness(graph: Graph): Map<string, number> {
  const ids = graph.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const adj: number[][] = ids.map((id) => graph.neighbors(id).map((n) => index.get(n) ?? 0));
  const n = ids.length;
  const score = new Float64Array(n);
  let sources = ids.map((_, i) => i);
  if (n > BETWEENNESS_SAMPLE) {
    const rnd = seeded(7);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [sources[i], sources[j]] = [sources[j] ?? 0, sources[i] ?? 0];
    }
    sources = sources.slice(0, BETWEENNESS_SAMPLE);
  }
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  const stack: number[] = [];
  const preds: number[][] = ids.map(() => []);
  for (const s of sources) {
    sigma.fill(0);
    dist.fill(-1);
    delta.fill(0);
    for (const p of preds) p.length = 0;
    stack.length = 0;
    sigma[s] = 1;
    dist[s] = 0;
    const queue = [s];
    for (let qi = 0; qi < queue.length; qi++) {
      const v = queue[qi] ?? 0;
      stack.push(v);
      for (const w of adj[v] ?? []) {
        if ((dist[w] ?? -1) < 0) {
          dist[w] = (dist[v] ?? 0) + 1;
          queue.push(w);
        }
        if (dist[w] === (dist[v] ?? 0) + 1) {
          sigma[w] = (sigma[w] ?? 0) + (sigma[v] ?? 0);
          preds[w]?.push(v);
        }
      }
    }
    while (stack.length) {
      const w = stack.pop() ?? 0;
      for (const v of preds[w] ?? [])
        delta[v] = (delta[v] ?? 0) + ((sigma[v] ?? 0) / (sigma[w] || 1)) * (1 + (delta[w] ?? 0));
      if (w !== s) score[w] = (score[w] ?? 0) + (delta[w] ?? 0);
    }
  }
  const scale = n / sources.length / 2; // undirected: each pair counted from both ends
  return new Map(ids.map((id, i) => [id, (score[i] ?? 0) * scale]));
}

/** The top `k` nodes by a measure, highest first (ties by id). */
export function ranked(values: ReadonlyMap<string, number>, k: number): [string, number][] {
  return [...values].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k);
}

/** Distinct colours for communities, dark enough for white labels. */
export const COMMUNITY_COLOURS = [
  '#1d5fbf',
  '#a4481a',
  '#1f7a3d',
  '#8a3584',
  '#0f7173',
  '#9b2c2c',
  '#6f6124',
  '#3f51b5',
  '#a8305f',
  '#46687a',
  '#7a4a1c',
  '#2f6b8a',
];
