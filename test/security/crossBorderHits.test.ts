/**
 * Hit/no-hit between two deployments: two servers on loopback, each with its own database
 * (SQLite, and PostgreSQL when it is reachable), registered with each other under a
 * cooperation agreement. All bytes between them go through a recording relay; the capture must
 * hold no selector in clear nor plainly hashed. A wrong agreement finds nothing, a tampered or
 * replayed exchange file is rejected, and a query over the agreement's rate limit is refused
 * and logged.
 */
import { createHash } from 'node:crypto';
import { createServer, Socket } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityFromSecret, newSigningSecret } from '../../src/domain/hits/exchange.ts';
import { buildApp } from '../../src/server/app.ts';
import { useCooperationIdentity } from '../../src/services/cooperation/agreements.ts';
import { addUserWithToken } from '../../src/services/access/users.ts';
import { tasksRun } from '../../src/services/workers/index.ts';
import type { Store } from '../../src/store/store.ts';
import { openTestStore, postgresProblem } from '../support/dialects.ts';

interface Deployment {
  store: Store;
  app: FastifyInstance;
  url: string;
  me: ReturnType<typeof identityFromSecret>;
  admin: string;
  investigator: string;
  dispose: () => Promise<void>;
}

async function deployment(dialect: 'sqlite' | 'postgres', name: string): Promise<Deployment> {
  const { store, dispose } = await openTestStore(dialect);
  const me = identityFromSecret(newSigningSecret());
  useCooperationIdentity(store, me);
  const app = await buildApp({ store });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as AddressInfo).port;
  const admin = (await addUserWithToken(store, { username: `${name}-admin`, platformRole: 'admin' })).token;
  const investigator = (await addUserWithToken(store, { username: `${name}-inv`, platformRole: 'investigator' })).token;
  return {
    store,
    app,
    url: `http://127.0.0.1:${port}`,
    me,
    admin,
    investigator,
    dispose: async () => {
      await app.close();
      await dispose();
    },
  };
}

