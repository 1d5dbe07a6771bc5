/**
 * Evidence files: photos, PDFs and documents uploaded to a case. The SHA-256 of the bytes as
 * received is kept and the file is registered as a provenance source, so facts can cite it.
 * Images and PDFs are shown in the page; anything else is only offered for download, and the
 * type is decided from the bytes, never from what the browser claims.
 */
import type { EvidenceFileOut } from '../../shared/contracts/files.ts';
import { PREVIEWABLE_TYPES } from '../../shared/contracts/files.ts';
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import { insertSource } from '../../store/repos/cases/notes.ts';
import { getEntities } from '../../store/repos/entities/entities.ts';
import { getFile, insertFile, listFiles, sha256Hex } from '../../store/repos/files/files.ts';
import type { CaseFileMeta } from '../../store/repos/files/files.ts';
import { isA } from '../../domain/schema/index.ts';
import { namingProtected } from '../documents/index.ts';
import { canSee, hiddenVictim, requireVisibleEntity, visibilityOf } from '../access/index.ts';
import type { Visibility } from '../access/index.ts';
import { caseUseCase } from '../useCase/index.ts';

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

/**
 * Files this user may see: on a partial share only files of shared entities, and never a file
 * attached to a victim they see only by pseudonym (a photo identifies as surely as a name).
 */
async function visibleFiles(scope: CaseScope, v: Visibility, files: CaseFileMeta[]): Promise<CaseFileMeta[]> {
  const ids = [...new Set(files.flatMap((f) => (f.entity_id ? [f.entity_id] : [])))];
  const rows = await getEntities(scope, ids);
  const hidden = new Set(rows.filter((e) => hiddenVictim(v, e)).map((e) => e.id));
  // Originals and page images of seized documents and chats that name a protected person.
  const documents = rows.filter((e) => isA(e.schema, 'Document') || e.schema === 'Page');
  for (const id of await namingProtected(scope, v, documents)) hidden.add(id);
  return files.filter((f) => (f.entity_id ? canSee(v, f.entity_id) && !hidden.has(f.entity_id) : !v.only));
}

export interface EvidenceUpload {
  name: string;
  entityId?: string | undefined;
  /** Reads the bytes; called only once the caller may add the file. */
  content: () => Promise<Buffer>;
}

export const uploadEvidence = caseUseCase({
  permission: 'case:write',
  audit: { action: 'collection', target: 'file' },
  run: async ({ store, caseId, actor, access, audit }, upload: EvidenceUpload): Promise<EvidenceFileOut> => {
    const v = await visibilityOf(store, access);
    if (upload.entityId) {
      const row = await requireVisibleEntity(store, access, v, upload.entityId);
      if (hiddenVictim(v, row))
        throw errors.forbidden('Only users with victim contact may add evidence to a victim’s record');
    }
    const content = await upload.content();
    if (content.length === 0) throw errors.validation('The file is empty', 'body');
    const sha256 = sha256Hex(content);
    const at = new Date().toISOString();
    const sourceId = uuidv7();
    const meta = await store.transaction(async (trx) => {
      const scope = store.scope(caseId).in(trx);
      await insertSource(scope, {
        id: sourceId,
        kind: 'evidence',
        label: upload.name,
        sha256,
        file_name: upload.name,
        created_by: actor.id,
        created_at: at,
      });
      return insertFile(scope, {
        id: uuidv7(),
        file_name: upload.name,
        mime_type: sniffMime(content, upload.name),
        content,
        entity_id: upload.entityId ?? null,
        source_id: sourceId,
        created_by: actor.id,
        created_at: at,
      });
    });
    audit.target(meta.id);
    audit.detail({ sha256, size: meta.size });
    return present(meta);
  },
});

export const evidenceFiles = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'files' },
  run: async ({ store, caseId, access, audit }, { entityId }: { entityId?: string | undefined }) => {
    const scope = store.scope(caseId);
    const files = await visibleFiles(scope, await visibilityOf(store, access), await listFiles(scope, entityId));
    audit.returned(files.map((f) => f.id));
    return { files: files.map(present) };
  },
});

/** An evidence file's bytes, and whether the page may show it inline (images and PDFs). */
export const evidenceContent = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'file', targetOf: (i: { fileId: string }) => i.fileId },
  run: async ({ store, caseId, access }, { fileId }: { fileId: string }) => {
    const scope = store.scope(caseId);
    const file = await getFile(scope, fileId);
    if (!file || !(await visibleFiles(scope, await visibilityOf(store, access), [file])).length)
      throw errors.notFound('File');
    return {
      fileName: file.file_name,
      mimeType: file.mime_type,
      inline: PREVIEWABLE_TYPES.has(file.mime_type),
      content: file.content,
    };
  },
});
