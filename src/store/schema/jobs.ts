/**
 * Jobs (case reports, imports) and files staged for an import: state any server process can read,
 * so work in flight survives a restart and is visible from every process. Case-scoped.
 *
 * Current table row types (migrations in store/migrations are the history that made them).
 */

export interface JobsTable {
  case_id: string;
  id: string;
  /** `report` | `import` */
  kind: string;
  owner_id: string;
  /** `queued` | `running` | `succeeded` | `failed` | `cancelled` */
  state: string;
  /** What a running job is doing (an import's `checking`/`writing`, a report's section). */
  step: string | null;
  /** Kind-specific progress as JSON text. */
  progress: string;
  error: string | null;
  /** What the job needs to run (again, after a restart), as JSON text. */
  input: string;
  /** Kind-specific outcome as JSON text (an import's report and line messages, a report's pages). */
  result: string | null;
  /** The job's output file in the data folder (a sealed PDF), removed when the job expires. */
  result_file: string | null;
  /** SHA-256 (hex) of the ticket an import's status and cancel are opened with. */
  ticket_hash: string | null;
  cancel_requested: number;
  /** The runner (process) that claimed the job, and when it last said it was alive. */
  claimed_by: string | null;
  heartbeat_at: string | null;
  attempts: number;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  expires_at: string;
}

export interface JobUploadsTable {
  case_id: string;
  id: string;
  owner_id: string;
  file_name: string;
  /** The file's path under the data folder's staging area. */
  stored_as: string;
  size: number;
  sha256: string;
  created_at: string;
  expires_at: string;
}
