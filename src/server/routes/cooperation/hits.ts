/**
 * Hit/no-hit: hit notices of a case and the cross-case check (services/cooperation/crossCase.ts,
 * the deliberate exception to case scoping), the user's notifications, and hit/no-hit with
 * partner deployments by private set intersection — as exchange files (export, respond, finish)
 * or over HTTPS (run here; the partner's server answers at POST /api/partner/psi).
 */
import { z } from 'zod';
import { CheckResultOut, HitNoticeOut, NotificationOut, PsiRunBody } from '../../../shared/contracts/cooperation.ts';
import {
  answerPartnerQuery,
  answerQueryFile,
  caseHitNotices,
  checkCrossCaseHits,
  exportQuery,
  finishQuery,
  myNotifications,
  partnerMaySend,
  readNotification,
  runOverHttps,
} from '../../../services/cooperation/index.ts';
import { MiB } from '../../http/route.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

/** Exchange files of 10⁵ blinded values (two lists of 64-hex points) stay under this. */
const EXCHANGE_LIMIT = 16 * MiB;
const ExchangeFile = z
  .record(z.string(), z.unknown())
  .describe('A signed exchange envelope (format elect-thb-exchange, version 1)');

export function hitRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases/:caseId/hits',
    tag: 'hits',
    summary: 'Hit notices of the case: that a hit exists, on which of its entities, and whom to contact',
    params: CaseParams,
    response: z.object({ notices: z.array(HitNoticeOut) }),
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId }) => caseHitNotices(store, caller, caseId),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/hits/check',
    tag: 'hits',
    summary: "Look the case's selectors up in the other cases of this deployment (cross-case hit/no-hit)",
    params: CaseParams,
    response: CheckResultOut,
    access: { case: 'case:write' },
    handler: ({ store, caller, caseId }) => checkCrossCaseHits(store, caller, caseId),
  });

  r({
    method: 'GET',
    url: '/api/notifications',
    tag: 'hits',
    summary: 'My notifications (hits on my cases, cooperation requests and decisions)',
    response: z.object({ notifications: z.array(NotificationOut) }),
    access: 'authenticated',
    handler: ({ store, caller }) => myNotifications(store, caller),
  });

  r({
    method: 'POST',
    url: '/api/notifications/:notificationId/read',
    tag: 'hits',
    summary: 'Mark one of my notifications read',
    params: z.object({ notificationId: z.string().min(1).max(100) }),
    access: 'authenticated',
    handler: ({ store, caller, params }) => readNotification(store, caller, { notificationId: params.notificationId }),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/psi/export',
    tag: 'hits',
    summary: "Export the case's selectors, blinded, as a signed query file for a partner (air-gapped exchange)",
    params: CaseParams,
    body: PsiRunBody,
    access: { case: 'case:write' },
    handler: ({ store, caller, caseId, body }) => exportQuery(store, caller, caseId, { agreementId: body.agreementId }),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/psi/finish',
    tag: 'hits',
    summary: "Import the partner's response file: a hit notice names the partner's contact points",
    params: CaseParams,
    body: ExchangeFile,
    bodyLimit: EXCHANGE_LIMIT,
    access: { case: 'case:write' },
    handler: ({ store, caller, caseId, body }) => finishQuery(store, caller, caseId, body),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/psi/run',
    tag: 'hits',
    summary: "Hit/no-hit with a partner's server over HTTPS under an agreement",
    params: CaseParams,
    body: PsiRunBody,
    access: { case: 'case:write' },
    handler: ({ store, caller, caseId, body }) =>
      runOverHttps(store, caller, caseId, { agreementId: body.agreementId }),
  });

  r({
    method: 'POST',
    url: '/api/psi/respond',
    tag: 'hits',
    summary: "Answer a partner's query file with this deployment's blinded selectors (air-gapped exchange)",
    body: ExchangeFile,
    bodyLimit: EXCHANGE_LIMIT,
    access: { global: 'cooperation:manage' },
    handler: ({ store, caller, body }) => answerQueryFile(store, caller, body),
  });

  r({
    method: 'POST',
    url: '/api/partner/psi',
    tag: 'hits',
    summary: "Server-to-server: answer a partner's signed query (authenticated by the partner's key in the agreement)",
    body: ExchangeFile,
    bodyLimit: EXCHANGE_LIMIT,
    access: 'public',
    admitLargeBody: partnerMaySend,
    handler: ({ store, body }) => answerPartnerQuery(store, body),
  });
}
