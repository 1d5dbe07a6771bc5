/**
 * sigma.js made to show, while the camera moves, the last full frame as one bitmap moved and
 * scaled instead of drawing the graph again, and to draw the graph in full once the camera has
 * been still for a moment.
 *
 * Why: where WebGL runs in software (SwiftShader on virtual desktops and laptops without a usable
 * GPU) a full frame of a 20,000-node chart costs hundreds of milliseconds, so panning stutters at
 * a few frames a second. Copying one bitmap of the viewport's size costs a few milliseconds
 * whatever the size of the chart. After settling, the full draw puts labels, hover and picking
 * back exactly where the graph is.
 *
 * How: sigma's render is wrapped on the instance (attachMovingFrame). Every full render is
 * composed, in the same task (while the WebGL drawing buffers are still valid), into one 2D
 * canvas with the camera it was drawn with. A camera update marks the
 * chart as moving; a render while moving draws that bitmap on an overlay canvas under the
 * mouse layer with the similarity transform that maps the old camera's viewport onto the new
 * one, and sigma's own layers are hidden. Areas the old frame did not cover stay empty until
 * the chart settles.
 */
import type Sigma from 'sigma';
import type { CameraState } from 'sigma/types';

/** The camera counts as settled after this long without an update. */
export const SETTLE_MS = 150;
/** Layers composed into the bitmap, bottom to top (sigma's own names); the mouse layer stays live. */
const DRAWN_LAYERS = ['edges', 'edgeLabels', 'nodes', 'labels', 'hovers', 'hoverNodes'] as const;

interface FrameState {
  snapshot: HTMLCanvasElement | null;
  /** The camera the snapshot was drawn with. */
  camera: CameraState | null;
  overlay: HTMLCanvasElement | null;
  moving: boolean;
  settleTimer: ReturnType<typeof setTimeout> | null;
  /** What the last moving frame cost to compose (ms), for the page's diagnostics. */
  lastMovingFrameMs: number;
}

/** sigma's render, which its typings keep private; replaced on the instance by attachMovingFrame. */
type Renderable = { render: () => Sigma };

/** The moving-frame behaviour of one sigma instance. */
export interface MovingFrame {
  /** True between the first camera update of a gesture and the full draw after it. */
  isMoving(): boolean;
  /** Ends the moving phase now: sigma's layers come back and the graph is drawn in full. */
  settle(): void;
  /** The overlay canvas (null before the first move), for tests and the benchmark. */
  movingCanvas(): HTMLCanvasElement | null;
  /** What the last moving frame cost to compose (ms). */
  lastMovingFrameMs(): number;
  detach(): void;
}

const attached = new WeakMap<Sigma, MovingFrame>();

/** The moving frame attached to a renderer, if any (an export settles it first). */
export const movingFrameOf = (sigma: Sigma): MovingFrame | undefined => attached.get(sigma);

/**
 * Attaches to a renderer just built (in the same task, so that its first frame is still in the
 * WebGL buffers and becomes the first bitmap).
 */
