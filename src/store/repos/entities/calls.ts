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
    const hits = await scope
      .selectFrom('selectors')
      .select(['value', 'entity_id'])
      .where('kind', '=', 'phone')
      .where('property', '=', 'number')
      .where('value', 'in', part)
      .execute();
    if (!hits.length) continue;
    const ids = [...new Set(hits.map((h) => h.entity_id))];
    const phones = await scope
      .selectFrom('entities')
      .select(['id', 'recorded_at'])
      .where('schema', '=', 'Phone')
      .where('id', 'in', ids)
      .execute();
    const order = new Map(
      phones
        .sort((a, b) => a.recorded_at.localeCompare(b.recorded_at) || a.id.localeCompare(b.id))
        .map((p, i) => [p.id, i]),
    );
    const rows = hits
      .filter((h) => order.has(h.entity_id))
      .sort((a, b) => (order.get(a.entity_id) ?? 0) - (order.get(b.entity_id) ?? 0))
      .map((h) => ({ value: h.value, id: h.entity_id }));
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
