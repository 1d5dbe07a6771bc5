/**
 * The current database schema as Kysely sees it, one file per capability. Both dialects share it:
 * timestamps are ISO-8601 text and JSON is text, so one query works on SQLite and PostgreSQL alike.
 *
 * Case-scoped tables lead their primary key with `case_id` (the Citus distribution column); the
 * others are small global reference tables (users, agencies, settings, logs). The migrations in
 * store/migrations are the history that made this schema; they do not use these types.
 */
import type {
  AgenciesTable,
  ApiTokensTable,
  HandlingCodeTextsTable,
  LoginAttemptsTable,
  SessionsTable,
  UsersTable,
} from './access.ts';
import type { AuditEventsTable, AuditHeadsTable } from './audit.ts';
import type { CaptureImagesTable, CapturesTable } from './captures.ts';
import type {
  CaseMembersTable,
  CaseShareEntitiesTable,
  CaseSharesTable,
  CasesTable,
  JournalTable,
  NotesTable,
} from './cases.ts';
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
} from './cooperation.ts';
import type { EntitiesTable, EntityHistoryTable, SelectorsTable, SourcesTable } from './entities.ts';
import type { DocumentBandsTable, DocumentIndexTable, DocumentIndicatorMarksTable } from './documents.ts';
import type { CaseFilesTable } from './files.ts';
import type {
  FindingRunsTable,
  FindingsTable,
  ProceedsModelsTable,
  StatementsTable,
  TransactionsTable,
} from './finance.ts';
import type {
  AssessmentsTable,
  IndicatorCataloguesTable,
  IndicatorObservationsTable,
  PendingObservationsTable,
} from './identification.ts';
import type { SavedMappingsTable } from './imports.ts';
import type { MentionDecisionsTable } from './mentions.ts';
import type { JobsTable, JobUploadsTable } from './jobs.ts';
import type { HeavySlotsTable } from './workers.ts';
import type { VictimFilesTable } from './prosecution.ts';
import type { ResolutionConflictsTable, ResolutionDecisionsTable, ResolutionMergesTable } from './resolution.ts';
import type { SearchDocsTable } from './search.ts';
import type {
  TrainingAssignmentsTable,
  TrainingAttemptsTable,
  TrainingCohortsTable,
  TrainingEnrolmentsTable,
  TrainingProgressTable,
  TrainingSandboxesTable,
} from './training.ts';
import type { ChartsTable, ViewPlacementsTable } from './views.ts';

export type * from './access.ts';
export type * from './audit.ts';
export type * from './captures.ts';
export type * from './cases.ts';
export type * from './cooperation.ts';
export type * from './documents.ts';
export type * from './entities.ts';
export type * from './files.ts';
export type * from './finance.ts';
export type * from './identification.ts';
export type * from './imports.ts';
export type * from './jobs.ts';
export type * from './mentions.ts';
export type * from './workers.ts';
export type * from './prosecution.ts';
export type * from './resolution.ts';
export type * from './search.ts';
export type * from './training.ts';
export type * from './views.ts';

export interface Database {
  // access
  users: UsersTable;
  agencies: AgenciesTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  api_tokens: ApiTokensTable;
  handling_code_texts: HandlingCodeTextsTable;
  // cases
  cases: CasesTable;
  case_members: CaseMembersTable;
  case_shares: CaseSharesTable;
  case_share_entities: CaseShareEntitiesTable;
  notes: NotesTable;
  journal: JournalTable;
  // entities
  sources: SourcesTable;
  entities: EntitiesTable;
  entity_history: EntityHistoryTable;
  selectors: SelectorsTable;
  // search
  search_docs: SearchDocsTable;
  // documents
  document_index: DocumentIndexTable;
  document_bands: DocumentBandsTable;
  document_indicator_marks: DocumentIndicatorMarksTable;
  // files
  case_files: CaseFilesTable;
  // imports
  saved_mappings: SavedMappingsTable;
  // finance
  transactions: TransactionsTable;
  statements: StatementsTable;
  findings: FindingsTable;
  finding_runs: FindingRunsTable;
  proceeds_models: ProceedsModelsTable;
  // views
  charts: ChartsTable;
  view_placements: ViewPlacementsTable;
  // identification
  indicator_catalogues: IndicatorCataloguesTable;
  indicator_observations: IndicatorObservationsTable;
  pending_observations: PendingObservationsTable;
  assessments: AssessmentsTable;
  // mentions
  mention_decisions: MentionDecisionsTable;
  // captures
  captures: CapturesTable;
  capture_images: CaptureImagesTable;
  // resolution
  resolution_decisions: ResolutionDecisionsTable;
  resolution_merges: ResolutionMergesTable;
  resolution_conflicts: ResolutionConflictsTable;
  // cooperation
  cooperation_agreements: CooperationAgreementsTable;
  cooperation_identity: CooperationIdentityTable;
  psi_query_log: PsiQueryLogTable;
  exchange_nonces: ExchangeNoncesTable;
  psi_responses: PsiResponsesTable;
  psi_sessions: PsiSessionsTable;
  hit_notices: HitNoticesTable;
  notifications: NotificationsTable;
  cooperation_requests: CooperationRequestsTable;
  // prosecution
  victim_files: VictimFilesTable;
  // training
  training_cohorts: TrainingCohortsTable;
  training_enrolments: TrainingEnrolmentsTable;
  training_assignments: TrainingAssignmentsTable;
  training_attempts: TrainingAttemptsTable;
  training_progress: TrainingProgressTable;
  training_sandboxes: TrainingSandboxesTable;
  // jobs
  jobs: JobsTable;
  job_uploads: JobUploadsTable;
  heavy_slots: HeavySlotsTable;
  // audit
  audit_events: AuditEventsTable;
  audit_heads: AuditHeadsTable;
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
  'case_shares',
  'case_share_entities',
  'audit_heads',
  'findings',
  'finding_runs',
  'proceeds_models',
  'statements',
  'indicator_observations',
  'pending_observations',
  'mention_decisions',
  'assessments',
  'captures',
  'capture_images',
  'resolution_decisions',
  'resolution_merges',
  'resolution_conflicts',
  'view_placements',
  'charts',
  'psi_sessions',
  'hit_notices',
  'notifications',
  'cooperation_requests',
  'training_sandboxes',
  'victim_files',
  'jobs',
  'job_uploads',
  'document_index',
  'document_bands',
  'document_indicator_marks',
] as const;
export type CaseTable = (typeof caseScopedTables)[number];