export function attachMovingFrame(sigma: Sigma): MovingFrame {
  const s: FrameState = {
    snapshot: null,
    camera: null,
    overlay: null,
    moving: false,
    settleTimer: null,
    lastMovingFrameMs: 0,
  };
  const target = sigma as unknown as Renderable;
  const fullRender = target.render.bind(sigma);
  const layers = (): HTMLCanvasElement[] => {
    const all = sigma.getCanvases();
    return DRAWN_LAYERS.map((k) => all[k]).filter((c): c is HTMLCanvasElement => !!c);
  };
  const showLayers = (show: boolean) => {
    for (const c of layers()) c.style.visibility = show ? '' : 'hidden';
    if (s.overlay) s.overlay.style.visibility = show ? 'hidden' : '';
  };
  const takeSnapshot = () => {
    const ls = layers();
    const first = ls[0];
    if (!first || !first.width || !first.height) return;
    const snap = s.snapshot ?? document.createElement('canvas');
    if (snap.width !== first.width || snap.height !== first.height) {
      snap.width = first.width;
      snap.height = first.height;
    }
    const ctx = snap.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, snap.width, snap.height);
    for (const c of ls) if (c.width && c.height) ctx.drawImage(c, 0, 0, snap.width, snap.height);
    s.snapshot = snap;
    s.camera = sigma.getCamera().getState();
  };
  const render = (): Sigma => {
    if (s.moving && s.snapshot && s.camera) {
      const t0 = performance.now();
      drawMoving(sigma, s, showLayers);
      s.lastMovingFrameMs = performance.now() - t0;
      return sigma;
    }
    fullRender();
    showLayers(true);
    takeSnapshot();
    return sigma;
  };
  const settle = () => {
    if (s.settleTimer) clearTimeout(s.settleTimer);
    s.settleTimer = null;
    if (!s.moving) return;
    s.moving = false;
    render();
  };
  const cameraMoved = () => {
    if (!s.snapshot) return;
    s.moving = true;
    if (s.settleTimer) clearTimeout(s.settleTimer);
    s.settleTimer = setTimeout(settle, SETTLE_MS);
  };
  target.render = render;
  sigma.getCamera().on('updated', cameraMoved);
  takeSnapshot();
  const frame: MovingFrame = {
    isMoving: () => s.moving,
    settle,
    movingCanvas: () => s.overlay,
    lastMovingFrameMs: () => s.lastMovingFrameMs,
    detach: () => {
      if (s.settleTimer) clearTimeout(s.settleTimer);
      sigma.getCamera().removeListener('updated', cameraMoved);
      target.render = fullRender;
      s.overlay?.remove();
      showLayers(true);
      attached.delete(sigma);
    },
  };
  attached.set(sigma, frame);
  return frame;
}

function overlayFor(sigma: Sigma, s: FrameState, like: HTMLCanvasElement): HTMLCanvasElement {
  let o = s.overlay;
  if (!o) {
    o = document.createElement('canvas');
    o.className = 'sigma-moving-frame';
    o.style.position = 'absolute';
    o.style.inset = '0';
    o.style.pointerEvents = 'none';
    sigma.getContainer().insertBefore(o, sigma.getCanvases().mouse ?? null);
    s.overlay = o;
  }
  if (o.width !== like.width || o.height !== like.height) {
    o.width = like.width;
    o.height = like.height;
  }
  const css = sigma.getDimensions();
  o.style.width = `${css.width}px`;
  o.style.height = `${css.height}px`;
  return o;
}

/**
 * The old frame mapped onto the new viewport: viewport positions of two graph points under the
 * old and the new camera give the similarity (scale, rotation, shift) as a complex a·z + b.
 */
function drawMoving(sigma: Sigma, s: FrameState, showLayers: (show: boolean) => void): void {
  const snap = s.snapshot;
  const old = s.camera;
  if (!snap || !old) return;
  const o = overlayFor(sigma, s, snap);
  const ctx = o.getContext('2d');
  if (!ctx) return;
  const now = sigma.getCamera().getState();
  const p0 = { x: 0, y: 0 };
  const p1 = { x: 1, y: 0 };
  const z0 = sigma.framedGraphToViewport(p0, { cameraState: old });
  const z1 = sigma.framedGraphToViewport(p1, { cameraState: old });
  const w0 = sigma.framedGraphToViewport(p0, { cameraState: now });
  const w1 = sigma.framedGraphToViewport(p1, { cameraState: now });
  const dz = { re: z1.x - z0.x, im: z1.y - z0.y };
  const dw = { re: w1.x - w0.x, im: w1.y - w0.y };
  const den = dz.re * dz.re + dz.im * dz.im || 1;
  const a = { re: (dw.re * dz.re + dw.im * dz.im) / den, im: (dw.im * dz.re - dw.re * dz.im) / den };
  const b = { re: w0.x - (a.re * z0.x - a.im * z0.y), im: w0.y - (a.re * z0.y + a.im * z0.x) };
  const px = snap.width / Math.max(1, sigma.getDimensions().width);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, o.width, o.height);
  // Smoothing only while shrinking or mildly enlarging; beyond 2× it would only blur.
  ctx.imageSmoothingEnabled = a.re * a.re + a.im * a.im < 4;
  // In device pixels: the similarity's linear part is unchanged, its shift scaled.
  ctx.setTransform(a.re, a.im, -a.im, a.re, b.re * px, b.im * px);
  ctx.drawImage(snap, 0, 0);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  showLayers(false);
}
