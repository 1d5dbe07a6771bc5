/**
 * A transaction that writes after it reads (counts, then inserts): on SQLite it takes the writer
 * lock from the start (`BEGIN IMMEDIATE`, waiting busy_timeout), so no other process gets in
 * between; on PostgreSQL an ordinary transaction (callers lock what they read).
 */
import { PostgresAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from './schema/index.ts';

export const isPostgresDb = (db: Kysely<Database>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

export async function inWriteTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (isPostgresDb(db)) return db.transaction().execute(fn);
  return db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      const out = await fn(conn);
      await sql`COMMIT`.execute(conn);
      return out;
    } catch (e) {
      await sql`ROLLBACK`.execute(conn).catch(() => undefined);
      throw e;
    }
  });
}
