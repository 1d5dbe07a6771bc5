/**
 * Import mappings saved for reuse (a bank's CSV layout, an operator's CDR layout). A small global table:
 * a mapping describes a file layout, not case data, so its owner reuses it from case to case.
 *
 * Current table row types (migrations in store/migrations are the history that made them).
 */

export interface SavedMappingsTable {
  id: string;
  created_by: string;
  name: string;
  /** Importer format id: `ftm-mapping`, `cdr`, `bank-csv`… */
  format: string;
  /** The importer's options as JSON text. */
  options: string;
  created_at: string;
  updated_at: string;
}
