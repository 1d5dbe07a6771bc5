/**
 * Runs a suite once per database dialect, as Kysely's own tests do: SQLite in memory and
 * PostgreSQL in a schema of its own. When PostgreSQL cannot be reached the PostgreSQL cases
 * are skipped with one plain message, except under CI=true, where that is a failure.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { DialectName } from '../../src/store/dialect.ts';
import { Store } from '../../src/store/store.ts';
import { describeWithFixtures } from './fixtures.ts';

export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const inCi = process.env.CI === 'true';

async function reachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    await client.end().catch(() => undefined);
  }
}

let pgCheck: Promise<string | null> | undefined;
let warned = false;
export const postgresProblem = (): Promise<string | null> => (pgCheck ??= reachable(TEST_PG_URL));

export interface DialectContext {
  dialect: DialectName;
  /** The store for this dialect, opened before the suite's tests run. */
  store: () => Store;
}

/** Opens an isolated, migrated store: in-memory SQLite or a fresh PostgreSQL schema. */
export async function openTestStore(dialect: DialectName): Promise<{ store: Store; dispose: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const store = await Store.open({ sqliteFile: ':memory:' });
    return { store, dispose: () => store.close() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const store = await Store.open({ databaseUrl: TEST_PG_URL, pgSchema: schema });
  return {
    store,
    dispose: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

export function describeEachDialect(
  title: string,
  body: (ctx: DialectContext) => void,
  suite: (name: string, fn: () => void) => void = describe,
): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    suite(`${title} [${dialect}]`, () => {
      let opened: { store: Store; dispose: () => Promise<void> } | undefined;
      let skipReason: string | null = null;
      beforeAll(async () => {
        if (dialect === 'postgres') {
          skipReason = await postgresProblem();
          if (skipReason) {
            if (inCi)
              throw new Error(
                `PostgreSQL is required under CI=true but not reachable at ${TEST_PG_URL}: ${skipReason}`,
              );
            if (!warned) {
              warned = true;
              console.warn(`PostgreSQL not reachable at ${TEST_PG_URL} (${skipReason}): PostgreSQL cases skipped.`);
            }
            return;
          }
        }
        opened = await openTestStore(dialect);
      });
      afterAll(async () => {
        await opened?.dispose();
      });
      body({
        dialect,
        store: () => {
          if (!opened) throw new SkipDialect(skipReason ?? 'store not opened');
          return opened.store;
        },
      });
    });
  }
}

/** `describeEachDialect` for suites that read the real-file corpus: skipped without it (see fixtures.ts). */
export function describeEachDialectWithFixtures(title: string, body: (ctx: DialectContext) => void): void {
  describeEachDialect(title, body, describeWithFixtures);
}

/** Thrown when a PostgreSQL case runs without PostgreSQL (outside CI); see `itDb`. */
export class SkipDialect extends Error {}

/**
 * The suite's set-up, run before its cases with this dialect's store; when the dialect is
 * unavailable it does nothing (its cases then skip through `itDb`, or fail under CI=true).
 */
export function beforeAllWithStore(store: () => Store, setUp: (s: Store) => Promise<void>, timeout?: number): void {
  beforeAll(async () => {
    let s: Store;
    try {
      s = store();
    } catch (e) {
      if (e instanceof SkipDialect) return;
      throw e;
    }
    await setUp(s);
  }, timeout);
}

/** Like `it`, but skips the case (outside CI) when its dialect is unavailable. */
export function itDb(name: string, fn: () => Promise<void>, timeout?: number): void {
  it(
    name,
    async (ctx) => {
      try {
        await fn();
      } catch (e) {
        if (e instanceof SkipDialect && !inCi) {
          ctx.skip();
          return;
        }
        throw e;
      }
    },
    timeout,
  );
}
