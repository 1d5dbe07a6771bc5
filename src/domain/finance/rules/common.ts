/** Helpers the rules share: wage payments, own accounts, amounts and dates in plain words. */
import { isoOfDay, monthOfDay } from '../dates.ts';
import type { FinanceContext, Tx } from '../types.ts';
import { TxFlag } from '../types.ts';

/** Evidence lists are capped; a finding's explanation says how many lines there were. */
export const MAX_EVIDENCE = 2000;

/** One wage payment as the worker's account received it (same-day wage lines merged). */
export interface Wage {
  day: number;
  month: number;
  amount: number;
  currency: string;
  ids: string[];
  /** The paying account (employer), when the line names one. */
  payer: string | null;
}

const wageCache = new WeakMap<readonly Tx[], Wage[]>();

/**
 * Wage credits of one account, merged per day and currency, in date order. Several rules ask
 * for the same account's wages: worked out once per history.
 */
export function wagesOf(txs: readonly Tx[]): Wage[] {
  let out = wageCache.get(txs);
  if (!out) wageCache.set(txs, (out = findWages(txs)));
  return out;
}

function findWages(txs: readonly Tx[]): Wage[] {
  const out: Wage[] = [];
  for (const t of txs) {
    if (t.amount <= 0 || (t.flags & TxFlag.wage) === 0) continue;
    const last = out[out.length - 1];
    if (last && last.day === t.day && last.currency === t.currency) {
      last.amount += t.amount;
      last.ids.push(t.id);
      last.payer ??= t.cp;
      continue;
    }
    out.push({
      day: t.day,
      month: monthOfDay(t.day),
      amount: t.amount,
      currency: t.currency,
      ids: [t.id],
      payer: t.cp,
    });
  }
  return out;
}

/** Whether two accounts have a holder in common (money between one's own accounts is not a flag). */
export function sameHolder(ctx: FinanceContext, a: string, b: string): boolean {
  if (a === b) return true;
  const ha = ctx.accounts.get(a)?.holderIds;
  const hb = ctx.accounts.get(b)?.holderIds;
  if (!ha?.length || !hb?.length) return false;
  return ha.some((h) => hb.includes(h));
}

/** An amount in minor units as people read it: `EUR 1,234.50`. */
export function money(minor: number, currency: string): string {
  // By hand: toLocaleString costs tens of microseconds a call, and runs write thousands.
  const abs = Math.abs(Math.round(minor));
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currency} ${minor < 0 ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

export const pct = (share: number): string => `${Math.round(share * 100)}%`;

export function period(days: readonly number[]): string {
  if (!days.length) return '';
  let lo = days[0] ?? 0;
  let hi = lo;
  for (const d of days) {
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  return lo === hi ? `on ${isoOfDay(lo)}` : `between ${isoOfDay(lo)} and ${isoOfDay(hi)}`;
}

export function capIds(ids: Iterable<string>, max = MAX_EVIDENCE): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    if (out.length >= max) break;
  }
  return out;
}

export const clamp01 = (x: number): number => Math.max(0, Math.min(1, x));

/** The account a counterparty key names when it is a case entity (not `no:<number>`). */
export const entityOf = (cp: string): string | null => (cp.startsWith('no:') ? null : cp);

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Appends to the list kept under `key` (lists grow in place: spreading would be quadratic). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The first and last day of `days` as ISO dates, for a sentence's period ("between … and …"). */
export function span(days: readonly number[]): { from: string; to: string } {
  let lo = days[0] ?? 0;
  let hi = lo;
  for (const d of days) {
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  return { from: isoOfDay(lo), to: isoOfDay(hi) };
}

/** A counted noun for a sentence: the language writes "6 accounts" in its own plural form. */
export const counted = (count: number, unit: string) => ({ count, unit });

/** An amount for a sentence, written in the reader's locale. */
export const amount = (minor: number, currency: string) => ({ minor, currency });
