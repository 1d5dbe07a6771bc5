/**
 * What a company's flags say together: one pattern per company, so the rules agree instead of
 * each naming it apart. A flag is a reason to look; a pattern is the reading of several:
 * - `phoenixSuccessor`: the phoenix rule names it the firm that took over a dissolved one's
 *   business. It usually has no staff of its own either — it carries on the letterbox before
 *   it — but the analyst's question about it is the succession, so this reading comes first;
 * - `letterbox`: no substantial activity where it is established (Directive 2014/67/EU art.
 *   4(2)): it posts workers with no staff of its own at home, or reports a payroll far below its
 *   workforce. A director's age, a recent registration or a shared address alone never make a
 *   letterbox: honest small firms show them too (a shop run by a 70-year-old owner).
 */
import type { CompanyFlag, FlagRuleId } from './rules/types.ts';

export type CompanyPattern = 'phoenixSuccessor' | 'letterbox';

export interface CompanyPatternOut {
  pattern: CompanyPattern;
  /** The rules whose flags make the pattern. */
  rules: FlagRuleId[];
}

/** Flags that show a company has no substance where it is established. */
export const SUBSTANCE_RULES: readonly FlagRuleId[] = ['noStaffManyPosted', 'payrollGap'];

/** The pattern of one company from its flags, or null when its flags make none. */
export function companyPattern(flags: readonly CompanyFlag[]): CompanyPatternOut | null {
  if (flags.some((f) => f.rule === 'phoenix' && f.facts.role === 'successor')) {
    return { pattern: 'phoenixSuccessor', rules: ['phoenix'] };
  }
  const substance = [...new Set(flags.map((f) => f.rule).filter((r) => SUBSTANCE_RULES.includes(r)))];
  return substance.length ? { pattern: 'letterbox', rules: substance.sort() } : null;
}

/** Patterns by company id, for the companies whose flags make one. */
export function companyPatterns(flags: readonly CompanyFlag[]): Map<string, CompanyPatternOut> {
  const byCompany = new Map<string, CompanyFlag[]>();
  for (const f of flags) byCompany.set(f.companyId, [...(byCompany.get(f.companyId) ?? []), f]);
  const out = new Map<string, CompanyPatternOut>();
  for (const [id, fs] of byCompany) {
    const p = companyPattern(fs);
    if (p) out.set(id, p);
  }
  return out;
}
