import { z } from 'zod';
import { CaseCreate, CaseOut, CaseUpdate, MemberAdd, ShareCreate } from '../../../shared/contracts/index.ts';
import { errors } from '../../../shared/errors.ts';
import { createCase, listCases, presentCase, requireCase } from '../../../services/cases/cases.ts';
import { listShares, shareCase, unshareCase } from '../../../services/cases/sharing.ts';
import { addMember, getMember, listMembers, updateCase } from '../../../store/repos/cases/cases.ts';
import { countEntitiesBySchema } from '../../../store/repos/entities/entities.ts';
import { countTransactions } from '../../../store/repos/finance/transactions.ts';
import { getUser } from '../../../store/repos/access/users.ts';
import type { Router } from '../router.ts';

export const CaseParams = z.object({ caseId: z.string().min(1).max(200) });

export function caseRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases',
    tag: 'cases',
    summary: 'Cases you are a member of',
    access: 'authenticated',
    response: z.object({ cases: z.array(CaseOut) }),
    handler: async ({ store, actor }) => ({ cases: await listCases(store, actor) }),
  });

  r({
    method: 'POST',
    url: '/api/cases',
    tag: 'cases',
    summary: 'Open a case (you become its lead)',
    status: 201,
    access: { global: 'cases:create' },
    body: CaseCreate,
    response: CaseOut,
    handler: async ({ store, actor, body }) => createCase(store, actor, body),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId',
    tag: 'cases',
    summary: 'A case with counts by entity type',
    access: { case: 'case:read' },
    audit: { action: 'consultation', target: 'case' },
    params: CaseParams,
    handler: async ({ store, caseId, access }) => {
      const row = await requireCase(store, caseId);
      const scope = store.scope(caseId);
      const counts = access.partial ? [] : await countEntitiesBySchema(scope);
      return {
        ...presentCase(row, access.role),
        counts,
        transactions: access.partial ? 0 : await countTransactions(scope),
        access: {
          role: access.role,
          canWrite: access.canWrite,
          canManage: access.canManage,
          victimContact: access.victimContact,
          partial: access.partial,
        },
      };
    },
  });

  r({
    method: 'PATCH',
    url: '/api/cases/:caseId',
    tag: 'cases',
    summary: 'Edit a case',
    params: CaseParams,
    body: CaseUpdate,
    access: { case: 'case:manage' },
    audit: { action: 'alteration', target: 'case' },
    handler: async ({ store, caseId, body }) => {
      const { handlingCode, ...rest } = body;
      const patch = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
      await updateCase(store.scope(caseId), {
        ...patch,
        ...(handlingCode ? { handling_code: handlingCode } : {}),
        updated_at: new Date().toISOString(),
      });
      return presentCase(await requireCase(store, caseId));
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/members',
    tag: 'cases',
    summary: 'Members of the case and their case roles',
    params: CaseParams,
    access: { case: 'case:read' },
    audit: { action: 'consultation', target: 'members' },
    handler: async ({ store, caseId }) => ({
      members: (await listMembers(store.scope(caseId))).map((m) => ({
        userId: m.user_id,
        caseRole: m.case_role,
        victimContact: m.victim_contact === 1,
        addedBy: m.added_by,
        addedAt: m.added_at,
      })),
    }),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/members',
    tag: 'cases',
    summary: 'Share the case with a user',
    status: 201,
    params: CaseParams,
    body: MemberAdd,
    access: { case: 'case:manage' },
    audit: { action: 'permission', target: 'member' },
    handler: async ({ store, caseId, body, actor, setAuditTarget, auditDetail }) => {
      if (!(await getUser(store.db, body.userId))) throw errors.validation(`No user ${body.userId}`, 'userId');
      const scope = store.scope(caseId);
      if (await getMember(scope, body.userId)) throw errors.conflict('Already a member of this case', 'userId');
      const now = new Date().toISOString();
      await addMember(scope, {
        user_id: body.userId,
        case_role: body.caseRole,
        victim_contact: body.victimContact ? 1 : 0,
        added_by: actor.id,
        added_at: now,
      });
      setAuditTarget(body.userId);
      auditDetail.caseRole = body.caseRole;
      auditDetail.victimContact = body.victimContact;
      return {
        userId: body.userId,
        caseRole: body.caseRole,
        victimContact: body.victimContact,
        addedBy: actor.id,
        addedAt: now,
      };
    },
  });
}

export function shareRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases/:caseId/shares',
    tag: 'cases',
    summary: 'Agencies the case is shared with',
    params: CaseParams,
    access: { case: 'case:read' },
    audit: { action: 'consultation', target: 'shares' },
    handler: async ({ store, caseId }) => ({
      shares: (await listShares(store, caseId)).map((s) => ({
        agencyId: s.agency_id,
        access: s.access,
        partial: s.partial === 1,
        sharedBy: s.shared_by,
        sharedAt: s.shared_at,
      })),
    }),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/shares',
    tag: 'cases',
    summary: 'Share the case, or chosen entities, with another agency',
    status: 201,
    params: CaseParams,
    body: ShareCreate,
    access: { case: 'case:manage' },
    audit: { action: 'disclosure', target: 'share' },
    handler: async ({ store, actor, access, body, setAuditTarget, auditDetail }) => {
      const res = await shareCase(store, actor, access, body);
      setAuditTarget(body.agencyId);
      auditDetail.access = body.access;
      auditDetail.entities = res.entities;
      return res;
    },
  });

  r({
    method: 'DELETE',
    url: '/api/cases/:caseId/shares/:agencyId',
    tag: 'cases',
    summary: 'Stop sharing the case with an agency',
    params: CaseParams.extend({ agencyId: z.string().min(1).max(200) }),
    access: { case: 'case:manage' },
    audit: { action: 'permission', target: 'share', targetParam: 'agencyId' },
    handler: async ({ store, caseId, params }) => {
      if (!(await unshareCase(store, caseId, params.agencyId))) throw errors.notFound('Share');
      return { removed: params.agencyId };
    },
  });
}
