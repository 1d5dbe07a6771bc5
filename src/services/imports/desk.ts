/**
 * The server side of the import wizard: uploaded files wait here (spooled to disk, hashed)
 * while the user maps and previews them, and import jobs run here with progress and cancel.
 *
 * A job first checks the whole file — every entity validated, every bad line collected, up to
 * MAX_MESSAGES — and writes only when nothing is wrong, through the shared pipeline (one
 * transaction). A failed or cancelled job therefore leaves the case as it was.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { countingInput, sha256Of } from '../../ingest/files.ts';
import { readCsv } from '../../ingest/formats/csvRecords.ts';
import type { ImportInput, ImportItem, Importer } from '../../ingest/types.ts';
import type { ImportJobOut, LineMessage, PreviewItem, UploadOut } from '../../shared/contracts/imports.ts';
import { errors, isAppError } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { Actor } from '../access/index.ts';
import { recordEntry } from '../audit/index.ts';
import { prepareAll } from '../entities/index.ts';
import { runImport, type ImportOptions } from './pipeline.ts';
import type { Store } from '../../store/store.ts';

/** A request body spooled to a file of its own, removed by `dispose`. */
export interface SpooledFile {
  path: string;
  dispose: () => Promise<void>;
}

/** Most problems listed per check; more than that and the file is plainly the wrong one. */
export const MAX_MESSAGES = 200;
/** Uploads and finished jobs are forgotten after this long. */
const KEEP_MS = 2 * 60 * 60 * 1000;
const SNIFF_BYTES = 64 * 1024;

export interface StagedUpload extends SpooledFile {
  id: string;
  caseId: string;
  userId: string;
  fileName: string;
  size: number;
  sha256: string;
  at: number;
}

interface Job extends ImportJobOut {
  caseId: string;
  userId: string;
  controller: AbortController;
  finishedAt: number | null;
  /** SHA-256 of the job's key: the ticket its starter polls and cancels it with. */
  keyHash: Buffer;
}

const hashKey = (key: string) => createHash('sha256').update(key).digest();

/** `line 17` → 17; any other path is a field of the options. */
export function messageOf(e: unknown): LineMessage {
  if (!isAppError(e))
    return { line: null, path: null, message: 'The import stopped on an unexpected error; nothing was added' };
  const m = /^line (\d+)/.exec(e.path ?? '');
  return { line: m ? Number(m[1]) : null, path: m ? null : (e.path ?? null), message: e.message };
}

export const inputOf = (u: StagedUpload): ImportInput => ({
  fileName: u.fileName,
  open: () => createReadStream(u.path),
  size: u.size,
});

/** The first `lines` lines of the file, for previews of formats that read the whole file first. */
export function headOf(u: StagedUpload, lines: number): { input: ImportInput; wasCut: () => boolean } {
  let cutAt = false;
  const input: ImportInput = {
    fileName: u.fileName,
    open: () => {
      async function* head(): AsyncGenerator<Buffer> {
        let seen = 0;
        for await (const chunk of createReadStream(u.path) as AsyncIterable<Buffer>) {
          let cut = -1;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1))
            if (++seen >= lines) {
              cut = i;
              break;
            }
          if (cut === -1) {
            yield chunk;
            continue;
          }
          cutAt = cut + 1 < chunk.length;
          yield chunk.subarray(0, cut + 1);
          return;
        }
      }
      return Readable.from(head());
    },
  };
  return { input, wasCut: () => cutAt };
}

/** What a CSV-like file looks like: first lines, a guessed delimiter, header and sample rows. */
async function sniff(u: StagedUpload): Promise<UploadOut['sniff']> {
  const handle = await open(u.path, 'r');
  const buf = Buffer.alloc(Math.min(SNIFF_BYTES, u.size));
  try {
    await handle.read(buf, 0, buf.length, 0);
  } finally {
    await handle.close();
  }
  const end = buf.length < u.size ? buf.lastIndexOf(10) + 1 : buf.length;
  const head = buf.subarray(0, end > 0 ? end : buf.length);
  const lines = head.toString('utf8').split(/\r?\n/).slice(0, 20);
  const first = lines[0] ?? '';
  const counts = [',', ';', '\t', '|'].map((d) => [d, first.split(d).length - 1] as const).sort((a, b) => b[1] - a[1]);
  const delimiter = counts[0] && counts[0][1] > 0 ? counts[0][0] : null;
  const records: string[][] = [];
  if (delimiter) {
    for (const encoding of ['utf-8', 'windows-1257'] as const) {
      records.length = 0;
      try {
        for await (const r of readCsv(
          { fileName: u.fileName, open: () => Readable.from([head]) },
          { delimiter, encoding },
        )) {
          records.push(r.values);
          if (records.length > 20) break;
        }
        break;
      } catch {
        // a ragged or mis-encoded sample shows no table; the lines are still shown
      }
    }
  }
  return { lines, delimiter, headers: records[0] ?? [], rows: records.slice(1) };
}

