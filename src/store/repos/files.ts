/** Files kept with a case and the ground truth of generated cases. */
import { createHash } from 'node:crypto';
import type { CaseScope } from '../caseScope.ts';
import type { CaseFilesTable } from '../tables.ts';

export type CaseFileRow = CaseFilesTable;
export type CaseFileMeta = Omit<CaseFileRow, 'case_id' | 'content'>;

export const sha256Hex = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export async function insertFile(scope: CaseScope, row: Omit<CaseFileRow, 'case_id' | 'sha256' | 'size'>): Promise<CaseFileMeta> {
  const full = { ...row, sha256: sha256Hex(row.content), size: row.content.length };
  await scope.insertInto('case_files', full).execute();
  const { content: _content, ...meta } = full;
  return meta;
}

export async function listFiles(scope: CaseScope, entityId?: string): Promise<CaseFileMeta[]> {
  let q = scope
    .selectFrom('case_files')
    .select(['id', 'file_name', 'mime_type', 'sha256', 'size', 'entity_id', 'source_id', 'created_by', 'created_at']);
  if (entityId) q = q.where('entity_id', '=', entityId);
  return q.orderBy('created_at').orderBy('id').execute();
}

export async function getFile(scope: CaseScope, id: string): Promise<CaseFileRow | undefined> {
  return scope.selectFrom('case_files').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertGroundTruthPart(scope: CaseScope, part: number, generator: string, content: string): Promise<void> {
  await scope.insertInto('ground_truths', { part, generator, content }).execute();
}

export async function listGroundTruthParts(scope: CaseScope): Promise<{ part: number; generator: string; content: string }[]> {
  return scope.selectFrom('ground_truths').select(['part', 'generator', 'content']).orderBy('part').execute();
}
