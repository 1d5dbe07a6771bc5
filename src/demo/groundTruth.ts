/**
 * The ground-truth schema of the demo scenario: what is really going on behind the generated
 * records. Detection, resolution, indicator and proceeds features are graded against it, so it
 * is defined once, here, as a zod schema; everything else in src/demo writes into these types.
 *
 * None of this is visible in the generated entities and transactions (apart from the few
 * statuses an investigation would already know at its start), so graders are not circular.
 */
import { z } from 'zod';
import { CRIME_SCRIPT_FUNCTIONS, PROCEDURAL_STATUSES } from './constants.ts';

export const COMPANY_NATURES = [
  'legitimate',
  'subcontractor',
  'letterbox',
  'phoenixSuccessor',
  'staffingFront',
] as const;
export const ACCOUNT_NATURES = ['clean', 'worker', 'controller', 'funnel', 'frontCompany'] as const;
export const ADDRESS_USES = [
  'workerHousing',
  'brothelApartment',
  'registeredOfficeOnly',
  'privateHome',
  'sharedFlat',
  'businessPremises',
  'worksite',
  'hotel',
] as const;

/** ILO, 11 indicators of forced labour (ILO SAP-FL 2012). */
export const ILO_INDICATORS = [
  'abuseOfVulnerability',
  'deception',
  'restrictionOfMovement',
  'isolation',
  'physicalSexualViolence',
  'intimidationThreats',
  'retentionOfDocuments',
  'withholdingOfWages',
  'debtBondage',
  'abusiveConditions',
  'excessiveOvertime',
] as const;

/** The six dimensions of the ILO/EC Delphi operational indicators (2009). */
export const DELPHI_DIMENSIONS = [
  'deceptiveRecruitment',
  'coerciveRecruitment',
  'recruitmentByAbuseOfVulnerability',
  'exploitativeConditions',
  'coercionAtDestination',
  'abuseOfVulnerabilityAtDestination',
] as const;
export const DELPHI_STRENGTHS = ['strong', 'medium', 'weak'] as const;

export const PROCEEDS_KINDS = ['wageKickback', 'deduction', 'recruitmentFee', 'sexualServices'] as const;
export const CONFOUNDER_KINDS = [
  'legitimateFlatmates',
  'legitimateStaffingAgency',
  'nonVictimWithIndicators',
  'familySharedPhone',
  'honestRoundSalaries',
  'genuinePostedWorker',
  // Look-alikes: honest situations sharing one or more signals with the planted crimes.
  'cashBusiness',
  'cashWageWorker',
  'remittanceSender',
  'landlordWithTenants',
  'independentAdvertiser',
  'namesake',
  'honestDissolution',
  'legitimateSuccession',
] as const;
export const DUPLICATE_VARIANTS = [
  'typo',
  'transliteration',
  'swappedOrder',
  'missingBirthDate',
  'secondImport',
  // No strong identifier in common: a fuzzy name plus one weak attribute (birth date or address).
  'fuzzyWeak',
  // The name in the other script (Cyrillic for a Latin name, Latin for a Cyrillic one), birth date only.
  'crossScript',
] as const;
/** How a source writes a company another source also records (demo/sources/companyDuplicates.ts). */
export const COMPANY_DUPLICATE_VARIANTS = ['legalForm', 'missingRegistration'] as const;
export const PHOENIX_SHARED = ['director', 'address', 'phone', 'email', 'contracts', 'workers'] as const;

/** True procedural status; `none` = not involved in any offence or proceedings. */
export const TRUTH_STATUSES = [...PROCEDURAL_STATUSES, 'none'] as const;

export type CompanyNature = (typeof COMPANY_NATURES)[number];
export type AccountNature = (typeof ACCOUNT_NATURES)[number];
export type AddressUse = (typeof ADDRESS_USES)[number];
export type IloIndicator = (typeof ILO_INDICATORS)[number];
export type DelphiDimension = (typeof DELPHI_DIMENSIONS)[number];
export type ProceedsKind = (typeof PROCEEDS_KINDS)[number];
export type ConfounderKind = (typeof CONFOUNDER_KINDS)[number];
export type DuplicateVariant = (typeof DUPLICATE_VARIANTS)[number];
export type TruthStatus = (typeof TRUTH_STATUSES)[number];

const id = z.string().min(1);
const isoDate = z.iso.date();

export const personTruthSchema = z.object({
  id,
  proceduralStatus: z.enum(TRUTH_STATUSES),
  crimeScriptFunctions: z.array(z.enum(CRIME_SCRIPT_FUNCTIONS)),
  /** Criminal network the person belongs to or is exploited by; null for uninvolved people. */
  networkId: id.nullable(),
  /** Plain-language role in the scenario (worker, flatmate, front director…), for reading. */
  role: z.string().min(1),
  /** Set on planted duplicate records: the id of the record it duplicates. */
  isDuplicateOf: id.optional(),
});

export const companyTruthSchema = z.object({
  id,
  nature: z.enum(COMPANY_NATURES),
  networkId: id.nullable(),
  role: z.string().min(1),
});
export const accountTruthSchema = z.object({ id, nature: z.enum(ACCOUNT_NATURES), holderId: id });
export const addressTruthSchema = z.object({ id, use: z.enum(ADDRESS_USES) });

export const networkTruthSchema = z.object({
  id,
  kind: z.enum(['labour', 'sexual']),
  cell: z.int().nonnegative(),
  controllerIds: z.array(id).min(1),
});

export const evidenceSchema = z.object({
  /** What happened, in words an investigator would write in a report. */
  event: z.string().min(1),
  date: isoDate.optional(),
  entityIds: z.array(id),
  /** Bank references (TransactionRecord.reference) of the statement lines that show it. */
  transactionRefs: z.array(z.string().min(1)),
});

