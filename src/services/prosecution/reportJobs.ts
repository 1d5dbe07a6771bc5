/**
 * Case reports generated in the background: the request starts a job and returns at once; the
 * page polls its progress and downloads the PDF when it is done. The job's state is in the
 * `jobs` table (any server process answers it) and the PDF, sealed with the evidence key, in the
 * data folder for an hour (a report is regenerated rather than kept: the case moves on). A report
 * interrupted by a restart is run again from its request, with the owner's access checked anew.
 * Jobs belong to the user and case that started them. Finishing a report is audited as a
 * disclosure, with its sections, language and page count.
 */
import { REPORT_LANGUAGES } from '../../domain/prosecution/report.ts';
import type { ReportLanguage } from '../../domain/prosecution/report.ts';
import type { ReportBody, ReportJobOut } from '../../shared/contracts/prosecution.ts';
import { errors } from '../../shared/errors.ts';
import { getUser } from '../../store/repos/access/users.ts';
import type { JobRow } from '../../store/repos/jobs/jobs.ts';
import type { Store } from '../../store/store.ts';
import { actorOf } from '../access/index.ts';
import type { Actor, CaseAccess } from '../access/index.ts';
import { recordEntry } from '../audit/index.ts';
import { exportableCase } from '../entities/index.ts';
import { jobRunner, readSealed, writeSealed } from '../jobs/index.ts';
import type { JobKind, JobOutcome, SealedFile } from '../jobs/index.ts';
import { openCase } from '../useCase/index.ts';
import { heavySlot, runTask } from '../workers/index.ts';
import { gatherReport } from './report.ts';
import type { ReportData } from './report.ts';

const KIND = 'report';
const KEEP_MS = 3_600_000;

interface ReportInput {
  sections: ReportBody['sections'];
  chartIds: ReportBody['chartIds'];
  language: ReportLanguage;
  fileName: string;
  ip: string | null;
}
interface ReportResult {
  pages: number;
  bytes: number;
  file: SealedFile;
}

async function languageOf(store: Store, actor: Actor, asked: ReportLanguage | undefined): Promise<ReportLanguage> {
  if (asked) return asked;
  const u = await getUser(store.db, actor.id).catch(() => undefined);
  const lang = u?.language ?? 'en';
  return (REPORT_LANGUAGES as readonly string[]).includes(lang) ? (lang as ReportLanguage) : 'en';
}

let gathering: Promise<unknown> = Promise.resolve();
/**
 * Gathering reads the whole case on the request loop (its queries and their rows), so reports
 * take turns: light requests compete with one gathering at most, not with every user's report.
 * Drawing, on the pool, is not in the turn.
 */
function gatherInTurn<T>(fn: () => Promise<T>): Promise<T> {
  const mine = gathering.then(fn, fn);
  gathering = mine.catch(() => undefined);
  return mine;
}

/** The report kind: gathers, draws and seals one report; run again from its input after a restart. */
export function reportJobKind(store: Store): JobKind {
  return {
    kind: KIND,
    resumable: true,
    interrupted: 'The server stopped while this report was drawn; start it again',
    keepMs: KEEP_MS,
    run: async ({ job, progress, signal }): Promise<JobOutcome> => {
      const input = JSON.parse(job.input) as ReportInput;
      const user = await getUser(store.db, job.owner_id);
      if (!user) return { state: 'failed', error: 'The user who asked for this report no longer exists' };
      const actor = actorOf(user);
      // Access is decided again when the job runs (a resumed job's owner may have lost it since).
      const caller = { actor, ip: input.ip, origin: { via: 'job' }, audits: 0 };
      const access: CaseAccess = await openCase(store, caller, job.case_id, 'case:read');
      await exportableCase(store, access);
      // One report gathers at a time in a process, between requests (see gatherInTurn).
      const data = await gatherInTurn(() =>
        gatherReport(
          store.background(),
          actor,
          access,
          { sections: input.sections, language: input.language, chartIds: input.chartIds },
          (f, step) => progress(step, Math.min(0.8, f * 0.8)),
        ),
      );
      if (signal.aborted) return { state: 'cancelled' };
      progress('drawing', 0.8);
      // Drawn on a pool thread: fonts and figures of a large case take seconds of CPU.
      const { bytes, pages } = await runTask<ReportData, { bytes: Uint8Array; pages: number }>(
        new URL('./reportPdf.task.ts', import.meta.url),
        data,
      );
      const file = await writeSealed(store, job.case_id, job.id, bytes);
      // The job's own record, made when the report exists (the request that started it has its own).
      await recordEntry(store, {
        caseId: job.case_id,
        userId: actor.id,
        action: 'disclosure',
        targetType: 'report',
        targetId: job.id,
        ip: input.ip,
        returnedIds: data.auditRefs.map((a) => a.entityId),
        detail: { sections: data.sections, language: input.language, pages, charts: data.charts.length },
      });
      progress('done', 1);
      const result: ReportResult = { pages, bytes: bytes.length, file };
      return { state: 'succeeded', result, resultFile: file.name };
    },
  };
}

