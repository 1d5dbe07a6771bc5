/**
 * The case's facts: entities and links (FollowTheMoney-style), their version history, the selectors
 * read from them for hit/no-hit, and the sources they came from. Case-scoped.
 *
 * Current table row types (migrations in store/migrations are the history that made them).
 */

export interface SourcesTable {
  case_id: string;
  id: string;
  /** import batch, evidence document or officer's note */
  kind: string;
  label: string;
  sha256: string | null;
  file_name: string | null;
  created_by: string;
  created_at: string;
}

export interface EntitiesTable {
  case_id: string;
  id: string;
  schema: string;
  caption: string;
  /** JSON object of string arrays (FtM properties). */
  properties: string;
  /** For links: the source and target entity ids, denormalised for graph walks. */
  source_id: string | null;
  target_id: string | null;
  /** Provenance: where the fact came from, who recorded it and when. */
  provenance_source_id: string | null;
  recorded_by: string;
  recorded_at: string;
  updated_at: string;
  /** 4x4 grading: source reliability A–D/X and information assessment 1–4. */
  reliability: string;
  information: string;
  version: number;
  handling_code: string | null;
}

export interface EntityHistoryTable {
  case_id: string;
  entity_id: string;
  version: number;
  change: string;
  schema: string;
  properties: string;
  changed_by: string;
  changed_at: string;
}

export interface SelectorsTable {
  case_id: string;
  kind: string;
  value: string;
  entity_id: string;
  property: string;
}