export const indicatorFactSchema = z.discriminatedUnion('catalogue', [
  z.object({ personId: id, catalogue: z.literal('ILO'), indicator: z.enum(ILO_INDICATORS), evidence: evidenceSchema }),
  z.object({
    personId: id,
    catalogue: z.literal('Delphi'),
    indicator: z.enum(DELPHI_DIMENSIONS),
    strength: z.enum(DELPHI_STRENGTHS),
    evidence: evidenceSchema,
  }),
]);

export const proceedsEntrySchema = z.object({
  victimId: id,
  kind: z.enum(PROCEEDS_KINDS),
  amountMinor: z.int().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  date: isoDate,
  /** Who received the money (person or company id). */
  beneficiaryId: id,
  transactionRef: z.string().min(1).optional(),
});

export const confounderSchema = z.object({
  kind: z.enum(CONFOUNDER_KINDS),
  entityIds: z.array(id).min(1),
  why: z.string().min(1),
});
export const duplicateSchema = z.object({
  canonicalId: id,
  duplicateId: id,
  variant: z.enum([...DUPLICATE_VARIANTS, ...COMPANY_DUPLICATE_VARIANTS]),
});
export const adPhotoGroupSchema = z.object({ groupId: id, victimId: id, adIds: z.array(id).min(2) });
export const subcontractingChainSchema = z.object({
  networkId: id,
  /** Ordered from the end client / main contractor down to the company that employs the workers. */
  companyIds: z.array(id).min(3),
  workerIds: z.array(id).min(1),
});
export const phoenixPairSchema = z.object({
  predecessorId: id,
  successorId: id,
  date: isoDate,
  shared: z.array(z.enum(PHOENIX_SHARED)).min(1),
});

/** A gapless run of ids `prefix + 0 … prefix + (count − 1)`. */
export const idRangeSchema = z.object({ prefix: id, count: z.int().nonnegative() });

/**
 * Background population of one cell, summarised: every person is uninvolved (`none`), every
 * account is `clean` and held by the person with the same index, every address is a
 * `privateHome`. Listed as ranges so that a 100,000-person scenario stays small in memory.
 */
export const backgroundTruthSchema = z.object({
  cell: z.int().nonnegative(),
  persons: idRangeSchema,
  accounts: idRangeSchema,
  addresses: idRangeSchema,
});

export const groundTruthPartSchema = z.object({
  networks: z.array(networkTruthSchema),
  persons: z.array(personTruthSchema),
  companies: z.array(companyTruthSchema),
  accounts: z.array(accountTruthSchema),
  addresses: z.array(addressTruthSchema),
  background: z.array(backgroundTruthSchema),
  indicatorFacts: z.array(indicatorFactSchema),
  proceeds: z.array(proceedsEntrySchema),
  confounders: z.array(confounderSchema),
  duplicates: z.array(duplicateSchema),
  adPhotoGroups: z.array(adPhotoGroupSchema),
  subcontractingChains: z.array(subcontractingChainSchema),
  phoenixPairs: z.array(phoenixPairSchema),
});

export const groundTruthSchema = groundTruthPartSchema.extend({
  format: z.literal('elect-thb-demo-truth'),
  version: z.literal(1),
  seed: z.int().nonnegative(),
  scale: z.int().positive(),
});

export type PersonTruth = z.infer<typeof personTruthSchema>;
export type CompanyTruth = z.infer<typeof companyTruthSchema>;
export type AccountTruth = z.infer<typeof accountTruthSchema>;
export type AddressTruth = z.infer<typeof addressTruthSchema>;
export type NetworkTruth = z.infer<typeof networkTruthSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type IndicatorFact = z.infer<typeof indicatorFactSchema>;
export type ProceedsEntry = z.infer<typeof proceedsEntrySchema>;
export type Confounder = z.infer<typeof confounderSchema>;
export type Duplicate = z.infer<typeof duplicateSchema>;
export type AdPhotoGroup = z.infer<typeof adPhotoGroupSchema>;
export type SubcontractingChain = z.infer<typeof subcontractingChainSchema>;
export type PhoenixPair = z.infer<typeof phoenixPairSchema>;
export type IdRange = z.infer<typeof idRangeSchema>;
export type BackgroundTruth = z.infer<typeof backgroundTruthSchema>;
export type GroundTruthPart = z.infer<typeof groundTruthPartSchema>;
export type GroundTruth = z.infer<typeof groundTruthSchema>;

export function emptyTruthPart(): GroundTruthPart {
  return {
    networks: [],
    persons: [],
    companies: [],
    accounts: [],
    addresses: [],
    background: [],
    indicatorFacts: [],
    proceeds: [],
    confounders: [],
    duplicates: [],
    adPhotoGroups: [],
    subcontractingChains: [],
    phoenixPairs: [],
  };
}

/** Append `part` to `into` (cells are merged in order, so the result is deterministic). */
export function mergeTruthPart(into: GroundTruthPart, part: GroundTruthPart): void {
  for (const key of Object.keys(into) as (keyof GroundTruthPart)[]) {
    (into[key] as unknown[]).push(...(part[key] as unknown[]));
  }
}

export function idsInRange(range: IdRange): string[] {
  return Array.from({ length: range.count }, (_, i) => `${range.prefix}${i}`);
}

/** Is `id` one of the range's ids? (No expansion: the range may be large.) */
export function inRange(range: IdRange, id: string): boolean {
  if (!id.startsWith(range.prefix)) return false;
  const rest = id.slice(range.prefix.length);
  if (!/^(0|[1-9][0-9]*)$/.test(rest)) return false;
  return Number(rest) < range.count;
}
