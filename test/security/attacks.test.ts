/** Attacks tried as a hostile user would, each against the real server on both databases. */
import { Readable } from 'node:stream';
import { beforeAll, expect } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { spoolToFile } from '../../src/server/http/upload.ts';
import { createCase } from '../../src/services/cases/cases.ts';
import { createEntities } from '../../src/services/entities/entities.ts';
import { actorOf, addAgency, addUser } from '../../src/services/access/users.ts';
import { addMember } from '../../src/store/repos/cases/cases.ts';
import { issueToken } from '../../src/store/repos/access/users.ts';
import { describeEachDialect, itDb } from '../support/dialects.ts';

const PASSWORD = 'a long enough password';
let n = 0;
const uniq = (s: string) => `${s}-${process.pid}-${++n}`;

describeEachDialect('attacks', ({ store }) => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      headers: { 'content-type': 'application/json', ...headers },
    });
  const cookieOf = (res: { headers: Record<string, unknown> }) =>
    String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '';

  beforeAll(async () => {
    try {
      store();
    } catch {
      return;
    }
    app = await buildApp({ store: store() });
  });

  itDb('password guessing is refused, then the account is locked even for the right password', async () => {
    const u = await addUser(store(), { username: uniq('guess'), platformRole: 'analyst', password: PASSWORD });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(u.username, `wrong-${i}-password`)).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    const right = await login(u.username, PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.message).toContain('locked');
  });

  itDb('session fixation: a session id planted before sign-in is never accepted', async () => {
    const u = await addUser(store(), { username: uniq('fix'), platformRole: 'analyst', password: PASSWORD });
    const planted = 'elect_session=attacker-chosen-value';
    const res = await login(u.username, PASSWORD, { cookie: planted });
    expect(res.statusCode).toBe(200);
    const issued = cookieOf(res);
    expect(issued).toMatch(/^elect_session=/);
    expect(issued).not.toBe(planted);
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/);
    expect(String(res.headers['set-cookie'])).toMatch(/SameSite=Strict/);
    const withPlanted = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: planted } });
    expect(withPlanted.statusCode).toBe(401);
    const withIssued = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: issued } });
    expect(withIssued.statusCode).toBe(200);
  });

  itDb('CSRF: a cookie-signed change from another origin, or without the workspace header, is refused', async () => {
    const u = await addUser(store(), { username: uniq('csrf'), platformRole: 'investigator', password: PASSWORD });
    const cookie = cookieOf(await login(u.username, PASSWORD));
    const body = JSON.stringify({ title: 'Planted', country: 'FI' });
    const headers = { cookie, 'content-type': 'application/json' };
    const noHeader = await app.inject({ method: 'POST', url: '/api/cases', payload: body, headers });
    expect(noHeader.statusCode).toBe(403);
    const evil = await app.inject({
      method: 'POST',
      url: '/api/cases',
      payload: body,
      headers: { ...headers, 'x-elect-csrf': '1', origin: 'https://evil.example' },
    });
    expect(evil.statusCode).toBe(403);
    const evilLogin = await login(u.username, PASSWORD, { origin: 'https://evil.example' });
    expect(evilLogin.statusCode).toBe(403);
    const same = await app.inject({
      method: 'POST',
      url: '/api/cases',
      payload: body,
      headers: { ...headers, 'x-elect-csrf': '1', origin: 'http://localhost:80', host: 'localhost:80' },
    });
    expect(same.statusCode).toBe(201);
  });

  itDb('a stolen session or token is useless after logout', async () => {
    const u = await addUser(store(), { username: uniq('stolen'), platformRole: 'analyst', password: PASSWORD });
    const cookie = cookieOf(await login(u.username, PASSWORD));
    const token = await issueToken(store().db, u.id, 'script');
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-elect-csrf': '1' } });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(200);
    const everywhere = await app.inject({
      method: 'POST',
      url: '/api/auth/logout-everywhere',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(everywhere.statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(401);
  });

  itDb('a trainee never reaches a real case, even as a member', async () => {
    const agency = (await addAgency(store(), { name: uniq('Agency'), country: 'FI', kind: 'police' })).id;
    const lead = actorOf(
      await addUser(store(), {
        username: uniq('lead'),
        platformRole: 'investigator',
        agencyId: agency,
        password: PASSWORD,
      }),
    );
    const trainee = await addUser(store(), {
      username: uniq('trainee'),
      platformRole: 'trainee',
      agencyId: agency,
      password: PASSWORD,
    });
    const real = await createCase(store(), lead, { title: 'Real operation', country: 'FI' });
    const training = await createCase(store(), lead, { title: 'Exercise', country: 'FI', purpose: 'training' });
    const now = new Date().toISOString();
    for (const c of [real, training])
      await addMember(store().scope(c.id), {
        user_id: trainee.id,
        case_role: 'member',
        victim_contact: 0,
        added_by: lead.id,
        added_at: now,
      });
    const token = await issueToken(store().db, trainee.id, 't');
    const auth = { authorization: `Bearer ${token}` };
    expect((await app.inject({ method: 'GET', url: `/api/cases/${real.id}`, headers: auth })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/cases/${real.id}/entities`, headers: auth })).statusCode).toBe(
      404,
    );
    expect((await app.inject({ method: 'GET', url: `/api/cases/${training.id}`, headers: auth })).statusCode).toBe(200);
    const list = (await app.inject({ method: 'GET', url: '/api/cases', headers: auth })).json<{
      cases: { id: string }[];
    }>();
    expect(list.cases.map((c) => c.id)).toEqual([training.id]);
  });

  itDb('upload file names cannot climb out of the upload folder; oversized uploads are refused', async () => {
    const spooled = await spoolToFile(Readable.from([Buffer.from('data')]), '../../../etc/passwd', 1024, 'attacker');
    try {
      expect(spooled.path).not.toContain('..');
      expect(spooled.path).toMatch(/elect-upload-[^/]+\/[^/]+$/);
    } finally {
      await spooled.dispose();
    }
    await expect(spoolToFile(Readable.from([Buffer.alloc(2048)]), 'big.bin', 1024, 'attacker')).rejects.toMatchObject({
      code: 'payload_too_large',
    });
  });

  itDb('script in names is stored and returned as text in JSON, never as markup', async () => {
    const u = await addUser(store(), { username: uniq('xss'), platformRole: 'investigator', password: PASSWORD });
    const token = await issueToken(store().db, u.id, 't');
    const c = await createCase(store(), actorOf(u), { title: '<img src=x onerror=alert(1)>', country: 'FI' });
    const res = await app.inject({
      method: 'GET',
      url: `/api/cases/${c.id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json().title).toBe('<img src=x onerror=alert(1)>');
  });

  itDb("a victim's name, phone and passport find nothing for a user without victim contact", async () => {
    const lead = actorOf(
      await addUser(store(), { username: uniq('vlead'), platformRole: 'investigator', password: PASSWORD }),
    );
    const member = await addUser(store(), { username: uniq('vmember'), platformRole: 'analyst', password: PASSWORD });
    const c = await createCase(store(), lead, { title: 'Victims', country: 'LV' });
    const [victim] = await createEntities(store(), lead, c.id, [
      {
        schema: 'Person',
        properties: {
          name: ['Ilze Kalniņa'],
          phone: ['+371 2612 9999'],
          passportNumber: ['LV1234567'],
          proceduralStatus: ['presumedVictim'],
        },
      },
      { schema: 'Person', properties: { name: ['Ilze Ozola'], proceduralStatus: ['witness'] } },
    ]);
    await addMember(store().scope(c.id), {
      user_id: member.id,
      case_role: 'member',
      victim_contact: 0,
      added_by: lead.id,
      added_at: new Date().toISOString(),
    });
    const memberAuth = { authorization: `Bearer ${await issueToken(store().db, member.id, 't')}` };
    const leadAuth = { authorization: `Bearer ${await issueToken(store().db, lead.id, 't')}` };
    const get = (url: string, headers: Record<string, string>) => app.inject({ method: 'GET', url, headers });

    const text = (await get(`/api/cases/${c.id}/search?q=${encodeURIComponent('Kalniņa')}`, memberAuth)).json<{
      results: unknown[];
    }>();
    expect(text.results).toEqual([]);
    const name = (
      await get(`/api/cases/${c.id}/selectors?kind=name&value=${encodeURIComponent('Ilze Kalnina')}`, memberAuth)
    ).json<{ matches: unknown[] }>();
    expect(name.matches).toEqual([]);
    const phone = (await get(`/api/cases/${c.id}/selectors?kind=phone&value=26129999`, memberAuth)).json<{
      matches: unknown[];
    }>();
    expect(phone.matches).toEqual([]);
    const passport = (await get(`/api/cases/${c.id}/selectors?kind=document&value=LV1234567`, memberAuth)).json<{
      matches: unknown[];
    }>();
    expect(passport.matches).toEqual([]);
    // The witness is still found; the victim appears in lists only by pseudonym.
    expect(
      (await get(`/api/cases/${c.id}/search?q=ilze`, memberAuth)).json<{ results: unknown[] }>().results,
    ).toHaveLength(1);
    const page = await get(`/api/cases/${c.id}/entities/${victim?.id}`, memberAuth);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Kalni');
    expect(page.body).not.toContain('2612');
    expect(page.json().entity.caption).toMatch(/^V-/);
    const list = await get(`/api/cases/${c.id}/entities`, memberAuth);
    expect(list.body).not.toContain('Kalni');
    // Exports pseudonymise too; only the lead may let identities out.
    const exp = await get(`/api/cases/${c.id}/export`, memberAuth);
    expect(exp.statusCode).toBe(200);
    expect(exp.body).not.toContain('Kalni');
    expect(exp.body).toContain('Ilze Ozola');
    expect((await get(`/api/cases/${c.id}/export?victimIdentities=true`, memberAuth)).statusCode).toBe(403);
    expect((await get(`/api/cases/${c.id}/export?victimIdentities=true`, leadAuth)).body).toContain('Kalni');
    // The lead (victim contact) sees the person.
    expect(
      (await get(`/api/cases/${c.id}/search?q=${encodeURIComponent('Kalniņa')}`, leadAuth)).json<{
        results: unknown[];
      }>().results,
    ).toHaveLength(1);
  });
});
