/**
 * GraphML (graphdrawing.org/specification): `<key>` declarations with `attr.name`/`attr.type`,
 * `<data key>` values on nodes and edges, `edgedefault` and per-edge `directed`. Labels,
 * positions and colours are plain attributes in GraphML (Gephi writes label, x, y, r, g, b).
 */
import type { AttrDef, AttrValue, GraphDoc, GraphEdge, GraphNode } from './model.ts';
import { readValue, writeValue, xmlEscape } from './model.ts';
import { attr, child, children, invalid, parseXml, textOf } from './xml.ts';
import type { XmlNode } from './xml.ts';

const F = 'GraphML';

function dataOf(el: XmlNode, defs: ReadonlyMap<string, AttrDef>, where: string): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  for (const d of defs.values()) if (d.default !== undefined) out[d.id] = d.default;
  for (const [i, data] of children(el, 'data').entries()) {
    const key = attr(data, 'key');
    const def = key === undefined ? undefined : defs.get(key);
    if (!def) throw invalid(F, `data with an undeclared key "${key ?? ''}"`, `${where}.data[${i}]`);
    const v = readValue(def.type, textOf(data));
    if (typeof v === 'object') throw invalid(F, `${def.title}: ${v.error}`, `${where}.data[${i}]`);
    out[def.id] = v;
  }
  return out;
}

export function parseGraphML(text: string): GraphDoc {
  const root = child(parseXml(text, F), 'graphml');
  if (!root) throw invalid(F, 'no <graphml> root element', 'line 1');
  const nodeDefs = new Map<string, AttrDef>();
  const edgeDefs = new Map<string, AttrDef>();
  for (const [i, k] of children(root, 'key').entries()) {
    const id = attr(k, 'id');
    if (!id) throw invalid(F, 'a <key> without id', `key[${i}]`);
    const type = attr(k, 'attr.type') ?? 'string';
    const def: AttrDef = { id, title: attr(k, 'attr.name') ?? id, type };
    const dflt = child(k, 'default');
    if (dflt) {
      const v = readValue(type, textOf(dflt));
      if (typeof v === 'object') throw invalid(F, v.error, `key[${i}].default`);
      def.default = v;
    }
    const target = attr(k, 'for') ?? 'all';
    if (target === 'node' || target === 'all') nodeDefs.set(id, def);
    if (target === 'edge' || target === 'all') edgeDefs.set(id, def);
  }
  const graph = child(root, 'graph');
  if (!graph) throw invalid(F, 'no <graph> element', 'graphml');
  const directed = attr(graph, 'edgedefault') === 'directed';
  const nodes: GraphNode[] = [];
  const seen = new Set<string>();
  for (const [i, n] of children(graph, 'node').entries()) {
    const id = attr(n, 'id');
    if (id === undefined) throw invalid(F, 'a node without id', `nodes[${i}]`);
    if (seen.has(id)) throw invalid(F, `node id "${id}" appears twice`, `nodes[${i}]`);
    seen.add(id);
    nodes.push({ id, attributes: dataOf(n, nodeDefs, `nodes[${i}]`) });
  }
  const edges: GraphEdge[] = [];
  for (const [i, e] of children(graph, 'edge').entries()) {
    const source = attr(e, 'source');
    const target = attr(e, 'target');
    if (source === undefined || !seen.has(source))
      throw invalid(F, `edge source "${source ?? ''}" is not a node`, `edges[${i}]`);
    if (target === undefined || !seen.has(target))
      throw invalid(F, `edge target "${target ?? ''}" is not a node`, `edges[${i}]`);
    const edge: GraphEdge = { source, target, attributes: dataOf(e, edgeDefs, `edges[${i}]`) };
    const id = attr(e, 'id');
    if (id !== undefined) edge.id = id;
    const dir = attr(e, 'directed');
    if (dir !== undefined) edge.directed = dir === 'true';
    edges.push(edge);
  }
  return { directed, meta: {}, nodeAttrs: [...nodeDefs.values()], edgeAttrs: [...edgeDefs.values()], nodes, edges };
}

const GRAPHML_TYPES = new Set(['boolean', 'int', 'long', 'float', 'double', 'string']);
/** GEXF type names written as GraphML's. */
const toGraphmlType = (t: string): string =>
  GRAPHML_TYPES.has(t) ? t : t === 'integer' ? 'int' : t === 'short' || t === 'byte' ? 'int' : 'string';

function keyXml(d: AttrDef, target: 'node' | 'edge'): string {
  const open = `<key id="${xmlEscape(d.id)}" for="${target}" attr.name="${xmlEscape(d.title)}" attr.type="${toGraphmlType(d.type)}"`;
  return d.default === undefined ? `${open}/>` : `${open}><default>${xmlEscape(writeValue(d.default))}</default></key>`;
}

const dataXml = (values: Record<string, AttrValue>, defs: readonly AttrDef[]): string =>
  defs
    .filter((d) => values[d.id] !== undefined && values[d.id] !== d.default)
    .map((d) => `<data key="${xmlEscape(d.id)}">${xmlEscape(writeValue(values[d.id] as AttrValue))}</data>`)
    .join('');

/**
 * Writes the document as GraphML. A key declared for nodes and edges alike is written twice
 * (once per `for`); GEXF-only fields (viz, label, weight) are not carried — convert with
 * `toAttributes` first when they matter.
 */
export function serialiseGraphML(doc: GraphDoc): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
  ];
  for (const d of doc.nodeAttrs) out.push(keyXml(d, 'node'));
  for (const d of doc.edgeAttrs) out.push(keyXml(d, 'edge'));
  out.push(`<graph edgedefault="${doc.directed ? 'directed' : 'undirected'}">`);
  for (const n of doc.nodes) out.push(`<node id="${xmlEscape(n.id)}">${dataXml(n.attributes, doc.nodeAttrs)}</node>`);
  for (const e of doc.edges) {
    const id = e.id === undefined ? '' : ` id="${xmlEscape(e.id)}"`;
    const dir = e.directed === undefined ? '' : ` directed="${e.directed ? 'true' : 'false'}"`;
    out.push(
      `<edge${id} source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}"${dir}>${dataXml(e.attributes, doc.edgeAttrs)}</edge>`,
    );
  }
  out.push('</graph>', '</graphml>');
  return out.join('\n');
}
