/**
 * What follows a hit: a cooperation request (request → accept or decline → share chosen
 * entities). Between two cases of this deployment, accepting shares the chosen entities with
 * the requesting case's agency through the cases capability's sharing (a partial, read-only
 * share); when both cases belong to the same agency, the entities are copied into the requesting
 * case instead, under a provenance source naming where they came from (./copyEntities.ts). The
 * acting case's record is the use case's; the other case's chain records its side as well.
 * With a partner deployment, ./partnerRequests.ts sends the request or the decision.
 */
import type { CooperationRequestOut } from '../../shared/contracts/cooperation.ts';
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { getCase } from '../../store/repos/cases/cases.ts';
import {
  getCaseShare,
  getRequestRow,
  insertRequest,
  listRequestRows,
  openRequestOn,
  sharedEntityIdsOf,
  updateRequest,
} from '../../store/repos/cooperation/requests.ts';
import type { RequestRow } from '../../store/repos/cooperation/requests.ts';
import type { Store } from '../../store/store.ts';
import type { Actor, CaseAccess } from '../access/index.ts';
import { recordEntry } from '../audit/index.ts';
import { shareCase } from '../cases/index.ts';
import { caseUseCase } from '../useCase/index.ts';
import type { CaseContext } from '../useCase/index.ts';
import { leadContact, requesterOf } from './contacts.ts';
import { copyInto } from './copyEntities.ts';
import { getNotice, notify } from './notices.ts';
import { decidePartnerCooperation, requestPartnerCooperation } from './partnerRequests.ts';

export type { RequestRow };

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
  return listRequestRows(store.scope(caseId));
}

/** The cooperation requests of a case, sent and received. */
export const caseCooperationRequests = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'cooperationRequests' },
  run: async ({ store, caseId, audit }): Promise<{ requests: CooperationRequestOut[] }> => {
    const requests = (await listRequests(store, caseId)).map(presentRequest);
    audit.returned(requests.map((q) => q.id));
    return { requests };
  },
});

export interface RequestInput {
  noticeId: string;
  message?: string | undefined;
  /** The partner's server is reached with this (tests stand a partner in). */
  fetchImpl?: typeof fetch;
}

/** Asks the other side of a hit (another case of this deployment, or a partner) to cooperate. */
export const requestCooperation = caseUseCase({
  permission: 'case:write',
  audit: { action: 'disclosure', target: 'cooperationRequest' },
  run: async (ctx, input: RequestInput): Promise<CooperationRequestOut> => {
    const { store, actor, caseId, audit } = ctx;
    const notice = await getNotice(store, caseId, input.noticeId);
    if (!notice) throw errors.validation('No such hit notice in this case', 'noticeId');
    if (await openRequestOn(store.scope(caseId), notice.id))
      throw errors.conflict('A request on this hit is already waiting for an answer', 'noticeId');
    if (notice.origin === 'partner') {
      if (notice.role !== 'finder')
        throw errors.validation('The partner asked about this hit; answer its request', 'noticeId');
      const message = input.message ?? null;
      const sent = await requestPartnerCooperation(
        store,
        actor.id,
        caseId,
        notice,
        message,
        input.fetchImpl ?? fetch,
        audit,
      );
      return { ...presentRequest(sent.row), exchangeFile: sent.file };
    }
    if (!notice.counterpart_case_id) throw errors.validation('This hit has no other case to ask', 'noticeId');
    const otherId = notice.counterpart_case_id;
    const requester = await requesterOf(store, actor.id, await leadContact(store, caseId));
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
      await insertRequest(store.scope(caseId).in(trx), out);
      await insertRequest(store.scope(otherId).in(trx), {
        ...base,
        id: inId,
        notice_id: notice.counterpart_notice_id ?? '',
        direction: 'incoming',
        counterpart_case_id: caseId,
        counterpart_request_id: outId,
        counterpart_name: requester.name,
        counterpart_agency: requester.agency,
        counterpart_country: requester.country,
      });
      await notify(store.scope(otherId).in(trx), them.leadIds, 'cooperationRequest', inId, now);
    });
    audit.target(outId);
    audit.detail({ noticeId: notice.id, requestId: outId });
    await recordOtherSide(ctx, otherId, inId, { requestId: inId });
    return presentRequest({ ...out, case_id: caseId });
  },
});

