/**
 * Assembly on import (services/assembly): a large camt.053 statement imported into a case that
 * already holds the bank's KYC list, timed with assembly — counterparty accounts meeting the KYC
 * accounts of the same IBAN, their holders meeting the KYC persons — beside the same import with
 * assembly switched off, in the same run, each into its own fresh case. Aim: ratio ≤ 1.3.
 * BENCH_ASSEMBLY_LINES sets the statement lines (default 60,000; the 1M scenario is the same
 * work per account, while the lines themselves cost the same with or without assembly).
 */
import { loadavg } from 'node:os';
import { camtDocument, type TestEntry } from '../src/ingest/bank/camtDocuments.testing.ts';
import { camt053Importer } from '../src/ingest/bank/index.ts';
import { ftmMappingImporter } from '../src/ingest/formats/ftmMapping.ts';
import { memoryInput } from '../src/ingest/files.ts';
import { createCase } from '../src/services/cases/index.ts';
import { runImport } from '../src/services/imports/index.ts';
import { iban, KYC_MAPPING } from '../src/services/assembly/samples.testing.ts';
import { Store } from '../src/store/store.ts';
import { testActor } from '../test/support/api.ts';
import { fmt, time } from './support.ts';

const AIM = 1.3;

export async function assemblyBench(): Promise<void> {
  const lines = Number(process.env.BENCH_ASSEMBLY_LINES ?? 60_000);
  // A hundred lines per account, as a year of a payroll or collector account gives.
  const counterparties = Math.max(10, Math.round(lines / 100));
  const known = Math.round(counterparties / 3);
  const ibanOf = (i: number) => iban('LV', `HABA${String(i).padStart(13, '0')}`);
  const nameOf = (i: number) => `Worker${i} Surname${i % 97}`;
  const kyc = [
    'customer,name,kind,regno,country,born,passport,idcode,iban',
    ...Array.from({ length: known }, (_, i) => `${i},${nameOf(i)},P,,LV,1980-01-01,LV${100000 + i},,${ibanOf(i)}`),
  ].join('\n');
  const entries: TestEntry[] = Array.from({ length: lines }, (_, n) => {
    const i = n % counterparties;
    return {
      amount: '10.00',
      indicator: 'DBIT',
      ref: `E${n}`,
      booking: '2024-03-01',
      txs: [{ amount: '10.00', indicator: 'DBIT', creditor: { name: nameOf(i).toUpperCase(), iban: ibanOf(i) } }],
    };
  });
  const statement = camtDocument(2, [{ iban: iban('EE', '2200221020145685'), owner: 'PAYROLL OÜ', entries }]);
  console.log(
    `\nAssembly on import: a camt.053 statement of ${fmt(lines)} lines to ${fmt(counterparties)} accounts, ${fmt(known)} of them in the KYC list (SQLite)`,
  );
  const store = await Store.open({ sqliteFile: ':memory:' });
  try {
    const actor = await testActor(store, 'bench-assembly', 'investigator');
    const once = async (assemble: boolean) => {
      const caseId = (await createCase(store, actor, { title: `bench ${String(assemble)}`, country: 'LV' })).id;
      await runImport(store, actor, caseId, ftmMappingImporter, memoryInput('kyc.csv', kyc), { mapping: KYC_MAPPING });
      const cpu0 = process.cpuUsage();
      const t = await time(() =>
        runImport(
          store,
          actor,
          caseId,
          camt053Importer,
          memoryInput('statement.xml', statement),
          {},
          {
            acceptUnbalanced: true,
            assemble,
          },
        ),
      );
      const cpu = process.cpuUsage(cpu0);
      return { ...t, cpuMs: (cpu.user + cpu.system) / 1000 };
    };
    await once(true); // warm-up: modules loaded and compiled before either figure is taken
    const without = await once(false);
    const withIt = await once(true);
    const joins = withIt.value.assembly?.joins.length ?? 0;
    const ratio = withIt.ms / without.ms;
    const cpuRatio = withIt.cpuMs / without.cpuMs;
    const secs = (ms: number) => `${(ms / 1000).toFixed(2).padStart(7)} s`;
    console.log(`  Machine load average ${loadavg()[0]?.toFixed(1)} (CPU times count this process alone)`);
    console.log(
      `  ${'import with assembly'.padEnd(46)} ${secs(withIt.ms)}  CPU ${secs(withIt.cpuMs)}  ${fmt(joins)} joins`,
    );
    console.log(
      `  ${'baseline: the same import, assembly off'.padEnd(46)} ${secs(without.ms)}  CPU ${secs(without.cpuMs)}`,
    );
    console.log(
      `  ratio (with / without) ${ratio.toFixed(2)}, by CPU time ${cpuRatio.toFixed(2)}  ` +
        `(aim ≤ ${AIM}: ${ratio <= AIM ? 'met' : 'NOT met'}; by CPU ${cpuRatio <= AIM ? 'met' : 'NOT met'})`,
    );
  } finally {
    await store.close();
  }
}
