/**
 * Private set intersection (PSI) over the prime-order group ristretto255 (RFC 9496), the
 * Diffie–Hellman construction: each side maps its normalised selectors onto the group with a
 * hash (RFC 9380 hash-to-curve) and raises them to its own secret scalar. Because
 * (H(x)^a)^b = (H(x)^b)^a, a value both sides hold ends up equal after both secrets are
 * applied, while a single-blinded value says nothing about the selector to anyone who lacks
 * that side's secret: a partner cannot test guesses offline, unlike a shared-key hash — every
 * guess needs the other side to re-blind it, which it rate-limits and logs.
 *
 * The hash's domain separator names the agreement and the selector kind, so values blinded for
 * one agreement (or one kind) never meet those of another.
 */
import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';

const Point = ristretto255.Point;
const ORDER = Point.Fn.ORDER;
const PROTOCOL_TAG = 'ELECT-THB-PSI-v1';
const utf8 = new TextEncoder();

export type HexPoint = string;

/** A selector as both sides normalise it (domain/selectors) before it is hashed. */
export interface PsiSelector {
  kind: string;
  value: string;
}

/** The hash-to-group domain separator: protocol, agreement and selector kind. */
export function domainSeparator(agreementId: string, kind: string): string {
  const dst = `${PROTOCOL_TAG}:${agreementId}:${kind}`;
  // RFC 9380 allows up to 255 bytes; agreement ids and kinds are short codes.
  if (utf8.encode(dst).length > 255) throw new Error('agreement id or selector kind too long for a domain separator');
  return dst;
}

/** A fresh secret scalar in [1, order): 64 random bytes reduced, so the bias is negligible. */
export function newSecret(random: Uint8Array = randomBytes(64)): bigint {
  if (random.length < 48) throw new Error('a secret needs at least 48 random bytes');
  let n = 0n;
  for (const b of random) n = (n << 8n) | BigInt(b);
  const s = n % ORDER;
  return s === 0n ? 1n : s;
}

export const secretToHex = (s: bigint): string => s.toString(16).padStart(64, '0');
export function secretFromHex(hex: string): bigint {
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('not a secret scalar');
  const s = BigInt(`0x${hex}`);
  if (s === 0n || s >= ORDER) throw new Error('secret scalar out of range');
  return s;
}

/** H(selector) on the group, separated per agreement and kind. */
function hashToGroup(agreementId: string, s: PsiSelector): InstanceType<typeof Point> {
  return ristretto255_hasher.hashToCurve(utf8.encode(s.value), {
    DST: domainSeparator(agreementId, s.kind),
  }) as InstanceType<typeof Point>;
}

/** First blinding: H(x)^secret, encoded as 32 bytes hex. */
export function blind(secret: bigint, agreementId: string, s: PsiSelector): HexPoint {
  return bytesToHex(hashToGroup(agreementId, s).multiply(secret).toBytes());
}

/**
 * Decodes a peer's point, refusing anything that is not a canonical ristretto255 encoding or is
 * the identity (which would make every re-blinded value equal and leak nothing useful but noise).
 */
export function decodePoint(hex: string): InstanceType<typeof Point> {
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('a point is 64 lowercase hex characters');
  const p = Point.fromBytes(hexToBytes(hex));
  if (p.is0()) throw new Error('the identity point is not a valid blinded value');
  return p;
}

/** Second blinding of a peer's value: (H(x)^a)^secret. Throws on an invalid point. */
export function reblind(secret: bigint, peerPoint: HexPoint): HexPoint {
  return bytesToHex(decodePoint(peerPoint).multiply(secret).toBytes());
}

/** A random group element, indistinguishable from a blinded selector: pads a set's size. */
export function dummyPoint(random: Uint8Array = randomBytes(32)): HexPoint {
  return bytesToHex(ristretto255_hasher.hashToCurve(random, { DST: `${PROTOCOL_TAG}:padding` }).toBytes());
}

/** Size a set is padded to, so a peer learns its size only roughly (next multiple of `step`). */
export const paddedSize = (n: number, step = 64): number => Math.max(step, Math.ceil(n / step) * step);

/** Fisher–Yates with crypto randomness: the order of a sent set says nothing about its content. */
export function shuffle<T>(items: readonly T[], random: (n: number) => Uint8Array = randomBytes): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const r = random(4);
    const j = (((r[0] ?? 0) << 24) | ((r[1] ?? 0) << 16) | ((r[2] ?? 0) << 8) | (r[3] ?? 0)) >>> 0;
    const k = j % (i + 1);
    [out[i], out[k]] = [out[k] as T, out[i] as T];
  }
  return out;
}

/**
 * The initiator's last step. `mineDouble[i]` is the initiator's i-th selector blinded by both
 * sides (as returned by the responder, in the order sent); `theirsSingle` is the responder's
 * set blinded by the responder only. Returns the indices i of the initiator's selectors that the
 * responder also holds, and which of the responder's positions matched (for a later request).
 */
export function intersect(
  secret: bigint,
  mineDouble: readonly HexPoint[],
  theirsSingle: readonly HexPoint[],
): { mine: number[]; theirs: number[] } {
  const theirs = new Map<string, number>();
  theirsSingle.forEach((p, j) => {
    theirs.set(reblind(secret, p), j);
  });
  const mine: number[] = [];
  const theirIdx: number[] = [];
  mineDouble.forEach((p, i) => {
    decodePoint(p);
    const j = theirs.get(p);
    if (j !== undefined) {
      mine.push(i);
      theirIdx.push(j);
    }
  });
  return { mine, theirs: theirIdx };
}
