/**
 * Exporting and verifying the audit trail (the paged views are in auditView.ts): a case's lead
 * exports the case's trail; oversight roles (`audit:read`) export any part of it by case, user,
 * action and period, and verify its chains. Both are themselves recorded.
 */
import { z } from 'zod';
import { AuditQuery } from '../../../shared/contracts/workspace.ts';
import { auditCsvStream, verifyAudit } from '../../../services/audit/log.ts';
import type { AuditFilter } from '../../../store/audit/query.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

const CsvQuery = AuditQuery.omit({ before: true, limit: true });
type CsvQuery = z.infer<typeof CsvQuery>;

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

const filterOf = (
  q: Omit<CsvQuery, 'caseId'> & { caseId?: string | undefined },
  caseId?: string,
): Omit<AuditFilter, 'limit'> => ({
  caseId: caseId ?? q.caseId,
  userId: q.user,
  action: q.action,
  from: q.from,
  to: q.to,
});

/** The audit record of an export says which part: ids, codes and dates of the filter. */
function describeFilter(detail: Record<string, unknown>, f: Omit<AuditFilter, 'limit'>): void {
  if (f.caseId) detail.case = f.caseId;
  if (f.userId) detail.user = f.userId;
  if (f.action) detail.action = f.action;
  if (f.from) detail.from = f.from;
  if (f.to) detail.to = f.to;
}

export function auditRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases/:caseId/audit/export.csv',
    tag: 'audit',
    summary: "The case's audit trail as CSV (case lead)",
    params: CaseParams,
    query: CsvQuery.omit({ caseId: true }),
    access: { case: 'case:manage' },
    audit: { action: 'disclosure', target: 'audit' },
    handler: async ({ store, caseId, query, reply, auditDetail }) => {
      const f = filterOf(query, caseId);
      describeFilter(auditDetail, f);
      void reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${caseId}.csv"`);
      return auditCsvStream(store, f);
    },
  });

  r({
    method: 'GET',
    url: '/api/audit/export.csv',
    tag: 'audit',
    summary: 'The audit trail as CSV, by case, user, action and period (oversight)',
    query: CsvQuery,
    access: { global: 'audit:read' },
    audit: { action: 'disclosure', target: 'audit' },
    handler: async ({ store, query, reply, auditDetail }) => {
      const f = filterOf(query);
      describeFilter(auditDetail, f);
      void reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="audit.csv"');
      return auditCsvStream(store, f);
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
    audit: { action: 'consultation', target: 'audit_verification' },
    handler: async ({ store, query, auditDetail }) => {
      const report = await verifyAudit(store, { caseId: query.case });
      if (query.case) auditDetail.case = query.case;
      auditDetail.ok = report.ok;
      auditDetail.problems = report.problems.length;
      return report;
    },
  });
}
