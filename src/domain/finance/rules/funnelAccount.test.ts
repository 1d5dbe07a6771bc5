import { describe, expect, it } from 'vitest';
import { context, histories, line, transfer } from '../histories.testing.ts';
import { fifoOutflow, funnelAccount, maxPlacesInWindow } from './funnelAccount.ts';

const deposit = (day: number, euros: number, place: string) =>
  line('f', day, euros, { kind: 'cash-deposit', text: 'Cash deposit', place });

describe('funnelAccount', () => {
  it('flags cash deposited in several towns and swept out within days', () => {
    const towns = ['Helsinki', 'Tampere', 'Turku', 'Oulu'];
    const lines = [0, 1, 2, 3].flatMap((w) => [
      deposit(w * 7, 1200, towns[w] ?? ''),
      deposit(w * 7 + 1, 800, towns[(w + 1) % 4] ?? ''),
      ...transfer('f', 'boss', w * 7 + 3, 1900, 'loan'),
    ]);
    const [f] = funnelAccount.run({ context: context(), histories: histories(lines) });
    expect(f?.subjectId).toBe('f');
    expect(f?.explanation).toMatch(
      /8 cash deposits \(EUR 8,000.00\) were made in 4 different places.*95% of the money left/,
    );
    expect(f?.evidence).toHaveLength(12);
    // The account that took the money is named beside the funnel.
    expect(f?.accountIds).toEqual(['f', 'boss']);
    expect(f?.explanation).toMatch(/100% of it to one account/);
  });

  it('leaves out a trading business that banks its takings in several towns and pays its taxes', () => {
    const towns = ['Helsinki', 'Tampere', 'Turku', 'Oulu'];
    const takings = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].flatMap((w) => [
      deposit(w * 7, 900, towns[w % 4] ?? ''),
      deposit(w * 7 + 2, 700, towns[(w + 1) % 4] ?? ''),
      ...transfer('f', 'wholesaler', w * 7 + 5, 1500, 'Invoice'),
    ]);
    const taxes = [0, 1, 2].map((m) => line('f', m * 30 + 12, -400, { cpName: 'Verohallinto', text: 'tax' }));
    expect(funnelAccount.run({ context: context(), histories: histories(takings) })).toHaveLength(1);
    expect(funnelAccount.run({ context: context(), histories: histories([...takings, ...taxes]) })).toEqual([]);
  });

  it('does not flag cash deposited in one town, or kept', () => {
    const home = [0, 1, 2, 3, 4].flatMap((w) => [
      deposit(w * 7, 1000, 'Tallinn'),
      ...transfer('f', 'boss', w * 7 + 2, 950, 'x'),
    ]);
    expect(funnelAccount.run({ context: context(), histories: histories(home) })).toEqual([]);
    const kept = ['Helsinki', 'Tampere', 'Turku', 'Oulu'].map((t, i) => deposit(i * 3, 1000, t));
    expect(funnelAccount.run({ context: context(), histories: histories(kept) })).toEqual([]);
  });

  it('counts places within a sliding window and matches outflows first in, first out', () => {
    const places = [
      { day: 0, place: 'a' },
      { day: 10, place: 'b' },
      { day: 40, place: 'c' },
      { day: 45, place: 'd' },
    ];
    expect(maxPlacesInWindow(places, 31)).toBe(2);
    expect(maxPlacesInWindow(places, 41)).toBe(3);
    const credits = [line('x', 0, 100), line('x', 5, 100)];
    const debits = [line('x', 2, -150), line('x', 20, -50)];
    // The debit on day 2 can only use the credit of day 0; the one on day 20 finds both too old.
    expect(fifoOutflow(credits, debits, 7).matched).toBe(10_000);
  });
});
