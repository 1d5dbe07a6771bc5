/**
 * Entities and links (edge entities), their selectors, search documents and history.
 * Callers pass entities already validated and indexed (domain/entity).
 */
import { insertEachRow } from '../../bulkInsert.ts';
import type { CaseScope } from '../../caseScope.ts';
import type { PreparedEntity } from '../../../domain/entity/prepared.ts';
import type { ExpressionBuilder } from 'kysely';
import type { Database, EntitiesTable } from '../../schema/index.ts';

export type EntityRow = EntitiesTable;

export interface Recording {
  userId: string;
  at: string;
  /** Provenance: the import batch, evidence document or officer's note this came from. */
  provenanceSourceId: string | null;
  /** What the history row calls the change, when not the plain `update`/`delete` (an automatic join says why). */
  change?: string;
}

// SQLite allows 32766 bound parameters per statement; stay well below on both dialects.
const CHUNK = 200;
function* chunks<T>(xs: readonly T[], n = CHUNK): Generator<T[]> {
  for (let i = 0; i < xs.length; i += n) yield xs.slice(i, i + n);
}

export async function insertEntities(
  scope: CaseScope,
  items: readonly PreparedEntity[],
  rec: Recording,
): Promise<void> {
  for (const part of chunks(items)) {
    // An id deleted before (by hand, or merged away and the merge since undone and redone) comes
    // back with its history continued, not restarted at version 1 over the old rows.
    const past = await lastVersions(
      scope,
      part.map((e) => e.id),
    );
    const versionOf = (e: PreparedEntity) => (past.get(e.id) ?? 0) + 1;
    const rows = part.map((e) => ({
      id: e.id,
      schema: e.schema,
      caption: e.caption,
      properties: JSON.stringify(e.properties),
      source_id: e.sourceId,
      target_id: e.targetId,
      provenance_source_id: rec.provenanceSourceId,
      recorded_by: rec.userId,
      recorded_at: rec.at,
      updated_at: rec.at,
      reliability: e.grading.reliability,
      information: e.grading.information,
      version: versionOf(e),
    }));
    if (!insertEachRow(scope, 'entities', rows)) await scope.insertInto('entities', rows).execute();
    await insertHistory(scope, part, 'create', versionOf, rec);
    await indexEntities(scope, part);
  }
}

/** The last history version of each of these ids that has any (entities deleted since). */
async function lastVersions(scope: CaseScope, ids: readonly string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await scope
    .selectFrom('entity_history')
    .select(['entity_id'])
    .select((eb) => eb.fn.max('version').as('version'))
    .where('entity_id', 'in', [...ids])
    .groupBy('entity_id')
    .execute();
  return new Map(rows.map((r) => [r.entity_id, Number(r.version)]));
}

async function insertHistory(
  scope: CaseScope,
  items: readonly PreparedEntity[],
  change: string,
  version: number | ((e: PreparedEntity) => number),
  rec: Recording,
): Promise<void> {
  if (items.length === 0) return;
  const rows = items.map((e) => ({
    entity_id: e.id,
    version: typeof version === 'number' ? version : version(e),
    change,
    schema: e.schema,
    properties: JSON.stringify(e.properties),
    changed_by: rec.userId,
    changed_at: rec.at,
  }));
  if (!insertEachRow(scope, 'entity_history', rows)) await scope.insertInto('entity_history', rows).execute();
}

