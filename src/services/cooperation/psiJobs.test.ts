/**
 * A hit/no-hit exchange over HTTPS is a job: its owner sees how it ended through another server
 * process; a process killed while the partner's answer is awaited leaves the case's hit notices
 * as they were, and the restarted process marks the job failed with its reason and closes the
 * query it left open, dropping its secret. SQLite and PostgreSQL.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityFromSecret, newSigningSecret } from '../../domain/hits/exchange.ts';
import { buildApp } from '../../server/app.ts';
import { addUserWithToken } from '../access/users.ts';
import { JobRunner } from '../jobs/index.ts';
import { getJob } from '../../store/repos/jobs/jobs.ts';
import type { Store } from '../../store/store.ts';
import { postgresProblem } from '../../../test/support/dialects.ts';
import { killedJob } from '../../../test/support/killedJob.run.ts';
import { sharedStores } from '../../../test/support/sharedStores.ts';
import type { SharedStores } from '../../../test/support/sharedStores.ts';
import { exchangeJobKind } from './psiJobs.ts';

type Call = (method: string, url: string, body?: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;

const as =
  (app: FastifyInstance, token: string): Call =>
  async (method, url, body) => {
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });
    return { status: res.statusCode, body: JSON.parse(res.body || '{}') as Record<string, unknown> };
  };

const AGREEMENT = 'lv-lt-2026';

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`hit/no-hit exchanges as jobs [${dialect}]`, () => {
    let shared: SharedStores | undefined;
    let storeA: Store;
    let appA: FastifyInstance;
    let appB: FastifyInstance;
    let leadA: Call;
    let leadB: Call;
    let leadId = '';
    let caseId = '';

    beforeAll(async () => {
      if (dialect === 'postgres' && (await postgresProblem())) return;
      shared = await sharedStores(dialect);
      storeA = await shared.open();
      appA = await buildApp({ store: storeA, runJobs: false });
      appB = await buildApp({ store: await shared.open(), runJobs: false });
      const admin = await addUserWithToken(storeA, { username: `x-admin-${dialect}`, platformRole: 'admin' });
      const lead = await addUserWithToken(storeA, { username: `x-lead-${dialect}`, platformRole: 'investigator' });
      leadId = lead.user.id;
      leadA = as(appA, lead.token);
      leadB = as(appB, lead.token);
      const partner = identityFromSecret(newSigningSecret());
      const made = await as(appA, admin.token)('POST', '/api/agreements', {
        id: AGREEMENT,
        name: 'Latvian–Lithuanian labour exploitation cooperation',
        partnerName: 'Partner police',
        partnerCountry: 'LT',
        partnerPublicKey: partner.publicKeyHex,
        // Nothing listens here: the partner cannot be reached.
        partnerUrl: 'http://127.0.0.1:9',
        selectorTypes: ['phone', 'email'],
        rateLimit: { queries: 10, periodHours: 24 },
        contactPoints: [{ name: 'Rūta Kazlauskė', agency: 'Partner police, THB unit', email: 'thb@partner.example' }],
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      caseId = String((await leadA('POST', '/api/cases', { title: 'Operation Linden', country: 'LV' })).body.id);
      const batch = await leadA('POST', `/api/cases/${caseId}/entities/batch`, {
        entities: [{ schema: 'Person', properties: { name: ['Recruiter'], phone: ['+371 2612 3456'] } }],
      });
      expect(batch.status, JSON.stringify(batch.body)).toBeLessThan(300);
    }, 120_000);

    afterAll(async () => {
      await appA?.close();
      await appB?.close();
      await shared?.dispose();
    });

    it('an exchange whose partner cannot be reached fails with that reason, seen through another process', async (ctx) => {
      if (!shared) return ctx.skip();
      const run = await leadA('POST', `/api/cases/${caseId}/psi/run`, { agreementId: AGREEMENT });
      expect(run.status).toBe(400);
      expect(run.body).toMatchObject({ error: { path: 'agreementId' } });
      const jobs = (await leadB('GET', `/api/cases/${caseId}/jobs`)).body.jobs as Record<string, unknown>[];
      expect(jobs[0]).toMatchObject({ kind: 'exchange', state: 'failed' });
      expect(String(jobs[0]?.error)).toMatch(/could not be reached/);
    }, 60_000);

    it('a process killed while awaiting the partner leaves no notice; the restart fails the job and closes its query', async (ctx) => {
      if (!shared) return ctx.skip();
      const scope = storeA.scope(caseId);
      const notices = async () => (await scope.selectFrom('hit_notices').select('id').execute()).length;
      const openQueries = async () =>
        (await scope.selectFrom('psi_sessions').select('id').where('secret', 'is not', null).execute()).length;
      const noticesBefore = await notices();
      const openBefore = await openQueries();
      const killed = await killedJob(shared, ['exchange', caseId, leadId, AGREEMENT]);
      expect(killed.signal, killed.output).toBe('SIGKILL');
      expect(await notices()).toBe(noticesBefore);
      // The query was sent (it is in the query log) and is open, its secret kept, until the restart.
      expect(await openQueries()).toBe(openBefore + 1);
      const left = await getJob(scope, killed.jobId);
      expect(left).toMatchObject({ kind: 'exchange', state: 'running', step: 'waiting for the partner' });

      const restarted = await shared.open();
      const runner = new JobRunner(restarted, { staleAfterMs: 0 });
      runner.register(exchangeJobKind(restarted));
      const recovered = await runner.recover();
      expect(recovered.failed).toContain(killed.jobId);
      expect(await openQueries()).toBe(openBefore);
      expect(await notices()).toBe(noticesBefore);
      const seen = await leadB('GET', `/api/cases/${caseId}/jobs/${killed.jobId}`);
      expect(seen.body).toMatchObject({ kind: 'exchange', state: 'failed', attempts: 1 });
      expect(String(seen.body.error)).toMatch(/server stopped during this hit\/no-hit exchange/);
      await runner.stop();
    }, 120_000);
  });
}
