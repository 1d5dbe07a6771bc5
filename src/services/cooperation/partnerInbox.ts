/**
 * What a partner deployment sends after a hit: its cooperation request (B's side: a hit notice
 * and an incoming request in each case holding the matched selectors, their leads notified) or
 * its decision on ours (A's side: accepted entities imported under a provenance source naming
 * the partner and the agreement). Each case touched records the envelope in its own audit chain.
 */
import { z } from 'zod';
import { edgeOf } from '../../domain/schema/index.ts';
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { insertSource } from '../../store/repos/cases/notes.ts';
import { getPsiResponse } from '../../store/repos/cooperation/psi.ts';
import { insertRequest, outgoingRequestUnder, updateRequest } from '../../store/repos/cooperation/requests.ts';
import { casesHoldingSelectors } from '../../store/repos/cooperation/selectorDirectory.ts';
import { existingIds } from '../../store/repos/entities/entities.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/index.ts';
import { recordEntry } from '../audit/index.ts';
import { createEntities } from '../entities/index.ts';
import { globalUseCase } from '../useCase/index.ts';
import type { AgreementRow } from './agreements.ts';
import { leadContact } from './contacts.ts';
import { agreementOfEnvelope, openFromPartner } from './exchange.ts';
import type { Transport } from './exchange.ts';
import { notify, upsertNotice } from './notices.ts';

const Person = z.strictObject({
  name: z.string().max(200),
  agency: z.string().max(200),
  country: z.string().max(2).nullable(),
});
const CoopRequestBody = z.strictObject({
  requestId: z.string().min(1).max(100),
  responseId: z.string().min(1).max(100),
  positions: z.array(z.number().int().min(0)).min(1).max(10_000),
  requester: Person,
  message: z.string().max(1000).nullable(),
});
const SharedEntity = z.strictObject({
  id: z.string().min(1).max(200),
  schema: z.string().min(1).max(100),
  properties: z.record(z.string(), z.array(z.string().max(10_000)).max(1000)),
});
const CoopDecisionBody = z.strictObject({
  requestId: z.string().min(1).max(100),
  decision: z.enum(['accept', 'decline']),
  decidedBy: Person,
  entities: z.array(SharedEntity).max(5000),
});

interface Received {
  row: AgreementRow;
  transport: Transport;
  /** Who the records name: the administrator importing a file, or the partner deployment. */
  who: string;
  now: string;
}

/** B: the partner asks about a hit it found in our answer; each case holding the selectors is told. */
async function receiveRequest(store: Store, r: Received, raw: unknown): Promise<number> {
  const body = CoopRequestBody.safeParse(raw);
  if (!body.success) throw errors.validation('Not a valid cooperation request', 'body');
  const answer = await getPsiResponse(store.db, body.data.responseId, r.row.id);
  if (!answer)
    throw errors.validation('The request names no answer this deployment gave under this agreement', 'body.responseId');
  const positions = JSON.parse(answer.positions) as ([string, string] | null)[];
  const selectors = body.data.positions
    .map((p) => positions[p])
    .filter((s): s is [string, string] => !!s)
    .map(([kind, value]) => ({ kind, value }));
  const byCase = new Map<string, { entityIds: Set<string>; kinds: Record<string, number> }>();
  for (const h of await casesHoldingSelectors(store.db, selectors)) {
    const c = byCase.get(h.caseId) ?? { entityIds: new Set<string>(), kinds: {} };
    if (!c.entityIds.has(h.entityId)) c.kinds[h.kind] = (c.kinds[h.kind] ?? 0) + 1;
    c.entityIds.add(h.entityId);
    byCase.set(h.caseId, c);
  }
  const p = body.data.requester;
  for (const [caseId, c] of byCase) {
    const lead = await leadContact(store, caseId);
    const requestId = uuidv7();
    await store.transaction(async (trx) => {
      const s = store.scope(caseId).in(trx);
      const notice = await upsertNotice(
        s,
        {
          origin: 'partner',
          role: 'found',
          counterpartCaseId: null,
          agreementId: r.row.id,
          counterpartRef: null,
          kinds: c.kinds,
          entityIds: [...c.entityIds],
          contact: { userId: null, name: p.name, agency: p.agency, country: p.country, email: null, phone: null },
        },
        r.now,
      );
      await insertRequest(s, {
        id: requestId,
        notice_id: notice.row.id,
        direction: 'incoming',
        status: 'requested',
        counterpart_case_id: null,
        counterpart_request_id: body.data.requestId,
        agreement_id: r.row.id,
        counterpart_name: p.name,
        counterpart_agency: p.agency,
        counterpart_country: p.country,
        message: body.data.message,
        shared_entities: 0,
        requested_by: r.who,
        decided_by: null,
        created_at: r.now,
        updated_at: r.now,
      });
      await notify(s, lead.leadIds, 'cooperationRequest', requestId, r.now);
    });
    await recordEntry(store, {
      caseId,
      userId: r.who,
      action: 'collection',
      targetType: 'cooperationRequest',
      targetId: requestId,
      detail: { agreementId: r.row.id, requestId, via: r.transport },
    });
  }
  return byCase.size;
}

