/**
 * The generator's honesty: every signal a detector uses is carried by innocent people, accounts,
 * firms and ads too, at a stated rate — measured from the generated data, not read from the truth
 * (the truth only says who is innocent). If a change to the generator makes a signal exclusive to
 * the planted crimes again, this fails.
 */
import { describe, expect, it } from 'vitest';
import { CONFOUNDER_KINDS, type ConfounderKind } from './groundTruth.ts';
import { RATES, LOOKALIKES_PER_CELL } from './rates.ts';
import { generateScenario, type Scenario } from './scenario.ts';
import { cellOf } from './scenarioChecks.ts';
import { accountSignals, adsSharingPhotos, companySignals, personSignals, populations, rate } from './signals.ts';

interface Measure {
  signal: string;
  population: string;
  ids: (pop: ReturnType<typeof populations>) => Iterable<string>;
  has: (s: Signals) => (id: string) => boolean | null | undefined;
  /** Rate among innocent entities must lie in [lo, hi]. */
  band: readonly [number, number];
  why: string;
}

interface Signals {
  accounts: ReturnType<typeof accountSignals>;
  persons: ReturnType<typeof personSignals>;
  companies: ReturnType<typeof companySignals>;
  sharedPhotos: Set<string>;
}

const MEASURES: readonly Measure[] = [
  {
    signal: 'cash deposits in 3+ places within 31 days',
    population: 'accounts',
    ids: (p) => p.accounts.innocent,
    has: (s) => (id) => s.accounts.get(id)?.cashDepositsSeveralPlaces ?? false,
    band: [0.01, 0.12],
    why: 'market traders and cafés (5 a cell), a resident depositing away from home now and then',
  },
  {
    signal: '30%+ of a wage out in cash within a day, twice',
    population: 'accounts',
    ids: (p) => p.accounts.innocent,
    has: (s) => (id) => s.accounts.get(id)?.cashSoonAfterWages ?? false,
    band: [0.01, 0.15],
    why: `cleaners paid by one firm (5 a cell) and ${RATES.cashWageWithdrawal * 100}% of background wage earners`,
  },
  {
    signal: 'any cash line',
    population: 'background accounts',
    ids: (p) => p.accounts.background,
    has: (s) => (id) => s.accounts.get(id)?.anyCash ?? false,
    band: [0.5, 1],
    why: `ATM use ${RATES.cashWithdrawalMonthly * 100}% a month, deposits ${RATES.cashDepositMonthly * 100}% a month`,
  },
  {
    signal: 'a cash deposit',
    population: 'background accounts',
    ids: (p) => p.accounts.background,
    has: (s) => (id) => s.accounts.get(id)?.cashDeposit ?? false,
    band: [0.15, 0.65],
    why: `deposits ${RATES.cashDepositMonthly * 100}% a month over 12 months`,
  },
  {
    signal: 'median wage below the norm',
    population: 'wage-earning accounts',
    ids: (p) => p.accounts.innocent,
    has: (s) => (id) => s.accounts.get(id)?.belowNormWage,
    band: [0.05, 0.5],
    why: `apprentices and part-timers (${RATES.belowNormWage * 100}% of background), warehouse and cleaning pay`,
  },
  {
    signal: 'money sent home through a transfer service',
    population: 'accounts',
    ids: (p) => p.accounts.innocent,
    has: (s) => (id) => s.accounts.get(id)?.remittances ?? false,
    band: [0.02, 0.2],
    why: `labour migrants (5 a cell) and ${RATES.remittanceHome * 100}% of foreign background residents`,
  },
  {
    signal: 'phone shared with another person',
    population: 'persons',
    ids: (p) => p.persons.innocent,
    has: (s) => (id) => s.persons.get(id)?.sharedPhone,
    band: [0.02, 0.2],
    why: 'five families a cell sharing one number',
  },
  {
    signal: 'address shared with another person',
    population: 'persons',
    ids: (p) => p.persons.innocent,
    has: (s) => (id) => s.persons.get(id)?.sharedAddress,
    band: [0.15, 0.7],
    why: 'families, flatmates, tenants of one landlord, couples, posted workers in one flat',
  },
  {
    signal: 'no birth date',
    population: 'persons',
    ids: (p) => p.persons.innocent,
    has: (s) => (id) => s.persons.get(id)?.missingBirthDate,
    band: [RATES.missingBirthDate * 0.3, RATES.missingBirthDate * 2],
    why: `${RATES.missingBirthDate * 100}% of background and look-alike persons`,
  },
  {
    signal: 'dissolution date',
    population: 'companies',
    ids: (p) => p.companies.innocent,
    has: (s) => (id) => s.companies.get(id)?.dissolved,
    band: [0.05, 0.5],
    why: 'firms wound up voluntarily (5 a cell) and firms whose business was sold (5 a cell)',
  },
  {
    signal: 'in a Succession link',
    population: 'companies',
    ids: (p) => p.companies.innocent,
    has: (s) => (id) => s.companies.get(id)?.succession,
    band: [0.05, 0.5],
    why: 'business transfers to established firms (5 a cell, both sides)',
  },
  {
    signal: 'near-identical photo to another ad',
    population: 'ads',
    ids: (p) => p.ads.innocent,
    has: (s) => (id) => s.sharedPhotos.has(id),
    band: [0.3, 1],
    why: 'independent advertisers choosing from two stock photos a cell',
  },
];

