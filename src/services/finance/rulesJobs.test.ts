/**
 * A rules run is a job: its owner follows it through another server process; a process killed
 * inside the transaction that stores the findings leaves them as they were (the run's writes are
 * not half there), and the restarted process runs it again, its state seen through another
 * process. SQLite and PostgreSQL.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { actorOf, addUserWithToken } from '../access/users.ts';
import { loadDemoCase } from '../demo/demo.ts';
import { JobRunner } from '../jobs/index.ts';
import { getJob } from '../../store/repos/jobs/jobs.ts';
import type { Store } from '../../store/store.ts';
import { postgresProblem } from '../../../test/support/dialects.ts';
import { killedJob } from '../../../test/support/killedJob.run.ts';
import { sharedStores } from '../../../test/support/sharedStores.ts';
import type { SharedStores } from '../../../test/support/sharedStores.ts';
import { rulesJobKind } from './rulesJobs.ts';

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

const countOf = async (store: Store, caseId: string, table: 'findings' | 'finding_runs') =>
  Number(
    (
      await store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow()
    ).n,
  );

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`rules runs as jobs [${dialect}]`, () => {
    let shared: SharedStores | undefined;
    let storeA: Store;
    let appA: FastifyInstance;
    let appB: FastifyInstance;
    let leadA: Call;
    let leadB: Call;
    let otherB: Call;
    let leadId = '';
    let caseId = '';

    beforeAll(async () => {
      if (dialect === 'postgres' && (await postgresProblem())) return;
      shared = await sharedStores(dialect);
      storeA = await shared.open();
      appA = await buildApp({ store: storeA, runJobs: false });
      appB = await buildApp({ store: await shared.open(), runJobs: false });
      const lead = await addUserWithToken(storeA, { username: `rules-lead-${dialect}`, platformRole: 'investigator' });
      const other = await addUserWithToken(storeA, {
        username: `rules-other-${dialect}`,
        platformRole: 'investigator',
      });
      leadId = lead.user.id;
      leadA = as(appA, lead.token);
      leadB = as(appB, lead.token);
      otherB = as(appB, other.token);
      caseId = (await loadDemoCase(storeA, actorOf(lead.user), { seed: 57, scale: 1 })).caseId;
    }, 180_000);

    afterAll(async () => {
      await appA?.close();
      await appB?.close();
      await shared?.dispose();
    });

    it('a process killed while storing a run leaves the findings as they were; the restart runs it again', async (ctx) => {
      if (!shared) return ctx.skip();
      expect(await countOf(storeA, caseId, 'findings')).toBe(0);
      const killed = await killedJob(shared, ['rules', caseId, leadId]);
      expect(killed.signal, killed.output).toBe('SIGKILL');
      // Every finding was inserted inside the transaction; none of them is there.
      expect(await countOf(storeA, caseId, 'findings')).toBe(0);
      expect(await countOf(storeA, caseId, 'finding_runs')).toBe(0);
      const left = await getJob(storeA.scope(caseId), killed.jobId);
      expect(left).toMatchObject({ kind: 'rules', state: 'running', owner_id: leadId });
      // Through another process its owner sees it running; another user does not see it at all.
      const seen = await leadB('GET', `/api/cases/${caseId}/jobs/${killed.jobId}`);
      expect(seen.body).toMatchObject({ kind: 'rules', state: 'running', attempts: 1 });
      expect((await otherB('GET', `/api/cases/${caseId}/jobs/${killed.jobId}`)).status).toBe(404);

      // The restart: a new process takes over the job its dead runner left.
      const restarted = await shared.open();
      const runner = new JobRunner(restarted, { staleAfterMs: 0 });
      runner.register(rulesJobKind(restarted));
      const recovered = await runner.recover();
      expect(recovered.resumed).toContain(killed.jobId);
      const done = await runner.wait(caseId, killed.jobId);
      expect(done).toMatchObject({ state: 'succeeded', attempts: 2, error: null });
      const found = await countOf(storeA, caseId, 'findings');
      expect(found).toBeGreaterThan(5);
      expect(await countOf(storeA, caseId, 'finding_runs')).toBe(1);
      const after = await leadB('GET', `/api/cases/${caseId}/jobs/${killed.jobId}`);
      expect(after.body).toMatchObject({ kind: 'rules', state: 'succeeded', step: 'succeeded', attempts: 2 });
      // The resumed run recorded itself once (the request that started it died with its process).
      const records = await storeA.db
        .selectFrom('audit_events')
        .select('detail')
        .where('case_id', '=', caseId)
        .where('action', '=', 'combination')
        .execute();
      expect(records.filter((r) => String(r.detail).includes(killed.jobId))).toHaveLength(1);
      await runner.stop();
    }, 180_000);

    it('a rules run asked through one process is followed through another, by its owner only', async (ctx) => {
      if (!shared) return ctx.skip();
      const run = await leadA('POST', `/api/cases/${caseId}/findings/run`, {});
      expect(run.status, JSON.stringify(run.body)).toBe(200);
      const jobId = String(run.body.jobId);
      expect(Number(run.body.findings)).toBeGreaterThan(5);
      const seen = await leadB('GET', `/api/cases/${caseId}/jobs/${jobId}`);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ id: jobId, kind: 'rules', state: 'succeeded', error: null });
      expect((await otherB('GET', `/api/cases/${caseId}/jobs/${jobId}`)).status).toBe(404);
      const mine = await leadB('GET', `/api/cases/${caseId}/jobs`);
      expect((mine.body.jobs as { id: string }[]).map((j) => j.id)).toContain(jobId);
      expect((await otherB('GET', `/api/cases/${caseId}/jobs`)).status).toBe(404);
      // A bad parameter is still the run's own 400, naming the field; the failed job says why.
      const bad = await leadA('POST', `/api/cases/${caseId}/findings/run`, { rules: ['noSuchRule'] });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ error: { path: 'rules[0]' } });
      const jobs = (await leadB('GET', `/api/cases/${caseId}/jobs`)).body.jobs as { state: string; error: string }[];
      expect(jobs[0]).toMatchObject({ state: 'failed' });
      expect(jobs[0]?.error).toMatch(/noSuchRule/);
    }, 120_000);
  });
}
