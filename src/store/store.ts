/**
 * The store: one open database, migrated, with a transaction helper. Repositories in
 * `repos/` take a `CaseScope` (case data) or the raw `db` (global reference tables).
 */
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Kysely, KyselyPlugin } from 'kysely';
import { checkpointAudit } from './audit/checkpoint.ts';
import { CaseScope } from './caseScope.ts';
import { openDb } from './dialect.ts';
import type { DialectName, OpenedDb, StoreOptions } from './dialect.ts';
import { keyRingInUse } from './keys.ts';
import { migrate } from './migrate.ts';
import type { Database } from './schema/index.ts';

const SERIALIZATION_FAILURE = '40001';
const DEADLOCK_DETECTED = '40P01';

function isRetryable(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === SERIALIZATION_FAILURE || code === DEADLOCK_DETECTED;
}

/** Lets the event loop answer what waits (requests) after every query, before the caller goes on. */
const yieldAfterEachQuery: KyselyPlugin = {
  transformQuery: (args) => args.node,
  transformResult: async (args) => {
    await new Promise((resolve) => setImmediate(resolve));
    return args.result;
  },
};

function dataDirOf(opts: StoreOptions): string {
  if (opts.dataDir) return resolve(opts.dataDir);
  if (opts.sqliteFile && opts.sqliteFile !== ':memory:') return dirname(resolve(opts.sqliteFile));
  // Test runs must not write into the working folder.
  return process.env.VITEST ? join(tmpdir(), 'elect-thb-test-data') : resolve('data');
}

export class Store {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  readonly raw: OpenedDb;
  /**
   * The data folder: files that outlive a request but not their job (staged uploads, finished
   * reports) live under it. Processes serving one database share it.
   */
  readonly dataDir: string;

  private constructor(opened: OpenedDb, dataDir: string) {
    this.raw = opened;
    this.dataDir = dataDir;
    this.db = opened.db;
    this.dialect = opened.dialect;
  }

  static async open(opts: StoreOptions): Promise<Store> {
    const opened = openDb(opts);
    const store = new Store(opened, dataDirOf(opts));
    await migrate(opened.db as unknown as Kysely<unknown>, opened.dialect);
    return store;
  }

  /**
   * The same database for background work (a report's gathering): after each query the process
   * answers waiting requests first. On embedded SQLite every query runs synchronously, so a job's
   * chain of queries would otherwise hold the request loop for its whole length (seconds).
   */
  background(): Store {
    return new Store({ ...this.raw, db: this.db.withPlugin(yieldAfterEachQuery) }, this.dataDir);
  }

  scope(caseId: string): CaseScope {
    return new CaseScope(this.db, caseId, this.raw.sqlite);
  }

  /**
   * Runs `fn` in one transaction: all writes of a request or an import land together or not
   * at all. Retries on serialization failure, as Postgres-compatible distributed engines ask.
   */
  async transaction<T>(fn: (trx: Kysely<Database>) => Promise<T>, attempts = 5): Promise<T> {
    for (let i = 1; ; i++) {
      try {
        return await this.db.transaction().execute(fn);
      } catch (e) {
        if (i >= attempts || !isRetryable(e)) throw e;
        await new Promise((r) => setTimeout(r, 10 * 2 ** i));
      }
    }
  }

  /** Links the audit records still pending into the global chain (and witnesses them), then closes. */
  async close(): Promise<void> {
    const ring = keyRingInUse();
    if (ring?.canSign) await checkpointAudit(this.db, ring).catch(() => undefined);
    await this.db.destroy();
  }
}
