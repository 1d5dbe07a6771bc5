/**
 * Private set intersection (PSI), protocol version 2: the Diffie–Hellman construction on the
 * prime-order subgroup of edwards25519 (order ℓ = 2^252 + …), computed by libsodium
 * (sodium-native). Each side maps its normalised selectors onto the subgroup with a hash and
 * raises them to its own secret scalar. Because (H(x)^a)^b = (H(x)^b)^a, a value both sides hold
 * ends up equal after both secrets are applied, while a single-blinded value says nothing about
 * the selector to anyone who lacks that side's secret: a partner cannot test guesses offline,
 * unlike a shared-key hash — every guess needs the other side to re-blind it, which it
 * rate-limits and logs.
 *
 * Hash to the group, in the shape of RFC 9380's hash_to_curve (random-oracle variant): SHA-512
 * over a domain separator and the selector gives 64 bytes; each half is one field element (and
 * sign bit) that `crypto_core_ed25519_from_uniform` maps with Elligator 2 and multiplies by the
 * cofactor 8; the two points are added. One map alone reaches only about half the group; the sum
 * of two is statistically close to uniform, which the protocol's argument assumes of H.
 *
 * Every point from the peer must be a canonical encoding of a point of the main subgroup and not
 * of small order: `crypto_scalarmult_ed25519_noclamp` refuses anything else (it runs the checks of
 * `crypto_core_ed25519_is_valid_point` on its input), so a peer cannot learn bits of a secret by
 * sending a point of order 2, 4 or 8, or one with a small-order component.
 *
 * The domain separator names the protocol version, the agreement and the selector kind, so values
 * blinded for one agreement (or one kind) never meet those of another.
 */
import { createHash, randomBytes } from 'node:crypto';
import sodium from 'sodium-native';

/** The hit/no-hit protocol this deployment speaks; exchange files carry it (exchange.ts). */
export const PSI_PROTOCOL_VERSION = 2;
const PROTOCOL_TAG = 'ELECT-THB-PSI-v2-edwards25519-SHA512-ELL2';
const POINT_BYTES = 32;
const HEX_POINT = /^[0-9a-f]{64}$/;

export type HexPoint = string;
/** A secret scalar: 32 bytes, little-endian, in [1, ℓ). */
export type PsiSecret = Uint8Array;

/** A selector as both sides normalise it (domain/selectors) before it is hashed. */
export interface PsiSelector {
  kind: string;
  value: string;
}

