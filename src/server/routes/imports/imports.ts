/**
 * Imports through the web, for every importer the platform has: upload a file (streamed to
 * disk and hashed), preview what a mapping makes of it, then run it as a job with progress and
 * cancel. The job checks the whole file first and writes in one transaction, so a failed or
 * cancelled import leaves the case unchanged.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ImportFormatOut,
  ImportGuessBody,
  ImportGuessOut,
  ImportJobOut,
  ImportPreviewBody,
  ImportPreviewOut,
  ImportStartBody,
  UploadOut,
} from '../../../shared/contracts/imports.ts';
import {
  cancelJob,
  guessImportOptions,
  ImportDesk,
  importFormats,
  jobState,
  previewImport,
  stageUpload,
  startImport,
} from '../../../services/imports/index.ts';
import { spoolToFile } from '../../http/upload.ts';
import { CaseParams } from '../cases/cases.ts';
import { ensureUploads } from '../files.ts';
import type { Router } from '../router.ts';

/** Largest file the wizard takes: bank and phone data run to millions of lines. */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024 * 1024;

const JobParams = z.object({ jobId: z.string().min(1).max(200) });
/** The job's ticket, returned once when it starts. */
const JOB_KEY_HEADER = 'x-elect-job-key';
const jobKey = (headers: Record<string, string | string[] | undefined>) => {
  const v = headers[JOB_KEY_HEADER];
  return typeof v === 'string' ? v : undefined;
};

export function importRoutes(r: Router, app: FastifyInstance): void {
  ensureUploads(app);
  const desk = new ImportDesk();

  r({
    method: 'GET',
    url: '/api/import-formats',
    tag: 'imports',
    summary: 'Every import format, with the fields its mapping needs',
    access: 'authenticated',
    response: z.object({ formats: z.array(ImportFormatOut) }),
    handler: ({ store, caller }) => importFormats(store, caller),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/imports/uploads',
    tag: 'imports',
    status: 201,
    summary: 'Upload a file to import (the body, Content-Type: application/octet-stream); returns its first lines',
    params: CaseParams,
    query: z.object({ name: z.string().trim().min(1).max(255) }),
    response: UploadOut,
    access: { case: 'case:write' },
    handler: async ({ store, caller, caseId, query, request }) => {
      const spooled = await spoolToFile(request.body, query.name, MAX_IMPORT_BYTES, caller.actor.id);
      return stageUpload(store, caller, caseId, { desk, spooled, fileName: query.name });
    },
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/imports/preview',
    tag: 'imports',
    summary: 'What the import would make of the first lines, each checked',
    params: CaseParams,
    body: ImportPreviewBody,
    response: ImportPreviewOut,
    access: { case: 'case:write' },
    handler: ({ store, caller, caseId, body }) => previewImport(store, caller, caseId, { desk, body }),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/imports/guess',
    tag: 'imports',
    summary: 'Proposed bank CSV options for an uploaded export, each with its reason, tried on the whole file',
    params: CaseParams,
    body: ImportGuessBody,
    response: ImportGuessOut,
    access: { case: 'case:write' },
    handler: ({ store, caller, caseId, body }) => guessImportOptions(store, caller, caseId, { desk, body }),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/imports',
    tag: 'imports',
    status: 202,
    summary: `Start importing an uploaded file; poll /api/import-jobs/{id} with the returned key in ${JOB_KEY_HEADER}`,
    params: CaseParams,
    body: ImportStartBody,
    response: ImportJobOut.extend({ key: z.string() }),
    access: { case: 'case:write' },
    handler: ({ store, caller, caseId, body }) => startImport(store, caller, caseId, { desk, body }),
  });

  // Status and cancel are opened by the job's key, not the session: they must answer while an
  // import's transaction holds the embedded database. Their outcome is audited when the job ends.
  r({
    method: 'GET',
    url: '/api/import-jobs/:jobId',
    tag: 'imports',
    summary: `An import job: status, progress, report or line errors (header ${JOB_KEY_HEADER})`,
    params: JobParams,
    response: ImportJobOut,
    access: 'public',
    handler: async ({ store, params, request }) => jobState(store, desk, params.jobId, jobKey(request.headers)),
  });

  r({
    method: 'POST',
    url: '/api/import-jobs/:jobId/cancel',
    tag: 'imports',
    summary: `Cancel a running import; nothing of it is kept (header ${JOB_KEY_HEADER})`,
    params: JobParams,
    response: ImportJobOut,
    access: 'public',
    handler: async ({ store, params, request }) => cancelJob(store, desk, params.jobId, jobKey(request.headers)),
  });
}