function runnerFor(store: Store) {
  const runner = jobRunner(store);
  runner.register(reportJobKind(store));
  return runner;
}

function present(row: JobRow): ReportJobOut {
  const input = JSON.parse(row.input) as ReportInput;
  const result = row.result ? (JSON.parse(row.result) as ReportResult) : null;
  const status =
    row.state === 'succeeded' ? 'done' : row.state === 'failed' || row.state === 'cancelled' ? 'failed' : 'running';
  return {
    id: row.id,
    status,
    progress: Number(JSON.parse(row.progress)) || 0,
    step: row.state === 'queued' ? 'waiting' : (row.step ?? 'starting'),
    error: row.error,
    pages: result?.pages ?? null,
    bytes: result?.bytes ?? null,
    fileName: input.fileName,
  };
}

/** Starts a report; refuses at once (403) when the handling code forbids this user an export. */
export async function startReport(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  body: ReportBody,
  ip: string | null = null,
): Promise<ReportJobOut> {
  await exportableCase(store, access);
  const language = await languageOf(store, actor, body.language);
  // Held until the report is drawn: a user runs at most a few heavy operations at once.
  const release = await heavySlot(actor.id, 'report');
  const input: ReportInput = {
    sections: body.sections,
    chartIds: body.chartIds,
    language,
    fileName: `case-report-${access.caseId}-${language}.pdf`,
    ip,
  };
  let row: JobRow;
  try {
    row = await runnerFor(store).submit(access.caseId, {
      kind: KIND,
      ownerId: actor.id,
      input,
      step: 'starting',
      progress: 0,
    });
  } catch (e) {
    release();
    throw e;
  }
  void runnerFor(store)
    .wait(access.caseId, row.id)
    .catch(() => undefined)
    .finally(release);
  return present(row);
}

async function requireJob(store: Store, actor: Pick<Actor, 'id'>, caseId: string, id: string): Promise<JobRow> {
  const j = await runnerFor(store).state(caseId, id);
  // Another user's job, another case's, or another kind's does not exist for this caller.
  if (!j || j.kind !== KIND || j.owner_id !== actor.id) throw errors.notFound('Report');
  return j;
}

export const reportJob = async (
  store: Store,
  actor: Pick<Actor, 'id'>,
  caseId: string,
  id: string,
): Promise<ReportJobOut> => present(await requireJob(store, actor, caseId, id));

async function bytesOf(store: Store, row: JobRow): Promise<{ job: ReportJobOut; bytes: Uint8Array }> {
  const job = present(row);
  if (job.status !== 'done' || !row.result) throw errors.conflict(`The report is ${job.status}`, 'jobId');
  const result = JSON.parse(row.result) as ReportResult;
  return { job, bytes: await readSealed(store, row.case_id, row.id, result.file) };
}

/** Waits for the job (CLI and tests). */
export async function finishedReport(
  store: Store,
  actor: Actor,
  caseId: string,
  id: string,
): Promise<{ job: ReportJobOut; bytes: Uint8Array }> {
  await requireJob(store, actor, caseId, id);
  const row = await runnerFor(store).wait(caseId, id);
  if (!row || row.state !== 'succeeded')
    throw errors.validation(`The report failed: ${row?.error ?? 'unknown error'}`, 'report');
  return bytesOf(store, row);
}

export async function reportBytes(
  store: Store,
  actor: Actor,
  caseId: string,
  id: string,
): Promise<{ job: ReportJobOut; bytes: Uint8Array }> {
  return bytesOf(store, await requireJob(store, actor, caseId, id));
}
