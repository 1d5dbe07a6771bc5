import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  EXCHANGE_VERSION,
  identityFromSecret,
  newSigningSecret,
  openEnvelope,
  sealEnvelope,
} from './exchange.ts';
import type { Envelope, OpenExpectations } from './exchange.ts';
import { rateLimitDecision } from './agreement.ts';

const alice = identityFromSecret(newSigningSecret());
const bob = identityFromSecret(newSigningSecret());
const now = new Date('2026-03-01T12:00:00Z');
const sealed = (): Envelope =>
  sealEnvelope(alice, {
    type: 'psi-query',
    agreementId: 'fi-lv-2026',
    recipient: bob.deploymentId,
    body: { points: ['ab'.repeat(32)] },
    now,
  });
const expect_ = (over: Partial<OpenExpectations> = {}): OpenExpectations => ({
  type: 'psi-query',
  agreementId: 'fi-lv-2026',
  me: bob.deploymentId,
  partnerPublicKeyHex: alice.publicKeyHex,
  now,
  maxAgeMs: 60_000,
  ...over,
});

describe('signed exchange envelope', () => {
  it('opens an envelope sealed by the partner', () => {
    const r = openEnvelope(JSON.parse(JSON.stringify(sealed())), expect_());
    expect(r.ok).toBe(true);
  });

  it('rejects any change to any field', () => {
    const e = sealed();
    const changes: [string, Envelope][] = [
      ['body', { ...e, body: { points: ['cd'.repeat(32)] } }],
      ['agreementId', { ...e, agreementId: 'fi-lv-2027' }],
      ['recipient', { ...e, recipient: alice.deploymentId }],
      ['nonce', { ...e, nonce: '0'.repeat(32) }],
      ['createdAt', { ...e, createdAt: '2026-03-01T12:00:30.000Z' }],
      ['type', { ...e, type: 'psi-response' }],
    ];
    for (const [name, changed] of changes) {
      const r = openEnvelope(
        changed,
        expect_({ agreementId: changed.agreementId, me: changed.recipient, type: changed.type }),
      );
      expect(r, name).toMatchObject({ ok: false, field: 'signature' });
    }
  });

  it('rejects a flipped bit anywhere in the file text', () => {
    const text = JSON.stringify(sealed());
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 1 }), (i) => {
        const c = text.charCodeAt(i);
        const flipped = text.slice(0, i) + String.fromCharCode(c ^ 1) + text.slice(i + 1);
        let parsed: unknown;
        try {
          parsed = JSON.parse(flipped);
        } catch {
          return; // no longer JSON: rejected before it is read
        }
        expect(openEnvelope(parsed, expect_()).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a file signed by someone else, for someone else, under another agreement, or stale', () => {
    const mallory = identityFromSecret(newSigningSecret());
    const forged = sealEnvelope(mallory, {
      type: 'psi-query',
      agreementId: 'fi-lv-2026',
      recipient: bob.deploymentId,
      body: {},
      now,
    });
    expect(openEnvelope(forged, expect_())).toMatchObject({ ok: false, field: 'signature' });
    expect(openEnvelope(sealed(), expect_({ agreementId: 'other' }))).toMatchObject({
      ok: false,
      field: 'agreementId',
    });
    expect(openEnvelope(sealed(), expect_({ me: mallory.deploymentId }))).toMatchObject({
      ok: false,
      field: 'recipient',
    });
    expect(openEnvelope(sealed(), expect_({ now: new Date(now.getTime() + 120_000) }))).toMatchObject({
      ok: false,
      field: 'createdAt',
    });
    expect(openEnvelope(sealed(), expect_({ type: 'psi-response' }))).toMatchObject({ ok: false, field: 'type' });
    expect(openEnvelope({ ...sealed(), version: 3 }, expect_())).toMatchObject({ ok: false, field: 'version' });
  });

  it("refuses an older partner's version 1 file, naming both protocol versions", () => {
    // A version 1 file carries ristretto255 points; it is refused before its signature or points are read.
    const r = openEnvelope({ ...sealed(), version: 1 }, expect_());
    expect(r).toMatchObject({ ok: false, field: 'version' });
    const reason = r.ok ? '' : r.reason;
    expect(reason).toContain('version 1 (hit/no-hit over ristretto255)');
    expect(reason).toContain("version 2 (hit/no-hit on Ed25519's prime-order subgroup)");
    expect(reason).toMatch(/partner needs to upgrade/);
    expect(EXCHANGE_VERSION).toBe(2);
    expect(sealed().version).toBe(2);
  });

  it('writes canonical JSON independent of key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
    );
  });
});

describe('rate limit per agreement', () => {
  const limit = { queries: 3, periodHours: 24 };
  it('allows up to the limit in the window and names when the next query fits', () => {
    const t = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
    expect(rateLimitDecision([t(1), t(2)], now, limit)).toMatchObject({ allowed: true, used: 2 });
    const refused = rateLimitDecision([t(1), t(2), t(3)], now, limit);
    expect(refused).toMatchObject({ allowed: false, used: 3 });
    expect(refused.retryAt).toBe(new Date(Date.parse(t(3)) + 24 * 3_600_000).toISOString());
    expect(rateLimitDecision([t(25), t(26), t(30)], now, limit).allowed).toBe(true);
  });
});
