/**
 * A light request is answered while one user's reports gather a large case: gathering lets the
 * request loop in between its queries (on SQLite each query blocks the process while it runs)
 * and reports gather in turn. Measured over real sockets, relative to how long the gathering took,
 * so a loaded machine slows both sides alike.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../../test/support/dialects.ts';
import { addUserWithToken } from '../../../services/access/users.ts';
import { jobRunner } from '../../../services/jobs/index.ts';
import { buildApp } from '../../app.ts';

const PERSONS = 10_000;

describeEachDialect('report generation and light requests', ({ store }) => {
  let base = '';
  let close = async () => {};
  let heavy = '';
  let reader = '';
  let caseId = '';
  const send = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    try {
      store();
    } catch {
      return;
    }
    const app = await buildApp({ store: store() });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    close = () => app.close();
    const tag = Math.random().toString(36).slice(2, 8);
    heavy = (await addUserWithToken(store(), { username: `report-heavy-${tag}`, platformRole: 'investigator' })).token;
    reader = (await addUserWithToken(store(), { username: `report-reader-${tag}`, platformRole: 'investigator' }))
      .token;
    caseId = String((await send(heavy, 'POST', '/api/cases', { title: 'Large case', country: 'FI' })).json.id);
    const entities = Array.from({ length: PERSONS }, (_, i) => ({
      schema: 'Person',
      properties: { name: [`Person ${i}`], birthDate: ['1990-01-01'] },
    }));
    expect((await send(heavy, 'POST', `/api/cases/${caseId}/entities/batch`, { entities })).status).toBe(201);
  }, 120_000);
  afterAll(() => close());

  itDb(
    'GET /api/auth/me is answered while four reports are asked for and gathered',
    async () => {
      const started = Date.now();
      const asked = await Promise.all(
        Array.from({ length: 4 }, () => send(heavy, 'POST', `/api/cases/${caseId}/reports`, {})),
      );
      const jobs = asked.filter((r) => r.status === 202).map((r) => String(r.json.id));
      expect(jobs.length).toBeGreaterThan(0);
      const runner = jobRunner(store());
      const gathering = async () => {
        const rows = await Promise.all(jobs.map((id) => runner.state(caseId, id)));
        // Past 0.8 a report is drawn on a pool thread or finished.
        return rows.some((r) => r && r.state === 'running' && Number(JSON.parse(r.progress)) < 0.8);
      };
      const waits: number[] = [];
      let gatheredAt = Date.now();
      while (await gathering()) {
        const t0 = Date.now();
        const me = await send(reader, 'GET', '/api/auth/me');
        expect(me.status).toBe(200);
        waits.push(Date.now() - t0);
        gatheredAt = Date.now();
      }
      await Promise.all(jobs.map((id) => runner.wait(caseId, id)));
      const gatheringMs = gatheredAt - started;
      const slowest = Math.max(0, ...waits);
      // Before gathering yielded, the whole gathering was one block on SQLite: the first light
      // request waited for all of it (slowest ≈ gatheringMs, a handful answered at most).
      expect(waits.length, `${waits.length} answered in ${gatheringMs} ms`).toBeGreaterThanOrEqual(5);
      expect(slowest, `slowest ${slowest} ms of ${gatheringMs} ms gathering`).toBeLessThan(gatheringMs * 0.4);
    },
    180_000,
  );
});
