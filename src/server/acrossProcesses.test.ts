/**
 * Nothing a request needs lives in one process: two server instances on one database (as two
 * processes behind a reverse proxy see it) share sessions, their CSRF rule, sign-out and the
 * sign-in lockout.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresProblem } from '../../test/support/dialects.ts';
import { sharedStores } from '../../test/support/sharedStores.ts';
import type { SharedStores } from '../../test/support/sharedStores.ts';
import { addUser } from '../services/access/users.ts';
import { buildApp } from './app.ts';

const PASSWORD = 'a long enough password';

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`one deployment, two server processes [${dialect}]`, () => {
    let shared: SharedStores | undefined;
    let a: FastifyInstance;
    let b: FastifyInstance;
    beforeAll(async () => {
      if (dialect === 'postgres' && (await postgresProblem())) return;
      shared = await sharedStores(dialect);
      a = await buildApp({ store: await shared.open(), runJobs: false });
      b = await buildApp({ store: await shared.open(), runJobs: false });
    }, 60_000);
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await shared?.dispose();
    });

    const login = (app: FastifyInstance, username: string, password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
        headers: { 'content-type': 'application/json' },
      });
    const cookieOf = (res: { headers: Record<string, unknown> }) =>
      String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '';

    it('a session made on one process works on the other, and signing out on either ends it on both', async (ctx) => {
      if (!shared) return ctx.skip();
      const store = await shared.open();
      const u = await addUser(store, { username: `roam-${dialect}`, platformRole: 'investigator', password: PASSWORD });
      const res = await login(a, u.username, PASSWORD);
      expect(res.statusCode).toBe(200);
      const cookie = cookieOf(res);
      const me = await b.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(me.statusCode).toBe(200);
      expect(me.json<{ user: { username: string } }>().user.username).toBe(u.username);
      // A change through the other process: the same CSRF rule (header required), then accepted.
      const body = { title: 'Operation Birch', country: 'LV' };
      const bare = await b.inject({ method: 'POST', url: '/api/cases', payload: body, headers: { cookie } });
      expect(bare.statusCode).toBe(403);
      const made = await b.inject({
        method: 'POST',
        url: '/api/cases',
        payload: body,
        headers: { cookie, 'x-elect-csrf': '1', 'content-type': 'application/json' },
      });
      expect(made.statusCode).toBe(201);
      const out = await b.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-elect-csrf': '1' } });
      expect(out.statusCode).toBeLessThan(300);
      expect((await a.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    });

    it('failed sign-ins count toward one lockout whichever process they reach', async (ctx) => {
      if (!shared) return ctx.skip();
      const store = await shared.open();
      const u = await addUser(store, { username: `guess-${dialect}`, platformRole: 'analyst', password: PASSWORD });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await login(i % 2 ? a : b, u.username, 'wrong password')).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      // Locked on both, even with the right password.
      expect((await login(a, u.username, PASSWORD)).statusCode).toBe(429);
      expect((await login(b, u.username, PASSWORD)).statusCode).toBe(429);
    });
  });
}
