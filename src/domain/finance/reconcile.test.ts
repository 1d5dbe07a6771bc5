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
          closing === null ? 'no balances' : 'closing balance only',
        );
        expect(reconcile({ openingMinor: closing, closingMinor: null, amountsMinor: lines }).status).toBe(
          'no balances',
        );
      }),
    );
  });

  it('intermediate balances split the statement: each segment must add up on its own', () => {
    fc.assert(
      fc.property(
        minor,
        fc.array(amounts, { minLength: 2, maxLength: 5 }),
        fc.nat(4),
        fc.integer({ min: -1e6, max: 1e6 }).filter((d) => d !== 0),
        fc.boolean(),
        (opening, segments, badAt, off, byDate) => {
          const bad = badAt % segments.length;
          const amountsMinor = segments.flat();
          // Segment k's entries are booked on day k+1; its end balance is written after them.
          const bookingDates = segments.flatMap((seg, k) => seg.map(() => `2024-01-${String(k + 1).padStart(2, '0')}`));
          let running = opening;
          let count = 0;
          const ends = segments.map((seg, k) => {
            running += seg.reduce((a, b) => a + b, 0) + (k === bad ? off : 0);
            count += seg.length;
            return { minor: running, count, date: `2024-01-${String(k + 1).padStart(2, '0')}` };
          });
          const closing = ends.at(-1)?.minor ?? opening;
          const intermediate = ends.slice(0, -1).map((e, k) => ({
            minor: e.minor,
            date: e.date,
            label: `balance ${k + 1}`,
            ...(byDate ? {} : { afterEntries: e.count }),
          }));
          const figures = { openingMinor: opening, closingMinor: closing, amountsMinor, bookingDates, intermediate };
          const got = reconcile(figures);
          expect(got).toMatchObject({
            status: 'unbalanced',
            differenceMinor: off,
            segment: { index: bad + 1, count: segments.length, entries: segments[bad]?.length },
          });
          // Without the fault every segment adds up.
          const fixed = intermediate.map((b, k) => (k >= bad ? { ...b, minor: b.minor - off } : b));
          expect(reconcile({ ...figures, intermediate: fixed, closingMinor: closing - off })).toEqual({
            status: 'balanced',
          });
        },
      ),
    );
  });

  it('a segment that is off and a later one off by the opposite still fails where it first goes wrong', () => {
    const r = reconcile({
      openingMinor: 0,
      closingMinor: 100,
      amountsMinor: [100, 0],
      intermediate: [{ minor: 120, date: '2024-01-01', label: ':62M: on line 5', afterEntries: 1 }],
    });
    expect(r).toEqual({
      status: 'unbalanced',
      expectedClosingMinor: 100,
      differenceMinor: 20,
      segment: {
        index: 1,
        count: 2,
        from: 'the opening balance',
        to: ':62M: on line 5',
        startMinor: 0,
        endMinor: 120,
        entries: 1,
      },
    });
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
