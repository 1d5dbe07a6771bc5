/**
 * Walking a case graph: the n-step neighbourhood of some entities and the shortest paths
 * between two. Links are followed in both directions (who paid whom matters for the money,
 * not for whether two people are connected); every walk is bounded so a hub cannot make a
 * request unbounded.
 */

export interface WalkEdge {
  id: string;
  source: string;
  target: string;
}

/** Undirected adjacency: node → [neighbour, edge id] pairs, in edge order (deterministic). */
export type Adjacency = Map<string, [string, string][]>;

export function adjacency(edges: Iterable<WalkEdge>): Adjacency {
  const adj: Adjacency = new Map();
  const add = (a: string, b: string, id: string) => {
    const list = adj.get(a);
    if (list) list.push([b, id]);
    else adj.set(a, [[b, id]]);
  };
  for (const e of edges) {
    add(e.source, e.target, e.id);
    if (e.source !== e.target) add(e.target, e.source, e.id);
  }
  return adj;
}

export interface Neighbourhood {
  /** Node ids reached, with their distance from the nearest seed. */
  distance: Map<string, number>;
  /** True when `maxNodes` stopped the walk before `steps` were done. */
  truncated: boolean;
}

/** Breadth-first from the seeds, `steps` hops at most, `maxNodes` nodes at most (seeds included). */
export function neighbourhood(
  adj: Adjacency,
  seeds: readonly string[],
  steps: number,
  maxNodes: number,
): Neighbourhood {
  const distance = new Map<string, number>();
  for (const s of seeds) if (distance.size < maxNodes) distance.set(s, 0);
  let frontier = [...distance.keys()];
  for (let step = 1; step <= steps && frontier.length; step++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const [other] of adj.get(id) ?? []) {
        if (distance.has(other)) continue;
        if (distance.size >= maxNodes) return { distance, truncated: true };
        distance.set(other, step);
        next.push(other);
      }
    }
    frontier = next;
  }
  return { distance, truncated: false };
}

export interface Path {
  /** Node ids from start to end. */
  nodes: string[];
  /** Edge ids between consecutive nodes. */
  edges: string[];
}

/**
 * Up to `maxPaths` shortest paths from `from` to `to` (all of the same, least number of hops),
 * or none when `to` is not reachable within `maxHops`. Ties come out in a stable order: by the
 * node ids along the path, so the same case always gives the same first path.
 */
export function shortestPaths(adj: Adjacency, from: string, to: string, maxHops: number, maxPaths: number): Path[] {
  if (from === to) return [{ nodes: [from], edges: [] }];
  const dist = new Map<string, number>([[from, 0]]);
  const preds = new Map<string, [string, string][]>();
  let frontier = [from];
  let found = false;
  for (let d = 1; d <= maxHops && frontier.length && !found; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const [other, edge] of adj.get(id) ?? []) {
        const seen = dist.get(other);
        if (seen === undefined) {
          dist.set(other, d);
          next.push(other);
        }
        if ((seen ?? d) === d) {
          const list = preds.get(other) ?? [];
          list.push([id, edge]);
          preds.set(other, list);
        }
        if (other === to) found = true;
      }
    }
    frontier = next;
  }
  if (!found) return [];
  for (const list of preds.values())
    list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  // Walk back from the end, depth first in sorted order, until enough paths are found.
  const out: Path[] = [];
  const walk = (id: string, nodes: string[], edges: string[]) => {
    if (out.length >= maxPaths) return;
    if (id === from) {
      out.push({ nodes: [from, ...nodes], edges: [...edges] });
      return;
    }
    for (const [p, e] of preds.get(id) ?? []) walk(p, [id, ...nodes], [e, ...edges]);
  };
  walk(to, [], []);
  return out.sort((a, b) => {
    for (let i = 0; i < a.nodes.length; i++)
      if (a.nodes[i] !== b.nodes[i]) return (a.nodes[i] ?? '') < (b.nodes[i] ?? '') ? -1 : 1;
    return 0;
  });
}
