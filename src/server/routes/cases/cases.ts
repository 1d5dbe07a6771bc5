import { z } from 'zod';
import { CaseCreate, CaseOut, CaseUpdate, MemberAdd, ShareCreate } from '../../../shared/contracts/index.ts';
import {
  addCaseMember,
  caseMembers,
  caseOverview,
  caseShares,
  editCase,
  myCases,
  openNewCase,
  shareWithAgency,
  stopSharing,
} from '../../../services/cases/index.ts';
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
    handler: ({ store, caller }) => myCases(store, caller),
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
    handler: ({ store, caller, body }) => openNewCase(store, caller, body),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId',
    tag: 'cases',
    summary: 'A case with counts by entity type',
    access: { case: 'case:read' },
    params: CaseParams,
    handler: ({ store, caller, caseId }) => caseOverview(store, caller, caseId),
  });

  r({
    method: 'PATCH',
    url: '/api/cases/:caseId',
    tag: 'cases',
    summary: 'Edit a case',
    params: CaseParams,
    body: CaseUpdate,
    access: { case: 'case:manage' },
    handler: ({ store, caller, caseId, body }) => editCase(store, caller, caseId, body),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/members',
    tag: 'cases',
    summary: 'Members of the case and their case roles',
    params: CaseParams,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId }) => caseMembers(store, caller, caseId),
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
    handler: ({ store, caller, caseId, body }) => addCaseMember(store, caller, caseId, body),
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
    handler: ({ store, caller, caseId }) => caseShares(store, caller, caseId),
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
    handler: ({ store, caller, caseId, body }) => shareWithAgency(store, caller, caseId, body),
  });

  r({
    method: 'DELETE',
    url: '/api/cases/:caseId/shares/:agencyId',
    tag: 'cases',
    summary: 'Stop sharing the case with an agency',
    params: CaseParams.extend({ agencyId: z.string().min(1).max(200) }),
    access: { case: 'case:manage' },
    handler: ({ store, caller, caseId, params }) => stopSharing(store, caller, caseId, { agencyId: params.agencyId }),
  });
}
