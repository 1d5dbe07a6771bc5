/**
 * Hit/no-hit: hit notices of a case and the cross-case check (services/hitsCrossCase.ts, the
 * deliberate exception to case scoping), the user's notifications, and hit/no-hit with partner
 * deployments by private set intersection — as exchange files (export, respond, finish) or over
 * HTTPS (run here; the partner's server answers at POST /api/partner/psi).
 */
import { z } from 'zod';
import { CheckResultOut, HitNoticeOut, NotificationOut, PsiRunBody } from '../../../shared/contracts/cooperation.ts';
import { errors } from '../../../shared/errors.ts';
import { checkCrossCaseHits } from '../../../services/cooperation/crossCase.ts';
import { listNotices, markNotificationRead, notificationsOf, presentNotice } from '../../../services/cooperation/notices.ts';
import { answerPartnerQuery, exportQuery, finishQuery, runOverHttps } from '../../../services/cooperation/psi.ts';
import { visibilityOf } from '../../../services/access/visibility.ts';
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
    audit: { action: 'consultation', target: 'hits' },
    handler: async ({ store, caseId, access, auditIds }) => {
      const v = await visibilityOf(store, access);
      const notices = (await listNotices(store, caseId)).map((n) => presentNotice(n, v));
      auditIds(notices.map((n) => n.id));
      return { notices };
    },
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/hits/check',
    tag: 'hits',
    summary: "Look the case's selectors up in the other cases of this deployment (cross-case hit/no-hit)",
    params: CaseParams,
    response: CheckResultOut,
    access: { case: 'case:write' },
    audit: { action: 'combination', target: 'hits' },
    handler: async ({ store, actor, access, auditDetail }) => {
      const out = await checkCrossCaseHits(store, actor, access);
      Object.assign(auditDetail, { count: out.notices.length });
      return out;
    },
  });

  r({
    method: 'GET',
    url: '/api/notifications',
    tag: 'hits',
    summary: 'My notifications (hits on my cases, cooperation requests and decisions)',
    response: z.object({ notifications: z.array(NotificationOut) }),
    access: 'authenticated',
    handler: async ({ store, actor }) => ({ notifications: await notificationsOf(store, actor.id) }),
  });

  r({
    method: 'POST',
    url: '/api/notifications/:notificationId/read',
    tag: 'hits',
    summary: 'Mark one of my notifications read',
    params: z.object({ notificationId: z.string().min(1).max(100) }),
    access: 'authenticated',
    handler: async ({ store, actor, params }) => {
      if (!(await markNotificationRead(store, actor.id, params.notificationId))) throw errors.notFound('Notification');
      return { id: params.notificationId };
    },
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/psi/export',
    tag: 'hits',
    summary: "Export the case's selectors, blinded, as a signed query file for a partner (air-gapped exchange)",
    params: CaseParams,
    body: PsiRunBody,
    access: { case: 'case:write' },
    audit: { action: 'disclosure', target: 'psiQuery' },
    handler: async ({ store, actor, caseId, body, auditDetail }) => {
      Object.assign(auditDetail, { agreementId: body.agreementId });
      return exportQuery(store, actor, caseId, body.agreementId, 'file');
    },
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
    audit: { action: 'combination', target: 'psiQuery' },
    handler: async ({ store, actor, access, body, auditDetail }) => {
      const out = await finishQuery(store, actor, access, body, 'file');
      Object.assign(auditDetail, { count: out.matched });
      return out;
    },
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/psi/run',
    tag: 'hits',
    summary: "Hit/no-hit with a partner's server over HTTPS under an agreement",
    params: CaseParams,
    body: PsiRunBody,
    access: { case: 'case:write' },
    audit: { action: 'combination', target: 'psiQuery' },
    handler: async ({ store, actor, access, body, auditDetail }) => {
      const out = await runOverHttps(store, actor, access, body.agreementId);
      Object.assign(auditDetail, { agreementId: body.agreementId, count: out.matched });
      return out;
    },
  });

  r({
    method: 'POST',
    url: '/api/psi/respond',
    tag: 'hits',
    summary: "Answer a partner's query file with this deployment's blinded selectors (air-gapped exchange)",
    body: ExchangeFile,
    bodyLimit: EXCHANGE_LIMIT,
    access: { global: 'cooperation:manage' },
    handler: async ({ store, actor, body }) => answerPartnerQuery(store, body, 'file', actor.id),
  });

  r({
    method: 'POST',
    url: '/api/partner/psi',
    tag: 'hits',
    summary: "Server-to-server: answer a partner's signed query (authenticated by the partner's key in the agreement)",
    body: ExchangeFile,
    bodyLimit: EXCHANGE_LIMIT,
    access: 'public',
    handler: async ({ store, body }) => answerPartnerQuery(store, body, 'https'),
  });
}
