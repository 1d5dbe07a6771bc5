import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleInputNotices } from './ruleInputs.ts';

describe('rule input notices', () => {
  it('says which rule lacks which input, with the counts', () => {
    expect(ruleInputNotices({ statements: 4, withDepositPlaces: 0, withCounterpartyAccounts: 4 })).toEqual([
      {
        rules: ['funnelAccount'],
        input: 'depositPlaces',
        have: 0,
        of: 4,
        message: 'Funnel detection needs deposit places; none of the 4 imported statements has them.',
      },
    ]);
    const some = ruleInputNotices({ statements: 5, withDepositPlaces: 2, withCounterpartyAccounts: 0 });
    expect(some.map((n) => n.input)).toEqual(['depositPlaces', 'counterpartyAccounts']);
    expect(some[0]?.message).toContain('only 2 of the 5 imported statements');
    expect(ruleInputNotices({ statements: 0, withDepositPlaces: 0, withCounterpartyAccounts: 0 })[0]?.input).toBe(
      'statements',
    );
  });

  it('is silent exactly when every statement has every input', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.nat(50), fc.nat(50), (n, a, b) => {
        const c = { statements: n, withDepositPlaces: Math.min(a, n), withCounterpartyAccounts: Math.min(b, n) };
        const silent = c.withDepositPlaces === n && c.withCounterpartyAccounts > 0;
        expect(ruleInputNotices(c).length === 0).toBe(silent);
      }),
    );
  });
});
