/**
 * sigma.js that, while the camera moves, shows the last full frame as one bitmap moved and
 * scaled instead of drawing the graph again, and draws the graph in full once the camera has
 * been still for a moment.
 *
 * Why: where WebGL runs in software (SwiftShader on virtual desktops and laptops without a usable
 * GPU) a full frame of a 20,000-node chart costs hundreds of milliseconds, so panning stutters at
 * a few frames a second. Copying one bitmap of the viewport's size costs a few milliseconds
 * whatever the size of the chart. After settling, the full draw puts labels, hover and picking
 * back exactly where the graph is.
 *
 * How: every full render is composed, in the same task (while the WebGL drawing buffers are
 * still valid), into one 2D canvas with the camera it was drawn with. A camera update marks the
 * chart as moving; a render while moving draws that bitmap on an overlay canvas under the
 * mouse layer with the similarity transform that maps the old camera's viewport onto the new
 * one, and sigma's own layers are hidden. Areas the old frame did not cover stay empty until
 * the chart settles.
 */
import Sigma from 'sigma';
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

/** State kept outside the instance: sigma's constructor renders before subclass fields exist. */
const states = new WeakMap<MovingFrameSigma, FrameState>();

export class MovingFrameSigma extends Sigma {
  private frame(): FrameState {
    let s = states.get(this);
    if (!s) {
      s = { snapshot: null, camera: null, overlay: null, moving: false, settleTimer: null, lastMovingFrameMs: 0 };
      states.set(this, s);
      this.getCamera().on('updated', () => this.cameraMoved());
    }
    return s;
  }

  /** True between the first camera update of a gesture and the full draw after it. */
  isMoving(): boolean {
    return this.frame().moving;
  }

  private cameraMoved(): void {
    const s = this.frame();
    if (!s.snapshot) return;
    s.moving = true;
    if (s.settleTimer) clearTimeout(s.settleTimer);
    s.settleTimer = setTimeout(() => this.settle(), SETTLE_MS);
  }

  /** Ends the moving phase now: sigma's layers come back and the graph is drawn in full. */
  settle(): this {
    const s = this.frame();
    if (s.settleTimer) clearTimeout(s.settleTimer);
    s.settleTimer = null;
    if (!s.moving) return this;
    s.moving = false;
    return this.render();
  }

  override render(): this {
    const s = this.frame();
    if (s.moving && s.snapshot && s.camera) {
      const t0 = performance.now();
      this.drawMoving(s);
      s.lastMovingFrameMs = performance.now() - t0;
      this.emit('afterRender');
      return this;
    }
    super.render();
    this.showLayers(true);
    this.takeSnapshot(s);
    return this;
  }

  override kill(): void {
    const s = this.frame();
    if (s.settleTimer) clearTimeout(s.settleTimer);
    s.overlay?.remove();
    states.delete(this);
    super.kill();
  }

  /** The overlay canvas, for tests and the benchmark (null before the first move). */
  movingCanvas(): HTMLCanvasElement | null {
    return this.frame().overlay;
  }

  private layers(): HTMLCanvasElement[] {
    const all = this.getCanvases();
    return DRAWN_LAYERS.map((k) => all[k]).filter((c): c is HTMLCanvasElement => !!c);
  }

  private showLayers(show: boolean): void {
    for (const c of this.layers()) c.style.visibility = show ? '' : 'hidden';
    const overlay = states.get(this)?.overlay;
    if (overlay) overlay.style.visibility = show ? 'hidden' : '';
  }

  private takeSnapshot(s: FrameState): void {
    const layers = this.layers();
    const first = layers[0];
    if (!first || !first.width || !first.height) return;
    const snap = s.snapshot ?? document.createElement('canvas');
    if (snap.width !== first.width || snap.height !== first.height) {
      snap.width = first.width;
      snap.height = first.height;
    }
    const ctx = snap.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, snap.width, snap.height);
    for (const c of layers) if (c.width && c.height) ctx.drawImage(c, 0, 0, snap.width, snap.height);
    s.snapshot = snap;
    s.camera = this.getCamera().getState();
  }

  private overlayFor(s: FrameState, like: HTMLCanvasElement): HTMLCanvasElement {
    let o = s.overlay;
    if (!o) {
      o = document.createElement('canvas');
      o.className = 'sigma-moving-frame';
      o.style.position = 'absolute';
      o.style.inset = '0';
      o.style.pointerEvents = 'none';
      const mouse = this.getCanvases().mouse;
      this.getContainer().insertBefore(o, mouse ?? null);
      s.overlay = o;
    }
    if (o.width !== like.width || o.height !== like.height) {
      o.width = like.width;
      o.height = like.height;
    }
    o.style.width = like.style.width;
    o.style.height = like.style.height;
    return o;
  }

  /**
   * The old frame mapped onto the new viewport: viewport positions of two graph points under the
   * old and the new camera give the similarity (scale, rotation, shift) as a complex a·z + b.
   */
  private drawMoving(s: FrameState): void {
    const snap = s.snapshot;
    const old = s.camera;
    if (!snap || !old) return;
    const o = this.overlayFor(s, snap);
    const ctx = o.getContext('2d');
    if (!ctx) return;
    const now = this.getCamera().getState();
    const p0 = { x: 0, y: 0 };
    const p1 = { x: 1, y: 0 };
    const z0 = this.framedGraphToViewport(p0, { cameraState: old });
    const z1 = this.framedGraphToViewport(p1, { cameraState: old });
    const w0 = this.framedGraphToViewport(p0, { cameraState: now });
    const w1 = this.framedGraphToViewport(p1, { cameraState: now });
    const dz = { re: z1.x - z0.x, im: z1.y - z0.y };
    const dw = { re: w1.x - w0.x, im: w1.y - w0.y };
    const den = dz.re * dz.re + dz.im * dz.im || 1;
    const a = { re: (dw.re * dz.re + dw.im * dz.im) / den, im: (dw.im * dz.re - dw.re * dz.im) / den };
    const b = { re: w0.x - (a.re * z0.x - a.im * z0.y), im: w0.y - (a.re * z0.y + a.im * z0.x) };
    const px = snap.width / Math.max(1, this.getDimensions().width);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, o.width, o.height);
    ctx.imageSmoothingEnabled = a.re * a.re + a.im * a.im < 4;
    // In device pixels: scale to CSS pixels, apply the similarity, scale back.
    ctx.setTransform(a.re, a.im, -a.im, a.re, b.re * px, b.im * px);
    ctx.drawImage(snap, 0, 0);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    this.showLayers(false);
  }
}
