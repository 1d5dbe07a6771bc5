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
