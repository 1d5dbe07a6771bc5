/**
 * Aggregates over statement lines for the accounts page, the money-flow view and the link chart:
 * totals per account and currency, per counterparty, and per (account, counterparty) pair, each
 * one grouped scan of the period; and the lines money tracing follows hop by hop.
 */
import { sql } from 'kysely';
import type { CaseScope } from '../../caseScope.ts';

export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}

const credit = sql<number>`SUM(CASE WHEN amount_minor > 0 THEN amount_minor ELSE 0 END)`;
const debit = sql<number>`SUM(CASE WHEN amount_minor < 0 THEN -amount_minor ELSE 0 END)`;
const credits = sql<number>`SUM(CASE WHEN amount_minor > 0 THEN 1 ELSE 0 END)`;
const debits = sql<number>`SUM(CASE WHEN amount_minor < 0 THEN 1 ELSE 0 END)`;
/** Who the other side is: the counterparty account entity, else its number, else its name. */
export const cpKey = sql<
  string | null
>`COALESCE(counterparty_account_id, 'no:' || counterparty_account, 'name:' || counterparty_name)`;

function inPeriod(scope: CaseScope, p: Period) {
  let q = scope.selectFrom('transactions');
  if (p.from) q = q.where('booking_date', '>=', p.from);
  if (p.to) q = q.where('booking_date', '<=', p.to);
  return q;
}

/** Sums in and out, counts, first and last day of one group. */
export interface TotalsRow {
  currency: string;
  in_sum: unknown;
  out_sum: unknown;
  n_in: unknown;
  n_out: unknown;
  first: unknown;
  last: unknown;
}

/** Totals per account and currency; all accounts with lines in the period, or the ones given. */
export function accountTotalRows(scope: CaseScope, p: Period, ids?: readonly string[]) {
  let q = inPeriod(scope, p)
    .select(['account_id', 'currency'])
    .select([credit.as('in_sum'), debit.as('out_sum'), credits.as('n_in'), debits.as('n_out')])
    .select((eb) => [eb.fn.min('booking_date').as('first'), eb.fn.max('booking_date').as('last')])
    .groupBy(['account_id', 'currency']);
  if (ids) q = q.where('account_id', 'in', ids);
  return q.execute();
}

/** Totals per counterparty and currency of the given accounts. */
export function counterpartyRows(scope: CaseScope, p: Period, ids: readonly string[]) {
  return inPeriod(scope, p)
    .select([cpKey.as('cp'), 'currency'])
    .select([credit.as('in_sum'), debit.as('out_sum'), credits.as('n_in'), debits.as('n_out')])
    .select((eb) => [
      eb.fn.min('booking_date').as('first'),
      eb.fn.max('booking_date').as('last'),
      eb.fn.max('counterparty_name').as('name'),
      eb.fn.max('counterparty_account_id').as('account_id'),
      eb.fn.max('counterparty_account').as('account'),
    ])
    .where('account_id', 'in', ids)
    .groupBy([cpKey, 'currency'])
    .execute();
}

/** Totals per (account, counterparty, currency) of lines of at least `minAmount` either way. */
export function flowRows(scope: CaseScope, q: Period & { minAmount?: number | undefined }, ids?: readonly string[]) {
  let query = inPeriod(scope, q)
    .select(['account_id', cpKey.as('cp'), 'currency'])
    .select([credit.as('in_sum'), debit.as('out_sum'), credits.as('n_in'), debits.as('n_out')])
    .select((eb) => [eb.fn.min('booking_date').as('first'), eb.fn.max('booking_date').as('last')])
    .where(cpKey, 'is not', null)
    .groupBy(['account_id', cpKey, 'currency']);
  if (q.minAmount)
    query = query.where((eb) =>
      eb.or([eb('amount_minor', '>=', q.minAmount ?? 0), eb('amount_minor', '<=', -(q.minAmount ?? 0))]),
    );
  if (ids) query = query.where('account_id', 'in', ids);
  return query.execute();
}

export interface TraceLine {
  id: string;
  account_id: string;
  counterparty_account_id: string | null;
  amount_minor: number;
  currency: string;
  booking_date: string;
}

/**
 * Lines naming the given accounts in `column` with a counterparty account, credits (sign 1) or
 * debits (-1) of at least `minAmount`, nearest the start of the trace first.
 */
export function traceLines(
  scope: CaseScope,
  column: 'account_id' | 'counterparty_account_id',
  ids: readonly string[],
  q: Period & { sign: 1 | -1; minAmount: number; forward: boolean; limit: number },
): Promise<TraceLine[]> {
  let query = scope
    .selectFrom('transactions')
    .select(['id', 'account_id', 'counterparty_account_id', 'amount_minor', 'currency', 'booking_date'])
    .where(column, 'in', ids)
    .where('counterparty_account_id', 'is not', null)
    .where('amount_minor', q.sign > 0 ? '>=' : '<=', q.sign * Math.max(1, q.minAmount));
  if (q.from) query = query.where('booking_date', '>=', q.from);
  if (q.to) query = query.where('booking_date', '<=', q.to);
  return query
    .orderBy('booking_date', q.forward ? 'asc' : 'desc')
    .limit(q.limit)
    .execute() as Promise<TraceLine[]>;
}