/** What a parsed item looks like in the preview, checked as the import would check it. */
export function previewItem(item: Exclude<ImportItem, { kind: 'skipped' }>, country: string): PreviewItem {
  if (item.kind === 'transaction') {
    const t = item.record;
    return {
      line: item.line,
      kind: 'transaction',
      schema: null,
      caption: `${t.bookingDate} ${(t.amountMinor / 100).toFixed(2)} ${t.currency}`,
      properties: { counterpartyName: t.counterpartyName ? [t.counterpartyName] : [], text: t.text ? [t.text] : [] },
      error: null,
    };
  }
  if (item.kind === 'file')
    return { line: item.line, kind: 'file', schema: null, caption: item.file.fileName, properties: {}, error: null };
  if (item.kind === 'statement') {
    const s = item.statement;
    return {
      line: item.line,
      kind: 'statement',
      schema: null,
      caption: `${s.reference} ${s.openingDate}–${s.closingDate} ${s.currency}`,
      properties: { entries: [String(s.entries)] },
      error: null,
    };
  }
  try {
    const [p] = prepareAll([item.record], country, { strictSelectors: false, skipRequired: true });
    return {
      line: item.line,
      kind: 'entity',
      schema: item.record.schema,
      caption: p?.caption ?? item.record.id,
      properties: p?.properties ?? {},
      error: null,
    };
  } catch (e) {
    const props = item.record.properties;
    return {
      line: item.line,
      kind: 'entity',
      schema: item.record.schema,
      caption: props['name']?.[0] ?? item.record.id,
      properties: props,
      error: messageOf(e).message,
    };
  }
}

/** A report's "line N: message" as the desk's line message. */
function lineMessageOf(warning: string): LineMessage {
  const m = /^line (\d+): ([\s\S]*)$/.exec(warning);
  return m ? { line: Number(m[1]), path: null, message: m[2] ?? '' } : { line: null, path: null, message: warning };
}

/** Adds the server-side hooks an importer offers (values dropped by FtM cleaning → warnings). */
export function withHooks(
  format: string,
  options: Record<string, unknown>,
  warnings: LineMessage[],
): Record<string, unknown> {
  if (format !== 'ftm-mapping') return options;
  return {
    ...options,
    onDiscard: (d: { line: number; entity: string; property: string; value: string }) => {
      if (warnings.length < MAX_MESSAGES)
        warnings.push({
          line: d.line,
          path: null,
          message: `${d.entity}.${d.property}: "${d.value}" was not understood and is left out`,
        });
    },
  };
}

export class ImportDesk {
  private readonly uploads = new Map<string, StagedUpload>();
  private readonly jobs = new Map<string, Job>();

  async stage(spooled: SpooledFile, meta: { caseId: string; userId: string; fileName: string }): Promise<UploadOut> {
    this.forgetOld();
    const input: ImportInput = { fileName: meta.fileName, open: () => createReadStream(spooled.path) };
    const bytes = (await stat(spooled.path)).size;
    if (bytes === 0) {
      await spooled.dispose();
      throw errors.validation('The file is empty', 'body');
    }
    const upload: StagedUpload = {
      ...spooled,
      ...meta,
      id: uuidv7(),
      size: bytes,
      sha256: await sha256Of(input),
      at: Date.now(),
    };
    this.uploads.set(upload.id, upload);
    return {
      uploadId: upload.id,
      fileName: upload.fileName,
      size: upload.size,
      sha256: upload.sha256,
      sniff: await sniff(upload),
    };
  }

  /** The user's own upload in this case; anyone else's is "not found". */
  upload(id: string, caseId: string, userId: string): StagedUpload {
    const u = this.uploads.get(id);
    if (!u || u.caseId !== caseId || u.userId !== userId)
      throw errors.validation('The uploaded file is no longer available; upload it again', 'uploadId');
    return u;
  }

  /**
   * The job its key opens. Polling and cancelling need no database: on embedded SQLite the
   * import's transaction holds the one connection, and progress must still reach the page.
   */
  job(id: string, key: string | undefined): Job {
    const j = this.jobs.get(id);
    if (!j || !key || !timingSafeEqual(j.keyHash, hashKey(key))) throw errors.notFound('Import');
    return j;
  }

