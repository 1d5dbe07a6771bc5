/**
 * A flow diagram's layout, small and dependency-free: parties in columns by how far the money
 * has travelled (payers that receive nothing on the left), each node as tall as the larger of
 * its money in and out, each band as wide as its amount. Money often goes round in circles
 * (a sweep back to a funnel account): an edge that would close a cycle is drawn as an arc and
 * does not push its target right.
 */
export interface LayoutEdge {
  from: string;
  to: string;
  amountMinor: number;
}

export interface LaidNode {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  labelLeft: boolean;
}

export interface LaidLink<E extends LayoutEdge> {
  edge: E;
  path: string;
  width: number;
  labelX: number;
  labelY: number;
}

const NODE_W = 12;
const GAP = 14;
const MAX_BAND = 40;
/** Thin flows stay thick enough for their amount to be written beside them. */
const MIN_BAND = 11;
const MAX_COLUMNS = 6;

export function layoutFlows<E extends LayoutEdge>(
  edges: readonly E[],
  width: number,
): { nodes: LaidNode[]; links: LaidLink<E>[]; height: number } {
  const ids = [...new Set(edges.flatMap((e) => [e.from, e.to]))];
  const col = new Map(ids.map((id) => [id, 0]));
  const out = new Map<string, E[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  // Longest path from the sources along edges that keep the order acyclic (DFS back edges skipped).
  const state = new Map<string, 1 | 2>();
  const back = new Set<E>();
  const visit = (id: string) => {
    state.set(id, 1);
    for (const e of out.get(id) ?? []) {
      const s = state.get(e.to);
      if (s === 1) back.add(e);
      else if (!s) visit(e.to);
    }
    state.set(id, 2);
  };
  const incoming = new Set(edges.map((e) => e.to));
  for (const id of [...ids.filter((i) => !incoming.has(i)), ...ids]) if (!state.has(id)) visit(id);
  for (let round = 0; round < ids.length; round++) {
    let changed = false;
    for (const e of edges) {
      if (back.has(e) || e.from === e.to) continue;
      const next = Math.min(MAX_COLUMNS - 1, (col.get(e.from) ?? 0) + 1);
      if ((col.get(e.to) ?? 0) < next) {
        col.set(e.to, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const max = Math.max(1, ...edges.map((e) => e.amountMinor));
  const band = (a: number) => Math.max(MIN_BAND, (a / max) * MAX_BAND);
  const inSum = new Map<string, number>();
  const outSum = new Map<string, number>();
  for (const e of edges) {
    inSum.set(e.to, (inSum.get(e.to) ?? 0) + band(e.amountMinor));
    outSum.set(e.from, (outSum.get(e.from) ?? 0) + band(e.amountMinor));
  }
  const columns = Math.max(1, ...[...col.values()].map((c) => c + 1));
  const margin = 170;
  const step = columns > 1 ? (width - 2 * margin - NODE_W) / (columns - 1) : 0;
  const nodes = new Map<string, LaidNode>();
  let height = 40;
  for (let c = 0; c < columns; c++) {
    let y = 20;
    const inCol = ids
      .filter((id) => col.get(id) === c)
      .sort(
        (a, b) => Math.max(inSum.get(b) ?? 0, outSum.get(b) ?? 0) - Math.max(inSum.get(a) ?? 0, outSum.get(a) ?? 0),
      );
    for (const id of inCol) {
      const h = Math.max(6, inSum.get(id) ?? 0, outSum.get(id) ?? 0);
      nodes.set(id, { id, x: margin + c * step, y, w: NODE_W, h, labelLeft: c === 0 });
      y += h + GAP;
    }
    height = Math.max(height, y + 20);
  }
  // Bands leave and enter each node stacked from the top, in the order of the edges (largest first).
  const outOff = new Map<string, number>();
  const inOff = new Map<string, number>();
  const links: LaidLink<E>[] = [];
  for (const e of edges) {
    const a = nodes.get(e.from);
    const b = nodes.get(e.to);
    if (!a || !b) continue;
    const w = band(e.amountMinor);
    const y1 = a.y + (outOff.get(e.from) ?? 0) + w / 2;
    const y2 = b.y + (inOff.get(e.to) ?? 0) + w / 2;
    outOff.set(e.from, (outOff.get(e.from) ?? 0) + w);
    inOff.set(e.to, (inOff.get(e.to) ?? 0) + w);
    const x1 = a.x + a.w;
    const x2 = b.x;
    let path: string;
    let labelX: number;
    let labelY: number;
    if (x2 > x1) {
      const mx = (x1 + x2) / 2;
      path = `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
      // Written just before the payee, where the bands are stacked apart, not where they cross.
      labelX = x2 - 50;
      labelY = y2 + 3;
    } else {
      // Backwards or within a column: an arc below both nodes.
      const low = Math.max(a.y + a.h, b.y + b.h) + 30;
      path = `M${x1},${y1} C${x1 + 60},${low} ${x2 - 60},${low} ${x2},${y2}`;
      labelX = (x1 + x2) / 2;
      labelY = low - 8;
      height = Math.max(height, low + 20);
    }
    links.push({ edge: e, path, width: w, labelX, labelY });
  }
  return { nodes: [...nodes.values()], links, height };
}
