/**
 * The import wizard's use cases: the formats on offer, upload a file, preview what a mapping
 * makes of its first lines, start the import as a job. Polling and cancelling a job go by the
 * job's key, not a session (see ImportDesk.job), and record nothing; the job's outcome is
 * recorded when it ends.
 */
import { importRulesFor } from './ownership.ts';
import type { z } from 'zod';
import type { ImportPreviewBody, ImportStartBody, LineMessage, PreviewItem } from '../../shared/contracts/imports.ts';
import { requireCase } from '../cases/index.ts';
import { caseUseCase, globalUseCase } from '../useCase/index.ts';
import type { Store } from '../useCase/index.ts';
import { heavySlot } from '../workers/index.ts';
import { headOf, ImportDesk, inputOf, MAX_MESSAGES, messageOf, previewItem, withHooks } from './desk.ts';
import type { SpooledFile } from './desk.ts';
import { checkOptions, describeFormats, importerFor } from './formats.ts';

/** Lines read for the preview of formats that read the whole file before yielding anything. */
const PREVIEW_LINES = 500;

export const importFormats = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'import_formats' },
  run: async () => ({ formats: describeFormats() }),
});

export const stageUpload = caseUseCase({
  permission: 'case:write',
  audit: { action: 'collection', target: 'upload' },
  run: async ({ store, caseId, actor, audit }, i: { desk: ImportDesk; spooled: SpooledFile; fileName: string }) => {
    const out = await i.desk.stage(store, i.spooled, { caseId, userId: actor.id, fileName: i.fileName });
    audit.target(out.uploadId);
    audit.detail({ fileName: out.fileName, sha256: out.sha256, size: out.size });
    return out;
  },
});

export const previewImport = caseUseCase({
  permission: 'case:write',
  audit: { action: 'consultation', target: 'upload' },
  run: async ({ store, caseId, actor }, i: { desk: ImportDesk; body: z.output<typeof ImportPreviewBody> }) => {
    const { body } = i;
    const upload = await i.desk.upload(store, body.uploadId, caseId, actor.id);
    const importer = importerFor(body.format);
    const options = checkOptions(body.format, body.options);
    const kase = await requireCase(store, caseId);
    const { input, wasCut } =
      body.format === 'ftm-mapping' ? headOf(upload, PREVIEW_LINES) : { input: inputOf(upload), wasCut: () => false };
    const items: PreviewItem[] = [];
    const errors: LineMessage[] = [];
    const warnings: LineMessage[] = [];
    let stopped = false;
    try {
      for await (const item of importer.parse(input, withHooks(body.format, options, warnings))) {
        // What the importer leaves out (an entity of an unknown schema) is a warning, not a row.
        for (const message of (item.kind !== 'file' && item.warnings) || [])
          if (warnings.length < MAX_MESSAGES) warnings.push({ line: item.line, path: null, message });
        if (item.kind === 'skipped') continue;
        items.push(previewItem(item, kase.country));
        if (items.length >= body.limit) {
          stopped = true;
          break;
        }
      }
    } catch (e) {
      errors.push(messageOf(e));
    }
    return { items, errors, warnings, partial: stopped || wasCut() };
  },
});

export const startImport = caseUseCase({
  permission: 'case:write',
  audit: { action: 'collection', target: 'import' },
  run: async (
    { store, caseId, actor, access, audit },
    i: { desk: ImportDesk; body: z.output<typeof ImportStartBody> },
  ) => {
    const { body } = i;
    const ownership = await importRulesFor(store, access);
    const upload = await i.desk.upload(store, body.uploadId, caseId, actor.id);
    const importer = importerFor(body.format);
    const options = checkOptions(body.format, body.options);
    const kase = await requireCase(store, caseId);
    // The slot is held until the import ends: a user runs at most a few heavy operations at once.
    const release = await heavySlot(actor.id, 'import');
    let started: Awaited<ReturnType<ImportDesk['start']>>;
    try {
      started = await i.desk.start(
        store,
        actor,
        caseId,
        kase.country,
        upload,
        body.format,
        importer,
        options,
        { acceptUnbalanced: body.acceptUnbalanced, ...ownership },
        release,
      );
    } catch (e) {
      release();
      throw e;
    }
    const { job, key } = started;
    audit.target(job.id);
    audit.detail({ format: body.format, sha256: upload.sha256 });
    return { ...ImportDesk.present(job), key };
  },
});

/** An import job's state, opened by its key (no session: see ImportDesk.job), from any server process. */
export const jobState = async (store: Store, desk: ImportDesk, jobId: string, key: string | undefined) =>
  ImportDesk.present(await desk.job(store, jobId, key));

/** Cancels a running import, opened by its key; nothing of it is kept. */
export async function cancelJob(store: Store, desk: ImportDesk, jobId: string, key: string | undefined) {
  const job = await desk.job(store, jobId, key);
  if (job.state === 'running' || job.state === 'queued') await desk.cancel(store, job);
  return ImportDesk.present(job);
}
