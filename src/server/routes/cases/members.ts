/**
 * Case members with their names, for the sharing page: change a member's case role, remove a
 * member, and find a user to share with by exact user name (no listing of all users).
 */
import { z } from 'zod';
import { MemberOut, MemberUpdate, UserLookupQuery } from '../../../shared/contracts/workspace.ts';
import { errors } from '../../../shared/errors.ts';
import type { CaseScope } from '../../../store/caseScope.ts';
import { getMember, listMembers } from '../../../store/repos/cases/cases.ts';
import { getUser, getUserByName } from '../../../store/repos/access/users.ts';
import { CaseParams } from './cases.ts';
import type { Router } from '../router.ts';

const MemberParams = CaseParams.extend({ userId: z.string().min(1).max(200) });

export function memberRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases/:caseId/members/details',
    tag: 'cases',
    summary: 'Members of the case with their names and case roles',
    params: CaseParams,
    response: z.object({ members: z.array(MemberOut) }),
    access: { case: 'case:read' },
    audit: { action: 'consultation', target: 'members' },
    handler: async ({ store, caseId }) => {
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

  r({
    method: 'PATCH',
    url: '/api/cases/:caseId/members/:userId',
    tag: 'cases',
    summary: "Change a member's case role or victim-contact permission",
    params: MemberParams,
    body: MemberUpdate,
    access: { case: 'case:manage' },
    audit: { action: 'permission', target: 'member', targetParam: 'userId' },
    handler: async ({ store, caseId, params, body, auditDetail }) => {
      const scope = store.scope(caseId);
      const member = await getMember(scope, params.userId);
      if (!member) throw errors.notFound('Member');
      if (member.case_role === 'lead' && body.caseRole !== undefined && body.caseRole !== 'lead')
        await keepOneLead(scope, params.userId);
      const patch = {
        ...(body.caseRole !== undefined ? { case_role: body.caseRole } : {}),
        ...(body.victimContact !== undefined ? { victim_contact: body.victimContact ? 1 : 0 } : {}),
      };
      if (Object.keys(patch).length)
        await store.transaction((trx) =>
          scope.in(trx).updateTable('case_members').set(patch).where('user_id', '=', params.userId).execute(),
        );
      Object.assign(auditDetail, body);
      return {
        userId: params.userId,
        caseRole: body.caseRole ?? member.case_role,
        victimContact: body.victimContact ?? member.victim_contact === 1,
      };
    },
  });

  r({
    method: 'DELETE',
    url: '/api/cases/:caseId/members/:userId',
    tag: 'cases',
    summary: 'Remove a member from the case',
    params: MemberParams,
    access: { case: 'case:manage' },
    audit: { action: 'permission', target: 'member', targetParam: 'userId' },
    handler: async ({ store, caseId, params }) => {
      const scope = store.scope(caseId);
      const member = await getMember(scope, params.userId);
      if (!member) throw errors.notFound('Member');
      if (member.case_role === 'lead') await keepOneLead(scope, params.userId);
      await store.transaction((trx) =>
        scope.in(trx).deleteFrom('case_members').where('user_id', '=', params.userId).execute(),
      );
      return { removed: params.userId };
    },
  });

  r({
    method: 'GET',
    url: '/api/users/lookup',
    tag: 'users',
    summary: 'Find a user by exact user name, to share a case with',
    query: UserLookupQuery,
    access: 'authenticated',
    response: z.object({ id: z.string(), username: z.string(), displayName: z.string() }),
    handler: async ({ store, query }) => {
      const u = await getUserByName(store.db, query.username.toLowerCase());
      if (!u || u.disabled) throw errors.notFound('User');
      return { id: u.id, username: u.username, displayName: u.display_name };
    },
  });
}

/** A case always keeps a lead: someone must be able to manage it. */
async function keepOneLead(scope: CaseScope, leaving: string): Promise<void> {
  const leads = (await listMembers(scope)).filter((m) => m.case_role === 'lead' && m.user_id !== leaving);
  if (!leads.length)
    throw errors.conflict('The case must keep at least one lead; make someone else lead first', 'caseRole');
}
