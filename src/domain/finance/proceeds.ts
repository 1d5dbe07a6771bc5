/**
 * Proceeds estimate for confiscation and compensation, per victim, from what the statements show
 * and what the analyst assumed (proceedsModel.ts):
 * - wage kick-backs: transfers to the kick-back beneficiaries the findings name, and — when the
 *   cash assumption is entered — cash withdrawn within days after a wage;
 * - deductions: transfers to the collectors the findings name, plus cash charges per month housed
 *   (assumed: these have no statement line);
 * - recruitment fees: as recorded on the victim's Recruitment link;
 * - wages owed: hours × wage due − what the victim kept, when both are entered;
 * - sexual exploitation: the cash banked through funnel accounts, beside clients × price × days.
 * Each item says whether it was observed, recorded, assumed or modelled, and with what.
 */
import type { Sentence } from '../../shared/sentences.ts';
import { isoOfDay } from './dates.ts';
import type { Assumption, AssumptionName, ProceedsModel } from './proceedsModel.ts';
import { assumptionFor, currencyOfUnit } from './proceedsModel.ts';

export type ProceedsKind = 'wageKickback' | 'deduction' | 'recruitmentFee' | 'sexualServices' | 'wagesOwed';
export type Basis = 'observed' | 'recorded' | 'assumed' | 'modelled';

export interface ProceedsItem {
  kind: ProceedsKind;
  basis: Basis;
  amountMinor: number;
  currency: string;
  explanation: string;
  /** The explanation as sentences every platform language can say (shared/sentences.ts). */
  words: Sentence[];
  evidence: string[];
  assumptions: string[];
}

export interface LabourVictimInput {
  personId: string;
  accountIds: readonly string[];
  wages: readonly { day: number; amount: number; currency: string; ids: readonly string[] }[];
  /** Money out of the victim's accounts (amount positive). */
  debits: readonly { id: string; day: number; amount: number; currency: string; cp: string | null; cash: boolean }[];
  fees: readonly { linkId: string; amountMinor: number; currency: string }[];
  /**
   * The statutory monthly minimum wage of the wage payer's country (wageNorms.ts), with its source:
   * the floor for wages owed when the analyst entered no hours and hourly wage.
   */
  norm?: { name: string; monthlyMinor: number; currency: string; source: string } | undefined;
}

export interface FunnelInput {
  accountId: string;
  deposits: readonly { id: string; day: number; amount: number; currency: string }[];
}

export interface ProceedsInput {
  labour: readonly LabourVictimInput[];
  kickbackAccounts: ReadonlySet<string>;
  deductionAccounts: ReadonlySet<string>;
  funnels: readonly FunnelInput[];
  /** Victims of sexual exploitation known by id (for the per-victim model). */
  sexualVictims: readonly string[];
  /** Prices (major units) the captured ads ask, as observed. */
  adPrices: readonly number[];
  model: ProceedsModel;
}

export interface VictimEstimate {
  personId: string;
  items: ProceedsItem[];
  takenMinor: number;
  owedMinor: number | null;
  currency: string;
}

export interface ProceedsEstimate {
  assumptions: (Assumption & { used: boolean })[];
  /** Norms taken from sourced data (statutory minimum wages), each with its source. */
  norms: { name: string; monthlyMinor: number; currency: string; source: string }[];
  victims: VictimEstimate[];
  funnels: {
    accountId: string;
    depositsMinor: number;
    deposits: number;
    currency: string;
    first: string | null;
    last: string | null;
    evidence: string[];
  }[];
  sexual: {
    observedMinor: number;
    modelledMinor: number | null;
    basis: 'observed' | 'model';
    explanation: string;
    words: Sentence[];
  };
  totals: { currency: string; byKind: Record<ProceedsKind, number>; proceedsMinor: number; owedToVictimsMinor: number };
  notes: string[];
}

