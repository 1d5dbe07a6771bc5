/**
 * How the link chart asks sigma.js to draw, in one place so the renderer benchmark measures
 * exactly what an analyst gets.
 *
 * Chosen for browsers that render WebGL in software (SwiftShader — virtual desktops and
 * machines without a usable GPU, common in police and ministry IT), where each instanced draw
 * is paid per instance and every pixel is filled on the CPU:
 * - nodes as point sprites (one vertex each, still round, still pickable) instead of sigma's
 *   instanced circle triangles (≈ 15× cheaper per node there), carrying their type's pictogram
 *   from a texture atlas (iconProgram.ts);
 * - edges as flat triangles (FlatArrowEdgeProgram) instead of sigma's instanced arrows;
 * - edges 1 px wide at the least instead of sigma's 1.7 px half-width (3.4 px), which in a dense
 *   chart more than doubled the pixels filled per frame;
 * - edge hover/click events off (they would add a second, full-size edge drawing per frame for
 *   picking); node picking stays.
 * Labels stay on, thinned by sigma's label grid (at most one label per cell of LABEL_CELL_PX,
 * the largest node's first: node size grows with its links, so key nodes are named first; the
 * selection and a highlighted path always) and the size threshold; edge labels only in small
 * charts, where they can be read.
 */
import type { Settings } from 'sigma/settings';
import { FlatArrowEdgeProgram } from './edgeProgram.ts';
import { NodeIconProgram } from './iconProgram.ts';

/** Above this many nodes edge labels are not drawn (unreadable, and costly on canvas). */
export const EDGE_LABELS_UP_TO = 1500;
/** Up to this many nodes every label is drawn; above it only those of nodes drawn large enough. */
export const ALL_LABELS_UP_TO = 300;
/** Label grid cell (CSS px): labels this far apart do not overlap at the usual caption lengths. */
const LABEL_CELL_PX = 160;
export function chartRendererSettings(order: number): Partial<Settings> {
  return {
    nodeProgramClasses: { circle: NodeIconProgram },
    edgeProgramClasses: { arrow: FlatArrowEdgeProgram },
    defaultNodeType: 'circle',
    defaultEdgeType: 'arrow',
    minEdgeThickness: 1,
    enableEdgeEvents: false,
    renderEdgeLabels: order <= EDGE_LABELS_UP_TO,
    // Big charts draw small discs (drawn.ts): their hubs are still named.
    labelRenderedSizeThreshold: order <= ALL_LABELS_UP_TO ? 0 : order <= 3000 ? 7 : 4,
    labelGridCellSize: LABEL_CELL_PX,
    labelDensity: order <= 100 ? 3 : order <= 1000 ? 0.8 : 0.5,
    labelSize: 13,
    edgeLabelSize: 12,
    edgeLabelColor: { color: '#1d3b26' },
    labelFont: 'system-ui, sans-serif',
    edgeLabelFont: 'system-ui, sans-serif',
  };
}
