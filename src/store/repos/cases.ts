/** Cases and their members. The `cases` row is itself keyed by `case_id`. */
import type { Kysely } from 'kysely';
import type { CaseScope } from '../caseScope.ts';
import type { CaseMembersTable, CasesTable, Database } from '../tables.ts';

export type CaseRow = CasesTable;
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

/** Cases the user is a member of, newest first. Crosses cases on purpose: it lists them. */
export async function listCasesOfUser(db: Kysely<Database>, userId: string): Promise<(CaseRow & { case_role: string })[]> {
  return db
    .selectFrom('cases')
    .innerJoin('case_members', 'case_members.case_id', 'cases.case_id')
    .selectAll('cases')
    .select('case_members.case_role')
    .where('case_members.user_id', '=', userId)
    .orderBy('cases.created_at', 'desc')
    .execute();
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
