/**
 * GEXF (gexf.net, versions 1.1–1.3 as Gephi writes them): `<attributes>` declarations,
 * `<attvalues>` on nodes and edges, node and edge labels, edge weight and type, and the viz
 * module's position, size and colour. Namespace prefixes are ignored on reading, so the
 * misspelt viz namespace some files carry reads like the right one.
 */
import type { AttrDef, AttrValue, Colour, GraphDoc, GraphEdge, GraphNode, Viz } from './model.ts';
import { readValue, writeValue, xmlEscape } from './model.ts';
import { attr, child, children, invalid, parseXml, textOf } from './xml.ts';
import type { XmlNode } from './xml.ts';

const F = 'GEXF';

function num(el: XmlNode | undefined, name: string, where: string): number | undefined {
  const raw = attr(el, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n))
    throw invalid(F, `${name}="${raw.slice(0, 40)}" is not a number`, where);
  return n;
}

function declarations(graph: XmlNode, cls: 'node' | 'edge'): Map<string, AttrDef> {
  const defs = new Map<string, AttrDef>();
  for (const block of children(graph, 'attributes')) {
    if ((attr(block, 'class') ?? 'node') !== cls) continue;
    for (const [i, a] of children(block, 'attribute').entries()) {
      const id = attr(a, 'id');
      if (id === undefined) throw invalid(F, 'an <attribute> without id', `attributes.${cls}[${i}]`);
      const type = attr(a, 'type') ?? 'string';
      const def: AttrDef = { id, title: attr(a, 'title') ?? id, type };
      const d = child(a, 'default');
      if (d) {
        const v = readValue(type, textOf(d));
        if (typeof v === 'object') throw invalid(F, v.error, `attributes.${cls}[${i}].default`);
        def.default = v;
      }
      defs.set(id, def);
    }
  }
  return defs;
}

function values(el: XmlNode, defs: ReadonlyMap<string, AttrDef>, where: string): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  for (const d of defs.values()) if (d.default !== undefined) out[d.id] = d.default;
  for (const [i, av] of children(child(el, 'attvalues'), 'attvalue').entries()) {
    const key = attr(av, 'for') ?? attr(av, 'id');
    const def = key === undefined ? undefined : defs.get(key);
    if (!def) throw invalid(F, `a value for the undeclared attribute "${key ?? ''}"`, `${where}.attvalues[${i}]`);
    const v = readValue(def.type, attr(av, 'value') ?? '');
    if (typeof v === 'object') throw invalid(F, `${def.title}: ${v.error}`, `${where}.attvalues[${i}]`);
    out[def.id] = v;
  }
  return out;
}

function vizOf(el: XmlNode, where: string): Viz | undefined {
  const viz: Viz = {};
  const pos = child(el, 'position');
  if (pos) {
    viz.x = num(pos, 'x', where);
    viz.y = num(pos, 'y', where);
    viz.z = num(pos, 'z', where);
  }
  const size = child(el, 'size');
  if (size) viz.size = num(size, 'value', where);
  const c = child(el, 'color');
  if (c) {
    const colour: Colour = { r: num(c, 'r', where) ?? 0, g: num(c, 'g', where) ?? 0, b: num(c, 'b', where) ?? 0 };
    const a = num(c, 'a', where);
    if (a !== undefined) colour.a = a;
    viz.color = colour;
  }
  for (const k of Object.keys(viz) as (keyof Viz)[]) if (viz[k] === undefined) delete viz[k];
  return Object.keys(viz).length ? viz : undefined;
}

export function parseGexf(text: string): GraphDoc {
  const root = child(parseXml(text, F), 'gexf');
  if (!root) throw invalid(F, 'no <gexf> root element', 'line 1');
  const meta: Record<string, string> = {};
  const m = child(root, 'meta');
  if (m) {
    const modified = attr(m, 'lastmodifieddate');
    if (modified !== undefined) meta.lastmodifieddate = modified;
    for (const [k, v] of Object.entries(m)) if (Array.isArray(v) && k !== '#text') meta[k] = textOf(v[0] as XmlNode);
  }
  const graph = child(root, 'graph');
  if (!graph) throw invalid(F, 'no <graph> element', 'gexf');
  const directed = (attr(graph, 'defaultedgetype') ?? 'undirected') === 'directed';
  const nodeDefs = declarations(graph, 'node');
  const edgeDefs = declarations(graph, 'edge');
  const nodes: GraphNode[] = [];
  const seen = new Set<string>();
  for (const [i, n] of children(child(graph, 'nodes'), 'node').entries()) {
    const where = `nodes[${i}]`;
    const id = attr(n, 'id');
    if (id === undefined) throw invalid(F, 'a node without id', where);
    if (seen.has(id)) throw invalid(F, `node id "${id}" appears twice`, where);
    seen.add(id);
    const node: GraphNode = { id, attributes: values(n, nodeDefs, where) };
    const label = attr(n, 'label');
    if (label !== undefined) node.label = label;
    const viz = vizOf(n, where);
    if (viz) node.viz = viz;
    nodes.push(node);
  }
  const edges: GraphEdge[] = [];
  for (const [i, e] of children(child(graph, 'edges'), 'edge').entries()) {
    const where = `edges[${i}]`;
    const source = attr(e, 'source');
    const target = attr(e, 'target');
    if (source === undefined || !seen.has(source))
      throw invalid(F, `edge source "${source ?? ''}" is not a node`, where);
    if (target === undefined || !seen.has(target))
      throw invalid(F, `edge target "${target ?? ''}" is not a node`, where);
    const edge: GraphEdge = { source, target, attributes: values(e, edgeDefs, where) };
    const id = attr(e, 'id');
    if (id !== undefined) edge.id = id;
    const label = attr(e, 'label');
    if (label !== undefined) edge.label = label;
    const type = attr(e, 'type');
    if (type !== undefined) edge.directed = type === 'directed';
    const weight = num(e, 'weight', where);
    if (weight !== undefined) edge.weight = weight;
    edges.push(edge);
  }
  return { directed, meta, nodeAttrs: [...nodeDefs.values()], edgeAttrs: [...edgeDefs.values()], nodes, edges };
}

