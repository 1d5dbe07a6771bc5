/**
 * The chart as a picture for a report: PNG from sigma's own layers (drawn again first, so the
 * WebGL buffers hold the frame), SVG written from the nodes' and links' places on screen. Both
 * are made in the page and saved as a file; nothing leaves the browser.
 */
import type { MultiDirectedGraph } from 'graphology';
import type Sigma from 'sigma';
import { movingFrameOf } from './movingFrame.ts';

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function pngOf(renderer: Sigma): HTMLCanvasElement {
  const { width, height } = renderer.getDimensions();
  const out = document.createElement('canvas');
  const ratio = window.devicePixelRatio || 1;
  out.width = width * ratio;
  out.height = height * ratio;
  const ctx = out.getContext('2d');
  if (!ctx) return out;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  // A chart caught moving is drawn in full first, so the export is the graph, not the moving bitmap.
  movingFrameOf(renderer)?.settle();
  renderer.refresh();
  for (const layer of ['edges', 'edgeLabels', 'nodes', 'labels', 'hovers', 'hoverNodes']) {
    const c = renderer.getCanvases()[layer];
    if (c) ctx.drawImage(c, 0, 0, out.width, out.height);
  }
  return out;
}

export function savePng(renderer: Sigma, name: string): void {
  pngOf(renderer).toBlob((b) => b && save(b, name), 'image/png');
}

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

export function svgOf(renderer: Sigma, graph: MultiDirectedGraph): string {
  const { width, height } = renderer.getDimensions();
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  const pos = new Map<string, { x: number; y: number; size: number; color: string; label: string }>();
  graph.forEachNode((id) => {
    const d = renderer.getNodeDisplayData(id);
    if (!d || d.hidden) return;
    const p = renderer.graphToViewport({ x: d.x, y: d.y });
    pos.set(id, { x: p.x, y: p.y, size: renderer.scaleSize(d.size), color: d.color, label: d.label ?? '' });
  });
  graph.forEachEdge((_e, a, s, t) => {
    const ps = pos.get(s);
    const pt = pos.get(t);
    if (!ps || !pt) return;
    parts.push(
      `<line x1="${ps.x.toFixed(1)}" y1="${ps.y.toFixed(1)}" x2="${pt.x.toFixed(1)}" y2="${pt.y.toFixed(1)}" stroke="${esc(String(a.color ?? '#9aa3ad'))}" stroke-width="1" marker-end="url(#arrow)"/>`,
    );
  });
  parts.splice(
    2,
    0,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#6b7280"/></marker></defs>',
  );
  for (const p of pos.values()) {
    parts.push(
      `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${Math.max(2, p.size).toFixed(1)}" fill="${esc(p.color)}"/>`,
    );
    if (p.label)
      parts.push(
        `<text x="${(p.x + p.size + 2).toFixed(1)}" y="${(p.y + 4).toFixed(1)}" font-size="11" fill="#111827">${esc(p.label)}</text>`,
      );
  }
  parts.push('</svg>');
  return parts.join('\n');
}

export function saveSvg(renderer: Sigma, graph: MultiDirectedGraph, name: string): void {
  save(new Blob([svgOf(renderer, graph)], { type: 'image/svg+xml' }), name);
}
