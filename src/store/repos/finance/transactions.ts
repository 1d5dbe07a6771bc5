/**
 * Bank transactions: their own case-scoped table, because a case can hold millions.
 * A fingerprint of each statement line makes re-importing an overlapping statement a no-op.
 */
import { hash } from 'node:crypto';
import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { CaseScope } from '../../caseScope.ts';
import type { TransactionRecord } from '../../../domain/records.ts';
import type { TransactionsTable } from '../../schema/index.ts';
import { uuidv7 } from '../../../shared/ids.ts';

export type TransactionRow = TransactionsTable;

/** Rows per INSERT on PostgreSQL: 16 columns × 2000 stays below its 65,535 parameters. */
const PG_CHUNK = 2000;

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
    const first = hash('sha256', base, 'base64url');
    const n = (seen.get(first) ?? 0) + 1;
    seen.set(first, n);
    return n === 1 ? first : hash('sha256', `${base}\u001f${n}`, 'base64url');
  });
}

export function toRows(
  records: readonly TransactionRecord[],
  sourceId: string | null,
): Omit<TransactionRow, 'case_id'>[] {
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

const COLUMNS = [
  'case_id',
  'id',
  'account_id',
  'counterparty_account_id',
  'counterparty_name',
  'counterparty_account',
  'amount_minor',
  'currency',
  'booking_date',
  'value_date',
  'text',
  'reference',
  'kind',
  'place',
  'source_id',
  'fingerprint',
] as const;

const statements = new WeakMap<SQLite.Database, SQLite.Statement>();

/** Inserts the rows; returns how many were new (the rest were already in the case). */
export async function insertTransactions(
  scope: CaseScope,
  rows: readonly Omit<TransactionRow, 'case_id'>[],
): Promise<number> {
  if (scope.sqlite) return insertWithStatement(scope.sqlite, scope.caseId, rows);
  let added = 0;
  for (let i = 0; i < rows.length; i += PG_CHUNK) {
    const part = rows.slice(i, i + PG_CHUNK);
    const res = await scope
      .insertInto('transactions', part)
      .onConflict((oc) => oc.columns(['case_id', 'fingerprint']).doNothing())
      .executeTakeFirst();
    added += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

/** SQLite bulk path: one prepared statement run per row, inside the caller's transaction. */
function insertWithStatement(
  db: SQLite.Database,
  caseId: string,
  rows: readonly Omit<TransactionRow, 'case_id'>[],
): number {
  let stmt = statements.get(db);
  if (!stmt) {
    stmt = db.prepare(
      `INSERT INTO transactions (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (case_id, fingerprint) DO NOTHING`,
    );
    statements.set(db, stmt);
  }
  let added = 0;
  const values: unknown[] = new Array(COLUMNS.length);
  for (const r of rows) {
    values[0] = caseId;
    for (let c = 1; c < COLUMNS.length; c++) values[c] = r[COLUMNS[c] as keyof typeof r];
    added += stmt.run(values).changes;
  }
  return added;
}

export interface TransactionQuery {
  accountId?: string | undefined;
  /** Only lines of these accounts (a partial share). */
  accountIds?: readonly string[] | undefined;
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
  if (q.accountIds)
    query = q.accountIds.length ? query.where('account_id', 'in', q.accountIds) : query.where(sql<boolean>`1 = 0`);
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
    query = query.where((eb) =>
      eb.or([eb('booking_date', '>', bookingDate), eb.and([eb('booking_date', '=', bookingDate), eb('id', '>', id)])]),
    );
  }
  return query.orderBy('booking_date').orderBy('id').limit(q.limit).execute();
}

export async function countTransactions(scope: CaseScope): Promise<number> {
  const r = await scope
    .selectFrom('transactions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
