/**
 * Table definitions as Kysely sees them. Both dialects share them: timestamps are ISO-8601
 * text and JSON is text, so one query works on SQLite and PostgreSQL alike.
 *
 * Case-scoped tables lead their primary key with `case_id` (the Citus distribution column);
 * `users`, `api_tokens` and `agencies` are small global reference tables.
 */
export interface CasesTable {
  case_id: string;
  title: string;
  reference: string | null;
  /** ISO country whose numbering plan reads national phone numbers in this case. */
  country: string;
  description: string | null;
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface CaseMembersTable {
  case_id: string;
  user_id: string;
  /** The user's role in this case (lead, investigator, analyst, reader…), not their platform role. */
  case_role: string;
  added_by: string;
  added_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  /** Platform role: admin, investigator, analyst, supervisor, prosecutor, trainer, trainee. */
  platform_role: string;
  agency_id: string | null;
  disabled: number;
  created_at: string;
}

export interface ApiTokensTable {
  token_hash: string;
  user_id: string;
  label: string;
  created_at: string;
}

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

export interface NotesTable {
  case_id: string;
  id: string;
  entity_id: string | null;
  /** `note` is an observation; `assessment` an analyst's judgement, kept apart from facts. */
  kind: string;
  text: string;
  author: string;
  created_at: string;
}

export interface JournalTable {
  case_id: string;
  id: string;
  occurred_at: string;
  kind: string;
  text: string;
  author: string;
  created_at: string;
}

export interface TransactionsTable {
  case_id: string;
  id: string;
  account_id: string;
  counterparty_account_id: string | null;
  counterparty_name: string | null;
  counterparty_account: string | null;
  amount_minor: number;
  currency: string;
  booking_date: string;
  value_date: string | null;
  text: string | null;
  reference: string | null;
  kind: string | null;
  place: string | null;
  source_id: string | null;
  /** Hash of the statement line's identifying fields: a re-imported line is not added twice. */
  fingerprint: string;
}

export interface AuditEventsTable {
  case_id: string;
  id: string;
  at: string;
  user_id: string;
  action: string;
  target_type: string;
  target_id: string | null;
  detail: string | null;
}

export interface SearchDocsTable {
  case_id: string;
  doc_id: string;
  entity_id: string | null;
  kind: string;
  text: string;
}

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
}

export interface GroundTruthsTable {
  case_id: string;
  part: number;
  generator: string;
  content: string;
}

export interface Database {
  cases: CasesTable;
  case_members: CaseMembersTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  sources: SourcesTable;
  entities: EntitiesTable;
  entity_history: EntityHistoryTable;
  selectors: SelectorsTable;
  notes: NotesTable;
  journal: JournalTable;
  transactions: TransactionsTable;
  audit_events: AuditEventsTable;
  search_docs: SearchDocsTable;
  case_files: CaseFilesTable;
  ground_truths: GroundTruthsTable;
}

/** Tables whose rows belong to one case. Every query on them goes through `CaseScope`. */
export const caseScopedTables = [
  'cases',
  'case_members',
  'sources',
  'entities',
  'entity_history',
  'selectors',
  'notes',
  'journal',
  'transactions',
  'audit_events',
  'search_docs',
  'case_files',
  'ground_truths',
] as const;
export type CaseTable = (typeof caseScopedTables)[number];
