/**
 * The chart's connected parts: which nodes have no link at all (hidden by default, counted), and
 * a first placement that puts the largest connected part in the middle and the smaller ones
 * around it in order of size, each part on its own disc — so the chart opens on the network,
 * not on a ring of loose phones, and ForceAtlas2 starts from a picture that is already sorted.
 */
import type { CaseGraphOut } from '../../../../shared/contracts/views.ts';

/** Node ids grouped by connected part, largest first (ties by the smallest id, for stability). */
export function connectedParts(nodes: readonly string[], edges: readonly { source: string; target: string }[]) {
  const parent = new Map(nodes.map((id) => [id, id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    let y = x;
    while (y !== r) {
      const next = parent.get(y) ?? r;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  for (const e of edges) {
    if (!parent.has(e.source) || !parent.has(e.target)) continue;
    const a = find(e.source);
    const b = find(e.target);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const parts = new Map<string, string[]>();
  for (const id of nodes) {
    const r = find(id);
    const part = parts.get(r);
    if (part) part.push(id);
    else parts.set(r, [id]);
  }
  return [...parts.values()].sort((a, b) => b.length - a.length || (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/**
 * Nodes without any edge in the data, less those asked to stay (the focus, the selection, pinned
 * nodes): what the chart hides by default.
 */
export function isolatedNodes(data: CaseGraphOut, keep: ReadonlySet<string>): Set<string> {
  const touched = new Set<string>();
  for (const e of data.edges) {
    if (e.source === e.target) continue;
    touched.add(e.source);
    touched.add(e.target);
  }
  return new Set(data.nodes.filter((n) => !touched.has(n.id) && !keep.has(n.id)).map((n) => n.id));
}

/** Spacing between neighbouring nodes in the first placement (graph units). */
const SPACING = 12;

/**
 * Each part on a disc (sunflower spiral, radius ∝ √size), parts placed on a spiral outwards from
 * the centre in order of size: the largest in the middle.
 */
export function partPositions(parts: readonly (readonly string[])[]): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  const golden = Math.PI * (3 - Math.sqrt(5));
  let ring = 0;
  parts.forEach((ids, k) => {
    const r = SPACING * Math.sqrt(ids.length);
    // Centre of part k: the first at the origin, the others outward, never overlapping the first.
    const dist = k === 0 ? 0 : ring + r + SPACING * 2;
    if (k === 0) ring = r;
    const cx = k === 0 ? 0 : Math.cos(k * golden) * (dist + Math.sqrt(k) * SPACING * 4);
    const cy = k === 0 ? 0 : Math.sin(k * golden) * (dist + Math.sqrt(k) * SPACING * 4);
    ids.forEach((id, i) => {
      const rr = SPACING * Math.sqrt(i + 0.5);
      out.set(id, { x: cx + Math.cos(i * golden) * rr, y: cy + Math.sin(i * golden) * rr });
    });
  });
  return out;
}
