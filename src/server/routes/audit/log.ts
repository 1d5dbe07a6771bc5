/**
 * Exporting and verifying the audit trail (the paged views are in view.ts): a case's lead
 * exports the case's trail; oversight roles (`audit:read`) export any part of it by case, user,
 * action and period, and verify its chains. Both are themselves recorded.
 */
import { z } from 'zod';
import { AuditQuery } from '../../../shared/contracts/audit.ts';
import { exportAuditTrail, exportCaseAuditTrail, verifyAuditTrail } from '../../../services/audit/index.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

const CsvQuery = AuditQuery.omit({ before: true, limit: true });

const VerifyOut = z.object({
  ok: z.boolean(),
  records: z.number().int(),
  chains: z.number().int(),
  signaturesChecked: z.number().int(),
  witness: z.enum(['matched', 'none', 'problem']),
  problems: z.array(
    z.object({ chain: z.string(), kind: z.string(), seq: z.number().int().nullable(), message: z.string() }),
  ),
});

export function auditRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases/:caseId/audit/export.csv',
    tag: 'audit',
    summary: "The case's audit trail as CSV (case lead)",
    params: CaseParams,
    query: CsvQuery.omit({ caseId: true }),
    access: { case: 'case:manage' },
    handler: async ({ store, caller, caseId, query, reply }) => {
      const f = { userId: query.user, action: query.action, from: query.from, to: query.to };
      const csv = await exportCaseAuditTrail(store, caller, caseId, f);
      void reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${caseId}.csv"`);
      return csv;
    },
  });

  r({
    method: 'GET',
    url: '/api/audit/export.csv',
    tag: 'audit',
    summary: 'The audit trail as CSV, by case, user, action and period (oversight)',
    query: CsvQuery,
    access: { global: 'audit:read' },
    handler: async ({ store, caller, query, reply }) => {
      const f = { caseId: query.caseId, userId: query.user, action: query.action, from: query.from, to: query.to };
      const csv = await exportAuditTrail(store, caller, f);
      void reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="audit.csv"');
      return csv;
    },
  });

  r({
    method: 'GET',
    url: '/api/audit/verify',
    tag: 'audit',
    summary:
      'Verify the hash chains and signatures; names the first altered, inserted or deleted record of each chain (oversight)',
    query: z.object({ case: z.string().max(200).optional() }),
    response: VerifyOut,
    access: { global: 'audit:read' },
    handler: ({ store, caller, query }) => verifyAuditTrail(store, caller, { caseId: query.case }),
  });
}
