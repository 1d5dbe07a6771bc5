/** Candidate records, the analyst's decisions on pairs and the merges made (and undone) in a case. */
import type { CaseScope } from '../../caseScope.ts';
import type { ResolutionDecisionsTable, ResolutionMergesTable } from '../../schema/index.ts';
import type { EntityRow } from '../entities/entities.ts';

export type DecisionRow = ResolutionDecisionsTable;
export type MergeRow = ResolutionMergesTable;

export type ResolvableRow = { id: string; schema: string; caption: string; properties: string };

/** Rows per page when the case's records are read in pages. */
export const RESOLVABLE_PAGE = 20_000;

/**
 * The case's entities of some schemata in pages by id (keyset on the primary key), so that a
 * million persons are read without holding every row's text at once.
 */
export async function* resolvableRowPages(
  scope: CaseScope,
  schemata: readonly string[],
  pageSize = RESOLVABLE_PAGE,
): AsyncGenerator<ResolvableRow[], void, undefined> {
  let after: string | null = null;
  for (;;) {
    let q = scope
      .selectFrom('entities')
      .select(['id', 'schema', 'caption', 'properties'])
      .where('schema', 'in', [...schemata]);
    if (after !== null) q = q.where('id', '>', after);
    const page: ResolvableRow[] = await q.orderBy('id').limit(pageSize).execute();
    if (page.length) yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]?.id ?? null;
  }
}

/** The case's entities of some schemata (of the given ids only, when given). */
export async function resolvableRows(
  scope: CaseScope,
  schemata: readonly string[],
  ids?: readonly string[],
): Promise<{ id: string; schema: string; caption: string; properties: string }[]> {
  let q = scope
    .selectFrom('entities')
    .select(['id', 'schema', 'caption', 'properties'])
    .where('schema', 'in', [...schemata]);
  if (ids) q = q.where('id', 'in', ids.length ? [...ids] : ['']);
  return q.execute();
}

/** Entities other than `id` whose properties may name it (the caller checks the values). */
export async function rowsMentioning(scope: CaseScope, id: string): Promise<EntityRow[]> {
  return scope
    .selectFrom('entities')
    .selectAll()
    .where('properties', 'like', `%"${id.replace(/[%_\\]/g, '')}"%`)
    .where('id', '!=', id)
    .execute();
}

export async function decisionKeys(
  scope: CaseScope,
): Promise<{ pair_key: string; a_id: string; b_id: string; status: string }[]> {
  return scope.selectFrom('resolution_decisions').select(['pair_key', 'a_id', 'b_id', 'status']).execute();
}

/** Replaces the decision on the row's pair. */
export async function replaceDecision(scope: CaseScope, row: Omit<DecisionRow, 'case_id'>): Promise<void> {
  await deleteDecision(scope, row.pair_key);
  await scope.insertInto('resolution_decisions', row).execute();
}

export async function deleteDecision(scope: CaseScope, pairKey: string): Promise<void> {
  await scope.deleteFrom('resolution_decisions').where('pair_key', '=', pairKey).execute();
}

/** The newest 500 decisions. */
export async function recentDecisions(scope: CaseScope): Promise<DecisionRow[]> {
  return scope.selectFrom('resolution_decisions').selectAll().orderBy('decided_at', 'desc').limit(500).execute();
}

export async function insertMerge(scope: CaseScope, row: Omit<MergeRow, 'case_id'>): Promise<void> {
  await scope.insertInto('resolution_merges', row).execute();
}

export async function getMerge(scope: CaseScope, id: string): Promise<MergeRow | undefined> {
  return scope.selectFrom('resolution_merges').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markMergeUndone(scope: CaseScope, id: string, by: string, at: string): Promise<void> {
  await scope.updateTable('resolution_merges').set({ undone_by: by, undone_at: at }).where('id', '=', id).execute();
}

/** The newest 500 merges. */
export async function recentMerges(
  scope: CaseScope,
): Promise<Pick<MergeRow, 'id' | 'keep_id' | 'merged_id' | 'merged_at' | 'undone_at' | 'after_versions'>[]> {
  return scope
    .selectFrom('resolution_merges')
    .select(['id', 'keep_id', 'merged_id', 'merged_at', 'undone_at', 'after_versions'])
    .orderBy('merged_at', 'desc')
    .limit(500)
    .execute();
}
