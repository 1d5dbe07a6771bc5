/**
 * Sharing a case, or a chosen set of its entities, with another agency, read-only or
 * contributing. Handling codes decide whether it may be shared at all.
 */
import { handlingCodeOf, strictest } from '../../domain/access/handlingCodes.ts';
import { errors } from '../../shared/errors.ts';
import { getAgency } from '../../store/repos/access/agencies.ts';
import { sandboxOf } from '../../store/repos/training/training.ts';
import { getCase } from '../../store/repos/cases/cases.ts';
import { getEntities } from '../../store/repos/entities/entities.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/actor.ts';
import type { CaseAccess } from '../access/policy.ts';

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
    const links = await scope
      .selectFrom('entities')
      .select('id')
      .where('source_id', 'in', [...chosen])
      .where('target_id', 'in', [...chosen])
      .execute();
    entityIds = [...new Set([...chosen, ...links.map((l) => l.id)])];
  }
  const now = new Date().toISOString();
  await store.transaction(async (trx) => {
    const s = scope.in(trx);
    await s.deleteFrom('case_shares').where('agency_id', '=', input.agencyId).execute();
    await s.deleteFrom('case_share_entities').where('agency_id', '=', input.agencyId).execute();
    await s
      .insertInto('case_shares', {
        agency_id: input.agencyId,
        access: input.access,
        partial: entityIds ? 1 : 0,
        shared_by: actor.id,
        shared_at: now,
      })
      .execute();
    for (let i = 0; entityIds && i < entityIds.length; i += 500) {
      await s
        .insertInto(
          'case_share_entities',
          entityIds.slice(i, i + 500).map((entity_id) => ({ agency_id: input.agencyId, entity_id })),
        )
        .execute();
    }
  });
  return { agencyId: input.agencyId, access: input.access, entities: entityIds ? entityIds.length : null };
}

export async function unshareCase(store: Store, caseId: string, agencyId: string): Promise<boolean> {
  return store.transaction(async (trx) => {
    const s = store.scope(caseId).in(trx);
    await s.deleteFrom('case_share_entities').where('agency_id', '=', agencyId).execute();
    const r = await s.deleteFrom('case_shares').where('agency_id', '=', agencyId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  });
}

export async function listShares(store: Store, caseId: string) {
  return store.scope(caseId).selectFrom('case_shares').selectAll().orderBy('shared_at').execute();
}
