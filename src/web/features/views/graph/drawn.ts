/**
 * What the chart draws: the server's graph, less what the filters hide, as a graphology graph
 * with sigma's attributes (place, size, colour, label). Pure over its inputs so the page can
 * rebuild it whenever data, filters or the colouring change.
 */
import { MultiDirectedGraph } from 'graphology';
import type { CaseGraphOut, ChartEdgeOut, ChartFilters, ChartNodeOut } from '../../../../shared/contracts/views.ts';
import { typeStyle } from '../../../ui/entityTypes.ts';
import { COMMUNITY_COLOURS } from './analysis.ts';
import { iconIndex } from './nodeIcons.ts';
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
  /** Where nodes without a position of their own start (connected parts, largest in the middle). */
  firstPlacement?: ReadonlyMap<string, { x: number; y: number }>;
  /** Nodes not drawn: those without any link, unless the analyst asks for them. */
  hidden?: ReadonlySet<string>;
  pinned: ReadonlySet<string>;
  /** Community per node, when colouring by community. */
  community: Readonly<Record<string, number>> | null;
  /** A centrality per node, when sizing by one. */
  sizeBy: ReadonlyMap<string, number> | null;
  nodeLabel: (n: ChartNodeOut) => string;
  edgeLabel: (e: ChartEdgeOut) => string;
}

/** Links per node in the data (the default node size: key nodes larger, their labels first). */
export function degrees(data: CaseGraphOut): Map<string, number> {
  const d = new Map<string, number>();
  for (const e of data.edges) {
    d.set(e.source, (d.get(e.source) ?? 0) + 1);
    d.set(e.target, (d.get(e.target) ?? 0) + 1);
  }
  return d;
}

/**
 * Node size (radius in pixels at zoom 1) for its number of links, from a base that shrinks as the
 * chart grows: small charts get discs large enough for their icons, big ones stay readable.
 */
export const sizeForDegree = (links: number, order: number): number =>
  order <= 3000
    ? Math.min(18, (order <= 100 ? 9 : order <= 1000 ? 7 : 4) + 6 * Math.log10(1 + links))
    : Math.min(10, 2.5 + 3 * Math.log10(1 + links));

/** Money edge width: 1.5 px, up to 5 px for the largest sums (log scale, any currency). */
const moneyWidth = (e: ChartEdgeOut): number => {
  const minor = Math.max(0, ...(e.amounts ?? []).map((a) => Math.abs(a.amountMinor)));
  return Math.min(5, 1.5 + Math.max(0, Math.log10(minor / 100 + 1) - 2) * 0.8);
};

/** How each kind of edge looks; the legend says the same. */
export const EDGE_STYLE = {
  link: { color: '#8c95a1' },
  money: { color: '#1f7a3d' },
  selector: { color: '#b9c0c9' },
  // Messages, e-mails and calls: a colour no entity type and no other edge kind uses.
  communication: { color: '#a4508b' },
} as const;

export function drawnGraph(data: CaseGraphOut, o: DrawOptions): MultiDirectedGraph {
  const g = new MultiDirectedGraph();
  const max = o.sizeBy ? Math.max(1e-9, ...o.sizeBy.values()) : 1;
  const links = o.sizeBy ? null : degrees(data);
  for (const n of data.nodes) {
    if (!nodeShown(n, o.filters) || g.hasNode(n.id) || o.hidden?.has(n.id)) continue;
    const p = o.positions.get(n.id) ?? o.firstPlacement?.get(n.id) ?? initialPosition(n.id, data.nodes.length);
    const c = o.community?.[n.id];
    const size = o.sizeBy
      ? 3 + 14 * Math.sqrt((o.sizeBy.get(n.id) ?? 0) / max)
      : sizeForDegree(links?.get(n.id) ?? 0, data.nodes.length);
    g.addNode(n.id, {
      x: p.x,
      y: p.y,
      size,
      label: o.nodeLabel(n),
      schema: n.schema,
      icon: iconIndex(n.schema),
      fixed: o.pinned.has(n.id),
      color:
        c === undefined ? typeStyle(n.schema).color : (COMMUNITY_COLOURS[c % COMMUNITY_COLOURS.length] ?? '#59606b'),
    });
  }
  for (const e of data.edges) {
    if (o.filters.hiddenLinkTypes.includes(e.schema) || !g.hasNode(e.source) || !g.hasNode(e.target) || g.hasEdge(e.id))
      continue;
    g.addDirectedEdgeWithKey(e.id, e.source, e.target, {
      // A selector's edge says nothing the two icons do not: no label, drawn light and thin.
      label: e.kind === 'selector' ? '' : o.edgeLabel(e),
      schema: e.schema,
      kind: e.kind,
      size: e.kind === 'money' ? moneyWidth(e) : e.kind === 'selector' ? 1 : e.kind === 'communication' ? 2 : 1.5,
      color: EDGE_STYLE[e.kind].color,
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
