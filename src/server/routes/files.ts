/**
 * Evidence files: photos, PDFs and documents uploaded to a case. The server computes the
 * SHA-256 of the bytes as received and records the file as a provenance source, so facts can
 * cite it. Images and PDFs are shown in the page; anything else is only offered for download,
 * and the type is decided from the bytes, never from what the browser claims.
 */
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  EvidenceFileOut,
  EvidenceListQuery,
  EvidenceUploadQuery,
  MAX_EVIDENCE_BYTES,
} from '../../shared/contracts/files.ts';
import { evidenceContent, evidenceFiles, uploadEvidence } from '../../services/files/index.ts';
import { acceptUploads, spoolToFile, UPLOAD_TYPE } from '../http/upload.ts';
import type { SpooledFile } from '../http/upload.ts';
import { CaseParams } from './cases/cases.ts';
import type { Router } from './router.ts';

/** Registers the streamed-upload body parser once, whichever route file asks first. */
export function ensureUploads(app: FastifyInstance): void {
  if (!app.hasContentTypeParser(UPLOAD_TYPE)) acceptUploads(app);
}

const FileParams = CaseParams.extend({ fileId: z.string().min(1).max(200) });

export function fileRoutes(r: Router, app: FastifyInstance): void {
  ensureUploads(app);

  r({
    method: 'POST',
    url: '/api/cases/:caseId/files',
    tag: 'evidence',
    status: 201,
    summary: `Upload an evidence file as the body (Content-Type: ${UPLOAD_TYPE}); its SHA-256 is recorded`,
    params: CaseParams,
    query: EvidenceUploadQuery,
    response: EvidenceFileOut,
    access: { case: 'case:write' },
    handler: async ({ store, caller, caseId, query, request }) => {
      // The body is read only once the use case has checked the caller may add the file.
      let spooled: SpooledFile | undefined;
      try {
        return await uploadEvidence(store, caller, caseId, {
          name: query.name,
          entityId: query.entityId,
          content: async () => {
            spooled = await spoolToFile(request.body, query.name, MAX_EVIDENCE_BYTES, caller.actor.id);
            return readFile(spooled.path);
          },
        });
      } finally {
        await spooled?.dispose();
      }
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/files',
    tag: 'evidence',
    summary: 'Evidence files of the case, or of one entity',
    params: CaseParams,
    query: EvidenceListQuery,
    response: z.object({ files: z.array(EvidenceFileOut) }),
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId, query }) => evidenceFiles(store, caller, caseId, { entityId: query.entityId }),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/files/:fileId/content',
    tag: 'evidence',
    summary: 'The bytes of an evidence file (images and PDFs inline, others as download)',
    params: FileParams,
    access: { case: 'case:read' },
    handler: async ({ store, caller, caseId, params, reply }) => {
      const file = await evidenceContent(store, caller, caseId, { fileId: params.fileId });
      const inline = file.inline;
      void reply
        .type(inline ? file.mimeType : 'application/octet-stream')
        .header(
          'content-disposition',
          `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        // Only this platform's own pages may frame it (the PDF preview); it may load nothing.
        .header(
          'content-security-policy',
          "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
        );
      return file.content;
    },
  });
}
