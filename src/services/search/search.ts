/**
 * Search within a case: ranked full text, and exact look-up of normalised selectors. Results
 * pass through the same visibility as pages: a victim hidden from the user is not found by
 * their name, phone or any other identifier, and a partial share finds only what was shared.
 */
import type { SelectorKind } from '../../domain/schema/types.ts';
import { foldText, normaliseSelector } from '../../domain/selectors/index.ts';
import type { EntityOut } from '../../shared/contracts/index.ts';
import { errors } from '../../shared/errors.ts';
import { getEntities } from '../../store/repos/entities/entities.ts';
import type { EntityRow } from '../../store/repos/entities/entities.ts';
import { findBySelector, fullTextSearchFor } from '../../store/repos/search/search.ts';
import type { Store } from '../../store/store.ts';
import { canSee, hiddenVictim, presentFor, visibilityOf } from '../access/index.ts';
import type { CaseAccess, Visibility } from '../access/index.ts';
import { requireCase } from '../cases/index.ts';
import { caseUseCase } from '../useCase/index.ts';

export interface TextResult {
  kind: string;
  docId: string;
  rank: number;
  entity: EntityOut | null;
}

/** Entities of the hits that this user may find. */
async function findable(store: Store, caseId: string, v: Visibility, ids: string[]): Promise<Map<string, EntityRow>> {
  const rows = await getEntities(store.scope(caseId), ids);
  return new Map(rows.filter((e) => canSee(v, e.id) && !hiddenVictim(v, e)).map((e) => [e.id, e]));
}

export async function searchText(store: Store, access: CaseAccess, q: string, limit: number): Promise<TextResult[]> {
  const v = await visibilityOf(store, access);
  // Ask for more than shown: some hits may be filtered out for this user.
  const hits = await fullTextSearchFor(store.dialect).search(store.scope(access.caseId), foldText(q), limit * 2);
  const entities = await findable(
    store,
    access.caseId,
    v,
    hits.flatMap((h) => (h.entityId ? [h.entityId] : [])),
  );
  return hits
    .filter((h) => (h.entityId ? entities.has(h.entityId) : !v.only))
    .slice(0, limit)
    .map((h) => {
      const e = h.entityId ? entities.get(h.entityId) : undefined;
      return { kind: h.kind, docId: h.docId, rank: h.rank, entity: e ? presentFor(v, e) : null };
    });
}

export interface SelectorResult {
  normalised: string;
  matches: { property: string; entity: EntityOut }[];
}

export async function searchSelector(
  store: Store,
  access: CaseAccess,
  kind: SelectorKind,
  value: string,
): Promise<SelectorResult> {
  const kase = await requireCase(store, access.caseId);
  const n = normaliseSelector(kind, value, { defaultCountry: kase.country });
  if (!n.ok) throw errors.invalidSelector(`Not a valid ${kind}: ${n.reason}`, 'value');
  const v = await visibilityOf(store, access);
  const hits = await findBySelector(store.scope(access.caseId), kind, n.value);
  const rows = await findable(
    store,
    access.caseId,
    v,
    hits.map((h) => h.entityId),
  );
  return {
    normalised: n.value,
    matches: hits.flatMap((h) => {
      const e = rows.get(h.entityId);
      return e ? [{ property: h.property, entity: presentFor(v, e) }] : [];
    }),
  };
}

export const textSearch = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'search' },
  run: async ({ store, access, audit }, { q, limit }: { q: string; limit: number }) => {
    // The words may be a person's name: the audit layer keeps only a keyed hash of them, so an
    // overseer holding the key can still answer "who searched for X".
    audit.detail({ q });
    const results = await searchText(store, access, q, limit);
    audit.returned(results.flatMap((r) => (r.entity ? [r.entity.id] : [])));
    return { results };
  },
});

export const selectorSearch = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'selector' },
  run: async ({ store, access, audit }, { kind, value }: { kind: SelectorKind; value: string }) => {
    audit.detail({ kind });
    const res = await searchSelector(store, access, kind, value);
    audit.detail({ value: res.normalised });
    audit.returned(res.matches.map((m) => m.entity.id));
    return res;
  },
});
