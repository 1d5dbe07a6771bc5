/**
 * The renderer benchmark's page: the same random graph (n nodes, ~3 edges per node, fixed
 * positions) drawn by sigma.js (WebGL) or cytoscape.js (canvas), then panned and zoomed frame by
 * frame. Each frame is drawn synchronously and the GPU made to finish it before the clock stops
 * (gl.finish + readPixels for WebGL, getImageData for canvas), so both are timed the same way.
 * After each timed frame (untimed) the pixels it left on the visible canvases are counted. Frames
 * follow each other without yielding to the browser: letting animation frames run between them
 * made cytoscape.js's as-shipped frames over ten times slower (its layer cache rebuilding), so
 * the baseline gets the faster of the two.
 */
import cytoscape from 'cytoscape';
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { attachMovingFrame } from '../../src/web/features/views/graph/movingFrame.ts';
import { chartRendererSettings } from '../../src/web/features/views/graph/rendererSettings.ts';

interface Result {
  library: string;
  nodes: number;
  edges: number;
  setupMs: number;
  frames: number[];
  /** Pixels each timed frame left on the visible canvases (alpha > 0). */
  inkedPerFrame: number[];
  /** sigma.js: full redraws when the camera settled (ms). */
  settleFrames?: number[];
  finished: boolean;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/**
 * Nodes on a square, each linked to ~3 others, mostly near it: a laid-out chart is clustered,
 * not random. Node i sits in row-major order on a jittered grid, so its index neighbours
 * (i+1 … i+50) are its spatial neighbours; one link in five goes anywhere.
 */
function makeGraph(n: number) {
  const r = rng(42);
  const cols = Math.ceil(Math.sqrt(n));
  const cell = 1000 / cols;
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    x: ((i % cols) + r()) * cell - 500,
    y: (Math.floor(i / cols) + r()) * cell - 500,
  }));
  const edges: [number, number][] = [];
  for (let i = 0; i < n * 3; i++) {
    const a = Math.floor(r() * n);
    const b = r() < 0.8 ? (a + 1 + Math.floor(r() * 50)) % n : Math.floor(r() * n);
    if (a !== b) edges.push([a, b]);
  }
  return { nodes, edges };
}

/** Pixels the last frame inked per visible canvas (a check that frames were really drawn). */
let inked: number[] = [];

const visible = (c: HTMLCanvasElement) => c.style.visibility !== 'hidden' && c.style.display !== 'none';

/** Pixels with any alpha on one canvas, 2D or WebGL (WebGL read in the task that drew it). */
function inkOf(c: HTMLCanvasElement): number {
  let d: Uint8Array | Uint8ClampedArray | undefined;
  const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext | null;
  if (gl) {
    d = new Uint8Array(c.width * c.height * 4);
    gl.readPixels(0, 0, c.width, c.height, gl.RGBA, gl.UNSIGNED_BYTE, d);
  } else d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
  let k = 0;
  if (d) for (let i = 3; i < d.length; i += 4) if ((d[i] ?? 0) > 0) k++;
  return k;
}

/** Both libraries draw the same picture: nodes 4 px across, edges 1 px wide with arrow heads. */
const NODE_RADIUS_PX = 2;
const EDGE_WIDTH_PX = 1;

/** What each side is asked to draw, printed with the figures. */
const SETTINGS = {
  sigma:
    "the chart page's renderer: while the camera moves the last full frame is moved as one bitmap, drawn in full on settling; nodes as point sprites, edges as flat triangle arrows (1 px), node picking layer on, edge events off, no labels in this graph",
  cytoscape:
    'straight edges with triangle arrows (1 px), textureOnViewport/hideEdgesOnViewport/motionBlur off, pixelRatio 1, no labels; run twice: as shipped (its layered bitmap cache blits pre-rendered images while the viewport moves) and with every element redrawn each frame (like for like with sigma.js)',
};

const stage = () => document.getElementById('stage') as HTMLDivElement;

/** The camera path: pan in a circle while zooming in and out. */
const cameraAt = (i: number) => ({
  dx: Math.cos(i / 5) * 0.2,
  dy: Math.sin(i / 5) * 0.2,
  zoom: 1 + 0.5 * Math.sin(i / 7),
});

interface CyRenderer {
  render: (o?: unknown) => void;
  redrawHint: (g: string, b: boolean) => void;
  drawElements: (context: CanvasRenderingContext2D, eles: unknown) => void;
  drawLayeredElements: (context: CanvasRenderingContext2D, eles: unknown) => void;
}

function finishWebgl(canvases: Record<string, HTMLCanvasElement>): void {
  const px = new Uint8Array(4);
  for (const c of Object.values(canvases)) {
    const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) continue;
    gl.finish();
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
  }
}

