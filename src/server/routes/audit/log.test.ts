import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../../test/support/dialects.ts';
import { bearerCaller, uniqueName, type BearerCall } from '../../../../test/support/api.ts';
import { loadDemoCase } from '../../../services/demo/demo.ts';
import { actorOf, addUserWithToken } from '../../../services/access/users.ts';
import { verifyAuditLog } from '../../../store/audit/verify.ts';
import { addMember } from '../../../store/repos/cases/cases.ts';
import { KeyRing, useKeyRing } from '../../../store/keys.ts';
import { errorHandler } from '../../http/errors.ts';
import { safeLoggerOptions } from '../../http/logging.ts';
import { defineRoute } from '../../http/route.ts';
import type { RegisteredRoute } from '../../http/route.ts';
import { auditRoutes } from './log.ts';
import { auditViewRoutes } from './view.ts';
import { caseRoutes } from '../cases/cases.ts';
import { entityRoutes } from '../entities/entities.ts';
import { fileRoutes } from '../files.ts';
import { noteRoutes } from '../cases/notes.ts';
import { retentionRoutes } from '../cases/retention.ts';
import type { Router } from '../router.ts';
import { searchRoutes } from '../search/search.ts';

const ring = KeyRing.open(mkdtempSync(join(tmpdir(), 'elect-api-audit-keys-')));
useKeyRing(ring);

type Call = BearerCall;

/** The application as app.ts builds it, with the safe logger writing into `lines`. */
function loggedApp(store: Parameters<typeof defineRoute>[1], lines: string[]): FastifyInstance {
  const stream = new Writable({
    write(chunk: Buffer, _e, cb) {
      lines.push(chunk.toString('utf8'));
      cb();
    },
  });
  const app = Fastify({ logger: { ...safeLoggerOptions, stream } });
  app.setErrorHandler(errorHandler);
  const registry: RegisteredRoute[] = [];
  const r: Router = (spec) => defineRoute(app, store, registry, spec);
  caseRoutes(r);
  entityRoutes(r);
  noteRoutes(r);
  searchRoutes(r);
  auditViewRoutes(r);
  fileRoutes(r, app);
  auditRoutes(r);
  retentionRoutes(r);
  return app;
}

const caller = bearerCaller;

