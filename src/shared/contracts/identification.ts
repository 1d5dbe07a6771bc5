/**
 * Victim identification: indicator assessments of a person, the screening interview that fills
 * them, recorded observations and the legal-element matrix. Shared by the API, the command line
 * and the web forms.
 */
import { z } from 'zod';
import { Grading, Id } from './common.ts';

export const EVIDENCE_KINDS = ['entity', 'note', 'finding', 'file', 'observation', 'transaction'] as const;
export const ACT_NAMES = [
  'recruitment',
  'transportation',
  'transfer',
  'harbouring',
  'receipt',
  'exchangeOfControl',
] as const;
export const POPULATIONS = ['adult', 'child'] as const;
export const OUTCOMES = ['presumedVictim', 'notEstablished', 'noRule'] as const;

/** A thing of the case that shows an indicator: a statement, a document, an ad, a finding… */
export const EvidenceRef = z.object({ kind: z.enum(EVIDENCE_KINDS), id: Id });
export type EvidenceRef = z.infer<typeof EvidenceRef>;

export const IndicatorInput = Grading.extend({
  itemId: z.string().trim().min(1).max(80),
  evidence: z.array(EvidenceRef).min(1, 'tie the indicator to at least one piece of evidence').max(20),
  note: z.string().trim().max(2000).optional(),
});
export type IndicatorInput = z.infer<typeof IndicatorInput>;

export const ActInput = z.object({
  act: z.enum(ACT_NAMES),
  evidence: z.array(EvidenceRef).min(1, 'tie the act to at least one piece of evidence').max(20),
});
export type ActInput = z.infer<typeof ActInput>;

/** Question id → chosen option ids. */
export const ScreeningAnswers = z.record(z.string().min(1).max(40), z.array(z.string().min(1).max(40)).max(10));

export const AssessmentBody = z.object({
  catalogue: z.string().trim().min(1).max(80).default('ilo-ec-delphi-2009'),
  /** The catalogue version; the newest when absent. */
  version: z.int().min(1).optional(),
  list: z.string().trim().min(1).max(80),
  population: z.enum(POPULATIONS),
  indicators: z.array(IndicatorInput).max(200),
  acts: z.array(ActInput).max(10).default([]),
  screening: ScreeningAnswers.optional(),
  note: z.string().trim().max(4000).optional(),
});
export type AssessmentBody = z.input<typeof AssessmentBody>;

/** Evaluate without storing: catalogue data only, no case data. */
export const EvaluateBody = z.object({
  catalogue: z.string().trim().min(1).max(80).default('ilo-ec-delphi-2009'),
  version: z.int().min(1).optional(),
  list: z.string().trim().min(1).max(80),
  population: z.enum(POPULATIONS),
  items: z.array(z.string().trim().min(1).max(80)).max(200),
  acts: z.array(z.enum(ACT_NAMES)).max(10).default([]),
});

export const CatalogueQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

export const ImportCatalogueBody = z.union([
  z.object({ format: z.literal('json'), catalogue: z.unknown() }),
  z.object({
    format: z.literal('csv'),
    /**
     * Header: list,population,exploitation,dimension,rating,id,text_en[,text_fi,text_et,text_lv],
     * source,verification[,means,purpose]
     */
    csv: z.string().min(1).max(2_000_000),
    key: z.string().trim().min(1).max(80),
    version: z.int().min(1),
    title: z.string().trim().min(1).max(300),
    source: z.string().trim().min(1).max(500),
    /** Take dimensions and rule from this catalogue (the Delphi one by default). */
    ruleFrom: z.string().trim().min(1).max(80).default('ilo-ec-delphi-2009'),
  }),
]);
export type ImportCatalogueBody = z.input<typeof ImportCatalogueBody>;