async function runSigma(n: number, maxFrames: number, budgetMs: number): Promise<Result> {
  const { nodes, edges } = makeGraph(n);
  const t0 = performance.now();
  const g = new MultiDirectedGraph();
  for (const v of nodes) g.addNode(v.id, { x: v.x, y: v.y, size: NODE_RADIUS_PX, color: '#1d5fbf' });
  edges.forEach(([a, b], i) =>
    g.addDirectedEdgeWithKey(`e${i}`, `n${a}`, `n${b}`, { size: EDGE_WIDTH_PX, color: '#8c95a1', type: 'arrow' }),
  );
  // The chart page's own renderer and settings (moving bitmap, programs, edge width, events, labels).
  const sigma = new Sigma(g, stage(), chartRendererSettings(g.order));
  const moving = attachMovingFrame(sigma);
  finishWebgl(sigma.getCanvases());
  const setupMs = performance.now() - t0;
  const canvases = () => [...stage().querySelectorAll('canvas')].filter(visible);
  const finish = () => {
    finishWebgl(sigma.getCanvases());
    moving.movingCanvas()?.getContext('2d')?.getImageData(0, 0, 1, 1);
  };
  const frames: number[] = [];
  const inkedPerFrame: number[] = [];
  const cam = sigma.getCamera();
  const start = performance.now();
  for (let i = 0; i < maxFrames && performance.now() - start < budgetMs; i++) {
    const c = cameraAt(i);
    const f0 = performance.now();
    cam.setState({ x: 0.5 + c.dx, y: 0.5 + c.dy, ratio: 1 / c.zoom });
    // what sigma runs on a camera change, now rather than next frame
    (sigma as unknown as { render: () => void }).render();
    finish();
    frames.push(performance.now() - f0);
    inked = canvases().map(inkOf);
    inkedPerFrame.push(inked.reduce((x, y) => x + y, 0));
  }
  // The full draw when the camera comes to rest, a few times (each after a small move).
  const settleFrames: number[] = [];
  for (let i = 0; i < 3; i++) {
    cam.setState({ x: 0.5 + i * 0.01, y: 0.5, ratio: 1 });
    const f0 = performance.now();
    moving.settle();
    finish();
    settleFrames.push(performance.now() - f0);
  }
  moving.detach();
  sigma.kill();
  return {
    library: 'sigma.js (WebGL)',
    nodes: n,
    edges: edges.length,
    setupMs,
    frames,
    inkedPerFrame,
    settleFrames,
    finished: frames.length >= maxFrames,
  };
}

/**
 * cytoscape.js by default draws a moving viewport from bitmaps: its layered texture cache renders
 * all elements into a few images per zoom level (powers of 2) and blits them scaled while the
 * viewport moves; images for a new zoom level are rendered later, in animation-frame callbacks
 * outside the timed frame. That is cytoscape's own "texture on viewport", not a redraw, and its
 * cost is not in the frame time. `redraw` replaces it with cytoscape's plain per-element drawing,
 * so each frame draws every visible node and edge, as sigma.js does.
 */
async function runCytoscape(n: number, maxFrames: number, budgetMs: number, redraw = false): Promise<Result> {
  const { nodes, edges } = makeGraph(n);
  const t0 = performance.now();
  const cy = cytoscape({
    container: stage(),
    elements: [
      ...nodes.map((v) => ({ data: { id: v.id }, position: { x: v.x, y: v.y } })),
      ...edges.map(([a, b], i) => ({ data: { id: `e${i}`, source: `n${a}`, target: `n${b}` } })),
    ],
    layout: { name: 'preset' },
    // The same picture as sigma's: 4 px round nodes, 1 px straight edges with a target arrow.
    style: [
      {
        selector: 'node',
        style: { width: 2 * NODE_RADIUS_PX, height: 2 * NODE_RADIUS_PX, 'background-color': '#1d5fbf' },
      },
      {
        selector: 'edge',
        style: {
          width: EDGE_WIDTH_PX,
          'line-color': '#8c95a1',
          'curve-style': 'straight',
          'target-arrow-shape': 'triangle',
          'target-arrow-color': '#8c95a1',
          'arrow-scale': 1,
        },
      },
    ],
    userZoomingEnabled: false,
    userPanningEnabled: false,
    // Every frame fully redrawn, as sigma does: no bitmap of the last frame reused while the
    // viewport moves, no edges hidden during it, no motion blur; 1 device pixel per CSS pixel.
    textureOnViewport: false,
    hideEdgesOnViewport: false,
    motionBlur: false,
    pixelRatio: 1,
  });
  // The renderer's own draw, called directly so each frame is drawn now, not at the next tick.
  const r = (cy as unknown as { renderer: () => CyRenderer }).renderer();
  if (redraw) r.drawLayeredElements = (context, eles) => r.drawElements(context, eles);
  const canvases = [...stage().querySelectorAll('canvas')];
  const finish = () => canvases.forEach((c) => c.getContext('2d')?.getImageData(0, 0, 1, 1));
  r.render();
  finish();
  const setupMs = performance.now() - t0;
  const frames: number[] = [];
  const inkedPerFrame: number[] = [];
  const start = performance.now();
  cy.fit();
  // A copy: cy.pan() hands out the renderer's own object, which each viewport change updates in
  // place, so the path would drift off the graph frame by frame.
  const base = { zoom: cy.zoom(), pan: { ...cy.pan() } };
  for (let i = 0; i < maxFrames && performance.now() - start < budgetMs; i++) {
    const c = cameraAt(i);
    const f0 = performance.now();
    cy.viewport({ zoom: base.zoom * c.zoom, pan: { x: base.pan.x + c.dx * 1200, y: base.pan.y + c.dy * 800 } });
    r.redrawHint('eles', true);
    r.redrawHint('drag', true);
    r.render();
    finish();
    frames.push(performance.now() - f0);
    inked = canvases.filter(visible).map(inkOf);
    inkedPerFrame.push(inked.reduce((x, y) => x + y, 0));
  }
  cy.destroy();
  return {
    library: redraw ? 'cytoscape.js (canvas, every element redrawn)' : 'cytoscape.js (canvas, default layer cache)',
    nodes: n,
    edges: edges.length,
    setupMs,
    frames,
    inkedPerFrame,
    finished: frames.length >= maxFrames,
  };
}

(window as unknown as { bench: unknown }).bench = {
  runSigma,
  runCytoscape,
  runCytoscapeRedrawn: (n: number, f: number, b: number) => runCytoscape(n, f, b, true),
  inked: () => inked,
  settings: SETTINGS,
};
document.body.dataset.ready = 'true';
