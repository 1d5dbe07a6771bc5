/**
 * Agencies, password and session authentication, case ownership and sharing between agencies,
 * handling codes, and the victim-contact permission.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('agencies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  for (const [name, type] of [
    ['password_hash', 'text'],
    ['totp_secret', 'text'],
    ['language', 'text'],
    ['failed_logins', 'integer'],
    ['locked_until', 'text'],
    ['password_changed_at', 'text'],
  ] as const) {
    await db.schema.alterTable('users').addColumn(name, type).execute();
  }
  await sql`UPDATE users SET failed_logins = 0, language = 'en'`.execute(db);

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  /** Login attempts by username and by address, for rate limiting and temporary lockout. */
  await db.schema
    .createTable('login_attempts')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_key_idx').on('login_attempts').columns(['key', 'at']).execute();

  await db.schema.alterTable('cases').addColumn('owner_agency_id', 'text').execute();
  await db.schema.alterTable('cases').addColumn('handling_code', 'text').execute();
  /** operational, training or demo: trainees and trainers work only outside operational cases. */
  await db.schema.alterTable('cases').addColumn('purpose', 'text').execute();
  await sql`UPDATE cases SET purpose = 'operational'`.execute(db);

  await db.schema.alterTable('case_members').addColumn('victim_contact', 'integer').execute();
  await sql`UPDATE case_members SET victim_contact = 0`.execute(db);
  await db.schema.alterTable('entities').addColumn('handling_code', 'text').execute();

  await db.schema
    .createTable('case_shares')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    /** read or contribute */
    .addColumn('access', 'text', (c) => c.notNull())
    /** When 1, only the entities listed in case_share_entities are shared. */
    .addColumn('partial', 'integer', (c) => c.notNull())
    .addColumn('shared_by', 'text', (c) => c.notNull())
    .addColumn('shared_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_shares_pk', ['case_id', 'agency_id'])
    .addForeignKeyConstraint('case_shares_case_fk', ['case_id'], 'cases', ['case_id'], (cb) => cb.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('case_shares_agency_idx').on('case_shares').columns(['agency_id', 'case_id']).execute();

  /** An administrator's wording of the handling codes (their effect stays fixed in the code). */
  await db.schema
    .createTable('handling_code_texts')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('meaning', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_share_entities')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_share_entities_pk', ['case_id', 'agency_id', 'entity_id'])
    .addForeignKeyConstraint('case_share_entities_case_fk', ['case_id'], 'cases', ['case_id'], (cb) =>
      cb.onDelete('cascade'),
    )
    .execute();
}
