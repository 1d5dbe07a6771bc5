/**
 * Search across seized documents: a generated mbox imported through the pipeline (which indexes
 * its documents), then the document search with a sender filter and near-duplicate grouping,
 * beside the case's own full-text search of the same words (the index both read) — on SQLite
 * and, when reachable, PostgreSQL.
 */
import { mailImporter } from '../src/ingest/documents/mailItems.ts';
import { memoryInput } from '../src/ingest/files.ts';
import { createCase } from '../src/services/cases/index.ts';
import { searchDocuments } from '../src/services/documents/index.ts';
import { runImport } from '../src/services/imports/index.ts';
import { textSearch } from '../src/services/search/index.ts';
import { cliCaller } from '../src/services/useCase/index.ts';
import { Store } from '../src/store/store.ts';
import { testActor } from '../test/support/api.ts';
import { mailbox } from './mail.ts';
import { fmt, pgStore, postgresReachable, time } from './support.ts';

const RUNS = 20;

async function measure(store: Store, label: string, n: number): Promise<void> {
  const actor = await testActor(store, `bench-docsearch-${label}`, 'investigator');
  const caseId = (await createCase(store, actor, { title: 'bench document search', country: 'LV' })).id;
  await runImport(store, actor, caseId, mailImporter, memoryInput('seized.mbox', Buffer.from(mailbox(n))), {});
  const caller = cliCaller(actor);
  const docs = () =>
    searchDocuments(store, caller, caseId, { q: 'passport', type: ['mail'], sender: 'sender1@', limit: 50 });
  const words = () => textSearch(store, caller, caseId, { q: 'passport', limit: 50 });
  await docs();
  await words(); // warm-up
  const a = await time(async () => {
    let found = 0;
    for (let i = 0; i < RUNS; i++) found = (await docs()).results.length;
    return found;
  });
  const b = await time(async () => {
    let found = 0;
    for (let i = 0; i < RUNS; i++) found = (await words()).results.length;
    return found;
  });
  console.log(
    `  ${label.padEnd(10)} document search (words, type, sender, groups): ${(a.ms / RUNS).toFixed(1)} ms ` +
      `(${a.value} found); case full-text search, same words: ${(b.ms / RUNS).toFixed(1)} ms (${b.value} found); ` +
      `ratio ${(a.ms / b.ms).toFixed(2)}`,
  );
}

export async function documentSearchBench(): Promise<void> {
  const n = Number(process.env.BENCH_DOCSEARCH_MESSAGES ?? 5_000);
  console.log(`\nDocument search: ${fmt(n)} e-mails imported, mean of ${RUNS} searches each`);
  const sqlite = await Store.open({ sqliteFile: ':memory:' });
  try {
    await measure(sqlite, 'SQLite', n);
  } finally {
    await sqlite.close();
  }
  if (!(await postgresReachable())) {
    console.log('  PostgreSQL not reachable: skipped');
    return;
  }
  const pg = await pgStore();
  try {
    await measure(pg.store, 'PostgreSQL', n);
  } finally {
    await pg.dispose();
  }
}

if (process.argv[1]?.endsWith('documentSearch.ts')) await documentSearchBench();