function measure(s: Scenario) {
  const pop = populations(s.groundTruth, s.entities);
  const signals: Signals = {
    accounts: accountSignals(s.transactions),
    persons: personSignals(s.entities, new Set([...pop.persons.innocent, ...pop.persons.planted])),
    companies: companySignals(s.entities),
    sharedPhotos: adsSharingPhotos(s.captures),
  };
  return MEASURES.map((m) => {
    const innocent = rate(m.ids(pop), m.has(signals));
    const plantedIds =
      m.population === 'persons'
        ? pop.persons.planted
        : m.population === 'companies'
          ? pop.companies.planted
          : m.population === 'ads'
            ? pop.ads.planted
            : pop.accounts.planted;
    return { m, innocent, planted: rate(plantedIds, m.has(signals)) };
  });
}

const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;

describe.each([
  [20_251, 4],
  [77, 3],
])('honesty of the generated signals (seed %i, scale %i)', (seed, scale) => {
  const s = generateScenario({ seed, scale });
  const rows = measure(s);

  it('prints the rates', () => {
    const lines = rows.map(
      ({ m, innocent, planted }) =>
        `${m.signal.padEnd(46)} innocent ${pct(innocent.rate)} of ${String(innocent.n).padStart(4)} ${m.population.padEnd(22)}` +
        ` planted ${pct(planted.rate)}  band ${pct(m.band[0])}–${pct(m.band[1])}`,
    );
    console.log(`seed ${seed}, scale ${scale}\n${lines.join('\n')}`);
    expect(rows.length).toBe(MEASURES.length);
  });

  it.each(MEASURES.map((m, i) => [m.signal, i] as const))('innocent entities carry "%s" at a stated rate', (_s, i) => {
    const row = rows[i];
    if (!row) throw new Error('no row');
    expect(row.innocent.n, row.m.population).toBeGreaterThan(0);
    expect(row.innocent.rate, row.m.why).toBeGreaterThan(0);
    expect(row.innocent.rate, row.m.why).toBeGreaterThanOrEqual(row.m.band[0]);
    expect(row.innocent.rate, row.m.why).toBeLessThanOrEqual(row.m.band[1]);
  });

  it(`plants at least ${LOOKALIKES_PER_CELL} of each look-alike confounder in every cell`, () => {
    const perCell = new Map<string, number>();
    for (const c of s.groundTruth.confounders)
      for (const id of c.kind === 'nonVictimWithIndicators' ? c.entityIds : [c.entityIds[0] ?? '']) {
        const key = `${cellOf(id)}:${c.kind}`;
        perCell.set(key, (perCell.get(key) ?? 0) + 1);
      }
    const lookalikes: ConfounderKind[] = CONFOUNDER_KINDS.filter(
      (k) => !['legitimateFlatmates', 'legitimateStaffingAgency', 'honestRoundSalaries'].includes(k),
    );
    for (let cell = 0; cell < scale; cell++)
      for (const kind of lookalikes)
        expect(perCell.get(`${cell}:${kind}`) ?? 0, `${kind} in cell ${cell}`).toBeGreaterThanOrEqual(
          kind === 'nonVictimWithIndicators' ? 2 : LOOKALIKES_PER_CELL,
        );
    const variants = s.groundTruth.duplicates.filter((d) => d.variant === 'fuzzyWeak' || d.variant === 'crossScript');
    expect(variants.length).toBe(2 * LOOKALIKES_PER_CELL * scale);
  });
});
