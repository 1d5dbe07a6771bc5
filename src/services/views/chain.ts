/**
 * The chain view: the case laid out along the trafficking crime script. Placement is computed
 * over everything the actor may see (domain/crimeScript), the analyst's own placements
 * included; a period then only filters what is shown (domain/time), so brushing a period never
 * changes why something is where it is.
 */
import { placeInChain } from '../../domain/crimeScript/place.ts';
import { isLane, LANES, STAGES, stageIndex, type Lane } from '../../domain/crimeScript/stages.ts';
import type { Period } from '../../domain/time/period.ts';
import type { z } from 'zod';
import type { ChainOut, ViewRef } from '../../shared/contracts/views.ts';
import { errors } from '../../shared/errors.ts';
import type { Store } from '../../store/store.ts';
import type { ChainPlacementBody, ViewPeriodQuery } from '../../shared/contracts/views.ts';
import { pseudonymOf, redactVictim } from '../../domain/access/victims.ts';
import { canSee, protectPersonsFrom, type Actor, type CaseAccess } from '../access/index.ts';
import { caseUseCase } from '../useCase/index.ts';
import {
  loadViewEntities,
  removePlacement,
  requirePlaceable,
  savePlacement,
  sharedContactGroups,
  storedPlacements,
  transferPairs,
  visibleInViewPeriod,
  type ViewEntity,
} from './data.ts';

const ref = (e: ViewEntity): ViewRef => ({
  id: e.id,
  schema: e.schema,
  caption: e.caption,
  ...(e.pseudonymised ? { pseudonymised: true } : {}),
});

/**
 * A person the chain shows as exploited is a possible victim even before anyone records them
 * as one: without the victim-contact permission they appear by pseudonym, like recorded victims.
 */
function asPossibleVictim(e: ViewEntity, victimContact: boolean): ViewEntity {
  if (victimContact || e.pseudonymised || e.schema !== 'Person') return e;
  return { ...e, caption: pseudonymOf(e.id), properties: redactVictim(e.properties), pseudonymised: true };
}

/** The case placed along the crime script, over everything the actor may see. */
async function placedCase(store: Store, access: CaseAccess) {
  const data = await loadViewEntities(store, access);
  const [transfers, sharedContacts, manualRows] = await Promise.all([
    transferPairs(store, access, data.v),
    sharedContactGroups(store, access, data.v),
    storedPlacements(store, access.caseId, 'chain'),
  ]);
  const manual = manualRows
    .filter((m) => data.byId.has(m.entityId) && m.lane !== null && (m.lane === 'none' || isLane(m.lane)))
    .map((m) => ({ entityId: m.entityId, lane: m.lane as Lane | 'none' }));
  return { data, manualRows, result: placeInChain({ entities: data.entities, transfers, sharedContacts, manual }) };
}

// Persons the chain counts as exploited are protected like recorded victims everywhere
// (entities, graph, search, exports, reports), not only in this view.
protectPersonsFrom('chain', async (store, whole) => (await placedCase(store, whole)).result.exploited);

