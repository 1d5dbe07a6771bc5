/**
 * Bank transactions: their own case-scoped table, because a case can hold millions.
 * A fingerprint of each statement line makes re-importing an overlapping statement a no-op.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { CaseScope } from '../caseScope.ts';
import type { TransactionRecord } from '../../domain/records.ts';
import type { TransactionsTable } from '../tables.ts';
import { uuidv7 } from '../../shared/ids.ts';

export type TransactionRow = TransactionsTable;

const CHUNK = 500;

/**
 * Identity of a statement line. Two genuinely identical lines in one statement (two equal
 * card payments on one day) are told apart by their occurrence number within the batch.
 */
export function fingerprintsOf(records: readonly TransactionRecord[]): string[] {
  const seen = new Map<string, number>();
  return records.map((t) => {
    const base = [
      t.accountId,
      t.bookingDate,
      t.valueDate ?? '',
      t.amountMinor,
      t.currency,
      t.counterpartyAccount ?? t.counterpartyAccountId ?? '',
      t.counterpartyName ?? '',
      t.reference ?? '',
      t.text ?? '',
    ].join('\u001f');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return createHash('sha256').update(`${base}\u001f${n}`).digest('base64url');
  });
}

export function toRows(records: readonly TransactionRecord[], sourceId: string | null): Omit<TransactionRow, 'case_id'>[] {
  const fps = fingerprintsOf(records);
  return records.map((t, i) => ({
    id: uuidv7(),
    account_id: t.accountId,
    counterparty_account_id: t.counterpartyAccountId ?? null,
    counterparty_name: t.counterpartyName ?? null,
    counterparty_account: t.counterpartyAccount ?? null,
    amount_minor: t.amountMinor,
    currency: t.currency,
    booking_date: t.bookingDate,
    value_date: t.valueDate ?? null,
    text: t.text ?? null,
    reference: t.reference ?? null,
    kind: t.kind ?? null,
    place: t.place ?? null,
    source_id: sourceId,
    fingerprint: fps[i] ?? '',
  }));
}

/** Inserts the rows; returns how many were new (the rest were already in the case). */
export async function insertTransactions(scope: CaseScope, rows: readonly Omit<TransactionRow, 'case_id'>[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const res = await scope
      .insertInto('transactions', part)
      .onConflict((oc) => oc.columns(['case_id', 'fingerprint']).doNothing())
      .executeTakeFirst();
    added += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

export interface TransactionQuery {
  accountId?: string | undefined;
  counterpartyAccountId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  minAmount?: number | undefined;
  maxAmount?: number | undefined;
  currency?: string | undefined;
  text?: string | undefined;
  after?: { bookingDate: string; id: string } | undefined;
  limit: number;
}

export async function listTransactions(scope: CaseScope, q: TransactionQuery): Promise<TransactionRow[]> {
  let query = scope.selectFrom('transactions').selectAll();
  if (q.accountId) query = query.where('account_id', '=', q.accountId);
  if (q.counterpartyAccountId) query = query.where('counterparty_account_id', '=', q.counterpartyAccountId);
  if (q.from) query = query.where('booking_date', '>=', q.from);
  if (q.to) query = query.where('booking_date', '<=', q.to);
  if (q.minAmount !== undefined) query = query.where('amount_minor', '>=', q.minAmount);
  if (q.maxAmount !== undefined) query = query.where('amount_minor', '<=', q.maxAmount);
  if (q.currency) query = query.where('currency', '=', q.currency);
  if (q.text) {
    // LIKE metacharacters in the user's text are matched literally.
    const escaped = q.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where(sql<boolean>`lower(${sql.ref('text')}) LIKE ${`%${escaped}%`} ESCAPE '\\'`);
  }
  if (q.after) {
    const { bookingDate, id } = q.after;
    query = query.where((eb) => eb.or([eb('booking_date', '>', bookingDate), eb.and([eb('booking_date', '=', bookingDate), eb('id', '>', id)])]));
  }
  return query.orderBy('booking_date').orderBy('id').limit(q.limit).execute();
}

export async function countTransactions(scope: CaseScope): Promise<number> {
  const r = await scope.selectFrom('transactions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
