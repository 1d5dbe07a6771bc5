/**
 * Load on one server process over loopback (autocannon, 127.0.0.1 only, bounded durations):
 * throughput and p50/p99 of light reads (`/api/auth/me`), case search and entity pages on
 * SQLite and PostgreSQL; then the light read measured again while each heavy operation runs
 * (a 10,000-person batch, four reports, a 50,000-node GraphML import, two clients sending 14 MB
 * deeply nested bodies unauthenticated), each beside the idle p99 of the same run.
 */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { buildApp } from '../src/server/app.ts';
import { actorOf, addUserWithToken } from '../src/services/access/users.ts';
import { loadDemoCase } from '../src/services/demo/demo.ts';
import { useWorkCaps, LocalWorkCaps, defaultCapLimits } from '../src/services/workers/index.ts';
import { Store } from '../src/store/store.ts';
import { pgStore, postgresReachable } from './support.ts';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 5);
const CONNECTIONS = 10;

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function measure(url: string, token: string, seconds = SECONDS): Promise<Figures> {
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
  });
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
}

const persons = (n: number, tag: string) =>
  JSON.stringify({
    entities: Array.from({ length: n }, (_, i) => ({
      schema: 'Person',
      properties: { name: [`Load ${tag} ${i}`], birthDate: ['1990-01-01'] },
    })),
  });

function graphml(nodes: number): string {
  const parts = ['<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">'];
  for (let i = 0; i < nodes; i++) parts.push(`<node id="n${i}"/>`);
  for (let i = 1; i < nodes; i++) parts.push(`<edge source="n${i - 1}" target="n${i}"/>`);
  parts.push('</graph></graphml>');
  return parts.join('');
}

/** One 14 MB body nested 7 million levels deep, sent without credentials. */
function deepBodyAttack(port: number, until: () => boolean): Promise<{ sent: number; worstMs: number }> {
  const half = 7 * 1024 * 1024;
  const body = Buffer.from('['.repeat(half) + ']'.repeat(half));
  const head = `POST /api/partner/psi HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n`;
  let sent = 0;
  let worstMs = 0;
  const once = (chunked: boolean) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const s = connect(port, '127.0.0.1', () => {
        s.write(head + (chunked ? 'Transfer-Encoding: chunked\r\n\r\n' : `Content-Length: ${body.length}\r\n\r\n`));
        s.write(chunked ? Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body]) : body);
      });
      s.once('data', () => {
        worstMs = Math.max(worstMs, performance.now() - started);
        sent++;
        s.destroy();
      });
      s.on('error', () => undefined);
      s.on('close', () => resolve());
    });
  const client = async (chunked: boolean) => {
    while (!until()) await once(chunked);
  };
  return Promise.all([client(false), client(true)]).then(() => ({ sent, worstMs }));
}

async function post(base: string, token: string, path: string, body: string): Promise<number> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

/** `n` FtM persons, one JSON object a line (100,000 ≈ 11 MB, as in the table). */
const ftmPersons = (n: number, tag: string): string =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      id: `ftm-${tag}-${i}`,
      schema: 'Person',
      properties: { name: [`Imported Person ${tag} ${i}`], birthDate: ['1985-05-05'], nationality: ['lv'] },
    }),
  ).join('\n');

/** Uploads and imports an FtM file, then polls its job until it ends; its final status. */
async function ftmImport(base: string, token: string, caseId: string, content: string): Promise<string> {
  const auth = { authorization: `Bearer ${token}` };
  const up = await fetch(`${base}/api/cases/${caseId}/imports/uploads?name=load.ftm.json`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/octet-stream' },
    body: content,
  });
  const staged = (await up.json()) as { uploadId?: string };
  const started = await fetch(`${base}/api/cases/${caseId}/imports`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ uploadId: staged.uploadId, format: 'ftm', options: {} }),
  });
  const job = (await started.json()) as { id?: string; key?: string };
  if (!job.id) return `not started (${started.status})`;
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const r = await fetch(`${base}/api/import-jobs/${job.id}`, { headers: { ...auth, 'x-elect-job-key': job.key ?? '' } });
    const state = ((await r.json()) as { status?: string }).status ?? String(r.status);
    if (state !== 'checking' && state !== 'writing') return state;
  }
}

/** Waits (at most two minutes) until none of the user's jobs in the case is queued or running. */
async function jobsEnded(base: string, token: string, caseId: string): Promise<void> {
  const end = Date.now() + 120_000;
  while (Date.now() < end) {
    const r = await fetch(`${base}/api/cases/${caseId}/jobs`, { headers: { authorization: `Bearer ${token}` } });
    const { jobs } = (await r.json()) as { jobs: { state: string }[] };
    if (!jobs.some((j) => j.state === 'queued' || j.state === 'running')) return;
    await new Promise((res) => setTimeout(res, 250));
  }
}

