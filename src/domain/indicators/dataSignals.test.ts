import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOf } from '../finance/dates.ts';
import { countryOfIban, wageNormOn, WAGE_NORMS } from '../finance/wageNorms.ts';
import { DELPHI_2009 } from './delphi2009.ts';
import { moneySignals, SIGNAL_INDICATORS } from './dataSignals.ts';
import { delphiItemsOf } from './observations.ts';

describe('data signals → indicators', () => {
  it('each signal’s fixed text picks the Delphi item it names, on the adult labour list', () => {
    const list = DELPHI_2009.lists.find((l) => l.population === 'adult' && l.exploitation === 'labour');
    if (!list) throw new Error('no adult labour list');
    for (const [signal, inds] of Object.entries(SIGNAL_INDICATORS))
      for (const ind of inds) {
        const items = delphiItemsOf(list, [{ id: 'o', ...ind }]);
        expect([...items.keys()], `${signal} ${ind.code}`).toEqual([ind.item]);
        expect(ind.source).toMatch(/ILO/);
      }
  });

  it('finds kick-backs, deductions and a wage kept below the payer country’s minimum, citing the lines', () => {
    const d = (iso: string) => dayOf(iso);
    const hits = moneySignals({
      personId: 'p1',
      accountIds: ['a1'],
      wages: ['2024-03-07', '2024-04-07'].map((iso, i) => ({
        day: d(iso),
        amount: 150_000,
        currency: 'EUR',
        ids: [`w${i}`],
        payerIban: 'EE382200221020145685',
      })),
      handedBack: [
        { id: 'k0', day: d('2024-03-08'), amount: 60_000, kind: 'kickback', findingId: 'f1' },
        { id: 'r0', day: d('2024-03-10'), amount: 20_000, kind: 'deduction', findingId: 'f2' },
        { id: 'k1', day: d('2024-04-08'), amount: 30_000, kind: 'kickback', findingId: 'f1' },
      ],
    });
    expect(hits.map((h) => h.signal)).toEqual(['wageKickback', 'wageDeduction', 'keptBelowMinimum']);
    const low = hits[2];
    // March: 1,500 − 600 − 200 = 700 < EE 2024 minimum 820; April: 1,200 kept, above it.
    expect(low?.transactionIds).toEqual(['w0', 'k0', 'r0']);
    expect(low?.norm).toMatchObject({ country: 'EE', year: 2024, monthlyMinor: 82_000 });
    expect(low?.detail).toContain('riigiteataja.ee');
    expect(hits[0]?.transactionIds).toEqual(['k0', 'k1']);
  });

  it('compares nothing where the law sets no minimum (Finland: collective agreements)', () => {
    const hits = moneySignals({
      personId: 'p1',
      accountIds: ['a1'],
      wages: [
        { day: dayOf('2023-05-07'), amount: 90_000, currency: 'EUR', ids: ['w'], payerIban: 'FI2112345600000785' },
      ],
      handedBack: [{ id: 'k', day: dayOf('2023-05-08'), amount: 60_000, kind: 'kickback', findingId: 'f' }],
    });
    expect(hits.map((h) => h.signal)).toEqual(['wageKickback']);
    expect(wageNormOn('fi', '2023-05-07')).toMatchObject({ monthlyMinor: null });
    expect(wageNormOn('fi', '2023-05-07')?.source).toMatch(/collective/);
  });
});

describe('wage norms', () => {
  it('every norm names its source, and the figures rise year by year', () => {
    for (const n of WAGE_NORMS) expect(n.source.length).toBeGreaterThan(20);
    for (const c of ['EE', 'LV']) {
      const years = WAGE_NORMS.filter((n) => n.country === c).map((n) => n.monthlyMinor ?? 0);
      expect(years).toEqual([...years].sort((a, b) => a - b));
    }
    expect(wageNormOn('LV', '2023-12-31')?.monthlyMinor).toBe(62_000);
    expect(wageNormOn('EE', '2019-01-01')).toBeUndefined();
  });

  it('reads the country of an IBAN whatever its spacing and case, and nothing else', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('FI', 'EE', 'LV', 'PL'),
        fc.stringMatching(/^[0-9]{14,24}$/),
        fc.boolean(),
        (c, digits, spaced) => {
          const raw = `${c}00${digits}`;
          const text = spaced ? raw.replace(/(.{4})/g, '$1 ').toLowerCase() : raw;
          expect(countryOfIban(text)).toBe(c);
        },
      ),
    );
    expect(countryOfIban('123456789')).toBeNull();
    expect(countryOfIban('')).toBeNull();
  });
});