async function indexEntities(scope: CaseScope, items: readonly PreparedEntity[]): Promise<void> {
  const selectors = items.flatMap((e) =>
    e.selectors.map((s) => ({ kind: s.kind, value: s.value, property: s.property, entity_id: e.id })),
  );
  // The same value can be written twice in one property list; the key would collide.
  const seen = new Set<string>();
  const unique = selectors.filter((s) => {
    const k = `${s.kind}\u0000${s.value}\u0000${s.entity_id}\u0000${s.property}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (!insertEachRow(scope, 'selectors', unique))
    for (const part of chunks(unique)) await scope.insertInto('selectors', part).execute();
  const docs = items
    .filter((e) => e.searchText)
    .map((e) => ({ doc_id: e.id, entity_id: e.id, kind: 'entity', text: e.searchText }));
  if (!insertEachRow(scope, 'search_docs', docs))
    for (const part of chunks(docs)) await scope.insertInto('search_docs', part).execute();
}

async function unindexEntity(scope: CaseScope, id: string): Promise<void> {
  await scope.deleteFrom('selectors').where('entity_id', '=', id).execute();
  await scope.deleteFrom('search_docs').where('doc_id', '=', id).execute();
  // A seized document's search facts are derived from its text: written again when next searched.
  for (const t of ['document_index', 'document_bands', 'document_indicator_marks'] as const)
    await scope.deleteFrom(t).where('entity_id', '=', id).execute();
}

export async function getEntity(scope: CaseScope, id: string): Promise<EntityRow | undefined> {
  return scope.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getEntities(scope: CaseScope, ids: readonly string[]): Promise<EntityRow[]> {
  const out: EntityRow[] = [];
  for (const part of chunks([...new Set(ids)])) {
    if (part.length) out.push(...(await scope.selectFrom('entities').selectAll().where('id', 'in', part).execute()));
  }
  return out;
}

export async function existingIds(scope: CaseScope, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(ids)])) {
    if (!part.length) continue;
    const rows = await scope.selectFrom('entities').select('id').where('id', 'in', part).execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/**
 * The ids of a case's entities shared with an agency (a partial share), as a sub-select for
 * `where('id', 'in', …)`. Same case, same shard: it stays on one node.
 */
export const sharedEntityIds = (scope: CaseScope, agencyId: string) => (eb: ExpressionBuilder<Database, 'entities'>) =>
  eb
    .selectFrom('case_share_entities')
    .select('entity_id')
    .where('case_id', '=', scope.caseId)
    .where('agency_id', '=', agencyId);

export interface EntityListQuery {
  schemata?: readonly string[] | undefined;
  /** Only entities shared with this agency (a partial share). */
  sharedWith?: string | undefined;
  /** Keyset page: continue after this (caption, id). */
  after?: { caption: string; id: string } | undefined;
  limit: number;
}

export async function listEntities(scope: CaseScope, q: EntityListQuery): Promise<EntityRow[]> {
  let query = scope.selectFrom('entities').selectAll();
  if (q.schemata?.length) query = query.where('schema', 'in', q.schemata);
  if (q.sharedWith) query = query.where('id', 'in', sharedEntityIds(scope, q.sharedWith));
  if (q.after) {
    const { caption, id } = q.after;
    query = query.where((eb) =>
      eb.or([eb('caption', '>', caption), eb.and([eb('caption', '=', caption), eb('id', '>', id)])]),
    );
  }
  return query.orderBy('caption').orderBy('id').limit(q.limit).execute();
}

export async function countEntitiesBySchema(scope: CaseScope): Promise<{ schema: string; n: number }[]> {
  const rows = await scope
    .selectFrom('entities')
    .select(['schema', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('schema')
    .execute();
  return rows.map((r) => ({ schema: r.schema, n: Number(r.n) }));
}

/**
 * Links that start or end at the entity. Two look-ups, one per end's index: with `source_id = ?
 * OR target_id = ?` SQLite walks one index on the case id alone, which reads every entity of the
 * case (the entity page of a million-entity case took seconds).
 */
export async function linksOf(scope: CaseScope, id: string, limit = 500): Promise<EntityRow[]> {
  const end = (column: 'source_id' | 'target_id') =>
    scope.selectFrom('entities').selectAll().where(column, '=', id).orderBy('recorded_at').limit(limit).execute();
  const [from, to] = await Promise.all([end('source_id'), end('target_id')]);
  // A link from the entity to itself is found at both ends.
  const seen = new Set(from.map((l) => l.id));
  return [...from, ...to.filter((l) => !seen.has(l.id))]
    .sort((a, b) => (a.recorded_at < b.recorded_at ? -1 : a.recorded_at > b.recorded_at ? 1 : 0))
    .slice(0, limit);
}

export async function updateEntity(
  scope: CaseScope,
  e: PreparedEntity,
  previousVersion: number,
  rec: Recording,
): Promise<boolean> {
  const version = previousVersion + 1;
  const res = await scope
    .updateTable('entities')
    .set({
      caption: e.caption,
      properties: JSON.stringify(e.properties),
      source_id: e.sourceId,
      target_id: e.targetId,
      reliability: e.grading.reliability,
      information: e.grading.information,
      updated_at: rec.at,
      version,
    })
    .where('id', '=', e.id)
    // Optimistic concurrency: an edit made on a stale copy is refused, not silently merged.
    .where('version', '=', previousVersion)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  await insertHistory(scope, [e], rec.change ?? 'update', version, rec);
  await unindexEntity(scope, e.id);
  await indexEntities(scope, [e]);
  return true;
}

export async function deleteEntity(scope: CaseScope, row: EntityRow, rec: Recording): Promise<void> {
  await scope
    .insertInto('entity_history', {
      entity_id: row.id,
      version: row.version + 1,
      change: rec.change ?? 'delete',
      schema: row.schema,
      properties: row.properties,
      changed_by: rec.userId,
      changed_at: rec.at,
    })
    .execute();
  await unindexEntity(scope, row.id);
  await scope.deleteFrom('entities').where('id', '=', row.id).execute();
}

/**
 * Rewrites an entity's derived display name and search text (the caption rule changed since it
 * was written); its values and version stay as they are.
 */
export async function refreshCaption(scope: CaseScope, e: PreparedEntity): Promise<void> {
  await scope.updateTable('entities').set({ caption: e.caption }).where('id', '=', e.id).execute();
  await scope.updateTable('search_docs').set({ text: e.searchText }).where('doc_id', '=', e.id).execute();
}

/**
 * Links whose source or target is one of `ids` are kept as records but no longer drawn: their
 * `source_id`/`target_id` are cleared (the ids stay in their properties, as FtM keeps them).
 */
export async function detachLinksTo(scope: CaseScope, ids: readonly string[]): Promise<void> {
  for (const part of chunks([...new Set(ids)])) {
    if (!part.length) continue;
    await scope
      .updateTable('entities')
      .set({ source_id: null, target_id: null })
      .where((eb) => eb.or([eb('source_id', 'in', part), eb('target_id', 'in', part)]))
      .execute();
  }
}

export async function historyOf(scope: CaseScope, id: string) {
  return scope.selectFrom('entity_history').selectAll().where('entity_id', '=', id).orderBy('version').execute();
}

/** The links whose both ends are among the given entities. */
export async function linksAmong(scope: CaseScope, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await scope
    .selectFrom('entities')
    .select('id')
    .where('source_id', 'in', [...ids])
    .where('target_id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.id);
}

/** Every entity of the case with its ends, as the visibility model reads them. */
export async function entityFacts(
  scope: CaseScope,
): Promise<{ id: string; schema: string; properties: string; source_id: string | null; target_id: string | null }[]> {
  return scope.selectFrom('entities').select(['id', 'schema', 'properties', 'source_id', 'target_id']).execute();
}
