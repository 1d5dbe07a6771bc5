/**
 * Where the crime script puts a thing, as data. Every rule has an id (the reason shown to the
 * analyst: `chain.reason.<id>` in the web's languages) and its source.
 *
 * Who is "in the chain" at all is decided by anchors, not by link types alone: a staffing
 * agency also recruits, a genuine posting company also posts and houses workers. A link places
 * an entity only when its anchor end is already involved: a person recorded as suspect, victim
 * or presumed victim, a person with crime-script functions, a manual placement, or something an
 * earlier rule placed with `implicates`. Rules run to a fixed point.
 *
 * Anchor kinds: `exploited` — a victim, presumed victim or someone a rule found recruited,
 * employed, posted, housed or controlled inside the chain; `implicated` — a suspect or
 * something placed by an implicating rule; `involved` — either; `placed` — in any lane, even
 * by a rule that does not implicate (an end client of a subcontracting chain is shown, but
 * does not pull its other contractors in).
 */
import type { CrimeScriptFunction } from '../schema/thb.vocabulary.ts';
import { DOMAIN_3, FATF } from './linkRule.ts';
import type { LinkRule } from './linkRule.ts';
import { MONEY_LINK_RULES } from './moneyRules.ts';
import { PEOPLE_LINK_RULES } from './peopleRules.ts';
import type { Lane } from './stages.ts';

export type { AnchorKind, LinkRule } from './linkRule.ts';

/** Crime-script functions (Person.crimeScriptFunctions) → lanes. */
export const FUNCTION_LANES: Readonly<Record<CrimeScriptFunction, readonly Lane[]>> = {
  investor: ['finance'],
  organiser: ['exploitation'],
  recruiter: ['recruitment'],
  documentForger: ['documents'],
  transporter: ['transport'],
  accommodationProvider: ['accommodation'],
  enforcer: ['exploitation'],
  debtCollector: ['exploitation', 'finance'],
  moneyHandler: ['finance'],
  moneyLaunderer: ['finance'],
  frontDirector: ['finance'],
  corruptFacilitator: ['documents'],
  client: ['exploitation'],
  endClient: ['exploitation'],
};
export const FUNCTION_SOURCE = DOMAIN_3;

export const LINK_RULES: readonly LinkRule[] = [...PEOPLE_LINK_RULES, ...MONEY_LINK_RULES];

/** Schemata placed by being what they are, once in a case (an ad for sexual services is advertising). */
export const SCHEMA_LANES: readonly { id: string; schema: string; lane: Lane; source: string }[] = [
  { id: 'onlineAd', schema: 'OnlineAd', lane: 'advertising', source: DOMAIN_3 },
];

/** Phones and e-mail addresses shared with something involved: the chain's communication. */
export const SELECTOR_RULES = {
  /** Phone/EmailAddress nodes whose number or address an involved entity uses. */
  usedBy: { id: 'contactOf', lane: 'communication' as Lane, nodeSchemata: ['Phone', 'EmailAddress'], source: DOMAIN_3 },
  /** Parties using a phone or e-mail that the chain's advertising prints. */
  usesAdContact: {
    id: 'usesAdContact',
    lane: 'communication' as Lane,
    source: 'FATF/APG 2018; DOMAIN.md §6 shared contact details',
  },
};

/** Money moved from an implicated account to another account of the case. */
export const TRANSFER_RULE = { id: 'receivedFromChain', lane: 'finance' as Lane, source: FATF };

/** Reason ids that are not rules: seeds and the analyst's own choice. */
export const SEED_REASONS = { function: 'function', manual: 'manual' } as const;

/** Every reason id the engine can give, for translations and tests. */
export const REASON_IDS: readonly string[] = [
  ...new Set([
    ...LINK_RULES.map((r) => r.id),
    ...SCHEMA_LANES.map((r) => r.id),
    SELECTOR_RULES.usedBy.id,
    SELECTOR_RULES.usesAdContact.id,
    TRANSFER_RULE.id,
    SEED_REASONS.function,
    SEED_REASONS.manual,
  ]),
];
