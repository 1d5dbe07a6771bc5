/**
 * Search across every case the user may reach: full text, and selectors (phone, IBAN,
 * e-mail…) found however they were written — each case reads national numbers with its own
 * country. Each case is searched through the same policy and visibility as its own pages
 * (search.ts): pseudonyms stay pseudonyms, hidden victims are not found, partial shares find
 * only what was shared. Every case searched is recorded in that case's audit chain, besides
 * the search's own record.
 */
import type { SelectorKind } from '../../domain/schema/types.ts';
import type { z } from 'zod';
import type { GlobalSearchOut, GlobalSearchQuery } from '../../shared/contracts/search.ts';
import { isAppError } from '../../shared/errors.ts';
import type { Store } from '../../store/store.ts';
import { authorizeCase } from '../access/index.ts';
import type { CaseAccess } from '../access/index.ts';
import { recordEntry } from '../audit/index.ts';
import { listCases } from '../cases/index.ts';
import { rowOf } from '../entities/index.ts';
import { globalUseCase } from '../useCase/index.ts';
import { searchSelector, searchText } from './search.ts';

/** Selector kinds the words plausibly are, for `auto` mode. */
export function detectSelectors(q: string): SelectorKind[] {
  const kinds: SelectorKind[] = [];
  const digits = q.replace(/\D/g, '').length;
  if (/^[+(]?[\d\s().\-/]+$/.test(q) && digits >= 6 && digits <= 17) kinds.push('phone');
  if (/^[A-Za-z]{2}\d{2}[A-Za-z0-9]{8,30}$/.test(q.replace(/\s/g, ''))) kinds.push('iban');
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(q)) kinds.push('email');
  return kinds;
}

type CaseHits = GlobalSearchOut['cases'][number]['hits'];

async function searchOneCase(
  store: Store,
  access: CaseAccess,
  q: string,
  kinds: readonly SelectorKind[],
  withText: boolean,
  limit: number,
  normalised: Map<string, string>,
): Promise<CaseHits> {
  const hits = new Map<string, CaseHits[number]>();
  for (const kind of kinds) {
    try {
      const res = await searchSelector(store, access, kind, q);
      normalised.set(kind, res.normalised);
      for (const m of res.matches)
        if (!hits.has(m.entity.id))
          hits.set(m.entity.id, { entity: rowOf(m.entity), matchedBy: kind, property: m.property });
    } catch (e) {
      // Not a valid number (or IBAN…) under this case's rules: nothing to look up here.
      if (!isAppError(e) || e.code !== 'invalid_selector') throw e;
    }
  }
  if (withText) {
    for (const t of await searchText(store, access, q, limit)) {
      if (t.entity && !hits.has(t.entity.id))
        hits.set(t.entity.id, { entity: rowOf(t.entity), matchedBy: 'text', property: null });
    }
  }
  return [...hits.values()].slice(0, limit);
}

export const searchEverywhere = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'search' },
  run: async ({ store, actor, caller, audit }, query: z.output<typeof GlobalSearchQuery>): Promise<GlobalSearchOut> => {
    const kinds: SelectorKind[] =
      query.mode === 'auto' ? detectSelectors(query.q) : query.mode === 'text' ? [] : [query.mode];
    const withText = query.mode === 'auto' || query.mode === 'text';
    const normalised = new Map<string, string>();
    const out: GlobalSearchOut['cases'] = [];
    for (const kase of await listCases(store, actor)) {
      let access: CaseAccess;
      try {
        access = await authorizeCase(store, actor, kase.id, 'case:read');
      } catch {
        continue;
      }
      const hits = await searchOneCase(store, access, query.q, kinds, withText, query.limit, normalised);
      // Each case searched keeps its own record of what it gave away.
      await recordEntry(store, {
        caseId: kase.id,
        userId: actor.id,
        action: 'consultation',
        targetType: 'search',
        ip: caller.ip,
        returnedIds: hits.map((h) => h.entity.id),
        detail: { ...caller.origin, hits: hits.length },
      });
      if (hits.length) out.push({ caseId: kase.id, title: kase.title, reference: kase.reference, hits });
    }
    audit.detail({ cases: out.length });
    return {
      lookedUpAs: [
        ...kinds.map((k) => ({ mode: k, normalised: normalised.get(k) ?? null })),
        ...(withText ? [{ mode: 'text', normalised: null }] : []),
      ],
      cases: out,
    };
  },
});
