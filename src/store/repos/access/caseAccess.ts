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
