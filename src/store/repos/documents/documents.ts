/**
 * Reading seized documents and conversations: the entities one import wrote (a mailbox's
 * messages, a chat's messages, their attachments) and the evidence files attached to them.
 * A container's parts come from the same import as the container, so they are found by its
 * provenance source and then by their `parent` (services/documents), without reading the case.
 */
import type { CaseScope } from '../../caseScope.ts';
import type { EntityRow } from '../entities/entities.ts';
import type { CaseFileMeta } from '../files/files.ts';

/** Entities of `schemata` recorded from one provenance source (an import, a capture). */
export async function entitiesOfSource(
  scope: CaseScope,
  sourceId: string,
  schemata: readonly string[],
): Promise<EntityRow[]> {
  return scope
    .selectFrom('entities')
    .selectAll()
    .where('provenance_source_id', '=', sourceId)
    .where('schema', 'in', schemata)
    .execute();
}

/** The evidence files attached to any of these entities. */
export async function filesOfEntities(scope: CaseScope, ids: readonly string[]): Promise<CaseFileMeta[]> {
  if (!ids.length) return [];
  const out: CaseFileMeta[] = [];
  // Bounded lists keep the statement within both databases' parameter limits.
  for (let i = 0; i < ids.length; i += 500)
    out.push(
      ...(await scope
        .selectFrom('case_files')
        .select([
          'id',
          'file_name',
          'mime_type',
          'sha256',
          'size',
          'entity_id',
          'source_id',
          'created_by',
          'created_at',
        ])
        .where('entity_id', 'in', ids.slice(i, i + 500))
        .orderBy('created_at')
        .orderBy('id')
        .execute()),
    );
  return out;
}
