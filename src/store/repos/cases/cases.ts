/** Cases and their members. The `cases` row is itself keyed by `case_id`. */
import type { Kysely } from 'kysely';
import type { CaseScope } from '../../caseScope.ts';
import type { CaseMembersTable, CasesTable, Database } from '../../schema/index.ts';

/** A case row; the retention review date may be left out when a case is opened (it is set later). */
export type CaseRow = Omit<CasesTable, 'review_date'> & Partial<Pick<CasesTable, 'review_date'>>;
export type MemberRow = CaseMembersTable;

export async function insertCase(scope: CaseScope, row: Omit<CaseRow, 'case_id'>): Promise<void> {
  await scope.insertInto('cases', row).execute();
}

export async function getCase(scope: CaseScope): Promise<CaseRow | undefined> {
  return scope.selectFrom('cases').selectAll().executeTakeFirst();
}

export async function updateCase(scope: CaseScope, patch: Partial<Omit<CaseRow, 'case_id'>>): Promise<void> {
  await scope.updateTable('cases').set(patch).execute();
}

/**
 * Cases the user reaches, newest first: as a member, or through a share with their agency.
 * Crosses cases on purpose: it lists them.
 */
export async function listCasesOfUser(
  db: Kysely<Database>,
  userId: string,
  agencyId: string | null,
): Promise<(CaseRow & { case_role: string })[]> {
  const members = await db
    .selectFrom('cases')
    .innerJoin('case_members', 'case_members.case_id', 'cases.case_id')
    .selectAll('cases')
    .select('case_members.case_role')
    .where('case_members.user_id', '=', userId)
    .execute();
  const shared = agencyId
    ? await db
        .selectFrom('cases')
        .innerJoin('case_shares', 'case_shares.case_id', 'cases.case_id')
        .selectAll('cases')
        .select('case_shares.access')
        .where('case_shares.agency_id', '=', agencyId)
        .execute()
    : [];
  const seen = new Set(members.map((m) => m.case_id));
  const all = [
    ...members,
    ...shared
      .filter((c) => !seen.has(c.case_id))
      .map(({ access, ...c }) => ({ ...c, case_role: access === 'contribute' ? 'shared-contribute' : 'shared-read' })),
  ];
  return all.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
}

export async function addMember(scope: CaseScope, row: Omit<MemberRow, 'case_id'>): Promise<void> {
  await scope.insertInto('case_members', row).execute();
}

export async function getMember(scope: CaseScope, userId: string): Promise<MemberRow | undefined> {
  return scope.selectFrom('case_members').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function listMembers(scope: CaseScope): Promise<MemberRow[]> {
  return scope.selectFrom('case_members').selectAll().orderBy('added_at').execute();
}

export async function updateMember(
  scope: CaseScope,
  userId: string,
  patch: Partial<Pick<MemberRow, 'case_role' | 'victim_contact'>>,
): Promise<void> {
  await scope.updateTable('case_members').set(patch).where('user_id', '=', userId).execute();
}

export async function removeMember(scope: CaseScope, userId: string): Promise<void> {
  await scope.deleteFrom('case_members').where('user_id', '=', userId).execute();
}