async function run(dialect: 'sqlite' | 'postgres', store: Store): Promise<void> {
  const app = await buildApp({ store });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  try {
    const reader = await addUserWithToken(store, { username: `load-reader-${dialect}`, platformRole: 'investigator' });
    const heavy = await addUserWithToken(store, { username: `load-heavy-${dialect}`, platformRole: 'investigator' });
    const { caseId } = await loadDemoCase(store, actorOf(reader.user), { seed: 7, scale: 1 });
    const heavyCase = await post(base, heavy.token, '/api/cases', JSON.stringify({ title: 'Load', country: 'FI' }));
    if (heavyCase !== 201 && heavyCase !== 200) throw new Error(`case: ${heavyCase}`);
    const cases = (await (await fetch(`${base}/api/cases`, { headers: { authorization: `Bearer ${heavy.token}` } })).json()) as {
      cases: { id: string }[];
    };
    const heavyCaseId = cases.cases[0]?.id ?? '';
    const me = `${base}/api/auth/me`;
    const idle = await measure(me, reader.token);
    const search = await measure(`${base}/api/cases/${caseId}/search?q=a`, reader.token);
    const page = await measure(`${base}/api/cases/${caseId}/entity-rows?limit=50`, reader.token);
    console.log(`\n[${dialect}] idle, ${CONNECTIONS} connections, ${SECONDS} s each`);
    console.log('| request | req/s | p50 ms | p99 ms | non-2xx |\n|---|---|---|---|---|');
    for (const [name, f] of [['GET /api/auth/me', idle], ['case search', search], ['entity page (50 rows)', page]] as const)
      console.log(`| ${name} | ${f.rps} | ${f.p50} | ${f.p99} | ${f.non2xx} |`);

    const batch = persons(10_000, dialect);
    const chart = JSON.stringify({ name: 'Load chart', format: 'graphml', content: graphml(50_000) });
    const heavyOps: [string, (until: () => boolean) => Promise<string>][] = [
      ['batch of 10,000 persons (loop)', async (until) => {
        const seen: number[] = [];
        while (!until()) seen.push(await post(base, heavy.token, `/api/cases/${heavyCaseId}/entities/batch`, batch));
        return `statuses ${[...new Set(seen)].join('/')}, ${seen.length} batches`;
      }],
      ['FtM import, 100,000 entities (11 MB)', async (until) => {
        const seen: string[] = [];
        let round = 0;
        while (!until()) seen.push(await ftmImport(base, heavy.token, heavyCaseId, ftmPersons(100_000, `${dialect}${round++}`)));
        return `jobs ${seen.join('/')}`;
      }],
      ['4 reports at once (loop)', async (until) => {
        const seen: number[] = [];
        while (!until()) {
          const r = await Promise.all(
            Array.from({ length: 4 }, () => post(base, heavy.token, `/api/cases/${heavyCaseId}/reports`, '{}')),
          );
          seen.push(...r);
          await new Promise((res) => setTimeout(res, 500));
        }
        return `statuses ${seen.filter((s) => s === 202).length}×202 ${seen.filter((s) => s === 429).length}×429`;
      }],
      ['GraphML import, 50,000 nodes (loop)', async (until) => {
        const seen: number[] = [];
        while (!until()) seen.push(await post(base, heavy.token, `/api/cases/${heavyCaseId}/charts/import`, chart));
        return `statuses ${[...new Set(seen)].join('/')}, ${seen.length} imports`;
      }],
      ['two unauthenticated 14 MB deep-body clients', async (until) => {
        const r = await deepBodyAttack(port, until);
        return `${r.sent} bodies refused, slowest answer ${r.worstMs.toFixed(0)} ms`;
      }],
    ];
    console.log(`\n[${dialect}] GET /api/auth/me while heavy work runs (idle p99 ${idle.p99} ms)`);
    console.log('| heavy operation | req/s | p50 ms | p99 ms | p99 / idle p99 | heavy side |\n|---|---|---|---|---|---|');
    for (const [name, op] of heavyOps) {
      let stop = false;
      const running = op(() => stop);
      await new Promise((r) => setTimeout(r, 300));
      const f = await measure(me, reader.token);
      stop = true;
      const note = await running;
      await jobsEnded(base, heavy.token, heavyCaseId); // the next operation starts with the user's slots free
      console.log(`| ${name} | ${f.rps} | ${f.p50} | ${f.p99} | ${(f.p99 / Math.max(1, idle.p99)).toFixed(1)}× | ${note} |`);
    }
  } finally {
    await app.close();
  }
}

export async function loadBench(): Promise<void> {
  console.log('\n## Load: one process, loopback');
  // The bench's heavy user runs reports in a loop; the caps stay as shipped (2 per user).
  useWorkCaps(new LocalWorkCaps(defaultCapLimits()));
  const sqlite = await Store.open({ sqliteFile: ':memory:' });
  try {
    await run('sqlite', sqlite);
  } finally {
    await sqlite.close();
  }
  if (!(await postgresReachable())) {
    console.log('PostgreSQL not reachable: its load figures skipped.');
    return;
  }
  const pg = await pgStore();
  try {
    await run('postgres', pg.store);
  } finally {
    await pg.dispose();
  }
}

if (process.argv[1]?.endsWith('load.ts')) await loadBench();