const minor = (major: number) => Math.round(major * 100);
const fmt = (m: number, c: string) =>
  `${c} ${(m / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** What the estimate says it left out; reports translate them by key (domain/prosecution/labels.ts). */
export const PROCEEDS_NOTES = {
  cashWindow:
    'Cash withdrawals after payday are not counted as kick-backs: enter the days after a wage in which cash withdrawn counts as handed back (from victims’ statements) to count them.',
  minimumWage:
    'Wages owed are counted from the statutory minimum wage of the payer’s country (sourced per victim): enter the hours worked per month and the hourly wage (e.g. the collective agreement’s) for the full figure.',
  noWage: 'Wages owed are not computed: enter the hours worked per month and the hourly wage.',
} as const;
export type ProceedsNote = keyof typeof PROCEEDS_NOTES;

export function estimateProceeds(input: ProceedsInput): ProceedsEstimate {
  const used = new Set<Assumption>();
  const take = (name: AssumptionName, subjects: readonly string[]) => {
    const a = assumptionFor(input.model, name, subjects);
    if (a) used.add(a);
    return a;
  };
  const notes: string[] = [];
  const victims = input.labour.map((v) => labourVictim(v, input, take));
  if (!input.model.assumptions.some((a) => a.name === 'cashKickbackWindowDays')) {
    notes.push(PROCEEDS_NOTES.cashWindow);
  }
  if (!input.model.assumptions.some((a) => a.name === 'hourlyWage'))
    notes.push(
      input.labour.some((v) => v.norm) ? PROCEEDS_NOTES.minimumWage : PROCEEDS_NOTES.noWage,
    );

  const funnels = input.funnels.map((f) => {
    const currency = f.deposits[0]?.currency ?? 'EUR';
    const same = f.deposits.filter((d) => d.currency === currency);
    const days = same.map((d) => d.day);
    return {
      accountId: f.accountId,
      currency,
      deposits: same.length,
      depositsMinor: same.reduce((a, d) => a + d.amount, 0),
      first: days.length ? isoOfDay(Math.min(...days)) : null,
      last: days.length ? isoOfDay(Math.max(...days)) : null,
      evidence: same.map((d) => d.id),
    };
  });
  const observed = funnels.reduce((a, f) => a + f.depositsMinor, 0);
  const modelled = sexualModel(input, take);
  const basis = input.model.sexualBasis === 'model' && modelled ? 'model' : 'observed';
  const sexual = {
    observedMinor: observed,
    modelledMinor: modelled?.amount ?? null,
    basis: basis as 'observed' | 'model',
    explanation:
      `Cash deposited into ${funnels.length} funnel account(s): ${fmt(observed, 'EUR')} (taken as earnings from sexual services, FATF/APG 2018). ` +
      (modelled
        ? `Model: ${modelled.text} = ${fmt(modelled.amount, modelled.currency)}. `
        : 'Model not computed: enter the clients per working day and the days worked (and the price per client, or capture ads with prices). ') +
      `The total uses the ${basis === 'model' ? 'model' : 'cash banked'}.`,
    words: [
      {
        key: 'proceeds.sexualBanked',
        vars: { funnels: { count: funnels.length, unit: 'funnelAccount' }, observed: { minor: observed, currency: 'EUR' } },
      },
      modelled ? modelled.words : { key: 'proceeds.modelMissing' },
      { key: basis === 'model' ? 'proceeds.totalUsesModel' : 'proceeds.totalUsesCash' },
    ],
  };

  const currency = 'EUR';
  const byKind: Record<ProceedsKind, number> = {
    wageKickback: 0,
    deduction: 0,
    recruitmentFee: 0,
    sexualServices: 0,
    wagesOwed: 0,
  };
  for (const v of victims) for (const i of v.items) if (i.currency === currency) byKind[i.kind] += i.amountMinor;
  byKind.sexualServices = basis === 'model' && modelled ? modelled.amount : observed;
  const proceedsMinor = byKind.wageKickback + byKind.deduction + byKind.recruitmentFee + byKind.sexualServices;
  const owedToVictimsMinor = victims.reduce((a, v) => a + (v.owedMinor ?? v.takenMinor), 0);
  return {
    assumptions: input.model.assumptions.map((a) => ({ ...a, used: used.has(a) })),
    norms: [
      ...new Map(
        victims
          .filter((v) => v.items.some((i) => i.kind === 'wagesOwed' && !i.assumptions.includes('hourlyWage')))
          .flatMap((v) => {
            const n = input.labour.find((l) => l.personId === v.personId)?.norm;
            return n ? [[n.name, n] as const] : [];
          }),
      ).values(),
    ],
    victims,
    funnels,
    sexual,
    totals: { currency, byKind, proceedsMinor, owedToVictimsMinor },
    notes,
  };
}

type Take = (name: AssumptionName, subjects: readonly string[]) => Assumption | undefined;

function labourVictim(v: LabourVictimInput, input: ProceedsInput, take: Take): VictimEstimate {
  const subjects = [v.personId, ...v.accountIds];
  const currency = v.wages[0]?.currency ?? v.debits[0]?.currency ?? 'EUR';
  const items: ProceedsItem[] = [];
  const item = (
    kind: ProceedsKind,
    basis: Basis,
    lines: { id: string; amount: number }[],
    explanation: string,
    words: Sentence,
    assumptions: string[] = [],
  ) => {
    const amountMinor = lines.reduce((a, l) => a + l.amount, 0);
    if (amountMinor > 0)
      items.push({
        kind,
        basis,
        amountMinor,
        currency,
        explanation,
        words: [words],
        evidence: lines.map((l) => l.id),
        assumptions,
      });
  };
  const debits = v.debits.filter((d) => d.currency === currency);
  const kick = debits.filter((d) => d.cp && input.kickbackAccounts.has(d.cp));
  item(
    'wageKickback',
    'observed',
    kick,
    `${kick.length} transfer(s) to the account(s) the wage kick-back findings name`,
    { key: 'proceeds.kickTransfers', vars: { transfers: { count: kick.length, unit: 'transfer' } } },
  );
  const window = take('cashKickbackWindowDays', subjects);
  if (window) {
    const wageDays = v.wages.filter((w) => w.currency === currency).map((w) => w.day);
    const cash = debits.filter((d) => d.cash && wageDays.some((w) => d.day >= w && d.day <= w + window.value));
    item(
      'wageKickback',
      'assumed',
      cash,
      `${cash.length} cash withdrawal(s) within ${window.value} day(s) after a wage, taken as handed back`,
      {
        key: 'proceeds.kickCash',
        vars: {
          withdrawals: { count: cash.length, unit: 'cashWithdrawal' },
          window: { count: window.value, unit: 'day' },
        },
      },
      [window.name],
    );
  }
  const housing = debits.filter((d) => d.cp && input.deductionAccounts.has(d.cp) && !input.kickbackAccounts.has(d.cp));
  item('deduction', 'observed', housing, `${housing.length} payment(s) to the account(s) the deduction findings name`, {
    key: 'proceeds.deductions',
    vars: { payments: { count: housing.length, unit: 'payment' } },
  });
  const months = housing.length || v.wages.length;
  for (const name of ['transportDeductionPerMonth', 'otherDeductionPerMonth'] as const) {
    const a = take(name, subjects);
    if (!a || currencyOfUnit(a.unit) !== currency) continue;
    item(
      'deduction',
      'assumed',
      [{ id: '', amount: months * minor(a.value) }],
      `${months} month(s) × ${fmt(minor(a.value), currency)} (${name}), counted from ${housing.length ? 'the housing deductions paid' : 'the wages paid'}`,
      {
        key: housing.length ? `proceeds.${name}FromDeductions` : `proceeds.${name}FromWages`,
        vars: { months: { count: months, unit: 'month' }, amount: { minor: minor(a.value), currency } },
      },
      [name],
    );
  }
  for (const f of v.fees.filter((x) => x.currency === currency)) {
    items.push({
      kind: 'recruitmentFee',
      basis: 'recorded',
      amountMinor: f.amountMinor,
      currency,
      explanation: 'Recruitment fee as recorded on the recruitment link',
      words: [{ key: 'proceeds.fee' }],
      evidence: [f.linkId],
      assumptions: [],
    });
  }
  for (const i of items) i.evidence = i.evidence.filter(Boolean);
  const takenMinor = items.reduce((a, i) => a + i.amountMinor, 0);
  let owedMinor: number | null = null;
  const hours = take('hoursPerMonth', subjects);
  const wage = take('hourlyWage', subjects);
  if (hours && wage && currencyOfUnit(wage.unit) === currency) {
    const paid = v.wages.filter((w) => w.currency === currency);
    const paidMinor = paid.reduce((a, w) => a + w.amount, 0);
    const due = Math.round(paid.length * hours.value * minor(wage.value));
    owedMinor = Math.max(0, due - (paidMinor - takenMinor));
    items.push({
      kind: 'wagesOwed',
      basis: 'modelled',
      amountMinor: owedMinor,
      currency,
      evidence: paid.flatMap((w) => [...w.ids]),
      assumptions: [hours.name, wage.name],
      explanation: `${paid.length} month(s) × ${hours.value} h × ${fmt(minor(wage.value), currency)}/h due = ${fmt(due, currency)}; paid ${fmt(paidMinor, currency)}, of which ${fmt(takenMinor, currency)} taken back; owed ${fmt(owedMinor, currency)}`,
      words: [
        {
          key: 'proceeds.owedEntered',
          vars: {
            months: { count: paid.length, unit: 'month' },
            hours: hours.value,
            wage: { minor: minor(wage.value), currency },
            ...sums(due, paidMinor, takenMinor, owedMinor, currency),
          },
        },
      ],
    });
  } else if (v.norm && v.norm.currency === currency) {
    // No hours or wage entered: the statutory minimum of the payer's country, as sourced, is the floor.
    const paid = v.wages.filter((w) => w.currency === currency);
    const paidMinor = paid.reduce((a, w) => a + w.amount, 0);
    const due = paid.length * v.norm.monthlyMinor;
    owedMinor = Math.max(0, due - (paidMinor - takenMinor));
    items.push({
      kind: 'wagesOwed',
      basis: 'modelled',
      amountMinor: owedMinor,
      currency,
      evidence: paid.flatMap((w) => [...w.ids]),
      assumptions: [v.norm.name],
      explanation: `${paid.length} month(s) × ${fmt(v.norm.monthlyMinor, currency)} statutory minimum (${v.norm.source}) = ${fmt(due, currency)}; paid ${fmt(paidMinor, currency)}, of which ${fmt(takenMinor, currency)} taken back; at least ${fmt(owedMinor, currency)} owed`,
      words: [
        {
          key: 'proceeds.owedMinimum',
          vars: {
            months: { count: paid.length, unit: 'month' },
            minimum: { minor: v.norm.monthlyMinor, currency },
            source: v.norm.source,
            ...sums(due, paidMinor, takenMinor, owedMinor, currency),
          },
        },
      ],
    });
  }
  return { personId: v.personId, items, takenMinor, owedMinor, currency };
}

/** The four sums of a wages-owed sentence. */
const sums = (due: number, paid: number, taken: number, owed: number, currency: string) => ({
  due: { minor: due, currency },
  paid: { minor: paid, currency },
  taken: { minor: taken, currency },
  owed: { minor: owed, currency },
});

function sexualModel(
  input: ProceedsInput,
  take: Take,
): { amount: number; currency: string; text: string; words: Sentence } | null {
  const clients = take('clientsPerDay', input.sexualVictims);
  const days = take('daysWorked', input.sexualVictims);
  if (!clients || !days) return null;
  const priceA = take('pricePerClient', input.sexualVictims);
  const prices = [...input.adPrices].sort((a, b) => a - b);
  const median = prices.length ? (prices[Math.floor((prices.length - 1) / 2)] ?? 0) : null;
  const price = priceA?.value ?? median;
  if (price === null) return null;
  const personsA = take('persons', input.sexualVictims);
  const persons = input.sexualVictims.length || personsA?.value || 1;
  const currency = priceA ? currencyOfUnit(priceA.unit) : 'EUR';
  const amount = Math.round(persons * clients.value * days.value * minor(price));
  const priceText = priceA
    ? `${fmt(minor(price), currency)} (entered)`
    : `${fmt(minor(price), currency)} (median price of ${prices.length} captured ads)`;
  return {
    amount,
    currency,
    text: `${persons} person(s) × ${clients.value} clients/day × ${days.value} days × ${priceText}`,
    words: {
      key: priceA ? 'proceeds.modelEntered' : 'proceeds.modelMedian',
      vars: {
        persons: { count: persons, unit: 'person' },
        clients: clients.value,
        days: { count: days.value, unit: 'day' },
        price: { minor: minor(price), currency },
        ads: { count: prices.length, unit: 'ad' },
        amount: { minor: amount, currency },
      },
    },
  };
}
