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
