/**
 * Jobs live in the database, not in one process: a job started through one server instance is
 * seen with its state, by its owner only, through another on the same database; a restart
 * resumes an interrupted report and fails an interrupted import with its reason; a queued job is
 * run once however many runners race for it; finished jobs and staged uploads expire with files.
 */
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { addUserWithToken } from '../access/users.ts';
import { getJob, insertJob } from '../../store/repos/jobs/jobs.ts';
import type { Store } from '../../store/store.ts';
import { importJobKind } from '../imports/index.ts';
import { reportJobKind } from '../prosecution/index.ts';
import { postgresProblem } from '../../../test/support/dialects.ts';
import { killedJob } from '../../../test/support/killedJob.run.ts';
import { sharedStores } from '../../../test/support/sharedStores.ts';
import type { SharedStores } from '../../../test/support/sharedStores.ts';
import { tasksRun } from '../workers/index.ts';
import { JobRunner } from './runner.ts';
import { sweepExpired } from './files.ts';

type Inject = (
  method: string,
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{
  status: number;
  body: Record<string, unknown>;
}>;

function as(app: FastifyInstance, token: string): Inject {
  return async (method, url, body, headers = {}) => {
    const raw = typeof body === 'string';
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': raw ? 'application/octet-stream' : 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: raw ? body : JSON.stringify(body) }),
    });
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(res.body) as Record<string, unknown>;
    } catch {
      parsed = { text: res.body.slice(0, 8) };
    }
    return { status: res.statusCode, body: parsed };
  };
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const person = (id: string, name: string) => JSON.stringify({ id, schema: 'Person', properties: { name: [name] } });
const old = new Date(0).toISOString();

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`jobs across server processes [${dialect}]`, () => {
    let shared: SharedStores | undefined;
    let storeA: Store;
    let storeB: Store;
    let appA: FastifyInstance;
    let appB: FastifyInstance;
    let leadA: Inject;
    let leadB: Inject;
    let otherB: Inject;
    let caseId: string;
    let leadId = '';

    beforeAll(async () => {
      if (dialect === 'postgres' && (await postgresProblem())) return;
      shared = await sharedStores(dialect);
      storeA = await shared.open();
      storeB = await shared.open();
      appA = await buildApp({ store: storeA });
      // B answers only: its runner does not take over A's running jobs (on SQLite it would).
      appB = await buildApp({ store: storeB, runJobs: false });
      const lead = await addUserWithToken(storeA, { username: `lead-${dialect}`, platformRole: 'investigator' });
      const other = await addUserWithToken(storeA, { username: `other-${dialect}`, platformRole: 'investigator' });
      leadId = lead.user.id;
      leadA = as(appA, lead.token);
      leadB = as(appB, lead.token);
      otherB = as(appB, other.token);
      const made = await leadA('POST', '/api/cases', { title: 'Operation Alder', country: 'LV' });
      expect(made.status).toBe(201);
      caseId = String(made.body.id);
    }, 60_000);

    afterAll(async () => {
      await appA?.close();
      await appB?.close();
      await shared?.dispose();
    });

    it('a report started on one process is seen, waited for and downloaded through another', async (ctx) => {
      if (!shared) return ctx.skip();
      const started = await leadA('POST', `/api/cases/${caseId}/reports`, { sections: [], language: 'en' });
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      const id = String(started.body.id);
      const seen = await leadB('GET', `/api/cases/${caseId}/reports/${id}`);
      expect(seen.status).toBe(200);
      expect(['running', 'done']).toContain(seen.body.status);
      // Another user, even on the same case's server, does not see it.
      expect((await otherB('GET', `/api/cases/${caseId}/reports/${id}`)).status).toBe(404);
      const done = await until(
        () => leadB('GET', `/api/cases/${caseId}/reports/${id}`),
        (r) => r.body.status !== 'running',
      );
      expect(done.body).toMatchObject({ status: 'done', progress: 1, error: null });
      expect(Number(done.body.pages)).toBeGreaterThan(0);
      const pdf = await leadB('GET', `/api/cases/${caseId}/reports/${id}/download`);
      expect(pdf.status).toBe(200);
      expect(String(pdf.body.text)).toMatch(/^%PDF-/);
      const row = await getJob(storeB.scope(caseId), id);
      expect(row?.state).toBe('succeeded');
      // The finished PDF is sealed in the shared data folder, not kept in the process that drew it.
      expect(row?.result_file && existsSync(join(shared.dataDir, row.result_file))).toBe(true);
    }, 120_000);

    it('a file uploaded through one process is imported through another, its job polled on the first', async (ctx) => {
      if (!shared) return ctx.skip();
      const up = await leadA(
        'POST',
        `/api/cases/${caseId}/imports/uploads?name=people.ftm.json`,
        `${person('p-1', 'Ann Ozola')}\n${person('p-2', 'Ivars Kalns')}\n`,
      );
      expect(up.status, JSON.stringify(up.body)).toBe(201);
      const tasksBefore = tasksRun();
      const started = await leadB('POST', `/api/cases/${caseId}/imports`, {
        uploadId: up.body.uploadId,
        format: 'ftm',
        options: {},
      });
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      const ticket = { 'x-elect-job-key': String(started.body.key) };
      const job = await until(
        () => leadA('GET', `/api/import-jobs/${String(started.body.id)}`, undefined, ticket),
        (r) => r.body.status !== 'checking' && r.body.status !== 'writing',
      );
      expect(job.status).toBe(200);
      expect(job.body).toMatchObject({ status: 'succeeded', report: { entitiesAdded: 2 } });
      // The file was read and checked on a pool thread, off the request loop.
      expect(tasksRun() - tasksBefore).toBeGreaterThanOrEqual(1);
      // Without its ticket the job does not exist.
      expect((await leadA('GET', `/api/import-jobs/${String(started.body.id)}`)).status).toBe(404);
    }, 120_000);

    it('a process killed inside the transaction of an import leaves the case as it was; the restart fails it', async (ctx) => {
      if (!shared) return ctx.skip();
      const entities = async () =>
        Number(
          (
            await storeA.db
              .selectFrom('entities')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('case_id', '=', caseId)
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await entities();
      const killed = await killedJob(shared, ['import', caseId, leadId]);
      expect(killed.signal, killed.output).toBe('SIGKILL');
      // All 2,000 entities were inserted in the transaction the kill cut short: none of them is there.
      expect(await entities()).toBe(before);
      expect(await getJob(storeA.scope(caseId), killed.jobId)).toMatchObject({ kind: 'import', state: 'running' });
      const restarted = await shared.open();
      const runner = new JobRunner(restarted, { staleAfterMs: 0 });
      runner.register(importJobKind);
      expect((await runner.recover()).failed).toContain(killed.jobId);
      expect(await getJob(restarted.scope(caseId), killed.jobId)).toMatchObject({
        state: 'failed',
        error: importJobKind.interrupted,
      });
      expect(await entities()).toBe(before);
      await runner.stop();
    }, 120_000);

    it('a restart fails an interrupted import with its reason and resumes an interrupted report', async (ctx) => {
      if (!shared) return ctx.skip();
      const scope = storeA.scope(caseId);
      const owner = (await getJob(scope, (await latestReport(storeA, caseId)) ?? ''))?.owner_id ?? '';
      const base = {
        owner_id: owner,
        state: 'running',
        progress: '0.4',
        error: null,
        result: null,
        result_file: null,
        ticket_hash: null,
        cancel_requested: 0,
        // The process that ran them is gone: it last said it was alive long ago.
        claimed_by: 'gone-host:1:dead',
        heartbeat_at: old,
        attempts: 1,
        created_at: old,
        updated_at: old,
        finished_at: null,
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      };
      await insertJob(scope, {
        ...base,
        id: 'interrupted-import',
        kind: 'import',
        step: 'writing',
        input: JSON.stringify({ format: 'ftm', fileName: 'big.json', uploadId: 'u', size: 10 }),
      });
      const reportInput = { sections: [], chartIds: [], language: 'en', fileName: 'r.pdf', ip: null };
      await insertJob(scope, {
        ...base,
        id: 'interrupted-report',
        kind: 'report',
        step: 'drawing',
        input: JSON.stringify(reportInput),
      });
      // The restarted process (a new store on the same database) takes over what the old one left.
      const restarted = await shared.open();
      const runner = new JobRunner(restarted, { staleAfterMs: 30_000 });
      runner.register(reportJobKind(restarted));
      runner.register(importJobKind);
      const recovered = await runner.recover();
      expect(recovered.failed).toContain('interrupted-import');
      expect(recovered.resumed).toContain('interrupted-report');
      const imp = await getJob(restarted.scope(caseId), 'interrupted-import');
      expect(imp).toMatchObject({ state: 'failed', error: importJobKind.interrupted });
      const rep = await runner.wait(caseId, 'interrupted-report');
      expect(rep).toMatchObject({ state: 'succeeded', attempts: 2, error: null });
      // Its owner sees both through the API of another process.
      const seen = await leadB('GET', `/api/cases/${caseId}/reports/interrupted-report`);
      expect(seen.body).toMatchObject({ status: 'done', error: null });
      await runner.stop();
    }, 120_000);

    it('runs a queued job once however many runners race for it', async (ctx) => {
      if (!shared) return ctx.skip();
      const scope = storeA.scope(caseId);
      const row = await getJob(scope, 'interrupted-report');
      if (!row) throw new Error('the previous case made no report');
      const { case_id: _c, ...rest } = row;
      await insertJob(scope, { ...rest, id: 'queued-report', state: 'queued', claimed_by: null, attempts: 0 });
      const runners = await Promise.all(
        [0, 1, 2].map(async () => {
          // SQLite serves one process: its runners share the one store; PostgreSQL's are processes apart.
          const s = dialect === 'sqlite' ? storeA : await shared!.open();
          const r = new JobRunner(s);
          r.register(reportJobKind(s));
          return r;
        }),
      );
      await Promise.all(runners.map((r) => r.claimQueued()));
      const done = await runners[0]!.wait(caseId, 'queued-report');
      expect(done).toMatchObject({ state: 'succeeded', attempts: 1 });
      await Promise.all(runners.map((r) => r.stop()));
    }, 120_000);

    it('finished jobs and staged uploads expire with their files', async (ctx) => {
      if (!shared) return ctx.skip();
      const row = await getJob(storeA.scope(caseId), 'queued-report');
      const file = join(shared.dataDir, row?.result_file ?? 'missing');
      expect(existsSync(file)).toBe(true);
      expect(existsSync(join(shared.dataDir, 'staging'))).toBe(true);
      const later = new Date(Date.now() + 3 * 3_600_000).toISOString();
      const removed = await sweepExpired(storeA, later);
      expect(removed).toBeGreaterThanOrEqual(4);
      expect(existsSync(file)).toBe(false);
      expect(await getJob(storeA.scope(caseId), 'queued-report')).toBeUndefined();
      const uploads = await storeA.db.selectFrom('job_uploads').select('id').execute();
      expect(uploads).toEqual([]);
      // A report whose case was erased (its row gone with it) leaves no file behind either.
      const leftover = join(shared.dataDir, 'jobs', 'erased-case-report.sealed');
      writeFileSync(leftover, 'sealed bytes');
      // The file's time is set, not taken from the clock: file systems stamp coarsely, which
      // made "just under three hours later" sometimes measure as over.
      const written = new Date(Math.floor(Date.now() / 1000) * 1000);
      utimesSync(leftover, written, written);
      await sweepExpired(storeA, new Date(written.getTime() + 3 * 3_600_000 - 60_000).toISOString());
      expect(existsSync(leftover)).toBe(true);
      await sweepExpired(storeA, new Date(written.getTime() + 3 * 3_600_000 + 60_000).toISOString());
      expect(existsSync(leftover)).toBe(false);
    });
  });
}

async function latestReport(store: Store, caseId: string): Promise<string | undefined> {
  const r = await store.scope(caseId).selectFrom('jobs').select('id').where('kind', '=', 'report').executeTakeFirst();
  return r?.id;
}
