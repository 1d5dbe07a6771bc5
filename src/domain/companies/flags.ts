/**
 * Company red flags: every rule (rules/*.ts) run over the company graph with its default
 * parameters or the analyst's, one list of flags per company. A flag is a reason to look, never
 * a finding: the explanation says what was seen, and its evidence points at the records.
 */
import type { CompanyGraph } from './facts.ts';
import { directorAge, directorManyBoards, sharedAddress } from './rules/people.ts';
import { phoenix, recentlyRegistered } from './rules/timing.ts';
import type { CompanyFlag, FlagRule, FlagRuleId } from './rules/types.ts';
import { noStaffManyPosted, payrollGap, postingTooLong, repeatedPosting } from './rules/workforce.ts';

export const FLAG_RULES: readonly FlagRule[] = [
  sharedAddress,
  directorManyBoards,
  directorAge,
  recentlyRegistered,
  noStaffManyPosted,
  payrollGap,
  phoenix,
  postingTooLong,
  repeatedPosting,
];

export type FlagParams = Partial<Record<FlagRuleId, Record<string, number>>>;

/** A rule as the API describes it: what, where from, parameters with defaults and why. */
export function describeFlagRule(r: FlagRule) {
  return { id: r.id, title: r.title, source: r.source, params: r.params };
}

/** Runs every rule (or those listed); parameters not given keep their defaults. */
export function companyFlags(
  g: CompanyGraph,
  opts: { rules?: readonly FlagRuleId[]; params?: FlagParams } = {},
): CompanyFlag[] {
  const out: CompanyFlag[] = [];
  for (const rule of FLAG_RULES) {
    if (opts.rules && !opts.rules.includes(rule.id)) continue;
    const params = Object.fromEntries(
      Object.entries(rule.params).map(([k, v]) => [k, opts.params?.[rule.id]?.[k] ?? v.value]),
    );
    out.push(...rule.check(g, params));
  }
  return out.sort((a, b) => a.companyId.localeCompare(b.companyId) || a.rule.localeCompare(b.rule));
}

/** Flags grouped by company id. */
export function flagsByCompany(flags: readonly CompanyFlag[]): Map<string, CompanyFlag[]> {
  const out = new Map<string, CompanyFlag[]>();
  for (const f of flags) out.set(f.companyId, [...(out.get(f.companyId) ?? []), f]);
  return out;
}
