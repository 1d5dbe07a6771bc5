/** Cases: opening, listing, the case page's overview, editing, and adding members. */
import type { z } from 'zod';
import type { CaseCreate, CaseOut, CaseUpdate, MemberAdd } from '../../shared/contracts/index.ts';
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { getUser } from '../../store/repos/access/users.ts';
import {
  addMember,
  getCase,
  getMember,
  insertCase,
  listCasesOfUser,
  listMembers,
  updateCase,
} from '../../store/repos/cases/cases.ts';
import type { CaseRow } from '../../store/repos/cases/cases.ts';
import { insertJournal } from '../../store/repos/cases/notes.ts';
import { countEntitiesBySchema } from '../../store/repos/entities/entities.ts';
import { countTransactions } from '../../store/repos/finance/transactions.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/index.ts';
import { authorizeGlobal } from '../access/index.ts';
import { recordEntry } from '../audit/index.ts';
import { caseUseCase, globalUseCase } from '../useCase/index.ts';

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

/** Writes a new case with its creator as lead and the opening as the journal's first entry. */
async function insertNewCase(
  store: Store,
  actor: Actor,
  input: CaseCreate,
  id: string,
): Promise<{ out: CaseOut; purpose: string }> {
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
  });
  return { out: presentCase({ case_id: id, ...row }, 'lead'), purpose };
}

/** Opens a case; its creator becomes its lead. The opening is recorded in the new case's chain. */
export const openNewCase = globalUseCase({
  permission: 'cases:create',
  audit: { action: 'collection', target: 'case', caseOf: (_input: CaseCreate, out: CaseOut) => out.id },
  run: async ({ store, actor, audit }, input: CaseCreate): Promise<CaseOut> => {
    const { out, purpose } = await insertNewCase(store, actor, input, uuidv7());
    audit.target(out.id);
    audit.detail({ purpose });
    return out;
  },
});

/**
 * Opens a case outside any request (demo loading, seeding a world, tests), with the record the
 * opening always leaves; a chosen `id` makes generated cases reproducible.
 */
export async function createCase(
  store: Store,
  actor: Actor,
  input: CaseCreate,
  id: string = uuidv7(),
): Promise<CaseOut> {
  authorizeGlobal(actor, 'cases:create');
  const { out, purpose } = await insertNewCase(store, actor, input, id);
  await recordEntry(store, {
    caseId: id,
    userId: actor.id,
    action: 'collection',
    targetType: 'case',
    targetId: id,
    detail: { purpose },
  });
  return out;
}

/** The cases the actor reaches, newest first; trainees and trainers see training material only. */
export async function listCases(store: Store, actor: Actor): Promise<CaseOut[]> {
  const rows = await listCasesOfUser(store.db, actor.id, actor.agencyId);
  const trainingOnly = actor.platformRole === 'trainee' || actor.platformRole === 'trainer';
  return rows.filter((r) => !trainingOnly || r.purpose !== 'operational').map((r) => presentCase(r, r.case_role));
}

export const myCases = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'cases' },
  run: async ({ store, actor, audit }) => {
    const cases = await listCases(store, actor);
    audit.returned(cases.map((c) => c.id));
    return { cases };
  },
});

export async function requireCase(store: Store, caseId: string): Promise<CaseRow> {
  const row = await getCase(store.scope(caseId));
  if (!row) throw errors.notFound('Case');
  return row;
}

/** The case with counts by entity type and the caller's access (a partial share sees no counts). */
export const caseOverview = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'case' },
  run: async ({ store, caseId, access }) => {
    const row = await requireCase(store, caseId);
    const scope = store.scope(caseId);
    const counts = access.partial ? [] : await countEntitiesBySchema(scope);
    return {
      ...presentCase(row, access.role),
      counts,
      transactions: access.partial ? 0 : await countTransactions(scope),
      access: {
        role: access.role,
        canWrite: access.canWrite,
        canManage: access.canManage,
        victimContact: access.victimContact,
        partial: access.partial,
      },
    };
  },
});

export const editCase = caseUseCase({
  permission: 'case:manage',
  audit: { action: 'alteration', target: 'case' },
  run: async ({ store, caseId }, change: z.infer<typeof CaseUpdate>) => {
    const { handlingCode, ...rest } = change;
    const patch = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    await updateCase(store.scope(caseId), {
      ...patch,
      ...(handlingCode ? { handling_code: handlingCode } : {}),
      updated_at: new Date().toISOString(),
    });
    return presentCase(await requireCase(store, caseId));
  },
});

export const caseMembers = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'members' },
  run: async ({ store, caseId }) => ({
    members: (await listMembers(store.scope(caseId))).map((m) => ({
      userId: m.user_id,
      caseRole: m.case_role,
      victimContact: m.victim_contact === 1,
      addedBy: m.added_by,
      addedAt: m.added_at,
    })),
  }),
});

export const addCaseMember = caseUseCase({
  permission: 'case:manage',
  audit: { action: 'permission', target: 'member' },
  run: async ({ store, caseId, actor, audit }, member: z.infer<typeof MemberAdd>) => {
    if (!(await getUser(store.db, member.userId))) throw errors.validation(`No user ${member.userId}`, 'userId');
    const scope = store.scope(caseId);
    if (await getMember(scope, member.userId)) throw errors.conflict('Already a member of this case', 'userId');
    const now = new Date().toISOString();
    await addMember(scope, {
      user_id: member.userId,
      case_role: member.caseRole,
      victim_contact: member.victimContact ? 1 : 0,
      added_by: actor.id,
      added_at: now,
    });
    audit.target(member.userId);
    audit.detail({ caseRole: member.caseRole, victimContact: member.victimContact });
    return {
      userId: member.userId,
      caseRole: member.caseRole,
      victimContact: member.victimContact,
      addedBy: actor.id,
      addedAt: now,
    };
  },
});
