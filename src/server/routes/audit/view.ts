/**
 * The audit trail (Directive 2016/680 art. 25) for the people who check it: a case's lead
 * sees what concerns the case; a supervisor (or administrator) sees everything. Reading the
 * trail is itself recorded.
 */
import { auditTrail, caseAuditTrail } from '../../../services/audit/index.ts';
import { AuditOut, AuditQuery } from '../../../shared/contracts/audit.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

export function auditViewRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases/:caseId/audit',
    tag: 'audit',
    summary: 'What was done with this case, newest first (case lead)',
    params: CaseParams,
    query: AuditQuery.omit({ caseId: true }),
    response: AuditOut,
    access: { case: 'case:manage' },
    handler: ({ store, caller, caseId, query }) =>
      caseAuditTrail(store, caller, caseId, {
        userId: query.user,
        action: query.action,
        from: query.from,
        to: query.to,
        before: query.before,
        limit: query.limit,
      }),
  });

  r({
    method: 'GET',
    url: '/api/audit',
    tag: 'audit',
    summary: 'The audit trail of every case, newest first (supervisors)',
    query: AuditQuery,
    response: AuditOut,
    access: { global: 'audit:read' },
    handler: ({ store, caller, query }) =>
      auditTrail(store, caller, {
        caseId: query.caseId,
        userId: query.user,
        action: query.action,
        from: query.from,
        to: query.to,
        before: query.before,
        limit: query.limit,
      }),
  });
}
