/**
 * Every API route × platform role × relation to the case, against the hand-written table in
 * expectations.ts. A route missing from the table fails the suite. Every successful signed-in request
 * must leave exactly one audit record.
 */
import { beforeAll, expect } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { addUser } from '../../src/services/access/users.ts';
import { defaultCapLimits, LocalWorkCaps, useWorkCaps } from '../../src/services/workers/index.ts';
import { issueToken } from '../../src/store/repos/access/users.ts';
import { PENDING_GSEQ } from '../../src/store/audit/checkpoint.ts';
import { describeEachDialect, itDb } from '../support/dialects.ts';
import { expectations, relations, roles } from './expectations.ts';
import type { Outcome } from './expectations.ts';
import { sampleFor } from './samples.ts';
import { buildWorld, PASSWORD } from './world.ts';
import type { World } from './world.ts';

// The matrix asks who may do what, not how much: each user starts many reports here at once.
useWorkCaps(new LocalWorkCaps({ ...defaultCapLimits(), perUser: 10_000, perDeployment: 10_000 }));

describeEachDialect('access matrix', ({ store }) => {
  let world: World;
  let routes: string[];
  /** Routes anyone may call (sign-in, health, the API description, partner endpoints). */
  let publicRoutes: Set<string>;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    try {
      store();
    } catch {
      return;
    }
    app = await buildApp({ store: store() });
    const doc = JSON.parse((await app.inject({ method: 'GET', url: '/api/openapi.json' })).body) as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    publicRoutes = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) =>
        Object.entries(ops as Record<string, { security?: unknown[] }>)
          .filter(([, op]) => Array.isArray(op.security) && op.security.length === 0)
          .map(([m]) => `${m.toUpperCase()} ${p}`),
      ),
    );
    world = await buildWorld(store());
  }, 120_000);

  /**
   * Where the audit log stands: the newest global position, and the records still pending (not yet
   * linked into the global chain: they sit above it, and a checkpoint may link them later).
   */
  const lastGseq = async (): Promise<{ after: number; pending: Set<string> }> => {
    // Pending records first: a checkpoint between the two reads then links a record already named
    // pending (left out by its id) rather than one read neither as pending nor below `after`.
    const pending = await store()
      .db.selectFrom('audit_events')
      .select('id')
      .where('gseq', '>=', PENDING_GSEQ)
      .execute();
    const row = await store()
      .db.selectFrom('audit_events')
      .select((eb) => eb.fn.max('gseq').as('g'))
      .where('gseq', '<', PENDING_GSEQ)
      .executeTakeFirstOrThrow();
    return { after: Number(row.g ?? 0), pending: new Set(pending.map((p) => p.id)) };
  };
  /**
   * The request's own records: made since `after` and naming this route, in the request's chain — its
   * case's for a case route; for a route outside any case the global chain, or, when it has none there,
   * the one case chain it acted in (a case it opened, a trainee's sandbox). Records a use case also
   * writes into OTHER cases' chains (a cross-case hit, a cross-case search) tell those cases' leads that
   * their data was touched: consequences of the request, not its own record.
   */
  const ownRecords = async (
    { after, pending }: { after: number; pending: Set<string> },
    route: string,
    caseId: string | null,
  ): Promise<number> => {
    const [method, path] = route.split(' ');
    const name = JSON.stringify(`${method} ${(path ?? '').replace(/\{(\w+)\}/g, ':$1')}`);
    const rows = (
      await store()
        .db.selectFrom('audit_events')
        .select(['id', 'case_id', 'detail'])
        .where('gseq', '>', after)
        .execute()
    ).filter((r) => !pending.has(r.id) && (r.detail ?? '').includes(name));
    if (caseId !== null) return rows.filter((r) => r.case_id === caseId || r.case_id === '-').length;
    const global = rows.filter((r) => r.case_id === '-').length;
    return global > 0 ? global : rows.length;
  };

  itDb('every route is in the table of expected statuses', async () => {
    const missing = routes.filter((r) => !expectations[r]);
    expect(missing, 'routes without expected statuses').toEqual([]);
    const stale = Object.keys(expectations).filter((r) => !routes.includes(r));
    expect(stale, 'table rows for routes that no longer exist').toEqual([]);
  });

  itDb(
    'every route answers each role and relation as the table says',
    async () => {
      const failures: string[] = [];
      const records: string[] = [];
      for (const route of routes) {
        const row = expectations[route];
        if (!row) continue;
        const caseRoute = route.includes('{caseId}');
        const method = route.split(' ')[0] ?? 'GET';
        for (const role of roles) {
          for (const [i, relation] of relations.entries()) {
            if (!caseRoute && i > 0) continue; // outside a case the relation does not apply
            const expected: Outcome = row[role][i] as Outcome;
            let { token, username } = world.users[role];
            if (route === 'POST /api/auth/logout-everywhere') {
              // It revokes the caller's tokens: act as a fresh user of the same role.
              const u = await addUser(store(), {
                username: `le-${role}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
                platformRole: role,
                agencyId: world.agencies.a,
                password: PASSWORD,
              });
              token = await issueToken(store().db, u.id, 'once');
              username = u.username;
            }
            const inject = async (m: string, url: string, body?: unknown, raw?: Buffer) => {
              const r = await app.inject({
                method: m as 'GET',
                url,
                headers: {
                  authorization: `Bearer ${token}`,
                  'content-type': raw ? 'application/octet-stream' : 'application/json',
                },
                ...(raw ? { payload: raw } : body !== undefined ? { payload: JSON.stringify(body) } : {}),
              });
              return { statusCode: r.statusCode, json: () => r.json<Record<string, unknown>>() };
            };
            const sample = await sampleFor(store(), route, world, world.cases[relation], username, inject);
            const recordsBefore = await lastGseq();
            const res = await app.inject({
              method: method as 'GET',
              url: sample.url,
              headers: {
                ...(sample.anonymous ? {} : { authorization: `Bearer ${token}` }),
                ...(sample.body !== undefined ? { 'content-type': 'application/json' } : {}),
                ...(sample.raw ? { 'content-type': 'application/octet-stream' } : {}),
              },
              ...(sample.body !== undefined ? { payload: JSON.stringify(sample.body) } : {}),
              ...(sample.raw ? { payload: sample.raw } : {}),
            });
            const got = res.statusCode;
            const ok = expected === 'ok' ? ![401, 403, 404].includes(got) && got < 500 : got === expected;
            if (!ok)
              failures.push(
                `${route} as ${role} on ${relation}: expected ${expected}, got ${got} ${res.body.slice(0, 160)}`,
              );
            // A signed-in request that succeeds leaves exactly one audit record: its use case's.
            const made = await ownRecords(recordsBefore, route, caseRoute ? world.cases[relation].id : null);
            if (got < 300 && !sample.anonymous && !publicRoutes.has(route) && made !== 1)
              records.push(`${route} as ${role}: ${made} records`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(records, 'audit records per successful signed-in request').toEqual([]);
    },
    480_000,
  );
});
