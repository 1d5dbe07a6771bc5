/**
 * The three steps of one hit/no-hit query between deployments (protocol version 2), on top of
 * psi.ts:
 *
 *   1. initiator: `startQuery` — blind own selectors with a fresh secret a, pad with random
 *      points to a round size, shuffle; send the points (psi-query).
 *   2. responder: `answerQuery` — re-blind each received point with its fresh secret b (same
 *      order), and blind its own selectors with b, padded and shuffled (psi-response).
 *   3. initiator: `finishQuery` — raise the responder's points to a and compare with its
 *      double-blinded ones: equal values are the selectors both hold.
 *
 * The initiator learns which of its selectors the responder holds (and their positions in the
 * responder's list, which the responder can map back when a cooperation request names them);
 * the responder learns only the padded size of the initiator's set.
 */
import { z } from 'zod';
import { blind, dummyPoint, matchDouble, paddedSize, reblind, shuffle } from './psi.ts';
import type { HexPoint, PsiSecret, PsiSelector } from './psi.ts';

const Point = z.string().regex(/^[0-9a-f]{64}$/);
export const MAX_POINTS = 250_000;

export const PsiQueryBody = z.strictObject({ points: z.array(Point).min(1).max(MAX_POINTS) });
export type PsiQueryBody = z.infer<typeof PsiQueryBody>;

export const PsiResponseBody = z.strictObject({
  /** The nonce of the query answered: binds the response to it. */
  queryNonce: z.string().regex(/^[0-9a-f]{32}$/),
  /** The responder's reference for this answer, named again by a cooperation request. */
  responseId: z.string().min(1).max(100),
  double: z.array(Point).max(MAX_POINTS),
  points: z.array(Point).max(MAX_POINTS),
});
export type PsiResponseBody = z.infer<typeof PsiResponseBody>;

/** A blinded, padded, shuffled set and, for each position, the selector index (-1: padding). */
export interface BlindedSet {
  points: HexPoint[];
  order: number[];
}

/**
 * Pads blinded values (in selector order) with random subgroup elements to a round size and
 * shuffles them; the heavy part, blinding, is done before (here or on a worker thread).
 */
export function padAndShuffle(blinded: readonly HexPoint[], padStep = 64): BlindedSet {
  const real = blinded.map((p, i) => ({ p, i }));
  const pad = Array.from({ length: paddedSize(blinded.length, padStep) - blinded.length }, () => ({
    p: dummyPoint(),
    i: -1,
  }));
  const mixed = shuffle([...real, ...pad]);
  return { points: mixed.map((m) => m.p), order: mixed.map((m) => m.i) };
}

export function blindSet(
  secret: PsiSecret,
  agreementId: string,
  selectors: readonly PsiSelector[],
  padStep = 64,
): BlindedSet {
  return padAndShuffle(
    selectors.map((s) => blind(secret, agreementId, s)),
    padStep,
  );
}

export const startQuery = blindSet;

export function answerQuery(
  secret: PsiSecret,
  agreementId: string,
  query: PsiQueryBody,
  own: readonly PsiSelector[],
  padStep = 64,
): { double: HexPoint[]; mine: BlindedSet } {
  return { double: query.points.map((p) => reblind(secret, p)), mine: blindSet(secret, agreementId, own, padStep) };
}

/**
 * The selectors (indices into the initiator's list) the responder also holds, and the
 * responder's positions that matched, from the responder's points already raised to the
 * initiator's secret (`theirsDouble`). Padding never matches a real value.
 */
export function matchResponse(
  sent: Pick<BlindedSet, 'order'>,
  double: readonly HexPoint[],
  theirsDouble: readonly HexPoint[],
): { selectorIndices: number[]; theirPositions: number[] } {
  if (double.length !== sent.order.length)
    throw new Error(`the response answers ${double.length} points, the query sent ${sent.order.length}`);
  const { mine, theirs } = matchDouble(double, theirsDouble);
  const selectorIndices: number[] = [];
  const theirPositions: number[] = [];
  mine.forEach((pos, k) => {
    const idx = sent.order[pos];
    if (idx !== undefined && idx >= 0) {
      selectorIndices.push(idx);
      theirPositions.push(theirs[k] as number);
    }
  });
  return { selectorIndices, theirPositions };
}

/** The initiator's last step in one go (in memory): `matchResponse` after re-blinding. */
export function finishQuery(
  secret: PsiSecret,
  sent: Pick<BlindedSet, 'order'>,
  response: Pick<PsiResponseBody, 'double' | 'points'>,
): { selectorIndices: number[]; theirPositions: number[] } {
  if (response.double.length !== sent.order.length)
    throw new Error(`the response answers ${response.double.length} points, the query sent ${sent.order.length}`);
  return matchResponse(
    sent,
    response.double,
    response.points.map((p) => reblind(secret, p)),
  );
}
