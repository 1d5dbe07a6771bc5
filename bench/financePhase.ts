/**
 * One phase of the financial benchmark, run in a child process of its own so that its peak
 * resident memory (`maxRSS`) is its own. Prints one JSON line: what it measured.
 *
 *   tsx bench/financePhase.ts <phase> <sqlite file> [args…]
 */
import { readFile } from 'node:fs/promises';
import SQLite from 'better-sqlite3';
import { XMLParser } from 'fast-xml-parser';
import { loadDemoCase } from '../src/services/demo/demo.ts';
import { createCase } from '../src/services/cases/cases.ts';
import { runFindings } from '../src/services/finance/findings.ts';
import { runImport } from '../src/services/imports/pipeline.ts';
import { actorOf, addUser } from '../src/services/access/users.ts';
import { bankCsvImporter, camt053Importer } from '../src/ingest/bank/index.ts';
import { fileInput } from '../src/ingest/files.ts';
import type { TransactionRecord } from '../src/domain/records.ts';
import { sqlitePragmas } from '../src/store/dialect.ts';
import { insertCase } from '../src/store/repos/cases/cases.ts';
import { getUserByName } from '../src/store/repos/access/users.ts';
import { toRows } from '../src/store/repos/finance/transactions.ts';
import { Store } from '../src/store/store.ts';
import { CSV_OPTIONS } from './financeInputs.ts';

const [phase = '', dbFile = '', ...args] = process.argv.slice(2);
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const now = () => Number(process.hrtime.bigint()) / 1e6;
/** CPU time (user + system) of the whole phase: on a shared, loaded machine it says more than the wall clock. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function actorIn(store: Store) {
  const existing = await getUserByName(store.db, 'bench');
  return actorOf(existing ?? (await addUser(store, { username: 'bench', platformRole: 'analyst' })));
}

/** The store's own import of a bank CSV export: parse, map, fingerprint, write in one transaction. */
async function csvImport(file: string) {
  const store = await Store.open({ sqliteFile: dbFile });
  const actor = await actorIn(store);
  const kase = await createCase(store, actor, { title: 'bench csv', country: 'FI' });
  const t = now();
  const c = cpuMs();
  // Without assembly on import, whose cost bench/assembly.ts reports.
  const r = await runImport(store, actor, kase.id, bankCsvImporter, fileInput(file), CSV_OPTIONS, {
    chunkSize: 5000,
    assemble: false,
  });
  const ms = now() - t;
  const timedCpuMs = cpuMs() - c;
  await store.close();
  return { ms, timedCpuMs, rows: r.transactionsAdded, entities: r.entitiesAdded };
}

const COLUMNS = [
  'case_id',
  'id',
  'account_id',
  'counterparty_account_id',
  'counterparty_name',
  'counterparty_account',
  'amount_minor',
  'currency',
  'booking_date',
  'value_date',
  'text',
  'reference',
  'kind',
  'place',
  'source_id',
  'fingerprint',
] as const;

/**
 * The baseline: the same lines, read from the same file and made into rows untimed, inserted by
 * a raw better-sqlite3 prepared-statement loop into the same table definition (made by our
 * migrations) with the same PRAGMAs, in one transaction. Only the inserts are timed; rows are
 * made a batch at a time so the baseline does not hold a million rows in memory either.
 */
