/**
 * Perceptual fingerprints of images, to find the same photo in different ads after it was
 * re-encoded, resized, shifted by a pixel or touched up: dHash (difference hash: is each pixel
 * of a 9×8 thumbnail brighter than its right neighbour) and pHash (the signs of the lowest 8×8
 * frequencies of a 32×32 thumbnail's discrete cosine transform against their median), each 64
 * bits as 16 hex digits. Two photos are near-identical when both hashes are within a few bits.
 * After N. Krawetz, "Looks like it" (2011) and "Kind of like that" (2013), hackerfactor.com;
 * C. Zauner, Implementation and benchmarking of perceptual image hash functions (2010).
 */

/** An image as 8-bit luma, row by row. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface ImageHashes {
  dhash: string;
  phash: string;
}

/**
 * Thresholds (bits of 64) at or below which two photos count as the same picture. pHash decides;
 * dHash only confirms, loosely: on smooth areas neighbouring pixels are nearly equal, so JPEG
 * re-encoding flips many dHash bits of one and the same photo (measured up to ~20 on test
 * photos, while different photos stayed ≥ 18 bits apart in pHash).
 */
export const NEAR_IDENTICAL = { dhash: 24, phash: 10 } as const;

/** Luma from RGB(A) rows (ITU-R BT.601 weights), compositing transparency over white. */
export function toGray(width: number, height: number, rgba: Uint8Array, channels: 3 | 4): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < data.length; i++, p += channels) {
    const a = channels === 4 ? (rgba[p + 3] ?? 255) / 255 : 1;
    const y = 0.299 * (rgba[p] ?? 0) + 0.587 * (rgba[p + 1] ?? 0) + 0.114 * (rgba[p + 2] ?? 0);
    data[i] = Math.round(y * a + 255 * (1 - a));
  }
  return { width, height, data };
}

/** Area-average resize: each target pixel is the mean of the source pixels it covers. */
export function resize(img: GrayImage, w: number, h: number): Float64Array {
  const out = new Float64Array(w * h);
  const sx = img.width / w;
  const sy = img.height / h;
  for (let y = 0; y < h; y++) {
    const y0 = y * sy;
    const y1 = (y + 1) * sy;
    for (let x = 0; x < w; x++) {
      const x0 = x * sx;
      const x1 = (x + 1) * sx;
      let sum = 0;
      let area = 0;
      for (let yy = Math.floor(y0); yy < Math.ceil(y1) && yy < img.height; yy++) {
        const wy = Math.min(yy + 1, y1) - Math.max(yy, y0);
        for (let xx = Math.floor(x0); xx < Math.ceil(x1) && xx < img.width; xx++) {
          const wx = Math.min(xx + 1, x1) - Math.max(xx, x0);
          sum += (img.data[yy * img.width + xx] ?? 0) * wx * wy;
          area += wx * wy;
        }
      }
      out[y * w + x] = area > 0 ? sum / area : 0;
    }
  }
  return out;
}

function bitsToHex(bits: readonly boolean[]): string {
  let hex = '';
  for (let i = 0; i < bits.length; i += 4) {
    const n = (bits[i] ? 8 : 0) | (bits[i + 1] ? 4 : 0) | (bits[i + 2] ? 2 : 0) | (bits[i + 3] ? 1 : 0);
    hex += n.toString(16);
  }
  return hex;
}

export function dHash(img: GrayImage): string {
  const t = resize(img, 9, 8);
  const bits: boolean[] = [];
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) bits.push((t[y * 9 + x] ?? 0) > (t[y * 9 + x + 1] ?? 0));
  return bitsToHex(bits);
}

const N = 32;
const COS: Float64Array = (() => {
  const c = new Float64Array(N * N);
  for (let k = 0; k < N; k++)
    for (let n = 0; n < N; n++) c[k * N + n] = Math.cos((Math.PI * (2 * n + 1) * k) / (2 * N));
  return c;
})();

export function pHash(img: GrayImage): string {
  const t = resize(img, N, N);
  // Separable 2-D DCT-II, only the 8×8 lowest frequencies are needed.
  const rows = new Float64Array(N * 8);
  for (let y = 0; y < N; y++) {
    for (let k = 0; k < 8; k++) {
      let s = 0;
      for (let x = 0; x < N; x++) s += (t[y * N + x] ?? 0) * (COS[k * N + x] ?? 0);
      rows[y * 8 + k] = s;
    }
  }
  const coef: number[] = [];
  for (let ky = 0; ky < 8; ky++) {
    for (let kx = 0; kx < 8; kx++) {
      let s = 0;
      for (let y = 0; y < N; y++) s += (rows[y * 8 + kx] ?? 0) * (COS[ky * N + y] ?? 0);
      coef.push(s);
    }
  }
  // The mean (0,0) term says only how bright the picture is; leave it out of the median.
  const sorted = coef.slice(1).sort((a, b) => a - b);
  const median = ((sorted[31] ?? 0) + (sorted[32] ?? 0)) / 2;
  return bitsToHex(coef.map((c) => c > median));
}

/**
 * The hashes of a picture, or null for one too plain to fingerprint (one colour, or nearly):
 * every blank image would otherwise match every other.
 */
export function imageHashes(img: GrayImage): ImageHashes | null {
  const t = resize(img, N, N);
  let mean = 0;
  for (const v of t) mean += v / t.length;
  let variance = 0;
  for (const v of t) variance += (v - mean) ** 2 / t.length;
  if (Math.sqrt(variance) < 2) return null;
  return { dhash: dHash(img), phash: pHash(img) };
}

/** Bits that differ between two hex hashes of equal length. */
export function hamming(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    let x = (parseInt(a[i] ?? '0', 16) ^ parseInt(b[i] ?? '0', 16)) & 15;
    while (x) {
      d += x & 1;
      x >>= 1;
    }
  }
  return d;
}

export function nearIdentical(a: ImageHashes, b: ImageHashes): boolean {
  return hamming(a.dhash, b.dhash) <= NEAR_IDENTICAL.dhash && hamming(a.phash, b.phash) <= NEAR_IDENTICAL.phash;
}
