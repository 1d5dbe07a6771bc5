/** A case's shares with other agencies, and the entities of a partial share. */
import type { CaseScope } from '../../caseScope.ts';
import type { CaseSharesTable } from '../../schema/index.ts';

export type ShareRow = CaseSharesTable;

export async function listShares(scope: CaseScope): Promise<ShareRow[]> {
  return scope.selectFrom('case_shares').selectAll().orderBy('shared_at').execute();
}

/** Adds entities to the part of the case shared with an agency. */
export async function addSharedEntities(
  scope: CaseScope,
  agencyId: string,
  entityIds: readonly string[],
): Promise<void> {
  for (let i = 0; i < entityIds.length; i += 500) {
    await scope
      .insertInto(
        'case_share_entities',
        entityIds.slice(i, i + 500).map((entity_id) => ({ agency_id: agencyId, entity_id })),
      )
      .execute();
  }
}

/** The ids of the entities shared with an agency (a partial share). */
export async function sharedEntityList(scope: CaseScope, agencyId: string): Promise<string[]> {
  const rows = await scope
    .selectFrom('case_share_entities')
    .select('entity_id')
    .where('agency_id', '=', agencyId)
    .execute();
  return rows.map((r) => r.entity_id);
}

/** Replaces the agency's share (whole case when `entityIds` is null). Run inside a transaction. */
export async function replaceShare(
  scope: CaseScope,
  row: Omit<ShareRow, 'case_id'>,
  entityIds: readonly string[] | null,
): Promise<void> {
  await scope.deleteFrom('case_shares').where('agency_id', '=', row.agency_id).execute();
  await scope.deleteFrom('case_share_entities').where('agency_id', '=', row.agency_id).execute();
  await scope.insertInto('case_shares', row).execute();
  if (entityIds) await addSharedEntities(scope, row.agency_id, entityIds);
}

/** Ends the share with an agency; false when there was none. Run inside a transaction. */
export async function removeShare(scope: CaseScope, agencyId: string): Promise<boolean> {
  await scope.deleteFrom('case_share_entities').where('agency_id', '=', agencyId).execute();
  const r = await scope.deleteFrom('case_shares').where('agency_id', '=', agencyId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
