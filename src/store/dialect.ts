/**
 * Opens the database: embedded SQLite in the data folder by default, PostgreSQL when a
 * connection string is given. Everything above this file is dialect-agnostic except the
 * full-text search adapters and the migration's FTS part.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema/index.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface StoreOptions {
  /** postgres://… — when set, PostgreSQL is used. */
  databaseUrl?: string | undefined;
  /** Folder for the SQLite file (and later evidence files). */
  dataDir?: string | undefined;
  /** SQLite file path; `:memory:` for tests. Defaults to `<dataDir>/elect.sqlite`. */
  sqliteFile?: string | undefined;
  /** PostgreSQL schema to use (tests isolate suites with one schema each). */
  pgSchema?: string | undefined;
}

export interface OpenedDb {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The raw SQLite handle, for bulk paths that need prepared statements. */
  sqlite?: SQLite.Database;
  pgPool?: pg.Pool;
}

// PostgreSQL returns BIGINT (int8) as text; amounts in minor units fit a JS number safely.
pg.types.setTypeParser(20, (v: string) => Number(v));

/** PRAGMAs for the embedded store: WAL for concurrent readers, foreign keys on. */
export const sqlitePragmas = [
  'journal_mode = WAL',
  'synchronous = NORMAL',
  'foreign_keys = ON',
  'busy_timeout = 5000',
  'temp_store = MEMORY',
  // Erased case data is overwritten, not merely unlinked from the file.
  'secure_delete = ON',
];

export function openDb(opts: StoreOptions): OpenedDb {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 10,
      // A database that does not answer fails the request (503) instead of holding it forever.
      connectionTimeoutMillis: 5000,
      ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
    });
    // An idle client losing its connection must not crash the process.
    pool.on('error', () => undefined);
    // Nor a checked-out one (its socket cut mid-request): the request fails with the error (503), the pool
    // drops the client, and the next request connects afresh once the database is back.
    pool.on('connect', (client) => client.on('error', () => undefined));
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres', pgPool: pool };
  }
  let file = opts.sqliteFile;
  if (!file) {
    const dir = opts.dataDir ?? 'data';
    mkdirSync(dir, { recursive: true });
    file = join(dir, 'elect.sqlite');
  }
  const sqlite = new SQLite(file);
  for (const p of sqlitePragmas) sqlite.pragma(p);
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), dialect: 'sqlite', sqlite };
}
