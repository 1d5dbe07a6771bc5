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
import type { Lane } from './stages.ts';

const DOMAIN_3 = 'DOMAIN.md §3 (crime script and typical roles)';
const HEUNI =
  'HEUNI Report 103a (2020) and FLOW project: subcontracting, posting, letterbox companies, housing deductions';
const FATF =
  'FATF/APG 2018, Financial flows from human trafficking: funnel accounts, front companies, money to controllers';

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

const PARTIES = ['Person', 'Organization', 'Company', 'LegalEntity'];
const COMPANIES = ['Organization'];

export const LINK_RULES: readonly LinkRule[] = [
  // Recruitment (DOMAIN.md §3 recruitment; §5 deceptive recruitment).
  {
    id: 'recruitedVictim',
    schema: 'Recruitment',
    anchor: 'recruited',
    anchorIs: 'exploited',
    place: 'recruiter',
    lane: 'recruitment',
    implicates: true,
    source: DOMAIN_3,
  },
  {
    id: 'recruitedBy',
    schema: 'Recruitment',
    anchor: 'recruiter',
    anchorIs: 'implicated',
    place: 'recruited',
    lane: 'exploited',
    implicates: false,
    source: DOMAIN_3,
  },
  // Work (HEUNI 103a: the employer of record, the posting company, the host).
  {
    id: 'employsVictim',
    schema: 'Employment',
    anchor: 'employee',
    anchorIs: 'exploited',
    place: 'employer',
    lane: 'exploitation',
    implicates: true,
    source: HEUNI,
  },
  {
    id: 'employedBy',
    schema: 'Employment',
    anchor: 'employer',
    anchorIs: 'implicated',
    place: 'employee',
    lane: 'exploited',
    implicates: false,
    onlySchemata: ['Person'],
    source: HEUNI,
  },
  {
    id: 'postsVictim',
    schema: 'Posting',
    anchor: 'worker',
    anchorIs: 'exploited',
    place: 'sendingCompany',
    lane: 'exploitation',
    implicates: true,
    source: HEUNI,
  },
  {
    id: 'postsVictimAbroad',
    schema: 'Posting',
    anchor: 'worker',
    anchorIs: 'exploited',
    place: 'sendingCompany',
    lane: 'transport',
    implicates: true,
    source: HEUNI,
  },
  {
    id: 'hostsPostedVictim',
    schema: 'Posting',
    anchor: 'worker',
    anchorIs: 'exploited',
    place: 'hostCompany',
    lane: 'exploitation',
    implicates: false,
    source: HEUNI,
  },
  {
    id: 'postedBy',
    schema: 'Posting',
    anchor: 'sendingCompany',
    anchorIs: 'implicated',
    place: 'worker',
    lane: 'exploited',
    implicates: false,
    source: HEUNI,
  },
  {
    id: 'contractorOf',
    schema: 'Subcontract',
    anchor: 'subcontractor',
    anchorIs: 'placed',
    place: 'contractor',
    lane: 'exploitation',
    implicates: false,
    source: HEUNI,
  },
  {
    id: 'worksiteOf',
    schema: 'UnknownLink',
    anchor: 'subject',
    anchorIs: 'placed',
    place: 'object',
    lane: 'exploitation',
    implicates: false,
    onlySchemata: ['Address'],
    roleWords: ['site', 'worksite', 'workplace', 'työmaa', 'objekt', 'objekts'],
    source: HEUNI,
  },
  // Accommodation (DOMAIN.md §3; HEUNI 103a housing deductions).
  {
    id: 'housesVictim',
    schema: 'Accommodation',
    anchor: 'person',
    anchorIs: 'exploited',
    place: 'addressEntity',
    lane: 'accommodation',
    implicates: true,
    source: HEUNI,
  },
  {
    id: 'housedVictimBy',
    schema: 'Accommodation',
    anchor: 'person',
    anchorIs: 'exploited',
    place: 'housedBy',
    lane: 'accommodation',
    implicates: true,
    source: HEUNI,
  },
  {
    id: 'livesAtChainAddress',
    schema: 'Accommodation',
    anchor: 'addressEntity',
    anchorIs: 'implicated',
    place: 'person',
    lane: 'exploited',
    implicates: false,
    source: HEUNI,
  },
  // Control (DOMAIN.md §5 retention of documents; §6 accounts sharing one controller).
  {
    id: 'controlsVictim',
    schema: 'Control',
    anchor: 'controlled',
    anchorIs: 'exploited',
    place: 'controller',
    lane: 'exploitation',
    implicates: true,
    source: DOMAIN_3,
  },
  {
    id: 'controlledPerson',
    schema: 'Control',
    anchor: 'controller',
    anchorIs: 'implicated',
    place: 'controlled',
    lane: 'exploited',
    implicates: false,
    onlySchemata: ['Person'],
    source: DOMAIN_3,
  },
  {
    id: 'controlledAccount',
    schema: 'Control',
    anchor: 'controller',
    anchorIs: 'implicated',
    place: 'controlled',
    lane: 'finance',
    implicates: true,
    onlySchemata: ['BankAccount', 'Organization'],
    source: FATF,
  },
  {
    id: 'controlledDocument',
    schema: 'Control',
    anchor: 'controller',
    anchorIs: 'implicated',
    place: 'controlled',
    lane: 'documents',
    implicates: true,
    onlySchemata: ['Identification', 'Passport'],
    source: DOMAIN_3,
  },
  // Companies and accounts (FATF 2018 front companies; DOMAIN.md §4 straw directors, phoenix companies).
  {
    id: 'accountOf',
    schema: 'Ownership',
    anchor: 'owner',
    anchorIs: 'involved',
    place: 'asset',
    lane: 'finance',
    implicates: true,
    onlySchemata: ['BankAccount'],
    source: FATF,
  },
  {
    id: 'holdsChainAccount',
    schema: 'Ownership',
    anchor: 'asset',
    anchorIs: 'implicated',
    place: 'owner',
    lane: 'finance',
    implicates: true,
    notExploited: true,
    source: FATF,
  },
  {
    id: 'companyOwnedBy',
    schema: 'Ownership',
    anchor: 'owner',
    anchorIs: 'implicated',
    place: 'asset',
    lane: 'finance',
    implicates: true,
    onlySchemata: COMPANIES,
    source: FATF,
  },
  {
    id: 'directs',
    schema: 'Directorship',
    anchor: 'organization',
    anchorIs: 'implicated',
    place: 'director',
    lane: 'finance',
    implicates: true,
    notExploited: true,
    source: 'DOMAIN.md §4 (front/straw directors)',
  },
  {
    id: 'directedBy',
    schema: 'Directorship',
    anchor: 'director',
    anchorIs: 'implicated',
    place: 'organization',
    lane: 'finance',
    implicates: true,
    source: 'DOMAIN.md §4 (front/straw directors)',
  },
  {
    id: 'succeeds',
    schema: 'Succession',
    anchor: 'predecessor',
    anchorIs: 'implicated',
    place: 'successor',
    lane: 'finance',
    implicates: true,
    source: 'DOMAIN.md §4 (phoenix companies)',
  },
  {
    id: 'registeredOffice',
    schema: 'Company',
    anchor: '@self',
    anchorIs: 'implicated',
    place: 'addressEntity',
    lane: 'finance',
    implicates: false,
    onlySchemata: ['Address'],
    source: 'DOMAIN.md §4 (many companies at one address; letterbox companies)',
  },
  {
    id: 'paysFor',
    schema: 'Payment',
    anchor: 'payer',
    anchorIs: 'implicated',
    place: 'beneficiary',
    lane: 'finance',
    implicates: true,
    notExploited: true,
    source: FATF,
  },
  // Transport (DOMAIN.md §3 transport & entry).
  {
    id: 'tripOf',
    schema: 'Trip',
    anchor: 'involved',
    anchorIs: 'involved',
    place: '@self',
    lane: 'transport',
    implicates: true,
    source: DOMAIN_3,
  },
  {
    id: 'vehicleOf',
    schema: 'Trip',
    anchor: '@self',
    anchorIs: 'implicated',
    place: 'vehicle',
    lane: 'transport',
    implicates: true,
    source: DOMAIN_3,
  },
  {
    id: 'documentOf',
    schema: 'Identification',
    anchor: 'holder',
    anchorIs: 'involved',
    place: '@self',
    lane: 'documents',
    implicates: false,
    source: DOMAIN_3,
  },
  // Advertising (DOMAIN.md §3 advertising as infrastructure).
  {
    id: 'advertises',
    schema: 'OnlineAd',
    anchor: '@self',
    anchorIs: 'implicated',
    place: 'advertiser',
    lane: 'advertising',
    implicates: true,
    source: DOMAIN_3,
  },
  {
    id: 'postedFromAccount',
    schema: 'OnlineAd',
    anchor: '@self',
    anchorIs: 'implicated',
    place: 'account',
    lane: 'advertising',
    implicates: true,
    source: DOMAIN_3,
  },
  // Roles written on links (Interest.role): words of the trade, Finnish, Estonian and Latvian.
  {
    id: 'roleTransport',
    schema: 'Interest',
    anchor: '@target',
    anchorIs: 'involved',
    place: '@source',
    lane: 'transport',
    implicates: true,
    onlySchemata: PARTIES,
    roleWords: ['driver', 'kuljettaja', 'autojuht', 'šoferis', 'vadītājs'],
    source: DOMAIN_3,
  },
  {
    id: 'roleEnforcer',
    schema: 'Interest',
    anchor: '@target',
    anchorIs: 'involved',
    place: '@source',
    lane: 'exploitation',
    implicates: true,
    onlySchemata: PARTIES,
    roleWords: ['guard', 'foreman', 'enforcer', 'vartija', 'valvur', 'apsargs'],
    source: DOMAIN_3,
  },
  {
    id: 'roleMoney',
    schema: 'Interest',
    anchor: '@target',
    anchorIs: 'involved',
    place: '@source',
    lane: 'finance',
    implicates: true,
    onlySchemata: PARTIES,
    roleWords: ['courier', 'cashier', 'accountant', 'kuriiri', 'kurjer', 'kurjers'],
    source: FATF,
  },
];

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
