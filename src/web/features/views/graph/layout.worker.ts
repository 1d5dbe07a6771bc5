/// <reference lib="webworker" />
/**
 * ForceAtlas2 off the page's thread: builds the graph it is sent, runs a bounded number of
 * iterations (Barnes-Hut on big graphs) with pinned nodes fixed, and sends the positions back.
 */
import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { interop } from './cjs.ts';
import type { LayoutJob } from './layout.ts';

const forceAtlas2 = interop(forceAtlas2Module);

self.onmessage = (e: MessageEvent<LayoutJob>) => {
  const { nodes, edges, iterations } = e.data;
  const g = new UndirectedGraph({ allowSelfLoops: false });
  for (const n of nodes) g.addNode(n.id, { x: n.x, y: n.y, fixed: n.fixed });
  for (const [s, t] of edges) if (s !== t && g.hasNode(s) && g.hasNode(t) && !g.hasEdge(s, t)) g.addEdge(s, t);
  const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 1500, adjustSizes: false };
  forceAtlas2.assign(g, { iterations, settings });
  const ids = g.nodes();
  const xy = new Float64Array(ids.length * 2);
  ids.forEach((id, i) => {
    xy[2 * i] = Number(g.getNodeAttribute(id, 'x'));
    xy[2 * i + 1] = Number(g.getNodeAttribute(id, 'y'));
  });
  (self as unknown as Worker).postMessage({ ids, xy }, [xy.buffer]);
};
