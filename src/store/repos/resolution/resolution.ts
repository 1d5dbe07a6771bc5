/**
 * Putting back an entity a merge removed: the same id, properties, grading and provenance, a
 * `restore` entry in its history after the `delete` one, and its selectors and search document
 * indexed again as when it was first written (repos/entities.ts).
 */
import type { PreparedEntity } from '../../../domain/entity/prepared.ts';
import type { CaseScope } from '../../caseScope.ts';
import type { EntityRow } from '../entities/entities.ts';

export async function restoreEntity(
  scope: CaseScope,
  e: PreparedEntity,
  was: EntityRow,
  by: { userId: string; at: string },
): Promise<void> {
  // The merge logged the deletion as version + 1; the restore comes after it.
  const version = was.version + 2;
  await scope
    .insertInto('entities', {
      id: e.id,
      schema: e.schema,
      caption: e.caption,
      properties: JSON.stringify(e.properties),
      source_id: e.sourceId,
      target_id: e.targetId,
      provenance_source_id: was.provenance_source_id,
      recorded_by: was.recorded_by,
      recorded_at: was.recorded_at,
      updated_at: by.at,
      reliability: e.grading.reliability,
      information: e.grading.information,
      version,
    })
    .execute();
  await scope
    .insertInto('entity_history', {
      entity_id: e.id,
      version,
      change: 'restore',
      schema: e.schema,
      properties: JSON.stringify(e.properties),
      changed_by: by.userId,
      changed_at: by.at,
    })
    .execute();
  const seen = new Set<string>();
  const selectors = e.selectors
    .map((s) => ({ kind: s.kind, value: s.value, property: s.property, entity_id: e.id }))
    .filter((s) => {
      const k = `${s.kind}\u0000${s.value}\u0000${s.property}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  if (selectors.length) await scope.insertInto('selectors', selectors).execute();
  if (e.searchText)
    await scope
      .insertInto('search_docs', { doc_id: e.id, entity_id: e.id, kind: 'entity', text: e.searchText })
      .execute();
}
