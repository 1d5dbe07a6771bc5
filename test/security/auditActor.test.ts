/**
 * The audit trail names people as they were, and shows a reader only what they may reach:
 * a username changed afterwards does not rewrite history (the name is inside the signed record),
 * and a supervisor sees only ids and hashes of a case that answers them 404. Both databases.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { addAgency, addUserWithToken } from '../../src/services/access/users.ts';
import { updateUser } from '../../src/store/repos/access/users.ts';
import { verifyAuditLog } from '../../src/store/audit/verify.ts';
import { KeyRing, useKeyRing } from '../../src/store/keys.ts';
import { describeEachDialect, itDb } from '../support/dialects.ts';

const ring = KeyRing.open(mkdtempSync(join(tmpdir(), 'elect-audit-actor-keys-')));
useKeyRing(ring);
let n = 0;
const uniq = (s: string) => `${s}-${process.pid}-${++n}`;

interface Event {
  caseId: string | null;
  userId: string;
  username: string | null;
  actorAgency: string | null;
  action: string;
  hash: string;
  redacted: boolean;
}

describeEachDialect('audit names people as they were', ({ store }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    try {
      store();
    } catch {
      return;
    }
    app = await buildApp({ store: store() });
  });
  const as = (token: string) => (method: 'GET' | 'POST', url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
  const person = async (role: string, agencyId: string) => {
    const { user, token } = await addUserWithToken(store(), { username: uniq(role), platformRole: role, agencyId });
    return { user, call: as(token) };
  };

  itDb('a rename afterwards does not change whom a record names, and verify stays green', async () => {
    const agency = (await addAgency(store(), { name: uniq('Agency'), country: 'FI', kind: 'police' })).id;
    const lead = await person('investigator', agency);
    const dpo = await person('dpo', agency);
    const made = await lead.call('POST', '/api/cases', { title: 'Named as they were', country: 'FI' });
    const caseId = String(made.json().id);
    const renamed = uniq('someone-else');
    await updateUser(store().db, lead.user.id, { username: renamed, agency_id: null });
    const res = await dpo.call('GET', `/api/audit?caseId=${caseId}&user=${lead.user.id}`);
    expect(res.statusCode).toBe(200);
    const events = res.json<{ events: Event[] }>().events;
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect([e.username, e.actorAgency]).toEqual([lead.user.username, agency]);
    expect((await verifyAuditLog(store().db, ring, { caseId })).problems).toEqual([]);
    // The name is inside the hash: rewriting it in the database is caught.
    await store()
      .db.updateTable('audit_events')
      .set({ actor_username: renamed })
      .where('case_id', '=', caseId)
      .where('seq', '=', 1)
      .execute();
    const report = await verifyAuditLog(store().db, ring, { caseId });
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.chain)).toContain(caseId);
  });

  itDb(
    "a supervisor sees only ids and hashes of a case they may not reach; the DPO and the case's own see it",
    async () => {
      const a = (await addAgency(store(), { name: uniq('Agency A'), country: 'FI', kind: 'police' })).id;
      const b = (await addAgency(store(), { name: uniq('Agency B'), country: 'EE', kind: 'police' })).id;
      const lead = await person('investigator', a);
      const outsider = await person('supervisor', b);
      const dpo = await person('dpo', b);
      const caseId = String(
        (await lead.call('POST', '/api/cases', { title: 'Unreachable to B', country: 'FI' })).json().id,
      );
      expect((await outsider.call('GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
      const seen = (await outsider.call('GET', `/api/audit?caseId=${caseId}`)).json<{ events: Event[] }>().events;
      expect(seen.length).toBeGreaterThan(0);
      for (const e of seen) {
        expect(e.redacted).toBe(true);
        expect([e.userId, e.username, e.action]).toEqual(['', null, '']);
        expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      }
      const csv = String((await outsider.call('GET', `/api/audit/export.csv?caseId=${caseId}`)).body);
      expect(csv).not.toContain(lead.user.id);
      expect(csv).not.toContain(lead.user.username);
      const full = (await dpo.call('GET', `/api/audit?caseId=${caseId}`)).json<{ events: Event[] }>().events;
      expect(full.every((e) => !e.redacted && e.userId === lead.user.id)).toBe(true);
      const own = (await lead.call('GET', `/api/cases/${caseId}/audit`)).json<{ events: Event[] }>().events;
      expect(own.some((e) => e.redacted)).toBe(false);
    },
  );
});
