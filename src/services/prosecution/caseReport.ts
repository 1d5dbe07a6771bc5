/**
 * The case report and the evidence register as use cases. A report is started (recorded as a
 * disclosure with its sections and language; the job records another when the PDF exists), its
 * progress polled, and the PDF downloaded. The register lists only the files the caller may see.
 */
import type { ReportBody, ReportJobOut } from '../../shared/contracts/prosecution.ts';
import { visibilityOf } from '../access/index.ts';
import { caseUseCase } from '../useCase/index.ts';
import type { Caller, Store } from '../useCase/index.ts';
import { evidenceRegister, registerFor } from './evidenceRegister.ts';
import { finishedReport, reportBytes, reportJob, startReport } from './reportJobs.ts';

interface JobIn {
  jobId: string;
}
const jobOf = (i: JobIn) => i.jobId;

export const startCaseReport = caseUseCase({
  permission: 'case:read',
  audit: { action: 'disclosure', target: 'report' },
  run: async ({ store, actor, access, caller, audit }, body: ReportBody): Promise<ReportJobOut> => {
    const job = await startReport(store, actor, access, body, caller.ip);
    audit.target(job.id);
    audit.detail({ sections: body.sections, language: body.language ?? null });
    return job;
  },
});

export const caseReportJob = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'report', targetOf: jobOf },
  run: async ({ store, actor, caseId }, { jobId }: JobIn) => reportJob(store, actor, caseId, jobId),
});

/** The finished PDF; `wait` waits for a running job (the CLI), otherwise a running job is a conflict. */
export const caseReportPdf = caseUseCase({
  permission: 'case:read',
  audit: { action: 'disclosure', target: 'report', targetOf: jobOf },
  run: async ({ store, actor, caseId }, { jobId, wait }: JobIn & { wait?: boolean }) =>
    wait ? finishedReport(store, actor, caseId, jobId) : reportBytes(store, actor, caseId, jobId),
});

/**
 * How far a report the caller started has got, read without a record: the CLI shows
 * it while waiting (its start and its download are recorded). Another user's job does not exist.
 */
export const reportProgress = (store: Store, caller: Caller, caseId: string, jobId: string): Promise<ReportJobOut> =>
  reportJob(store, caller.actor, caseId, jobId);

export const caseEvidenceRegister = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'evidence-register' },
  run: async ({ store, caseId, access, audit }, { verify }: { verify: boolean }) => {
    const out = registerFor(await visibilityOf(store, access), await evidenceRegister(store, caseId, { verify }));
    audit.returned(out.items.map((i) => i.fileId));
    audit.detail({ verified: verify, ok: out.ok });
    return out;
  },
});