function declXml(defs: readonly AttrDef[], cls: 'node' | 'edge'): string {
  if (!defs.length) return '';
  const items = defs.map((d) => {
    const open = `<attribute id="${xmlEscape(d.id)}" title="${xmlEscape(d.title)}" type="${xmlEscape(d.type === 'int' ? 'integer' : d.type)}"`;
    return d.default === undefined
      ? `${open}/>`
      : `${open}><default>${xmlEscape(writeValue(d.default))}</default></attribute>`;
  });
  return `<attributes class="${cls}" mode="static">${items.join('')}</attributes>`;
}

function valuesXml(v: Record<string, AttrValue>, defs: readonly AttrDef[]): string {
  const items = defs
    .filter((d) => v[d.id] !== undefined && v[d.id] !== d.default)
    .map((d) => `<attvalue for="${xmlEscape(d.id)}" value="${xmlEscape(writeValue(v[d.id] as AttrValue))}"/>`);
  return items.length ? `<attvalues>${items.join('')}</attvalues>` : '';
}

function vizXml(viz: Viz | undefined): string {
  if (!viz) return '';
  let out = '';
  if (viz.size !== undefined) out += `<viz:size value="${viz.size}"/>`;
  if (viz.color)
    out += `<viz:color r="${viz.color.r}" g="${viz.color.g}" b="${viz.color.b}"${viz.color.a === undefined ? '' : ` a="${viz.color.a}"`}/>`;
  if (viz.x !== undefined || viz.y !== undefined || viz.z !== undefined) {
    out += `<viz:position${(['x', 'y', 'z'] as const).map((k) => (viz[k] === undefined ? '' : ` ${k}="${viz[k]}"`)).join('')}/>`;
  }
  return out;
}

/** Writes GEXF 1.3 (what Gephi reads today). Declared types are kept (GraphML `int` becomes `integer`). */
export function serialiseGexf(doc: GraphDoc): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
  ];
  const { lastmodifieddate, ...rest } = doc.meta;
  const metaItems = Object.entries(rest)
    .map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>`)
    .join('');
  if (lastmodifieddate !== undefined || metaItems)
    out.push(
      `<meta${lastmodifieddate === undefined ? '' : ` lastmodifieddate="${xmlEscape(lastmodifieddate)}"`}>${metaItems}</meta>`,
    );
  out.push(`<graph defaultedgetype="${doc.directed ? 'directed' : 'undirected'}" mode="static">`);
  out.push(declXml(doc.nodeAttrs, 'node'), declXml(doc.edgeAttrs, 'edge'));
  out.push('<nodes>');
  for (const n of doc.nodes) {
    out.push(
      `<node id="${xmlEscape(n.id)}"${n.label === undefined ? '' : ` label="${xmlEscape(n.label)}"`}>${valuesXml(n.attributes, doc.nodeAttrs)}${vizXml(n.viz)}</node>`,
    );
  }
  out.push('</nodes>', '<edges>');
  for (const e of doc.edges) {
    const parts = [
      e.id === undefined ? '' : ` id="${xmlEscape(e.id)}"`,
      ` source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}"`,
    ];
    if (e.label !== undefined) parts.push(` label="${xmlEscape(e.label)}"`);
    if (e.directed !== undefined) parts.push(` type="${e.directed ? 'directed' : 'undirected'}"`);
    if (e.weight !== undefined) parts.push(` weight="${e.weight}"`);
    out.push(`<edge${parts.join('')}>${valuesXml(e.attributes, doc.edgeAttrs)}</edge>`);
  }
  out.push('</edges>', '</graph>', '</gexf>');
  return out.filter(Boolean).join('\n');
}
