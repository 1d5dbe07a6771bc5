/**
 * A partner's server-to-server request carries, in a header, its agreement, the time and the
 * body's length signed with its Ed25519 key. The receiver checks it before reading the body, so
 * only a partner it holds an agreement with may send a large body to the public partner routes;
 * anyone else gets the few KB every unauthenticated request gets. The envelope in the body is
 * still verified as before (signature, recipient, nonce, age).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import type { SigningIdentity } from './exchange.ts';

export const PARTNER_HEADER = 'x-elect-partner';
const CONTEXT = 'ELECT-THB-PARTNER-REQUEST-v1\n';

const message = (agreementId: string, at: number, bodyBytes: number): Uint8Array =>
  new TextEncoder().encode(`${CONTEXT}${agreementId}\n${at}\n${bodyBytes}`);

/** The header value for a request of `bodyBytes` bytes under an agreement. */
export function signPartnerRequest(
  me: SigningIdentity,
  agreementId: string,
  bodyBytes: number,
  now = new Date(),
): string {
  const at = now.getTime();
  return `${agreementId} ${at} ${bytesToHex(ed25519.sign(message(agreementId, at, bodyBytes), me.secretKey))}`;
}

export interface PartnerRequestClaim {
  agreementId: string;
  at: number;
  signature: string;
}

export function readPartnerHeader(value: string | string[] | undefined): PartnerRequestClaim | null {
  if (typeof value !== 'string') return null;
  const [agreementId, at, signature, ...rest] = value.split(' ');
  if (rest.length || !agreementId || !at || !signature) return null;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(agreementId) || !/^\d{1,15}$/.test(at)) return null;
  if (!/^[0-9a-f]{128}$/.test(signature)) return null;
  return { agreementId, at: Number(at), signature };
}

/** True when the claim is fresh (within `maxAgeMs` either way) and signed by the partner's key. */
export function partnerRequestHolds(
  claim: PartnerRequestClaim,
  partnerPublicKeyHex: string,
  bodyBytes: number,
  now: Date,
  maxAgeMs: number,
): boolean {
  if (Math.abs(now.getTime() - claim.at) > maxAgeMs) return false;
  try {
    return ed25519.verify(
      hexToBytes(claim.signature),
      message(claim.agreementId, claim.at, bodyBytes),
      hexToBytes(partnerPublicKeyHex),
    );
  } catch {
    return false;
  }
}
