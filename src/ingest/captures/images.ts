/**
 * Screenshots and photos of captures decoded to pixels for fingerprinting: PNG (pngjs) and
 * JPEG (jpeg-js), both pure JavaScript and bundled, so nothing is fetched or compiled. Sizes
 * are capped before decoding so a hostile file cannot ask for gigabytes of memory.
 */
import { createHash } from 'node:crypto';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { imageHashes, toGray } from '../../domain/captures/imageHash.ts';
import type { ImageHashes } from '../../domain/captures/imageHash.ts';

/** Largest picture decoded (pixels): a full-page screenshot at 2× is about 30 million. */
export const MAX_IMAGE_PIXELS = 40_000_000;

export interface CapturedImage {
  sha256: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  /** Null when the picture could not be fingerprinted (vector image, too plain, unreadable). */
  hashes: ImageHashes | null;
  /** Where it came from: the file itself, a part of an MHTML archive, or a data: URI in the page. */
  origin: 'file' | 'part' | 'inline';
  /** Why there is no fingerprint, when there is none. */
  note: string | null;
}

export const imageTypeOf = (bytes: Uint8Array): 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | null => {
  const b = (i: number) => bytes[i];
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x38) return 'image/gif';
  if (
    b(0) === 0x52 &&
    b(1) === 0x49 &&
    b(2) === 0x46 &&
    b(3) === 0x46 &&
    b(8) === 0x57 &&
    b(9) === 0x45 &&
    b(10) === 0x42 &&
    b(11) === 0x50
  )
    return 'image/webp';
  return null;
};

/** PNG width and height from its IHDR chunk, without decoding. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 24) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes and fingerprints one picture. Throws only on a PNG or JPEG that cannot be read. */
export function readImage(bytes: Buffer, origin: CapturedImage['origin'], declaredType?: string): CapturedImage {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const type = imageTypeOf(bytes);
  const base = { sha256, origin, width: null, height: null, hashes: null };
  if (type === 'image/png') {
    const size = pngSize(bytes);
    if (!size || size.width * size.height > MAX_IMAGE_PIXELS)
      throw new Error(`PNG too large to read (${size?.width ?? '?'}×${size?.height ?? '?'} pixels)`);
    const png = PNG.sync.read(bytes);
    const hashes = imageHashes(toGray(png.width, png.height, png.data, 4));
    return {
      ...base,
      mimeType: type,
      width: png.width,
      height: png.height,
      hashes,
      note: hashes ? null : 'too plain to fingerprint',
    };
  }
  if (type === 'image/jpeg') {
    const img = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6,
      maxMemoryUsageInMB: 512,
    });
    const hashes = imageHashes(toGray(img.width, img.height, img.data, 4));
    return {
      ...base,
      mimeType: type,
      width: img.width,
      height: img.height,
      hashes,
      note: hashes ? null : 'too plain to fingerprint',
    };
  }
  const mimeType = type ?? declaredType ?? 'application/octet-stream';
  return {
    ...base,
    mimeType,
    note:
      mimeType === 'image/svg+xml' ? 'vector image: recorded by SHA-256 only' : `${mimeType}: recorded by SHA-256 only`,
  };
}
