/**
 * What of a case an actor may see: victims behind pseudonyms for anyone without the
 * victim-contact permission, and only the shared entities for an agency given part of a case.
 * Every read path (pages, search, exports) goes through here.
 */
import { isVictim, redactVictim } from '../../domain/access/victims.ts';
import type { Properties } from '../../domain/schema/types.ts';
import type { EntityOut } from '../../shared/contracts/index.ts';
import { errors } from '../../shared/errors.ts';
import { sharedEntityIds } from '../../store/repos/access/caseAccess.ts';
import type { EntityRow } from '../../store/repos/entities/entities.ts';
import { getEntity } from '../../store/repos/entities/entities.ts';
import type { Store } from '../../store/store.ts';
import type { Grading } from '../../domain/records.ts';
import type { CaseAccess } from './policy.ts';

export interface Visibility {
  /** Entity ids shared with the actor's agency, when only part of the case is. */
  only: ReadonlySet<string> | null;
  victimContact: boolean;
}

export async function visibilityOf(store: Store, access: CaseAccess): Promise<Visibility> {
  if (!access.partial || !access.sharedAgencyId) return { only: null, victimContact: access.victimContact };
  const ids = await sharedEntityIds(store.scope(access.caseId), access.sharedAgencyId);
  return { only: new Set(ids), victimContact: access.victimContact };
}

export const canSee = (v: Visibility, id: string | null | undefined): boolean => !!id && (!v.only || v.only.has(id));

/** Whether the row is a victim the actor may not identify. */
export function hiddenVictim(v: Visibility, row: Pick<EntityRow, 'schema' | 'properties'>): boolean {
  return !v.victimContact && isVictim(row.schema, JSON.parse(row.properties) as Properties);
}

/** A stored entity as the API shows it, before the visibility rules. */
export const presentEntity = (r: EntityRow): EntityOut => ({
  id: r.id,
  schema: r.schema,
  caption: r.caption,
  properties: JSON.parse(r.properties) as Record<string, string[]>,
  sourceId: r.source_id,
  targetId: r.target_id,
  provenance: { sourceId: r.provenance_source_id, recordedBy: r.recorded_by, recordedAt: r.recorded_at },
  grading: {
    reliability: r.reliability as Grading['reliability'],
    information: r.information as Grading['information'],
  },
  version: r.version,
  updatedAt: r.updated_at,
});

/** The entity as this actor may see it. */
export function presentFor(v: Visibility, row: EntityRow): EntityOut {
  const out = presentEntity(row);
  if (!hiddenVictim(v, row)) return out;
  return { ...out, properties: redactVictim(out.properties), pseudonymised: true };
}

export async function requireVisibleEntity(
  store: Store,
  access: CaseAccess,
  v: Visibility,
  id: string,
): Promise<EntityRow> {
  const row = canSee(v, id) ? await getEntity(store.scope(access.caseId), id) : undefined;
  if (!row) throw errors.notFound('Entity');
  return row;
}
