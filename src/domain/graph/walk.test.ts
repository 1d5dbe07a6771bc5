/** Neighbourhoods and shortest paths on small graphs, and against a brute-force distance on random ones. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjacency, neighbourhood, shortestPaths } from './walk.ts';
import type { WalkEdge } from './walk.ts';

const E = (source: string, target: string, id = `${source}-${target}`): WalkEdge => ({ id, source, target });
//  a — b — c — d — f,  a — e — d,  x — y
const diamond = [E('a', 'b'), E('b', 'c'), E('c', 'd'), E('a', 'e'), E('e', 'd'), E('d', 'f'), E('x', 'y')];

describe('walks', () => {
  it('n-step neighbourhood, in both directions of the links', () => {
    const adj = adjacency(diamond);
    expect([...neighbourhood(adj, ['a'], 1, 100).distance.keys()].sort()).toEqual(['a', 'b', 'e']);
    expect(Object.fromEntries(neighbourhood(adj, ['a'], 2, 100).distance)).toEqual({ a: 0, b: 1, e: 1, c: 2, d: 2 });
    expect([...neighbourhood(adj, ['f'], 1, 100).distance.keys()].sort()).toEqual(['d', 'f']);
  });

  it('stops at the node limit and says so', () => {
    const r = neighbourhood(adjacency(diamond), ['a'], 3, 3);
    expect(r.distance.size).toBe(3);
    expect(r.truncated).toBe(true);
  });

  it('shortest paths: the least hops, every tie, in a stable order; none when unreachable', () => {
    const adj = adjacency([...diamond, E('b', 'g'), E('g', 'd')]);
    const paths = shortestPaths(adj, 'a', 'f', 8, 10);
    expect(paths.map((p) => p.nodes)).toEqual([['a', 'e', 'd', 'f']]);
    expect(paths[0]?.edges).toEqual(['a-e', 'e-d', 'd-f']);
    expect(shortestPaths(adj, 'b', 'e', 8, 10).map((p) => p.nodes)).toEqual([['b', 'a', 'e']]);
    expect(shortestPaths(adj, 'g', 'e', 8, 10).map((p) => p.nodes)).toEqual([['g', 'd', 'e']]);
    expect(shortestPaths(adj, 'a', 'y', 8, 10)).toEqual([]);
    expect(shortestPaths(adj, 'a', 'f', 2, 10)).toEqual([]);
  });

  it('on random graphs every path found is a real path of the breadth-first distance', () => {
    const graphs = fc.record({
      n: fc.integer({ min: 2, max: 12 }),
      pairs: fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { maxLength: 30 }),
    });
    fc.assert(
      fc.property(graphs, ({ n, pairs }) => {
        const edges = pairs.filter(([a, b]) => a < n && b < n).map(([a, b], i) => E(`n${a}`, `n${b}`, `e${i}`));
        const adj = adjacency(edges);
        const byId = new Map(edges.map((e) => [e.id, e]));
        // Brute force: Bellman-Ford style relaxation over undirected edges.
        const dist = new Map<string, number>([['n0', 0]]);
        for (let k = 0; k < n; k++) {
          for (const e of edges) {
            for (const [u, v] of [
              [e.source, e.target],
              [e.target, e.source],
            ] as const) {
              const du = dist.get(u);
              if (du !== undefined && (dist.get(v) ?? Infinity) > du + 1) dist.set(v, du + 1);
            }
          }
        }
        const target = `n${n - 1}`;
        const paths = shortestPaths(adj, 'n0', target, 20, 5);
        if (!dist.has(target)) return paths.length === 0;
        expect(paths.length).toBeGreaterThan(0);
        for (const p of paths) {
          expect(p.nodes.length - 1).toBe(dist.get(target));
          p.edges.forEach((id, i) => {
            const e = byId.get(id);
            expect(new Set([e?.source, e?.target])).toEqual(new Set([p.nodes[i], p.nodes[i + 1]]));
          });
        }
        const near = neighbourhood(adj, ['n0'], 2, 1000).distance;
        expect([...near.keys()].sort()).toEqual(
          [...dist]
            .filter(([, d]) => d <= 2)
            .map(([id]) => id)
            .sort(),
        );
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
