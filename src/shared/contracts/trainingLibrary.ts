/**
 * The good-practice library's API contracts and its tag vocabularies: case studies of schemes,
 * cooperation practices and victim-support practices, tagged by country, exploitation type,
 * scheme and agency kind. The vocabularies are closed lists so that every tag has a translated
 * label in the workspace and a filter can name only a tag that exists.
 */
import { z } from 'zod';
import { TRAINING_LANGUAGES } from './training.ts';

export const ENTRY_KINDS = ['case-study', 'cooperation-practice', 'victim-support-practice'] as const;
/** ISO 3166 codes of the countries the entries are about; EU for EU-level practice, INT for international bodies. */
export const COUNTRY_TAGS = ['FI', 'EE', 'LV', 'LT', 'PL', 'RO', 'UA', 'NL', 'EU', 'INT'] as const;
export const EXPLOITATION_TAGS = ['labour', 'sexual', 'criminal-activities', 'begging'] as const;
export const SCHEME_TAGS = [
  'fraudulent-posting',
  'bogus-self-employment',
  'wage-kick-backs',
  'online-recruitment',
  'subcontracting-chains',
  'letterbox-companies',
  'phoenix-companies',
  'debt-bondage',
  'online-ads',
] as const;
export const AGENCY_TAGS = [
  'police',
  'border-guard',
  'labour-inspection',
  'tax-authority',
  'prosecution',
  'fiu',
  'victim-support',
  'eu-agency',
] as const;

export type EntryKind = (typeof ENTRY_KINDS)[number];
export type CountryTag = (typeof COUNTRY_TAGS)[number];
export type ExploitationTag = (typeof EXPLOITATION_TAGS)[number];
export type SchemeTag = (typeof SCHEME_TAGS)[number];
export type AgencyTag = (typeof AGENCY_TAGS)[number];

/** The facets an entry is tagged along, with the values each may take. */
export const FACETS = {
  country: COUNTRY_TAGS,
  exploitation: EXPLOITATION_TAGS,
  scheme: SCHEME_TAGS,
  agency: AGENCY_TAGS,
  kind: ENTRY_KINDS,
} as const;
export type Facet = keyof typeof FACETS;
export const FACET_NAMES = Object.keys(FACETS) as Facet[];

export interface EntryTags {
  country: CountryTag[];
  exploitation: ExploitationTag[];
  scheme: SchemeTag[];
  agency: AgencyTag[];
}

const slug = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by dashes');

export const LibraryQuery = z.object({
  lang: z.enum(TRAINING_LANGUAGES).default('en'),
  /**
   * Words to find; letter case and diacritics do not matter ("kick-backs" finds "Kick-backs", "berzins" finds
   * "Bērziņš").
   */
  q: z.string().trim().max(200).optional(),
  country: z.enum(COUNTRY_TAGS).optional(),
  exploitation: z.enum(EXPLOITATION_TAGS).optional(),
  scheme: z.enum(SCHEME_TAGS).optional(),
  agency: z.enum(AGENCY_TAGS).optional(),
  kind: z.enum(ENTRY_KINDS).optional(),
  /** Entries used by this course, module, lesson or exercise ("good practices used here"). */
  course: slug.optional(),
  module: slug.optional(),
  lesson: slug.optional(),
  exercise: slug.optional(),
});
export type LibraryQueryIn = z.infer<typeof LibraryQuery>;
export const EntryParams = z.object({ entryId: slug });

/** Where an entry is used: a module (optionally one of its lessons) or a case exercise of a course. */
export interface EntryUseOut {
  courseId: string;
  moduleId: string;
  moduleTitle: string;
  lessonId: string | null;
  lessonTitle: string | null;
  exerciseId: string | null;
  exerciseTitle: string | null;
}

export interface EntrySummaryOut {
  id: string;
  kind: EntryKind;
  title: string;
  summary: string;
  tags: EntryTags;
  /** A composite case put together for teaching from the public sources, not one real case. */
  illustrative: boolean;
  language: string;
  fallback: boolean;
}

export interface LibraryListOut {
  entries: EntrySummaryOut[];
  total: number;
  /** For each facet, its values with how many entries would match if it were chosen (the other filters kept). */
  facets: Record<Facet, { value: string; count: number }[]>;
}

export interface EntryOut extends EntrySummaryOut {
  html: string;
  sources: { title: string; url?: string | undefined }[];
  usedIn: EntryUseOut[];
}
