/** Case operations shared by the API and the CLI. */
import type { CaseCreate, CaseOut } from '../../shared/contracts/index.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { addMember, getCase, insertCase, listCasesOfUser } from '../../store/repos/cases/cases.ts';
import type { CaseRow } from '../../store/repos/cases/cases.ts';
import { recordAudit } from '../../store/repos/audit/records.ts';
import { insertJournal } from '../../store/repos/cases/notes.ts';
import type { Store } from '../../store/store.ts';
import { errors } from '../../shared/errors.ts';
import type { Actor } from '../access/actor.ts';
import { authorizeGlobal } from '../access/policy.ts';

export const presentCase = (row: CaseRow, myRole?: string): CaseOut => ({
  id: row.case_id,
  title: row.title,
  reference: row.reference,
  country: row.country,
  description: row.description,
  status: row.status,
  ownerAgencyId: row.owner_agency_id,
  handlingCode: row.handling_code,
  purpose: row.purpose,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  ...(myRole ? { myRole } : {}),
});

/** Opens a case; its creator becomes its lead, and the opening is the journal's first entry. */
export async function createCase(
  store: Store,
  actor: Actor,
  input: CaseCreate,
  id: string = uuidv7(),
): Promise<CaseOut> {
  authorizeGlobal(actor, 'cases:create');
  // Trainers prepare training material; they never open operational cases.
  const purpose = input.purpose ?? (actor.platformRole === 'trainer' ? 'training' : 'operational');
  if (actor.platformRole === 'trainer' && purpose === 'operational')
    throw errors.forbidden('Trainers open training cases only');
  const now = new Date().toISOString();
  const row: Omit<CaseRow, 'case_id'> = {
    title: input.title,
    reference: input.reference ?? null,
    country: input.country,
    description: input.description ?? null,
    status: 'open',
    owner_agency_id: actor.agencyId,
    handling_code: input.handlingCode ?? null,
    purpose,
    created_by: actor.id,
    created_at: now,
    updated_at: now,
  };
  await store.transaction(async (trx) => {
    const scope = store.scope(id).in(trx);
    if (await getCase(scope)) throw errors.conflict(`Case ${id} already exists`, 'id');
    await insertCase(scope, row);
    await addMember(scope, {
      user_id: actor.id,
      case_role: 'lead',
      victim_contact: 1,
      added_by: actor.id,
      added_at: now,
    });
    await insertJournal(scope, {
      id: uuidv7(),
      occurred_at: now,
      kind: 'action',
      text: `Case opened: ${input.title}`,
      author: actor.id,
      created_at: now,
    });
    await recordAudit(trx, {
      caseId: id,
      userId: actor.id,
      action: 'collection',
      targetType: 'case',
      targetId: id,
      detail: { purpose },
    });
  });
  return presentCase({ case_id: id, ...row }, 'lead');
}

export async function listCases(store: Store, actor: Actor): Promise<CaseOut[]> {
  const rows = await listCasesOfUser(store.db, actor.id, actor.agencyId);
  const trainingOnly = actor.platformRole === 'trainee' || actor.platformRole === 'trainer';
  return rows.filter((r) => !trainingOnly || r.purpose !== 'operational').map((r) => presentCase(r, r.case_role));
}

export async function requireCase(store: Store, caseId: string): Promise<CaseRow> {
  const row = await getCase(store.scope(caseId));
  if (!row) throw errors.notFound('Case');
  return row;
}
