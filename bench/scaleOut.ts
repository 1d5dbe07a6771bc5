/**
 * Scale-out and crash bench on PostgreSQL, loopback only, bounded:
 * 1. case searches per second against `elect serve --workers 1` and `--workers 2` (autocannon on
 *    127.0.0.1), with the CPU each server process, PostgreSQL and the load generator used, so the
 *    limit is visible;
 * 2. kill -9 of the server mid-import and mid-report, then a restart: the case's rows before and
 *    after (an import writes in one transaction: nothing of it, or all), and each job's end state
 *    as its owner reads it from the restarted process.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { fmt, PG_URL, pgStore, postgresReachable } from './support.ts';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 6);
const ROOT = join(import.meta.dirname, '..');
const keyDir = mkdtempSync(join(tmpdir(), 'elect-bench-scale-keys-'));
const dataDir = mkdtempSync(join(tmpdir(), 'elect-bench-scale-data-'));

const TICK = 100; // clock ticks per second (/proc/<pid>/stat)
function cpuSeconds(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(f[11]) + Number(f[12])) / TICK;
  } catch {
    return 0;
  }
}
const childrenOf = (pid: number): number[] => {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
};
/** CPU of every PostgreSQL process on this machine (the database is shared: others' load shows too). */
function postgresCpu(): number {
  let total = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres') total += cpuSeconds(Number(d));
    } catch {
      /* gone */
    }
  }
  return total;
}

interface Server {
  child: ChildProcess;
  port: number;
  stop: () => Promise<void>;
}

async function serve(schema: string, workers: number, port: number): Promise<Server> {
  const url = `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'serve',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--workers',
      String(workers),
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: url,
        ELECT_DATA_DIR: dataDir,
        ELECT_KEY_DIR: keyDir,
        ELECT_LOG_FORMAT: 'short',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const end = Date.now() + 90_000;
  for (;;) {
    const started = (out.match(/http:\/\/127\.0\.0\.1/g) ?? []).length;
    if (started >= workers) break;
    if (child.exitCode !== null || Date.now() > end) throw new Error(`the server did not start:\n${out.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await gone;
  };
  return { child, port, stop };
}

async function api(port: number, token: string, method: string, path: string, body?: unknown, raw?: string) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(raw !== undefined ? { 'content-type': 'application/octet-stream' } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    /* not JSON */
  }
  return { status: res.status, json };
}

async function searchRun(schema: string, workers: number, port: number, token: string, caseIds: string[]) {
  const server = await serve(schema, workers, port);
  try {
    const url = `http://127.0.0.1:${port}`;
    // Searches spread over the cases, as many investigators work on many cases.
    const requests = caseIds.map((id) => ({ path: `/api/cases/${id}/search?q=${encodeURIComponent('ozol')}` }));
    const headers = { authorization: `Bearer ${token}` };
    await autocannon({ url, requests, connections: 10, duration: 1, headers }); // warm-up
    const pids = workers > 1 ? childrenOf(server.child.pid ?? 0) : [server.child.pid ?? 0];
    const before = pids.map(cpuSeconds);
    const pgBefore = postgresCpu();
    const selfBefore = process.cpuUsage();
    const r = await autocannon({ url, requests, connections: 20, duration: SECONDS, headers });
    const self = process.cpuUsage(selfBefore);
    const cpu = pids.map((p, i) => cpuSeconds(p) - (before[i] ?? 0));
    return {
      rps: Math.round(r.requests.average),
      non2xx: r.non2xx,
      cpu,
      pg: postgresCpu() - pgBefore,
      loadGen: (self.user + self.system) / 1e6,
    };
  } finally {
    await server.stop();
  }
}

