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
  PREVIEWABLE_TYPES,
} from '../../shared/contracts/evidence.ts';
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { canSee, hiddenVictim, requireVisibleEntity, visibilityOf } from '../../services/access/visibility.ts';
import type { Visibility } from '../../services/access/visibility.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import { getEntities } from '../../store/repos/entities/entities.ts';
import { getFile, insertFile, listFiles, sha256Hex } from '../../store/repos/files/files.ts';
import type { CaseFileMeta } from '../../store/repos/files/files.ts';
import { insertSource } from '../../store/repos/cases/notes.ts';
import { acceptUploads, spoolToFile, UPLOAD_TYPE } from '../http/upload.ts';
import { CaseParams } from './cases/cases.ts';
import type { Router } from './router.ts';

/** Registers the streamed-upload body parser once, whichever route file asks first. */
export function ensureUploads(app: FastifyInstance): void {
  if (!app.hasContentTypeParser(UPLOAD_TYPE)) acceptUploads(app);
}

const BY_EXTENSION: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  rtf: 'application/rtf',
  txt: 'text/plain',
  csv: 'text/csv',
  eml: 'message/rfc822',
  html: 'text/html',
  htm: 'text/html',
  zip: 'application/zip',
};

/** The file's type from its first bytes (magic numbers), else from its name's ending. */
export function sniffMime(bytes: Buffer, fileName: string): string {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const byName = BY_EXTENSION[ext];
  if (starts(0x50, 0x4b, 0x03, 0x04)) return byName && byName.startsWith('application/') ? byName : 'application/zip';
  return byName ?? 'application/octet-stream';
}

const present = (m: CaseFileMeta): EvidenceFileOut => ({
  id: m.id,
  fileName: m.file_name,
  mimeType: m.mime_type,
  sha256: m.sha256,
  size: m.size,
  entityId: m.entity_id,
  sourceId: m.source_id,
  createdBy: m.created_by,
  createdAt: m.created_at,
});

const FileParams = CaseParams.extend({ fileId: z.string().min(1).max(200) });

/**
 * Files this user may see: on a partial share only files of shared entities, and never a file
 * attached to a victim they see only by pseudonym (a photo identifies as surely as a name).
 */
async function visibleFiles(scope: CaseScope, v: Visibility, files: CaseFileMeta[]): Promise<CaseFileMeta[]> {
  const ids = [...new Set(files.flatMap((f) => (f.entity_id ? [f.entity_id] : [])))];
  const hidden = new Set((await getEntities(scope, ids)).filter((e) => hiddenVictim(v, e)).map((e) => e.id));
  return files.filter((f) => (f.entity_id ? canSee(v, f.entity_id) && !hidden.has(f.entity_id) : !v.only));
}

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
    audit: { action: 'collection', target: 'file' },
    handler: async ({ store, caseId, actor, access, query, request, setAuditTarget, auditDetail }) => {
      const v = await visibilityOf(store, access);
      if (query.entityId) {
        const row = await requireVisibleEntity(store, access, v, query.entityId);
        if (hiddenVictim(v, row))
          throw errors.forbidden('Only users with victim contact may add evidence to a victim’s record');
      }
      const spooled = await spoolToFile(request.body, query.name, MAX_EVIDENCE_BYTES);
      try {
        const content = await readFile(spooled.path);
        if (content.length === 0) throw errors.validation('The file is empty', 'body');
        const sha256 = sha256Hex(content);
        const at = new Date().toISOString();
        const sourceId = uuidv7();
        const meta = await store.transaction(async (trx) => {
          const scope = store.scope(caseId).in(trx);
          await insertSource(scope, {
            id: sourceId,
            kind: 'evidence',
            label: query.name,
            sha256,
            file_name: query.name,
            created_by: actor.id,
            created_at: at,
          });
          return insertFile(scope, {
            id: uuidv7(),
            file_name: query.name,
            mime_type: sniffMime(content, query.name),
            content,
            entity_id: query.entityId ?? null,
            source_id: sourceId,
            created_by: actor.id,
            created_at: at,
          });
        });
        setAuditTarget(meta.id);
        Object.assign(auditDetail, { sha256, size: meta.size });
        return present(meta);
      } finally {
        await spooled.dispose();
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
    audit: { action: 'consultation', target: 'files' },
    handler: async ({ store, caseId, access, query, auditIds }) => {
      const scope = store.scope(caseId);
      const files = await visibleFiles(
        scope,
        await visibilityOf(store, access),
        await listFiles(scope, query.entityId),
      );
      auditIds(files.map((f) => f.id));
      return { files: files.map(present) };
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/files/:fileId/content',
    tag: 'evidence',
    summary: 'The bytes of an evidence file (images and PDFs inline, others as download)',
    params: FileParams,
    access: { case: 'case:read' },
    audit: { action: 'consultation', target: 'file', targetParam: 'fileId' },
    handler: async ({ store, caseId, access, params, reply }) => {
      const scope = store.scope(caseId);
      const file = await getFile(scope, params.fileId);
      if (!file || !(await visibleFiles(scope, await visibilityOf(store, access), [file])).length)
        throw errors.notFound('File');
      const inline = PREVIEWABLE_TYPES.has(file.mime_type);
      void reply
        .type(inline ? file.mime_type : 'application/octet-stream')
        .header(
          'content-disposition',
          `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
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
