/**
 * Between a chart and the exchange formats: a chart exported for Gephi or a report keeps each
 * entity's caption, type, role, grading and position; a GraphML or GEXF file imported becomes a
 * chart of its own nodes and edges, placed where the file put them.
 */
import type { CaseGraphOut, ChartEdgeOut, ChartNodeOut } from '../../shared/contracts/views.ts';
import { currentSchemaName } from '../schema/index.ts';
import type { AttrDef, AttrValue, GraphDoc, GraphNode } from './model.ts';

export interface Position {
  x: number;
  y: number;
}

const NODE_ATTRS: AttrDef[] = [
  { id: 'label', title: 'label', type: 'string' },
  { id: 'schema', title: 'schema', type: 'string' },
  { id: 'status', title: 'status', type: 'string' },
  { id: 'reliability', title: 'reliability', type: 'string' },
  { id: 'information', title: 'information', type: 'string' },
  { id: 'tags', title: 'tags', type: 'string' },
];
const EDGE_ATTRS: AttrDef[] = [
  { id: 'schema', title: 'schema', type: 'string' },
  { id: 'kind', title: 'kind', type: 'string' },
  { id: 'label', title: 'label', type: 'string' },
  { id: 'amounts', title: 'amounts', type: 'string' },
];
const XY: AttrDef[] = [
  { id: 'x', title: 'x', type: 'double' },
  { id: 'y', title: 'y', type: 'double' },
];

const amountsText = (e: ChartEdgeOut): string =>
  (e.amounts ?? []).map((a) => `${a.currency} ${(a.amountMinor / 100).toFixed(2)} (${a.count})`).join('; ');

/** The chart as a document; GraphML keeps positions as x/y attributes, GEXF in viz:position. */
export function chartToDoc(
  graph: { nodes: readonly ChartNodeOut[]; edges: readonly ChartEdgeOut[] },
  positions: ReadonlyMap<string, Position>,
  format: 'graphml' | 'gexf',
  title: string,
): GraphDoc {
  const graphml = format === 'graphml';
  const nodes: GraphNode[] = graph.nodes.map((n) => {
    const attributes: Record<string, AttrValue> = {
      label: n.caption,
      schema: n.schema,
      reliability: n.reliability,
      information: n.information,
    };
    if (n.status) attributes.status = n.status;
    if (n.tags.length) attributes.tags = n.tags.join('; ');
    const p = positions.get(n.id);
    const node: GraphNode = { id: n.id, attributes };
    if (p && graphml) Object.assign(attributes, { x: p.x, y: p.y });
    if (!graphml) {
      node.label = n.caption;
      if (p) node.viz = { x: p.x, y: p.y };
    }
    return node;
  });
  const edges = graph.edges.map((e) => {
    const attributes: Record<string, AttrValue> = { schema: e.schema, kind: e.kind };
    if (e.label) attributes.label = e.label;
    if (e.amounts?.length) attributes.amounts = amountsText(e);
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      attributes,
      ...(graphml || !e.label ? {} : { label: e.label }),
    };
  });
  return {
    directed: true,
    meta: graphml ? {} : { creator: 'ELECT THB', title },
    nodeAttrs: graphml ? [...NODE_ATTRS, ...XY] : NODE_ATTRS,
    edgeAttrs: EDGE_ATTRS,
    nodes,
    edges,
  };
}

/** The value of the attribute whose declared title is one of `titles` (any case). */
function byTitle(
  defs: readonly AttrDef[],
  values: Record<string, AttrValue>,
  titles: readonly string[],
): AttrValue | undefined {
  for (const t of titles) {
    const d = defs.find((x) => x.title.toLowerCase() === t);
    if (d && values[d.id] !== undefined) return values[d.id];
  }
  return undefined;
}

const numberOr = (v: AttrValue | undefined): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

/** An imported file as a chart graph and the positions it gives its nodes. */
export function docToChart(doc: GraphDoc): { graph: CaseGraphOut; positions: Map<string, Position> } {
  const positions = new Map<string, Position>();
  const nodes: ChartNodeOut[] = doc.nodes.map((n) => {
    const label = n.label ?? byTitle(doc.nodeAttrs, n.attributes, ['label', 'name', 'caption']);
    const x = n.viz?.x ?? numberOr(byTitle(doc.nodeAttrs, n.attributes, ['x']));
    const y = n.viz?.y ?? numberOr(byTitle(doc.nodeAttrs, n.attributes, ['y']));
    if (x !== undefined && y !== undefined) positions.set(n.id, { x, y });
    const schema = byTitle(doc.nodeAttrs, n.attributes, ['schema', 'type']);
    const status = byTitle(doc.nodeAttrs, n.attributes, ['status']);
    return {
      id: n.id,
      schema: typeof schema === 'string' ? currentSchemaName(schema, []) : 'Thing',
      caption: label === undefined ? n.id : String(label),
      pseudonymised: false,
      status: typeof status === 'string' ? status : null,
      tags: [],
      reliability: String(byTitle(doc.nodeAttrs, n.attributes, ['reliability']) ?? 'X'),
      information: String(byTitle(doc.nodeAttrs, n.attributes, ['information']) ?? '4'),
    };
  });
  const used = new Set<string>();
  const edges: ChartEdgeOut[] = doc.edges.map((e, i) => {
    // Edge ids need not be unique in a file (or present at all); on a chart they must be.
    let id = e.id ?? `edge-${i}`;
    if (used.has(id)) id = `${id}#${i}`;
    used.add(id);
    const schema = byTitle(doc.edgeAttrs, e.attributes, ['schema', 'type']);
    const label = e.label ?? byTitle(doc.edgeAttrs, e.attributes, ['label', 'edge label']);
    return {
      id,
      kind: 'link',
      schema: typeof schema === 'string' ? schema : 'UnknownLink',
      source: e.source,
      target: e.target,
      label: label === undefined || label === '' ? null : String(label),
    };
  });
  return { graph: { nodes, edges, truncated: false, total: nodes.length }, positions };
}
