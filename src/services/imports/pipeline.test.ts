import { beforeAll, expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { memoryInput } from '../../ingest/files.ts';
import { readLines } from '../../ingest/text.ts';
import type { ImportItem, Importer } from '../../ingest/types.ts';
import { errors } from '../../shared/errors.ts';
import type { Actor } from '../access/index.ts';
import { createCase } from '../cases/index.ts';
import { runImport } from './pipeline.ts';
import { actorOf, addUser } from '../access/index.ts';
import { countEntitiesBySchema } from '../../store/repos/entities/entities.ts';
import { countTransactions } from '../../store/repos/finance/transactions.ts';
import { listSources } from '../../store/repos/cases/notes.ts';

/** A minimal line format for exercising the pipeline: `E <json entity>` or `T <json txn>`. */
const lineFormat: Importer<Record<string, never>> = {
  format: 'test-lines',
  label: 'Test lines',
  async *parse(input) {
    for await (const { line, text } of readLines(input.open())) {
      if (!text.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(text.slice(2));
      } catch {
        throw errors.importFailed('Not JSON', `line ${line}`);
      }
      yield (
        text.startsWith('E ') ? { kind: 'entity', line, record: value } : { kind: 'transaction', line, record: value }
      ) as ImportItem;
    }
  },
};

const E = (o: object) => `E ${JSON.stringify(o)}`;
const T = (o: object) => `T ${JSON.stringify(o)}`;

describeEachDialect('import pipeline', ({ store }) => {
  let actor: Actor;
  let caseId: string;
  const total = async () => (await countEntitiesBySchema(store().scope(caseId))).reduce((a, c) => a + c.n, 0);

  beforeAll(async () => {
    try {
      store();
    } catch {
      return;
    }
    actor = actorOf(await addUser(store(), { username: `imp-${Date.now()}`, platformRole: 'investigator' }));
    caseId = (await createCase(store(), actor, { title: 'Imports', country: 'EE' })).id;
  });

  itDb('writes entities, links declared before their ends, and transactions; records the file hash', async () => {
    const file = [
      E({ id: 'pay1', schema: 'Payment', properties: { payer: ['p1'], beneficiary: ['c1'], amount: ['100'] } }),
      E({ id: 'p1', schema: 'Person', properties: { name: ['Mari Tamm'], phone: ['+372 5123 4567'] } }),
      E({ id: 'c1', schema: 'Company', properties: { name: ['Tamm OÜ'] } }),
      E({ id: 'a1', schema: 'BankAccount', properties: { iban: ['EE382200221020145685'] } }),
      T({ accountId: 'a1', amountMinor: 50000, currency: 'EUR', bookingDate: '2026-02-01', text: 'Palk' }),
    ].join('\n');
    const progress: number[] = [];
    const report = await runImport(
      store(),
      actor,
      caseId,
      lineFormat,
      memoryInput('a.txt', file),
      {},
      { chunkSize: 2, onProgress: (p) => progress.push(p.bytesRead) },
    );
    expect(report).toMatchObject({
      entitiesAdded: 4,
      bySchema: { Payment: 1, Person: 1, Company: 1, BankAccount: 1 },
      transactionsAdded: 1,
    });
    expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(progress[progress.length - 1]).toBe(Buffer.byteLength(file));
    const sources = await listSources(store().scope(caseId));
    expect(sources.find((s) => s.id === report.sourceId)?.sha256).toBe(report.sha256);
  });

  itDb('a bad line anywhere leaves the case as it was, and the error names the line', async () => {
    const before = await total();
    const txBefore = await countTransactions(store().scope(caseId));
    const file = [
      E({ id: 'x1', schema: 'Person', properties: { name: ['Ok'] } }),
      E({ id: 'x2', schema: 'Person', properties: { name: ['Ok 2'] } }),
      E({ id: 'x3', schema: 'Person', properties: { name: ['Bad'], birthDate: ['yesterday'] } }),
    ].join('\n');
    await expect(
      runImport(store(), actor, caseId, lineFormat, memoryInput('b.txt', file), {}, { chunkSize: 1 }),
    ).rejects.toMatchObject({
      path: 'line 3: properties.birthDate[0]',
    });
    const dangling = [
      E({ id: 'y1', schema: 'Person', properties: { name: ['Y'] } }),
      E({ id: 'l1', schema: 'Associate', properties: { person: ['y1'], associate: ['nobody'] } }),
    ].join('\n');
    await expect(
      runImport(store(), actor, caseId, lineFormat, memoryInput('c.txt', dangling), {}),
    ).rejects.toMatchObject({ path: 'line 2' });
    const badJson = `${E({ id: 'z1', schema: 'Person', properties: { name: ['Z'] } })}\nE {"id":`;
    await expect(
      runImport(store(), actor, caseId, lineFormat, memoryInput('d.txt', badJson), {}),
    ).rejects.toMatchObject({ path: 'line 2' });
    expect(await total()).toBe(before);
    expect(await countTransactions(store().scope(caseId))).toBe(txBefore);
    const labels = (await listSources(store().scope(caseId))).map((s) => s.file_name);
    expect(labels).not.toContain('b.txt');
  });

  itDb('a cancelled import adds nothing', async () => {
    const before = await total();
    const ctrl = new AbortController();
    const file = Array.from({ length: 50 }, (_, i) =>
      E({ id: `k${i}`, schema: 'Person', properties: { name: [`K ${i}`] } }),
    ).join('\n');
    const run = runImport(
      store(),
      actor,
      caseId,
      lineFormat,
      memoryInput('e.txt', file),
      {},
      {
        chunkSize: 5,
        signal: ctrl.signal,
        onProgress: (p) => {
          if (p.entities >= 10) ctrl.abort();
        },
      },
    );
    await expect(run).rejects.toThrow('cancelled');
    expect(await total()).toBe(before);
  });
});
