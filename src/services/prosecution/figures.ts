/**
 * The report's figures, drawn as PDF vector graphics from the server's own data: the chain view
 * as columns of stages with the entities placed in them and the victims' flows between stages,
 * and a link chart at the positions it was saved with (or, without positions, in layers by
 * kind of entity). A simple drawing that prints well, not a copy of the screen.
 */
import { rgb } from 'pdf-lib';
import type { CaseGraphOut, ChainOut, ChartNodeOut } from '../../shared/contracts/views.ts';
import type { Figure, PdfWriter } from '../pdf/index.ts';

const INK = rgb(0.11, 0.14, 0.19);
const LINE = rgb(0.55, 0.6, 0.68);
const FILL: Record<string, ReturnType<typeof rgb>> = {
  suspect: rgb(0.98, 0.86, 0.84),
  victim: rgb(0.86, 0.92, 0.99),
  presumedVictim: rgb(0.86, 0.92, 0.99),
  Company: rgb(0.93, 0.93, 0.86),
  BankAccount: rgb(0.88, 0.96, 0.9),
  default: rgb(0.95, 0.95, 0.96),
};
const fillOf = (n: { schema: string; status?: string | null }) =>
  FILL[n.status ?? ''] ?? FILL[n.schema] ?? (FILL.default as ReturnType<typeof rgb>);

/**
 * A lane's name in at most two lines that fit the column: words wrapped, the size lowered step by
 * step until they fit — a stage's name is never cut (a reader cannot guess "accommodat…").
 */
function laneLines(g: Figure, label: string, width: number): { lines: string[]; size: number } {
  const words = label.split(/\s+/).filter(Boolean);
  for (let size = 7; size >= 4.5; size -= 0.5) {
    const lines: string[] = [];
    for (const w of words) {
      const last = lines[lines.length - 1];
      if (last !== undefined && g.measure(`${last} ${w}`, size, true) <= width) lines[lines.length - 1] = `${last} ${w}`;
      else lines.push(w);
    }
    if (lines.length <= 2 && lines.every((l) => g.measure(l, size, true) <= width)) return { lines, size };
  }
  return { lines: [label], size: 4.5 };
}

/** Words wrapped greedily into lines of `width` at `size`. */
function wrap(g: Figure, caption: string, width: number, size: number): string[] {
  const lines: string[] = [];
  for (const w of caption.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && g.measure(`${last} ${w}`, size) <= width) lines[lines.length - 1] = `${last} ${w}`;
    else lines.push(w);
  }
  return lines;
}

/**
 * A box's caption whole where it can be: two lines, the size lowered step by step, then three
 * small lines; only a caption longer than that is cut (with an ellipsis, by the label).
 */
function boxLines(g: Figure, caption: string, width: number): { lines: string[]; size: number } {
  const fits = (ls: string[], size: number) => ls.every((l) => g.measure(l, size) <= width);
  for (const size of [5.5, 5, 4.5]) {
    const ls = wrap(g, caption, width, size);
    if (ls.length <= 2 && fits(ls, size)) return { lines: ls, size };
  }
  const small = wrap(g, caption, width, 4.2);
  if (small.length <= 3 && fits(small, 4.2)) return { lines: small, size: 4.2 };
  const two = wrap(g, caption, width, 4.5);
  return { lines: two.length > 2 ? [two[0] ?? '', two.slice(1).join(' ')] : two, size: 4.5 };
}