async function csvRaw(file: string) {
  const setup = await Store.open({ sqliteFile: dbFile });
  const stamp = new Date().toISOString();
  await insertCase(setup.scope('bench-raw'), {
    title: 'raw',
    reference: null,
    country: 'FI',
    description: null,
    status: 'open',
    owner_agency_id: null,
    handling_code: null,
    purpose: 'operational',
    created_by: 'bench',
    created_at: stamp,
    updated_at: stamp,
  });
  await setup.close();
  const db = new SQLite(dbFile);
  for (const p of sqlitePragmas) db.pragma(p);
  // The foreign key to the account entity is not part of the table; the case row exists.
  const insert = db.prepare(
    `INSERT INTO transactions (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
  );
  let ms = 0;
  let timedCpuMs = 0;
  let rows = 0;
  let batch: TransactionRecord[] = [];
  const values: unknown[] = new Array(COLUMNS.length);
  const flush = () => {
    const made = toRows(batch, null);
    batch = [];
    const t = now();
    const c = cpuMs();
    for (const r of made) {
      values[0] = 'bench-raw';
      for (let c = 1; c < COLUMNS.length; c++) values[c] = r[COLUMNS[c] as keyof typeof r];
      insert.run(values);
    }
    ms += now() - t;
    timedCpuMs += cpuMs() - c;
    rows += made.length;
  };
  let t = now();
  let c = cpuMs();
  db.exec('BEGIN');
  ms += now() - t;
  timedCpuMs += cpuMs() - c;
  for await (const item of bankCsvImporter.parse(fileInput(file), CSV_OPTIONS)) {
    if (item.kind !== 'transaction') continue;
    batch.push(item.record);
    if (batch.length === 5000) flush();
  }
  flush();
  t = now();
  c = cpuMs();
  db.exec('COMMIT');
  ms += now() - t;
  timedCpuMs += cpuMs() - c;
  db.close();
  return { ms, timedCpuMs, rows };
}

async function camtImport(file: string) {
  const store = await Store.open({ sqliteFile: dbFile });
  const actor = await actorIn(store);
  const kase = await createCase(store, actor, { title: 'bench camt', country: 'FI' });
  const input = fileInput(file);
  const t = now();
  const r = await runImport(store, actor, kase.id, camt053Importer, input, {}, { chunkSize: 5000 });
  const ms = now() - t;
  await store.close();
  return { ms, bytes: input.size ?? 0, rows: r.transactionsAdded, entities: r.entitiesAdded };
}

/** The streaming read alone (tokenizer, camt reader, accounts and holders), every item taken. */
async function camtParse(file: string) {
  const input = fileInput(file);
  const t = now();
  const c = cpuMs();
  let rows = 0;
  for await (const item of camt053Importer.parse(input, {})) if (item.kind === 'transaction') rows++;
  return { ms: now() - t, timedCpuMs: cpuMs() - c, bytes: input.size ?? 0, rows };
}

/**
 * The baseline: a raw parse of the same bytes by fast-xml-parser, the whole text read and made
 * into one object tree (every element and attribute), as a general XML parser does it.
 */
async function camtRaw(file: string) {
  const t = now();
  const c = cpuMs();
  const text = await readFile(file, 'utf8');
  const doc = new XMLParser({ ignoreAttributes: false }).parse(text) as Record<string, unknown>;
  return { ms: now() - t, timedCpuMs: cpuMs() - c, bytes: Buffer.byteLength(text), rows: Object.keys(doc).length };
}

/** A generated case of about a million statement lines, for the rules (not measured as such). */
async function demoCase(scale: number) {
  const store = await Store.open({ sqliteFile: dbFile });
  const actor = await actorIn(store);
  const t = now();
  const { caseId, report } = await loadDemoCase(store, actor, { seed: 4711, scale }, { chunkSize: 5000 });
  const ms = now() - t;
  await store.close();
  return { ms, caseId, rows: report.transactionsAdded, entities: report.entitiesAdded };
}

/** Every red-flag rule over the whole case: stream, scan, store the findings. */
async function rules(caseId: string) {
  const store = await Store.open({ sqliteFile: dbFile });
  const actor = await actorIn(store);
  const t = now();
  const s = await runFindings(store, actor, caseId);
  const ms = now() - t;
  await store.close();
  return { ms, rows: s.transactions, accounts: s.accounts, findings: s.findings, byRule: s.byRule };
}

const phases: Record<string, () => Promise<object>> = {
  'csv-import': () => csvImport(args[0] ?? ''),
  'csv-raw': () => csvRaw(args[0] ?? ''),
  'camt-import': () => camtImport(args[0] ?? ''),
  'camt-parse': () => camtParse(args[0] ?? ''),
  'camt-raw': () => camtRaw(args[0] ?? ''),
  'demo-case': () => demoCase(Number(args[0] ?? 210)),
  rules: () => rules(args[0] ?? ''),
};

const run = phases[phase];
if (!run || !dbFile) {
  console.error(`usage: financePhase.ts <${Object.keys(phases).join('|')}> <sqlite file> [args]`);
  process.exit(2);
}
const cpu0 = cpuMs();
const out = await run();
console.log(JSON.stringify({ ...out, cpuMs: cpuMs() - cpu0, peakRssMb: peakMb() }));
