/**
 * Case reports generated in the background: the request starts a job and returns at once; the
 * page polls its progress and downloads the PDF when it is done. Jobs live in this process's
 * memory for an hour (a report is regenerated rather than kept: the case moves on), and belong
 * to the user and case that started them. Finishing a report is audited as a disclosure, with
 * its sections, language and page count.
 */
import { REPORT_LANGUAGES } from '../../domain/prosecution/report.ts';
import type { ReportLanguage } from '../../domain/prosecution/report.ts';
import type { ReportBody, ReportJobOut } from '../../shared/contracts/prosecution.ts';
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { getUser } from '../../store/repos/access/users.ts';
import type { Store } from '../../store/store.ts';
import type { Actor, CaseAccess } from '../access/index.ts';
import { recordEntry } from '../audit/index.ts';
import { exportableCase } from '../entities/index.ts';
import { heavySlot, runTask } from '../workers/index.ts';
import { gatherReport } from './report.ts';
import type { ReportData } from './report.ts';

interface Job {
  out: ReportJobOut;
  caseId: string;
  userId: string;
  bytes: Uint8Array | null;
  done: Promise<void>;
  expires: number;
}

const jobs = new Map<string, Job>();
const TTL = 3_600_000;

function sweep(now = Date.now()): void {
  for (const [id, j] of jobs) if (j.expires < now && j.out.status !== 'running') jobs.delete(id);
}

async function languageOf(store: Store, actor: Actor, asked: ReportLanguage | undefined): Promise<ReportLanguage> {
  if (asked) return asked;
  const u = await getUser(store.db, actor.id).catch(() => undefined);
  const lang = u?.language ?? 'en';
  return (REPORT_LANGUAGES as readonly string[]).includes(lang) ? (lang as ReportLanguage) : 'en';
}

/** Starts a report; refuses at once (403) when the handling code forbids this user an export. */
export async function startReport(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  body: ReportBody,
  ip: string | null = null,
): Promise<ReportJobOut> {
  sweep();
  await exportableCase(store, access);
  const language = await languageOf(store, actor, body.language);
  // Held until the report is drawn: a user runs at most a few heavy operations at once.
  const release = await heavySlot(actor.id, 'report');
  const id = uuidv7();
  const out: ReportJobOut = {
    id,
    status: 'running',
    progress: 0,
    step: 'starting',
    error: null,
    pages: null,
    bytes: null,
    fileName: `case-report-${access.caseId}-${language}.pdf`,
  };
  const job: Job = {
    out,
    caseId: access.caseId,
    userId: actor.id,
    bytes: null,
    done: Promise.resolve(),
    expires: Date.now() + TTL,
  };
  jobs.set(id, job);
  job.done = (async () => {
    try {
      const data = await gatherReport(
        store,
        actor,
        access,
        { sections: body.sections, language, chartIds: body.chartIds },
        (f, step) => Object.assign(out, { progress: Math.min(0.8, f * 0.8), step }),
      );
      out.step = 'drawing';
      // Drawn on a pool thread: fonts and figures of a large case take seconds of CPU.
      const { bytes, pages } = await runTask<ReportData, { bytes: Uint8Array; pages: number }>(
        new URL('./reportPdf.task.ts', import.meta.url),
        data,
      );
      job.bytes = bytes;
      Object.assign(out, { status: 'done', progress: 1, step: 'done', pages, bytes: bytes.length });
      // The job's own record, made when the report exists (the request that started it has its own).
      await recordEntry(store, {
        caseId: access.caseId,
        userId: actor.id,
        action: 'disclosure',
        targetType: 'report',
        targetId: id,
        ip,
        returnedIds: data.auditRefs.map((a) => a.entityId),
        detail: { sections: data.sections, language, pages, charts: data.charts.length },
      });
    } catch (e) {
      Object.assign(out, { status: 'failed', step: 'failed', error: e instanceof Error ? e.message : String(e) });
    } finally {
      release();
    }
  })();
  return { ...out };
}

function requireJob(actor: Pick<Actor, 'id'>, caseId: string, id: string): Job {
  const j = jobs.get(id);
  // Another user's job, or another case's, does not exist for this caller.
  if (!j || j.userId !== actor.id || j.caseId !== caseId) throw errors.notFound('Report');
  return j;
}

export const reportJob = (actor: Pick<Actor, 'id'>, caseId: string, id: string): ReportJobOut => ({
  ...requireJob(actor, caseId, id).out,
});

/** Waits for the job (CLI and tests). */
export async function finishedReport(
  actor: Actor,
  caseId: string,
  id: string,
): Promise<{ job: ReportJobOut; bytes: Uint8Array }> {
  const j = requireJob(actor, caseId, id);
  await j.done;
  if (!j.bytes) throw errors.validation(`The report failed: ${j.out.error ?? 'unknown error'}`, 'report');
  return { job: { ...j.out }, bytes: j.bytes };
}

export function reportBytes(actor: Actor, caseId: string, id: string): { job: ReportJobOut; bytes: Uint8Array } {
  const j = requireJob(actor, caseId, id);
  if (j.out.status !== 'done' || !j.bytes) throw errors.conflict(`The report is ${j.out.status}`, 'jobId');
  return { job: { ...j.out }, bytes: j.bytes };
}
