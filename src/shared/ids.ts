/**
 * UUIDv7 ids, made in the application (not by the database) so rows can be created on any
 * node of a distributed deployment and sort roughly by creation time.
 *
 * Bulk imports make millions of ids, so randomness is drawn in pools and hex is built from a
 * table rather than per byte through string formatting.
 */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const POOL_SIZE = 16 * 512;
let pool = new Uint8Array(0);
let offset = POOL_SIZE;

/** Offset of ten fresh random bytes in `pool` (a view per id would be garbage a million times over). */
function random10(): number {
  if (offset + 10 > pool.length) {
    pool = new Uint8Array(POOL_SIZE);
    globalThis.crypto.getRandomValues(pool);
    offset = 0;
  }
  offset += 10;
  return offset - 10;
}

const h = (n: number) => HEX[n & 0xff] as string;

export function uuidv7(now: number = Date.now()): string {
  const at = random10();
  const r = pool;
  // 48-bit big-endian Unix time in milliseconds.
  const hi = Math.floor(now / 0x1000000);
  const lo = now % 0x1000000;
  return (
    h(hi >>> 16) +
    h(hi >>> 8) +
    h(hi) +
    h(lo >>> 16) +
    '-' +
    h(lo >>> 8) +
    h(lo) +
    '-' +
    h(0x70 | ((r[at] ?? 0) & 0x0f)) +
    h(r[at + 1] ?? 0) +
    '-' + // version 7
    h(0x80 | ((r[at + 2] ?? 0) & 0x3f)) +
    h(r[at + 3] ?? 0) +
    '-' + // RFC 4122 variant
    h(r[at + 4] ?? 0) +
    h(r[at + 5] ?? 0) +
    h(r[at + 6] ?? 0) +
    h(r[at + 7] ?? 0) +
    h(r[at + 8] ?? 0) +
    h(r[at + 9] ?? 0)
  );
}

export const isUuid = (s: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
