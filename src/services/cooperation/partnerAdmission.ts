/**
 * Who may send a large body to the public partner routes: a partner whose request header
 * (domain/hits/partnerRequest.ts) names an agreement in force and is signed with that agreement's
 * partner key over the body's declared length. Checked before the body is read.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { agreementInForce } from '../../domain/hits/agreement.ts';
import {
  PARTNER_HEADER,
  partnerRequestHolds,
  readPartnerHeader,
  signPartnerRequest,
} from '../../domain/hits/partnerRequest.ts';
import { getAgreement } from '../../store/repos/cooperation/agreements.ts';
import type { Store } from '../../store/store.ts';
import { agreementOf, cooperationIdentity } from './agreements.ts';
import { MAX_AGE_MS } from './exchange.ts';

export async function partnerMaySend(store: Store, headers: IncomingHttpHeaders): Promise<boolean> {
  const claim = readPartnerHeader(headers[PARTNER_HEADER]);
  const length = Number(headers['content-length']);
  if (!claim || !Number.isSafeInteger(length)) return false;
  const row = await getAgreement(store.db, claim.agreementId);
  const now = new Date();
  if (!row || !agreementInForce(agreementOf(row), row.status, now)) return false;
  return partnerRequestHolds(claim, row.partner_public_key, length, now, MAX_AGE_MS.https);
}

/** Headers of a request to a partner's server carrying `body`. */
export async function partnerRequestHeaders(
  store: Store,
  agreementId: string,
  body: string,
): Promise<Record<string, string>> {
  const me = await cooperationIdentity(store);
  return {
    'content-type': 'application/json',
    [PARTNER_HEADER]: signPartnerRequest(me, agreementId, Buffer.byteLength(body)),
  };
}