/** Lanes as columns; each entity a box in its lane; arrows for the victims' flows between stages. */
export function drawChain(
  pdf: PdfWriter,
  chain: ChainOut,
  laneLabel: (lane: string) => string,
  more: (n: number) => string,
  maxPerLane = 14,
): void {
  const lanes = chain.lanes.filter((l) => chain.items.some((i) => i.lanes.some((x) => x.lane === l)));
  if (!lanes.length) return;
  const perLane = new Map(lanes.map((l) => [l, chain.items.filter((i) => i.lanes.some((x) => x.lane === l))]));
  const rows = Math.min(maxPerLane, Math.max(...[...perLane.values()].map((xs) => xs.length)));
  const flows = chain.flows.filter((f) => lanes.includes(f.from) && lanes.includes(f.to));
  const [head, pitch, box] = [24, 19, 16];
  const body = head + 6 + rows * pitch + 18;
  pdf.figure(body + 8 + flows.length * 12, (g: Figure) => {
    const colW = g.width / lanes.length;
    lanes.forEach((lane, c) => {
      const x = c * colW;
      g.rect(x + 2, 0, colW - 4, head, { fill: rgb(0.18, 0.36, 0.6) });
      const { lines, size } = laneLines(g, laneLabel(lane), colW - 8);
      const top = lines.length === 1 ? head / 2 + size / 2.8 : head / 2 - size * 0.25;
      lines.forEach((l, k) =>
        g.label(l, x + 4, top + k * size * 1.15, { size, bold: true, color: rgb(1, 1, 1), maxWidth: colW - 6 }),
      );
      const items = perLane.get(lane) ?? [];
      items.slice(0, rows).forEach((it, r) => {
        const y = head + 6 + r * pitch;
        g.rect(x + 3, y, colW - 6, box, { fill: fillOf(it), border: LINE, borderWidth: 0.4 });
        const { lines: ls, size } = boxLines(g, it.caption, colW - 12);
        const step = size * 1.16;
        const y0 = y + box / 2 - ((ls.length - 1) * step) / 2 + size / 2.8;
        ls.forEach((l, k) => g.label(l, x + 6, y0 + k * step, { size, maxWidth: colW - 12 }));
      });
      if (items.length > rows) {
        const { lines: ls, size } = boxLines(g, more(items.length - rows), colW - 8);
        ls.forEach((l, k) =>
          g.label(l, x + 6, head + 12 + rows * pitch + k * size * 1.16, { size, color: INK, maxWidth: colW - 8 }),
        );
      }
    });
    // One arrow per flow, each on its own line with the number of persons, so none hides another.
    flows.forEach((f, k) => {
      const a = lanes.indexOf(f.from);
      const b = lanes.indexOf(f.to);
      const y = body + 6 + k * 12;
      g.line(a * colW + colW / 2, y, b * colW + colW / 2, y, {
        color: rgb(0.7, 0.2, 0.2),
        thickness: Math.min(3, 0.6 + f.count / 4),
        arrow: true,
      });
      g.label(String(f.count), Math.min(a, b) * colW + colW / 2 - 10, y + 2.5, { size: 6.5, bold: true, color: INK });
    });
  });
}

/** Positions for a graph without saved ones: one row per kind of entity, persons first. */
function layered(nodes: readonly ChartNodeOut[]): Map<string, { x: number; y: number }> {
  const order = ['Person', 'Company', 'LegalEntity', 'BankAccount', 'Address', 'Phone', 'OnlineAd'];
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
  const kinds = [...new Set(nodes.map((n) => n.schema))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const out = new Map<string, { x: number; y: number }>();
  for (const [row, kind] of kinds.entries()) {
    const mine = nodes.filter((n) => n.schema === kind);
    mine.forEach((n, i) => out.set(n.id, { x: (i + 0.5) / mine.length, y: row }));
  }
  return out;
}

/** The chart at its saved positions scaled into the page, or layered by kind when it has none. */
export function drawChart(
  pdf: PdfWriter,
  graph: CaseGraphOut,
  saved: ReadonlyMap<string, { x: number; y: number }>,
): void {
  const pos = saved.size ? saved : layered(graph.nodes);
  const pts = graph.nodes.map((n) => pos.get(n.id)).filter((p): p is { x: number; y: number } => !!p);
  if (!pts.length) return;
  const [minX, maxX] = [Math.min(...pts.map((p) => p.x)), Math.max(...pts.map((p) => p.x))];
  const [minY, maxY] = [Math.min(...pts.map((p) => p.y)), Math.max(...pts.map((p) => p.y))];
  const height = Math.min(520, 120 + (saved.size ? 300 : (maxY - minY + 1) * 60));
  pdf.figure(height, (g) => {
    const sx = (x: number) => 40 + ((x - minX) / (maxX - minX || 1)) * (g.width - 80);
    const sy = (y: number) => 20 + ((y - minY) / (maxY - minY || 1)) * (g.height - 40);
    const at = new Map(
      graph.nodes.flatMap((n) => {
        const p = pos.get(n.id);
        return p ? [[n.id, { x: sx(p.x), y: sy(p.y) }] as const] : [];
      }),
    );
    for (const e of graph.edges) {
      const a = at.get(e.source);
      const b = at.get(e.target);
      if (a && b)
        g.line(a.x, a.y, b.x, b.y, {
          color: e.kind === 'money' ? rgb(0.2, 0.55, 0.3) : LINE,
          thickness: 0.5,
          arrow: true,
        });
    }
    const small = graph.nodes.length > 60;
    for (const n of graph.nodes) {
      const p = at.get(n.id);
      if (!p) continue;
      const r = small ? 2.5 : 4;
      g.rect(p.x - r, p.y - r, 2 * r, 2 * r, { fill: fillOf(n), border: INK, borderWidth: 0.4 });
      if (!small || n.schema === 'Person')
        g.label(n.caption, p.x + r + 1, p.y + 2, { size: small ? 4 : 5.5, maxWidth: 90 });
    }
  });
}
