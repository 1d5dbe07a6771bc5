/**
 * Audit append throughput on PostgreSQL with concurrent writers across cases: appends that lock
 * only their case's chain head, records arriving together written in one transaction (group
 * commit: one locking read of the heads, one insert, one update), linked into the global chain
 * by checkpoints (the time counted ends when the last checkpoint is written, so the whole log is
 * chained and signed), beside the path
 * every append took before — the global head locked for each record — in the same run, on the
 * same database. Bounded and loopback only.
 */
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendAudit } from '../src/store/audit/append.ts';
import { checkpointAudit } from '../src/store/audit/checkpoint.ts';
import { appendAuditGlobalLock } from '../src/store/audit/globalLockBaseline.ts';
import { verifyAuditLog } from '../src/store/audit/verify.ts';
import { KeyRing } from '../src/store/keys.ts';
import { Store } from '../src/store/store.ts';
import { fmt, PG_URL, pgStore, postgresReachable, report, time } from './support.ts';

const WRITERS = Number(process.env.BENCH_AUDIT_WRITERS ?? 20);
const PER_WRITER = Number(process.env.BENCH_AUDIT_APPENDS ?? 300);
const CASES = 40;

/** Writers spread over `stores` (each its own pool of 10, as each server process has). */
async function appendMany(stores: Store[], ring: KeyRing, globalLock: boolean, round: number): Promise<number> {
  let n = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      const store = stores[w % stores.length] as Store;
      for (let i = 0; i < PER_WRITER; i++) {
        const e = {
          caseId: `bench-case-${round}-${(w * PER_WRITER + i) % CASES}`,
          userId: `writer-${w}`,
          action: 'consultation',
          targetType: 'entity',
          targetId: `e${i}`,
          detail: { route: 'GET /api/cases/:caseId/entities/:entityId', returned: 1 },
        };
        if (globalLock) await appendAuditGlobalLock(store.db, e, ring);
        else await appendAudit(store.db, e, ring, { attempts: 50 });
        n++;
      }
    }),
  );
  if (!globalLock) await checkpointAudit((stores[0] as Store).db, ring);
  return n;
}

export async function auditBench(): Promise<void> {
  if (!(await postgresReachable())) {
    console.log('\nAudit appends: PostgreSQL not reachable — skipped');
    return;
  }
  const ring = KeyRing.open(mkdtempSync(join(tmpdir(), 'elect-bench-audit-keys-')));
  const pg = await pgStore();
  // A second pool on the same schema: two server processes' worth of connections.
  const second = await Store.open({ databaseUrl: PG_URL, pgSchema: pg.schema });
  const stores = [pg.store, second];
  try {
    await appendMany(stores, ring, true, 0); // warm-up: connections, plans
    const base = await time(() => appendMany(stores, ring, true, 1));
    const ours = await time(() => appendMany(stores, ring, false, 2));
    report(
      `Audit appends on PostgreSQL, ${WRITERS} concurrent writers over ${CASES} cases, 2 pools (records/s)`,
      { label: 'per-case head locks, group commit + batched checkpoint', rows: ours.value, ms: ours.ms },
      { label: 'one global lock per append (previous path)', rows: base.value, ms: base.ms },
      3,
    );
    const v = await verifyAuditLog(pg.store.db, ring);
    const [load1] = loadavg();
    console.log(
      `  machine: ${cpus().length} cores, load average ${(load1 ?? 0).toFixed(1)} (shared: figures are noisy)`,
    );
    console.log(`  audit verify over both: ${v.ok ? 'ok' : 'FAILED'}, ${fmt(v.records)} records in ${v.chains} chains`);
  } finally {
    await second.close();
    await pg.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) await auditBench();
