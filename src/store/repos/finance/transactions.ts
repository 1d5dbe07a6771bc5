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

/** Rows per INSERT on PostgreSQL (one array parameter per column, so no parameter limit applies). */
const PG_CHUNK = 10_000;

/**
 * Identity of a statement line. Two genuinely identical lines in one statement (two equal
 * card payments on one day) are told apart by their occurrence number within the batch.
 */
export function fingerprintsOf(records: readonly TransactionRecord[]): string[] {
  const seen = new Map<string, number>();
  return records.map((t) => {
    // One string built in place (no array per line); the fields as joined by U+001F.
    const base =
      `${t.accountId}\u001f${t.bookingDate}\u001f${t.valueDate ?? ''}\u001f${t.amountMinor}\u001f${t.currency}` +
      `\u001f${t.counterpartyAccount ?? t.counterpartyAccountId ?? ''}\u001f${t.counterpartyName ?? ''}` +
      `\u001f${t.reference ?? ''}\u001f${t.text ?? ''}`;
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
const VALUE_COLUMNS = COLUMNS.slice(1) as readonly Exclude<(typeof COLUMNS)[number], 'case_id'>[];

const statements = new WeakMap<SQLite.Database, SQLite.Statement>();

/** Inserts the rows; returns how many were new (the rest were already in the case). */
export async function insertTransactions(
  scope: CaseScope,
  rows: readonly Omit<TransactionRow, 'case_id'>[],
): Promise<number> {
  if (scope.sqlite) return insertWithStatement(scope.sqlite, scope.caseId, rows);
  let added = 0;
  for (let i = 0; i < rows.length; i += PG_CHUNK) added += await insertByArrays(scope, rows.slice(i, i + PG_CHUNK));
  return added;
}

/**
 * PostgreSQL bulk path: one statement per chunk whose rows arrive as one array parameter per
 * column, unnested into rows server-side. Fifteen parameters whatever the chunk's size, one
 * parse and plan per chunk, and it runs on the transaction's own connection (no second client,
 * unlike COPY). The case id is a constant of the statement, so on Citus the insert stays on
 * the case's shard. Measured against COPY in bench/transactionStorage.ts.
 */
async function insertByArrays(scope: CaseScope, rows: readonly Omit<TransactionRow, 'case_id'>[]): Promise<number> {
  const arrays = VALUE_COLUMNS.map(
    (c) => sql`${rows.map((r) => r[c])}::${sql.raw(c === 'amount_minor' ? 'bigint' : 'text')}[]`,
  );
  const res = await sql`INSERT INTO transactions (${sql.join(COLUMNS.map((c) => sql.ref(c)))})
    SELECT ${scope.caseId}, t.* FROM unnest(${sql.join(arrays)}) AS t
    ON CONFLICT (case_id, fingerprint) DO NOTHING`.execute(scope.db);
  return Number(res.numAffectedRows ?? 0);
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

/** The filters of the statement-line list; `only` limits it to a partial share's accounts. */
export interface LineFilter {
  only: ReadonlySet<string> | null;
  account?: string | undefined;
  /** A counterparty key as /finance/counterparties ranks them. */
  counterparty?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  direction?: 'in' | 'out' | undefined;
  minAmount?: number | undefined;
  currency?: string | undefined;
  /** Only these lines (a finding's evidence). */
  ids: readonly string[] | null;
  /** Words in the counterparty, text or reference. */
  q?: string | undefined;
  /** Counterparty names that match `q` by the name matcher (shared/names), found by the caller. */
  names?: readonly string[] | undefined;
}

/** At most this many distinct counterparty names are matched by words (the rest literally). */
export const MAX_MATCHED_NAMES = 5000;

/** The case's distinct counterparty names, for matching by words. */
export async function counterpartyNames(scope: CaseScope): Promise<string[]> {
  const rows = await scope
    .selectFrom('transactions')
    .select('counterparty_name')
    .distinct()
    .where('counterparty_name', 'is not', null)
    .limit(50_000)
    .execute();
  return rows.flatMap((r) => (r.counterparty_name ? [r.counterparty_name] : []));
}

/** The key /finance/counterparties ranks by: the account entity, else its number, else its name. */
const cpKey = sql<
  string | null
>`COALESCE(counterparty_account_id, 'no:' || counterparty_account, 'name:' || counterparty_name)`;
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtered(scope: CaseScope, q: LineFilter) {
  let s = scope.selectFrom('transactions');
  if (q.only) s = q.only.size ? s.where('account_id', 'in', [...q.only]) : s.where(sql<boolean>`1 = 0`);
  if (q.account) s = s.where('account_id', '=', q.account);
  if (q.counterparty) s = s.where(sql<boolean>`${cpKey} = ${q.counterparty}`);
  if (q.from) s = s.where('booking_date', '>=', q.from);
  if (q.to) s = s.where('booking_date', '<=', q.to);
  if (q.direction === 'in') s = s.where('amount_minor', '>', 0);
  if (q.direction === 'out') s = s.where('amount_minor', '<', 0);
  if (q.minAmount)
    s = s.where((eb) =>
      eb.or([eb('amount_minor', '>=', q.minAmount ?? 0), eb('amount_minor', '<=', -(q.minAmount ?? 0))]),
    );
  if (q.currency) s = s.where('currency', '=', q.currency);
  if (q.ids) s = q.ids.length ? s.where('id', 'in', q.ids) : s.where(sql<boolean>`1 = 0`);
  if (q.q) {
    const p = likePattern(q.q);
    s =
      s.where(sql<boolean>`(lower(COALESCE(counterparty_name, '')) LIKE ${p} ESCAPE '\\' OR lower(COALESCE(counterparty_account, '')) LIKE ${p} ESCAPE '\\'
      OR lower(COALESCE(text, '')) LIKE ${p} ESCAPE '\\' OR lower(COALESCE(reference, '')) LIKE ${p} ESCAPE '\\'
      ${q.names?.length ? sql`OR counterparty_name IN (${sql.join(q.names.slice(0, MAX_MATCHED_NAMES))})` : sql``})`);
  }
  return s;
}

export async function countLines(scope: CaseScope, q: LineFilter): Promise<number> {
  const [{ n } = { n: 0 }] = await filtered(scope, q)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .execute();
  return Number(n);
}

/** A page of the list, sorted by amount, counterparty or (always last) date and id. */
export function linePage(
  scope: CaseScope,
  q: LineFilter & { sort?: 'date' | 'amount' | 'counterparty' | undefined; dir: 'asc' | 'desc' },
  offset: number,
  limit: number,
): Promise<TransactionRow[]> {
  let s = filtered(scope, q).selectAll();
  if (q.sort === 'amount') s = s.orderBy(sql`abs(amount_minor)`, q.dir);
  if (q.sort === 'counterparty') s = s.orderBy(sql`COALESCE(counterparty_name, counterparty_account, '')`, q.dir);
  return s.orderBy('booking_date', q.dir).orderBy('id', q.dir).limit(limit).offset(offset).execute();
}

/** Lines by id (a finding's evidence), in chunks the databases take. */
export async function linesByIds(scope: CaseScope, ids: readonly string[]): Promise<TransactionRow[]> {
  const out: TransactionRow[] = [];
  for (let i = 0; i < ids.length; i += 500)
    out.push(
      ...(await scope
        .selectFrom('transactions')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  return out;
}
