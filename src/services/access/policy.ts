/**
 * The policy layer: the rules are in domain/access/policy.ts; this asks the store for the facts
 * they need. A case the user may not reach answers "not found", so its existence does not leak.
 */
import { decideCaseAccess, requireCaseAction } from '../../domain/access/policy.ts';
import type { CaseAccess, CaseAction } from '../../domain/access/policy.ts';
import { caseFacts } from '../../store/repos/access/caseAccess.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from './actor.ts';

export type { CaseAccess, CaseAction, CaseRole, GlobalAction } from '../../domain/access/policy.ts';
export { authorizeGlobal, caseRoles, permits } from '../../domain/access/policy.ts';

/** How the actor reaches the case, or null when they do not. */
export const resolveCaseAccess = (store: Store, actor: Actor, caseId: string): Promise<CaseAccess | null> =>
  decideCaseAccess(actor, caseId, caseFacts(store.scope(caseId)));

export async function authorizeCase(
  store: Store,
  actor: Actor,
  caseId: string,
  action: CaseAction,
): Promise<CaseAccess> {
  return requireCaseAction(await resolveCaseAccess(store, actor, caseId), actor, action);
}
