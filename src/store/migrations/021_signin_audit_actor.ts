/**
 * Sign-in and audit, hardened:
 * - `users.password_must_change`: set when an administrator resets a password; the one-time
 *   password then only lets its owner choose a new one at sign-in, so no administrator holds a
 *   password that works twice.
 * - `audit_events.actor_username`, `actor_agency`: who acted, as they were named and placed at the
 *   moment of the event. Records written from now on (record version 2) carry both inside their
 *   hash; records written before stay version 1 (both null) and verify as they always did.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('password_must_change', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('audit_events').addColumn('actor_username', 'text').execute();
  await db.schema.alterTable('audit_events').addColumn('actor_agency', 'text').execute();
}
