/**
 * A graph document as the exchange formats carry it (GraphML, GEXF): typed attribute
 * declarations, nodes and edges with their attribute values, and — for GEXF — the `viz`
 * position, size and colour Gephi writes. Kept close to the files so that reading and writing
 * back gives the same document; turning it into a chart is done elsewhere (chart.ts).
 */

export type AttrValue = string | number | boolean;

/**
 * A declared attribute. `type` is the format's own type name (GraphML `int`, `double`…; GEXF
 * `integer`, `float`…) so a document written back declares exactly what it read.
 */
export interface AttrDef {
  id: string;
  title: string;
  type: string;
  default?: AttrValue | undefined;
}

export interface Colour {
  r: number;
  g: number;
  b: number;
  a?: number | undefined;
}

export interface Viz {
  x?: number | undefined;
  y?: number | undefined;
  z?: number | undefined;
  size?: number | undefined;
  color?: Colour | undefined;
}

export interface GraphNode {
  id: string;
  /** GEXF's node label; GraphML keeps labels in an attribute. */
  label?: string | undefined;
  attributes: Record<string, AttrValue>;
  viz?: Viz | undefined;
}

export interface GraphEdge {
  id?: string | undefined;
  source: string;
  target: string;
  label?: string | undefined;
  /** Set when the edge says so itself (GraphML `directed`, GEXF `type`). */
  directed?: boolean | undefined;
  /** GEXF's edge weight; GraphML keeps weights in an attribute. */
  weight?: number | undefined;
  attributes: Record<string, AttrValue>;
}

export interface GraphDoc {
  directed: boolean;
  /** GEXF `<meta>` children (creator, title, description…) and `lastmodifieddate`. */
  meta: Record<string, string>;
  nodeAttrs: AttrDef[];
  edgeAttrs: AttrDef[];
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const NUMERIC = new Set(['int', 'integer', 'long', 'float', 'double', 'short', 'byte']);
const INTEGER = new Set(['int', 'integer', 'long', 'short', 'byte']);

export const isNumericType = (type: string): boolean => NUMERIC.has(type);
export const isIntegerType = (type: string): boolean => INTEGER.has(type);

/**
 * Reads a value written in a file as its declared type; `where` names the place for the error.
 * Returns an error message instead of throwing so the parsers can add the line.
 */
export function readValue(type: string, raw: string): AttrValue | { error: string } {
  if (NUMERIC.has(type)) {
    const n = Number(raw.trim());
    if (raw.trim() === '' || !Number.isFinite(n)) return { error: `"${raw.slice(0, 40)}" is not a number (${type})` };
    if (INTEGER.has(type) && !Number.isInteger(n))
      return { error: `"${raw.slice(0, 40)}" is not a whole number (${type})` };
    return n;
  }
  if (type === 'boolean') {
    const v = raw.trim().toLowerCase();
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    return { error: `"${raw.slice(0, 40)}" is not true or false` };
  }
  return raw;
}

export const writeValue = (v: AttrValue): string =>
  typeof v === 'number' ? String(v) : typeof v === 'boolean' ? (v ? 'true' : 'false') : v;

/** Escapes text for an XML attribute or element; control characters the parser would fold are kept as references. */
export function xmlEscape(s: string): string {
  return s.replace(
    /[&<>"'\t\n\r]/g,
    (c) =>
      `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos', '\t': '#9', '\n': '#10', '\r': '#13' }[c] ?? ''};`,
  );
}
