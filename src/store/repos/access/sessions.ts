/**
 * Server-side sessions and login attempts. A session is known to the database only by the
 * SHA-256 of its token, so a copy of the database lets nobody sign in.
 */
import type { Kysely } from 'kysely';
import type { Database, SessionsTable } from '../../schema/index.ts';
import { hashToken } from './users.ts';

export type SessionRow = SessionsTable;

export async function insertSession(
  db: Kysely<Database>,
  token: string,
  row: Omit<SessionRow, 'id_hash'>,
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id_hash: hashToken(token), ...row })
    .execute();
}

export async function getSession(db: Kysely<Database>, token: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id_hash', '=', hashToken(token)).executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, token: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', hashToken(token)).execute();
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', hashToken(token)).execute();
}

/** Logout everywhere: every session and every API token of the user. */
export async function revokeAllOf(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await db.deleteFrom('api_tokens').where('user_id', '=', userId).execute();
}

export async function recordAttempt(db: Kysely<Database>, key: string, ok: boolean, at: string): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values({ key, at, ok: ok ? 1 : 0 })
    .execute();
}

export async function failuresSince(db: Kysely<Database>, key: string, since: string): Promise<number> {
  const r = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', key)
    .where('ok', '=', 0)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function pruneAttempts(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', before).execute();
}
