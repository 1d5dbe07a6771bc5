/**
 * The shape of a link rule of the crime script and the sources the rules cite (rules.ts holds
 * the rules and explains how anchors work).
 */
import type { Lane } from './stages.ts';

export const DOMAIN_3 = 'DOMAIN.md §3 (crime script and typical roles)';
export const HEUNI =
  'HEUNI Report 103a (2020) and FLOW project: subcontracting, posting, letterbox companies, housing deductions';
export const FATF =
  'FATF/APG 2018, Financial flows from human trafficking: funnel accounts, front companies, money to controllers';

export type AnchorKind = 'exploited' | 'implicated' | 'involved' | 'placed';

export interface LinkRule {
  id: string;
  /** Schema of the link (or, with `place: '@self'`, of the entity itself). */
  schema: string;
  /** Property holding the anchor entity id. */
  anchor: string;
  anchorIs: AnchorKind;
  /** Property holding the entity placed, or '@self' for the record carrying the rule. */
  place: string;
  /** A lane, or 'exploited' to count the entity among the persons exploited in the chain. */
  lane: Lane | 'exploited';
  /** Whether what is placed becomes an anchor for further rules. */
  implicates: boolean;
  /** The placed entity must be of one of these schemata (or descend from one). */
  onlySchemata?: readonly string[];
  /** The rule fires only when the link's `role` contains one of these words (any case). */
  roleWords?: readonly string[];
  /** Exploited persons are not put in a lane by this rule (a worker is not "finance" because of his wage account). */
  notExploited?: boolean;
  source: string;
}

export const PARTIES = ['Person', 'Organization', 'Company', 'LegalEntity'];
export const COMPANIES = ['Organization'];
