/**
 * Cooperation with a partner deployment after a hit found by private set intersection:
 *
 *   A (found the hit)  → coop-request: the partner's answer id and the matched positions in it
 *                        (no selector), who asks, a message
 *   B (the partner)    → maps the positions back to its selectors (psi_responses), puts a hit
 *                        notice and an incoming request into each case holding them, notifies
 *                        their leads
 *   B's lead accepts   → coop-decision carrying the chosen entities (FtM JSON)
 *   A                  → imports them into the requesting case under a provenance source
 *                        naming the partner and the agreement
 *
 * Envelopes travel over HTTPS (POST /api/partner/cooperation) or as files an administrator
 * imports (POST /api/cooperation/exchange). Both deployments audit each step.
 */
import { z } from 'zod';
import { openEnvelope, sealEnvelope } from '../../domain/hits/exchange.ts';
import { edgeOf } from '../../domain/schema/index.ts';
import type { Envelope } from '../../domain/hits/exchange.ts';
import { AppError, errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { recordAudit } from '../../store/repos/audit/records.ts';
import { getEntities } from '../../store/repos/entities/entities.ts';
import { insertSource } from '../../store/repos/cases/notes.ts';
import { casesHoldingSelectors } from '../../store/repos/cooperation/selectorDirectory.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/actor.ts';
import { createEntities } from '../entities/entities.ts';
import { cooperationIdentity } from './agreements.ts';
import type { AgreementRow } from './agreements.ts';
import { leadContact } from './crossCase.ts';
import { notify, upsertNotice } from './notices.ts';
import type { NoticeRow } from './notices.ts';
import { agreementOfEnvelope, MAX_AGE_MS } from './psi.ts';
import type { Transport } from './psi.ts';

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

/** Sends an envelope to the partner's server, or hands it back to be carried as a file. */
async function deliver(row: AgreementRow, envelope: Envelope, fetchImpl: typeof fetch): Promise<Envelope | null> {
  if (!row.partner_url) return envelope;
  let res: Response;
  try {
    res = await fetchImpl(`${row.partner_url}/api/partner/cooperation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(envelope),
      signal: AbortSignal.timeout(60_000),
    });
  } catch {
    throw new AppError(
      'bad_request',
      "The partner's server could not be reached; try again, or export the request as a file",
      'agreementId',
    );
  }
  if (!res.ok) {
    const err = ((await res.json().catch(() => null)) as { error?: { message?: string } } | null)?.error;
    throw new AppError('bad_request', `The partner refused: ${err?.message ?? res.status}`, 'agreementId');
  }
  return null;
}

async function requireAgreementRow(store: Store, id: string | null): Promise<AgreementRow> {
  const row = id
    ? await store.db.selectFrom('cooperation_agreements').selectAll().where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!row || row.status !== 'active')
    throw errors.validation('The agreement of this hit is no longer in force', 'noticeId');
  return row;
}

/** A asks the partner to cooperate on a hit found under an agreement. */
export async function requestPartnerCooperation(
  store: Store,
  actor: Actor,
  caseId: string,
  notice: NoticeRow,
  message: string | null,
  fetchImpl: typeof fetch = fetch,
) {
  const row = await requireAgreementRow(store, notice.agreement_id);
  const ref = JSON.parse(notice.counterpart_ref ?? '{}') as { responseId?: string; positions?: number[] };
  if (!ref.responseId || !ref.positions?.length)
    throw errors.validation('This hit cannot be followed up online; contact the partner directly', 'noticeId');
  const me = await leadContact(store, caseId);
  const user = await store.db
    .selectFrom('users')
    .select(['display_name', 'agency_id'])
    .where('id', '=', actor.id)
    .executeTakeFirst();
  const agency = user?.agency_id
    ? await store.db
        .selectFrom('agencies')
        .select(['name', 'country'])
        .where('id', '=', user.agency_id)
        .executeTakeFirst()
    : undefined;
  const requestId = uuidv7();
  const requester = {
    name: user?.display_name ?? me.name,
    agency: agency?.name ?? me.agency,
    country: agency?.country ?? me.country,
  };
  const identity = await cooperationIdentity(store);
  const envelope = sealEnvelope(identity, {
    type: 'coop-request',
    agreementId: row.id,
    recipient: row.partner_deployment_id,
    body: { requestId, responseId: ref.responseId, positions: ref.positions, requester, message },
  });
  const file = await deliver(row, envelope, fetchImpl);
  const now = new Date().toISOString();
  const out = {
    id: requestId,
    notice_id: notice.id,
    direction: 'outgoing',
    status: 'requested',
    counterpart_case_id: null,
    counterpart_request_id: null,
    agreement_id: row.id,
    counterpart_name: notice.contact_name,
    counterpart_agency: notice.contact_agency,
    counterpart_country: notice.contact_country,
    message,
    shared_entities: 0,
    requested_by: actor.id,
    decided_by: null,
    created_at: now,
    updated_at: now,
  };
  await store.scope(caseId).insertInto('cooperation_requests', out).execute();
  await recordAudit(store.db, {
    caseId,
    userId: actor.id,
    action: 'disclosure',
    targetType: 'cooperationRequest',
    targetId: requestId,
    detail: { agreementId: row.id, requestId, via: file ? 'file' : 'https' },
  });
  return { row: { ...out, case_id: caseId }, file };
}

/** B's lead decides; accepting sends the chosen entities to the partner. */
export async function decidePartnerCooperation(
  store: Store,
  actor: Actor,
  caseId: string,
  req: { id: string; agreement_id: string | null; counterpart_request_id: string | null },
  decision: 'accept' | 'decline',
  entityIds: readonly string[],
  fetchImpl: typeof fetch = fetch,
) {
  const row = await requireAgreementRow(store, req.agreement_id);
  const rows = decision === 'accept' ? await getEntities(store.scope(caseId), entityIds) : [];
  if (rows.length < entityIds.length) throw errors.validation('Some chosen entities are not in this case', 'entityIds');
  const me = await leadContact(store, caseId);
  const user = await store.db
    .selectFrom('users')
    .select(['display_name'])
    .where('id', '=', actor.id)
    .executeTakeFirst();
  const identity = await cooperationIdentity(store);
  const envelope = sealEnvelope(identity, {
    type: 'coop-decision',
    agreementId: row.id,
    recipient: row.partner_deployment_id,
    body: {
      requestId: req.counterpart_request_id ?? '',
      decision,
      decidedBy: { name: user?.display_name ?? me.name, agency: me.agency, country: me.country },
      entities: rows.map((r) => ({
        id: r.id,
        schema: r.schema,
        properties: JSON.parse(r.properties) as Record<string, string[]>,
      })),
    },
  });
  const file = await deliver(row, envelope, fetchImpl);
  await recordAudit(store.db, {
    caseId,
    userId: actor.id,
    action: 'disclosure',
    targetType: 'cooperationRequest',
    targetId: req.id,
    detail: {
      agreementId: row.id,
      requestId: req.id,
      status: decision,
      count: rows.length,
      entityIds: rows.map((r) => r.id),
      via: file ? 'file' : 'https',
    },
  });
  return { shared: rows.length, file };
}

/** Receives a partner's coop-request or coop-decision (server to server, or a carried file). */
export async function receivePartnerEnvelope(
  store: Store,
  raw: unknown,
  transport: Transport,
  actorId: string | null = null,
): Promise<{ type: string; cases: number }> {
  const row = await agreementOfEnvelope(store, raw);
  if (row.status !== 'active') throw errors.forbidden(`Agreement ${row.id} is not in force`);
  const type = (raw as { type?: unknown }).type === 'coop-decision' ? 'coop-decision' : 'coop-request';
  const me = await cooperationIdentity(store);
  const opened = openEnvelope(raw, {
    type,
    agreementId: row.id,
    me: me.deploymentId,
    partnerPublicKeyHex: row.partner_public_key,
    now: new Date(),
    maxAgeMs: MAX_AGE_MS[transport],
  });
  if (!opened.ok) throw new AppError('forbidden', `Exchange file rejected: ${opened.reason}`, opened.field);
  const e = opened.envelope;
  if (
    await store.db
      .selectFrom('exchange_nonces')
      .select('nonce')
      .where('sender', '=', e.sender)
      .where('nonce', '=', e.nonce)
      .executeTakeFirst()
  )
    throw new AppError('forbidden', 'Exchange file rejected: it was already received once (replay)', 'nonce');
  await store.db
    .insertInto('exchange_nonces')
    .values({ sender: e.sender, nonce: e.nonce, agreement_id: row.id, type: e.type, at: new Date().toISOString() })
    .execute();
  const who = actorId ?? `partner:${row.partner_deployment_id}`;
  const now = new Date().toISOString();

  if (type === 'coop-request') {
    const body = CoopRequestBody.safeParse(e.body);
    if (!body.success) throw errors.validation('Not a valid cooperation request', 'body');
    const answer = await store.db
      .selectFrom('psi_responses')
      .selectAll()
      .where('id', '=', body.data.responseId)
      .where('agreement_id', '=', row.id)
      .executeTakeFirst();
    if (!answer)
      throw errors.validation(
        'The request names no answer this deployment gave under this agreement',
        'body.responseId',
      );
    const positions = JSON.parse(answer.positions) as ([string, string] | null)[];
    const selectors = body.data.positions
      .map((p) => positions[p])
      .filter((s): s is [string, string] => !!s)
      .map(([kind, value]) => ({ kind, value }));
    const holders = await casesHoldingSelectors(store.db, selectors);
    const byCase = new Map<string, { entityIds: Set<string>; kinds: Record<string, number> }>();
    for (const h of holders) {
      const c = byCase.get(h.caseId) ?? { entityIds: new Set<string>(), kinds: {} };
      if (!c.entityIds.has(h.entityId)) c.kinds[h.kind] = (c.kinds[h.kind] ?? 0) + 1;
      c.entityIds.add(h.entityId);
      byCase.set(h.caseId, c);
    }
    const r = body.data.requester;
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
            agreementId: row.id,
            counterpartRef: null,
            kinds: c.kinds,
            entityIds: [...c.entityIds],
            contact: { userId: null, name: r.name, agency: r.agency, country: r.country, email: null, phone: null },
          },
          now,
        );
        await s
          .insertInto('cooperation_requests', {
            id: requestId,
            notice_id: notice.row.id,
            direction: 'incoming',
            status: 'requested',
            counterpart_case_id: null,
            counterpart_request_id: body.data.requestId,
            agreement_id: row.id,
            counterpart_name: r.name,
            counterpart_agency: r.agency,
            counterpart_country: r.country,
            message: body.data.message,
            shared_entities: 0,
            requested_by: who,
            decided_by: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await notify(s, lead.leadIds, 'cooperationRequest', requestId, now);
      });
      await recordAudit(store.db, {
        caseId,
        userId: who,
        action: 'collection',
        targetType: 'cooperationRequest',
        targetId: requestId,
        detail: { agreementId: row.id, requestId, via: transport },
      });
    }
    return { type, cases: byCase.size };
  }

  const body = CoopDecisionBody.safeParse(e.body);
  if (!body.success) throw errors.validation('Not a valid cooperation decision', 'body');
  const req = await store.db
    .selectFrom('cooperation_requests')
    .selectAll()
    .where('id', '=', body.data.requestId)
    .where('agreement_id', '=', row.id)
    .where('direction', '=', 'outgoing')
    .executeTakeFirst();
  if (!req)
    throw errors.validation(
      'The decision answers no request of this deployment under this agreement',
      'body.requestId',
    );
  if (req.status !== 'requested') throw errors.conflict(`The request is already ${req.status}`, 'body.requestId');
  const caseId = req.case_id;
  let imported = 0;
  if (body.data.decision === 'accept' && body.data.entities.length) {
    const present = new Set(
      (
        await store
          .scope(caseId)
          .selectFrom('entities')
          .select('id')
          .where(
            'id',
            'in',
            body.data.entities.map((x) => x.id),
          )
          .execute()
      ).map((x) => x.id),
    );
    // Things before the links between them, so every link finds its ends.
    const todo = body.data.entities
      .filter((x) => !present.has(x.id))
      .sort((a, b) => Number(!!edgeOf(a.schema)) - Number(!!edgeOf(b.schema)));
    const sourceId = uuidv7();
    await insertSource(store.scope(caseId), {
      id: sourceId,
      kind: 'import',
      label: `Cooperation: shared by ${body.data.decidedBy.name} (${body.data.decidedBy.agency}) under agreement ${row.id}`,
      sha256: null,
      file_name: null,
      created_by: req.requested_by,
      created_at: now,
    });
    const actor: Actor = {
      id: req.requested_by,
      username: 'cooperation',
      platformRole: 'investigator',
      agencyId: null,
    };
    if (todo.length)
      imported = (
        await createEntities(store, actor, caseId, todo, { sourceId, strictSelectors: false, skipRequired: true })
      ).length;
  }
  const status = body.data.decision === 'accept' ? 'accepted' : 'declined';
  await store.transaction(async (trx) => {
    await store
      .scope(caseId)
      .in(trx)
      .updateTable('cooperation_requests')
      .set({ status, decided_by: who, shared_entities: imported, updated_at: now })
      .where('id', '=', req.id)
      .execute();
    await notify(store.scope(caseId).in(trx), [req.requested_by], 'cooperationDecision', req.id, now);
  });
  await recordAudit(store.db, {
    caseId,
    userId: who,
    action: 'collection',
    targetType: 'cooperationRequest',
    targetId: req.id,
    detail: { agreementId: row.id, requestId: req.id, status, count: imported, via: transport },
  });
  return { type, cases: 1 };
}