const bigFtm = (n: number): string =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({ id: `kill-${i}`, schema: 'Person', properties: { name: [`Killed Import ${i}`] } }),
  ).join('\n');

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function scaleOutBench(): Promise<void> {
  if (!(await postgresReachable())) {
    console.log('\nScale-out: PostgreSQL not reachable — skipped');
    return;
  }
  const { actorOf, addUserWithToken } = await import('../src/services/access/users.ts');
  const { loadDemoCase } = await import('../src/services/demo/demo.ts');
  const { createCase } = await import('../src/services/cases/cases.ts');
  process.env.ELECT_KEY_DIR ??= keyDir; // the servers sign with the key folder they are given
  const pg = await pgStore();
  const count = async (caseId: string) =>
    Number(
      (
        await pg.store.db
          .selectFrom('entities')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('case_id', '=', caseId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  try {
    const lead = await addUserWithToken(pg.store, { username: 'scale-lead', platformRole: 'investigator' });
    const actor = actorOf(lead.user);
    const { caseId } = await loadDemoCase(pg.store, actor, { seed: 5, scale: 1 });
    const caseIds = [caseId];
    for (let i = 0; i < 7; i++)
      caseIds.push((await createCase(pg.store, actor, { title: `Scale case ${i}`, country: 'LV' })).id);
    const port = 18_400 + Math.floor(Math.random() * 500);

    const one = await searchRun(pg.schema, 1, port, lead.token, caseIds);
    const two = await searchRun(pg.schema, 2, port + 1, lead.token, caseIds);
    console.log(
      `\nCase search on PostgreSQL over ${caseIds.length} cases, 20 connections for ${SECONDS} s (requests/s)`,
    );
    const line = (label: string, f: typeof one) => {
      const used = f.cpu.reduce((a, b) => a + b, 0) + f.pg + f.loadGen;
      console.log(
        `  ${label.padEnd(24)} ${fmt(f.rps).padStart(8)} req/s  non-2xx ${f.non2xx}  CPU s: server ${f.cpu
          .map((c) => c.toFixed(1))
          .join(' + ')}, PostgreSQL ${f.pg.toFixed(1)}, load generator ${f.loadGen.toFixed(1)}` +
          // What the three got of the cores in the window: far below 100% means others' load starved them.
          `; together ${((100 * used) / (SECONDS * cpus().length)).toFixed(0)}% of the cores,` +
          ` server ${((1000 * f.cpu.reduce((a, b) => a + b, 0)) / Math.max(1, f.rps * SECONDS)).toFixed(1)} ms CPU/request`,
      );
    };
    line('2 processes (--workers 2)', two);
    line('1 process (--workers 1)', one);
    const [load1] = loadavg();
    console.log(
      `  machine: ${cpus().length} cores, load average ${(load1 ?? 0).toFixed(1)} (above the cores: CPU-starved)`,
    );
    console.log(`  ratio ${(two.rps / one.rps).toFixed(2)}  (aim > 1: ${two.rps > one.rps ? 'met' : 'NOT met'})`);

    // kill -9 mid-import.
    let server = await serve(pg.schema, 1, port + 2);
    const before = await count(caseId);
    const up = await api(
      server.port,
      lead.token,
      'POST',
      `/api/cases/${caseId}/imports/uploads?name=big.ftm.json`,
      undefined,
      bigFtm(60_000),
    );
    const started = await api(server.port, lead.token, 'POST', `/api/cases/${caseId}/imports`, {
      uploadId: up.json.uploadId,
      format: 'ftm',
      options: {},
    });
    const jobId = String(started.json.id);
    await new Promise((r) => setTimeout(r, 1500)); // mid-way through writing
    server.child.kill('SIGKILL');
    await new Promise((r) => server.child.once('exit', r));
    const afterKill = await count(caseId);
    // kill -9 mid-report, on a second server started and killed the same way.
    server = await serve(pg.schema, 1, port + 3);
    const rep = await api(server.port, lead.token, 'POST', `/api/cases/${caseId}/reports`, {
      sections: [],
      language: 'en',
    });
    const reportId = String(rep.json.id);
    server.child.kill('SIGKILL');
    await new Promise((r) => server.child.once('exit', r));
    // Restart: the new process takes over jobs whose runner went silent (30 s), resuming or failing them.
    server = await serve(pg.schema, 1, port + 4);
    const jobOf = (id: string) => pg.store.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    const imp = await until(
      () => jobOf(jobId),
      (j) => j?.state !== 'running' && j?.state !== 'queued',
      90_000,
    );
    const report = await until(
      () => api(server.port, lead.token, 'GET', `/api/cases/${caseId}/reports/${reportId}`),
      (r) => r.json.status !== 'running',
      90_000,
    );
    const afterRestart = await count(caseId);
    await server.stop();
    console.log('\nkill -9 mid-import and mid-report, then restart (PostgreSQL)');
    console.log(
      `  entities in the case: before ${fmt(before)}, after the kill ${fmt(afterKill)}, after restart ${fmt(afterRestart)}`,
    );
    console.log(`  import job: ${imp?.state ?? '?'}${imp?.error ? ` — ${imp.error}` : ''}`);
    console.log(`  report job: ${String(report.json.status)} (pages ${String(report.json.pages ?? '-')})`);
    const lost = before !== afterKill || afterKill !== afterRestart;
    console.log(`  nothing lost or half-written: ${lost ? 'NO' : 'yes'}`);
  } finally {
    await pg.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) await scaleOutBench();
