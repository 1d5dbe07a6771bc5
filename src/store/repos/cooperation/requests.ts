/** Cooperation requests (case-scoped), and the case's shares an accepted request may widen. */
import type { Kysely } from 'kysely';
import type { CaseScope } from '../../caseScope.ts';
import type { CaseSharesTable, CooperationRequestsTable, Database } from '../../schema/index.ts';

export type RequestRow = CooperationRequestsTable;

export async function listRequestRows(scope: CaseScope): Promise<RequestRow[]> {
  return scope.selectFrom('cooperation_requests').selectAll().orderBy('created_at', 'desc').execute();
}

export async function getRequestRow(scope: CaseScope, id: string): Promise<RequestRow | undefined> {
  return scope.selectFrom('cooperation_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An outgoing request on the notice still waiting for an answer. */
export async function openRequestOn(scope: CaseScope, noticeId: string): Promise<{ id: string } | undefined> {
  return scope
    .selectFrom('cooperation_requests')
    .select('id')
    .where('notice_id', '=', noticeId)
    .where('direction', '=', 'outgoing')
    .where('status', '=', 'requested')
    .executeTakeFirst();
}

export async function insertRequest(scope: CaseScope, row: Omit<RequestRow, 'case_id'>): Promise<void> {
  await scope.insertInto('cooperation_requests', row).execute();
}

export async function updateRequest(
  scope: CaseScope,
  id: string,
  patch: Partial<Omit<RequestRow, 'case_id' | 'id'>>,
): Promise<void> {
  await scope.updateTable('cooperation_requests').set(patch).where('id', '=', id).execute();
}

/**
 * The outgoing request a partner's decision answers, in whichever case sent it: the decision
 * names the request, not the case, so this looks across cases by the request's own id.
 */
export async function outgoingRequestUnder(
  db: Kysely<Database>,
  id: string,
  agreementId: string,
): Promise<RequestRow | undefined> {
  return db
    .selectFrom('cooperation_requests')
    .selectAll()
    .where('id', '=', id)
    .where('agreement_id', '=', agreementId)
    .where('direction', '=', 'outgoing')
    .executeTakeFirst();
}

export async function getCaseShare(scope: CaseScope, agencyId: string): Promise<CaseSharesTable | undefined> {
  return scope.selectFrom('case_shares').selectAll().where('agency_id', '=', agencyId).executeTakeFirst();
}

export async function sharedEntityIdsOf(scope: CaseScope, agencyId: string): Promise<string[]> {
  const rows = await scope
    .selectFrom('case_share_entities')
    .select('entity_id')
    .where('agency_id', '=', agencyId)
    .execute();
  return rows.map((r) => r.entity_id);
}

/** The links whose both ends are among `ids`. */
export async function linkIdsBetween(scope: CaseScope, ids: readonly string[]): Promise<string[]> {
  const rows = await scope
    .selectFrom('entities')
    .select('id')
    .where('source_id', 'in', [...ids])
    .where('target_id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.id);
}
