/**
 * Labels that do not collide. sigma's label grid keeps at most a few labels per grid cell (the
 * largest node's first), but a long name in one cell still runs over the next cell's. Here each
 * label drawn in a frame claims its box; a later label whose box meets a claimed one is not
 * drawn. Forced labels (the selection, a highlighted path) are drawn whatever they meet, and
 * sigma draws them last, so they are added over the others. Names get a white halo so that they
 * stay legible over edges. Edge labels (sums on money edges, kinds of links) claim boxes too.
 */
import { drawStraightEdgeLabel } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData, NodeDisplayData, PartialButFor } from 'sigma/types';

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

type NodeLabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>;
type EdgeLabelData = PartialButFor<EdgeDisplayData, 'label' | 'color' | 'size'>;
type EdgeEndData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size'>;

const meets = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export interface LabelDrawer {
  node: (context: CanvasRenderingContext2D, data: NodeLabelData, settings: Settings) => void;
  edge: (
    context: CanvasRenderingContext2D,
    edge: EdgeLabelData,
    source: EdgeEndData,
    target: EdgeEndData,
    settings: Settings,
  ) => void;
  /** Starts a frame: nothing is claimed. */
  reset: () => void;
}

/** Space kept around each label (px). */
const GAP = 2;

export function nonOverlappingLabels(): LabelDrawer {
  let claimed: Box[] = [];
  const free = (b: Box) => !claimed.some((c) => meets(b, c));
  return {
    reset: () => {
      claimed = [];
    },
    node: (context, data, settings) => {
      if (!data.label) return;
      const size = settings.labelSize;
      context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
      const x = data.x + data.size + 3;
      const y = data.y + size / 3;
      const w = context.measureText(data.label).width;
      const box = { x0: x - GAP, y0: y - size - GAP, x1: x + w + GAP, y1: y + size / 3 + GAP };
      if (!data.forceLabel && !free(box)) return;
      claimed.push(box);
      context.lineWidth = 3;
      context.lineJoin = 'round';
      context.strokeStyle = 'rgba(255, 255, 255, 0.9)';
      context.strokeText(data.label, x, y);
      context.fillStyle = settings.labelColor.color ?? '#000';
      context.fillText(data.label, x, y);
    },
    edge: (context, edge, source, target, settings) => {
      if (!edge.label) return;
      const size = settings.edgeLabelSize;
      context.font = `${settings.edgeLabelWeight} ${size}px ${settings.edgeLabelFont}`;
      const w = Math.min(context.measureText(edge.label).width, Math.hypot(target.x - source.x, target.y - source.y));
      const angle = Math.atan2(target.y - source.y, target.x - source.x);
      // The rotated label's bounding box around the edge's middle.
      const hw = (Math.abs(Math.cos(angle)) * w + Math.abs(Math.sin(angle)) * size) / 2;
      const hh = (Math.abs(Math.sin(angle)) * w + Math.abs(Math.cos(angle)) * size) / 2;
      const mx = (source.x + target.x) / 2;
      const my = (source.y + target.y) / 2;
      const box = { x0: mx - hw - GAP, y0: my - hh - GAP, x1: mx + hw + GAP, y1: my + hh + GAP };
      if (!free(box)) return;
      claimed.push(box);
      drawStraightEdgeLabel(context, edge, source, target, settings);
    },
  };
}
