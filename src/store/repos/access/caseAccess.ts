/** What the policy layer asks about one case: the case, its sandbox owner, a member, an agency's share. */
import type { CaseFacts } from '../../../domain/access/policy.ts';
import type { CaseScope } from '../../caseScope.ts';
import { getCase } from '../cases/cases.ts';
import { sandboxOf } from '../training/training.ts';

export const caseFacts = (scope: CaseScope): CaseFacts => ({
  kase: () => getCase(scope),
  sandboxOwner: async () => (await sandboxOf(scope))?.owner_id,
  member: (userId) => scope.selectFrom('case_members').selectAll().where('user_id', '=', userId).executeTakeFirst(),
  share: (agencyId) => scope.selectFrom('case_shares').selectAll().where('agency_id', '=', agencyId).executeTakeFirst(),
});

/** The entity ids shared with an agency when only part of the case is. */
export async function sharedEntityIds(scope: CaseScope, agencyId: string): Promise<string[]> {
  const rows = await scope
    .selectFrom('case_share_entities')
    .select('entity_id')
    .where('agency_id', '=', agencyId)
    .execute();
  return rows.map((r) => r.entity_id);
}

/**
 * A stamp of what decides whom a case protects beyond its entities' own fields (entities, statement
 * lines, placements, observations, assessments): it changes whenever any of them is added, changed
 * or removed, so a protection decided under one stamp holds until the stamp changes.
 */
export async function protectionStamp(scope: CaseScope): Promise<string> {
  const [entities, transactions, placements, observations, assessments] = await Promise.all([
    scope
      .selectFrom('entities')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('at')])
      .executeTakeFirst(),
    scope
      .selectFrom('transactions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    scope
      .selectFrom('view_placements')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('placed_at').as('at')])
      .executeTakeFirst(),
    scope
      .selectFrom('indicator_observations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    scope
      .selectFrom('assessments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  ]);
  return [
    entities?.n,
    entities?.at,
    transactions?.n,
    placements?.n,
    placements?.at,
    observations?.n,
    assessments?.n,
  ].join('|');
}