  static present(j: Job): ImportJobOut {
    const { caseId: _c, userId: _u, controller: _a, finishedAt: _f, keyHash: _k, ...out } = j;
    return { ...out, progress: { ...out.progress } };
  }

  start(
    store: Store,
    actor: Actor,
    caseId: string,
    country: string,
    upload: StagedUpload,
    format: string,
    importer: Importer<unknown>,
    options: Record<string, unknown>,
    accept: Pick<ImportOptions, 'acceptUnbalanced'> = {},
    /** Gives back the user's heavy-operation slot when the job ends. */
    release: () => void = () => undefined,
  ): { job: Job; key: string } {
    const key = randomBytes(24).toString('base64url');
    const job: Job = {
      id: uuidv7(),
      caseId,
      userId: actor.id,
      format,
      fileName: upload.fileName,
      status: 'checking',
      progress: { bytesRead: 0, totalBytes: upload.size, entities: 0, transactions: 0 },
      report: null,
      errors: [],
      warnings: [],
      truncated: false,
      controller: new AbortController(),
      finishedAt: null,
      keyHash: hashKey(key),
    };
    this.jobs.set(job.id, job);
    void this.run(store, actor, job, country, upload, importer, options, accept)
      .then(() =>
        // The outcome goes into the case's audit chain too (the start was recorded by the route).
        recordEntry(store, {
          caseId,
          userId: actor.id,
          action: 'collection',
          targetType: 'import',
          targetId: job.id,
          detail: {
            result: job.status,
            entities: job.report?.entitiesAdded ?? 0,
            transactions: job.report?.transactionsAdded ?? 0,
            sourceId: job.report?.sourceId ?? null,
          },
        }),
      )
      .catch(() => undefined)
      .finally(() => {
        job.finishedAt = Date.now();
        release();
      });
    return { job, key };
  }

  private async run(
    store: Store,
    actor: Actor,
    job: Job,
    country: string,
    upload: StagedUpload,
    importer: Importer<unknown>,
    options: Record<string, unknown>,
    accept: Pick<ImportOptions, 'acceptUnbalanced'>,
  ): Promise<void> {
    const signal = job.controller.signal;
    const fail = (m: LineMessage) => (job.errors.length < MAX_MESSAGES ? job.errors.push(m) : (job.truncated = true));
    try {
      const counted = countingInput(inputOf(upload), (n) => (job.progress.bytesRead += n));
      try {
        for await (const item of importer.parse(counted, withHooks(job.format, options, job.warnings))) {
          if (signal.aborted) break;
          if (item.kind === 'entity') {
            job.progress.entities++;
            const checked = previewItem(item, country);
            if (checked.error) fail({ line: item.line, path: null, message: checked.error });
          } else if (item.kind === 'transaction') job.progress.transactions++;
          if (job.truncated) break;
        }
      } catch (e) {
        fail(messageOf(e));
      }
      if (signal.aborted) return void (job.status = 'cancelled');
      if (job.errors.length) return void (job.status = 'failed');
      job.status = 'writing';
      job.warnings.length = 0; // the writing pass reports the same discarded values again
      job.progress = { bytesRead: 0, totalBytes: upload.size, entities: 0, transactions: 0 };
      job.report = await runImport(
        store,
        actor,
        job.caseId,
        importer,
        inputOf(upload),
        withHooks(job.format, options, job.warnings),
        {
          ...accept,
          signal,
          onProgress: (p) =>
            (job.progress = {
              bytesRead: p.bytesRead,
              totalBytes: p.totalBytes ?? upload.size,
              entities: p.entities,
              transactions: p.transactions,
            }),
        },
      );
      for (const u of job.report.unbalancedStatements ?? [])
        job.warnings.push({ line: u.line, path: null, message: u.warning });
      for (const w of job.report.warnings ?? []) job.warnings.push(lineMessageOf(w));
      job.status = 'succeeded';
    } catch (e) {
      if (signal.aborted) job.status = 'cancelled';
      else {
        job.status = 'failed';
        fail(messageOf(e));
      }
    }
  }

  private forgetOld(): void {
    const now = Date.now();
    for (const [id, u] of this.uploads)
      if (now - u.at > KEEP_MS) {
        this.uploads.delete(id);
        void u.dispose();
      }
    for (const [id, j] of this.jobs) if (j.finishedAt !== null && now - j.finishedAt > KEEP_MS) this.jobs.delete(id);
  }

  async close(): Promise<void> {
    for (const j of this.jobs.values()) j.controller.abort();
    await Promise.all([...this.uploads.values()].map((u) => u.dispose()));
    this.uploads.clear();
  }
}
