/**
 * What the chart draws: the server's graph, less what the filters hide, as a graphology graph
 * with sigma's attributes (place, size, colour, label). Pure over its inputs so the page can
 * rebuild it whenever data, filters or the colouring change.
 */
import { MultiDirectedGraph } from 'graphology';
import type { CaseGraphOut, ChartEdgeOut, ChartFilters, ChartNodeOut } from '../../../../shared/contracts/views.ts';
import { typeStyle } from '../../../ui/entityTypes.ts';
import { COMMUNITY_COLOURS } from './analysis.ts';
import { initialPosition } from './layout.ts';

const RELIABILITY = ['A', 'B', 'C', 'D', 'X'];
const INFORMATION = ['1', '2', '3', '4'];

export const EMPTY_FILTERS: ChartFilters = {
  hiddenTypes: [],
  hiddenLinkTypes: [],
  tag: null,
  minReliability: null,
  minInformation: null,
};

export function nodeShown(n: ChartNodeOut, f: ChartFilters): boolean {
  if (f.hiddenTypes.includes(n.schema)) return false;
  if (f.tag && !n.tags.includes(f.tag)) return false;
  if (f.minReliability && RELIABILITY.indexOf(n.reliability) > RELIABILITY.indexOf(f.minReliability)) return false;
  if (f.minInformation && INFORMATION.indexOf(n.information) > INFORMATION.indexOf(f.minInformation)) return false;
  return true;
}

export interface DrawOptions {
  filters: ChartFilters;
  positions: ReadonlyMap<string, { x: number; y: number }>;
  pinned: ReadonlySet<string>;
  /** Community per node, when colouring by community. */
  community: Readonly<Record<string, number>> | null;
  /** A centrality per node, when sizing by one. */
  sizeBy: ReadonlyMap<string, number> | null;
  nodeLabel: (n: ChartNodeOut) => string;
  edgeLabel: (e: ChartEdgeOut) => string;
}

export function drawnGraph(data: CaseGraphOut, o: DrawOptions): MultiDirectedGraph {
  const g = new MultiDirectedGraph();
  const max = o.sizeBy ? Math.max(1e-9, ...o.sizeBy.values()) : 1;
  for (const n of data.nodes) {
    if (!nodeShown(n, o.filters) || g.hasNode(n.id)) continue;
    const p = o.positions.get(n.id) ?? initialPosition(n.id, data.nodes.length);
    const c = o.community?.[n.id];
    const size = o.sizeBy ? 3 + 14 * Math.sqrt((o.sizeBy.get(n.id) ?? 0) / max) : 5;
    g.addNode(n.id, {
      x: p.x,
      y: p.y,
      size,
      label: o.nodeLabel(n),
      schema: n.schema,
      fixed: o.pinned.has(n.id),
      color:
        c === undefined ? typeStyle(n.schema).color : (COMMUNITY_COLOURS[c % COMMUNITY_COLOURS.length] ?? '#59606b'),
    });
  }
  for (const e of data.edges) {
    if (o.filters.hiddenLinkTypes.includes(e.schema) || !g.hasNode(e.source) || !g.hasNode(e.target) || g.hasEdge(e.id))
      continue;
    g.addDirectedEdgeWithKey(e.id, e.source, e.target, {
      label: o.edgeLabel(e),
      schema: e.schema,
      kind: e.kind,
      size: e.kind === 'money' ? 2 : 1.5,
      color: e.kind === 'money' ? '#1f7a3d' : '#8c95a1',
      type: 'arrow',
    });
  }
  return g;
}

/** Merges graphs from several walks (expansions, paths) into one, each node and edge once. */
export function mergeGraphs(a: CaseGraphOut | null, b: CaseGraphOut): CaseGraphOut {
  if (!a) return b;
  const nodes = new Map(a.nodes.map((n) => [n.id, n]));
  for (const n of b.nodes) nodes.set(n.id, n);
  const edges = new Map(a.edges.map((e) => [e.id, e]));
  for (const e of b.edges) edges.set(e.id, e);
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    truncated: a.truncated || b.truncated,
    total: Math.max(a.total, b.total),
  };
}