/** A: the partner decided on our request; accepted entities arrive in the asking case. */
async function receiveDecision(store: Store, r: Received, raw: unknown): Promise<number> {
  const body = CoopDecisionBody.safeParse(raw);
  if (!body.success) throw errors.validation('Not a valid cooperation decision', 'body');
  const req = await outgoingRequestUnder(store.db, body.data.requestId, r.row.id);
  if (!req)
    throw errors.validation(
      'The decision answers no request of this deployment under this agreement',
      'body.requestId',
    );
  if (req.status !== 'requested') throw errors.conflict(`The request is already ${req.status}`, 'body.requestId');
  const caseId = req.case_id;
  let imported = 0;
  if (body.data.decision === 'accept' && body.data.entities.length) {
    const present = await existingIds(
      store.scope(caseId),
      body.data.entities.map((x) => x.id),
    );
    // Things before the links between them, so every link finds its ends.
    const todo = body.data.entities
      .filter((x) => !present.has(x.id))
      .sort((a, b) => Number(!!edgeOf(a.schema)) - Number(!!edgeOf(b.schema)));
    const sourceId = uuidv7();
    const by = body.data.decidedBy;
    await insertSource(store.scope(caseId), {
      id: sourceId,
      kind: 'import',
      label: `Cooperation: shared by ${by.name} (${by.agency}) under agreement ${r.row.id}`,
      sha256: null,
      file_name: null,
      created_by: req.requested_by,
      created_at: r.now,
    });
    const actor: Actor = {
      id: req.requested_by,
      username: 'cooperation',
      platformRole: 'investigator',
      agencyId: null,
    };
    const opts = { sourceId, strictSelectors: false, skipRequired: true };
    if (todo.length) imported = (await createEntities(store, actor, caseId, todo, opts)).length;
  }
  const status = body.data.decision === 'accept' ? 'accepted' : 'declined';
  await store.transaction(async (trx) => {
    const s = store.scope(caseId).in(trx);
    await updateRequest(s, req.id, { status, decided_by: r.who, shared_entities: imported, updated_at: r.now });
    await notify(s, [req.requested_by], 'cooperationDecision', req.id, r.now);
  });
  await recordEntry(store, {
    caseId,
    userId: r.who,
    action: 'collection',
    targetType: 'cooperationRequest',
    targetId: req.id,
    detail: { agreementId: r.row.id, requestId: req.id, status, count: imported, via: r.transport },
  });
  return 1;
}

/** Receives a partner's coop-request or coop-decision (server to server, or a carried file). */
async function receive(
  store: Store,
  raw: unknown,
  transport: Transport,
  actorId: string | null,
): Promise<{ type: string; cases: number; agreementId: string }> {
  const row = await agreementOfEnvelope(store, raw);
  if (row.status !== 'active') throw errors.forbidden(`Agreement ${row.id} is not in force`);
  const type = (raw as { type?: unknown }).type === 'coop-decision' ? 'coop-decision' : 'coop-request';
  const e = await openFromPartner(store, row, raw, type, transport);
  const r: Received = {
    row,
    transport,
    who: actorId ?? `partner:${row.partner_deployment_id}`,
    now: new Date().toISOString(),
  };
  const cases =
    type === 'coop-request' ? await receiveRequest(store, r, e.body) : await receiveDecision(store, r, e.body);
  return { type, cases, agreementId: row.id };
}

/**
 * The partner's server sends (public endpoint: no user; the envelope's signature under the
 * agreement authenticates it). Each case touched records it in its own chain.
 */
export async function receivePartnerEnvelope(store: Store, raw: unknown): Promise<{ type: string; cases: number }> {
  const { type, cases } = await receive(store, raw, 'https', null);
  return { type, cases };
}

/**
 * An administrator imports a partner's request or decision carried as a file. Besides each
 * touched case's own record, the import is recorded once on the global chain.
 */
export const importExchangeFile = globalUseCase({
  permission: 'cooperation:manage',
  audit: { action: 'collection', target: 'cooperationExchange' },
  run: async ({ store, actor, audit }, raw: unknown): Promise<{ type: string; cases: number }> => {
    const { type, cases, agreementId } = await receive(store, raw, 'file', actor.id);
    audit.detail({ agreementId, type, count: cases });
    return { type, cases };
  },
});
