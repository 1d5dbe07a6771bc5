/** Search within a case: ranked full text, and exact look-up of normalised selectors. */
import type { SelectorKind } from '../domain/schema/types.ts';
import { foldText, normaliseSelector } from '../domain/selectors/index.ts';
import { errors } from '../shared/errors.ts';
import { getEntities } from '../store/repos/entities.ts';
import { findBySelector, fullTextSearchFor } from '../store/search.ts';
import type { Store } from '../store/store.ts';
import { requireCase } from './cases.ts';
import { presentEntity } from './entities.ts';
import type { EntityOut } from '../shared/contracts/index.ts';

export interface TextResult {
  kind: string;
  docId: string;
  rank: number;
  entity: EntityOut | null;
}

export async function searchText(store: Store, caseId: string, q: string, limit: number): Promise<TextResult[]> {
  const scope = store.scope(caseId);
  const hits = await fullTextSearchFor(store.dialect).search(scope, foldText(q), limit);
  const entities = new Map((await getEntities(scope, hits.flatMap((h) => (h.entityId ? [h.entityId] : [])))).map((e) => [e.id, e]));
  return hits.map((h) => {
    const e = h.entityId ? entities.get(h.entityId) : undefined;
    return { kind: h.kind, docId: h.docId, rank: h.rank, entity: e ? presentEntity(e) : null };
  });
}

export interface SelectorResult {
  normalised: string;
  matches: { property: string; entity: EntityOut }[];
}

export async function searchSelector(store: Store, caseId: string, kind: SelectorKind, value: string): Promise<SelectorResult> {
  const kase = await requireCase(store, caseId);
  const n = normaliseSelector(kind, value, { defaultCountry: kase.country });
  if (!n.ok) throw errors.invalidSelector(`Not a valid ${kind}: ${n.reason}`, 'value');
  const scope = store.scope(caseId);
  const hits = await findBySelector(scope, kind, n.value);
  const rows = new Map((await getEntities(scope, hits.map((h) => h.entityId))).map((e) => [e.id, e]));
  return {
    normalised: n.value,
    matches: hits.flatMap((h) => {
      const e = rows.get(h.entityId);
      return e ? [{ property: h.property, entity: presentEntity(e) }] : [];
    }),
  };
}
