/**
 * The prosecution package: the case report (started in the background, progress polled, PDF
 * downloaded — a disclosure, watermarked, under the handling code), the evidence register with
 * verification of every hash, and chart exchange with i2 Analyst's Notebook (ANX export and
 * import, entities and links as CSV). Each handler calls one use case and serialises its answer.
 */
import { z } from 'zod';
import { AnxImportBody, RegisterOut, ReportBody, ReportJobOut } from '../../../shared/contracts/prosecution.ts';
import {
  caseEvidenceRegister,
  caseReportJob,
  caseReportPdf,
  chartExport,
  chartImport,
  startCaseReport,
} from '../../../services/prosecution/index.ts';
import { MiB } from '../../http/route.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

const JobParams = CaseParams.extend({ jobId: z.string().min(1).max(100) });
const read = { case: 'case:read' } as const;
const write = { case: 'case:write' } as const;

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
    handler: ({ store, caller, caseId, body }) => startCaseReport(store, caller, caseId, body),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/reports/:jobId',
    tag: 'prosecution',
    summary: 'A report job: status, progress and, when done, its size and pages',
    params: JobParams,
    response: ReportJobOut,
    access: read,
    handler: ({ store, caller, caseId, params }) => caseReportJob(store, caller, caseId, { jobId: params.jobId }),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/reports/:jobId/download',
    tag: 'prosecution',
    summary: 'The finished report as PDF',
    params: JobParams,
    access: read,
    handler: async ({ store, caller, caseId, params, reply }) => {
      const { job, bytes } = await caseReportPdf(store, caller, caseId, { jobId: params.jobId });
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
    handler: ({ store, caller, caseId, query }) =>
      caseEvidenceRegister(store, caller, caseId, { verify: query.verify === 'true' }),
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
    handler: async ({ store, caller, caseId, query, reply }) => {
      const out = await chartExport(store, caller, caseId, { chartId: query.chartId, format: query.format });
      void reply
        .type(out.contentType)
        .header('content-disposition', `attachment; filename="${encodeURIComponent(out.fileName)}"`);
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
    handler: ({ store, caller, caseId, body }) =>
      chartImport(store, caller, caseId, { fileName: body.fileName, content: body.content }),
  });
}
