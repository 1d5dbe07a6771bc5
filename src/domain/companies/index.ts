/** Companies: the chain from end client to posted worker, and company red flags as data. */
export {
  addressKey,
  ageOn,
  companyGraph,
  daysBetween,
  type CompanyFact,
  type CompanyGraph,
  type DatedLink,
  type PersonFact,
  type PostingLink,
  type SubcontractLink,
} from './facts.ts';
export { buildChains, companiesIn, type ChainNode, type ChainVia, type ChainWorker } from './chain.ts';
export { companyFlags, describeFlagRule, flagsByCompany, FLAG_RULES, type FlagParams } from './flags.ts';
export { FLAG_RULE_IDS, type CompanyFlag, type FlagParam, type FlagRule, type FlagRuleId } from './rules/types.ts';
export {
  companyPattern,
  companyPatterns,
  SUBSTANCE_RULES,
  type CompanyPattern,
  type CompanyPatternOut,
} from './patterns.ts';
