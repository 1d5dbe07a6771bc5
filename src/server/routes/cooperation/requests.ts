/**
 * Cooperation agreements with partner deployments (administrators), this deployment's public
 * signing key (to give partners), and cooperation requests that follow a hit.
 */
import { z } from 'zod';
import {
  AgreementOut,
  CooperationDecision,
  CooperationRequestCreate,
  CooperationRequestOut,
  IdentityOut,
} from '../../../shared/contracts/cooperation.ts';
import {
  addAgreement,
  agreementList,
  caseCooperationRequests,
  decideCooperation,
  deploymentIdentity,
  importExchangeFile,
  partnerMaySend,
  receivePartnerEnvelope,
  requestCooperation,
  revokeAgreement,
} from '../../../services/cooperation/index.ts';
import { MiB } from '../../http/route.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

const manage = { global: 'cooperation:manage' } as const;

export function cooperationRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/agreements',
    tag: 'cooperation',
    summary: 'Cooperation agreements: partners, selector kinds, rate limits, contact points',
    response: z.object({ agreements: z.array(AgreementOut) }),
    access: 'authenticated',
    handler: ({ store, caller }) => agreementList(store, caller),
  });

  r({
    method: 'POST',
    url: '/api/agreements',
    tag: 'cooperation',
    summary: 'Register a cooperation agreement with a partner deployment (its public key, kinds, limits, contacts)',
    body: z.record(z.string(), z.unknown()),
    response: AgreementOut,
    status: 201,
    access: manage,
    handler: ({ store, caller, body }) => addAgreement(store, caller, body),
  });

  r({
    method: 'DELETE',
    url: '/api/agreements/:agreementId',
    tag: 'cooperation',
    summary: 'Revoke a cooperation agreement: no more queries are sent or answered under it',
    params: z.object({ agreementId: z.string().min(1).max(100) }),
    response: AgreementOut,
    access: manage,
    handler: ({ store, caller, params }) => revokeAgreement(store, caller, { agreementId: params.agreementId }),
  });

  r({
    method: 'GET',
    url: '/api/cooperation/identity',
    tag: 'cooperation',
    summary: "This deployment's id and public signing key, for partners to register",
    response: IdentityOut,
    access: manage,
    handler: ({ store, caller }) => deploymentIdentity(store, caller),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/cooperation/requests',
    tag: 'cooperation',
    summary: 'Cooperation requests of the case, sent and received',
    params: CaseParams,
    response: z.object({ requests: z.array(CooperationRequestOut) }),
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId }) => caseCooperationRequests(store, caller, caseId),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/cooperation/requests',
    tag: 'cooperation',
    summary: 'Ask the other side of a hit to cooperate',
    params: CaseParams,
    body: CooperationRequestCreate,
    response: CooperationRequestOut,
    status: 201,
    access: { case: 'case:write' },
    handler: ({ store, caller, caseId, body }) =>
      requestCooperation(store, caller, caseId, { noticeId: body.noticeId, message: body.message }),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/cooperation/requests/:requestId/decision',
    tag: 'cooperation',
    summary: 'Accept (sharing chosen entities) or decline a cooperation request',
    params: CaseParams.extend({ requestId: z.string().min(1).max(100) }),
    body: CooperationDecision,
    response: CooperationRequestOut,
    access: { case: 'case:manage' },
    handler: ({ store, caller, caseId, params, body }) =>
      decideCooperation(store, caller, caseId, {
        requestId: params.requestId,
        decision: body.decision,
        entityIds: body.entityIds,
      }),
  });

  r({
    method: 'POST',
    url: '/api/cooperation/exchange',
    tag: 'cooperation',
    summary: "Import a partner's cooperation request or decision carried as a file (air-gapped exchange)",
    body: z.record(z.string(), z.unknown()),
    bodyLimit: 16 * MiB,
    access: manage,
    handler: ({ store, caller, body }) => importExchangeFile(store, caller, body),
  });

  r({
    method: 'POST',
    url: '/api/partner/cooperation',
    tag: 'cooperation',
    summary:
      "Server-to-server: a partner's signed cooperation request or decision (authenticated by the partner's key)",
    body: z.record(z.string(), z.unknown()),
    bodyLimit: 16 * MiB,
    access: 'public',
    admitLargeBody: partnerMaySend,
    handler: ({ store, body }) => receivePartnerEnvelope(store, body),
  });
}
