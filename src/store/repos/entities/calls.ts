/**
 * Reads the call-record import needs to join files into one network: the case's phones by their
 * number, and the calls between given pairs of phones.
 */
import type { CaseScope } from '../../caseScope.ts';
import type { EntityRow } from './entities.ts';

const CHUNK = 200;

/** Phone entities of the case whose `number` is one of these (E.164) values: value → ids, oldest id first. */
export async function phonesByNumber(scope: CaseScope, numbers: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const values = [...new Set(numbers)];
  for (let i = 0; i < values.length; i += CHUNK) {
    const part = values.slice(i, i + CHUNK);
    const rows = await scope
      .selectFrom('selectors')
      .innerJoin('entities', (j) =>
        j.onRef('entities.case_id', '=', 'selectors.case_id').onRef('entities.id', '=', 'selectors.entity_id'),
      )
      .select(['selectors.value as value', 'entities.id as id'])
      .where('selectors.kind', '=', 'phone')
      .where('selectors.property', '=', 'number')
      .where('entities.schema', '=', 'Phone')
      .where('selectors.value', 'in', part)
      .orderBy('entities.recorded_at')
      .orderBy('entities.id')
      .execute();
    for (const r of rows) {
      const ids = out.get(r.value) ?? [];
      if (!ids.includes(r.id)) ids.push(r.id);
      out.set(r.value, ids);
    }
  }
  return out;
}

/** Calls of the case from each caller to its receiver, for the given `[caller, receiver]` phone ids. */
export async function callsBetween(
  scope: CaseScope,
  pairs: readonly (readonly [string, string])[],
): Promise<Pick<EntityRow, 'id' | 'properties' | 'source_id' | 'target_id'>[]> {
  const wanted = new Set(pairs.map(([a, b]) => `${a}\u0000${b}`));
  const callers = [...new Set(pairs.map(([a]) => a))];
  const out: Pick<EntityRow, 'id' | 'properties' | 'source_id' | 'target_id'>[] = [];
  for (let i = 0; i < callers.length; i += CHUNK) {
    const part = callers.slice(i, i + CHUNK);
    const receivers = [...new Set(pairs.filter(([a]) => part.includes(a)).map(([, b]) => b))];
    const rows = await scope
      .selectFrom('entities')
      .select(['id', 'properties', 'source_id', 'target_id'])
      .where('schema', '=', 'Call')
      .where('source_id', 'in', part)
      .where('target_id', 'in', receivers)
      .execute();
    out.push(...rows.filter((r) => wanted.has(`${r.source_id ?? ''}\u0000${r.target_id ?? ''}`)));
  }
  return out;
}

/** The case's calls a page at a time, in id order: those after `after`. */
export async function callPage(
  scope: CaseScope,
  after: string,
  limit: number,
): Promise<Pick<EntityRow, 'id' | 'properties'>[]> {
  return scope
    .selectFrom('entities')
    .select(['id', 'properties'])
    .where('schema', '=', 'Call')
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
}
