/**
 * The red-flag rules, and running a chosen set of them in one pass: every account's history is
 * shown to every rule's scanner, then each reports. Adding a rule = one module in this folder
 * and one line in `RULES`.
 */
import { z } from 'zod';
import { errors } from '../../../shared/errors.ts';
import type { AccountHistory, FinanceContext, Finding } from '../types.ts';
import { adSitePayments } from './adSitePayments.ts';
import { funnelAccount } from './funnelAccount.ts';
import { housingDeductions } from './housingDeductions.ts';
import { identicalRoundSalaries } from './identicalRoundSalaries.ts';
import { payrollWithoutTax } from './payrollWithoutTax.ts';
import { rapidPassThrough } from './rapidPassThrough.ts';
import { recruitmentFees } from './recruitmentFees.ts';
import type { RuleInfo, Scanner } from './rule.ts';
import { sharedContacts } from './sharedContacts.ts';
import { structuring } from './structuring.ts';
import { wageKickback } from './wageKickback.ts';

export type { RuleInfo, RuleInput, Scanner } from './rule.ts';

export const RULES: readonly RuleInfo[] = [
  wageKickback,
  sharedContacts,
  funnelAccount,
  adSitePayments,
  structuring,
  rapidPassThrough,
  payrollWithoutTax,
  identicalRoundSalaries,
  housingDeductions,
  recruitmentFees,
];

export const ruleIds = (): string[] => RULES.map((r) => r.id);

export function ruleById(id: string): RuleInfo | undefined {
  return RULES.find((r) => r.id === id);
}

/** A rule as the API lists it: what it is, where it comes from, its parameters and their defaults. */
export function describeRule(r: RuleInfo): {
  id: string;
  title: string;
  source: string;
  description: string;
  defaults: object;
  parameters: unknown;
} {
  return {
    id: r.id,
    title: r.title,
    source: r.source,
    description: r.description,
    defaults: r.parameters.parse({}),
    parameters: z.toJSONSchema(r.parameters, { io: 'input' }),
  };
}

export interface RuleSelection {
  /** Rule ids to run; all when absent. */
  rules?: readonly string[] | undefined;
  /** Parameters per rule id; defaults fill in what is not given. */
  parameters?: Readonly<Record<string, unknown>> | undefined;
}

export interface RuleRun {
  /** The rules with the parameters they run with (defaults filled in). */
  rules: { id: string; parameters: object }[];
  account(history: AccountHistory): void;
  finish(): Finding[];
}

/** Checks the selection (unknown rules and bad parameters name their path) and starts the scanners. */
export function startRules(context: FinanceContext, selection: RuleSelection = {}): RuleRun {
  const ids = selection.rules ?? ruleIds();
  for (const [i, id] of ids.entries())
    if (!ruleById(id)) throw errors.validation(`Unknown rule "${id}"; known: ${ruleIds().join(', ')}`, `rules[${i}]`);
  for (const id of Object.keys(selection.parameters ?? {}))
    if (!ruleById(id)) throw errors.validation(`Unknown rule "${id}"`, `parameters.${id}`);
  const chosen = RULES.filter((r) => ids.includes(r.id));
  const scanners: Scanner[] = [];
  const rules: { id: string; parameters: object }[] = [];
  for (const r of chosen) {
    const raw = selection.parameters?.[r.id] ?? {};
    const parsed = r.parameters.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = ['parameters', r.id, ...(issue?.path ?? []).map(String)].join('.');
      throw errors.validation(`${path}: ${issue?.message ?? 'invalid'}`, path);
    }
    rules.push({ id: r.id, parameters: parsed.data });
    scanners.push(r.start(context, parsed.data));
  }
  return {
    rules,
    account(h) {
      for (const s of scanners) s.account(h);
    },
    finish() {
      return scanners.flatMap((s) => s.finish());
    },
  };
}

/** All chosen rules over an in-memory input. */
export function runRules(
  context: FinanceContext,
  histories: Iterable<AccountHistory>,
  selection: RuleSelection = {},
): Finding[] {
  const run = startRules(context, selection);
  for (const h of histories) run.account(h);
  return run.finish();
}
