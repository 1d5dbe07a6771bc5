/**
 * What follows a hit: a cooperation request (request → accept or decline → share chosen
 * entities). Between two cases of this deployment, accepting shares the chosen entities with
 * the requesting case's agency through services/sharing.ts (a partial, read-only share); when
 * both cases belong to the same agency, the entities are copied into the requesting case
 * instead, under a provenance source naming where they came from. Both cases' audit chains
 * record the request and the decision.
 */
import type { CooperationRequestOut } from '../../shared/contracts/cooperation.ts';
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { CooperationRequestsTable } from '../../store/tables.ts';
import { recordAudit } from '../../store/repos/audit/records.ts';
import { getCase } from '../../store/repos/cases/cases.ts';
import { getEntities } from '../../store/repos/entities/entities.ts';
import { insertSource } from '../../store/repos/cases/notes.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/actor.ts';
import { createEntities } from '../entities/entities.ts';
import { leadContact } from './crossCase.ts';
import { getNotice, notify } from './notices.ts';
import { decidePartnerCooperation, requestPartnerCooperation } from './partnerRequests.ts';
import type { CaseAccess } from '../access/policy.ts';
import { shareCase } from '../cases/sharing.ts';

export type RequestRow = CooperationRequestsTable;

export const presentRequest = (r: RequestRow): CooperationRequestOut => ({
  id: r.id,
  caseId: r.case_id,
  noticeId: r.notice_id,
  direction: r.direction === 'incoming' ? 'incoming' : 'outgoing',
  status: r.status === 'accepted' ? 'accepted' : r.status === 'declined' ? 'declined' : 'requested',
  counterpart: { name: r.counterpart_name, agency: r.counterpart_agency, country: r.counterpart_country },
  message: r.message,
  sharedEntities: r.shared_entities,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function listRequests(store: Store, caseId: string): Promise<RequestRow[]> {
  return store.scope(caseId).selectFrom('cooperation_requests').selectAll().orderBy('created_at', 'desc').execute();
}

/** Asks the other side of a hit (another case of this deployment) to cooperate. */
export async function requestCooperation(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  input: { noticeId: string; message?: string | undefined },
  fetchImpl: typeof fetch = fetch,
): Promise<CooperationRequestOut> {
  const caseId = access.caseId;
  const notice = await getNotice(store, caseId, input.noticeId);
  if (!notice) throw errors.validation('No such hit notice in this case', 'noticeId');
  const open = await store
    .scope(caseId)
    .selectFrom('cooperation_requests')
    .select('id')
    .where('notice_id', '=', notice.id)
    .where('direction', '=', 'outgoing')
    .where('status', '=', 'requested')
    .executeTakeFirst();
  if (open) throw errors.conflict('A request on this hit is already waiting for an answer', 'noticeId');
  if (notice.origin === 'partner') {
    if (notice.role !== 'finder')
      throw errors.validation('The partner asked about this hit; answer its request', 'noticeId');
    const sent = await requestPartnerCooperation(store, actor, caseId, notice, input.message ?? null, fetchImpl);
    return { ...presentRequest(sent.row), exchangeFile: sent.file };
  }
  if (!notice.counterpart_case_id) throw errors.validation('This hit has no other case to ask', 'noticeId');
  const otherId = notice.counterpart_case_id;
  const me = await leadContact(store, caseId);
  const requester = await store.db
    .selectFrom('users')
    .select(['display_name', 'agency_id'])
    .where('id', '=', actor.id)
    .executeTakeFirst();
  const requesterAgency = requester?.agency_id
    ? await store.db
        .selectFrom('agencies')
        .select(['name', 'country'])
        .where('id', '=', requester.agency_id)
        .executeTakeFirst()
    : undefined;
  const them = await leadContact(store, otherId);
  const now = new Date().toISOString();
  const outId = uuidv7();
  const inId = uuidv7();
  const base = {
    status: 'requested',
    agreement_id: null,
    message: input.message ?? null,
    shared_entities: 0,
    requested_by: actor.id,
    decided_by: null,
    created_at: now,
    updated_at: now,
  };
  const out: Omit<RequestRow, 'case_id'> = {
    ...base,
    id: outId,
    notice_id: notice.id,
    direction: 'outgoing',
    counterpart_case_id: otherId,
    counterpart_request_id: inId,
    counterpart_name: them.name,
    counterpart_agency: them.agency,
    counterpart_country: them.country,
  };
  await store.transaction(async (trx) => {
    await store.scope(caseId).in(trx).insertInto('cooperation_requests', out).execute();
    await store
      .scope(otherId)
      .in(trx)
      .insertInto('cooperation_requests', {
        ...base,
        id: inId,
        notice_id: notice.counterpart_notice_id ?? '',
        direction: 'incoming',
        counterpart_case_id: caseId,
        counterpart_request_id: outId,
        counterpart_name: requester?.display_name ?? me.name,
        counterpart_agency: requesterAgency?.name ?? me.agency,
        counterpart_country: requesterAgency?.country ?? me.country,
      })
      .execute();
    await notify(store.scope(otherId).in(trx), them.leadIds, 'cooperationRequest', inId, now);
  });
  await recordAudit(store.db, {
    caseId,
    userId: actor.id,
    action: 'disclosure',
    targetType: 'cooperationRequest',
    targetId: outId,
    detail: { noticeId: notice.id, requestId: outId },
  });
  await recordAudit(store.db, {
    caseId: otherId,
    userId: actor.id,
    action: 'collection',
    targetType: 'cooperationRequest',
    targetId: inId,
    detail: { requestId: inId },
  });
  return presentRequest({ ...out, case_id: caseId });
}

/** The lead of the requested case accepts (sharing the chosen entities) or declines. */
export async function decideCooperation(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  requestId: string,
  input: { decision: 'accept' | 'decline'; entityIds?: string[] | undefined },
  fetchImpl: typeof fetch = fetch,
): Promise<CooperationRequestOut> {
  const caseId = access.caseId;
  const scope = store.scope(caseId);
  const req = await scope.selectFrom('cooperation_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
  if (!req) throw errors.notFound('Cooperation request');
  if (req.direction !== 'incoming') throw errors.validation('Only the requested side decides', 'requestId');
  if (req.status !== 'requested') throw errors.conflict(`The request is already ${req.status}`, 'decision');
  const otherId = req.counterpart_case_id;
  const entityIds = input.decision === 'accept' ? [...new Set(input.entityIds ?? [])] : [];
  if (input.decision === 'accept' && !entityIds.length)
    throw errors.validation('Choose the entities to share', 'entityIds');
  if (!otherId) {
    // A partner deployment asked: the chosen entities go to it in a signed decision.
    const sent = await decidePartnerCooperation(store, actor, caseId, req, input.decision, entityIds, fetchImpl);
    const now = new Date().toISOString();
    const status = input.decision === 'accept' ? 'accepted' : 'declined';
    await scope
      .updateTable('cooperation_requests')
      .set({ status, decided_by: actor.id, shared_entities: sent.shared, updated_at: now })
      .where('id', '=', req.id)
      .execute();
    return {
      ...presentRequest({ ...req, status, decided_by: actor.id, shared_entities: sent.shared, updated_at: now }),
      exchangeFile: sent.file,
    };
  }
  let shared = 0;
  if (entityIds.length) {
    const mine = await getCase(scope);
    const theirs = await getCase(store.scope(otherId));
    if (!mine || !theirs) throw errors.notFound('Case');
    if (theirs.owner_agency_id && theirs.owner_agency_id !== mine.owner_agency_id) {
      const existing = await scope
        .selectFrom('case_shares')
        .selectAll()
        .where('agency_id', '=', theirs.owner_agency_id)
        .executeTakeFirst();
      if (existing && existing.partial === 0) shared = entityIds.length;
      else {
        const before = existing
          ? (
              await scope
                .selectFrom('case_share_entities')
                .select('entity_id')
                .where('agency_id', '=', theirs.owner_agency_id)
                .execute()
            ).map((r) => r.entity_id)
          : [];
        const r = await shareCase(store, actor, access, {
          agencyId: theirs.owner_agency_id,
          access: existing?.access === 'contribute' ? 'contribute' : 'read',
          entityIds: [...new Set([...before, ...entityIds])],
        });
        shared = (r.entities ?? 0) - before.length;
      }
    } else shared = await copyInto(store, actor, caseId, otherId, entityIds);
  }
  const now = new Date().toISOString();
  const status = input.decision === 'accept' ? 'accepted' : 'declined';
  await store.transaction(async (trx) => {
    const patch = { status, decided_by: actor.id, shared_entities: shared, updated_at: now };
    await scope.in(trx).updateTable('cooperation_requests').set(patch).where('id', '=', req.id).execute();
    if (req.counterpart_request_id)
      await store
        .scope(otherId)
        .in(trx)
        .updateTable('cooperation_requests')
        .set(patch)
        .where('id', '=', req.counterpart_request_id)
        .execute();
    await notify(
      store.scope(otherId).in(trx),
      [req.requested_by],
      'cooperationDecision',
      req.counterpart_request_id ?? req.id,
      now,
    );
  });
  await recordAudit(store.db, {
    caseId,
    userId: actor.id,
    action: 'disclosure',
    targetType: 'cooperationRequest',
    targetId: req.id,
    detail: { requestId: req.id, status, count: shared, entityIds },
  });
  await recordAudit(store.db, {
    caseId: otherId,
    userId: actor.id,
    action: 'collection',
    targetType: 'cooperationRequest',
    targetId: req.counterpart_request_id,
    detail: { requestId: req.counterpart_request_id, status, count: shared },
  });
  return presentRequest({ ...req, status, decided_by: actor.id, shared_entities: shared, updated_at: now });
}

/** Copies chosen entities (and the links between them) into another case under a provenance source. */
async function copyInto(
  store: Store,
  actor: Actor,
  fromCaseId: string,
  toCaseId: string,
  ids: readonly string[],
): Promise<number> {
  const from = store.scope(fromCaseId);
  const chosen = new Set(ids);
  const links = await from
    .selectFrom('entities')
    .select('id')
    .where('source_id', 'in', [...chosen])
    .where('target_id', 'in', [...chosen])
    .execute();
  const rows = await getEntities(from, [...new Set([...ids, ...links.map((l) => l.id)])]);
  if (rows.length < chosen.size) throw errors.validation('Some chosen entities are not in this case', 'entityIds');
  const present = new Set(
    (
      await store
        .scope(toCaseId)
        .selectFrom('entities')
        .select('id')
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    ).map((r) => r.id),
  );
  const todo = rows
    .filter((r) => !present.has(r.id))
    .sort((a, b) => Number(a.source_id !== null) - Number(b.source_id !== null));
  if (!todo.length) return 0;
  const sourceId = uuidv7();
  const lead = await leadContact(store, fromCaseId);
  await insertSource(store.scope(toCaseId), {
    id: sourceId,
    kind: 'import',
    label: `Cooperation after a hit: shared by ${lead.name} (${lead.agency})`,
    sha256: null,
    file_name: null,
    created_by: actor.id,
    created_at: new Date().toISOString(),
  });
  await createEntities(
    store,
    actor,
    toCaseId,
    todo.map((r) => ({
      id: r.id,
      schema: r.schema,
      properties: JSON.parse(r.properties) as Record<string, string[]>,
      grading: { reliability: r.reliability as 'X', information: r.information as '4' },
    })),
    { sourceId, strictSelectors: false },
  );
  return todo.length;
}
