import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import sodium from 'sodium-native';
import { blind, decodePoint, hashToGroup, newSecret, reblind, secretFromHex, secretToHex } from './psi.ts';
import { answerQuery, finishQuery, startQuery } from './protocol.ts';
import type { PsiSelector } from './psi.ts';

const kinds = ['phone', 'email', 'iban'] as const;
const selector = fc.record({ kind: fc.constantFrom(...kinds), value: fc.string({ minLength: 1, maxLength: 12 }) });
const selectorSet = fc.uniqueArray(selector, { maxLength: 12, selector: (s) => `${s.kind}\u0000${s.value}` });
const key = (s: PsiSelector) => `${s.kind}\u0000${s.value}`;
const sel: PsiSelector = { kind: 'phone', value: '+358401234567' };

/** The identity, encoded (y = 1). */
const IDENTITY = `01${'00'.repeat(31)}`;
/** A point of order 8 on edwards25519 (libsodium's blocklist of small-order encodings). */
const ORDER_8 = 'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a';
/** Encodings of small order: the identity, order 2 (y = -1), order 4 (y = 0) and order 8. */
const SMALL_ORDER = [
  IDENTITY,
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  '0000000000000000000000000000000000000000000000000000000000000000',
  ORDER_8,
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
];

/** Runs the whole protocol in memory and names, per side, the selectors found in common. */
function run(
  agreementA: string,
  agreementB: string,
  a: readonly PsiSelector[],
  b: readonly PsiSelector[],
): PsiSelector[] {
  const sa = newSecret();
  const sb = newSecret();
  const sent = startQuery(sa, agreementA, a, 8);
  const answer = answerQuery(sb, agreementB, { points: sent.points }, b, 8);
  const { selectorIndices } = finishQuery(sa, sent, { double: answer.double, points: answer.mine.points });
  return selectorIndices.map((i) => a[i] as PsiSelector);
}

describe("private set intersection, protocol version 2 (edwards25519's prime-order subgroup)", () => {
  it('finds exactly the intersection of random sets', () => {
    fc.assert(
      fc.property(selectorSet, selectorSet, selectorSet, (common, onlyA, onlyB) => {
        const inCommon = new Set(common.map(key));
        const a = [...common, ...onlyA.filter((s) => !inCommon.has(key(s)))];
        const aKeys = new Set(a.map(key));
        const b = [...onlyB.filter((s) => !aKeys.has(key(s))), ...common];
        const found = run('agr-1', 'agr-1', a, b).map(key).sort();
        expect(found).toEqual([...inCommon].sort());
      }),
      { numRuns: 12 },
    );
  });

  it('finds nothing when the two sides hash under different agreements', () => {
    fc.assert(
      fc.property(
        selectorSet.filter((s) => s.length > 0),
        (common) => {
          expect(run('agr-1', 'agr-2', common, common)).toEqual([]);
        },
      ),
      { numRuns: 10 },
    );
  });

  it('a selector of one kind never matches the same text of another kind', () => {
    expect(
      run('agr', 'agr', [{ kind: 'phone', value: '+37120000000' }], [{ kind: 'account', value: '+37120000000' }]),
    ).toEqual([]);
  });

  it('blinding is deterministic per key and unlinkable across keys', () => {
    fc.assert(
      fc.property(
        selector,
        selector,
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        (s, t, r1, r2) => {
          const k1 = newSecret(r1);
          const k2 = newSecret(r2);
          // Same key, same selector: same value; the order of blinding does not matter.
          expect(blind(k1, 'agr', s)).toBe(blind(k1, 'agr', s));
          expect(reblind(k2, blind(k1, 'agr', s))).toBe(reblind(k1, blind(k2, 'agr', s)));
          if (secretToHex(k1) !== secretToHex(k2)) {
            // Another key gives another value, so two blinded sets cannot be joined without both secrets.
            expect(blind(k1, 'agr', s)).not.toBe(blind(k2, 'agr', s));
            // And the values under another key do not keep the relation between two selectors:
            // equal under k1 iff equal under k2 only for the same selector.
            if (key(s) !== key(t)) expect(blind(k1, 'agr', s)).not.toBe(blind(k2, 'agr', t));
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('refuses points that are not canonical group elements, and the identity', () => {
    expect(() => decodePoint(IDENTITY)).toThrow(/small order/);
    expect(() => decodePoint('ff'.repeat(32))).toThrow();
    expect(() => reblind(newSecret(), 'zz'.repeat(32))).toThrow(/hex/);
  });

  it('refuses every small-order point and a point with a small-order component', () => {
    const s = newSecret();
    for (const p of SMALL_ORDER) {
      expect(() => decodePoint(p), p).toThrow(/prime-order subgroup/);
      expect(() => reblind(s, p), p).toThrow(/prime-order subgroup/);
    }
    // A valid blinded value plus a point of order 8 is on the curve but off the main subgroup:
    // multiplying it would reveal the secret modulo 8.
    const mixed = Buffer.alloc(32);
    sodium.crypto_core_ed25519_add(mixed, Buffer.from(blind(s, 'agr', sel), 'hex'), Buffer.from(ORDER_8, 'hex'));
    expect(() => decodePoint(mixed.toString('hex'))).toThrow(/prime-order subgroup/);
    expect(() => reblind(s, mixed.toString('hex'))).toThrow(/prime-order subgroup/);
    expect(decodePoint(blind(s, 'agr', sel))).toHaveLength(32);
  });

  it('hashes a selector onto the main subgroup, never to a small-order point', () => {
    fc.assert(
      fc.property(selector, (x) => {
        expect(sodium.crypto_core_ed25519_is_valid_point(hashToGroup('agr', x))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps a secret through its hex form and rejects one out of range', () => {
    const s = newSecret();
    expect(secretFromHex(secretToHex(s))).toEqual(s);
    expect(() => secretFromHex('00'.repeat(32))).toThrow();
    expect(() => secretFromHex('ff'.repeat(32))).toThrow(/range/);
  });

  it('pads a sent set to a round size so its exact size is not sent', () => {
    const sent = startQuery(newSecret(), 'agr', [{ kind: 'phone', value: '+358401234567' }], 64);
    expect(sent.points).toHaveLength(64);
    expect(sent.order.filter((i) => i >= 0)).toEqual([0]);
    expect(new Set(sent.points).size).toBe(64);
  });
});
