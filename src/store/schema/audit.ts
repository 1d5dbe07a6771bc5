/**
 * The tamper-evident audit log: every record in its case's hash chain and in the global chain,
 * signed; and each chain's head. No foreign key to `cases`: a case's chain outlives its erasure.
 *
 * Current table row types (migrations in store/migrations are the history that made them).
 */

export interface AuditEventsTable {
  /** The case, or `-` for the global chain of events outside any case. */
  case_id: string;
  /** Position in the case's chain: 1, 2, 3… */
  seq: number;
  id: string;
  at: string;
  user_id: string;
  /**
   * Directive 2016/680 art. 25: collection, alteration, consultation, disclosure, combination, erasure; login, logout,
   * permission.
   */
  action: string;
  target_type: string;
  target_id: string | null;
  /** JSON list of the ids returned to the caller, capped; `returned_count` is the full number. */
  returned_ids: string | null;
  returned_count: number;
  /** The case the event concerns (also for global records about a case, e.g. after its erasure). */
  case_ref: string | null;
  ip: string | null;
  /** JSON without personal data (store/audit/detail.ts). */
  detail: string | null;
  /**
   * Record version 2: the actor's username and agency id as of the event (null in version 1
   * records, written before; a later rename does not change what a record names).
   */
  actor_username: string | null;
  actor_agency: string | null;
  prev_hash: string;
  hash: string;
  /** Position in the global chain over all records. */
  gseq: number;
  g_prev_hash: string;
  g_hash: string;
  /** Ed25519 signature over both chains' hashes, by the key kept outside the database. */
  key_id: string | null;
  sig: string | null;
}

/** The head of each audit chain (`-` also holds the global chain's head); serialises appends. */
export interface AuditHeadsTable {
  case_id: string;
  seq: number;
  hash: string;
  gseq: number;
  g_hash: string;
  /** A random id naming this database in witness files (set on the `-` row). */
  store_id: string | null;
  /** Set when the case was erased: its chain ends with the erasure record. */
  sealed_at: string | null;
}
