/**
 * The policy layer: need-to-know decisions in one place. Case data is visible only to the
 * case's members, whatever their platform role (an administrator manages users, not cases).
 * A case the actor may not see answers "not found", so its existence does not leak.
 */
import { errors } from '../shared/errors.ts';
import { getMember } from '../store/repos/cases.ts';
import type { MemberRow } from '../store/repos/cases.ts';
import type { Store } from '../store/store.ts';
import type { Actor } from './actor.ts';

export type CaseAction = 'case:read' | 'case:write' | 'case:manage';
export type GlobalAction = 'users:manage' | 'cases:create';

/** What each case role may do. */
const caseRolePermissions: Record<string, readonly CaseAction[]> = {
  lead: ['case:read', 'case:write', 'case:manage'],
  investigator: ['case:read', 'case:write'],
  analyst: ['case:read', 'case:write'],
  reader: ['case:read'],
};

const globalPermissions: Record<GlobalAction, readonly string[]> = {
  'users:manage': ['admin'],
  'cases:create': ['admin', 'investigator', 'analyst', 'supervisor', 'prosecutor', 'trainer', 'trainee'],
};

export async function authorizeCase(store: Store, actor: Actor, caseId: string, action: CaseAction): Promise<MemberRow> {
  const member = await getMember(store.scope(caseId), actor.id);
  if (!member) throw errors.notFound('Case');
  if (!(caseRolePermissions[member.case_role] ?? []).includes(action)) {
    throw errors.forbidden(`Your role in this case (${member.case_role}) does not allow ${action}`);
  }
  return member;
}

export function authorizeGlobal(actor: Actor, action: GlobalAction): void {
  if (!globalPermissions[action].includes(actor.platformRole)) {
    throw errors.forbidden(`Your platform role (${actor.platformRole}) does not allow ${action}`);
  }
}
