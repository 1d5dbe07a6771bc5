/**
 * Hit/no-hit between deployments under a cooperation agreement, by private set intersection
 * (domain/hits; the curve arithmetic on the worker pool, ./psiWork.ts). One query:
 *
 *   export  (this side, for a case)  → psi-query envelope: the case's selectors, blinded
 *   answer  (the partner)            → psi-response: our points re-blinded + its own, blinded
 *                                      (./psiAnswer.ts)
 *   finish  (this side)              → hit notice in the case naming the partner's contact points
 *
 * The envelopes travel as files (air gap) or over HTTPS (`runPsiOverHttps`). The answering side
 * checks the signature, agreement, recipient, age and nonce, refuses queries over the
 * agreement's rate limit or size, and logs every query it answers or refuses.
 */
import { sealEnvelope } from '../../domain/hits/exchange.ts';
import type { Envelope } from '../../domain/hits/exchange.ts';
import { matchResponse, padAndShuffle, PsiResponseBody } from '../../domain/hits/protocol.ts';
import type { PsiQueryBody } from '../../domain/hits/protocol.ts';
import { newSecret, secretFromHex, secretToHex } from '../../domain/hits/psi.ts';
import type { HitNoticeOut } from '../../shared/contracts/cooperation.ts';
import { AppError, errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import {
  caseSelectorsOfKinds,
  closePsiSession,
  getPsiSession,
  insertPsiSession,
} from '../../store/repos/cooperation/psi.ts';
import type { Store } from '../../store/store.ts';
import { visibilityOf } from '../access/index.ts';
import { recordEntry } from '../audit/index.ts';
import type { CaseAccess } from '../access/index.ts';
import { caseUseCase } from '../useCase/index.ts';
import type { AuditNote } from '../useCase/index.ts';
import { agreementOf, cooperationIdentity, requireAgreement } from './agreements.ts';
import { agreementOfEnvelope, inForce, logQuery, openFromPartner } from './exchange.ts';
import type { Transport } from './exchange.ts';
import { presentNotice, upsertNotice } from './notices.ts';
import { blindOnPool, reblindOnPool } from './psiWork.ts';
import { runExchangeJob } from './psiJobs.ts';
import { partnerRequestHeaders } from './partnerAdmission.ts';
import type { NoticeRow } from './notices.ts';

export { agreementOfEnvelope, MAX_AGE_MS } from './exchange.ts';
export type { Transport } from './exchange.ts';

/** The case's selectors of the agreement's kinds, each with the entities holding it. */
async function caseSelectors(
  store: Store,
  caseId: string,
  kinds: readonly string[],
): Promise<{ kind: string; value: string; entityIds: string[] }[]> {
  const rows = await caseSelectorsOfKinds(store.scope(caseId), kinds);
  const by = new Map<string, { kind: string; value: string; entityIds: string[] }>();
  for (const r of rows) {
    const k = `${r.kind}\u0000${r.value}`;
    const s = by.get(k) ?? { kind: r.kind, value: r.value, entityIds: [] };
    s.entityIds.push(r.entity_id);
    by.set(k, s);
  }
  return [...by.values()];
}

/** Step 1: the case's selectors blinded with a fresh secret, as a signed psi-query. */
async function sendQuery(
  store: Store,
  actorId: string,
  caseId: string,
  agreementId: string,
  transport: Transport,
): Promise<{ envelope: Envelope; count: number }> {
  const row = await requireAgreement(store, agreementId);
  inForce(row, new Date());
  const me = await cooperationIdentity(store);
  const selectors = await caseSelectors(store, caseId, agreementOf(row).selectorTypes);
  if (!selectors.length)
    throw errors.validation('The case holds no selectors of the kinds this agreement compares', 'agreementId');
  if (selectors.length > row.max_selectors)
    throw errors.validation(
      `The case holds ${selectors.length} selectors; the agreement allows ${row.max_selectors} per query`,
      'agreementId',
    );
  const secret = newSecret();
  const sent = padAndShuffle(await blindOnPool(secret, row.id, selectors));
  const envelope = sealEnvelope(me, {
    type: 'psi-query',
    agreementId: row.id,
    recipient: row.partner_deployment_id,
    body: { points: sent.points } satisfies PsiQueryBody,
  });
  await insertPsiSession(store.scope(caseId), {
    id: uuidv7(),
    agreement_id: row.id,
    query_nonce: envelope.nonce,
    secret: secretToHex(secret),
    positions: JSON.stringify(sent.order),
    selectors: JSON.stringify(selectors.map((s) => [s.kind, s.value, s.entityIds])),
    transport,
    status: 'sent',
    created_by: actorId,
    created_at: new Date().toISOString(),
    finished_at: null,
  });
  await logQuery(store, {
    agreementId: row.id,
    direction: 'out',
    transport,
    peer: row.partner_deployment_id,
    nonce: envelope.nonce,
    caseRef: caseId,
    setSize: sent.points.length,
    outcome: 'sent',
    userId: actorId,
  });
  return { envelope, count: selectors.length };
}

/** Exports the case's selectors, blinded, as a signed query file for a partner (air-gapped exchange). */
export const exportQuery = caseUseCase({
  permission: 'case:write',
  audit: { action: 'disclosure', target: 'psiQuery' },
  run: async ({ store, actor, caseId, audit }, { agreementId }: { agreementId: string }): Promise<Envelope> => {
    const { envelope, count } = await sendQuery(store, actor.id, caseId, agreementId, 'file');
    audit.target(envelope.nonce);
    audit.detail({ agreementId, count, via: 'file' });
    return envelope;
  },
});

type Finished = { matched: number; notice: HitNoticeOut | null };
type Matched = [string, string, string[]];

/** Step 3: the partner's answer turned into a hit notice in the case (or none: no hit). */
async function finishWith(
  store: Store,
  actorId: string,
  access: CaseAccess,
  raw: unknown,
  transport: Transport,
  audit: AuditNote,
): Promise<Finished> {
  const caseId = access.caseId;
  const row = await agreementOfEnvelope(store, raw);
  const envelope = await openFromPartner(store, row, raw, 'psi-response', transport);
  const body = PsiResponseBody.safeParse(envelope.body);
  if (!body.success)
    throw errors.validation('The response is not a valid answer', `body.${body.error.issues[0]?.path.join('.') ?? ''}`);
  const scope = store.scope(caseId);
  const session = await getPsiSession(scope, body.data.queryNonce, row.id);
  if (!session?.secret) throw errors.validation('This answers no open query of this case', 'body.queryNonce');
  const order = JSON.parse(session.positions) as number[];
  const selectors = JSON.parse(session.selectors) as Matched[];
  if (body.data.double.length !== order.length)
    throw errors.validation(
      `The response does not fit the query: it answers ${body.data.double.length} points, the query sent ${order.length}`,
      'body.double',
    );
  const theirsDouble = await reblindOnPool(secretFromHex(session.secret), body.data.points, 'body.points');
  let result: { selectorIndices: number[]; theirPositions: number[] };
  try {
    result = matchResponse({ order }, body.data.double, theirsDouble);
  } catch (e) {
    throw errors.validation(`The response does not fit the query: ${(e as Error).message}`, 'body.double');
  }
  const now = new Date().toISOString();
  const matched = result.selectorIndices.map((i) => selectors[i]).filter((s): s is Matched => !!s);
  const kinds: Record<string, number> = {};
  for (const [kind] of matched) kinds[kind] = (kinds[kind] ?? 0) + 1;
  const contact = agreementOf(row).contactPoints[0];
  const notice = await store.transaction(async (trx): Promise<NoticeRow | null> => {
    const s = scope.in(trx);
    await closePsiSession(s, session.id, now);
    if (!matched.length) return null;
    const counterpartRef = JSON.stringify({ responseId: body.data.responseId, positions: result.theirPositions });
    const written = await upsertNotice(
      s,
      {
        origin: 'partner',
        role: 'finder',
        counterpartCaseId: null,
        agreementId: row.id,
        counterpartRef,
        kinds,
        entityIds: matched.flatMap(([, , ids]) => ids),
        contact: {
          userId: null,
          name: contact?.name ?? row.partner_name,
          agency: contact?.agency ?? row.partner_name,
          country: row.partner_country,
          email: contact?.email ?? null,
          phone: contact?.phone ?? null,
        },
      },
      now,
    );
    return written.row;
  });
  await logQuery(store, {
    agreementId: row.id,
    direction: 'out',
    transport,
    peer: row.partner_deployment_id,
    nonce: session.query_nonce,
    caseRef: caseId,
    setSize: order.length,
    matched: matched.length,
    outcome: 'finished',
    userId: actorId,
  });
  audit.target(notice?.id ?? session.id);
  audit.detail({
    agreementId: row.id,
    count: matched.length,
    via: transport,
    ...(notice ? { noticeId: notice.id } : {}),
  });
  return { matched: matched.length, notice: notice ? presentNotice(notice, await visibilityOf(store, access)) : null };
}

/** Imports the partner's response file: a hit notice names the partner's contact points. */
export const finishQuery = caseUseCase({
  permission: 'case:write',
  audit: { action: 'combination', target: 'hit' },
  run: async ({ store, actor, access, audit }, raw: unknown): Promise<Finished> =>
    finishWith(store, actor.id, access, raw, 'file', audit),
});

/**
 * Steps 1–3 over HTTPS: send the query to the partner's server and finish with its answer. The
 * query sent is in the query log; the record is the hit (or no hit), naming the query's nonce.
 */
export const runOverHttps = caseUseCase({
  permission: 'case:write',
  audit: { action: 'combination', target: 'hit' },
  run: async (
    { store, actor, caller, caseId, access, audit },
    input: { agreementId: string; fetchImpl?: typeof fetch },
  ): Promise<Finished & { jobId: string }> => {
    const row = await requireAgreement(store, input.agreementId);
    if (!row.partner_url)
      throw errors.validation('This agreement has no partner server; exchange files instead', 'agreementId');
    const url = row.partner_url;
    // A job: its owner follows it through any process; one cut short by a restart fails with why.
    return runExchangeJob(store, caseId, { id: actor.id, ip: caller.ip }, row.id, async (step, signal) => {
      await step('blinding');
      const { envelope: query, count } = await sendQuery(store, actor.id, caseId, input.agreementId, 'https');
      await step('waiting for the partner', { queryNonce: query.nonce });
      audit.detail({ queryNonce: query.nonce });
      try {
        const json = await askPartner(store, url, query, input.fetchImpl ?? fetch, signal);
        await step('matching');
        return await finishWith(store, actor.id, access, json, 'https', audit);
      } catch (e) {
        // The blinded selectors left all the same: a run that fails after sending keeps that record.
        await recordEntry(store, {
          caseId,
          userId: actor.id,
          action: 'disclosure',
          targetType: 'psiQuery',
          targetId: query.nonce,
          ip: caller.ip,
          detail: { ...caller.origin, agreementId: row.id, count, via: 'https' },
        });
        throw e;
      }
    });
  },
});

/** Sends the query to the partner's server; its answer, or the partner's refusal as an error. */
async function askPartner(
  store: Store,
  url: string,
  query: Envelope,
  fetchImpl: typeof fetch,
  stop: AbortSignal,
): Promise<unknown> {
  const body = JSON.stringify(query);
  const headers = await partnerRequestHeaders(store, query.agreementId, body);
  let res: Response;
  try {
    res = await fetchImpl(`${url}/api/partner/psi`, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.any([stop, AbortSignal.timeout(600_000)]),
    });
  } catch {
    throw new AppError('bad_request', "The partner's server could not be reached", 'agreementId');
  }
  const json = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string } } | null)?.error;
    const code = err?.code === 'rate_limited' ? 'rate_limited' : 'bad_request';
    throw new AppError(code, `The partner refused the query: ${err?.message ?? res.status}`, 'agreementId');
  }
  return json;
}
