/**
 * What the analysis views (chain, timeline, map, money flow, link chart) read of a case, and the
 * analyst's own placements in the chain and on the map (migration 009).
 */
import { sql } from 'kysely';
import type { CaseScope } from '../../caseScope.ts';
import type { EntitiesTable, TransactionsTable, ViewPlacementsTable } from '../../schema/index.ts';

export type PlacementRow = Omit<ViewPlacementsTable, 'case_id'>;

export async function caseEntityRows(scope: CaseScope): Promise<EntitiesTable[]> {
  return scope.selectFrom('entities').selectAll().execute();
}

export async function caseGraphRows(scope: CaseScope) {
  return scope
    .selectFrom('entities')
    .select(['id', 'schema', 'caption', 'properties', 'source_id', 'target_id', 'reliability', 'information'])
    .execute();
}

export async function entityExists(scope: CaseScope, entityId: string): Promise<boolean> {
  const row = await scope.selectFrom('entities').select('id').where('id', '=', entityId).executeTakeFirst();
  return !!row;
}

/** Distinct account → counterparty account pairs of the statement lines, with the line's direction. */
export async function transferPairRows(
  scope: CaseScope,
): Promise<{ account_id: string; counterparty_account_id: string | null; outgoing: number }[]> {
  return scope
    .selectFrom('transactions')
    .select(['account_id', 'counterparty_account_id'])
    .select(sql<number>`CASE WHEN amount_minor < 0 THEN 1 ELSE 0 END`.as('outgoing'))
    .where('counterparty_account_id', 'is not', null)
    .distinct()
    .execute();
}

export async function contactSelectorRows(
  scope: CaseScope,
): Promise<{ kind: string; value: string; entity_id: string }[]> {
  return scope
    .selectFrom('selectors')
    .select(['kind', 'value', 'entity_id'])
    .where('kind', 'in', ['phone', 'email'])
    .execute();
}

/** The accounts and booking date of the statement lines booked in the period. */
export async function transactionEndsIn(scope: CaseScope, period: { from: string | null; to: string | null }) {
  let q = scope.selectFrom('transactions').select(['account_id', 'counterparty_account_id', 'booking_date']);
  if (period.from) q = q.where('booking_date', '>=', period.from);
  if (period.to) q = q.where('booking_date', '<=', period.to);
  return q.execute();
}

/** Statement lines per booking day and currency: count, money in, money out (of `only` accounts when set). */
export async function dailyTotals(scope: CaseScope, only: ReadonlySet<string> | null | undefined) {
  return scope
    .selectFrom('transactions')
    .select(['booking_date', 'currency'])
    .select([
      sql<number>`COUNT(*)`.as('n'),
      sql<number>`SUM(CASE WHEN amount_minor > 0 THEN amount_minor ELSE 0 END)`.as('in_sum'),
      sql<number>`SUM(CASE WHEN amount_minor < 0 THEN -amount_minor ELSE 0 END)`.as('out_sum'),
    ])
    .$if(!!only, (q) => q.where('account_id', 'in', only?.size ? [...(only ?? [])] : ['']))
    .groupBy(['booking_date', 'currency'])
    .orderBy('booking_date')
    .execute();
}

/** The lines of some accounts in one currency, in the period, by booking date. */
export async function accountLines(
  scope: CaseScope,
  q: { accounts: string[]; currency: string; from?: string | undefined; to?: string | undefined },
): Promise<TransactionsTable[]> {
  let query = scope
    .selectFrom('transactions')
    .selectAll()
    .where('account_id', 'in', q.accounts)
    .where('currency', '=', q.currency);
  if (q.from) query = query.where('booking_date', '>=', q.from);
  if (q.to) query = query.where('booking_date', '<=', q.to);
  return query.orderBy('booking_date').orderBy('id').execute();
}

export async function placementRows(scope: CaseScope, view: 'chain' | 'map'): Promise<ViewPlacementsTable[]> {
  return scope.selectFrom('view_placements').selectAll().where('view', '=', view).execute();
}

/** Replaces the placement of the row's entity in the row's view. */
export async function replacePlacement(scope: CaseScope, row: PlacementRow): Promise<void> {
  await deletePlacement(scope, row.view as 'chain' | 'map', row.entity_id);
  await scope.insertInto('view_placements', row).execute();
}

export async function deletePlacement(scope: CaseScope, view: 'chain' | 'map', entityId: string): Promise<boolean> {
  const r = await scope
    .deleteFrom('view_placements')
    .where('view', '=', view)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
