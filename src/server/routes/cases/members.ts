/**
 * Case members with their names, for the sharing page: change a member's case role, remove a
 * member, and find a user to share with by exact user name (no listing of all users).
 */
import { z } from 'zod';
import { MemberOut, MemberUpdate, UserLookupQuery } from '../../../shared/contracts/cases.ts';
import { changeMember, dropMember, lookUpUser, membersWithNames } from '../../../services/cases/index.ts';
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
    handler: ({ store, caller, caseId }) => membersWithNames(store, caller, caseId),
  });

  r({
    method: 'PATCH',
    url: '/api/cases/:caseId/members/:userId',
    tag: 'cases',
    summary: "Change a member's case role or victim-contact permission",
    params: MemberParams,
    body: MemberUpdate,
    access: { case: 'case:manage' },
    handler: ({ store, caller, caseId, params, body }) =>
      changeMember(store, caller, caseId, { userId: params.userId, change: body }),
  });

  r({
    method: 'DELETE',
    url: '/api/cases/:caseId/members/:userId',
    tag: 'cases',
    summary: 'Remove a member from the case',
    params: MemberParams,
    access: { case: 'case:manage' },
    handler: ({ store, caller, caseId, params }) => dropMember(store, caller, caseId, { userId: params.userId }),
  });

  r({
    method: 'GET',
    url: '/api/users/lookup',
    tag: 'users',
    summary: 'Find a user by exact user name, to share a case with',
    query: UserLookupQuery,
    access: 'authenticated',
    response: z.object({ id: z.string(), username: z.string(), displayName: z.string() }),
    handler: ({ store, caller, query }) => lookUpUser(store, caller, { username: query.username }),
  });
}
