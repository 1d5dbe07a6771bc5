/**
 * Case members with their names, for the sharing page: change a member's case role or victim-contact
 * permission, remove a member, and find a user to share with by exact user name (no listing of all users).
 */
import type { z } from 'zod';
import type { MemberOut, MemberUpdate } from '../../shared/contracts/cases.ts';
import { errors } from '../../shared/errors.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import { getUser, getUserByName } from '../../store/repos/access/users.ts';
import { getMember, listMembers, removeMember, updateMember } from '../../store/repos/cases/cases.ts';
import { caseUseCase, globalUseCase } from '../useCase/index.ts';

export const membersWithNames = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'members' },
  run: async ({ store, caseId }): Promise<{ members: z.infer<typeof MemberOut>[] }> => {
    const members = await listMembers(store.scope(caseId));
    const out = [];
    for (const m of members) {
      const u = await getUser(store.db, m.user_id);
      out.push({
        userId: m.user_id,
        username: u?.username ?? m.user_id,
        displayName: u?.display_name ?? m.user_id,
        caseRole: m.case_role,
        victimContact: m.victim_contact === 1,
        addedBy: m.added_by,
        addedAt: m.added_at,
      });
    }
    return { members: out };
  },
});

export const changeMember = caseUseCase({
  permission: 'case:manage',
  audit: { action: 'permission', target: 'member', targetOf: (i: { userId: string }) => i.userId },
  run: async ({ store, caseId, audit }, input: { userId: string; change: z.infer<typeof MemberUpdate> }) => {
    const { userId, change } = input;
    const scope = store.scope(caseId);
    const member = await getMember(scope, userId);
    if (!member) throw errors.notFound('Member');
    if (member.case_role === 'lead' && change.caseRole !== undefined && change.caseRole !== 'lead')
      await keepOneLead(scope, userId);
    const patch = {
      ...(change.caseRole !== undefined ? { case_role: change.caseRole } : {}),
      ...(change.victimContact !== undefined ? { victim_contact: change.victimContact ? 1 : 0 } : {}),
    };
    if (Object.keys(patch).length) await store.transaction((trx) => updateMember(scope.in(trx), userId, patch));
    audit.detail(change);
    return {
      userId,
      caseRole: change.caseRole ?? member.case_role,
      victimContact: change.victimContact ?? member.victim_contact === 1,
    };
  },
});

export const dropMember = caseUseCase({
  permission: 'case:manage',
  audit: { action: 'permission', target: 'member', targetOf: (i: { userId: string }) => i.userId },
  run: async ({ store, caseId }, { userId }: { userId: string }) => {
    const scope = store.scope(caseId);
    const member = await getMember(scope, userId);
    if (!member) throw errors.notFound('Member');
    if (member.case_role === 'lead') await keepOneLead(scope, userId);
    await store.transaction((trx) => removeMember(scope.in(trx), userId));
    return { removed: userId };
  },
});

export const lookUpUser = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'user' },
  run: async ({ store, audit }, { username }: { username: string }) => {
    const u = await getUserByName(store.db, username.toLowerCase());
    if (!u || u.disabled) throw errors.notFound('User');
    audit.target(u.id);
    return { id: u.id, username: u.username, displayName: u.display_name };
  },
});

/** A case always keeps a lead: someone must be able to manage it. */
async function keepOneLead(scope: CaseScope, leaving: string): Promise<void> {
  const leads = (await listMembers(scope)).filter((m) => m.case_role === 'lead' && m.user_id !== leaving);
  if (!leads.length)
    throw errors.conflict('The case must keep at least one lead; make someone else lead first', 'caseRole');
}
