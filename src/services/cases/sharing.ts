/**
 * Sharing a case, or a chosen set of its entities, with another agency, read-only or
 * contributing. Handling codes decide whether it may be shared at all.
 */
import { handlingCodeOf, strictest } from '../../domain/access/handlingCodes.ts';
import { errors } from '../../shared/errors.ts';
import { getAgency } from '../../store/repos/access/agencies.ts';
import { sandboxOf } from '../../store/repos/training/training.ts';
import { getCase } from '../../store/repos/cases/cases.ts';
import { listShares, removeShare, replaceShare } from '../../store/repos/cases/shares.ts';
import { getEntities, linksAmong } from '../../store/repos/entities/entities.ts';
import type { Store } from '../../store/store.ts';
import type { Actor, CaseAccess } from '../access/index.ts';
import { caseUseCase } from '../useCase/index.ts';

export interface ShareInput {
  agencyId: string;
  access: 'read' | 'contribute';
  entityIds?: string[] | undefined;
}

export async function shareCase(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  input: ShareInput,
): Promise<{ agencyId: string; access: string; entities: number | null }> {
  const scope = store.scope(access.caseId);
  const kase = await getCase(scope);
  if (!kase) throw errors.notFound('Case');
  if (await sandboxOf(scope)) throw errors.forbidden("A training sandbox is its trainee's alone and cannot be shared");
  if (!(await getAgency(store.db, input.agencyId))) throw errors.validation(`No agency ${input.agencyId}`, 'agencyId');
  if (input.agencyId === kase.owner_agency_id)
    throw errors.validation('The case already belongs to that agency', 'agencyId');
  const code = handlingCodeOf(kase.handling_code);
  if (code?.share === 'refused')
    throw errors.forbidden(`Handling code ${code.code} (${code.label}): the case may not be shared onward`);
  if (code?.share === 'lead-only' && access.role !== 'lead')
    throw errors.forbidden(`Handling code ${code.code}: only the case lead may share it`);

  let entityIds: string[] | null = null;
  if (input.entityIds) {
    const rows = await getEntities(scope, input.entityIds);
    const found = new Map(rows.map((r) => [r.id, r]));
    input.entityIds.forEach((id, i) => {
      const row = found.get(id);
      if (!row) throw errors.validation(`${id} is not an entity of this case`, `entityIds[${i}]`);
      if (strictest(kase.handling_code, row.handling_code)?.share === 'refused')
        throw errors.forbidden(`Entity ${id} carries a handling code that forbids sharing`);
    });
    // The links between shared entities go with them, so the shared part reads as a network.
    const chosen = new Set(input.entityIds);
    entityIds = [...new Set([...chosen, ...(await linksAmong(scope, [...chosen]))])];
  }
  const now = new Date().toISOString();
  const share = {
    agency_id: input.agencyId,
    access: input.access,
    partial: entityIds ? 1 : 0,
    shared_by: actor.id,
    shared_at: now,
  };
  await store.transaction((trx) => replaceShare(scope.in(trx), share, entityIds));
  return { agencyId: input.agencyId, access: input.access, entities: entityIds ? entityIds.length : null };
}

export async function unshareCase(store: Store, caseId: string, agencyId: string): Promise<boolean> {
  return store.transaction((trx) => removeShare(store.scope(caseId).in(trx), agencyId));
}

export const caseShares = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'shares' },
  run: async ({ store, caseId }) => ({
    shares: (await listShares(store.scope(caseId))).map((s) => ({
      agencyId: s.agency_id,
      access: s.access,
      partial: s.partial === 1,
      sharedBy: s.shared_by,
      sharedAt: s.shared_at,
    })),
  }),
});

export const shareWithAgency = caseUseCase({
  permission: 'case:manage',
  audit: { action: 'disclosure', target: 'share', targetOf: (i: ShareInput) => i.agencyId },
  run: async ({ store, actor, access, audit }, input: ShareInput) => {
    const res = await shareCase(store, actor, access, input);
    audit.detail({ access: input.access, entities: res.entities });
    return res;
  },
});

export const stopSharing = caseUseCase({
  permission: 'case:manage',
  audit: { action: 'permission', target: 'share', targetOf: (i: { agencyId: string }) => i.agencyId },
  run: async ({ store, caseId }, { agencyId }: { agencyId: string }) => {
    if (!(await unshareCase(store, caseId, agencyId))) throw errors.notFound('Share');
    return { removed: agencyId };
  },
});
