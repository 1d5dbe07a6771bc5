import { describe, expect, it } from 'vitest';
import { identityFromSecret, newSigningSecret } from './exchange.ts';
import { partnerRequestHolds, readPartnerHeader, signPartnerRequest } from './partnerRequest.ts';

describe('partner request header', () => {
  const me = identityFromSecret(newSigningSecret());
  const other = identityFromSecret(newSigningSecret());
  const now = new Date('2026-01-01T00:00:00Z');

  it('holds for the signed length, key and time only', () => {
    const claim = readPartnerHeader(signPartnerRequest(me, 'agr-1', 1234, now));
    expect(claim).not.toBeNull();
    if (!claim) return;
    expect(claim.agreementId).toBe('agr-1');
    expect(partnerRequestHolds(claim, me.publicKeyHex, 1234, now, 300_000)).toBe(true);
    expect(partnerRequestHolds(claim, me.publicKeyHex, 1235, now, 300_000)).toBe(false);
    expect(partnerRequestHolds(claim, other.publicKeyHex, 1234, now, 300_000)).toBe(false);
    expect(partnerRequestHolds(claim, me.publicKeyHex, 1234, new Date(now.getTime() + 600_000), 300_000)).toBe(false);
  });

  it('reads nothing from a malformed header', () => {
    expect(readPartnerHeader(undefined)).toBeNull();
    expect(readPartnerHeader('agr-1 12 zz')).toBeNull();
    expect(readPartnerHeader(`../x 1 ${'a'.repeat(128)}`)).toBeNull();
  });
});
