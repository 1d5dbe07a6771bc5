/**
 * The sigma.js (WebGL) view of a graphology graph: drawn nodes coloured by type or community,
 * links as arrows with labels, the highlighted path and the selection brought forward, nodes
 * dragged to a new place (and pinned there). While the camera moves the last full frame is
 * moved as one bitmap (graph/movingFrame.ts). The renderer is rebuilt when the graph object
 * changes; highlight changes only refresh it.
 */
import { useEffect, useRef } from 'react';
import type { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { nonOverlappingLabels } from '../graph/labels.ts';
import { attachMovingFrame } from '../graph/movingFrame.ts';
import { chartRendererSettings } from '../graph/rendererSettings.ts';

export interface Highlight {
  /** Node ids on the highlighted path, in order. */
  path: readonly string[];
  /** Edge ids on the highlighted path. */
  pathEdges: ReadonlySet<string>;
  selected: string | null;
}

interface Props {
  graph: MultiDirectedGraph;
  highlight: Highlight;
  onSelect: (id: string) => void;
  onMoved: (id: string, x: number, y: number) => void;
  onRenderer?: (renderer: Sigma | null) => void;
  label: string;
}

const DIM = '#d5d9df';
/** The largest money edges (by their largest sum) always show their sums, where labels do not collide. */
const MONEY_LABELS = 12;

function largestMoneyEdges(graph: MultiDirectedGraph): Set<string> {
  const sums: [string, number][] = [];
  graph.forEachEdge((id, a) => {
    if (a.kind === 'money') sums.push([id, Number(a.size)]);
  });
  return new Set(
    sums
      .sort((x, y) => y[1] - x[1])
      .slice(0, MONEY_LABELS)
      .map(([id]) => id),
  );
}

export function ChartCanvas({ graph, highlight, onSelect, onMoved, onRenderer, label }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const renderer = useRef<Sigma | null>(null);
  const hl = useRef(highlight);
  const handlers = useRef({ onSelect, onMoved });
  handlers.current = { onSelect, onMoved };

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const pathNodes = () => new Set(hl.current.path);
    const moneyLabels = largestMoneyEdges(graph);
    const labels = nonOverlappingLabels();
    const sigma = new Sigma(graph, el, {
      ...chartRendererSettings(graph.order),
      zIndex: true,
      defaultDrawNodeLabel: labels.node,
      defaultDrawEdgeLabel: labels.edge,
      allowInvalidContainer: true,
      nodeReducer: (node, data) => {
        const { path, selected } = hl.current;
        const out = { ...data };
        if (node === selected) Object.assign(out, { highlighted: true, zIndex: 2, forceLabel: true });
        if (path.length) {
          if (pathNodes().has(node)) Object.assign(out, { highlighted: true, zIndex: 2, forceLabel: true });
          else Object.assign(out, { color: DIM, label: '', zIndex: 0 });
        }
        return out;
      },
      edgeReducer: (edge, data) => {
        const { path, pathEdges } = hl.current;
        // Sums on money edges are what a chart is read for: the largest always written.
        if (!path.length) return moneyLabels.has(edge) ? { ...data, forceLabel: true } : data;
        return pathEdges.has(edge)
          ? { ...data, color: '#c2410c', size: 4, zIndex: 2, forceLabel: true }
          : { ...data, color: DIM, label: '', zIndex: 0 };
      },
    });
    sigma.on('beforeRender', labels.reset);
    const moving = attachMovingFrame(sigma);
    renderer.current = sigma;
    onRenderer?.(sigma);
    let dragged: string | null = null;
    sigma.on('clickNode', ({ node }) => handlers.current.onSelect(node));
    sigma.on('downNode', ({ node }) => {
      dragged = node;
      graph.setNodeAttribute(node, 'highlighted', true);
    });
    sigma.getMouseCaptor().on('mousemovebody', (e) => {
      if (!dragged) return;
      const p = sigma.viewportToGraph(e);
      graph.mergeNodeAttributes(dragged, { x: p.x, y: p.y });
      e.preventSigmaDefault();
      e.original.preventDefault();
      e.original.stopPropagation();
    });
    const drop = () => {
      if (!dragged) return;
      const a = graph.getNodeAttributes(dragged);
      graph.setNodeAttribute(dragged, 'highlighted', false);
      handlers.current.onMoved(dragged, Number(a.x), Number(a.y));
      dragged = null;
    };
    sigma.getMouseCaptor().on('mouseup', drop);
    return () => {
      onRenderer?.(null);
      renderer.current = null;
      moving.detach();
      sigma.kill();
    };
  }, [graph]);

  useEffect(() => {
    hl.current = highlight;
    renderer.current?.refresh({ skipIndexation: true });
  }, [highlight]);

  return <div ref={container} className="chart-canvas" role="img" aria-label={label} />;
}
