/**
 * A cooperation agreement between two deployments (two agencies' servers): which selector kinds
 * they compare, how often one may ask the other (a rate limit per period), how large one query
 * may be, and whom to contact on a hit. Both sides register the same agreement id and each
 * other's signing key; the id is part of every hash, so sets blinded under one agreement never
 * match those of another.
 */
import type { Agreement } from '../../shared/contracts/cooperation.ts';

export interface RateDecision {
  allowed: boolean;
  used: number;
  limit: number;
  /** When the oldest counted query leaves the window (ISO), when refused. */
  retryAt: string | null;
}

/** Whether one more query fits the agreement's limit, counting the accepted queries in the window. */
export function rateLimitDecision(
  acceptedAt: readonly string[],
  now: Date,
  limit: Agreement['rateLimit'],
): RateDecision {
  const windowMs = limit.periodHours * 3_600_000;
  const since = now.getTime() - windowMs;
  const inWindow = acceptedAt
    .map((t) => Date.parse(t))
    .filter((t) => t > since)
    .sort((a, b) => a - b);
  const allowed = inWindow.length < limit.queries;
  const oldest = inWindow[inWindow.length - limit.queries];
  return {
    allowed,
    used: inWindow.length,
    limit: limit.queries,
    retryAt: allowed || oldest === undefined ? null : new Date(oldest + windowMs).toISOString(),
  };
}

/** Whether the agreement is in force on `now` (validUntil is inclusive, a date). */
export const agreementInForce = (a: Pick<Agreement, 'validUntil'>, status: string, now: Date): boolean =>
  status === 'active' && (!a.validUntil || now.toISOString().slice(0, 10) <= a.validUntil);
