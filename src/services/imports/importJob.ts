/**
 * An import as a job: its state in the `jobs` table (any process answers its status), its work
 * run by the process that received the file. The job first checks the whole file — every entity
 * validated, every bad line collected, up to MAX_MESSAGES — and writes only when nothing is
 * wrong, through the shared pipeline in one transaction. A failed, cancelled or interrupted job
 * (the server stopped mid-import) therefore leaves the case as it was; an interrupted one is
 * marked failed with that reason after the restart, never resumed half-way.
 */
import type { Importer } from '../../ingest/types.ts';
import type { ImportJobOut, ImportReportOut, LineMessage } from '../../shared/contracts/imports.ts';
import type { JobRow } from '../../store/repos/jobs/jobs.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/index.ts';
import { recordEntry } from '../audit/index.ts';
import type { JobContext, JobKind, JobOutcome } from '../jobs/index.ts';
import { runTask } from '../workers/index.ts';
import type { ImportCheckInput, ImportCheckOutput } from './importCheck.task.ts';
import { inputOf, lineMessageOf, MAX_MESSAGES, messageOf, withHooks } from './staged.ts';
import type { StagedUpload } from './staged.ts';
import { runImport, type ImportOptions } from './pipeline.ts';

export const IMPORT_KIND = 'import';
const CHECK_TASK = new URL('./importCheck.task.ts', import.meta.url);
/** Finished jobs are forgotten after this long. */
export const KEEP_MS = 2 * 60 * 60 * 1000;

export interface ImportJobInput {
  format: string;
  fileName: string;
  uploadId: string;
  size: number;
}
interface ImportJobResult {
  report: ImportReportOut | null;
  errors: LineMessage[];
  warnings: LineMessage[];
  truncated: boolean;
}
type Progress = ImportJobOut['progress'];

/** Imports run only where their file was received; one interrupted by a restart is failed with this reason. */
export const importJobKind: JobKind = {
  kind: IMPORT_KIND,
  resumable: false,
  interrupted: 'The server stopped while this import ran; nothing of it was written. Start the import again.',
  keepMs: KEEP_MS,
  run: async () => ({ state: 'failed', error: importJobKind.interrupted }),
};

export function presentImportJob(row: JobRow): ImportJobOut {
  const input = JSON.parse(row.input) as ImportJobInput;
  const result: ImportJobResult = row.result
    ? (JSON.parse(row.result) as ImportJobResult)
    : { report: null, errors: [], warnings: [], truncated: false };
  const finished = row.state === 'succeeded' || row.state === 'failed' || row.state === 'cancelled';
  const status = finished ? row.state : row.step === 'writing' ? 'writing' : 'checking';
  const errors =
    row.state === 'failed' && result.errors.length === 0 && row.error
      ? [{ line: null, path: null, message: row.error }]
      : result.errors;
  return {
    id: row.id,
    status: status as ImportJobOut['status'],
    format: input.format,
    fileName: input.fileName,
    progress: JSON.parse(row.progress) as Progress,
    report: result.report,
    errors,
    warnings: result.warnings,
    truncated: result.truncated,
  };
}

export interface ImportWork {
  store: Store;
  actor: Actor;
  country: string;
  upload: StagedUpload;
  format: string;
  importer: Importer<unknown>;
  options: Record<string, unknown>;
  accept: Pick<ImportOptions, 'acceptUnbalanced' | 'mayAlter'>;
}

/** The job's work: check, then write in one transaction; its outcome recorded in the case's audit chain. */
export function importWork(w: ImportWork): (ctx: JobContext) => Promise<JobOutcome> {
  return async (ctx) => {
    const { upload } = w;
    const out: ImportJobResult = { report: null, errors: [], warnings: [], truncated: false };
    let progress: Progress = { bytesRead: 0, totalBytes: upload.size, entities: 0, transactions: 0 };
    let status: 'checking' | 'writing' = 'checking';
    const tell = () => ctx.progress(status, progress);
    const fail = (m: LineMessage) => (out.errors.length < MAX_MESSAGES ? out.errors.push(m) : (out.truncated = true));
    const signal = ctx.signal;
    let state: JobOutcome['state'];
    try {
      state = await (async (): Promise<JobOutcome['state']> => {
        // The check runs on a pool thread; its counts come back through shared memory as it reads.
        const counts = new Float64Array(new SharedArrayBuffer(3 * 8));
        const watch = setInterval(() => {
          progress = { ...progress, bytesRead: counts[0] ?? 0, entities: counts[1] ?? 0, transactions: counts[2] ?? 0 };
          tell();
        }, 250);
        try {
          const checked = await runTask<ImportCheckInput, ImportCheckOutput>(
            CHECK_TASK,
            {
              upload: { path: upload.path, fileName: upload.fileName, size: upload.size },
              format: w.format,
              options: w.options,
              country: w.country,
              counts: counts.buffer as SharedArrayBuffer,
            },
            { signal },
          );
          out.errors.push(...checked.errors);
          out.warnings.push(...checked.warnings);
          out.truncated = checked.truncated;
        } catch (e) {
          if (!signal.aborted) fail(messageOf(e));
        } finally {
          clearInterval(watch);
          progress = { ...progress, bytesRead: counts[0] ?? 0, entities: counts[1] ?? 0, transactions: counts[2] ?? 0 };
        }
        if (signal.aborted) return 'cancelled';
        if (out.errors.length) return 'failed';
        status = 'writing';
        out.warnings.length = 0; // the writing pass reports the same discarded values again
        progress = { bytesRead: 0, totalBytes: upload.size, entities: 0, transactions: 0 };
        // Written now, before the import's transaction takes the embedded database's one connection.
        await ctx.save({ step: status, progress: JSON.stringify(progress) });
        const report = await runImport(
          w.store,
          w.actor,
          ctx.job.case_id,
          w.importer,
          inputOf(upload),
          withHooks(w.format, w.options, out.warnings),
          {
            ...w.accept,
            signal,
            onProgress: (p) => {
              progress = {
                bytesRead: p.bytesRead,
                totalBytes: p.totalBytes ?? upload.size,
                entities: p.entities,
                transactions: p.transactions,
              };
              tell();
            },
          },
        );
        out.report = report;
        for (const u of report.unbalancedStatements ?? [])
          out.warnings.push({ line: u.line, path: null, message: u.warning });
        for (const wn of report.warnings ?? []) out.warnings.push(lineMessageOf(wn));
        return 'succeeded';
      })();
    } catch (e) {
      if (signal.aborted) state = 'cancelled';
      else {
        state = 'failed';
        fail(messageOf(e));
      }
    }
    // The outcome goes into the case's audit chain too (the start was recorded by the route).
    await recordEntry(w.store, {
      caseId: ctx.job.case_id,
      userId: w.actor.id,
      action: 'collection',
      targetType: 'import',
      targetId: ctx.job.id,
      detail: {
        result: state,
        entities: out.report?.entitiesAdded ?? 0,
        transactions: out.report?.transactionsAdded ?? 0,
        sourceId: out.report?.sourceId ?? null,
      },
    }).catch(() => undefined);
    ctx.progress(state, progress);
    return { state, result: out, error: state === 'failed' ? (out.errors[0]?.message ?? null) : null };
  };
}
