/** Evidence files kept with a case: photos, PDFs, documents, captures. */
import { z } from 'zod';

export const EvidenceUploadQuery = z.object({
  name: z.string().trim().min(1, 'the file needs a name').max(255),
  entityId: z.string().max(200).optional().describe('The entity the file documents'),
});

export const EvidenceListQuery = z.object({ entityId: z.string().max(200).optional() });

export const EvidenceFileOut = z.object({
  id: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  /** SHA-256 of the bytes as received, computed by the server at upload. */
  sha256: z.string(),
  size: z.number(),
  entityId: z.string().nullable(),
  sourceId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type EvidenceFileOut = z.infer<typeof EvidenceFileOut>;

/** Types shown inside the page. SVG is left out on purpose: it can carry script. */
export const PREVIEWABLE_TYPES: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
]);

/** Largest evidence file accepted (bytes). */
export const MAX_EVIDENCE_BYTES = 200 * 1024 * 1024;
