/**
 * What the analysis views (chain, timeline, map, money flow) read of a case, as the actor may
 * see it: every entity and link visible to them (a partial share keeps only its entities),
 * victims by pseudonym with identifying properties withheld (services/visibility.ts), and the
 * analyst's own placements (migration 009).
 */
import { isEdge } from '../../domain/schema/index.ts';
import { visibleInPeriod, type Period } from '../../domain/time/period.ts';
import { errors } from '../../shared/errors.ts';
import type { Store } from '../../store/store.ts';
import {
  caseEntityRows,
  contactSelectorRows,
  deletePlacement,
  entityExists,
  placementRows,
  replacePlacement,
  transactionEndsIn,
  transferPairRows,
} from '../../store/repos/views/views.ts';
import {
  canSee,
  presentFor,
  requireOwnRecord,
  visibilityOf,
  type CaseAccess,
  type Visibility,
} from '../access/index.ts';

export interface ViewEntity {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  sourceId: string | null;
  targetId: string | null;
  pseudonymised: boolean;
}

export interface ViewData {
  v: Visibility;
  entities: ViewEntity[];
  byId: Map<string, ViewEntity>;
}

export async function loadViewEntities(store: Store, access: CaseAccess): Promise<ViewData> {
  const v = await visibilityOf(store, access);
  const rows = await caseEntityRows(store.scope(access.caseId));
  const entities: ViewEntity[] = [];
  for (const row of rows) {
    if (!canSee(v, row.id)) continue;
    const out = presentFor(v, row);
    entities.push({
      id: out.id,
      schema: out.schema,
      caption: out.caption,
      properties: out.properties,
      sourceId: out.sourceId,
      targetId: out.targetId,
      pseudonymised: out.pseudonymised === true,
    });
  }
  return { v, entities, byId: new Map(entities.map((e) => [e.id, e])) };
}

/** Distinct payer → payee account pairs of the case's statement lines, both accounts known entities. */
export async function transferPairs(
  store: Store,
  access: CaseAccess,
  v: Visibility,
): Promise<{ from: string; to: string }[]> {
  const rows = await transferPairRows(store.scope(access.caseId));
  const pairs = new Map<string, { from: string; to: string }>();
  for (const r of rows) {
    const cp = r.counterparty_account_id;
    if (!cp || !canSee(v, cp) || !canSee(v, r.account_id)) continue;
    const p = Number(r.outgoing) === 1 ? { from: r.account_id, to: cp } : { from: cp, to: r.account_id };
    pairs.set(`${p.from}\u001f${p.to}`, p);
  }
  return [...pairs.values()];
}

/** Groups of visible entities that share one normalised phone number or e-mail address. */
export async function sharedContactGroups(store: Store, access: CaseAccess, v: Visibility): Promise<string[][]> {
  const rows = await contactSelectorRows(store.scope(access.caseId));
  const groups = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!canSee(v, r.entity_id)) continue;
    const k = `${r.kind}\u001f${r.value}`;
    const g = groups.get(k) ?? new Set<string>();
    g.add(r.entity_id);
    groups.set(k, g);
  }
  return [...groups.values()].filter((g) => g.size > 1).map((g) => [...g]);
}

export interface StoredPlacement {
  entityId: string;
  lane: string | null;
  latitude: number | null;
  longitude: number | null;
  note: string | null;
  placedBy: string;
  placedAt: string;
}

export async function storedPlacements(
  store: Store,
  caseId: string,
  view: 'chain' | 'map',
): Promise<StoredPlacement[]> {
  const rows = await placementRows(store.scope(caseId), view);
  return rows.map((r) => ({
    entityId: r.entity_id,
    lane: r.lane,
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
    note: r.note,
    placedBy: r.placed_by,
    placedAt: r.placed_at,
  }));
}

/** Records (or replaces) the analyst's placement of an entity in one view, in one transaction. */
export async function savePlacement(
  store: Store,
  caseId: string,
  view: 'chain' | 'map',
  entityId: string,
  values: { lane?: string | null; latitude?: number | null; longitude?: number | null; note?: string | null },
  userId: string,
): Promise<StoredPlacement> {
  const now = new Date().toISOString();
  await store.transaction((trx) =>
    replacePlacement(store.scope(caseId).in(trx), {
      view,
      entity_id: entityId,
      lane: values.lane ?? null,
      latitude: values.latitude ?? null,
      longitude: values.longitude ?? null,
      note: values.note ?? null,
      placed_by: userId,
      placed_at: now,
    }),
  );
  return {
    entityId,
    lane: values.lane ?? null,
    latitude: values.latitude ?? null,
    longitude: values.longitude ?? null,
    note: values.note ?? null,
    placedBy: userId,
    placedAt: now,
  };
}

export async function removePlacement(
  store: Store,
  caseId: string,
  view: 'chain' | 'map',
  entityId: string,
): Promise<boolean> {
  return deletePlacement(store.scope(caseId), view, entityId);
}

/**
 * The entity ids visible in a period (domain/time/period.ts semantics), over the visible
 * entities and the statement lines booked in the period; null when no period is set.
 */
export async function visibleInViewPeriod(
  store: Store,
  access: CaseAccess,
  data: ViewData,
  period: Period | null,
): Promise<Set<string> | null> {
  if (!period || (!period.from && !period.to)) return null;
  const lines = await transactionEndsIn(store.scope(access.caseId), period);
  const nodes = data.entities.filter((e) => !isEdge(e.schema) || e.sourceId === null);
  const links = data.entities
    .filter((e) => isEdge(e.schema) && e.sourceId !== null)
    .map((e) => ({ ...e, sourceId: e.sourceId, targetId: e.targetId }));
  const { nodeIds } = visibleInPeriod(
    {
      nodes,
      links,
      transactions: lines.map((l) => ({
        accountId: l.account_id,
        counterpartyAccountId: l.counterparty_account_id,
        bookingDate: l.booking_date,
      })),
    },
    period,
  );
  return nodeIds;
}

/** 404 unless the entity exists in the case and the actor may see it. */
export async function requireVisibleId(store: Store, access: CaseAccess, entityId: string): Promise<void> {
  const v = await visibilityOf(store, access);
  const found = canSee(v, entityId) && (await entityExists(store.scope(access.caseId), entityId));
  if (!found) throw errors.notFound('Entity');
}

/**
 * Before replacing or removing an analyst's placement (an annotation): the entity is visible, and
 * a partner touches only placements its own agency set; on an entity nobody placed it adds its own.
 */
export async function requirePlaceable(
  store: Store,
  access: CaseAccess,
  view: 'chain' | 'map',
  entityId: string,
): Promise<void> {
  await requireVisibleId(store, access, entityId);
  if (access.via === 'member') return;
  const existing = (await storedPlacements(store, access.caseId, view)).find((p) => p.entityId === entityId);
  if (existing) await requireOwnRecord(store, access, existing.placedBy);
}