export async function chainView(store: Store, access: CaseAccess, period: Period | null): Promise<ChainOut> {
  const { data, manualRows, result } = await placedCase(store, access);
  for (const id of result.exploited) {
    const e = data.byId.get(id);
    if (e) data.byId.set(id, asPossibleVictim(e, data.v.victimContact));
  }
  const inPeriod = await visibleInViewPeriod(store, access, data, period);
  const shown = (id: string) => !inPeriod || inPeriod.has(id);
  const refOf = (id: string | null): ViewRef | null => {
    const e = id ? data.byId.get(id) : undefined;
    return e ? ref(e) : null;
  };

  const items = new Map<string, ChainOut['items'][number]>();
  for (const p of result.placements) {
    const e = data.byId.get(p.entityId);
    if (!e || !shown(e.id)) continue;
    let item = items.get(e.id);
    if (!item) items.set(e.id, (item = { ...ref(e), lanes: [] }));
    item.lanes.push({
      lane: p.lane,
      reasons: p.reasons.map((r) => ({
        rule: r.rule,
        via: refOf(r.via),
        record: refOf(r.record),
        ...(r.detail ? { detail: r.detail } : {}),
      })),
    });
  }

  // Flows: each exploited person's passage through the stages in script order, one step at a time.
  const lanesVia = new Map<string, Set<Lane>>();
  for (const p of result.placements) {
    for (const r of p.reasons) {
      if (!r.via || !result.exploited.includes(r.via)) continue;
      const s = lanesVia.get(r.via) ?? new Set<Lane>();
      s.add(p.lane);
      lanesVia.set(r.via, s);
    }
  }
  const flowCount = new Map<string, number>();
  for (const [victim, lanes] of lanesVia) {
    if (!shown(victim)) continue;
    const path = [...lanes].filter((l) => stageIndex(l) >= 0).sort((a, b) => stageIndex(a) - stageIndex(b));
    for (let i = 1; i < path.length; i++) {
      const k = `${path[i - 1]}>${path[i]}`;
      flowCount.set(k, (flowCount.get(k) ?? 0) + 1);
    }
  }
  const flows = [...flowCount].map(([k, count]) => {
    const [from = '', to = ''] = k.split('>');
    return { from, to, count };
  });

  const sortRefs = (xs: ViewRef[]) => xs.sort((a, b) => a.caption.localeCompare(b.caption) || a.id.localeCompare(b.id));
  return {
    lanes: [...LANES],
    stages: [...STAGES],
    items: [...items.values()].sort((a, b) => a.caption.localeCompare(b.caption) || a.id.localeCompare(b.id)),
    exploited: sortRefs(result.exploited.filter(shown).flatMap((id) => refOf(id) ?? [])),
    unplaced: sortRefs(result.unplaced.filter(shown).flatMap((id) => refOf(id) ?? [])),
    flows,
    manual: manualRows
      .filter((m) => canSee(data.v, m.entityId) && m.lane)
      .map((m) => ({
        entityId: m.entityId,
        lane: m.lane ?? '',
        note: m.note,
        placedBy: m.placedBy,
        placedAt: m.placedAt,
      })),
    period: period && (period.from || period.to) ? { from: period.from, to: period.to } : null,
  };
}

/** The analyst places an entity in a lane by hand (or `none`: out of the chain). Kept and audited. */
export async function placeInLane(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  body: { entityId: string; lane: string; note?: string | undefined },
) {
  if (body.lane !== 'none' && !isLane(body.lane))
    throw errors.validation(`lane: "${body.lane}" is not one of ${[...LANES, 'none'].join(', ')}`, 'lane');
  await requirePlaceable(store, access, 'chain', body.entityId);
  return savePlacement(
    store,
    access.caseId,
    'chain',
    body.entityId,
    { lane: body.lane, note: body.note ?? null },
    actor.id,
  );
}

export async function unplaceFromLane(
  store: Store,
  access: CaseAccess,
  entityId: string,
): Promise<{ removed: boolean }> {
  await requirePlaceable(store, access, 'chain', entityId);
  return { removed: await removePlacement(store, access.caseId, 'chain', entityId) };
}

type PeriodQuery = z.infer<typeof ViewPeriodQuery>;
export const periodOf = (q: { from?: string | undefined; to?: string | undefined }): Period | null =>
  q.from || q.to ? { from: q.from ?? null, to: q.to ?? null } : null;

export const openChain = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'chain' },
  run: async ({ store, access, audit }, query: PeriodQuery) => {
    const out = await chainView(store, access, periodOf(query));
    audit.returned([...out.items, ...out.exploited, ...out.unplaced].map((x) => x.id));
    audit.detail({ from: query.from, to: query.to });
    return out;
  },
});

export const placeEntityInLane = caseUseCase({
  permission: 'case:write',
  audit: { action: 'alteration', target: 'chain_placement', targetOf: (b: { entityId: string }) => b.entityId },
  run: async ({ store, actor, access, audit }, body: z.infer<typeof ChainPlacementBody>) => {
    const out = await placeInLane(store, actor, access, body);
    audit.detail({ lane: body.lane });
    return out;
  },
});

export const unplaceEntityFromLane = caseUseCase({
  permission: 'case:write',
  audit: { action: 'alteration', target: 'chain_placement', targetOf: (i: { entityId: string }) => i.entityId },
  run: ({ store, access }, { entityId }: { entityId: string }) => unplaceFromLane(store, access, entityId),
});
