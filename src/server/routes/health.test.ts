import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../store/store.ts';
import { testApi } from '../../../test/support/api.ts';
import type { Caller, TestApi } from '../../../test/support/api.ts';
import { beforeAllWithStore, describeEachDialect, itDb, postgresProblem, TEST_PG_URL } from '../../../test/support/dialects.ts';
import { startTcpProxy } from '../../../test/support/tcpProxy.ts';
import type { TcpProxy } from '../../../test/support/tcpProxy.ts';

describeEachDialect('health probes', ({ store }) => {
  let api: TestApi;
  beforeAllWithStore(store, async (s) => {
    api = await testApi(s);
  });

  itDb('/healthz and /readyz answer JSON, not the web page', async () => {
    const live = await api.app.inject({ method: 'GET', url: '/healthz' });
    expect(live.statusCode).toBe(200);
    expect(live.headers['content-type']).toMatch(/application\/json/);
    expect(live.json()).toEqual({ ok: true });
    const ready = await api.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.headers['content-type']).toMatch(/application\/json/);
    expect(ready.json()).toMatchObject({
      ready: true,
      checks: { database: { ok: true }, migrations: { ok: true }, keyFolder: { ok: true } },
    });
  });

  itDb('/readyz is 503 naming the migrations while the database is behind this release', async () => {
    const db = store().db;
    const top = await sql<{ v: number }>`SELECT max(version) AS v FROM schema_migrations`.execute(db);
    const last = Number(top.rows[0]?.v);
    const row = await sql<{ name: string; applied_at: string }>`
      SELECT name, applied_at FROM schema_migrations WHERE version = ${last}`.execute(db);
    const { name, applied_at } = row.rows[0] ?? { name: '', applied_at: '' };
    await sql`DELETE FROM schema_migrations WHERE version = ${last}`.execute(db);
    try {
      const ready = await api.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.headers['retry-after']).toBe('5');
      const body = ready.json<{ ready: boolean; checks: { migrations: { ok: boolean; detail: string } } }>();
      expect(body.ready).toBe(false);
      expect(body.checks.migrations).toEqual({
        ok: false,
        detail: `at version ${last - 1}, this release needs ${last}`,
      });
    } finally {
      await sql`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${last}, ${name}, ${applied_at})`.execute(db);
    }
    expect((await api.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });
});

describe('the database cut and restored through a loopback proxy [postgres]', () => {
  let proxy: TcpProxy | undefined;
  let store: Store | undefined;
  let api: TestApi;
  let investigator: Caller;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = () => new pg.Client({ connectionString: TEST_PG_URL });

  beforeAll(async () => {
    if (await postgresProblem()) return;
    const c = admin();
    await c.connect();
    await c.query(`CREATE SCHEMA ${schema}`);
    await c.end();
    const target = new URL(TEST_PG_URL);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    store = await Store.open({ databaseUrl: proxy.via(TEST_PG_URL), pgSchema: schema });
    api = await testApi(store);
    investigator = await api.user('proxied-investigator');
  }, 60_000);

  afterAll(async () => {
    proxy?.restore();
    await api?.app.close();
    await store?.close();
    await proxy?.close();
    if (await postgresProblem()) return;
    const c = admin();
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  });

  it('answers 503 with Retry-After while cut and serves again once restored, without a restart', async (ctx) => {
    if (!proxy || !store) return ctx.skip();
    expect((await investigator('GET', '/api/cases')).status).toBe(200);

    proxy.cut();
    const ready = await api.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['retry-after']).toBe('5');
    expect(ready.json()).toMatchObject({ ready: false, checks: { database: { ok: false, detail: 'unreachable' } } });
    const refused = await investigator('GET', '/api/cases');
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.body).toEqual({
      error: { code: 'unavailable', message: 'The database cannot be reached right now; try again shortly' },
    });
    // Liveness does not depend on the database: the process is up.
    expect((await api.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);

    proxy.restore();
    expect((await api.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    expect((await investigator('GET', '/api/cases')).status).toBe(200);
  }, 60_000);
});
