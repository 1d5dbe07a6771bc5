/**
 * The full-text search documents of a case. The index itself is dialect-specific and outside Kysely's view:
 * the FTS5 table `search_fts` on SQLite, the generated `tsv` column on PostgreSQL (store/search.ts).
 *
 * Current table row types (migrations in store/migrations are the history that made them).
 */

export interface SearchDocsTable {
  case_id: string;
  doc_id: string;
  entity_id: string | null;
  kind: string;
  text: string;
}
