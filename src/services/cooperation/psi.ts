/**
 * Hit/no-hit between deployments under a cooperation agreement, by private set intersection
 * (domain/hits). One query:
 *
 *   export  (this side, for a case)  → psi-query envelope: the case's selectors, blinded
 *   answer  (the partner)            → psi-response: our points re-blinded + its own, blinded
 *   finish  (this side)              → hit notice in the case naming the partner's contact points
 *
 * The envelopes travel as files (air gap) or over HTTPS (`runOverHttps`). The answering side
 * checks the signature, agreement, recipient, age and nonce, refuses queries over the
 * agreement's rate limit or size, and logs every query it answers or refuses.
 */
import { agreementInForce, rateLimitDecision } from '../../domain/hits/agreement.ts';
import { openEnvelope, sealEnvelope } from '../../domain/hits/exchange.ts';
import type { Envelope, ExchangeType } from '../../domain/hits/exchange.ts';
import {
  answerQuery,
  blindSet,
  finishQuery as finishPsi,
  PsiQueryBody,
  PsiResponseBody,
} from '../../domain/hits/protocol.ts';
import { newSecret, secretFromHex, secretToHex } from '../../domain/hits/psi.ts';
import type { PsiSelector } from '../../domain/hits/psi.ts';
import { AppError, errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { recordAudit } from '../../store/repos/audit/records.ts';
import { deploymentSelectors } from '../../store/repos/cooperation/selectorDirectory.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/actor.ts';
import { agreementOf, cooperationIdentity, requireAgreement } from './agreements.ts';
import type { AgreementRow } from './agreements.ts';
import { presentNotice, upsertNotice } from './notices.ts';
import type { NoticeRow } from './notices.ts';
import type { CaseAccess } from '../access/policy.ts';
import { visibilityOf } from '../access/visibility.ts';
import type { HitNoticeOut } from '../../shared/contracts/cooperation.ts';

export type Transport = 'https' | 'file';

/** How old an envelope may be: a server answers at once; a file may spend days on a courier. */
export const MAX_AGE_MS: Record<Transport, number> = { https: 5 * 60_000, file: 14 * 24 * 3_600_000 };

interface LogEntry {
  agreementId: string;
  direction: 'in' | 'out';
  transport: Transport;
  peer: string;
  nonce: string;
  caseRef?: string | null;
  setSize: number;
  matched?: number | null;
  outcome: 'sent' | 'answered' | 'finished' | 'refused' | 'rejected';
  reason?: string | null;
  userId?: string | null;
}

async function logQuery(store: Store, e: LogEntry): Promise<void> {
  await store.db
    .insertInto('psi_query_log')
    .values({
      id: uuidv7(),
      agreement_id: e.agreementId,
      direction: e.direction,
      transport: e.transport,
      peer: e.peer,
      nonce: e.nonce,
      case_ref: e.caseRef ?? null,
      set_size: e.setSize,
      matched: e.matched ?? null,
      outcome: e.outcome,
      reason: e.reason ?? null,
      user_id: e.userId ?? null,
      at: new Date().toISOString(),
    })
    .execute();
}

function inForce(row: AgreementRow, now: Date): void {
  if (!agreementInForce(agreementOf(row), row.status, now))
    throw errors.forbidden(`Agreement ${row.id} is not in force`);
}

/** Opens a partner's envelope and remembers its nonce; any failure is a 403 naming the field. */
async function openFromPartner(
  store: Store,
  row: AgreementRow,
  raw: unknown,
  type: ExchangeType,
  transport: Transport,
): Promise<Envelope> {
  const me = await cooperationIdentity(store);
  const r = openEnvelope(raw, {
    type,
    agreementId: row.id,
    me: me.deploymentId,
    partnerPublicKeyHex: row.partner_public_key,
    now: new Date(),
    maxAgeMs: MAX_AGE_MS[transport],
  });
  if (!r.ok) throw new AppError('forbidden', `Exchange file rejected: ${r.reason}`, r.field);
  const e = r.envelope;
  const seen = await store.db
    .selectFrom('exchange_nonces')
    .select('nonce')
    .where('sender', '=', e.sender)
    .where('nonce', '=', e.nonce)
    .executeTakeFirst();
  if (seen) throw new AppError('forbidden', 'Exchange file rejected: it was already received once (replay)', 'nonce');
  await store.db
    .insertInto('exchange_nonces')
    .values({ sender: e.sender, nonce: e.nonce, agreement_id: row.id, type: e.type, at: new Date().toISOString() })
    .execute();
  return e;
}

/** The agreement an incoming envelope names (read before its signature is checked, then checked). */
export async function agreementOfEnvelope(store: Store, raw: unknown): Promise<AgreementRow> {
  const id = raw && typeof raw === 'object' ? (raw as { agreementId?: unknown }).agreementId : undefined;
  if (typeof id !== 'string') throw errors.validation('Not an exchange file: no agreementId', 'agreementId');
  const row = await store.db.selectFrom('cooperation_agreements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.notFound('Agreement');
  return row;
}

/** The case's selectors of the agreement's kinds, each with the entities holding it. */
async function caseSelectors(
  store: Store,
  caseId: string,
  kinds: readonly string[],
): Promise<{ kind: string; value: string; entityIds: string[] }[]> {
  if (!kinds.length) return [];
  const rows = await store
    .scope(caseId)
    .selectFrom('selectors')
    .select(['kind', 'value', 'entity_id'])
    .where('kind', 'in', [...kinds])
    .execute();
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
export async function exportQuery(
  store: Store,
  actor: Actor,
  caseId: string,
  agreementId: string,
  transport: Transport,
): Promise<Envelope> {
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
  const sent = blindSet(secret, row.id, selectors);
  const envelope = sealEnvelope(me, {
    type: 'psi-query',
    agreementId: row.id,
    recipient: row.partner_deployment_id,
    body: { points: sent.points } satisfies PsiQueryBody,
  });
  const now = new Date().toISOString();
  await store
    .scope(caseId)
    .insertInto('psi_sessions', {
      id: uuidv7(),
      agreement_id: row.id,
      query_nonce: envelope.nonce,
      secret: secretToHex(secret),
      positions: JSON.stringify(sent.order),
      selectors: JSON.stringify(selectors.map((s) => [s.kind, s.value, s.entityIds])),
      transport,
      status: 'sent',
      created_by: actor.id,
      created_at: now,
      finished_at: null,
    })
    .execute();
  await logQuery(store, {
    agreementId: row.id,
    direction: 'out',
    transport,
    peer: row.partner_deployment_id,
    nonce: envelope.nonce,
    caseRef: caseId,
    setSize: sent.points.length,
    outcome: 'sent',
    userId: actor.id,
  });
  await recordAudit(store.db, {
    caseId,
    userId: actor.id,
    action: 'disclosure',
    targetType: 'psiQuery',
    targetId: envelope.nonce,
    detail: { agreementId: row.id, count: selectors.length, via: transport },
  });
  return envelope;
}

/**
 * Step 2, the partner's side: checks, rate-limits and answers a psi-query with the
 * deployment's own selectors (operational cases), blinded. Refusals are logged and audited.
 */
export async function answerPartnerQuery(
  store: Store,
  raw: unknown,
  transport: Transport,
  actorId: string | null = null,
): Promise<Envelope> {
  const row = await agreementOfEnvelope(store, raw);
  const peer = row.partner_deployment_id;
  const nonce =
    typeof (raw as { nonce?: unknown }).nonce === 'string'
      ? String((raw as { nonce: string }).nonce).slice(0, 64)
      : '-';
  const refuse = async (e: AppError, outcome: 'refused' | 'rejected', setSize = 0): Promise<never> => {
    await logQuery(store, {
      agreementId: row.id,
      direction: 'in',
      transport,
      peer,
      nonce,
      setSize,
      outcome,
      reason: e.code === 'rate_limited' ? 'rate_limit' : (e.path ?? e.code),
      userId: actorId,
    });
    await recordAudit(store.db, {
      caseId: null,
      userId: actorId ?? `partner:${peer}`,
      action: 'denied',
      targetType: 'psiQuery',
      targetId: nonce,
      detail: { agreementId: row.id, result: outcome, via: transport },
    });
    throw e;
  };
  let envelope: Envelope;
  try {
    inForce(row, new Date());
    envelope = await openFromPartner(store, row, raw, 'psi-query', transport);
  } catch (e) {
    return refuse(e instanceof AppError ? e : errors.forbidden('Exchange file rejected'), 'rejected');
  }
  const body = PsiQueryBody.safeParse(envelope.body);
  if (!body.success) return refuse(errors.validation('The query holds no valid points', 'body.points'), 'rejected');
  const points = body.data.points;
  // The query's padding rounds up to 64, so the limit allows for it.
  if (points.length > Math.ceil(row.max_selectors / 64) * 64 + 64)
    return refuse(
      new AppError(
        'rate_limited',
        `The query holds ${points.length} values; the agreement allows ${row.max_selectors}`,
        'body.points',
      ),
      'refused',
      points.length,
    );
  const since = new Date(Date.now() - row.rate_period_hours * 3_600_000).toISOString();
  const answered = await store.db
    .selectFrom('psi_query_log')
    .select('at')
    .where('agreement_id', '=', row.id)
    .where('direction', '=', 'in')
    .where('outcome', '=', 'answered')
    .where('at', '>', since)
    .execute();
  const decision = rateLimitDecision(
    answered.map((a) => a.at),
    new Date(),
    { queries: row.rate_queries, periodHours: row.rate_period_hours },
  );
  if (!decision.allowed) {
    return refuse(
      new AppError(
        'rate_limited',
        `The agreement allows ${decision.limit} queries per ${row.rate_period_hours} h; try again after ${decision.retryAt ?? 'the period'}`,
        'agreementId',
      ),
      'refused',
      points.length,
    );
  }
  const own: PsiSelector[] = await deploymentSelectors(store.db, agreementOf(row).selectorTypes);
  let answer: ReturnType<typeof answerQuery>;
  try {
    answer = answerQuery(newSecret(), row.id, body.data, own);
  } catch {
    return refuse(
      errors.validation('The query holds a value that is not a valid group element', 'body.points'),
      'rejected',
      points.length,
    );
  }
  const responseId = uuidv7();
  await store.db
    .insertInto('psi_responses')
    .values({
      id: responseId,
      agreement_id: row.id,
      peer,
      query_nonce: envelope.nonce,
      positions: JSON.stringify(answer.mine.order.map((i) => (i >= 0 ? [own[i]?.kind, own[i]?.value] : null))),
      created_at: new Date().toISOString(),
    })
    .execute();
  const me = await cooperationIdentity(store);
  const reply = sealEnvelope(me, {
    type: 'psi-response',
    agreementId: row.id,
    recipient: peer,
    body: {
      queryNonce: envelope.nonce,
      responseId,
      double: answer.double,
      points: answer.mine.points,
    } satisfies PsiResponseBody,
  });
  await logQuery(store, {
    agreementId: row.id,
    direction: 'in',
    transport,
    peer,
    nonce: envelope.nonce,
    setSize: points.length,
    outcome: 'answered',
    userId: actorId,
  });
  await recordAudit(store.db, {
    caseId: null,
    userId: actorId ?? `partner:${peer}`,
    action: 'disclosure',
    targetType: 'psiQuery',
    targetId: envelope.nonce,
    detail: { agreementId: row.id, responseId, count: points.length, via: transport },
  });
  return reply;
}

/** Step 3: the partner's answer turned into a hit notice in the case (or none: no hit). */
export async function finishQuery(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  raw: unknown,
  transport: Transport,
): Promise<{ matched: number; notice: HitNoticeOut | null }> {
  const caseId = access.caseId;
  const row = await agreementOfEnvelope(store, raw);
  const envelope = await openFromPartner(store, row, raw, 'psi-response', transport);
  const body = PsiResponseBody.safeParse(envelope.body);
  if (!body.success)
    throw errors.validation('The response is not a valid answer', `body.${body.error.issues[0]?.path.join('.') ?? ''}`);
  const scope = store.scope(caseId);
  const session = await scope
    .selectFrom('psi_sessions')
    .selectAll()
    .where('query_nonce', '=', body.data.queryNonce)
    .where('agreement_id', '=', row.id)
    .executeTakeFirst();
  if (!session?.secret) throw errors.validation('This answers no open query of this case', 'body.queryNonce');
  const order = JSON.parse(session.positions) as number[];
  const selectors = JSON.parse(session.selectors) as [string, string, string[]][];
  let result: { selectorIndices: number[]; theirPositions: number[] };
  try {
    result = finishPsi(secretFromHex(session.secret), { order }, body.data);
  } catch (e) {
    throw errors.validation(`The response does not fit the query: ${(e as Error).message}`, 'body.double');
  }
  const now = new Date().toISOString();
  const matched = result.selectorIndices.map((i) => selectors[i]).filter((s): s is [string, string, string[]] => !!s);
  const kinds: Record<string, number> = {};
  for (const [kind] of matched) kinds[kind] = (kinds[kind] ?? 0) + 1;
  const contact = agreementOf(row).contactPoints[0];
  let notice: NoticeRow | null = null;
  await store.transaction(async (trx) => {
    const s = scope.in(trx);
    // The secret is erased: the query cannot be finished twice, nor its values recomputed.
    await s
      .updateTable('psi_sessions')
      .set({ secret: null, status: 'finished', finished_at: now })
      .where('id', '=', session.id)
      .execute();
    if (!matched.length) return;
    notice = (
      await upsertNotice(
        s,
        {
          origin: 'partner',
          role: 'finder',
          counterpartCaseId: null,
          agreementId: row.id,
          counterpartRef: JSON.stringify({ responseId: body.data.responseId, positions: result.theirPositions }),
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
      )
    ).row;
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
    userId: actor.id,
  });
  const found = notice as NoticeRow | null;
  await recordAudit(store.db, {
    caseId,
    userId: actor.id,
    action: 'combination',
    targetType: 'hit',
    targetId: found?.id ?? session.id,
    detail: { agreementId: row.id, count: matched.length, via: transport, ...(found ? { noticeId: found.id } : {}) },
  });
  return { matched: matched.length, notice: found ? presentNotice(found, await visibilityOf(store, access)) : null };
}

/** Steps 1–3 over HTTPS: send the query to the partner's server and finish with its answer. */
export async function runOverHttps(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  agreementId: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ matched: number; notice: HitNoticeOut | null }> {
  const row = await requireAgreement(store, agreementId);
  if (!row.partner_url)
    throw errors.validation('This agreement has no partner server; exchange files instead', 'agreementId');
  const query = await exportQuery(store, actor, access.caseId, agreementId, 'https');
  let res: Response;
  try {
    res = await fetchImpl(`${row.partner_url}/api/partner/psi`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(query),
      signal: AbortSignal.timeout(600_000),
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
  return finishQuery(store, actor, access, json, 'https');
}
