/**
 * Mentions in seized messages and documents: the analyst's decisions on them. Case-scoped.
 *
 * Current table row types (migrations in store/migrations are the history that made them).
 */

export interface MentionDecisionsTable {
  case_id: string;
  /** The message or document the mention was found in. */
  document_id: string;
  /** domain/mentions MentionKind. */
  kind: string;
  /** The normalised value (E.164, IBAN, the case's name of a person). */
  value: string;
  /** `accepted` or `rejected`. */
  decision: string;
  /** The entity an accepted mention links the document to. */
  entity_id: string | null;
  /** The Documentation link written on acceptance. */
  link_id: string | null;
  /** The words around the mention when it was decided, and where it stood in the text. */
  snippet: string;
  text_offset: number;
  decided_by: string;
  decided_at: string;
}