/** The other case's chain records its side of a request or decision (collection). */
async function recordOtherSide(
  { store, actor, caller }: CaseContext,
  otherId: string,
  requestId: string | null,
  detail: Record<string, unknown>,
): Promise<void> {
  await recordEntry(store, {
    caseId: otherId,
    userId: actor.id,
    action: 'collection',
    targetType: 'cooperationRequest',
    targetId: requestId,
    ip: caller.ip,
    detail,
  });
}

export interface DecisionInput {
  requestId: string;
  decision: 'accept' | 'decline';
  entityIds?: string[] | undefined;
  fetchImpl?: typeof fetch;
}

/** Shares the chosen entities with the requesting case; returns how many it newly reaches. */
async function shareWith(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  otherId: string,
  entityIds: string[],
): Promise<number> {
  const scope = store.scope(access.caseId);
  const mine = await getCase(scope);
  const theirs = await getCase(store.scope(otherId));
  if (!mine || !theirs) throw errors.notFound('Case');
  if (!theirs.owner_agency_id || theirs.owner_agency_id === mine.owner_agency_id)
    return copyInto(store, actor, access.caseId, otherId, entityIds);
  const agencyId = theirs.owner_agency_id;
  const existing = await getCaseShare(scope, agencyId);
  if (existing && existing.partial === 0) return entityIds.length;
  const before = existing ? await sharedEntityIdsOf(scope, agencyId) : [];
  const r = await shareCase(store, actor, access, {
    agencyId,
    access: existing?.access === 'contribute' ? 'contribute' : 'read',
    entityIds: [...new Set([...before, ...entityIds])],
  });
  return (r.entities ?? 0) - before.length;
}

/** The lead of the requested case accepts (sharing the chosen entities) or declines. */
export const decideCooperation = caseUseCase({
  permission: 'case:manage',
  audit: {
    action: 'disclosure',
    target: 'cooperationRequest',
    targetOf: (i: DecisionInput) => i.requestId,
  },
  run: async (ctx, input: DecisionInput): Promise<CooperationRequestOut> => {
    const { store, actor, caseId, access, audit } = ctx;
    const scope = store.scope(caseId);
    const req = await getRequestRow(scope, input.requestId);
    if (!req) throw errors.notFound('Cooperation request');
    if (req.direction !== 'incoming') throw errors.validation('Only the requested side decides', 'requestId');
    if (req.status !== 'requested') throw errors.conflict(`The request is already ${req.status}`, 'decision');
    const otherId = req.counterpart_case_id;
    const entityIds = input.decision === 'accept' ? [...new Set(input.entityIds ?? [])] : [];
    if (input.decision === 'accept' && !entityIds.length)
      throw errors.validation('Choose the entities to share', 'entityIds');
    const status = input.decision === 'accept' ? 'accepted' : 'declined';
    if (!otherId) {
      // A partner deployment asked: the chosen entities go to it in a signed decision.
      const fetchImpl = input.fetchImpl ?? fetch;
      const sent = await decidePartnerCooperation(
        store,
        actor.id,
        caseId,
        req,
        input.decision,
        entityIds,
        fetchImpl,
        audit,
      );
      const patch = {
        status,
        decided_by: actor.id,
        shared_entities: sent.shared,
        updated_at: new Date().toISOString(),
      };
      await updateRequest(scope, req.id, patch);
      return { ...presentRequest({ ...req, ...patch }), exchangeFile: sent.file };
    }
    const shared = entityIds.length ? await shareWith(store, actor, access, otherId, entityIds) : 0;
    const patch = { status, decided_by: actor.id, shared_entities: shared, updated_at: new Date().toISOString() };
    const theirRequest = req.counterpart_request_id;
    await store.transaction(async (trx) => {
      await updateRequest(scope.in(trx), req.id, patch);
      if (theirRequest) await updateRequest(store.scope(otherId).in(trx), theirRequest, patch);
      await notify(
        store.scope(otherId).in(trx),
        [req.requested_by],
        'cooperationDecision',
        theirRequest ?? req.id,
        patch.updated_at,
      );
    });
    audit.detail({ requestId: req.id, status, count: shared, entityIds });
    await recordOtherSide(ctx, otherId, theirRequest, { requestId: theirRequest, status, count: shared });
    return presentRequest({ ...req, ...patch });
  },
});
