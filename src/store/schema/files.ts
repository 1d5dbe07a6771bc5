/**
 * Evidence files kept with a case (documents, web and ad captures, extractions). Case-scoped.
 *
 * Current table row types (migrations in store/migrations are the history that made them).
 */

export interface CaseFilesTable {
  case_id: string;
  id: string;
  file_name: string;
  mime_type: string;
  sha256: string;
  size: number;
  content: Buffer;
  entity_id: string | null;
  source_id: string | null;
  created_by: string;
  created_at: string;
  /** Encryption at rest: `aes-256-gcm`, the evidence key id, nonce and tag (hex); null: plaintext (before 004). */
  enc_alg: string | null;
  enc_key_id: string | null;
  enc_nonce: string | null;
  enc_tag: string | null;
}
