/** Users and API tokens: small global tables, not case-scoped. */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, UsersTable } from '../../schema/index.ts';

export type UserRow = UsersTable;

export async function insertUser(db: Kysely<Database>, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function getUser(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateUser(db: Kysely<Database>, id: string, patch: Partial<Omit<UserRow, 'id'>>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function listUsers(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('username').execute();
}

/** The ids of an agency's users (ownership of records is by the recorder's agency). */
export async function userIdsOfAgency(db: Kysely<Database>, agencyId: string): Promise<string[]> {
  return (await db.selectFrom('users').select('id').where('agency_id', '=', agencyId).execute()).map((r) => r.id);
}

export async function getUserByName(db: Kysely<Database>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Only the hash is stored: a stolen database does not hand out working tokens. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function issueToken(db: Kysely<Database>, userId: string, label: string): Promise<string> {
  const token = `elect_${randomBytes(24).toString('base64url')}`;
  await db
    .insertInto('api_tokens')
    .values({ token_hash: hashToken(token), user_id: userId, label, created_at: new Date().toISOString() })
    .execute();
  return token;
}

export async function userByToken(db: Kysely<Database>, token: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .where('api_tokens.token_hash', '=', hashToken(token))
    .executeTakeFirst();
}