const lengthPrefixed = (text: string): Buffer => {
  const bytes = Buffer.from(text, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(bytes.length);
  return Buffer.concat([len, bytes]);
};

/** The hash's domain separator: protocol, agreement and selector kind, each length-prefixed. */
export function domainSeparator(agreementId: string, kind: string): Buffer {
  return Buffer.concat([lengthPrefixed(PROTOCOL_TAG), lengthPrefixed(agreementId), lengthPrefixed(kind)]);
}

const isZero = (b: Uint8Array): boolean => b.every((x) => x === 0);

/**
 * A fresh secret scalar in [1, ℓ) from libsodium's generator; or, given 64 bytes (tests), those
 * bytes reduced modulo ℓ, so the bias is negligible.
 */
export function newSecret(random?: Uint8Array): PsiSecret {
  const s = new Uint8Array(sodium.crypto_core_ed25519_SCALARBYTES);
  if (!random) {
    sodium.crypto_core_ed25519_scalar_random(s);
    return s;
  }
  if (random.length !== sodium.crypto_core_ed25519_NONREDUCEDSCALARBYTES)
    throw new Error('a secret is made from 64 random bytes');
  sodium.crypto_core_ed25519_scalar_reduce(s, random);
  if (isZero(s)) s[0] = 1;
  return s;
}

export const secretToHex = (s: PsiSecret): string => Buffer.from(s).toString('hex');

export function secretFromHex(hex: string): PsiSecret {
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('not a secret scalar');
  const s = new Uint8Array(Buffer.from(hex, 'hex'));
  // Canonical means below ℓ: reducing it must change nothing.
  const wide = new Uint8Array(64);
  wide.set(s);
  const reduced = new Uint8Array(32);
  sodium.crypto_core_ed25519_scalar_reduce(reduced, wide);
  if (isZero(s) || !Buffer.from(reduced).equals(Buffer.from(s))) throw new Error('secret scalar out of range');
  return s;
}

/** H(selector) on the prime-order subgroup, separated per agreement and kind. */
export function hashToGroup(agreementId: string, s: PsiSelector): Uint8Array {
  const h = createHash('sha512').update(domainSeparator(agreementId, s.kind)).update(s.value, 'utf8').digest();
  const p = new Uint8Array(POINT_BYTES);
  const q = new Uint8Array(POINT_BYTES);
  sodium.crypto_core_ed25519_from_uniform(p, h.subarray(0, 32));
  sodium.crypto_core_ed25519_from_uniform(q, h.subarray(32, 64));
  const sum = new Uint8Array(POINT_BYTES);
  sodium.crypto_core_ed25519_add(sum, p, q);
  return sum;
}

const toHex = (p: Uint8Array): HexPoint => Buffer.from(p).toString('hex');

/** Raises a subgroup point to the secret; libsodium refuses points off the main subgroup. */
function multiply(secret: PsiSecret, point: Uint8Array): Uint8Array {
  const out = new Uint8Array(POINT_BYTES);
  sodium.crypto_scalarmult_ed25519_noclamp(out, secret, point);
  return out;
}

/** First blinding: H(x)^secret, encoded as 32 bytes hex. */
export function blind(secret: PsiSecret, agreementId: string, s: PsiSelector): HexPoint {
  return toHex(multiply(secret, hashToGroup(agreementId, s)));
}

/**
 * Decodes a peer's point, refusing anything that is not the canonical encoding of a point of the
 * main subgroup, or is of small order (the identity included): such a point would let the peer
 * read the secret modulo the cofactor, or make every re-blinded value equal.
 */
export function decodePoint(hex: string): Uint8Array {
  if (!HEX_POINT.test(hex)) throw new Error('a point is 64 lowercase hex characters');
  const p = new Uint8Array(Buffer.from(hex, 'hex'));
  if (!sodium.crypto_core_ed25519_is_valid_point(p))
    throw new Error('not a point of the prime-order subgroup (small order, off the curve or not canonical)');
  return p;
}

/** Second blinding of a peer's value: (H(x)^a)^secret. Throws on an invalid point. */
export function reblind(secret: PsiSecret, peerPoint: HexPoint): HexPoint {
  if (!HEX_POINT.test(peerPoint)) throw new Error('a point is 64 lowercase hex characters');
  try {
    // libsodium checks the point as crypto_core_ed25519_is_valid_point does before multiplying.
    return toHex(multiply(secret, Buffer.from(peerPoint, 'hex')));
  } catch {
    decodePoint(peerPoint);
    throw new Error('the point was refused by the group arithmetic');
  }
}

/** A uniformly random subgroup element, indistinguishable from a blinded selector: pads a set. */
export function dummyPoint(): HexPoint {
  const out = new Uint8Array(POINT_BYTES);
  sodium.crypto_scalarmult_ed25519_base_noclamp(out, newSecret());
  return toHex(out);
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
 * Pairs equal values: `mineDouble[i]` is the initiator's i-th point blinded by both sides (as the
 * responder returned it, in the order sent), `theirsDouble[j]` the responder's j-th point raised
 * to the initiator's secret. A value that is not a valid point can equal no computed one.
 */
export function matchDouble(
  mineDouble: readonly HexPoint[],
  theirsDouble: readonly HexPoint[],
): { mine: number[]; theirs: number[] } {
  const theirs = new Map<string, number>();
  theirsDouble.forEach((p, j) => theirs.set(p, j));
  const mine: number[] = [];
  const theirIdx: number[] = [];
  mineDouble.forEach((p, i) => {
    const j = theirs.get(p);
    if (j !== undefined) {
      mine.push(i);
      theirIdx.push(j);
    }
  });
  return { mine, theirs: theirIdx };
}

/**
 * The initiator's last step: raises the responder's single-blinded set to the secret and pairs
 * it with the initiator's double-blinded values; returns the matching positions on both sides.
 */
export function intersect(
  secret: PsiSecret,
  mineDouble: readonly HexPoint[],
  theirsSingle: readonly HexPoint[],
): { mine: number[]; theirs: number[] } {
  return matchDouble(
    mineDouble,
    theirsSingle.map((p) => reblind(secret, p)),
  );
}