export const PersonsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  assessed: z.enum(['all', 'assessed', 'presumed']).default('all'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const ObservationsQuery = z.object({ person: Id });

export const FillBody = z.object({
  /** Only these persons (all with observations when absent). */
  persons: z.array(Id).max(10_000).optional(),
  catalogue: z.string().trim().min(1).max(80).default('ilo-ec-delphi-2009'),
});

export const MatrixQuery = z.object({ victim: Id.optional() });

/* What the identification routes answer. The decision rule (domain/indicators) fills a `Decision`;
 * the service stores it with the assessment and the web reads both from here. */

export const Counts = z.object({ strong: z.number(), medium: z.number(), weak: z.number() });
export type Counts = z.infer<typeof Counts>;

/** The fewest indicators still needed for a dimension, as one alternative. */
export const Shortfall = Counts.extend({ mediumOrWeak: z.number() });
export type Shortfall = z.infer<typeof Shortfall>;

export const NEXT_STEP_IDS = [
  'victimAssistance',
  'reflectionPeriod',
  'nonPunishment',
  'childProtection',
  'financialInvestigation',
  'labourInspection',
  'gatherEvidence',
] as const;

export const DecisionOut = z.object({
  outcome: z.enum(OUTCOMES),
  population: z.enum(POPULATIONS),
  meansRequired: z.boolean(),
  /** The positive dimensions (or `act`) that meet each condition. */
  conditions: z.array(z.object({ id: z.string(), met: z.boolean(), by: z.array(z.string()) })),
  dimensions: z.array(
    z.object({
      id: z.string(),
      counts: Counts,
      items: z.array(z.string()),
      positive: z.boolean(),
      /** The combination of the rule that made it positive. */
      by: Shortfall.nullable(),
      /** When negative: the cheapest ways to make it positive. */
      shortfall: z.array(Shortfall),
    }),
  ),
  missing: z.array(
    z.object({
      condition: z.string(),
      dimensions: z.array(z.object({ id: z.string(), shortfall: z.array(Shortfall) })),
      act: z.boolean(),
    }),
  ),
  nextSteps: z.array(z.object({ id: z.enum(NEXT_STEP_IDS), text: z.string(), source: z.string() })),
  unknownItems: z.array(z.string()),
  /** The decision and its reasons in plain English (the web builds its own, translated). */
  explanation: z.string(),
});
export type DecisionOut = z.infer<typeof DecisionOut>;

export const AssessmentOut = z.object({
  id: z.string(),
  personId: z.string(),
  catalogue: z.object({ key: z.string(), version: z.number() }),
  list: z.string(),
  population: z.enum(POPULATIONS),
  indicators: z.array(IndicatorInput),
  acts: z.array(ActInput),
  screening: z.record(z.string(), z.array(z.string())).nullable(),
  method: z.string(),
  outcome: z.enum(OUTCOMES),
  decision: DecisionOut,
  note: z.string().nullable(),
  supersedes: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type AssessmentOut = z.infer<typeof AssessmentOut>;

/** A person of the case with the latest result; pseudonymised for users without victim contact. */
export const PersonSummaryOut = z.object({
  id: z.string(),
  caption: z.string(),
  pseudonymised: z.boolean(),
  proceduralStatus: z.array(z.string()),
  observations: z.number(),
  latest: z
    .object({ id: z.string(), outcome: z.string(), list: z.string(), createdAt: z.string(), explanation: z.string() })
    .nullable(),
});
export type PersonSummaryOut = z.infer<typeof PersonSummaryOut>;

export const MatrixFactOut = z.object({
  element: z.enum(['act', 'means', 'purpose']),
  value: z.string(),
  label: z.string(),
  origin: z.object({ kind: z.enum(['indicator', 'link', 'act', 'finding']), id: z.string(), item: z.string().optional() }),
  evidence: z.array(z.string()),
  suspectIds: z.array(z.string()),
});
export const MatrixCellOut = z.object({
  element: z.enum(['act', 'means', 'purpose']),
  status: z.enum(['supported', 'gap', 'notRequired']),
  facts: z.array(MatrixFactOut),
  gap: z.string().nullable(),
});
export type MatrixCellOut = z.infer<typeof MatrixCellOut>;

export const LegalMatrixOut = z.object({
  source: z.string(),
  suspects: z.array(z.object({ id: z.string(), caption: z.string() })),
  victims: z.array(
    z.object({
      id: z.string(),
      caption: z.string(),
      pseudonymised: z.boolean(),
      child: z.boolean(),
      assessmentId: z.string().nullable(),
      outcome: z.string().nullable(),
      complete: z.boolean(),
      rows: z.array(z.object({ suspectId: z.string().nullable(), cells: z.array(MatrixCellOut) })),
    }),
  ),
});
export type LegalMatrixOut = z.infer<typeof LegalMatrixOut>;
