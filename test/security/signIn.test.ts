/**
 * Sign-in as an attacker tries it: guessing authenticator codes, swapping the second factor with
 * a stolen session, locking out an office, forging X-Forwarded-For, telling unknown names from
 * locked ones, and keeping a password an administrator reset. Both databases.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { base32Encode, totpAt } from '../../src/services/access/totp.ts';
import { addAgency, addUser } from '../../src/services/access/users.ts';
import { issueToken, updateUser } from '../../src/store/repos/access/users.ts';
import { queryAuditLog } from '../../src/store/audit/query.ts';
import { describeEachDialect, itDb } from '../support/dialects.ts';

const PASSWORD = 'a long enough password';
const SECRET = base32Encode(Buffer.from('sign-in-test-secret!'));
let n = 0;
const uniq = (s: string) => `${s}-${process.pid}-${++n}`;
/** A six-digit code that is not the current one (nor the neighbouring steps'). */
function wrongCode(): string {
  const near = new Set([-30_000, 0, 30_000].map((d) => totpAt(SECRET, Date.now() + d)));
  for (let c = 0; ; c++) {
    const code = String(c).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}

describeEachDialect('sign-in hardening', ({ store }) => {
  let app: FastifyInstance;
  let proxied: FastifyInstance;
  beforeAll(async () => {
    try {
      store();
    } catch {
      return;
    }
    app = await buildApp({ store: store() });
    proxied = await buildApp({ store: store(), trustProxy: ['127.0.0.1', '10.0.0.0/8'] });
  });
  const login = (
    body: Record<string, string>,
    opts: { remoteAddress?: string; headers?: Record<string, string>; via?: FastifyInstance } = {},
  ) =>
    (opts.via ?? app).inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: body,
      headers: { 'content-type': 'application/json', ...opts.headers },
      ...(opts.remoteAddress ? { remoteAddress: opts.remoteAddress } : {}),
    });
  const withToken = async (userId: string) => {
    const token = await issueToken(store().db, userId, 'test');
    return (method: 'POST', url: string, payload: unknown) =>
      app.inject({
        method,
        url,
        payload: JSON.stringify(payload),
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      });
  };

  itDb('guessing the authenticator code locks the account like guessing the password', async () => {
    const u = await addUser(store(), { username: uniq('totp'), platformRole: 'analyst', password: PASSWORD });
    await updateUser(store().db, u.id, { totp_secret: SECRET });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await login({ username: u.username, password: PASSWORD, totp: wrongCode() })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const right = await login({ username: u.username, password: PASSWORD, totp: totpAt(SECRET, Date.now()) });
    expect(right.statusCode).toBe(429);
  });

  itDb('changing or removing the second factor needs the password and a current code', async () => {
    const u = await addUser(store(), { username: uniq('swap'), platformRole: 'analyst', password: PASSWORD });
    await updateUser(store().db, u.id, { totp_secret: SECRET });
    const call = await withToken(u.id);
    const other = base32Encode(Buffer.from('an attacker secret!!'));
    const code = totpAt(other, Date.now());
    // A stolen session alone: refused, and the factor is unchanged.
    const bare = await call('POST', '/api/auth/totp', { secret: other, code });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.path).toBe('body.password');
    const noCurrent = await call('POST', '/api/auth/totp', { secret: other, code, password: PASSWORD });
    expect([noCurrent.statusCode, noCurrent.json().error.path]).toEqual([400, 'currentCode']);
    const wrongPassword = await call('POST', '/api/auth/totp/off', { password: 'not the password', code: wrongCode() });
    expect([wrongPassword.statusCode, wrongPassword.json().error.path]).toEqual([400, 'password']);
    const noCode = await call('POST', '/api/auth/totp/off', { password: PASSWORD, code: wrongCode() });
    expect([noCode.statusCode, noCode.json().error.path]).toEqual([400, 'code']);
    const still = await login({ username: u.username, password: PASSWORD, totp: totpAt(SECRET, Date.now()) });
    expect(still.statusCode).toBe(200);
    // The owner, with password and current code, replaces it and then removes it.
    const ok = await call('POST', '/api/auth/totp', {
      secret: other,
      code,
      password: PASSWORD,
      currentCode: totpAt(SECRET, Date.now()),
    });
    expect(ok.statusCode).toBe(200);
    const off = await call('POST', '/api/auth/totp/off', { password: PASSWORD, code: totpAt(other, Date.now()) });
    expect([off.statusCode, off.json().totp]).toEqual([200, false]);
    expect((await login({ username: u.username, password: PASSWORD })).statusCode).toBe(200);
  });

  itDb('failures from one office address never lock out a colleague behind it', async () => {
    const office = '192.0.2.44';
    const colleague = await addUser(store(), {
      username: uniq('colleague'),
      platformRole: 'analyst',
      password: PASSWORD,
    });
    const victim = await addUser(store(), { username: uniq('target'), platformRole: 'analyst', password: PASSWORD });
    for (let i = 0; i < 60; i++) {
      const username = i % 6 ? uniq('nobody') : victim.username;
      await login({ username, password: `wrong-${i}-password` }, { remoteAddress: office });
    }
    const res = await login({ username: colleague.username, password: PASSWORD }, { remoteAddress: office });
    expect(res.statusCode).toBe(200);
  });

  itDb('an unknown name answers exactly as an account does, locked included', async () => {
    const u = await addUser(store(), { username: uniq('real'), platformRole: 'analyst', password: PASSWORD });
    const answers = async (username: string) => {
      const out: string[] = [];
      for (let i = 0; i < 7; i++) {
        const r = await login({ username, password: `wrong-${i}-password` });
        out.push(`${r.statusCode} ${JSON.stringify(r.json())}`);
      }
      return out;
    };
    const real = await answers(u.username);
    const unknown = await answers(uniq('ghost'));
    expect(unknown).toEqual(real);
    expect(real[6]).toMatch(/^429 .*locked/);
  });

  itDb(
    'behind trusted proxies only the first untrusted hop is the client; a forged X-Forwarded-For is ignored',
    async () => {
      const u = await addUser(store(), { username: uniq('proxied'), platformRole: 'analyst', password: PASSWORD });
      const lastLoginIp = async () =>
        (await queryAuditLog(store().db, { action: 'login', userId: u.id, limit: 1 }))[0]?.ip ?? null;
      // Through the proxies: the client forged 6.6.6.6, the outer proxy appended the real 203.0.113.9.
      const viaProxy = await login(
        { username: u.username, password: PASSWORD },
        { via: proxied, remoteAddress: '10.1.2.3', headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 127.0.0.1' } },
      );
      expect(viaProxy.statusCode).toBe(200);
      expect(await lastLoginIp()).toBe('203.0.113.9');
      // Straight to the platform from an address that is no proxy: the header is not believed at all.
      const direct = await login(
        { username: u.username, password: PASSWORD },
        { via: proxied, remoteAddress: '198.51.100.7', headers: { 'x-forwarded-for': '6.6.6.6' } },
      );
      expect(direct.statusCode).toBe(200);
      expect(await lastLoginIp()).toBe('198.51.100.7');
      // Rotating forged addresses do not escape the lockout.
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        const r = await login(
          { username: u.username, password: `wrong-${i}-password` },
          { via: proxied, remoteAddress: '198.51.100.7', headers: { 'x-forwarded-for': `6.6.6.${i}` } },
        );
        statuses.push(r.statusCode);
      }
      expect(statuses.slice(5)).toEqual([429, 429]);
    },
  );

  itDb("after an administrator's reset the user chooses their own password; the admin's one works once", async () => {
    const agency = (await addAgency(store(), { name: uniq('Agency'), country: 'FI', kind: 'police' })).id;
    const admin = await addUser(store(), {
      username: uniq('admin'),
      platformRole: 'admin',
      agencyId: agency,
      password: PASSWORD,
    });
    const u = await addUser(store(), {
      username: uniq('reset'),
      platformRole: 'analyst',
      agencyId: agency,
      password: PASSWORD,
    });
    const call = await withToken(admin.id);
    const reset = await call('POST', `/api/users/${u.id}/reset`, {});
    expect(reset.statusCode).toBe(200);
    const given = reset.json().password as string;
    const plain = await login({ username: u.username, password: given });
    expect([plain.statusCode, plain.json().error.code]).toEqual([401, 'password_change_required']);
    expect(plain.headers['set-cookie']).toBeUndefined();
    const weak = await login({ username: u.username, password: given, newPassword: 'short' });
    expect([weak.statusCode, weak.json().error.path]).toEqual([400, 'newPassword']);
    const own = 'my own chosen passphrase';
    const chosen = await login({ username: u.username, password: given, newPassword: own });
    expect(chosen.statusCode).toBe(200);
    expect((await login({ username: u.username, password: given })).statusCode).toBe(401);
    expect((await login({ username: u.username, password: own })).statusCode).toBe(200);
    // An account the administrator creates: its generated password works once, too.
    const created = await call('POST', '/api/users', { username: uniq('fresh'), platformRole: 'analyst' });
    const first = created.json<{ user: { username: string }; initialPassword: string }>();
    const bare = await login({ username: first.user.username, password: first.initialPassword });
    expect(bare.json().error.code).toBe('password_change_required');
  });

  itDb('an administrator manages the accounts of their own agency only', async () => {
    const a = (await addAgency(store(), { name: uniq('Agency A'), country: 'FI', kind: 'police' })).id;
    const b = (await addAgency(store(), { name: uniq('Agency B'), country: 'EE', kind: 'police' })).id;
    const admin = await addUser(store(), {
      username: uniq('admin-a'),
      platformRole: 'admin',
      agencyId: a,
      password: PASSWORD,
    });
    const inB = await addUser(store(), {
      username: uniq('in-b'),
      platformRole: 'analyst',
      agencyId: b,
      password: PASSWORD,
    });
    const call = await withToken(admin.id);
    const cross = await call('POST', '/api/users', {
      username: uniq('planted'),
      platformRole: 'investigator',
      agencyId: b,
    });
    expect(cross.statusCode).toBe(403);
    const own = await call('POST', '/api/users', { username: uniq('new-a'), platformRole: 'analyst' });
    expect([own.statusCode, own.json().user.agencyId]).toEqual([201, a]);
    expect((await call('POST', `/api/users/${inB.id}/reset`, {})).statusCode).toBe(404);
    const list = await app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { authorization: `Bearer ${await issueToken(store().db, admin.id, 'list')}` },
    });
    const agencies = new Set((list.json().users as { agencyId: string | null }[]).map((x) => x.agencyId));
    expect([...agencies]).toEqual([a]);
  });
});
