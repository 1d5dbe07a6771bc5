/**
 * The server side of the import wizard: uploaded files wait in the data folder's staging area
 * (hashed, recorded in `job_uploads`, so any server process can preview or import them) while the
 * user maps and previews them, and import jobs start here (their state and work: importJob.ts).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { sha256Of } from '../../ingest/files.ts';
import { readCsv } from '../../ingest/formats/csvRecords.ts';
import type { Importer } from '../../ingest/types.ts';
import type { ImportJobOut, UploadOut } from '../../shared/contracts/imports.ts';
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { getUpload, insertUpload } from '../../store/repos/jobs/jobs.ts';
import type { JobRow } from '../../store/repos/jobs/jobs.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/index.ts';
import { jobRunner, stagedPath, stageFile, stagingDir } from '../jobs/index.ts';
import type { JobRunner } from '../jobs/index.ts';
import { IMPORT_KIND, importJobKind, importWork, KEEP_MS, presentImportJob } from './importJob.ts';
import type { ImportJobInput } from './importJob.ts';
import type { ImportOptions } from './pipeline.ts';
import type { SpooledFile, StagedUpload } from './staged.ts';

export * from './staged.ts';

const SNIFF_BYTES = 64 * 1024;
const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

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

/** The process's runner with the import kind known (an interrupted import fails with its reason). */
export function importRunner(store: Store): JobRunner {
  const runner = jobRunner(store);
  runner.register(importJobKind);
  return runner;
}

export class ImportDesk {
  async stage(
    store: Store,
    spooled: SpooledFile,
    meta: { caseId: string; userId: string; fileName: string },
  ): Promise<UploadOut> {
    const bytes = (await stat(spooled.path)).size;
    if (bytes === 0) {
      await spooled.dispose();
      throw errors.validation('The file is empty', 'body');
    }
    const id = uuidv7();
    let storedAs: string;
    try {
      storedAs = await stageFile(store, id, spooled.path);
    } finally {
      await spooled.dispose();
    }
    const path = stagedPath(store, storedAs);
    const now = Date.now();
    const sha256 = await sha256Of({ fileName: meta.fileName, open: () => createReadStream(path) });
    try {
      await insertUpload(store.scope(meta.caseId), {
        id,
        owner_id: meta.userId,
        file_name: meta.fileName,
        stored_as: storedAs,
        size: bytes,
        sha256,
        created_at: new Date(now).toISOString(),
        expires_at: new Date(now + KEEP_MS).toISOString(),
      });
    } catch (e) {
      await rm(stagingDir(store, id), { recursive: true, force: true });
      throw e;
    }
    const upload = this.staged(store, {
      id,
      caseId: meta.caseId,
      userId: meta.userId,
      storedAs,
      fileName: meta.fileName,
      size: bytes,
      sha256,
      at: now,
    });
    return { uploadId: id, fileName: meta.fileName, size: bytes, sha256, sniff: await sniff(upload) };
  }

  private staged(store: Store, u: Omit<StagedUpload, 'path' | 'dispose'> & { storedAs: string }): StagedUpload {
    const { storedAs, ...rest } = u;
    return {
      ...rest,
      path: stagedPath(store, storedAs),
      dispose: () => rm(stagingDir(store, u.id), { recursive: true, force: true }),
    };
  }

  /** The user's own upload in this case; anyone else's is "not found". */
  async upload(store: Store, id: string, caseId: string, userId: string): Promise<StagedUpload> {
    const u = await getUpload(store.scope(caseId), id);
    if (!u || u.owner_id !== userId || Date.parse(u.expires_at) < Date.now())
      throw errors.validation('The uploaded file is no longer available; upload it again', 'uploadId');
    return this.staged(store, {
      id: u.id,
      caseId,
      userId: u.owner_id,
      storedAs: u.stored_as,
      fileName: u.file_name,
      size: u.size,
      sha256: u.sha256,
      at: Date.parse(u.created_at),
    });
  }

  /**
   * The job its key opens. The process running an import answers from memory: on embedded SQLite
   * the import's transaction holds the one connection, and progress must still reach the page.
   */
  async job(store: Store, id: string, key: string | undefined): Promise<JobRow> {
    const j = await importRunner(store).state(null, id);
    const given = key ? Buffer.from(hashKey(key), 'hex') : null;
    const held = j?.ticket_hash ? Buffer.from(j.ticket_hash, 'hex') : null;
    if (
      !j ||
      j.kind !== IMPORT_KIND ||
      !given ||
      !held ||
      held.length !== given.length ||
      !timingSafeEqual(held, given)
    )
      throw errors.notFound('Import');
    return j;
  }

  static present(j: JobRow): ImportJobOut {
    return presentImportJob(j);
  }

  async cancel(store: Store, j: JobRow): Promise<void> {
    await importRunner(store).cancel(j);
  }

  async start(
    store: Store,
    actor: Actor,
    caseId: string,
    country: string,
    upload: StagedUpload,
    format: string,
    importer: Importer<unknown>,
    options: Record<string, unknown>,
    accept: Pick<ImportOptions, 'acceptUnbalanced' | 'mayAlter'> = {},
    /** Gives back the user's heavy-operation slot when the job ends. */
    release: () => void = () => undefined,
  ): Promise<{ job: JobRow; key: string }> {
    const key = randomBytes(24).toString('base64url');
    const input: ImportJobInput = { format, fileName: upload.fileName, uploadId: upload.id, size: upload.size };
    const work = importWork({ store, actor, country, upload, format, importer, options, accept });
    const job = await importRunner(store).submit(
      caseId,
      {
        kind: IMPORT_KIND,
        ownerId: actor.id,
        input,
        step: 'checking',
        progress: { bytesRead: 0, totalBytes: upload.size, entities: 0, transactions: 0 },
        ticketHash: hashKey(key),
      },
      async (ctx) => {
        try {
          return await work(ctx);
        } finally {
          release();
        }
      },
    );
    return { job, key };
  }
}
