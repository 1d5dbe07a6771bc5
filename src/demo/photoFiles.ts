/**
 * Ad photos as the image files a saved ad page keeps beside it: small JPEG or PNG pictures drawn
 * deterministically from a photo seed (a figure on a bed under a lamp, as `photoSvg` draws it,
 * over a background with a few objects of its own so that different seeds look different to a
 * perceptual hash). Copies of one photo (`variant` > 0) are shifted by a pixel with one pixel
 * recoloured — near-identical, as a photo reused across ads is; a reposted copy may also have been
 * re-encoded by the site (JPEG where the original was PNG).
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { Rng } from './prng.ts';

const W = 120;
const H = 160;

type Rgb = [number, number, number];

interface Shape {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  color: Rgb;
  rect: boolean;
}

const colour = (rng: Rng): Rgb => [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];

/** RGBA pixels of photo `seed`, copy `variant` (0 = the original). */
export function photoPixels(seed: number, variant: number): Uint8Array {
  const rng = new Rng(seed);
  const top = colour(rng);
  const bottom = colour(rng);
  const shapes: Shape[] = Array.from({ length: 5 }, () => ({
    cx: rng.int(0, W),
    cy: rng.int(0, H),
    rx: rng.int(6, 40),
    ry: rng.int(6, 50),
    color: colour(rng),
    rect: rng.chance(0.5),
  }));
  // The figure: hair, face and dress, placed and coloured per seed.
  const hx = rng.int(35, 85);
  const hy = rng.int(35, 60);
  shapes.push(
    { cx: hx, cy: hy - 4, rx: 20, ry: 23, color: colour(rng), rect: false },
    { cx: hx, cy: hy, rx: 15, ry: 19, color: [rng.int(170, 245), rng.int(120, 190), rng.int(90, 160)], rect: false },
    { cx: hx, cy: H, rx: 30, ry: H - hy - 25, color: colour(rng), rect: false },
  );
  const shift = variant === 0 ? 0 : 1;
  const px = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const sx = x - shift;
      const t = y / H;
      let c: Rgb = [0, 1, 2].map((i) => Math.round((top[i] ?? 0) * (1 - t) + (bottom[i] ?? 0) * t)) as Rgb;
      for (const s of shapes) {
        const inside = s.rect
          ? Math.abs(sx - s.cx) < s.rx && Math.abs(y - s.cy) < s.ry
          : ((sx - s.cx) / s.rx) ** 2 + ((y - s.cy) / s.ry) ** 2 < 1;
        if (inside) c = s.color;
      }
      const o = (y * W + x) * 4;
      px[o] = c[0];
      px[o + 1] = c[1];
      px[o + 2] = c[2];
      px[o + 3] = 255;
    }
  if (variant > 0) {
    const o = (((variant * 53) % H) * W + ((variant * 37) % W)) * 4;
    px[o] = (variant * 97) % 256;
    px[o + 1] = (variant * 31) % 256;
    px[o + 2] = (variant * 7) % 256;
  }
  return px;
}

export interface PhotoFile {
  extension: 'jpg' | 'png';
  mimeType: 'image/jpeg' | 'image/png';
  bytes: Buffer;
}

/** The photo's file: the original as PNG or JPEG by its seed; copies as the site re-encoded them. */
export function photoFile(seed: number, variant: number): PhotoFile {
  const data = Buffer.from(photoPixels(seed, variant));
  const asJpeg = new Rng(seed ^ (variant * 0x9e3779b1)).chance(0.6);
  if (asJpeg)
    return { extension: 'jpg', mimeType: 'image/jpeg', bytes: jpeg.encode({ width: W, height: H, data }, 85).data };
  const png = new PNG({ width: W, height: H });
  png.data = data;
  return { extension: 'png', mimeType: 'image/png', bytes: PNG.sync.write(png) };
}
