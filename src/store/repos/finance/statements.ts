/**
 * Bank statements' own figures (balances, entry counts, whether they reconcile), case-scoped.
 * A statement is identified by its account, reference, period and both balances: inserting one
 * the case already holds does nothing.
 */
import type { CaseScope } from '../../caseScope.ts';
import type { Reconciliation } from '../../../domain/finance/reconcile.ts';
import type { StatementRecord } from '../../../domain/records.ts';
import type { StatementsTable } from '../../schema/index.ts';
import { uuidv7 } from '../../../shared/ids.ts';

export type StatementRow = StatementsTable;

export function toStatementRow(
  s: StatementRecord,
  sourceId: string | null,
  reconciliation: Reconciliation = { status: 'balanced' },
): Omit<StatementRow, 'case_id'> {
  return {
    id: uuidv7(),
    account_id: s.accountId,
    reference: s.reference,
    currency: s.currency,
    opening_minor: s.openingMinor,
    opening_date: s.openingDate,
    closing_minor: s.closingMinor,
    closing_date: s.closingDate,
    entries: s.entries,
    source_id: sourceId,
    reconciliation: reconciliation.status,
    difference_minor: reconciliation.status === 'unbalanced' ? reconciliation.differenceMinor : null,
  };
}

/** Inserts the statements; returns how many were new (the rest were already in the case). */
export async function insertStatements(
  scope: CaseScope,
  rows: readonly Omit<StatementRow, 'case_id'>[],
): Promise<number> {
  let added = 0;
  // One row per statement: a file holds few, and each must be checked against the unique key.
  for (const row of rows) {
    const res = await scope
      .insertInto('statements', row)
      .onConflict((oc) =>
        oc
          .columns([
            'case_id',
            'account_id',
            'reference',
            'opening_date',
            'closing_date',
            'opening_minor',
            'closing_minor',
          ])
          .doNothing(),
      )
      .executeTakeFirst();
    added += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

/** Whether the case holds this statement: same account, reference, period and balances (absent ones alike). */
export async function hasStatement(scope: CaseScope, s: StatementRecord): Promise<boolean> {
  let query = scope
    .selectFrom('statements')
    .select('id')
    .where('account_id', '=', s.accountId)
    .where('reference', '=', s.reference)
    .where('opening_date', '=', s.openingDate)
    .where('closing_date', '=', s.closingDate);
  query =
    s.openingMinor === null
      ? query.where('opening_minor', 'is', null)
      : query.where('opening_minor', '=', s.openingMinor);
  query =
    s.closingMinor === null
      ? query.where('closing_minor', 'is', null)
      : query.where('closing_minor', '=', s.closingMinor);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

/** The case's statements, optionally of one account, in account and period order. */
export async function listStatements(scope: CaseScope, accountId?: string): Promise<StatementRow[]> {
  let query = scope.selectFrom('statements').selectAll();
  if (accountId) query = query.where('account_id', '=', accountId);
  return query
    .orderBy('account_id')
    .orderBy('opening_date')
    .orderBy('closing_date')
    .orderBy('reference')
    .orderBy('id')
    .execute();
}

/** The statements of these accounts that are not known to reconcile (unbalanced, or without balances). */
export async function unreconciledStatements(scope: CaseScope, accountIds: readonly string[]): Promise<StatementRow[]> {
  if (!accountIds.length) return [];
  return scope
    .selectFrom('statements')
    .selectAll()
    .where('account_id', 'in', [...accountIds])
    .where('reconciliation', '!=', 'balanced')
    .orderBy('opening_date')
    .orderBy('id')
    .execute();
}

export async function countStatements(scope: CaseScope): Promise<number> {
  const r = await scope
    .selectFrom('statements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
