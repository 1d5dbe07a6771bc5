/**
 * Search across seized documents: each document's filter facts and near-duplicate signature, the
 * signature's bands, and the indicator language its text shows (migration 025).
 */

export interface DocumentIndexTable {
  case_id: string;
  entity_id: string;
  /** mail, chat, pdf, office, image, text */
  kind: string;
  /** Folded sender (name and address), '' when none. */
  sender: string;
  /** Folded recipients, '' when none. */
  recipients: string;
  /** YYYY-MM-DD of the message or document, when it says. */
  day: string | null;
  /** Hex MinHash signature (domain/documents/nearDuplicates.ts); null for a text too short. */
  signature: string | null;
}

export interface DocumentBandsTable {
  case_id: string;
  band: string;
  entity_id: string;
}

export interface DocumentIndicatorMarksTable {
  case_id: string;
  entity_id: string;
  ordinal: number;
  rule_id: string;
  category: string;
  indicator: string;
  language: string;
  phrase: string;
  snippet: string;
}
