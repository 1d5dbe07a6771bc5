/**
 * Storage rate of bank transactions: the store's own path (fingerprinting + batched inserts in
 * one transaction) beside a baseline in the same run — on SQLite a raw better-sqlite3 loop
 * inserting the same rows into the same table with the same PRAGMAs in one transaction, on
 * PostgreSQL a `COPY` of the same rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { scenarioStream } from '../src/demo/index.ts';
import type { TransactionRecord } from '../src/domain/records.ts';
import { sqlitePragmas } from '../src/store/dialect.ts';
import { insertCase } from '../src/store/repos/cases/cases.ts';
import { insertTransactions, toRows } from '../src/store/repos/finance/transactions.ts';
import type { TransactionRow } from '../src/store/repos/finance/transactions.ts';
import { Store } from '../src/store/store.ts';
import { PG_URL, pgStore, postgresReachable, report, time } from './support.ts';

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

function generated(n: number): TransactionRecord[] {
  const out: TransactionRecord[] = [];
  // Scale 250 yields more than a million lines; the first n are taken.
  for (const item of scenarioStream({ seed: 77, scale: 250 })) {
    if (item.kind !== 'transaction') continue;
    out.push(item.record);
    if (out.length === n) break;
  }
  return out;
}

async function openCase(store: Store, caseId: string): Promise<void> {
  const now = new Date().toISOString();
  await insertCase(store.scope(caseId), {
    title: 'bench',
    reference: null,
    country: 'FI',
    description: null,
    status: 'open',
    owner_agency_id: null,
    handling_code: null,
    purpose: 'operational',
    created_by: 'bench',
    created_at: now,
    updated_at: now,
  });
}

const valuesOf = (caseId: string, r: Omit<TransactionRow, 'case_id'>) =>
  COLUMNS.map((c) => (c === 'case_id' ? caseId : r[c]));

async function sqliteFigures(records: TransactionRecord[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'elect-bench-'));
  try {
    const store = await Store.open({ sqliteFile: join(dir, 'store.sqlite') });
    await openCase(store, 'bench-case');
    const ours = await time(() =>
      store.transaction((trx) => insertTransactions(store.scope('bench-case').in(trx), toRows(records, null))),
    );
    await store.close();

    // Baseline: the same table definition (made by our migration), same PRAGMAs, one transaction.
    const baseStore = await Store.open({ sqliteFile: join(dir, 'raw.sqlite') });
    await openCase(baseStore, 'bench-case');
    await baseStore.close();
    const rows = toRows(records, null);
    const raw = new SQLite(join(dir, 'raw.sqlite'));
    for (const p of sqlitePragmas) raw.pragma(p);
    const insert = raw.prepare(
      `INSERT INTO transactions (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
    );
    const base = await time(() =>
      raw.transaction(() => {
        for (const r of rows) insert.run(valuesOf('bench-case', r));
      })(),
    );
    raw.close();
    report(
      `SQLite: storing ${records.length.toLocaleString('en-GB')} generated transactions`,
      { label: 'store path (fingerprint + insert)', rows: ours.value, ms: ours.ms },
      { label: 'raw better-sqlite3 prepared-statement loop', rows: rows.length, ms: base.ms },
      0.5,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const copyText = (v: unknown) =>
  v === null || v === undefined
    ? '\\N'
    : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

/**
 * The alternative to unnest: in one transaction, the rows (fingerprinted as the store path does)
 * COPYed into a temporary staging table, then one INSERT … SELECT … ON CONFLICT DO NOTHING from it
 * (valid on Citus). Into a fresh schema of its own, so it meets an empty table as the others do.
 */
async function stagedCopy(records: TransactionRecord[]): Promise<{ ms: number; value: number }> {
  const target = await pgStore();
  try {
    await openCase(target.store, 'bench-case');
    const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${target.schema}` });
    await client.connect();
    try {
      return await time(async () => {
        await client.query('BEGIN');
        await client.query(
          'CREATE TEMP TABLE staging_transactions (LIKE transactions INCLUDING DEFAULTS) ON COMMIT DROP',
        );
        const rows = toRows(records, null);
        const sink = client.query(copyFrom(`COPY staging_transactions (${COLUMNS.join(', ')}) FROM STDIN`));
        async function* lines() {
          for (let i = 0; i < rows.length; i += 1000)
            yield rows
              .slice(i, i + 1000)
              .map((r) => `${valuesOf('bench-case', r).map(copyText).join('\t')}\n`)
              .join('');
        }
        await pipeline(Readable.from(lines()), sink);
        const res = await client.query(
          `INSERT INTO transactions (${COLUMNS.join(', ')}) SELECT ${COLUMNS.join(', ')} FROM staging_transactions
           ON CONFLICT (case_id, fingerprint) DO NOTHING`,
        );
        await client.query('COMMIT');
        return res.rowCount ?? 0;
      });
    } finally {
      await client.end();
    }
  } finally {
    await target.dispose();
  }
}

async function postgresFigures(records: TransactionRecord[]): Promise<void> {
  if (!(await postgresReachable())) {
    console.log(`\nPostgreSQL: not reachable at ${PG_URL}; skipped.`);
    return;
  }
  const ours = await pgStore();
  try {
    await openCase(ours.store, 'bench-case');
    const t = await time(() =>
      ours.store.transaction((trx) =>
        insertTransactions(ours.store.scope('bench-case').in(trx), toRows(records, null)),
      ),
    );
    const rows = toRows(records, null);
    const base = await pgStore();
    try {
      await openCase(base.store, 'bench-case');
      const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${base.schema}` });
      await client.connect();
      const copy = await time(async () => {
        await client.query('BEGIN');
        const sink = client.query(copyFrom(`COPY transactions (${COLUMNS.join(', ')}) FROM STDIN`));
        async function* lines() {
          for (let i = 0; i < rows.length; i += 1000) {
            yield rows
              .slice(i, i + 1000)
              .map((r) => `${valuesOf('bench-case', r).map(copyText).join('\t')}\n`)
              .join('');
          }
        }
        await pipeline(Readable.from(lines()), sink);
        await client.query('COMMIT');
      });
      await client.end();
      report(
        `PostgreSQL: storing ${records.length.toLocaleString('en-GB')} generated transactions (aim ≥ 0.7)`,
        { label: 'store path (fingerprint + unnest insert)', rows: t.value, ms: t.ms },
        { label: 'COPY of the same rows', rows: rows.length, ms: copy.ms },
        0.7,
      );
      const staged = await stagedCopy(records);
      report(
        'PostgreSQL: the other bulk path measured beside it (same rows, fingerprints included)',
        { label: 'COPY into a staging table + INSERT … SELECT', rows: staged.value, ms: staged.ms },
        { label: 'COPY of the same rows', rows: rows.length, ms: copy.ms },
      );
    } finally {
      await base.dispose();
    }
  } finally {
    await ours.dispose();
  }
}

export async function transactionStorageBench(n = Number(process.env.BENCH_TRANSACTIONS ?? 1_000_000)): Promise<void> {
  const gen = await time(() => generated(n));
  console.log(
    `Generated ${gen.value.length.toLocaleString('en-GB')} transactions in ${(gen.ms / 1000).toFixed(1)} s (scenario generator, seed 77).`,
  );
  await sqliteFigures(gen.value);
  await postgresFigures(gen.value);
}
