/**
 * The database reads and handles a backup and restore need: the online SQLite copy, the current
 * PostgreSQL schema, checking an archived SQLite file on its own, emptying the schema a
 * PostgreSQL restore goes into, and the audit heads a restore compares with the manifest.
 */
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { GLOBAL_CHAIN } from '../../audit/chain.ts';
import { verifyAuditLog } from '../../audit/verify.ts';
import type { VerifyReport } from '../../audit/verify.ts';
import type { KeyRing } from '../../keys.ts';
import type { Database } from '../../schema/index.ts';
import type { Store } from '../../store.ts';

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Whether a PostgreSQL schema name is one a backup can name on the command line and restore under. */
export const isPlainSchemaName = (s: string): boolean => SCHEMA_NAME.test(s);

/** The PostgreSQL schema the store works in. */
export async function currentSchema(store: Store): Promise<string> {
  const r = await sql<{ s: string }>`SELECT current_schema() AS s`.execute(store.db);
  const s = r.rows[0]?.s ?? 'public';
  if (!isPlainSchemaName(s)) throw new Error(`Schema name ${s} is not supported for backup`);
  return s;
}

/** The connection string of a PostgreSQL store (for pg_dump). */
export function pgConnectionString(store: Store): string {
  const url = store.raw.pgPool?.options.connectionString;
  if (!url) throw new Error('No PostgreSQL connection string');
  return url;
}

/** An online, consistent copy of a SQLite store (better-sqlite3's backup API). */
export async function copySqlite(store: Store, file: string): Promise<void> {
  if (!store.raw.sqlite) throw new Error('No SQLite handle');
  await store.raw.sqlite.backup(file);
}

/** The global chain's hash at `gseq`, if the log holds that record. */
export async function globalHashAt(db: Kysely<Database>, gseq: number): Promise<string | undefined> {
  const at = await db.selectFrom('audit_events').select('g_hash').where('gseq', '=', gseq).executeTakeFirst();
  return at?.g_hash;
}

/** The global chain's head: its sequence number and the store id it is witnessed under. */
export async function globalHead(db: Kysely<Database>): Promise<{ gseq: number; storeId: string | null } | undefined> {
  const g = await db
    .selectFrom('audit_heads')
    .select(['gseq', 'store_id'])
    .where('case_id', '=', GLOBAL_CHAIN)
    .executeTakeFirst();
  return g ? { gseq: Number(g.gseq), storeId: g.store_id } : undefined;
}

/**
 * Checks an archived SQLite database file on its own, read-only: its integrity, its audit log
 * (the witness is not consulted), and whether it holds the head the manifest names.
 */
export async function checkSqliteFile(
  file: string,
  ring: KeyRing,
  head: { gseq: number; g_hash: string },
): Promise<{ problems: string[]; audit: VerifyReport }> {
  const copy = new SQLite(file, { readonly: true });
  try {
    const problems: string[] = [];
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`db/elect.sqlite: integrity check failed (${String(integrity)})`);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: copy }) });
    const audit = await verifyAuditLog(db, ring, { ignoreWitness: true });
    if (!audit.ok) problems.push(`the archived audit log does not verify: ${audit.problems[0]?.message ?? ''}`);
    if ((await globalHashAt(db, head.gseq)) !== head.g_hash)
      problems.push('the archived audit log does not hold the head the manifest names');
    return { problems, audit };
  } finally {
    copy.close();
  }
}

/** Drops the schema a PostgreSQL restore goes into; refuses one holding tables unless `force`. */
export async function clearPgSchema(databaseUrl: string, schema: string, force: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ n: string }>(
      'SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = $1',
      [schema],
    );
    if (Number(tables.rows[0]?.n ?? 0) > 0 && !force)
      throw new Error(`Schema ${schema} already holds tables; restore with --force to replace them`);
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
