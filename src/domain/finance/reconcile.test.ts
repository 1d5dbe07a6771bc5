import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMinor, reconcile, statementKey } from './reconcile.ts';

const minor = fc.integer({ min: -1e11, max: 1e11 });
const amounts = fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 50 });

describe('statement reconciliation', () => {
  it('a statement whose closing is opening plus its entries is balanced', () => {
    fc.assert(
      fc.property(minor, amounts, (opening, lines) => {
        const closing = lines.reduce((s, a) => s + a, opening);
        expect(reconcile({ openingMinor: opening, closingMinor: closing, amountsMinor: lines })).toEqual({
          status: 'balanced',
        });
      }),
    );
  });

  it('any other closing is unbalanced by exactly the difference, whatever the entries order', () => {
    fc.assert(
      fc.property(
        minor,
        amounts,
        fc.integer({ min: -1e9, max: 1e9 }).filter((d) => d !== 0),
        (opening, lines, off) => {
          const closing = lines.reduce((s, a) => s + a, opening) + off;
          const got = reconcile({ openingMinor: opening, closingMinor: closing, amountsMinor: [...lines].reverse() });
          expect(got).toEqual({ status: 'unbalanced', expectedClosingMinor: closing - off, differenceMinor: off });
        },
      ),
    );
  });

  it('without an opening or closing balance there is nothing to check', () => {
    fc.assert(
      fc.property(fc.option(minor, { nil: null }), amounts, (closing, lines) => {
        expect(reconcile({ openingMinor: null, closingMinor: closing, amountsMinor: lines }).status).toBe(
          'no balances',
        );
        expect(reconcile({ openingMinor: closing, closingMinor: null, amountsMinor: lines }).status).toBe(
          'no balances',
        );
      }),
    );
  });

  it('statements are the same only when account, reference, period and both balances are', () => {
    const base = {
      accountId: 'acc',
      reference: 'STARTUMS',
      openingDate: '2020-01-01',
      closingDate: '2020-01-01',
      openingMinor: 100,
      closingMinor: 50,
    };
    expect(statementKey({ ...base })).toBe(statementKey(base));
    for (const change of [
      { accountId: 'other' },
      { reference: 'X' },
      { openingDate: '2019-12-31' },
      { closingDate: '2020-01-02' },
      { openingMinor: 101 },
      { closingMinor: 51 },
    ])
      expect(statementKey({ ...base, ...change })).not.toBe(statementKey(base));
  });

  it('formats minor units as an amount', () => {
    expect(formatMinor(-5, 'EUR')).toBe('-0.05 EUR');
    expect(formatMinor(5099005, 'EUR')).toBe('50990.05 EUR');
    expect(formatMinor(500, 'JPY', 0)).toBe('500 JPY');
  });
});
