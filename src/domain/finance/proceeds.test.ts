import { describe, expect, it } from 'vitest';
import { estimateProceeds, PROCEEDS_NOTES } from './proceeds.ts';
import type { LabourVictimInput } from './proceeds.ts';
import { ProceedsModel } from './proceedsModel.ts';

const victim: LabourVictimInput = {
  personId: 'v1',
  accountIds: ['a1'],
  wages: [0, 30, 60].map((day) => ({ day, amount: 200_000, currency: 'EUR', ids: [`w${day}`] })),
  debits: [0, 30, 60].flatMap((day) => [
    { id: `k${day}`, day: day + 1, amount: 80_000, currency: 'EUR', cp: 'boss', cash: false },
    { id: `r${day}`, day: day + 3, amount: 40_000, currency: 'EUR', cp: 'foreman', cash: false },
    { id: `c${day}`, day: day + 2, amount: 10_000, currency: 'EUR', cp: null, cash: true },
    { id: `s${day}`, day: day + 9, amount: 5_000, currency: 'EUR', cp: null, cash: true },
  ]),
  fees: [{ linkId: 'rec1', amountMinor: 50_000, currency: 'EUR' }],
};

const base = {
  labour: [victim],
  kickbackAccounts: new Set(['boss']),
  deductionAccounts: new Set(['foreman']),
  funnels: [],
  sexualVictims: [],
  adPrices: [],
};

describe('proceeds estimate', () => {
  it('counts observed kick-backs and deductions and the recorded fee, and says what it did not compute', () => {
    const e = estimateProceeds({ ...base, model: ProceedsModel.parse({}) });
    expect(e.victims[0]?.takenMinor).toBe(3 * 80_000 + 3 * 40_000 + 50_000);
    expect(e.totals.byKind).toMatchObject({ wageKickback: 240_000, deduction: 120_000, recruitmentFee: 50_000 });
    expect(e.notes.join(' ')).toMatch(/days after a wage in which cash withdrawn counts as handed back/);
    // Plain words for the reader: no parameter names (camelCase identifiers) in notes or explanations.
    const said = [...e.notes, e.sexual.explanation].join(' ');
    expect(said.match(/\b[a-z]+[A-Z]\w*/g) ?? []).toEqual([]);
  });

  it('applies entered assumptions, each printed with its source and whether it was used', () => {
    const model = ProceedsModel.parse({
      assumptions: [
        { name: 'cashKickbackWindowDays', value: 3, unit: 'days', source: 'statement of V1' },
        {
          name: 'transportDeductionPerMonth',
          value: 100,
          unit: 'EUR/month',
          source: 'statement of V1',
          appliesTo: ['v1'],
        },
        { name: 'transportDeductionPerMonth', value: 999, unit: 'EUR/month', source: 'general guess' },
        { name: 'hoursPerMonth', value: 250, unit: 'h/month', source: 'statement of V1' },
        { name: 'hourlyWage', value: 12, unit: 'EUR/h', source: 'collective agreement' },
      ],
    });
    const e = estimateProceeds({ ...base, model });
    const v = e.victims[0];
    // Cash within 3 days of a wage only (not the withdrawals on day 9).
    expect(v?.items.filter((i) => i.basis === 'assumed').map((i) => i.amountMinor)).toEqual([30_000, 30_000]);
    expect(v?.takenMinor).toBe(240_000 + 30_000 + 120_000 + 30_000 + 50_000);
    // 3 × 250 h × EUR 12 = 9,000 due; kept 6,000 − 4,700 = 1,300; owed 7,700.
    expect(v?.owedMinor).toBe(900_000 - (600_000 - 470_000));
    expect(e.assumptions.map((a) => a.used)).toEqual([true, true, false, true, true]);
  });

  it('estimates sexual exploitation from cash banked and from clients × price × days', () => {
    const model = ProceedsModel.parse({
      assumptions: [
        { name: 'clientsPerDay', value: 3, unit: 'clients/day', source: 'statement', appliesTo: ['s1', 's2'] },
        { name: 'daysWorked', value: 100, unit: 'days', source: 'ads' },
      ],
      sexualBasis: 'model',
    });
    const funnels = [
      {
        accountId: 'f',
        deposits: [
          { id: 'd1', day: 1, amount: 150_000, currency: 'EUR' },
          { id: 'd2', day: 8, amount: 90_000, currency: 'EUR' },
        ],
      },
    ];
    const e = estimateProceeds({
      ...base,
      labour: [],
      funnels,
      sexualVictims: ['s1', 's2'],
      adPrices: [100, 150, 120],
      model,
    });
    expect(e.sexual.observedMinor).toBe(240_000);
    expect(e.sexual.modelledMinor).toBe(2 * 3 * 100 * 12_000);
    expect(e.totals.byKind.sexualServices).toBe(7_200_000);
    expect(e.sexual.explanation).toMatch(/median price of 3 captured ads/);
  });
});

describe('the estimate in every language', () => {
  it('has the notes, word for word, where the workspace finds their translations', async () => {
    const { readFileSync } = await import('node:fs');
    const en = JSON.parse(readFileSync(new URL('../../web/i18n/en.json', import.meta.url), 'utf8')) as {
      finance: { proceeds: { notes: Record<string, string> } };
    };
    expect(en.finance.proceeds.notes).toEqual({ ...PROCEEDS_NOTES });
  });
});
