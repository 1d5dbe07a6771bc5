/**
 * A server process killed (SIGKILL) in the middle of a job, for the tests that a killed job
 * leaves its case as it was and is taken over after a restart. Run as its own process on a
 * database other processes share:
 *
 *   node --import tsx test/support/killedJob.ts <rules|exchange|import> <caseId> <ownerId> [agreementId]
 *
 * with ELECT_TEST_SQLITE (a file) or ELECT_TEST_PG_SCHEMA, ELECT_DATA_DIR and ELECT_KEY_DIR set.
 * `rules` dies inside the transaction that stores the findings, after its writes and before its
 * commit; `import` likewise inside the import's one transaction, every entity of a 2,000-line FtM
 * file written; `exchange` dies while the partner's answer is awaited (the query sent, no notice yet).
 * It prints `job <id>` once the job is in the table, then kills itself.
 */
import { actorOf } from '../../src/services/access/index.ts';
import { exchangeJobKind, runOverHttps } from '../../src/services/cooperation/index.ts';
import { rulesJobKind } from '../../src/services/finance/index.ts';
import { ImportDesk, stageUpload, startImport } from '../../src/services/imports/index.ts';
import { jobRunner } from '../../src/services/jobs/index.ts';
import { cliCaller } from '../../src/services/useCase/index.ts';
import { getUser } from '../../src/store/repos/access/users.ts';
import { Store } from '../../src/store/store.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_PG_URL } from './dialects.ts';

const [mode, caseId = '', ownerId = '', agreementId = ''] = process.argv.slice(2);
const dataDir = process.env.ELECT_DATA_DIR ?? '';
const store = process.env.ELECT_TEST_SQLITE
  ? await Store.open({ sqliteFile: process.env.ELECT_TEST_SQLITE, dataDir })
  : await Store.open({ databaseUrl: TEST_PG_URL, pgSchema: process.env.ELECT_TEST_PG_SCHEMA ?? '', dataDir });
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};
const runner = jobRunner(store);
runner.register(rulesJobKind(store));
runner.register(exchangeJobKind(store));

if (mode === 'rules') {
  const write = store.transaction.bind(store);
  // Every write of the run is made, then the process dies before the commit.
  store.transaction = (async (fn: Parameters<Store['transaction']>[0]) =>
    write(async (trx) => {
      await fn(trx);
      // Read through the transaction: SQLite's one connection is held by it.
      const job = await trx
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'rules')
        .where('state', '=', 'running')
        .executeTakeFirst();
      console.log(`job ${job?.id ?? '?'}`);
      return die();
    })) as Store['transaction'];
  const row = await runner.submit(caseId, {
    kind: 'rules',
    ownerId,
    input: { rules: null, parameters: null, ip: null },
    step: 'starting',
    progress: { transactions: 0 },
  });
  await runner.wait(caseId, row.id);
} else if (mode === 'import') {
  const user = await getUser(store.db, ownerId);
  if (!user) throw new Error(`no user ${ownerId}`);
  const caller = cliCaller(actorOf(user));
  const file = join(dataDir, 'kill.ftm.json');
  const line = (i: number) => JSON.stringify({ id: `k-${i}`, schema: 'Person', properties: { name: [`Killed ${i}`] } });
  writeFileSync(file, Array.from({ length: 2000 }, (_, i) => line(i)).join('\n'));
  const desk = new ImportDesk();
  const spooled = { path: file, dispose: async () => undefined };
  const up = await stageUpload(store, caller, caseId, { desk, spooled, fileName: 'kill.ftm.json' });
  const write = store.transaction.bind(store);
  store.transaction = (async (fn: Parameters<Store['transaction']>[0]) =>
    write(async (trx) => {
      await fn(trx);
      const job = await trx
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'import')
        .where('state', '=', 'running')
        .executeTakeFirst();
      console.log(`job ${job?.id ?? '?'}`);
      return die();
    })) as Store['transaction'];
  const body = { uploadId: up.uploadId, format: 'ftm', options: {}, acceptUnbalanced: false };
  await startImport(store, caller, caseId, { desk, body });
  await new Promise((r) => setTimeout(r, 120_000));
} else if (mode === 'exchange') {
  const user = await getUser(store.db, ownerId);
  if (!user) throw new Error(`no user ${ownerId}`);
  const hang: typeof fetch = async () => {
    const job = await store.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'exchange')
      .where('state', '=', 'running')
      .executeTakeFirst();
    console.log(`job ${job?.id ?? '?'}`);
    return die();
  };
  await runOverHttps(store, cliCaller(actorOf(user)), caseId, { agreementId, fetchImpl: hang });
}
console.log('the job finished before it could be killed');
process.exit(3);
