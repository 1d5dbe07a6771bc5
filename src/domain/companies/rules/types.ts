/**
 * A company red flag is data: what it looks for, where that comes from, its parameters with
 * their defaults and why, and a check that explains each hit in plain words (no personal data:
 * counts, dates and company names only) with the links and entities that show it.
 */
import type { CompanyGraph } from '../facts.ts';

export const FLAG_RULE_IDS = [
  'sharedAddress',
  'directorManyBoards',
  'directorAge',
  'recentlyRegistered',
  'noStaffManyPosted',
  'payrollGap',
  'phoenix',
  'postingTooLong',
  'repeatedPosting',
] as const;
export type FlagRuleId = (typeof FLAG_RULE_IDS)[number];

export interface FlagParam {
  value: number;
  unit: string;
  why: string;
}

export interface CompanyFlag {
  rule: FlagRuleId;
  companyId: string;
  /** Values the explanation names (counts, dates, months), for translated wording. */
  facts: Record<string, string | number>;
  /** The explanation in English (CLI, API); the workspace words it from `facts`. */
  explanation: string;
  /** Links and entities that show it. */
  evidenceIds: string[];
}

export interface FlagRule {
  id: FlagRuleId;
  title: string;
  /** Where the indicator comes from. */
  source: string;
  params: Record<string, FlagParam>;
  check: (g: CompanyGraph, params: Record<string, number>) => CompanyFlag[];
}
