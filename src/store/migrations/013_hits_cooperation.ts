/**
 * Hit/no-hit between cases and between deployments, and the cooperation that follows a hit.
 *
 * Global reference tables (one deployment's settings and logs, not case data):
 *   cooperation_agreements  partners, their signing keys, selector kinds, rate limits, contact points
 *   cooperation_identity    this deployment's id and public key; the secret key is a file in
 *                           ELECT_KEY_DIR (`cooperation-signing.key`), never in the database
 *   psi_query_log           every query sent or answered, refused or rejected (rate limits count it)
 *   exchange_nonces         nonces of every envelope accepted from a partner: a replay is refused
 *   psi_responses           what this deployment answered (its own blinded order), so a partner's
 *                           cooperation request can name matched positions instead of selectors
 *
 * Case-scoped tables (primary key led by case_id): psi_sessions, hit_notices, notifications,
 * cooperation_requests.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

/** store/tables.ts: `cooperation_agreements`. */
export interface CooperationAgreementsTable {
  id: string;
  name: string;
  partner_name: string;
  partner_country: string;
  partner_public_key: string;
  partner_deployment_id: string;
  partner_url: string | null;
  /** JSON list of selector kinds. */
  selector_types: string;
  rate_queries: number;
  rate_period_hours: number;
  max_selectors: number;
  /** JSON list of contact points {name, agency, email?, phone?}. */
  contact_points: string;
  valid_until: string | null;
  /** active or revoked */
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** store/tables.ts: `cooperation_identity`. One row, id `self`. */
export interface CooperationIdentityTable {
  id: string;
  deployment_id: string;
  public_key: string;
  /** File name of the secret key in the key folder. */
  key_file: string;
  created_at: string;
}

/** store/tables.ts: `psi_query_log`. */
export interface PsiQueryLogTable {
  id: string;
  agreement_id: string;
  /** out: this deployment asked; in: a partner asked. */
  direction: string;
  /** https or file */
  transport: string;
  peer: string;
  nonce: string;
  /** The initiating case (outgoing queries only). */
  case_ref: string | null;
  set_size: number;
  matched: number | null;
  /** sent, answered, finished, refused (rate limit, size), rejected (signature, replay…), failed */
  outcome: string;
  reason: string | null;
  user_id: string | null;
  at: string;
}

/** store/tables.ts: `exchange_nonces`. */
export interface ExchangeNoncesTable {
  sender: string;
  nonce: string;
  agreement_id: string;
  type: string;
  at: string;
}

/** store/tables.ts: `psi_responses`. */
export interface PsiResponsesTable {
  id: string;
  agreement_id: string;
  peer: string;
  query_nonce: string;
  /** JSON: for each position sent, [kind, value] or null for padding. */
  positions: string;
  created_at: string;
}

/** store/tables.ts: `psi_sessions`. */
export interface PsiSessionsTable {
  case_id: string;
  id: string;
  agreement_id: string;
  query_nonce: string;
  /** The one-query secret scalar (hex); erased when the query is finished. */
  secret: string | null;
  /** JSON: selector index per position sent (-1: padding). */
  positions: string;
  /** JSON: [kind, value, entity ids] of the selectors sent. */
  selectors: string;
  transport: string;
  status: string;
  created_by: string;
  created_at: string;
  finished_at: string | null;
}

/** store/tables.ts: `hit_notices`. */
export interface HitNoticesTable {
  case_id: string;
  id: string;
  /** case: another case of this deployment; partner: a partner deployment. */
  origin: string;
  /** finder: this case's check found it; found: another's check found this case. */
  role: string;
  /** Never shown to users of this case: the other case (origin case). */
  counterpart_case_id: string | null;
  counterpart_notice_id: string | null;
  agreement_id: string | null;
  /** JSON (origin partner): the partner's response id and matched positions. */
  counterpart_ref: string | null;
  /** JSON: counts per selector kind. */
  kinds: string;
  /** JSON: this case's entity ids holding a shared selector. */
  entity_ids: string;
  contact_user_id: string | null;
  contact_name: string;
  contact_agency: string;
  contact_country: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  first_seen_at: string;
  last_seen_at: string;
}

/** store/tables.ts: `notifications`. */
export interface NotificationsTable {
  case_id: string;
  id: string;
  user_id: string;
  kind: string;
  ref_id: string;
  created_at: string;
  read_at: string | null;
}

/** store/tables.ts: `cooperation_requests`. */
export interface CooperationRequestsTable {
  case_id: string;
  id: string;
  notice_id: string;
  /** outgoing or incoming */
  direction: string;
  /** requested, accepted, declined */
  status: string;
  counterpart_case_id: string | null;
  counterpart_request_id: string | null;
  agreement_id: string | null;
  counterpart_name: string;
  counterpart_agency: string;
  counterpart_country: string | null;
  message: string | null;
  shared_entities: number;
  requested_by: string;
  decided_by: string | null;
  created_at: string;
  updated_at: string;
}

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('cooperation_agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('partner_name', 'text', (c) => c.notNull())
    .addColumn('partner_country', 'text', (c) => c.notNull())
    .addColumn('partner_public_key', 'text', (c) => c.notNull())
    .addColumn('partner_deployment_id', 'text', (c) => c.notNull())
    .addColumn('partner_url', 'text')
    .addColumn('selector_types', 'text', (c) => c.notNull())
    .addColumn('rate_queries', 'integer', (c) => c.notNull())
    .addColumn('rate_period_hours', 'integer', (c) => c.notNull())
    .addColumn('max_selectors', 'integer', (c) => c.notNull())
    .addColumn('contact_points', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cooperation_identity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deployment_id', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('key_file', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('psi_query_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('transport', 'text', (c) => c.notNull())
    .addColumn('peer', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('case_ref', 'text')
    .addColumn('set_size', 'integer', (c) => c.notNull())
    .addColumn('matched', 'integer')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('psi_query_log_agreement_idx')
    .on('psi_query_log')
    .columns(['agreement_id', 'direction', 'at'])
    .execute();

  await db.schema
    .createTable('exchange_nonces')
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exchange_nonces_pk', ['sender', 'nonce'])
    .execute();

  await db.schema
    .createTable('psi_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('peer', 'text', (c) => c.notNull())
    .addColumn('query_nonce', 'text', (c) => c.notNull())
    .addColumn('positions', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  const caseTable = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${name}_pk`, ['case_id', 'id'])
      .addForeignKeyConstraint(`${name}_case_fk`, ['case_id'], 'cases', ['case_id'], (cb) => cb.onDelete('cascade'));

  await caseTable('psi_sessions')
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('query_nonce', 'text', (c) => c.notNull())
    .addColumn('secret', 'text')
    .addColumn('positions', 'text', (c) => c.notNull())
    .addColumn('selectors', 'text', (c) => c.notNull())
    .addColumn('transport', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();

  await caseTable('hit_notices')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('counterpart_case_id', 'text')
    .addColumn('counterpart_notice_id', 'text')
    .addColumn('agreement_id', 'text')
    .addColumn('counterpart_ref', 'text')
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('entity_ids', 'text', (c) => c.notNull())
    .addColumn('contact_user_id', 'text')
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_agency', 'text', (c) => c.notNull())
    .addColumn('contact_country', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('hit_notices_counterpart_idx')
    .on('hit_notices')
    .columns(['case_id', 'counterpart_case_id'])
    .execute();

  await caseTable('notifications')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  // A user's own notifications across their cases: the bell in the workspace.
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();

  await caseTable('cooperation_requests')
    .addColumn('notice_id', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('counterpart_case_id', 'text')
    .addColumn('counterpart_request_id', 'text')
    .addColumn('agreement_id', 'text')
    .addColumn('counterpart_name', 'text', (c) => c.notNull())
    .addColumn('counterpart_agency', 'text', (c) => c.notNull())
    .addColumn('counterpart_country', 'text')
    .addColumn('message', 'text')
    .addColumn('shared_entities', 'integer', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
