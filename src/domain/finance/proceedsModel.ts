/**
 * The proceeds model as data: every assumption an analyst enters — a name, a value, its unit and
 * where it comes from (a victim's statement, a collective agreement, an ad) — and which victims
 * and accounts it covers. The estimate prints all of them with the result, so a court can follow
 * each figure back to what it rests on.
 */
import { z } from 'zod';

const Id = z.string().min(1).max(200);

export const ASSUMPTIONS = {
  cashKickbackWindowDays: { unit: 'days', meaning: 'Cash a victim withdrew within this many days after a wage counts as handed back (a kick-back)' },
  transportDeductionPerMonth: { unit: 'EUR/month', meaning: 'Transport charged in cash per month housed (months counted from the housing deductions paid)' },
  otherDeductionPerMonth: { unit: 'EUR/month', meaning: 'Other charges taken in cash per month housed (food, tools, fines)' },
  hoursPerMonth: { unit: 'h/month', meaning: 'Hours actually worked per month paid' },
  hourlyWage: { unit: 'EUR/h', meaning: 'Statutory or collective-agreement hourly wage due' },
  clientsPerDay: { unit: 'clients/day', meaning: 'Clients per working day (sexual exploitation)' },
  pricePerClient: { unit: 'EUR', meaning: 'Price per client (the ads’ price when not entered)' },
  daysWorked: { unit: 'days', meaning: 'Days worked per victim in the period' },
  persons: { unit: 'persons', meaning: 'Women exploited, when not named one by one' },
} as const;
export type AssumptionName = keyof typeof ASSUMPTIONS;

export const Assumption = z.strictObject({
  name: z.string().trim().min(1).max(100).describe(`One of ${Object.keys(ASSUMPTIONS).join(', ')}; other names are kept and printed but not computed with`),
  value: z.number().finite().min(0),
  unit: z.string().trim().min(1).max(50).describe('E.g. EUR/month, days, h/month; money units start with the currency code'),
  source: z.string().trim().min(1, 'say where the assumption comes from').max(2000),
  /** Victims (person ids) or accounts it applies to; absent: all. */
  appliesTo: z.array(Id).max(10_000).optional(),
  note: z.string().max(2000).optional(),
});
export type Assumption = z.infer<typeof Assumption>;

const Choice = z.strictObject({ include: z.array(Id).max(10_000).default([]), exclude: z.array(Id).max(10_000).default([]) });

export const ProceedsModel = z.strictObject({
  assumptions: z.array(Assumption).max(1000).default([]),
  /** Victims (person ids) beyond those the findings show, and ones to leave out. */
  victims: Choice.default({ include: [], exclude: [] }),
  /** Funnel accounts beyond the funnel-account findings, and ones to leave out. */
  funnelAccounts: Choice.default({ include: [], exclude: [] }),
  /** What the sexual-exploitation total rests on: cash banked (observed) or clients × price × days. */
  sexualBasis: z.enum(['observed', 'model']).default('observed'),
});
export type ProceedsModel = z.output<typeof ProceedsModel>;
export type ProceedsModelInput = z.input<typeof ProceedsModel>;

/** The currency of a money unit (`EUR/month` → EUR), EUR when the unit names none. */
export const currencyOfUnit = (unit: string): string => /^[A-Z]{3}\b/.exec(unit.trim())?.[0] ?? 'EUR';

/**
 * The assumption of that name that applies to any of `subjects` (a victim and their accounts):
 * one naming the subject wins over a general one.
 */
export function assumptionFor(model: ProceedsModel, name: AssumptionName, subjects: readonly string[]): Assumption | undefined {
  const named = model.assumptions.filter((a) => a.name === name);
  return named.find((a) => a.appliesTo?.some((s) => subjects.includes(s))) ?? named.find((a) => !a.appliesTo?.length);
}