/** A TCP relay that records every byte in both directions. */
async function recordingRelay(
  targetPort: number,
): Promise<{ url: string; captured: () => Buffer; close: () => Promise<void> }> {
  const chunks: Buffer[] = [];
  const sockets: Socket[] = [];
  const server: Server = createServer((client) => {
    const upstream = new Socket();
    sockets.push(client, upstream);
    upstream.connect(targetPort, '127.0.0.1');
    client.on('data', (d: Buffer) => {
      chunks.push(Buffer.from(d));
      upstream.write(d);
    });
    upstream.on('data', (d: Buffer) => {
      chunks.push(Buffer.from(d));
      client.write(d);
    });
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    captured: () => Buffer.concat(chunks),
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

async function call(
  d: Deployment,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await d.app.inject({
    method: method as 'GET',
    url: path,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
  return { status: res.statusCode, json: JSON.parse(res.body || '{}') as Record<string, unknown> };
}

const agreement = (id: string, partner: Deployment, partnerUrl: string, queries = 3) => ({
  id,
  name: 'Finnish–Estonian labour exploitation cooperation',
  partnerName: 'Partner police',
  partnerCountry: 'EE',
  partnerPublicKey: partner.me.publicKeyHex,
  partnerUrl,
  selectorTypes: ['phone', 'email', 'iban', 'document'],
  rateLimit: { queries, periodHours: 24 },
  contactPoints: [{ name: 'Liis Tamm', agency: 'Partner police, THB unit', email: 'thb@partner.example' }],
});

/** Every spelling of the selectors both sides hold, and their plain hashes. */
const SELECTORS: Record<string, string[]> = {
  sharedPhone: ['040 123 4567', '0401234567', '+358401234567', '358401234567', '+358 40 1234567', '00358401234567'],
  sharedEmail: ['Shared.Person@Example.com', 'shared.person@example.com'],
  sharedIban: ['FI21 1234 5600 0007 85', 'FI2112345600000785', 'fi2112345600000785'],
  sharedDocument: ['AB1234567', 'ab1234567'],
  aOnlyPhone: ['+358 50 765 4321', '+358507654321', '0507654321', '358507654321'],
  aOnlyEmail: ['only.finland@example.fi'],
  bOnlyPhone: ['+372 5123 4567', '+37251234567', '37251234567', '51234567'],
  bOnlyIban: ['EE38 2200 2210 2014 5685', 'EE382200221020145685'],
};

function forbiddenNeedles(): { label: string; needle: string }[] {
  const out: { label: string; needle: string }[] = [];
  for (const [name, spellings] of Object.entries(SELECTORS)) {
    for (const s of spellings) {
      out.push({ label: `${name} clear "${s}"`, needle: s });
      for (const alg of ['sha256', 'sha1', 'md5']) {
        const d = createHash(alg).update(s, 'utf8').digest();
        out.push({ label: `${name} ${alg} hex of "${s}"`, needle: d.toString('hex') });
        out.push({ label: `${name} ${alg} HEX of "${s}"`, needle: d.toString('hex').toUpperCase() });
        out.push({ label: `${name} ${alg} base64 of "${s}"`, needle: d.toString('base64') });
        out.push({ label: `${name} ${alg} base64url of "${s}"`, needle: d.toString('base64url') });
      }
    }
  }
  return out;
}

describe('hit/no-hit between two deployments on loopback', () => {
  let a: Deployment;
  let b: Deployment;
  let relay: Awaited<ReturnType<typeof recordingRelay>>;
  let caseA = '';
  let caseB = '';
  let bIds: string[] = [];
  const aEntities: Record<string, string> = {};

  beforeAll(async () => {
    a = await deployment('sqlite', 'fi');
    b = await deployment((await postgresProblem()) ? 'sqlite' : 'postgres', 'ee');
    relay = await recordingRelay(Number(new URL(b.url).port));
    expect((await call(a, a.admin, 'POST', '/api/agreements', agreement('fi-ee-2026', b, relay.url))).status).toBe(201);
    expect(
      (
        await call(b, b.admin, 'POST', '/api/agreements', {
          ...agreement('fi-ee-2026', a, a.url),
          partnerName: 'Finnish police',
          partnerCountry: 'FI',
        })
      ).status,
    ).toBe(201);

    const ca = await call(a, a.investigator, 'POST', '/api/cases', { title: 'Berry pickers', country: 'FI' });
    caseA = String(ca.json.id);
    const made = await call(a, a.investigator, 'POST', `/api/cases/${caseA}/entities/batch`, {
      entities: [
        {
          schema: 'Person',
          properties: { name: ['Recruiter'], phone: ['040 123 4567'], email: ['Shared.Person@Example.com'] },
        },
        { schema: 'BankAccount', properties: { iban: ['FI21 1234 5600 0007 85'] } },
        { schema: 'Person', properties: { name: ['Worker'], passportNumber: ['AB1234567'] } },
        {
          schema: 'Person',
          properties: { name: ['Driver'], phone: ['+358 50 765 4321'], email: ['only.finland@example.fi'] },
        },
      ],
    });
    expect(made.status, JSON.stringify(made.json)).toBeLessThan(300);
    const ids = made.json.ids as string[];
    Object.assign(aEntities, { recruiter: ids[0], account: ids[1], worker: ids[2], driver: ids[3] });

    const cb = await call(b, b.investigator, 'POST', '/api/cases', { title: 'Posted workers', country: 'EE' });
    caseB = String(cb.json.id);
    const madeB = await call(b, b.investigator, 'POST', `/api/cases/${caseB}/entities/batch`, {
      entities: [
        {
          schema: 'Person',
          properties: { name: ['Middleman'], phone: ['+358 40 1234567'], email: ['shared.person@example.com'] },
        },
        { schema: 'BankAccount', properties: { iban: ['FI2112345600000785'] } },
        { schema: 'Person', properties: { name: ['Tenant'], passportNumber: ['ab1234567'] } },
        { schema: 'Person', properties: { name: ['Landlord'], phone: ['+372 5123 4567'] } },
        { schema: 'BankAccount', properties: { iban: ['EE38 2200 2210 2014 5685'] } },
      ],
    });
    expect(madeB.status, JSON.stringify(madeB.json)).toBeLessThan(300);
    bIds = madeB.json.ids as string[];
  }, 60_000);

  afterAll(async () => {
    await relay?.close();
    await a?.dispose();
    await b?.dispose();
  });

  it('finds exactly the selectors both hold, over HTTP between the servers', async () => {
    const tasksBefore = tasksRun();
    const r = await call(a, a.investigator, 'POST', `/api/cases/${caseA}/psi/run`, { agreementId: 'fi-ee-2026' });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.matched).toBe(4);
    // Both sides' curve arithmetic ran on the worker pool (A blinds, B re-blinds and blinds, A re-blinds).
    expect(tasksRun() - tasksBefore).toBeGreaterThanOrEqual(4);
    const notice = r.json.notice as {
      entityIds: string[];
      kinds: Record<string, number>;
      contact: { name: string; agency: string };
    };
    expect(notice.kinds).toEqual({ phone: 1, email: 1, iban: 1, document: 1 });
    expect([...notice.entityIds].sort()).toEqual([aEntities.recruiter, aEntities.account, aEntities.worker].sort());
    expect(notice.contact).toMatchObject({ name: 'Liis Tamm', agency: 'Partner police, THB unit' });
    const hits = await call(a, a.investigator, 'GET', `/api/cases/${caseA}/hits`);
    expect((hits.json.notices as unknown[]).length).toBe(1);
  });

  it('sends no selector in clear or plainly hashed: the capture of everything exchanged holds none', () => {
    const captured = relay.captured();
    const text = captured.toString('latin1');
    expect(text).toContain('elect-thb-exchange');
    expect(text).toContain('psi-response');
    const found = forbiddenNeedles().filter(
      (n) => text.includes(n.needle) || text.toLowerCase().includes(n.needle.toLowerCase()),
    );
    expect(found.map((f) => f.label)).toEqual([]);
  });

  it('finds nothing under an agreement the partner does not hold', async () => {
    expect((await call(a, a.admin, 'POST', '/api/agreements', agreement('fi-ee-wrong', b, relay.url))).status).toBe(
      201,
    );
    const before = await call(a, a.investigator, 'GET', `/api/cases/${caseA}/hits`);
    const r = await call(a, a.investigator, 'POST', `/api/cases/${caseA}/psi/run`, { agreementId: 'fi-ee-wrong' });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: { path: 'agreementId' } });
    const after = await call(a, a.investigator, 'GET', `/api/cases/${caseA}/hits`);
    expect(after.json.notices).toEqual(before.json.notices);
  });

  it('rejects a tampered or replayed exchange file, and finishes with the genuine one', async () => {
    const exported = await call(a, a.investigator, 'POST', `/api/cases/${caseA}/psi/export`, {
      agreementId: 'fi-ee-2026',
    });
    expect(exported.status).toBe(200);
    const file = exported.json as { body: { points: string[] } };
    const tampered = structuredClone(file);
    tampered.body.points[0] = tampered.body.points[1] as string;
    const bad = await call(b, b.admin, 'POST', '/api/psi/respond', tampered);
    expect(bad.status).toBe(403);
    expect(bad.json).toMatchObject({ error: { path: 'signature' } });
    // An older partner's file (protocol version 1, ristretto255) is refused, naming both versions.
    const older = await call(b, b.admin, 'POST', '/api/psi/respond', { ...structuredClone(file), version: 1 });
    expect(older.status).toBe(403);
    expect(older.json).toMatchObject({ error: { path: 'version' } });
    expect(JSON.stringify(older.json)).toMatch(/version 1 \(hit\/no-hit over ristretto255\).*speaks version 2/);

    const answered = await call(b, b.admin, 'POST', '/api/psi/respond', file);
    expect(answered.status).toBe(200);
    const replay = await call(b, b.admin, 'POST', '/api/psi/respond', file);
    expect(replay.status).toBe(403);
    expect(replay.json).toMatchObject({ error: { path: 'nonce' } });

    const response = answered.json as { body: { double: string[] } };
    const tamperedResponse = structuredClone(response);
    tamperedResponse.body.double.reverse();
    const badFinish = await call(a, a.investigator, 'POST', `/api/cases/${caseA}/psi/finish`, tamperedResponse);
    expect(badFinish.status).toBe(403);
    const finished = await call(a, a.investigator, 'POST', `/api/cases/${caseA}/psi/finish`, response);
    expect(finished.status, JSON.stringify(finished.json)).toBe(200);
    expect(finished.json.matched).toBe(4);
    const again = await call(a, a.investigator, 'POST', `/api/cases/${caseA}/psi/finish`, response);
    expect(again.status).toBe(403);
  });

  it('refuses a query over the rate limit, and logs it on both sides of the refusal', async () => {
    // Two queries answered so far (the run and the file); the limit is three a day.
    expect(
      (await call(a, a.investigator, 'POST', `/api/cases/${caseA}/psi/run`, { agreementId: 'fi-ee-2026' })).status,
    ).toBe(200);
    const over = await call(a, a.investigator, 'POST', `/api/cases/${caseA}/psi/run`, { agreementId: 'fi-ee-2026' });
    expect(over.status).toBe(429);
    const log = await b.store.db
      .selectFrom('psi_query_log')
      .selectAll()
      .where('direction', '=', 'in')
      .orderBy('at')
      .execute();
    const outcomes = ['answered', 'rejected', 'rejected', 'answered', 'rejected', 'answered', 'refused'];
    expect(log.map((l) => l.outcome)).toEqual(outcomes);
    expect(log.at(-1)?.reason).toBe('rate_limit');
    const denied = await b.store.db
      .selectFrom('audit_events')
      .select(['action', 'target_type'])
      .where('action', '=', 'denied')
      .where('target_type', '=', 'psiQuery')
      .execute();
    expect(denied.length).toBe(4);
    const sent = await a.store.db
      .selectFrom('psi_query_log')
      .select('outcome')
      .where('direction', '=', 'out')
      .execute();
    expect(sent.filter((s) => s.outcome === 'sent').length).toBe(5);
  });

  it('turns a hit into a cooperation request; the accepted entities arrive in the asking case with provenance', async () => {
    const notices = (await call(a, a.investigator, 'GET', `/api/cases/${caseA}/hits`)).json.notices as {
      id: string;
      origin: string;
    }[];
    const notice = notices.find((n) => n.origin === 'partner');
    const asked = await call(a, a.investigator, 'POST', `/api/cases/${caseA}/cooperation/requests`, {
      noticeId: notice?.id,
      message: 'Same recruiter phone in our berry-picking case',
    });
    expect(asked.status, JSON.stringify(asked.json)).toBe(201);

    // B: the cases holding the matched selectors get a notice and an incoming request.
    const incoming = (await call(b, b.investigator, 'GET', `/api/cases/${caseB}/cooperation/requests`)).json
      .requests as { id: string; direction: string; message: string }[];
    expect(incoming).toHaveLength(1);
    expect(incoming[0]).toMatchObject({
      direction: 'incoming',
      message: 'Same recruiter phone in our berry-picking case',
    });
    const found = (await call(b, b.investigator, 'GET', `/api/cases/${caseB}/hits`)).json.notices as {
      role: string;
      entityIds: string[];
    }[];
    expect(found[0]?.role).toBe('found');
    expect([...(found[0]?.entityIds ?? [])].sort()).toEqual([bIds[0], bIds[1], bIds[2]].sort());

    const [middleman, account, , landlord] = bIds;
    const accepted = await call(
      b,
      b.investigator,
      'POST',
      `/api/cases/${caseB}/cooperation/requests/${incoming[0]?.id}/decision`,
      { decision: 'accept', entityIds: [middleman, account] },
    );
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);

    const outgoing = (await call(a, a.investigator, 'GET', `/api/cases/${caseA}/cooperation/requests`)).json
      .requests as { status: string; sharedEntities: number }[];
    expect(outgoing[0]).toMatchObject({ status: 'accepted', sharedEntities: 2 });
    const got = await call(a, a.investigator, 'GET', `/api/cases/${caseA}/entities/${middleman}`);
    expect(got.status).toBe(200);
    expect(JSON.stringify(got.json)).toContain('Middleman');
    expect((await call(a, a.investigator, 'GET', `/api/cases/${caseA}/entities/${landlord}`)).status).toBe(404);
    const sources = (await call(a, a.investigator, 'GET', `/api/cases/${caseA}/sources`)).json.sources as {
      label: string;
    }[];
    expect(sources.some((x) => x.label.includes('under agreement fi-ee-2026'))).toBe(true);

    const auditOf = (d: Deployment, caseId: string) =>
      d.store.db
        .selectFrom('audit_events')
        .select('action')
        .where('case_id', '=', caseId)
        .where('target_type', '=', 'cooperationRequest')
        .execute();
    // Each step once on each side: A discloses its request and collects the decision; B collects
    // the request and discloses its decision.
    expect((await auditOf(a, caseA)).map((r) => r.action).sort()).toEqual(['collection', 'disclosure']);
    expect((await auditOf(b, caseB)).map((r) => r.action).sort()).toEqual(['collection', 'disclosure']);

    // The request travelled through the recorded relay too: still no selector in it.
    const text = relay.captured().toString('latin1');
    expect(text).toContain('coop-request');
    expect(
      forbiddenNeedles()
        .filter((n) => text.toLowerCase().includes(n.needle.toLowerCase()))
        .map((f) => f.label),
    ).toEqual([]);
  });
});
