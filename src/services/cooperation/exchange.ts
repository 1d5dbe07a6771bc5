/**
 * What every envelope from a partner deployment goes through, whatever it carries (a hit/no-hit
 * query or answer, a cooperation request or decision): the agreement it names, its signature,
 * recipient and age, and its nonce (an envelope is accepted once). Also the query log.
 */
import { agreementInForce } from '../../domain/hits/agreement.ts';
import { openEnvelope } from '../../domain/hits/exchange.ts';
import type { Envelope, ExchangeType } from '../../domain/hits/exchange.ts';
import { AppError, errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { getAgreement } from '../../store/repos/cooperation/agreements.ts';
import { insertQueryLog, nonceSeen, rememberNonce } from '../../store/repos/cooperation/psi.ts';
import type { Store } from '../../store/store.ts';
import { agreementOf, cooperationIdentity } from './agreements.ts';
import type { AgreementRow } from './agreements.ts';

export type Transport = 'https' | 'file';

/** How old an envelope may be: a server answers at once; a file may spend days on a courier. */
export const MAX_AGE_MS: Record<Transport, number> = { https: 5 * 60_000, file: 14 * 24 * 3_600_000 };

export interface LogEntry {
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

export async function logQuery(store: Store, e: LogEntry): Promise<void> {
  await insertQueryLog(store.db, {
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
  });
}

export function inForce(row: AgreementRow, now: Date): void {
  if (!agreementInForce(agreementOf(row), row.status, now))
    throw errors.forbidden(`Agreement ${row.id} is not in force`);
}

/** Opens a partner's envelope and remembers its nonce; any failure is a 403 naming the field. */
export async function openFromPartner(
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
  if (await nonceSeen(store.db, e.sender, e.nonce))
    throw new AppError('forbidden', 'Exchange file rejected: it was already received once (replay)', 'nonce');
  await rememberNonce(store.db, {
    sender: e.sender,
    nonce: e.nonce,
    agreement_id: row.id,
    type: e.type,
    at: new Date().toISOString(),
  });
  return e;
}

/** The agreement an incoming envelope names (read before its signature is checked, then checked). */
export async function agreementOfEnvelope(store: Store, raw: unknown): Promise<AgreementRow> {
  const id = raw && typeof raw === 'object' ? (raw as { agreementId?: unknown }).agreementId : undefined;
  if (typeof id !== 'string') throw errors.validation('Not an exchange file: no agreementId', 'agreementId');
  const row = await getAgreement(store.db, id);
  if (!row) throw errors.notFound('Agreement');
  return row;
}
