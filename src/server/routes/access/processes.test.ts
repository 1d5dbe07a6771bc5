/**
 * Nothing a request needs lives in one process: a session made through one server process works
 * through another on the same database, ends everywhere when it ends on one, and the failed
 * sign-in budget counts attempts made through every process.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { addUser } from '../../../services/access/users.ts';
import { postgresProblem } from '../../../../test/support/dialects.ts';
import { sharedStores } from '../../../../test/support/sharedStores.ts';
import type { SharedStores } from '../../../../test/support/sharedStores.ts';

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`sessions and sign-in limits across server processes [${dialect}]`, () => {
    let shared: SharedStores | undefined;
    let a: FastifyInstance;
    let b: FastifyInstance;
    let password = '';

    beforeAll(async () => {
      if (dialect === 'postgres' && (await postgresProblem())) return;
      shared = await sharedStores(dialect);
      const storeA = await shared.open();
      const storeB = await shared.open();
      a = await buildApp({ store: storeA, runJobs: false });
      b = await buildApp({ store: storeB, runJobs: false });
      for (const username of ['walker', 'guesser']) {
        const u = await addUser(storeA, { username, platformRole: 'investigator' });
        if (username === 'walker') password = u.initialPassword ?? '';
        else guesserPassword = u.initialPassword ?? '';
      }
    }, 60_000);
    let guesserPassword = '';

    afterAll(async () => {
      await a?.close();
      await b?.close();
      await shared?.dispose();
    });

    const login = (app: FastifyInstance, username: string, pw: string) =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: pw } });
    const me = (app: FastifyInstance, cookie: string) =>
      app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

    it('a session made on one process works on the other, and ends on both', async (ctx) => {
      if (!shared) return ctx.skip();
      const signedIn = await login(a, 'walker', password);
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      const cookie = String(signedIn.headers['set-cookie']).split(';')[0] ?? '';
      expect(cookie).toMatch(/^elect_session=.+/);
      const onB = await me(b, cookie);
      expect(onB.statusCode).toBe(200);
      expect(onB.json()).toMatchObject({ user: { username: 'walker' } });
      const out = await b.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-elect-csrf': '1' } });
      expect(out.statusCode).toBe(204);
      expect((await me(a, cookie)).statusCode).toBe(401);
    });

    it('failed sign-ins through both processes count against one budget', async (ctx) => {
      if (!shared) return ctx.skip();
      // Five wrong passwords (the account's budget), alternating between the processes.
      for (let i = 0; i < 5; i++) {
        const r = await login(i % 2 ? b : a, 'guesser', 'wrong-password-123');
        expect(r.statusCode).toBe(401);
      }
      // Now the right password is refused through either process: the account is locked.
      for (const app of [a, b]) {
        const r = await login(app, 'guesser', guesserPassword);
        expect(r.statusCode).toBe(429);
        expect(r.json()).toMatchObject({ error: { code: 'rate_limited' } });
      }
    });
  });
}
