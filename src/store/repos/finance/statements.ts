/**
 * Bank statements' own figures (balances, entry counts), case-scoped. A statement is
 * identified by its account, reference and period: inserting one the case already holds
 * does nothing.
 */
import type { CaseScope } from '../../caseScope.ts';
import type { StatementRecord } from '../../../domain/records.ts';
import type { StatementsTable } from '../../schema/index.ts';
import { uuidv7 } from '../../../shared/ids.ts';

export type StatementRow = StatementsTable;

export function toStatementRow(s: StatementRecord, sourceId: string | null): Omit<StatementRow, 'case_id'> {
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
        oc.columns(['case_id', 'account_id', 'reference', 'opening_date', 'closing_date']).doNothing(),
      )
      .executeTakeFirst();
    added += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
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

export async function countStatements(scope: CaseScope): Promise<number> {
  const r = await scope
    .selectFrom('statements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