describeEachDialect('audit trail and retention through the API', ({ store }) => {
  const logLines: string[] = [];
  let lead: Call;
  let sup: Call;
  let stranger: Call;
  let leadId: string;
  let caseId: string;
  let persons: { id: string; name: string; phone: string }[] = [];

  beforeAll(async () => {
    try {
      store();
    } catch {
      return;
    }
    const s = store();
    const app = loggedApp(s, logLines);
    const l = await addUserWithToken(s, { username: uniqueName('lead'), platformRole: 'investigator' });
    leadId = l.user.id;
    lead = caller(app, l.token);
    const supervisor = await addUserWithToken(s, { username: uniqueName('sup'), platformRole: 'supervisor' });
    sup = caller(app, supervisor.token);
    stranger = caller(
      app,
      (await addUserWithToken(s, { username: uniqueName('stranger'), platformRole: 'investigator' })).token,
    );
    caseId = (await loadDemoCase(s, actorOf(l.user), { seed: 77, scale: 1 })).caseId;
    // The supervisor reads this case's trail in full because they reach the case (a read-only member).
    await addMember(s.scope(caseId), {
      user_id: supervisor.user.id,
      case_role: 'readonly',
      victim_contact: 0,
      added_by: leadId,
      added_at: new Date().toISOString(),
    });
    const rows = await s
      .scope(caseId)
      .selectFrom('entities')
      .select(['id', 'properties'])
      .where('schema', '=', 'Person')
      .where('properties', 'like', '%"phone"%')
      .limit(4)
      .execute();
    persons = rows.map((r) => {
      const p = JSON.parse(r.properties) as { name: string[]; phone: string[] };
      return { id: r.id, name: p.name[0] ?? '', phone: p.phone[0] ?? '' };
    });
  }, 120_000);

  itDb('every read of case data appears in the log, one record per request, with what it returned', async () => {
    const [p] = persons;
    if (!p) throw new Error('no demo person with a phone');
    const since = new Date().toISOString();
    const reads = [
      `/api/cases/${caseId}`,
      `/api/cases/${caseId}/entities?limit=50`,
      `/api/cases/${caseId}/entities/${p.id}`,
      `/api/cases/${caseId}/search?q=${encodeURIComponent(p.name)}`,
      `/api/cases/${caseId}/selectors?kind=phone&value=${encodeURIComponent(p.phone)}`,
      `/api/cases/${caseId}/selectors?kind=name&value=${encodeURIComponent(p.name)}`,
      `/api/cases/${caseId}/members`,
      `/api/cases/${caseId}/transactions?limit=10`,
      `/api/cases/${caseId}/files`,
    ];
    for (const url of reads) expect((await lead('GET', url)).status, url).toBe(200);
    expect(
      (
        await lead('POST', `/api/cases/${caseId}/entities`, {
          schema: 'Person',
          properties: { name: [`${p.name} Junior`], phone: [p.phone] },
        })
      ).status,
    ).toBe(201);
    expect((await stranger('GET', `/api/cases/${caseId}`)).status).toBe(404);

    const records = await store()
      .db.selectFrom('audit_events')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('user_id', '=', leadId)
      .where('at', '>=', since)
      .orderBy('seq')
      .execute();
    expect(records.map((r) => r.action)).toEqual([...reads.map(() => 'consultation'), 'collection']);
    const routes = records.map((r) => (JSON.parse(r.detail ?? '{}') as { route?: string }).route);
    expect(routes).toContain('GET /api/cases/:caseId/search');
    expect(records.every((r) => r.ip === '127.0.0.1' && r.sig && r.case_ref === caseId)).toBe(true);
    const search = records[3];
    expect(JSON.parse(search?.returned_ids ?? '[]')).toContain(p.id);
    // Search words are never stored; when a route passes them (`q`), only their keyed hash is.
    const searched = JSON.parse(search?.detail ?? '{}') as { qHash?: string };
    if (searched.qHash) expect(searched.qHash).toBe(ring.queryHash(p.name));
    expect(records[2]?.target_id).toBe(p.id);
  });

  itDb('oversight roles query, export and verify the log; others may not; the queries are recorded', async () => {
    expect((await lead('GET', '/api/audit')).status).toBe(403);
    const page = await sup('GET', `/api/audit?caseId=${caseId}&user=${leadId}&limit=5`);
    expect(page.status).toBe(200);
    const body = page.json<{
      events: { chain: string; action: string; userId: string; gseq: number }[];
      next: string;
    }>();
    expect(body.events).toHaveLength(5);
    expect(body.events.every((e) => e.chain === caseId && e.userId === leadId)).toBe(true);
    const next = await sup('GET', `/api/audit?caseId=${caseId}&user=${leadId}&limit=5&before=${body.next}`);
    expect(next.json<{ events: { gseq: number }[] }>().events[0]?.gseq).toBeLessThan(body.events[4]?.gseq ?? 0);
    const today = new Date().toISOString().slice(0, 10);
    const csv = await sup('GET', `/api/audit/export.csv?caseId=${caseId}&from=${today}&to=${today}`);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'gseq,at,chain,seq,case_id,user_id,username,actor_agency,action,target_type,target_id,returned_count,returned_ids,ip,detail,hash',
    );
    expect(lines.length).toBeGreaterThan(10);
    expect((await lead('GET', `/api/cases/${caseId}/audit/export.csv`)).status).toBe(200);
    const verified = await sup('GET', '/api/audit/verify');
    expect(verified.json()).toMatchObject({ ok: true, problems: [] });
    const own = await store()
      .db.selectFrom('audit_events')
      .select(['action', 'target_type', 'detail'])
      .where('case_id', '=', '-')
      .where('target_type', 'in', ['audit', 'audit_verification'])
      .execute();
    expect(own.map((r) => r.action)).toEqual(expect.arrayContaining(['consultation', 'disclosure']));
  });

  itDb(
    'a case past its review date is listed; its erasure removes its data and seals its chain, and the log still verifies',
    async () => {
      expect((await lead('PUT', `/api/cases/${caseId}/review-date`, { reviewDate: '2020-01-31' })).status).toBe(200);
      expect((await lead('GET', '/api/cases/review')).status).toBe(403);
      const due = await sup('GET', '/api/cases/review');
      expect(due.json<{ cases: { id: string; reviewDate: string }[] }>().cases).toContainEqual(
        expect.objectContaining({ id: caseId, reviewDate: '2020-01-31' }),
      );

      expect((await lead('DELETE', `/api/cases/${caseId}`)).status).toBe(400);
      expect((await stranger('DELETE', `/api/cases/${caseId}?confirm=${caseId}`)).status).toBe(404);
      const erased = await lead('DELETE', `/api/cases/${caseId}?confirm=${caseId}`);
      expect(erased.status).toBe(200);
      const rows = erased.json<{ rows: Record<string, number> }>().rows;
      expect(rows.entities).toBeGreaterThan(600);
      expect(rows.case_files).toBeGreaterThan(0);
      expect(rows.cases).toBe(1);

      const db = store().db;
      expect((await lead('GET', `/api/cases/${caseId}`)).status).toBe(404);
      for (const t of ['entities', 'transactions', 'case_files', 'search_docs', 'selectors', 'case_members'] as const) {
        expect((await db.selectFrom(t).select('case_id').where('case_id', '=', caseId).execute()).length, t).toBe(0);
      }
      const chain = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('seq', 'desc')
        .execute();
      expect(chain[0]).toMatchObject({ action: 'erasure', target_type: 'case', user_id: leadId });
      expect(JSON.parse(chain[0]?.detail ?? '{}')).toMatchObject({ seal: true, rows: { cases: 1 } });
      expect(
        (await db.selectFrom('audit_heads').select('sealed_at').where('case_id', '=', caseId).executeTakeFirstOrThrow())
          .sealed_at,
      ).not.toBeNull();
      // The route's own record of the erasure goes to the global chain, still naming the case.
      const after = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('case_ref', '=', caseId)
        .orderBy('gseq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(after).toMatchObject({ case_id: '-', action: 'erasure' });
      const report = await verifyAuditLog(db, ring);
      expect(report.problems).toEqual([]);
    },
  );

  itDb("neither the audit log nor the application log holds a demo person's name or phone", async () => {
    expect(persons.length).toBeGreaterThan(0);
    const audit = JSON.stringify(await store().db.selectFrom('audit_events').selectAll().execute());
    const logs = logLines.join('');
    expect(logs).toContain('request completed');
    for (const p of persons) {
      const phoneDigits = p.phone.replace(/\D/g, '');
      for (const needle of [
        p.name,
        ...p.name.split(' ').filter((w) => w.length > 3),
        p.phone,
        phoneDigits,
        phoneDigits.slice(-8),
        encodeURIComponent(p.name),
      ]) {
        expect(audit.includes(needle), `audit log holds ${needle}`).toBe(false);
        expect(logs.includes(needle), `application log holds ${needle}`).toBe(false);
      }
    }
  });
});
