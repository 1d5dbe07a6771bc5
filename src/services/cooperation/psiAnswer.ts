/**
 * Step 2 of a hit/no-hit query, on the partner's side: checks, rate-limits and answers a
 * psi-query with this deployment's own selectors (operational cases), blinded. The query comes
 * from the partner's server (POST /api/partner/psi, public: the envelope's signature is the
 * authentication) or as a file an administrator answers. Every answer and refusal is logged in
 * the query log and audited.
 */
import { rateLimitDecision } from '../../domain/hits/agreement.ts';
import { sealEnvelope } from '../../domain/hits/exchange.ts';
import type { Envelope } from '../../domain/hits/exchange.ts';
import { padAndShuffle, PsiQueryBody } from '../../domain/hits/protocol.ts';
import type { BlindedSet, PsiResponseBody } from '../../domain/hits/protocol.ts';
import { newSecret } from '../../domain/hits/psi.ts';
import type { PsiSelector } from '../../domain/hits/psi.ts';
import { AppError, errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { answeredQueriesSince, insertPsiResponse } from '../../store/repos/cooperation/psi.ts';
import { deploymentSelectors } from '../../store/repos/cooperation/selectorDirectory.ts';
import type { Store } from '../../store/store.ts';
import { recordEntry } from '../audit/index.ts';
import { globalUseCase } from '../useCase/index.ts';
import { agreementOf, cooperationIdentity } from './agreements.ts';
import type { AgreementRow } from './agreements.ts';
import { agreementOfEnvelope, inForce, logQuery, openFromPartner } from './exchange.ts';
import type { Transport } from './exchange.ts';
import { blindOnPool, reblindOnPool } from './psiWork.ts';

interface Answered {
  reply: Envelope;
  peer: string;
  nonce: string;
  detail: Record<string, unknown>;
}

/** Why a query is refused before it is answered (too big, over the rate limit), or null. */
async function overLimit(store: Store, row: AgreementRow, points: number): Promise<AppError | null> {
  // The query's padding rounds up to 64, so the limit allows for it.
  if (points > Math.ceil(row.max_selectors / 64) * 64 + 64)
    return new AppError(
      'rate_limited',
      `The query holds ${points} values; the agreement allows ${row.max_selectors}`,
      'body.points',
    );
  const since = new Date(Date.now() - row.rate_period_hours * 3_600_000).toISOString();
  const decision = rateLimitDecision(await answeredQueriesSince(store.db, row.id, since), new Date(), {
    queries: row.rate_queries,
    periodHours: row.rate_period_hours,
  });
  if (decision.allowed) return null;
  return new AppError(
    'rate_limited',
    `The agreement allows ${decision.limit} queries per ${row.rate_period_hours} h; try again after ${decision.retryAt ?? 'the period'}`,
    'agreementId',
  );
}

/** Answers the query; a refusal is logged and recorded (`denied`) here, then thrown. */
async function answer(store: Store, raw: unknown, transport: Transport, actorId: string | null): Promise<Answered> {
  const row = await agreementOfEnvelope(store, raw);
  const peer = row.partner_deployment_id;
  const nonce =
    typeof (raw as { nonce?: unknown }).nonce === 'string'
      ? String((raw as { nonce: string }).nonce).slice(0, 64)
      : '-';
  const refuse = async (e: AppError, outcome: 'refused' | 'rejected', setSize = 0): Promise<never> => {
    const reason = e.code === 'rate_limited' ? 'rate_limit' : (e.path ?? e.code);
    await logQuery(store, {
      agreementId: row.id,
      direction: 'in',
      transport,
      peer,
      nonce,
      setSize,
      outcome,
      reason,
      userId: actorId,
    });
    await recordEntry(store, {
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
  const limit = await overLimit(store, row, points.length);
  if (limit) return refuse(limit, 'refused', points.length);
  const own: PsiSelector[] = await deploymentSelectors(store.db, agreementOf(row).selectorTypes);
  const secret = newSecret();
  let answered: { double: string[]; mine: BlindedSet };
  try {
    // On the worker pool: the request loop keeps serving while the points are re-blinded.
    const double = await reblindOnPool(secret, points, 'body.points');
    answered = { double, mine: padAndShuffle(await blindOnPool(secret, row.id, own)) };
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'validation_failed') throw e;
    const bad = errors.validation('The query holds a value that is not a valid group element', e.path ?? 'body.points');
    return refuse(bad, 'rejected', points.length);
  }
  const responseId = uuidv7();
  await insertPsiResponse(store.db, {
    id: responseId,
    agreement_id: row.id,
    peer,
    query_nonce: envelope.nonce,
    positions: JSON.stringify(answered.mine.order.map((i) => (i >= 0 ? [own[i]?.kind, own[i]?.value] : null))),
    created_at: new Date().toISOString(),
  });
  const me = await cooperationIdentity(store);
  const reply = sealEnvelope(me, {
    type: 'psi-response',
    agreementId: row.id,
    recipient: peer,
    body: {
      queryNonce: envelope.nonce,
      responseId,
      double: answered.double,
      points: answered.mine.points,
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
  const detail = { agreementId: row.id, responseId, count: points.length, via: transport };
  return { reply, peer, nonce: envelope.nonce, detail };
}

/** An administrator answers a partner's query file (air-gapped exchange). */
export const answerQueryFile = globalUseCase({
  permission: 'cooperation:manage',
  audit: { action: 'disclosure', target: 'psiQuery' },
  run: async ({ store, actor, audit }, raw: unknown): Promise<Envelope> => {
    const a = await answer(store, raw, 'file', actor.id);
    audit.target(a.nonce);
    audit.detail(a.detail);
    return a.reply;
  },
});

/**
 * The partner's server asks (public endpoint: no user; the envelope's signature under the
 * agreement authenticates it). The record names the partner deployment.
 */
export async function answerPartnerQuery(store: Store, raw: unknown): Promise<Envelope> {
  const a = await answer(store, raw, 'https', null);
  await recordEntry(store, {
    caseId: null,
    userId: `partner:${a.peer}`,
    action: 'disclosure',
    targetType: 'psiQuery',
    targetId: a.nonce,
    detail: a.detail,
  });
  return a.reply;
}
