/**
 * The queries assembly runs inside an import's transaction: which entities carry a strong
 * identifier (through the selector index, or the identifier properties that have none), who
 * holds an account, which accounts statements name, which ids earlier merges removed, and the
 * conflicts raised for the analyst.
 */
import type { CaseScope } from '../../caseScope.ts';
import type { ResolutionConflictsTable } from '../../schema/index.ts';
import type { EntityRow } from '../entities/entities.ts';

const CHUNK = 200;
function* chunks<T>(xs: readonly T[]): Generator<T[]> {
  for (let i = 0; i < xs.length; i += CHUNK) yield xs.slice(i, i + CHUNK);
}

/** Ids removed by merges still in force, with the entity each went into. */
export async function mergedAway(scope: CaseScope): Promise<Map<string, string>> {
  const rows = await scope
    .selectFrom('resolution_merges')
    .select(['merged_id', 'keep_id', 'merged_at'])
    .where('undone_at', 'is', null)
    .orderBy('merged_at')
    .execute();
  return new Map(rows.map((r) => [r.merged_id, r.keep_id]));
}

/**
 * For every entity of the case, the entities that mention it in their properties (link ends and
 * any other reference), read in one pass: merges then find their references without a scan each.
 */
export async function mentions(scope: CaseScope): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const rows = await scope.selectFrom('entities').select(['id', 'properties']).execute();
  const ids = new Set(rows.map((r) => r.id));
  const quoted = /"((?:[^"\\]|\\.)*)"/g;
  for (const r of rows) {
    for (const m of r.properties.matchAll(quoted)) {
      const v = m[1];
      if (v === undefined || v === r.id || !ids.has(v)) continue;
      const set = out.get(v) ?? new Set<string>();
      set.add(r.id);
      out.set(v, set);
    }
  }
  return out;
}

/** Entities whose selectors of these kinds have these values. */
export async function selectorHolders(
  scope: CaseScope,
  kinds: readonly string[],
  values: readonly string[],
): Promise<string[]> {
  const out = new Set<string>();
  for (const part of chunks([...new Set(values)])) {
    if (!part.length) continue;
    const rows = await scope
      .selectFrom('selectors')
      .select('entity_id')
      .where('kind', 'in', [...kinds])
      .where('value', 'in', part)
      .execute();
    for (const r of rows) out.add(r.entity_id);
  }
  return [...out];
}

/** Parties (of these schemata) that carry a registration, VAT or tax number. */
export async function partiesWithNumbers(scope: CaseScope, schemata: readonly string[]): Promise<EntityRow[]> {
  return scope
    .selectFrom('entities')
    .selectAll()
    .where('schema', 'in', [...schemata])
    .where((eb) =>
      eb.or([
        eb('properties', 'like', '%"registrationNumber"%'),
        eb('properties', 'like', '%"vatCode"%'),
        eb('properties', 'like', '%"taxNumber"%'),
      ]),
    )
    .execute();
}

/** Links of `schema` whose target is one of `ids` (e.g. Ownership links to accounts: their holders). */
export async function linksInto(scope: CaseScope, schema: string, ids: readonly string[]): Promise<EntityRow[]> {
  const out: EntityRow[] = [];
  for (const part of chunks([...new Set(ids)])) {
    if (!part.length) continue;
    out.push(
      ...(await scope
        .selectFrom('entities')
        .selectAll()
        .where('schema', '=', schema)
        .where('target_id', 'in', part)
        .execute()),
    );
  }
  return out;
}

/**
 * Of these accounts, those that statements or statement lines name (their ids must stay): one
 * query a chunk, each account answered by the first row its index finds, not by all its lines.
 */
export async function accountsInUse(scope: CaseScope, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const caseId = scope.caseId;
  for (const part of chunks([...new Set(ids)])) {
    if (!part.length) continue;
    const rows = await scope
      .selectFrom('entities')
      .select('entities.id')
      .where('entities.id', 'in', part)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('transactions as t')
              .select('t.account_id')
              .whereRef('t.account_id', '=', 'entities.id')
              .where('t.case_id', '=', caseId),
          ),
          eb.exists(
            eb
              .selectFrom('transactions as c')
              .select('c.counterparty_account_id')
              .whereRef('c.counterparty_account_id', '=', 'entities.id')
              .where('c.case_id', '=', caseId),
          ),
          eb.exists(
            eb
              .selectFrom('statements as s')
              .select('s.account_id')
              .whereRef('s.account_id', '=', 'entities.id')
              .where('s.case_id', '=', caseId),
          ),
        ]),
      )
      .execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

export type ConflictRow = Omit<ResolutionConflictsTable, 'case_id'>;

/** Raises a conflict; false when it was raised before (also when dismissed: the analyst saw it). */
export async function raiseConflict(scope: CaseScope, row: ConflictRow): Promise<boolean> {
  const res = await scope
    .insertInto('resolution_conflicts', row)
    .onConflict((oc) => oc.columns(['case_id', 'conflict_key']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function openConflicts(scope: CaseScope, limit = 1000): Promise<ConflictRow[]> {
  return scope
    .selectFrom('resolution_conflicts')
    .select(['conflict_key', 'a_id', 'b_id', 'reason', 'source_id', 'raised_at', 'dismissed_by', 'dismissed_at'])
    .where('dismissed_at', 'is', null)
    .orderBy('raised_at')
    .limit(limit)
    .execute();
}

export async function dismissConflict(scope: CaseScope, key: string, by: string, at: string): Promise<boolean> {
  const res = await scope
    .updateTable('resolution_conflicts')
    .set({ dismissed_by: by, dismissed_at: at })
    .where('conflict_key', '=', key)
    .where('dismissed_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
