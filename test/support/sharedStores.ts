/**
 * Two (or more) stores on one database, as separate server processes see it: an SQLite file in a
 * temporary folder opened twice, or one PostgreSQL schema opened through two pools; one data
 * folder shared by all, as processes behind one reverse proxy share it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DialectName } from '../../src/store/dialect.ts';
import { Store } from '../../src/store/store.ts';
import { TEST_PG_URL } from './dialects.ts';

export interface SharedStores {
  dataDir: string;
  /** Where another process finds the database: the SQLite file, or the PostgreSQL schema. */
  sqliteFile: string | null;
  pgSchema: string | null;
  /** Opens one more store on the same database (a process starting, or restarting). */
  open: () => Promise<Store>;
  dispose: () => Promise<void>;
}

export async function sharedStores(dialect: DialectName): Promise<SharedStores> {
  const dataDir = mkdtempSync(join(tmpdir(), 'elect-shared-'));
  const opened: Store[] = [];
  const schema = `t_${randomBytes(6).toString('hex')}`;
  if (dialect === 'postgres') {
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
  }
  const open = async () => {
    const store =
      dialect === 'sqlite'
        ? await Store.open({ sqliteFile: join(dataDir, 'elect.sqlite'), dataDir })
        : await Store.open({ databaseUrl: TEST_PG_URL, pgSchema: schema, dataDir });
    opened.push(store);
    return store;
  };
  return {
    dataDir,
    sqliteFile: dialect === 'sqlite' ? join(dataDir, 'elect.sqlite') : null,
    pgSchema: dialect === 'postgres' ? schema : null,
    open,
    dispose: async () => {
      for (const s of opened) await s.close().catch(() => undefined);
      if (dialect === 'postgres') {
        const admin = new pg.Client({ connectionString: TEST_PG_URL });
        await admin.connect();
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
