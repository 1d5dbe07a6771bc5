/**
 * Cooperation with a partner deployment after a hit found by private set intersection:
 *
 *   A (found the hit)  → coop-request: the partner's answer id and the matched positions in it
 *                        (no selector), who asks, a message
 *   B (the partner)    → maps the positions back to its selectors (psi_responses), puts a hit
 *                        notice and an incoming request into each case holding them, notifies
 *                        their leads (./partnerInbox.ts)
 *   B's lead accepts   → coop-decision carrying the chosen entities (FtM JSON)
 *   A                  → imports them into the requesting case under a provenance source
 *                        naming the partner and the agreement (./partnerInbox.ts)
 *
 * Envelopes travel over HTTPS (POST /api/partner/cooperation) or as files an administrator
 * imports (POST /api/cooperation/exchange). Both deployments audit each step. This file sends:
 * the request (A) and the decision (B), each recorded by the use case that calls it.
 */
import { sealEnvelope } from '../../domain/hits/exchange.ts';
import type { Envelope } from '../../domain/hits/exchange.ts';
import { AppError, errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { getAgreement } from '../../store/repos/cooperation/agreements.ts';
import { insertRequest } from '../../store/repos/cooperation/requests.ts';
import type { RequestRow } from '../../store/repos/cooperation/requests.ts';
import { getEntities } from '../../store/repos/entities/entities.ts';
import type { Store } from '../../store/store.ts';
import type { AuditNote } from '../useCase/index.ts';
import { cooperationIdentity } from './agreements.ts';
import type { AgreementRow } from './agreements.ts';
import { displayNameOf, leadContact, requesterOf } from './contacts.ts';
import type { NoticeRow } from './notices.ts';
import { partnerRequestHeaders } from './partnerAdmission.ts';

/** Sends an envelope to the partner's server, or hands it back to be carried as a file. */
async function deliver(
  store: Store,
  row: AgreementRow,
  envelope: Envelope,
  fetchImpl: typeof fetch,
): Promise<Envelope | null> {
  if (!row.partner_url) return envelope;
  const body = JSON.stringify(envelope);
  const headers = await partnerRequestHeaders(store, row.id, body);
  let res: Response;
  try {
    res = await fetchImpl(`${row.partner_url}/api/partner/cooperation`, {
      method: 'POST',
      headers,
      body,
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
  const row = id ? await getAgreement(store.db, id) : undefined;
  if (!row || row.status !== 'active')
    throw errors.validation('The agreement of this hit is no longer in force', 'noticeId');
  return row;
}

/** A asks the partner to cooperate on a hit found under an agreement. */
export async function requestPartnerCooperation(
  store: Store,
  actorId: string,
  caseId: string,
  notice: NoticeRow,
  message: string | null,
  fetchImpl: typeof fetch,
  audit: AuditNote,
): Promise<{ row: RequestRow; file: Envelope | null }> {
  const row = await requireAgreementRow(store, notice.agreement_id);
  const ref = JSON.parse(notice.counterpart_ref ?? '{}') as { responseId?: string; positions?: number[] };
  if (!ref.responseId || !ref.positions?.length)
    throw errors.validation('This hit cannot be followed up online; contact the partner directly', 'noticeId');
  const requester = await requesterOf(store, actorId, await leadContact(store, caseId));
  const requestId = uuidv7();
  const identity = await cooperationIdentity(store);
  const envelope = sealEnvelope(identity, {
    type: 'coop-request',
    agreementId: row.id,
    recipient: row.partner_deployment_id,
    body: { requestId, responseId: ref.responseId, positions: ref.positions, requester, message },
  });
  const file = await deliver(store, row, envelope, fetchImpl);
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
    requested_by: actorId,
    decided_by: null,
    created_at: now,
    updated_at: now,
  };
  await insertRequest(store.scope(caseId), out);
  audit.target(requestId);
  audit.detail({ agreementId: row.id, requestId, via: file ? 'file' : 'https' });
  return { row: { ...out, case_id: caseId }, file };
}

/** B's lead decides; accepting sends the chosen entities to the partner. */
export async function decidePartnerCooperation(
  store: Store,
  actorId: string,
  caseId: string,
  req: { id: string; agreement_id: string | null; counterpart_request_id: string | null },
  decision: 'accept' | 'decline',
  entityIds: readonly string[],
  fetchImpl: typeof fetch,
  audit: AuditNote,
): Promise<{ shared: number; file: Envelope | null }> {
  const row = await requireAgreementRow(store, req.agreement_id);
  const rows = decision === 'accept' ? await getEntities(store.scope(caseId), entityIds) : [];
  if (rows.length < entityIds.length) throw errors.validation('Some chosen entities are not in this case', 'entityIds');
  const me = await leadContact(store, caseId);
  const identity = await cooperationIdentity(store);
  const envelope = sealEnvelope(identity, {
    type: 'coop-decision',
    agreementId: row.id,
    recipient: row.partner_deployment_id,
    body: {
      requestId: req.counterpart_request_id ?? '',
      decision,
      decidedBy: { name: await displayNameOf(store, actorId, me), agency: me.agency, country: me.country },
      entities: rows.map((r) => ({
        id: r.id,
        schema: r.schema,
        properties: JSON.parse(r.properties) as Record<string, string[]>,
      })),
    },
  });
  const file = await deliver(store, row, envelope, fetchImpl);
  audit.target(req.id);
  audit.detail({
    agreementId: row.id,
    requestId: req.id,
    status: decision,
    count: rows.length,
    entityIds: rows.map((r) => r.id),
    via: file ? 'file' : 'https',
  });
  return { shared: rows.length, file };
}
