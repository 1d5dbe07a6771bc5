/** Shared helpers for benchmarks: timing, figures printed beside their baselines. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Store } from '../src/store/store.ts';

export const PG_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

export async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

export const rate = (rows: number, ms: number): number => Math.round((rows * 1000) / ms);
export const fmt = (n: number): string => n.toLocaleString('en-GB');

export function report(
  title: string,
  ours: { label: string; rows: number; ms: number },
  base: { label: string; rows: number; ms: number },
  aim?: number,
): void {
  const a = rate(ours.rows, ours.ms);
  const b = rate(base.rows, base.ms);
  const ratio = a / b;
  console.log(`\n${title}`);
  console.log(
    `  ${ours.label.padEnd(46)} ${fmt(a).padStart(12)} rows/s  (${fmt(ours.rows)} rows in ${(ours.ms / 1000).toFixed(2)} s)`,
  );
  console.log(
    `  ${base.label.padEnd(46)} ${fmt(b).padStart(12)} rows/s  (${fmt(base.rows)} rows in ${(base.ms / 1000).toFixed(2)} s)`,
  );
  console.log(
    `  ratio ${ratio.toFixed(2)}${aim !== undefined ? `  (aim ≥ ${aim}: ${ratio >= aim ? 'met' : 'NOT met'})` : ''}`,
  );
}

export async function postgresReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** A migrated store in a throw-away PostgreSQL schema. */
export async function pgStore(): Promise<{ store: Store; schema: string; dispose: () => Promise<void> }> {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const store = await Store.open({ databaseUrl: PG_URL, pgSchema: schema });
  return {
    store,
    schema,
    dispose: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
