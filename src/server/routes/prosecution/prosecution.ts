/**
 * The prosecution package: the case report (started in the background, progress polled, PDF
 * downloaded — a disclosure, watermarked, under the handling code), the evidence register with
 * verification of every hash, and chart exchange with i2 Analyst's Notebook (ANX export and
 * import, entities and links as CSV). Handlers only check input and call the services.
 */
import { z } from 'zod';
import { AnxImportBody, RegisterOut, ReportBody, ReportJobOut } from '../../../shared/contracts/prosecution.ts';
import { evidenceRegister } from '../../../services/prosecution/evidenceRegister.ts';
import { exportAnx, exportChartCsv, importAnx } from '../../../services/prosecution/anx.ts';
import { reportBytes, reportJob, startReport } from '../../../services/prosecution/reportJobs.ts';
import { canSee, visibilityOf } from '../../../services/access/visibility.ts';
import { MiB } from '../../http/route.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

const JobParams = CaseParams.extend({ jobId: z.string().min(1).max(100) });
const read = { case: 'case:read' } as const;
const write = { case: 'case:write' } as const;
const fileNameOf = (name: string, ext: string) =>
  `${name.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 80) || 'chart'}.${ext}`;

export function prosecutionRoutes(r: Router): void {
  r({
    method: 'POST',
    url: '/api/cases/:caseId/reports',
    tag: 'prosecution',
    summary: 'Start the case report (PDF) with the chosen sections and language; poll the job for progress',
    status: 202,
    params: CaseParams,
    body: ReportBody,
    response: ReportJobOut,
    access: read,
    audit: { action: 'disclosure', target: 'report' },
    handler: async ({ store, actor, access, body, request, setAuditTarget, auditDetail }) => {
      const job = await startReport(store, actor, access, body, request.ip);
      setAuditTarget(job.id);
      Object.assign(auditDetail, { sections: body.sections, language: body.language ?? null });
      return job;
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/reports/:jobId',
    tag: 'prosecution',
    summary: 'A report job: status, progress and, when done, its size and pages',
    params: JobParams,
    response: ReportJobOut,
    access: read,
    audit: { action: 'consultation', target: 'report', targetParam: 'jobId' },
    handler: async ({ actor, caseId, params }) => reportJob(actor, caseId, params.jobId),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/reports/:jobId/download',
    tag: 'prosecution',
    summary: 'The finished report as PDF',
    params: JobParams,
    access: read,
    audit: { action: 'disclosure', target: 'report', targetParam: 'jobId' },
    handler: async ({ actor, caseId, params, reply }) => {
      const { job, bytes } = reportBytes(actor, caseId, params.jobId);
      void reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${encodeURIComponent(job.fileName)}"`);
      return Buffer.from(bytes);
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/evidence-register',
    tag: 'prosecution',
    summary:
      'Every evidence file with SHA-256, source, capture or seizure time and chain of custody; verify=true re-hashes them all',
    params: CaseParams,
    query: z.object({ verify: z.enum(['true', 'false']).default('false') }),
    response: RegisterOut,
    access: read,
    audit: { action: 'consultation', target: 'evidence-register' },
    handler: async ({ store, caseId, access, query, auditIds, auditDetail }) => {
      const out = await evidenceRegister(store, caseId, { verify: query.verify === 'true' });
      const v = await visibilityOf(store, access);
      const items = out.items.filter((i) => (i.entityId ? canSee(v, i.entityId) : !v.only));
      auditIds(items.map((i) => i.fileId));
      Object.assign(auditDetail, { verified: query.verify === 'true', ok: out.ok });
      return { ...out, items, failed: items.filter((i) => out.failed.includes(i.fileName)).map((i) => i.fileName) };
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/anx',
    tag: 'prosecution',
    summary:
      "A saved chart (or the whole case) as i2 Analyst's Notebook ANX, or its entities or links as CSV; watermarked",
    params: CaseParams,
    query: z.object({
      chartId: z.string().min(1).max(200).optional(),
      format: z.enum(['anx', 'entities.csv', 'links.csv']).default('anx'),
    }),
    access: read,
    audit: { action: 'disclosure', target: 'chart' },
    handler: async ({ store, actor, access, query, reply, auditIds, auditDetail, setAuditTarget }) => {
      if (query.chartId) setAuditTarget(query.chartId);
      auditDetail.format = query.format;
      if (query.format === 'anx') {
        const out = await exportAnx(store, actor, access, query.chartId);
        auditIds(out.ids);
        void reply
          .type('application/xml; charset=utf-8')
          .header('content-disposition', `attachment; filename="${encodeURIComponent(fileNameOf(out.name, 'anx'))}"`);
        return out.text;
      }
      const what = query.format === 'entities.csv' ? 'entities' : 'links';
      const out = await exportChartCsv(store, actor, access, what, query.chartId);
      auditIds(out.ids);
      void reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${encodeURIComponent(fileNameOf(`${out.name}-${what}`, 'csv'))}"`,
        );
      return out.text;
    },
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/anx',
    tag: 'prosecution',
    summary: "Import an i2 Analyst's Notebook ANX chart into the case (all or nothing) and save it as a chart",
    status: 201,
    params: CaseParams,
    body: AnxImportBody,
    bodyLimit: 25 * MiB,
    access: write,
    audit: { action: 'collection', target: 'import' },
    handler: async ({ store, actor, caseId, body, setAuditTarget, auditDetail }) => {
      const out = await importAnx(store, actor, caseId, body.fileName, body.content);
      setAuditTarget(out.report.sourceId);
      Object.assign(auditDetail, {
        format: 'anx',
        entities: out.report.entitiesAdded,
        transactions: out.report.transactionsAdded,
      });
      return out;
    },
  });
}
