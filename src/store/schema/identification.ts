/**
 * Victim identification: indicator catalogues imported by an agency (global; the built-in ones live in
 * code), observations recorded about a person and the indicator assessments made from them (case-scoped).
 * Assessments are never updated: each save is a new row naming the one it supersedes.
 *
 * Current table row types (migrations in store/migrations are the history that made them).
 */

export interface IndicatorCataloguesTable {
  /** `key@version` */
  id: string;
  key: string;
  version: number;
  /** English title, for lists. */
  title: string;
  /** The whole catalogue as validated JSON (domain/indicators/catalogue.ts). */
  content: string;
  sha256: string;
  imported_by: string;
  imported_at: string;
}

export interface IndicatorObservationsTable {
  case_id: string;
  id: string;
  person_id: string;
  /** ILO or Delphi */
  catalogue: string;
  /** ILO indicator or Delphi dimension the observation shows. */
  code: string;
  strength: string | null;
  text: string;
  occurred_on: string | null;
  /** JSON list of entity ids where the evidence sits. */
  entity_ids: string;
  /** JSON list of statement-line references. */
  transaction_refs: string;
  /** How it was recorded: officer, inspection, interview, demo. */
  origin: string;
  recorded_by: string;
  recorded_at: string;
}

/** An observation whose identifiers named no person of the case yet (filling attaches it later). */
export interface PendingObservationsTable {
  case_id: string;
  id: string;
  /** The identifiers the row gave ('' when absent). */
  name: string;
  birth_date: string;
  passport: string;
  personal_code: string;
  catalogue: string;
  code: string;
  strength: string | null;
  text: string;
  occurred_on: string | null;
  origin: string;
  recorded_by: string;
  recorded_at: string;
}

export interface AssessmentsTable {
  case_id: string;
  id: string;
  person_id: string;
  catalogue_key: string;
  catalogue_version: number;
  list_id: string;
  /** adult or child */
  population: string;
  /** JSON: [{itemId, evidence: [{kind, id}], reliability, information, note}] */
  indicators: string;
  /** JSON: [{act, evidence: [{kind, id}]}] */
  acts: string;
  /** JSON answers of the screening interview that filled it, or null. */
  screening: string | null;
  /** manual, screening or observations */
  method: string;
  /** presumedVictim, notEstablished or noRule */
  outcome: string;
  /** JSON: the engine's decision at the time (conditions, dimensions, missing, next steps). */
  decision: string;
  note: string | null;
  supersedes: string | null;
  created_by: string;
  created_at: string;
}
