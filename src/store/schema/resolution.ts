/**
 * Entity resolution: the analyst's decisions on candidate duplicates, remembered against the pair's stable
 * identities, and every merge with what it changed, so it can be undone. Case-scoped.
 *
 * Current table row types (migrations in store/migrations are the history that made them).
 */

export interface ResolutionDecisionsTable {
  case_id: string;
  /** The two stable identities (hashed), sorted and joined: survives a re-import under new ids. */
  pair_key: string;
  a_id: string;
  b_id: string;
  /** merged, rejected or unsure */
  status: string;
  score: number;
  merge_id: string | null;
  decided_by: string;
  decided_at: string;
}

export interface ResolutionMergesTable {
  case_id: string;
  id: string;
  keep_id: string;
  merged_id: string;
  pair_key: string;
  /** JSON: the kept entity, the merged entity and every entity that referred to it, as they were. */
  before: string;
  /** JSON: entity id → version after the merge (an undo refuses if any changed since). */
  after_versions: string;
  merged_by: string;
  merged_at: string;
  undone_by: string | null;
  undone_at: string | null;
}

/** Records assembly did not merge because their facts disagree, waiting for the analyst (migration 019). */
export interface ResolutionConflictsTable {
  case_id: string;
  /** The pair and the identifier they share: a re-import raising it again adds nothing. */
  conflict_key: string;
  a_id: string;
  b_id: string;
  /** In plain words, with the identifier: "two birth dates (1990-01-01, 1985-05-05) on document:ee:K1234567". */
  reason: string;
  /** The import that raised it. */
  source_id: string | null;
  raised_at: string;
  dismissed_by: string | null;
  dismissed_at: string | null;
}
