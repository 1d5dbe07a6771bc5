/**
 * Synthetic ad photos for capture tests: a deterministic picture per seed (a few coloured
 * shapes on a graded background), and near-identical copies of it (shifted one pixel, one
 * pixel recoloured, optionally re-encoded as JPEG) — what a photo reused across ads looks like.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const seedOf = (s: string): number => {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
};

const W = 120;
const H = 160;

/** RGBA pixels of the photo `seed`, copy `variant` (0 = original). */
export function photoPixels(seed: number, variant: number): Uint8Array {
  const rnd = mulberry32(seed);
  const px = new Uint8Array(W * H * 4);
  const bg = [rnd() * 255, rnd() * 255, rnd() * 255];
  const bg2 = [rnd() * 255, rnd() * 255, rnd() * 255];
  const shapes = Array.from({ length: 6 }, () => ({
    cx: rnd() * W,
    cy: rnd() * H,
    rx: 8 + rnd() * 40,
    ry: 8 + rnd() * 50,
    color: [rnd() * 255, rnd() * 255, rnd() * 255],
    rect: rnd() < 0.4,
  }));
  const shift = variant === 0 ? 0 : 1;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const sx = x - shift;
      const t = y / H;
      let c = [0, 1, 2].map((i) => (bg[i] ?? 0) * (1 - t) + (bg2[i] ?? 0) * t);
      for (const s of shapes) {
        const inside = s.rect
          ? Math.abs(sx - s.cx) < s.rx && Math.abs(y - s.cy) < s.ry
          : ((sx - s.cx) / s.rx) ** 2 + ((y - s.cy) / s.ry) ** 2 < 1;
        if (inside) c = s.color;
      }
      const o = (y * W + x) * 4;
      px[o] = c[0] ?? 0;
      px[o + 1] = c[1] ?? 0;
      px[o + 2] = c[2] ?? 0;
      px[o + 3] = 255;
    }
  }
  if (variant > 0) {
    const o = (((variant * 53) % H) * W + ((variant * 37) % W)) * 4;
    px[o] = (variant * 97) % 256;
    px[o + 1] = (variant * 31) % 256;
    px[o + 2] = (variant * 7) % 256;
  }
  return px;
}

export function photoPng(seed: number, variant: number): Buffer {
  const png = new PNG({ width: W, height: H });
  png.data = Buffer.from(photoPixels(seed, variant));
  return PNG.sync.write(png);
}

export function photoJpeg(seed: number, variant: number): Buffer {
  return jpeg.encode({ width: W, height: H, data: Buffer.from(photoPixels(seed, variant)) }, 85).data;
}

/** The demo's ad page with its vector photo replaced by a raster copy (PNG, or JPEG for odd copies). */
export function withRasterPhoto(html: string, seed: number, variant: number): string {
  const bytes = variant % 2 ? photoJpeg(seed, variant) : photoPng(seed, variant);
  const type = variant % 2 ? 'image/jpeg' : 'image/png';
  return html.replace(
    /src="data:image\/svg\+xml;base64,[^"]*"/,
    `src="data:${type};base64,${bytes.toString('base64')}"`,
  );
}
