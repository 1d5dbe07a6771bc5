/**
 * Table definitions as Kysely sees them. Both dialects share them: timestamps are ISO-8601
 * text and JSON is text, so one query works on SQLite and PostgreSQL alike.
 *
 * Case-scoped tables lead their primary key with `case_id` (the Citus distribution column);
 * `users`, `api_tokens` and `agencies` are small global reference tables.
 */
import type { SavedMappingsTable } from './migrations/005_saved_mappings.ts';
import type { FindingRunsTable, FindingsTable, ProceedsModelsTable } from './migrations/006_findings.ts';
import type { StatementsTable } from './migrations/007_statements.ts';
import type {
  AssessmentsTable,
  IndicatorCataloguesTable,
  IndicatorObservationsTable,
} from './migrations/010_assessments.ts';
import type { CaptureImagesTable, CapturesTable } from './migrations/011_captures.ts';
import type { ResolutionDecisionsTable, ResolutionMergesTable } from './migrations/012_resolution.ts';
import type { ChartsTable } from './migrations/008_charts.ts';
import type { ViewPlacementsTable } from './migrations/009_view_placements.ts';
import type {
  CooperationAgreementsTable,
  CooperationIdentityTable,
  CooperationRequestsTable,
  ExchangeNoncesTable,
  HitNoticesTable,
  NotificationsTable,
  PsiQueryLogTable,
  PsiResponsesTable,
  PsiSessionsTable,
} from './migrations/013_hits_cooperation.ts';
import type {
  TrainingAssignmentsTable,
  TrainingAttemptsTable,
  TrainingCohortsTable,
  TrainingEnrolmentsTable,
  TrainingProgressTable,
  TrainingSandboxesTable,
} from './migrations/014_training.ts';
import type { VictimFilesTable } from './migrations/015_victim_file.ts';

export interface CasesTable {
  case_id: string;
  title: string;
  reference: string | null;
  /** ISO country whose numbering plan reads national phone numbers in this case. */
  country: string;
  description: string | null;
  status: string;
  owner_agency_id: string | null;
  /** Europol-style handling code H0–H3 limiting onward sharing and export. */
  handling_code: string | null;
  /** operational, training or demo */
  purpose: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** When the case must next be reviewed for retention (YYYY-MM-DD); null: not set. */
  review_date?: string | null;
}

export interface CaseMembersTable {
  case_id: string;
  user_id: string;
  /** The user's role in this case (lead, investigator, analyst, reader…), not their platform role. */
  case_role: string;
  /** May see victims' identities (their contact person, the lead). */
  victim_contact: number;
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
  password_hash: string | null;
  totp_secret: string | null;
  language: string | null;
  failed_logins: number | null;
  locked_until: string | null;
  password_changed_at: string | null;
}

export interface AgenciesTable {
  id: string;
  name: string;
  country: string;
  /** police, border guard, labour inspectorate, tax, FIU, prosecution, victim support */
  kind: string;
  created_at: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginAttemptsTable {
  key: string;
  at: string;
  ok: number;
}

export interface CaseSharesTable {
  case_id: string;
  agency_id: string;
  access: string;
  partial: number;
  shared_by: string;
  shared_at: string;
}

export interface HandlingCodeTextsTable {
  code: string;
  label: string;
  meaning: string;
  source: string;
  updated_by: string;
  updated_at: string;
}

export interface CaseShareEntitiesTable {
  case_id: string;
  agency_id: string;
  entity_id: string;
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
  /** Encryption at rest: `aes-256-gcm`, the evidence key id, nonce and tag (hex); null: plaintext (before 004). */
  enc_alg?: string | null;
  enc_key_id?: string | null;
  enc_nonce?: string | null;
  enc_tag?: string | null;
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
  audit_heads: AuditHeadsTable;
  search_docs: SearchDocsTable;
  case_files: CaseFilesTable;
  ground_truths: GroundTruthsTable;
  findings: FindingsTable;
  finding_runs: FindingRunsTable;
  proceeds_models: ProceedsModelsTable;
  agencies: AgenciesTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  case_shares: CaseSharesTable;
  case_share_entities: CaseShareEntitiesTable;
  handling_code_texts: HandlingCodeTextsTable;
  saved_mappings: SavedMappingsTable;
  statements: StatementsTable;
  indicator_catalogues: IndicatorCataloguesTable;
  indicator_observations: IndicatorObservationsTable;
  assessments: AssessmentsTable;
  captures: CapturesTable;
  capture_images: CaptureImagesTable;
  resolution_decisions: ResolutionDecisionsTable;
  resolution_merges: ResolutionMergesTable;
  view_placements: ViewPlacementsTable;
  charts: ChartsTable;
  cooperation_agreements: CooperationAgreementsTable;
  cooperation_identity: CooperationIdentityTable;
  psi_query_log: PsiQueryLogTable;
  exchange_nonces: ExchangeNoncesTable;
  psi_responses: PsiResponsesTable;
  psi_sessions: PsiSessionsTable;
  hit_notices: HitNoticesTable;
  notifications: NotificationsTable;
  cooperation_requests: CooperationRequestsTable;
  training_cohorts: TrainingCohortsTable;
  training_enrolments: TrainingEnrolmentsTable;
  training_assignments: TrainingAssignmentsTable;
  training_attempts: TrainingAttemptsTable;
  training_progress: TrainingProgressTable;
  training_sandboxes: TrainingSandboxesTable;
  victim_files: VictimFilesTable;
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
  'case_shares',
  'case_share_entities',
  'audit_heads',
  'findings',
  'finding_runs',
  'proceeds_models',
  'statements',
  'indicator_observations',
  'assessments',
  'captures',
  'capture_images',
  'resolution_decisions',
  'resolution_merges',
  'view_placements',
  'charts',
  'psi_sessions',
  'hit_notices',
  'notifications',
  'cooperation_requests',
  'training_sandboxes',
  'victim_files',
] as const;
export type CaseTable = (typeof caseScopedTables)[number];
